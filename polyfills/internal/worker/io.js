// MessagePort, MessageChannel, BroadcastChannel and receiveMessageOnPort over
// internalBinding('messaging'): a port is a NodeEventTarget around a port
// number; messages cross as V8 wire-format bytes (internal/v8/serdes) plus
// the bytes of transferred ArrayBuffers and the numbers of transferred ports,
// so a port's peer may live in another thread's engine.
'use strict';

const binding = internalBinding('messaging');
const { Serializer, Deserializer } = require('internal/v8/serdes');
const {
  NodeEventTarget, defineEventHandler, kNewListener, kRemoveListener, kCreateEvent,
} = require('internal/event_target');
const { codes: { ERR_INVALID_ARG_TYPE, ERR_MISSING_ARGS } } = require('internal/errors');
const types = require('internal/util/types');

const kHybridDispatch = Symbol.for('nodejs.internal.kHybridDispatch');
const kId = Symbol('kId');
const kCurrentlyReceivingPorts = Symbol.for('nodejs.internal.kCurrentlyReceivingPorts');
const {
  host_object_private_symbol: hostObjectSymbol,
  untransferable_object_private_symbol: kUntransferable,
} = internalBinding('util').privateSymbols;
const kConstructToken = Symbol('kConstructToken');
const kThreadSafeAtomics = Symbol('kThreadSafeAtomics');

// Live ports of this thread by number (the binding reports by number).
const ports = new Map();

function nativeError(Base, code, message) {
  const err = new Base(message);
  err.code = code;
  return err;
}

function dataCloneError(message) {
  const { DOMException } = require('internal/per_context/domexception');
  return new DOMException(message, 'DataCloneError');
}

let jsTransferable;
function lazyTransferable() {
  jsTransferable ??= require('internal/worker/js_transferable');
  return jsTransferable;
}

// Host objects in a message: a transferred port (by its index in the
// message's ports), or a JS transferable (its deserializeInfo and data).
const kHostPort = 0;
const kHostJSTransferable = 1;

class MessageSerializer extends Serializer {
  constructor(transferPorts, firstSharedId, jsTransfers = []) {
    super();
    this._ports = transferPorts;
    this._jsTransfers = jsTransfers;
    // SharedArrayBuffers travel after the transferred ArrayBuffers, as their
    // memory (the receiver's buffer is the same memory, not a copy).
    this._firstSharedId = firstSharedId;
    this._shared = [];
  }

  _getSharedArrayBufferId(sab) {
    let index = this._shared.indexOf(sab);
    if (index === -1) index = this._shared.push(sab) - 1;
    return this._firstSharedId + index;
  }

  _nsIsHostObject(object) {
    return lazyTransferable().transferModeOf(object) !== undefined;
  }

  _writeHostObject(object) {
    if (object instanceof MessagePort) {
      const index = this._ports.indexOf(object);
      if (index === -1) throw missingTransferable();
      this.writeUint32(kHostPort);
      this.writeUint32(index);
      return;
    }
    const { transferModeOf, kTransfer, kClone, kTransferable, kCloneable } = lazyTransferable();
    const mode = transferModeOf(object);
    if (mode === undefined) throw dataCloneError('Cannot transfer object of unsupported type.');
    let result;
    if (this._jsTransfers.includes(object)) {
      result = object[kTransfer]();
    } else if (mode & kCloneable) {
      result = object[kClone]();
    } else if (mode & kTransferable) {
      throw missingTransferable();
    } else {
      throw dataCloneError(`${require('internal/util/inspect').inspect(object, { depth: -1 })} could not be cloned.`);
    }
    this.writeUint32(kHostJSTransferable);
    this.writeValue(`${result.deserializeInfo}`);
    this.writeValue(result.data);
  }
}

function missingTransferable() {
  return nativeError(TypeError, 'ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST',
                     'Object that needs transfer was found in message but not listed in transferList');
}
MessageSerializer.prototype._getDataCloneError = dataCloneError;

class MessageDeserializer extends Deserializer {
  constructor(buffer, receivedPorts) {
    super(buffer);
    this._ports = receivedPorts;
  }

  _readHostObject() {
    if (this.readUint32() === kHostPort) return this._ports[this.readUint32()];
    const { createDeserializedObject, kDeserialize } = lazyTransferable();
    const object = createDeserializedObject(this.readValue());
    object[kDeserialize](this.readValue());
    return object;
  }
}

function iterableError(what) {
  return nativeError(TypeError, 'ERR_INVALID_ARG_TYPE', `Optional ${what} argument must be an iterable`);
}

