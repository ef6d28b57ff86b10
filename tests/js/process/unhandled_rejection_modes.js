'use strict';
// Each --unhandled-rejections mode: the warnings (names and texts, the reason
// described without running user code), the exit code, and a bad value.
const { spawnSync } = require('child_process');

const code = `
class Foo {}
const reasons = [{ a: 1 }, new Foo(), [1, 2], Symbol('x'), null, undefined, 42n,
  'text', Object.create(null), { toString() { return 'ts'; } }, new Date(0), /re/g,
  Object.assign(new RangeError('rm'), { stack: undefined })];
for (const r of reasons) Promise.reject(r);
const late = Promise.reject('late');
setTimeout(() => late.catch(() => {}), 5);
process.on('warning', (w) => console.log(w.name, JSON.stringify(w.message), w.id));
`;

for (const mode of ['warn', 'none', 'strict', 'throw', 'warn-with-error-code']) {
  const r = spawnSync(process.execPath, [`--unhandled-rejections=${mode}`, '-e', code],
                      { encoding: 'utf8' });
  const firstErr = r.stderr.split('\n').find((l) => /^\w*Error|^Unhandled/.test(l));
  console.log(mode, r.status, JSON.stringify(r.stdout), JSON.stringify(firstErr));
}

// A rejection handled after it was reported: rejectionHandled gets the promise,
// and with no listener a PromiseRejectionHandledWarning names its id.
const handled = `
const p = Promise.reject(new Error('x'));
process.on('unhandledRejection', () => {});
setTimeout(() => p.catch(() => {}), 5);
process.on('warning', (w) => console.log(w.name, w.message, w.id));
`;
let r = spawnSync(process.execPath, ['-e', handled], { encoding: 'utf8' });
console.log(r.status, JSON.stringify(r.stdout));
r = spawnSync(process.execPath, ['-e', `${handled}process.on('rejectionHandled', (q) => console.log('handled', q instanceof Promise));`], { encoding: 'utf8' });
console.log(r.status, JSON.stringify(r.stdout));

for (const args of [['--unhandled-rejections=bogus'], ['--unhandled-rejections', 'bogus']]) {
  r = spawnSync(process.execPath, [...args, '-e', 'console.log(1)'], { encoding: 'utf8' });
  console.log(r.status, JSON.stringify(r.stdout), r.stderr.includes('invalid value for --unhandled-rejections'));
}
