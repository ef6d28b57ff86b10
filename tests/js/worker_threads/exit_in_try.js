'use strict';
// process.exit() cannot be caught: a catch or finally block after it never
// runs, even one that calls nothing (main thread and worker).
const { Worker } = require('worker_threads');

if (process.argv[2] === 'main') {
  const flags = new Int32Array(4);
  process.on('exit', () => console.log('exit event'));
  try {
    process.exit(0);
  } catch {
    flags[0] = 1;
  } finally {
    flags[1] = 1;
  }
  return;
}

const shared = new Int32Array(new SharedArrayBuffer(8));
const worker = new Worker(`
  const { workerData } = require('worker_threads');
  try {
    process.exit(3);
  } catch {
    workerData[0] = 1;
  } finally {
    workerData[1] = 1;
  }
`, { eval: true, workerData: shared });
worker.on('exit', (code) => {
  console.log('worker exit', code, shared[0], shared[1]);
  const { spawnSync } = require('child_process');
  const child = spawnSync(process.execPath, [__filename, 'main']);
  console.log('main:', child.status, String(child.stdout).trim());
});
