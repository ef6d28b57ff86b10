const order = [];
const log = (x) => order.push(x);
// Phase order: sync -> nextTick -> microtasks -> immediates -> timers, nested.
// Started from a timer callback: there, immediates always run before new
// timers (from the main module the first timer/immediate race is undefined).
setTimeout(() => {
setTimeout(() => {
  log('t1');
  process.nextTick(() => log('t1-tick'));
  Promise.resolve().then(() => log('t1-micro'));
  setImmediate(() => log('t1-imm'));
  setTimeout(() => log('t1-t0'), 0);
}, 20);
setTimeout(() => log('t2'), 20);
setImmediate(() => {
  log('i1');
  process.nextTick(() => log('i1-tick'));
  setImmediate(() => log('i1-nested'));
});
setImmediate(() => log('i2'));
process.nextTick(() => {
  log('tick1');
  process.nextTick(() => log('tick-nested'));
  Promise.resolve().then(() => log('micro-from-tick'));
});
Promise.resolve().then(() => {
  log('micro1');
  process.nextTick(() => log('tick-from-micro'));
});
queueMicrotask(() => log('qm'));
log('sync');
}, 1);
process.on('exit', () => console.log(order.join('\n')));
