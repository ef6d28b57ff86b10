// The internal message helpers of cluster: every message is a NODE_CLUSTER
// internal message with a sequence number; a reply names the sequence number
// it answers in `ack`, which routes it to the callback given with the request.
'use strict';

const callbacks = new Map();
let seq = 0;

function sendHelper(proc, message, handle, cb) {
  if (!proc.connected) return false;

  // The NODE_ prefix makes it an 'internalMessage' on the other side.
  message = { cmd: 'NODE_CLUSTER', ...message, seq };

  if (typeof cb === 'function') callbacks.set(seq, cb);

  seq += 1;
  return proc.send(message, handle);
}

// An 'internalMessage' listener: replies go to their request's callback,
// everything else to `cb`, with `this` the worker.
function internal(worker, cb) {
  return function onInternalMessage(message, handle) {
    if (message.cmd !== 'NODE_CLUSTER') return;

    let fn = cb;

    if (message.ack !== undefined) {
      const callback = callbacks.get(message.ack);
      if (callback !== undefined) {
        fn = callback;
        callbacks.delete(message.ack);
      }
    }

    Reflect.apply(fn, worker, arguments);
  };
}

module.exports = { sendHelper, internal };
