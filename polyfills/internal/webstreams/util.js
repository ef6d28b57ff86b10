// Shared pieces of the WHATWG Streams implementation: queue-with-sizes,
// strategy extraction, promise helpers, brand checks.
'use strict';

const {
  codes: { ERR_INVALID_ARG_VALUE, ERR_INVALID_THIS, ERR_INVALID_ARG_TYPE },
} = require('internal/errors');

const kState = Symbol('kState');
const kType = Symbol('kType');
// Shared with the Node-stream utilities (finished, addAbortSignal, isDisturbed).
const kIsClosedPromise = Symbol.for('nodejs.webstream.isClosedPromise');
const kControllerErrorFunction = Symbol.for('nodejs.webstream.controllerErrorFunction');
const kIsDisturbed = Symbol.for('nodejs.stream.disturbed');
const kIsErrored = Symbol.for('nodejs.stream.errored');
const kIsReadable = Symbol.for('nodejs.stream.readable');
const kIsWritable = Symbol.for('nodejs.stream.writable');

// A promise with its resolve/reject; `settled` tells whether either ran.
function createDeferred() {
  const deferred = { promise: undefined, resolve: undefined, reject: undefined, settled: false };
  deferred.promise = new Promise((res, rej) => {
    deferred.resolve = (value) => { deferred.settled = true; res(value); };
    deferred.reject = (err) => { deferred.settled = true; rej(err); };
  });
  return deferred;
}

function setPromiseHandled(promise) {
  promise.then(() => {}, () => {});
}

// Calls fn(...args) and turns a throw or a non-promise into a promise.
function promiseCall(fn, thisArg, ...args) {
  try {
    return Promise.resolve(fn.call(thisArg, ...args));
  } catch (err) {
    return Promise.reject(err);
  }
}

function isBrand(value, state) {
  return value != null && typeof value === 'object' && value[kState] !== undefined &&
    value[kType] === state;
}

function invalidThis(name) {
  return new ERR_INVALID_THIS(name);
}

// Queue with sizes: [{ value, size }] plus the running total.
function dequeueValue(controller) {
  const { value, size } = controller[kState].queue.shift();
  controller[kState].queueTotalSize = Math.max(0, controller[kState].queueTotalSize - size);
  return value;
}

function enqueueValueWithSize(controller, value, size) {
  size = +size;
  if (typeof size !== 'number' || Number.isNaN(size) || size < 0 || size === Infinity) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('size', size);
  }
  controller[kState].queue.push({ value, size });
  controller[kState].queueTotalSize += size;
}

function peekQueueValue(controller) {
  return controller[kState].queue[0].value;
}

function resetQueue(controller) {
  controller[kState].queue = [];
  controller[kState].queueTotalSize = 0;
}

function extractHighWaterMark(value, defaultHWM) {
  if (value === undefined) return defaultHWM;
  value = +value;
  if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('strategy.highWaterMark', value);
  }
  return value;
}

function extractSizeAlgorithm(size) {
  if (size === undefined) return () => 1;
  if (typeof size !== 'function') throw new ERR_INVALID_ARG_TYPE('strategy.size', 'Function', size);
  return (chunk) => size(chunk);
}

function lazyDOMException(message, name) {
  const { DOMException } = require('internal/per_context/domexception');
  return new DOMException(message, name);
}

function customInspect(self, name, depth, options, fields) {
  if (depth < 0) return self;
  const { inspect } = require('internal/util/inspect');
  const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
  return `${name} ${inspect(fields, opts)}`;
}

function isViewOfArrayBuffer(value) {
  return ArrayBuffer.isView(value);
}

function cloneAsUint8Array(view) {
  const buffer = view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength);
  return new Uint8Array(buffer);
}

function transferArrayBuffer(buffer) {
  if (typeof buffer.transfer === 'function') return buffer.transfer();
  const copy = buffer.slice(0);
  return copy;
}

function isDetached(buffer) {
  if (buffer.detached !== undefined) return buffer.detached;
  return false;
}

module.exports = {
  kState,
  kType,
  kIsClosedPromise,
  kControllerErrorFunction,
  kIsDisturbed,
  kIsErrored,
  kIsReadable,
  kIsWritable,
  createDeferred,
  setPromiseHandled,
  promiseCall,
  isBrand,
  invalidThis,
  dequeueValue,
  enqueueValueWithSize,
  peekQueueValue,
  resetQueue,
  extractHighWaterMark,
  extractSizeAlgorithm,
  lazyDOMException,
  customInspect,
  isViewOfArrayBuffer,
  cloneAsUint8Array,
  transferArrayBuffer,
  isDetached,
};