function listFrom(iterable, what) {
  if (iterable === null || typeof iterable !== 'object' || typeof iterable[Symbol.iterator] !== 'function') {
    throw iterableError(what);
  }
  try {
    return [...iterable];
  } catch {
    throw iterableError(what);
  }
}

// postMessage(value, transferList) or postMessage(value, { transfer }).
function transferListOf(transfer) {
  if (transfer === undefined || transfer === null) return [];
  if (typeof transfer !== 'object') throw iterableError('transferList');
  if (typeof transfer[Symbol.iterator] === 'function') return listFrom(transfer, 'transferList');
  if (transfer.transfer === undefined) return [];
  return listFrom(transfer.transfer, 'options.transfer');
}

// Serializes `value` for `source` (a port, or null): [payload, buffers, portIds].
function serializeMessage(value, transfer, source) {
  const list = transferListOf(transfer);
  const transferPorts = [];
  const buffers = [];
  const jsTransfers = [];
  const seen = new Set();
  let postedToItself = false;
  let detachedNested = false;
  // (The list grows while it is read: a JS transferable names the objects it
  // transfers along with itself.  Those are checked as Node does, once the
  // value is written.)
  const topLevel = list.length;
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (seen.has(item)) {
      throw dataCloneError(`Transfer list contains duplicate ${item instanceof MessagePort ? 'MessagePort' : 'ArrayBuffer'}`);
    }
    seen.add(item);
    // An untransferable object stays behind (a buffer is copied instead).
    if (item !== null && typeof item === 'object' && item[kUntransferable] === true) continue;
    const mode = item instanceof MessagePort ? undefined : lazyTransferable().transferModeOf(item);
    if (mode !== undefined && (mode & lazyTransferable().kTransferable)) {
      jsTransfers.push(item);
      const more = typeof item[lazyTransferable().kTransferList] === 'function' ?
        item[lazyTransferable().kTransferList]() : undefined;
      if (more) list.push(...more);
    } else if (item instanceof MessagePort) {
      if (item[kId] === 0 || binding.isDetached(item[kId])) {
        if (i < topLevel) throw dataCloneError('MessagePort in transfer list is already detached');
        detachedNested = true;
      }
      if (item === source) throw dataCloneError('Transfer list contains source port');
      if (source && binding.peerOf(source[kId]) === item[kId]) {
        postedToItself = true;
        continue;
      }
      transferPorts.push(item);
    } else if (types.isArrayBuffer(item)) {
      buffers.push(item);
    } else {
      throw nativeError(TypeError, 'ERR_INVALID_TRANSFER_OBJECT', 'Found invalid object in transferList');
    }
  }
  if (postedToItself) {
    // The message would travel inside the port it is sent to: Node drops it
    // (and the channel) with a warning; the buffers are transferred all the same.
    for (const ab of buffers) {
      if (typeof ab.transfer === 'function') ab.transfer();
    }
    process.emitWarning('The target port was posted to itself, and the communication channel was lost');
    binding.close(source[kId]);
    return null;
  }
  const ser = new MessageSerializer(transferPorts, buffers.length, jsTransfers);
  buffers.forEach((ab, i) => ser.transferArrayBuffer(i, ab));
  ser.writeHeader();
  ser.writeValue(value);
  if (detachedNested) throw dataCloneError('MessagePort in transfer list is already detached');
  const payload = ser.releaseBuffer();
  const bufferBytes = buffers.map((ab) => ab.slice(0)).concat(ser._shared);
  // Transferred buffers are detached on this side.
  for (const ab of buffers) {
    if (typeof ab.transfer === 'function') ab.transfer();
  }
  const portIds = transferPorts.map((port) => detachPort(port));
  return [payload, bufferBytes, portIds];
}

function deserializeMessage(payload, buffers, portIds) {
  const received = portIds.map((id) => portForId(id));
  const der = new MessageDeserializer(new Uint8Array(payload), received);
  buffers.forEach((ab, i) => der.transferArrayBuffer(i, ab));
  der.readHeader();
  return [der.readValue(), received];
}

function detachPort(port) {
  const id = port[kId];
  ports.delete(id);
  port[kId] = 0;
  return id;
}

function portForId(id) {
  let port = ports.get(id);
  if (port === undefined) {
    port = new InternalMessagePort(kConstructToken);
    attachPort(port, id);
  }
  return port;
}

