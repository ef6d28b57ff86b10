// Timeout objects: ref/unref/hasRef/refresh/toPrimitive/clear by id.
// Steps run one after another so the output does not depend on load.
const a = setTimeout(() => console.log('never: cleared by id'), 5);
clearTimeout(+a);
const b = setTimeout(() => console.log('never: unref'), 50000);
b.unref();
console.log('hasRef', b.hasRef(), typeof b[Symbol.toPrimitive]());
b.ref(); b.unref();
const im = setImmediate(() => console.log('never: cleared immediate'));
clearImmediate(im);

function step1() {
  let n = 0;
  const iv = setInterval(() => {
    n++;
    if (n === 3) { clearInterval(iv); console.log('interval done', n); step2(); }
  }, 1);
}

function step2() {
  let fired = 0;
  const r = setTimeout(() => { fired++; console.log('refreshed fired', fired); step3(); }, 20);
  setTimeout(() => r.refresh(), 10);
}

function step3() {
  setTimeout((x, y) => { console.log('args', x, y); step4(); }, 1, 'a', 'b');
}

function step4() {
  require('timers/promises').setTimeout(2, 'value').then((v) => {
    console.log('promises', v);
    const u = setImmediate(() => console.log('unref immediate still runs while loop alive'));
    u.unref();
    setImmediate((x) => console.log('immediate arg', x), 42);
  });
}

step1();
process.on('exit', (code) => console.log('exit', code));
