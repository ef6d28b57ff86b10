// Error basics V8 gives and QuickJS needs help with.
const e = new TypeError('boom');
console.log(e.stack.split('\n')[0]);
console.log(/^\s+at /.test(e.stack.split('\n')[1]));
class MyError extends Error {
  constructor(m) { super(m); this.name = 'MyError'; }
}
const m = new MyError('mine');
console.log(m instanceof MyError, m instanceof Error, m.stack.split('\n')[0]);
const o = {};
Error.captureStackTrace(o);
console.log(typeof o.stack, o.stack.split('\n')[0]);
try { null.x; } catch (err) { console.log(err instanceof TypeError, err.constructor === TypeError); }
console.log(Object.keys(e).length, Object.prototype.hasOwnProperty.call(e, 'stack'));
console.log(String(new RangeError('r')), new Error('c', { cause: 1 }).cause);
