// Objects implemented in JS that postMessage() can clone or transfer
// (AbortSignal, FileHandle ...).  An object opts in with markTransferMode();
// the message serializer (internal/worker/io) then asks it for
// `{ data, deserializeInfo }` through [kClone]() or [kTransfer]() and sends
// `data` as part of the message.  The receiving thread makes a new object of
// the class named by deserializeInfo ('builtin id:export name') and hands it
// `data` through [kDeserialize]().
'use strict';

const {
  transfer_mode_private_symbol: kTransferMode,
} = internalBinding('util').privateSymbols;

// Per-thread symbols, found by their descriptions as Node's are.
const kTransfer = Symbol('messaging_transfer_symbol');
const kClone = Symbol('messaging_clone_symbol');
const kDeserialize = Symbol('messaging_deserialize_symbol');
const kTransferList = Symbol('messaging_transfer_list_symbol');

// Transfer modes (bit flags).
const kDisallowCloneAndTransfer = 0;
const kTransferable = 1;
const kCloneable = 2;

function markTransferMode(obj, cloneable = false, transferable = false) {
  if ((typeof obj !== 'object' && typeof obj !== 'function') || obj === null) return;
  let mode = kDisallowCloneAndTransfer;
  if (cloneable) mode |= kCloneable;
  if (transferable) mode |= kTransferable;
  Object.defineProperty(obj, kTransferMode, {
    __proto__: null, value: mode, writable: true, configurable: true, enumerable: false,
  });
}

function transferModeOf(obj) {
  if ((typeof obj !== 'object' && typeof obj !== 'function') || obj === null) return undefined;
  const mode = obj[kTransferMode];
  return typeof mode === 'number' ? mode : undefined;
}

// A base class for transferable objects.
class JSTransferable {
  constructor() {
    markTransferMode(this, false, true);
  }
}

// The receiving side: a new object of the class `deserializeInfo` names.
function createDeserializedObject(deserializeInfo) {
  const [id, name] = `${deserializeInfo}`.split(':');
  const realm = require('internal/bootstrap/realm');
  // Only builtins may be named (as Node's internal require).
  if (!realm.builtinIds.has(id)) throw new TypeError(`Missing internal module '${id}'`);
  const Ctor = require(id)[name];
  if (typeof Ctor !== 'function' || Ctor.prototype == null ||
      typeof Ctor.prototype[kDeserialize] !== 'function') {
    throw new Error(`Unknown deserialize spec ${deserializeInfo}`);
  }
  return new Ctor();
}

// structuredClone-like round trip of a value through a message (for tests
// and internal callers).
function structuredClone(value, options) {
  const { MessageChannel, receiveMessageOnPort } = require('internal/worker/io');
  const { port1, port2 } = new MessageChannel();
  try {
    port1.postMessage(value, options);
    return receiveMessageOnPort(port2).message;
  } finally {
    port1.close();
    port2.close();
  }
}

module.exports = {
  JSTransferable,
  markTransferMode,
  transferModeOf,
  createDeserializedObject,
  structuredClone,
  kClone,
  kDeserialize,
  kTransfer,
  kTransferList,
  kDisallowCloneAndTransfer,
  kTransferable,
  kCloneable,
};
