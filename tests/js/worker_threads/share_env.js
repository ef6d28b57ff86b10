'use strict';
// env: SHARE_ENV — the worker and its parent read and write one environment;
// without it the worker starts from a copy.
const { Worker, SHARE_ENV } = require('worker_threads');

process.env.NODESHIM_BEFORE = 'before';
const shared = new Worker(`
  const { parentPort } = require('worker_threads');
  parentPort.once('message', () => {
    const seen = [process.env.NODESHIM_BEFORE, process.env.NODESHIM_AFTER, 'NODESHIM_GONE' in process.env];
    process.env.NODESHIM_FROM_WORKER = 42;
    delete process.env.NODESHIM_BEFORE;
    parentPort.postMessage(seen.concat(Object.keys(process.env).filter((k) => k.startsWith('NODESHIM_')).sort()));
  });
`, { eval: true, env: SHARE_ENV });
process.env.NODESHIM_AFTER = 'after';
process.env.NODESHIM_GONE = 'x';
delete process.env.NODESHIM_GONE;
shared.postMessage('go');
shared.on('message', (seen) => console.log('worker saw', JSON.stringify(seen)));
shared.on('exit', () => {
  console.log('parent sees', process.env.NODESHIM_FROM_WORKER, process.env.NODESHIM_BEFORE,
              JSON.stringify(Object.keys(process.env).filter((k) => k.startsWith('NODESHIM_')).sort()));
  const copied = new Worker(`
    process.env.NODESHIM_COPY = 'copy';
    console.log('copy worker sees', process.env.NODESHIM_AFTER);
  `, { eval: true });
  copied.on('exit', () => console.log('parent after copy', process.env.NODESHIM_COPY));
});
