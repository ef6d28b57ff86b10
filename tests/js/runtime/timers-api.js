// Timeout objects: ref/unref/hasRef/refresh/toPrimitive/clear by id.
const a = setTimeout(() => console.log('never: cleared by id'), 5);
clearTimeout(+a);
const b = setTimeout(() => console.log('never: unref'), 50000);
b.unref();
console.log('hasRef', b.hasRef(), typeof b[Symbol.toPrimitive]());
b.ref(); b.unref();
let n = 0;
const iv = setInterval(() => {
  n++;
  if (n === 3) { clearInterval(iv); console.log('interval done', n); }
}, 1);
const r = setTimeout(() => console.log('refreshed fired'), 20);
setTimeout(() => r.refresh(), 10);
setTimeout((x, y) => console.log('args', x, y), 25, 'a', 'b');
const im = setImmediate(() => console.log('never: cleared immediate'));
clearImmediate(im);
setImmediate((x) => console.log('immediate arg', x), 42);
const u = setImmediate(() => console.log('unref immediate still runs while loop alive'));
u.unref();
require('timers/promises').setTimeout(15, 'value').then((v) => console.log('promises', v));
process.on('exit', (code) => console.log('exit', code));