// A live port is an async resource (MESSAGEPORT) until it closes.
let asyncWrap;
function attachPort(port, id) {
  port[kId] = id;
  ports.set(id, port);
  // Like Node's: unref'd until a 'message' listener is added.
  binding.unref(id);
  asyncWrap ??= internalBinding('async_wrap');
  asyncWrap.initResource(port, asyncWrap.Providers.MESSAGEPORT);
}

function onMessage(id, payload, buffers, portIds) {
  const port = ports.get(id);
  if (port === undefined) return;
  let data;
  let received;
  try {
    [data, received] = deserializeMessage(payload, buffers, portIds);
  } catch (err) {
    port[kHybridDispatch](err, 'messageerror', undefined);
    return;
  }
  port[kCurrentlyReceivingPorts] = received;
  try {
    port[kHybridDispatch](data, 'message', undefined);
  } finally {
    port[kCurrentlyReceivingPorts] = undefined;
  }
}

function onClose(id) {
  const port = ports.get(id);
  if (port === undefined) return;
  ports.delete(id);
  port[kId] = 0;
  require('internal/async_hooks').emitDestroy(port[asyncWrap.async_id_symbol]);
  port[kHybridDispatch](undefined, 'close', undefined);
}

binding.setup(onMessage, onClose);
// Atomics.wait/notify on shared memory go through the binding once threads
// may share it (the engine's own wait would stop every thread: see
// js_bindings/messaging.py).  The engine's functions still validate the
// arguments (a wait with timeout 0 also compares the value).
if (!Atomics.wait[kThreadSafeAtomics]) {
  const nativeWait = Atomics.wait;
  const nativeNotify = Atomics.notify;
  const byteIndexOf = (typedArray, index) =>
    typedArray.byteOffset + (Math.trunc(Number(index)) || 0) * typedArray.BYTES_PER_ELEMENT;
  const methods = {
    wait(typedArray, index, value, timeout) {
      const now = Reflect.apply(nativeWait, Atomics, [typedArray, index, value, 0]);
      let ms = timeout === undefined ? Infinity : Number(timeout);
      if (Number.isNaN(ms)) ms = Infinity;
      if (now !== 'timed-out' || ms <= 0) return now;
      const wide = typedArray instanceof BigInt64Array;
      const expected = wide ? BigInt.asIntN(64, BigInt(value)) : Number(value) | 0;
      return binding.atomicsWait(typedArray.buffer, byteIndexOf(typedArray, index), String(expected),
                                 ms === Infinity ? -1 : ms, wide);
    },
    notify(typedArray, index, count) {
      const woken = Reflect.apply(nativeNotify, Atomics, [typedArray, index, count]);
      if (!types.isSharedArrayBuffer(typedArray.buffer)) return woken;
      let limit = count === undefined ? Infinity : Math.max(0, Math.trunc(Number(count)) || 0);
      if (limit !== Infinity) limit -= woken;
      return woken + binding.atomicsNotify(typedArray.buffer, byteIndexOf(typedArray, index),
                                           limit === Infinity ? -1 : limit);
    },
  };
  methods.wait[kThreadSafeAtomics] = true;
  for (const name of ['wait', 'notify']) {
    Object.defineProperty(Atomics, name, {
      __proto__: null, value: methods[name], writable: true, enumerable: false, configurable: true,
    });
  }
}

// This thread can be sent messages by threadId (postMessageToThread).
binding.setupThreadMessages((payload, buffers, portIds) =>
  require('internal/worker/messaging').onThreadMessage(payload, buffers, portIds));

function checkPort(port) {
  if (!(port instanceof MessagePort)) {
    throw new ERR_INVALID_ARG_TYPE('this', 'MessagePort', port);
  }
}

// Instances come from the binding only: the public MessagePort cannot be
// called or constructed, yet is what instanceof and .constructor see.
function MessagePort() {
  throw nativeError(TypeError, 'ERR_CONSTRUCT_CALL_INVALID', 'Constructor cannot be called');
}

class InternalMessagePort extends NodeEventTarget {
  constructor(token) {
    super();
    Object.defineProperty(this, kId, { __proto__: null, value: 0, writable: true });
    this[kCurrentlyReceivingPorts] = undefined;
    this[hostObjectSymbol] = true;
  }

  postMessage(value, transfer) {
    checkPort(this);
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('message');
    const message = serializeMessage(value, transfer, this);
    if (message !== null && this[kId] !== 0) binding.post(this[kId], ...message);
  }

  start() {
    checkPort(this);
    if (this[kId] !== 0) binding.start(this[kId]);
  }

  close(callback) {
    checkPort(this);
    if (typeof callback === 'function') this.once('close', callback);
    if (this[kId] !== 0) binding.close(this[kId]);
  }

