// worker_threads.postMessageToThread() and the 'workerMessage' event: a
// message to any thread of the process by its threadId.  It travels with a
// reply port on which the destination answers how delivery went.
'use strict';

const binding = internalBinding('messaging');
const { threadId: currentThreadId } = internalBinding('worker');
const {
  codes: {
    ERR_WORKER_MESSAGING_ERRORED,
    ERR_WORKER_MESSAGING_FAILED,
    ERR_WORKER_MESSAGING_SAME_THREAD,
    ERR_WORKER_MESSAGING_TIMEOUT,
  },
} = require('internal/errors');
const { validateNumber } = require('internal/validators');

// What the destination answers.
const kDelivered = 0;
const kNoListeners = 1;
const kListenerError = 2;

async function postMessageToThread(threadId, value, transferList, timeout) {
  if (typeof transferList === 'number' && timeout === undefined) {
    timeout = transferList;
    transferList = [];
  }
  if (timeout !== undefined) validateNumber(timeout, 'timeout', 0);
  if (threadId === currentThreadId) throw new ERR_WORKER_MESSAGING_SAME_THREAD();

  const { MessageChannel, serializeMessage } = require('internal/worker/io');
  const { port1, port2 } = new MessageChannel();
  const list = transferList === undefined || transferList === null ? [] : [...transferList];
  list.push(port2);
  let message;
  try {
    message = serializeMessage({ source: currentThreadId, value, reply: port2 }, list, null);
  } catch (err) {
    port1.close();
    throw err;
  }
  if (!binding.postToThread(Number(threadId), ...message)) {
    port1.close();
    throw new ERR_WORKER_MESSAGING_FAILED();
  }
  return new Promise((resolve, reject) => {
    let timer;
    const settle = (fn, arg) => {
      if (timer !== undefined) clearTimeout(timer);
      port1.removeAllListeners();
      port1.close();
      fn(arg);
    };
    port1.on('message', (status) => {
      if (status === kDelivered) settle(resolve);
      else if (status === kListenerError) settle(reject, new ERR_WORKER_MESSAGING_ERRORED());
      else settle(reject, new ERR_WORKER_MESSAGING_FAILED());
    });
    // The destination ended without answering.
    port1.on('close', () => settle(reject, new ERR_WORKER_MESSAGING_FAILED()));
    if (timeout !== undefined) {
      timer = setTimeout(() => settle(reject, new ERR_WORKER_MESSAGING_TIMEOUT()), timeout);
    }
  });
}

// A message for this thread (from the binding).
function onThreadMessage(payload, buffers, portIds) {
  const { deserializeMessage } = require('internal/worker/io');
  let message;
  try {
    [message] = deserializeMessage(payload, buffers, portIds);
  } catch {
    return;
  }
  const { source, value, reply } = message;
  let status = kDelivered;
  try {
    // A throwing listener is the sender's error, not this thread's.
    if (!process.emit('workerMessage', value, source)) status = kNoListeners;
  } catch {
    status = kListenerError;
  }
  reply.postMessage(status);
  reply.close();
}

module.exports = { postMessageToThread, onThreadMessage };
