'use strict';
// A CommonJS module's top-level frame is `Object.<anonymous>`, as V8 names
// it, and its call site has the receiver type but no function name.
const frame = new Error('x').stack.split('\n')[1];
console.log(frame.startsWith('    at Object.<anonymous> ('), frame.includes(`${__filename}:4:`));
const prev = Error.prepareStackTrace;
Error.prepareStackTrace = (e, sites) => sites;
const site = new Error('y').stack[0];
Error.prepareStackTrace = prev;
console.log(site.getTypeName(), site.getFunctionName(), site.getMethodName(), site.getLineNumber());
