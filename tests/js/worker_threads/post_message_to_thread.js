'use strict';
// postMessageToThread(): messages to any thread by threadId ('workerMessage'
// there), with Node's errors; Atomics.wait/notify between threads.
const { Worker, postMessageToThread, threadId } = require('worker_threads');

function show(label, promise) {
  return promise.then(
    (value) => console.log(label, 'resolved', value),
    (err) => console.log(label, err.name, err.code, err.message));
}

process.on('workerMessage', (value, source) => {
  console.log('main got', JSON.stringify(value), 'from', source === worker.threadId ? 'worker' : source);
});

const shared = new Int32Array(new SharedArrayBuffer(8));
const worker = new Worker(`
  const { parentPort, postMessageToThread, workerData } = require('worker_threads');
  const received = [];
  process.on('workerMessage', (value, source) => {
    if (value === 'throw') throw new Error('listener failure');
    received.push(JSON.stringify(value) + ' from ' + source);
    if (value === 'late') parentPort.postMessage('worker got ' + received.join(', '));
  });
  parentPort.on('message', async (msg) => {
    if (msg === 'block') {
      // Blocks this thread until the main thread stores 1 and notifies.
      parentPort.postMessage('blocking');
      parentPort.postMessage('wait: ' + Atomics.wait(workerData, 0, 0));
      return;
    }
    await postMessageToThread(0, { hello: 'main' });
    parentPort.postMessage('sent to main');
  });
`, { eval: true, workerData: shared });

(async () => {
  // A message queued before the worker listens still arrives.
  await show('to new worker', postMessageToThread(worker.threadId, { n: 1 }));
  await show('same thread', postMessageToThread(threadId, 1));
  await show('unknown thread', postMessageToThread(424242, 1));
  await show('bad timeout', postMessageToThread(worker.threadId, 1, -1));
  await show('listener throws', postMessageToThread(worker.threadId, 'throw'));
  worker.postMessage('go');
})();

let step = 0;
worker.on('message', async (msg) => {
  console.log(msg);
  if (msg === 'sent to main' && step++ === 0) {
    worker.postMessage('block');
  } else if (msg === 'blocking') {
    await show('blocked worker', postMessageToThread(worker.threadId, 'late', 100));
    Atomics.store(shared, 0, 1);
    console.log('woken', Atomics.notify(shared, 0));
  } else if (msg.startsWith('worker got')) {
    worker.terminate();
  }
});
