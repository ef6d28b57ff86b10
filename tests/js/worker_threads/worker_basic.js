const { Worker, isMainThread, parentPort, workerData, threadId } = require('worker_threads');
if (isMainThread) {
  const w = new Worker(__filename, { workerData: { a: [1, 2] }, argv: ['x', 3] });
  console.log('main', threadId, w.threadId, typeof w.resourceLimits, w.resourceLimits);
  w.on('online', () => console.log('online'));
  w.on('message', (m) => { console.log('parent got', m); if (m === 'bye') w.postMessage('end'); });
  w.on('error', (e) => console.log('error', e));
  w.on('exit', (code) => console.log('exit', code));
  w.postMessage('hello');
} else {
  console.log('worker', threadId, workerData, process.argv.slice(2), process.argv.length);
  parentPort.on('message', (m) => {
    console.log('worker got', m);
    if (m === 'end') { parentPort.close(); return; }
    parentPort.postMessage('bye');
  });
}
