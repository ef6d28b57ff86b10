'use strict';
// A SharedArrayBuffer posted to a port or given as workerData is the same
// memory on the other side (writes of either side are seen by the other).
const { Worker, MessageChannel, receiveMessageOnPort } = require('worker_threads');

const sab = new SharedArrayBuffer(16);
const view = new Int32Array(sab);

const { port1, port2 } = new MessageChannel();
port1.postMessage({ a: sab, b: sab, list: [new SharedArrayBuffer(0), new SharedArrayBuffer(3)] });
const { message } = receiveMessageOnPort(port2);
console.log('same object twice:', message.a === message.b);
console.log('a SharedArrayBuffer:', message.a instanceof SharedArrayBuffer, message.a.byteLength);
console.log('not the sender object:', message.a !== sab);
console.log('lengths:', message.list.map((b) => b.byteLength).join(','));
new Int32Array(message.a)[0] = 7;
console.log('write seen by the sender:', view[0]);
port1.close();

const worker = new Worker(`
  const { workerData, parentPort } = require('worker_threads');
  const shared = new Int32Array(workerData.sab);
  shared[1] = shared[0] * 6;
  const mine = new SharedArrayBuffer(4);
  new Int32Array(mine)[0] = 5;
  parentPort.postMessage(mine);
  parentPort.once('message', () => {
    Atomics.add(new Int32Array(mine), 0, 1);
    parentPort.postMessage('added');
  });
`, { eval: true, workerData: { sab } });
let fromWorker;
worker.on('message', (msg) => {
  if (msg instanceof SharedArrayBuffer) {
    fromWorker = new Int32Array(msg);
    console.log('worker wrote:', view[1], 'worker buffer:', fromWorker[0]);
    worker.postMessage('go');
  } else {
    console.log(msg, fromWorker[0]);
  }
});
worker.on('exit', (code) => {
  // The worker's runtime is gone; its buffer's memory is still ours.
  fromWorker[0] += 10;
  console.log('exit', code, fromWorker[0]);
});