  ref() {
    checkPort(this);
    if (this[kId] !== 0) binding.ref(this[kId]);
    return this;
  }

  unref() {
    checkPort(this);
    if (this[kId] !== 0) binding.unref(this[kId]);
    return this;
  }

  hasRef() {
    checkPort(this);
    return this[kId] !== 0 && binding.hasRef(this[kId]);
  }

  [kCreateEvent](data, type) {
    if (type !== 'message' && type !== 'messageerror') return super[kCreateEvent](data, type);
    return new MessageEvent(type, { data, ports: this[kCurrentlyReceivingPorts] || [] });
  }

  // The first 'message' listener refs the port and starts it; removing the
  // last one unrefs it (messages then wait in the queue).
  [kNewListener](size, type, ...rest) {
    if (type === 'message' && size === 1 && this[kId] !== 0) {
      binding.ref(this[kId]);
      binding.start(this[kId]);
    }
    return super[kNewListener](size, type, ...rest);
  }

  [kRemoveListener](size, type, ...rest) {
    // Without a listener the messages wait in the queue for the next one.
    if (type === 'message' && size === 0 && this[kId] !== 0) {
      binding.unref(this[kId]);
      binding.stop(this[kId]);
    }
    return super[kRemoveListener](size, type, ...rest);
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (depth < 0) return this;
    const live = this[kId] !== 0;
    return `MessagePort [EventTarget] ${inspect({
      active: live, refed: live && binding.hasRef(this[kId]),
    }, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }
}
MessagePort.prototype = InternalMessagePort.prototype;
Object.defineProperty(InternalMessagePort.prototype, 'constructor', {
  __proto__: null, value: MessagePort, writable: true, configurable: true,
});
Object.setPrototypeOf(MessagePort, NodeEventTarget);
defineEventHandler(MessagePort.prototype, 'message');
defineEventHandler(MessagePort.prototype, 'messageerror');

function newPortPair() {
  const [a, b] = binding.createChannel();
  return [portForId(a), portForId(b)];
}

class InternalMessageChannel {
  constructor() {
    const [port1, port2] = newPortPair();
    Object.defineProperty(this, 'port1', { __proto__: null, value: port1, enumerable: true, configurable: true, writable: true });
    Object.defineProperty(this, 'port2', { __proto__: null, value: port2, enumerable: true, configurable: true, writable: true });
  }
}

function MessageChannel() {
  if (new.target === undefined) {
    throw nativeError(TypeError, 'ERR_CONSTRUCT_CALL_REQUIRED', 'Cannot call constructor without `new`');
  }
  return Reflect.construct(InternalMessageChannel, [], new.target);
}
MessageChannel.prototype = InternalMessageChannel.prototype;
Object.defineProperty(MessageChannel.prototype, 'constructor', {
  __proto__: null, value: MessageChannel, writable: true, configurable: true,
});

function receiveMessageOnPort(port) {
  // A BroadcastChannel is a port too (its own queue).
  if (!(port instanceof MessagePort) && !(port instanceof BroadcastChannel && Object.prototype.hasOwnProperty.call(port, kId))) {
    throw nativeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "port" argument must be a MessagePort instance');
  }
  if (port[kId] === 0) return undefined;
  const message = binding.receive(port[kId]);
  if (message === null) return undefined;
  const [value] = deserializeMessage(message[0], message[1], message[2]);
  return { message: value };
}

// The checks of Node's moveMessagePortToContext(); moving a port into a vm
// context (objects of that context's realm) is not implemented.
function moveMessagePortToContext(port, context) {
  if (!(port instanceof MessagePort)) {
    throw nativeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "port" argument must be a MessagePort instance');
  }
  if (port[kId] === 0 || binding.isDetached(port[kId])) {
    throw nativeError(Error, 'ERR_CLOSED_MESSAGE_PORT', 'Cannot send data on closed MessagePort');
  }
  if (context === null || typeof context !== 'object' || !require('vm').isContext(context)) {
    throw nativeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'Invalid context argument');
  }
  const { codes } = require('internal/errors');
  throw new codes.ERR_METHOD_NOT_IMPLEMENTED('moveMessagePortToContext()');
}

function markAsUntransferable(object) {
  if ((typeof object !== 'object' && typeof object !== 'function') || object === null) return;
  Object.defineProperty(object, kUntransferable, { __proto__: null, value: true, configurable: false });
}

function isMarkedAsUntransferable(object) {
  if (object == null) return false;
  return object[kUntransferable] === true;
}

// The event of a port's 'message'/'messageerror' (and the global
// MessageEvent).  Lenient as Node's: the init dictionary is destructured,
// only source and ports are checked.
class MessageEvent extends (require('internal/event_target').Event) {
  #data; #origin; #lastEventId; #source; #ports;

  constructor(type, {
    data = null, origin = '', lastEventId = '', source = null, ports = [],
  } = {}) {
    super(type);
    this.#data = data;
    this.#origin = `${origin}`;
    this.#lastEventId = `${lastEventId}`;
    this.#source = source;
    if (ports === null || ports === undefined || typeof ports[Symbol.iterator] !== 'function') {
      throw new TypeError('ports is not iterable');
    }
    this.#ports = [...ports];
    if (source !== null && !(source instanceof MessagePort)) {
      throw new ERR_INVALID_ARG_TYPE('init.source', 'MessagePort', source);
    }
    this.#ports.forEach((port, i) => {
      if (!(port instanceof MessagePort)) throw new ERR_INVALID_ARG_TYPE(`init.ports[${i}]`, 'MessagePort', port);
    });
  }

  static #check(event) {
    if (event === null || typeof event !== 'object' || !(#data in event)) {
      const { codes } = require('internal/errors');
      throw new codes.ERR_INVALID_THIS('MessageEvent');
    }
    return event;
  }

  get data() { return MessageEvent.#check(this).#data; }
  get origin() { return MessageEvent.#check(this).#origin; }
  get lastEventId() { return MessageEvent.#check(this).#lastEventId; }
  get source() { return MessageEvent.#check(this).#source; }
  get ports() { return MessageEvent.#check(this).#ports; }
}
for (const name of ['data', 'origin', 'lastEventId', 'source', 'ports']) {
  Object.defineProperty(MessageEvent.prototype, name, { __proto__: null, enumerable: true });
}

const kName = Symbol('kName');

class BroadcastChannel extends (require('internal/event_target').EventTarget) {
  constructor(name) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    super();
    if (typeof name === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
    this[kName] = `${name}`;
    Object.defineProperty(this, kId, { __proto__: null, value: binding.createBroadcast(this[kName]), writable: true });
    ports.set(this[kId], this);
  }

  get name() {
    checkChannel(this);
    return this[kName];
  }

  close() {
    checkChannel(this);
    if (this[kId] === 0) return;
    binding.close(this[kId]);
    ports.delete(this[kId]);
    this[kId] = 0;
  }

  postMessage(message) {
    checkChannel(this);
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('message');
    if (this[kId] === 0) {
      const { DOMException } = require('internal/per_context/domexception');
      throw new DOMException('BroadcastChannel is closed.', 'InvalidStateError');
    }
    const [payload, buffers, portIds] = serializeMessage(message, undefined, null);
    binding.post(this[kId], payload, buffers, portIds);
  }

  ref() {
    checkChannel(this);
    if (this[kId] !== 0) binding.ref(this[kId]);
    return this;
  }

  unref() {
    checkChannel(this);
    if (this[kId] !== 0) binding.unref(this[kId]);
    return this;
  }

  [kCreateEvent](data, type) {
    return new MessageEvent(type, { data });
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    checkChannel(this);
    if (depth < 0) return 'BroadcastChannel';
    return `BroadcastChannel ${inspect({ name: this[kName], active: this[kId] !== 0 },
      { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }
}
defineEventHandler(BroadcastChannel.prototype, 'message');
defineEventHandler(BroadcastChannel.prototype, 'messageerror');

function checkChannel(channel) {
  if (!(channel instanceof BroadcastChannel) || !Object.prototype.hasOwnProperty.call(channel, kId)) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_THIS('BroadcastChannel');
  }
}

// What a worker tells its parent over the control port.
const messageTypes = {
  UP_AND_RUNNING: 'upAndRunning',
  COULD_NOT_SERIALIZE_ERROR: 'couldNotSerializeError',
  ERROR_MESSAGE: 'errorMessage',
  STDIO_PAYLOAD: 'stdioPayload',
  STDIO_WANTS_MORE_DATA: 'stdioWantsMoreData',
  LOAD_SCRIPT: 'loadScript',
};

module.exports = {
  BroadcastChannel,
  MessageEvent,
  messageTypes,
  MessagePort,
  MessageChannel,
  receiveMessageOnPort,
  markAsUntransferable,
  isMarkedAsUntransferable,
  moveMessagePortToContext,
  serializeMessage,
  deserializeMessage,
  portForId,
  kId,
  ports,
};
