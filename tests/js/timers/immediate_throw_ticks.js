'use strict';
// An immediate that throws: the rest of the queue resumes, and the
// thrower's nextTick runs only after the next immediate.
const order = [];
process.once('uncaughtException', (err) => order.push('uncaught ' + err.message));
setImmediate(() => order.push('a'));
setImmediate(() => {
  process.nextTick(() => order.push('tick of thrower'));
  throw new Error('boom');
});
setImmediate(() => order.push('b'));
setImmediate(() => order.push('c'));
setTimeout(() => console.log(order.join('\n')), 20);
