'use strict';
// JS objects postMessage() can transfer: a transferable AbortSignal (the
// receiver's copy aborts with the original) and a FileHandle (the receiver
// gets the open file; the sender's handle is closed without 'close').
const fs = require('fs');
const os = require('os');
const path = require('path');
const { Worker, MessageChannel, receiveMessageOnPort } = require('worker_threads');
const { transferableAbortController, transferableAbortSignal } = require('util');

function show(fn) {
  try {
    fn();
    console.log('no error');
  } catch (err) {
    console.log(err.name, err.code, err.message);
  }
}

// A plain AbortSignal is not transferable; a FileHandle must be transferred.
show(() => new MessageChannel().port1.postMessage(new AbortController().signal, [new AbortController().signal]));

{
  const signal = transferableAbortSignal(AbortSignal.abort('early'));
  const { port1, port2 } = new MessageChannel();
  port1.postMessage(signal, [signal]);
  const copy = receiveMessageOnPort(port2).message;
  console.log('aborted copy:', copy instanceof AbortSignal, copy.aborted, copy.reason);
  port1.close();
}

const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nodeshim-transfer-')), 'data.txt');
fs.writeFileSync(file, 'hello from a transferred handle');

(async () => {
  const busy = await fs.promises.open(file);
  const reading = busy.readFile();
  show(() => new MessageChannel().port1.postMessage(busy, [busy]));
  await reading;
  await busy.close();

  const handle = await fs.promises.open(file);
  handle.on('close', () => console.log('sender close event (unexpected)'));
  show(() => new MessageChannel().port1.postMessage({ handle }));

  const ac = transferableAbortController();
  const worker = new Worker(`
    const { parentPort, workerData } = require('worker_threads');
    const { handle, signal } = workerData;
    // (The signal's port does not keep the worker alive.)
    const alive = setInterval(() => {}, 1000);
    signal.addEventListener('abort', () => {
      parentPort.postMessage('worker saw abort: ' + signal.reason);
      clearInterval(alive);
    });
    handle.readFile('utf8').then(async (text) => {
      parentPort.postMessage('worker read: ' + text);
      await handle.close();
    });
  `, { eval: true, workerData: { handle, signal: ac.signal }, transferList: [handle, ac.signal] });
  console.log('sender fd after transfer:', handle.fd);
  let messages = 0;
  worker.on('message', (msg) => {
    console.log(msg);
    if (++messages === 1) ac.abort('stop');
  });
  worker.on('exit', () => {
    fs.rmSync(path.dirname(file), { recursive: true });
    console.log('done');
  });
})();
