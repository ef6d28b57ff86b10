'use strict';
// The bottom of a stack from a nextTick/promise callback is Node's tick drain,
// named as V8 names it; nothing of the host's entry points shows below it.
function lastFrameName(stack) {
  const lines = stack.split('\n').filter((l) => l.startsWith('    at '));
  return lines[lines.length - 1].replace(/^\s+at /, '').replace(/ \(.*\)$/, '');
}
process.nextTick(function fromTick() {
  console.log('tick:', lastFrameName(new Error('x').stack));
});
Promise.resolve().then(function fromPromise() {
  console.log('promise:', lastFrameName(new Error('y').stack));
});
setImmediate(function fromImmediate() {
  const frames = new Error('z').stack.split('\n').filter((l) => l.startsWith('    at '));
  console.log('immediate frames:', frames.length, lastFrameName(frames.join('\n')));
});
setTimeout(function fromTimeout() {
  console.log('timeout:', lastFrameName(new Error('t').stack));
}, 1);
