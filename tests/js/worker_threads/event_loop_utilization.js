'use strict';
// worker.performance.eventLoopUtilization(): the worker's loop measured from
// its parent (zeros before it runs and after it ended).
const { Worker } = require('worker_threads');
const w = new Worker(`
  const { parentPort } = require('worker_threads');
  parentPort.once('message', () => { const end = Date.now() + 200; while (Date.now() < end); parentPort.postMessage('busy done'); setTimeout(() => parentPort.postMessage('idle done'), 200); });
`, { eval: true });
console.log('before', JSON.stringify(w.performance.eventLoopUtilization()));
w.on('online', () => {
  setTimeout(() => {
    const a = w.performance.eventLoopUtilization();
    w.postMessage('go');
    w.on('message', (m) => {
      const b = w.performance.eventLoopUtilization(a);
      console.log(m, 'active >= 150 ms:', b.active > 150);
      if (m === 'idle done') {
        const c = w.performance.eventLoopUtilization();
        const d = w.performance.eventLoopUtilization(c, a);
        console.log('delta ok', Math.abs(d.active - (c.active - a.active)) < 1e-9);
        w.terminate();
      }
    });
  }, 100);
});
w.on('exit', () => console.log('after exit', JSON.stringify(w.performance.eventLoopUtilization())));
