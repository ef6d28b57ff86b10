'use strict';
// Error.prepareStackTrace: the default hook exists; a custom one gets call sites (depd-style capture).
console.log(typeof Error.prepareStackTrace);
Error.prepareStackTrace = (err, sites) => sites.map((s) => [s.getFunctionName(), s.getFileName(), s.getLineNumber(), s.getColumnNumber(), s.isNative(), s.getTypeName(), String(s)].join('|'));
function foo() { return new Error('x'); }
const st = foo().stack;
console.log(Array.isArray(st), st[0].split('|').slice(0, 3).join('|'));
Error.prepareStackTrace = undefined;
console.log(foo().stack.split('\n')[0]);
// depd-style callsite capture
function getStack() {
  const prep = Error.prepareStackTrace;
  const obj = {};
  Error.prepareStackTrace = (o, s) => s;
  Error.captureStackTrace(obj, getStack);
  const stack = obj.stack;
  Error.prepareStackTrace = prep;
  return stack;
}
function caller() { return getStack(); }
const s = caller();
console.log(typeof s[0].getFileName(), s[0].getFileName() === __filename, s[0].getFunctionName());
