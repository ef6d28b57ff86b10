// WHATWG ReadableStream: default and byte controllers, default and BYOB
// readers, tee, pipeTo/pipeThrough, async iteration, ReadableStream.from.
// The abstract operations follow the Streams Standard's names.
'use strict';

const {
  AbortError,
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_STATE,
    ERR_INVALID_THIS,
  },
} = require('internal/errors');
const { validateAbortSignal } = require('internal/validators');
const {
  kState, kType, createDeferred, setPromiseHandled, promiseCall, isBrand,
  dequeueValue, enqueueValueWithSize, resetQueue, extractHighWaterMark, extractSizeAlgorithm,
  customInspect, transferArrayBuffer, kIsClosedPromise, kControllerErrorFunction,
  kIsDisturbed, kIsErrored, kIsReadable,
} = require('internal/webstreams/util');

const kReadable = 'ReadableStream';
const kDefaultController = 'ReadableStreamDefaultController';
const kByteController = 'ReadableByteStreamController';
const kDefaultReader = 'ReadableStreamDefaultReader';
const kBYOBReader = 'ReadableStreamBYOBReader';
const kBYOBRequest = 'ReadableStreamBYOBRequest';
const kSkip = Symbol('kSkip');
const kInspect = Symbol.for('nodejs.util.inspect.custom');

let writable;
function lazyWritable() {
  writable ??= require('internal/webstreams/writablestream');
  return writable;
}

function check(value, type, name) {
  if (!isBrand(value, type)) throw new ERR_INVALID_THIS(name || type);
}

function rejectThis(value, type) {
  return isBrand(value, type) ? null : Promise.reject(new ERR_INVALID_THIS(type));
}

// A reader whose lock was released answers every request with this.
function rejectDetached(reader) {
  return reader[kState].stream === undefined ?
    Promise.reject(new ERR_INVALID_STATE.TypeError('The reader is not attached to a stream')) : null;
}

// ---------------------------------------------------------------------------
// ReadableStream
// ---------------------------------------------------------------------------
class ReadableStream {
  constructor(source = undefined, strategy = undefined) {
    if (source === null) throw new ERR_INVALID_ARG_VALUE('source', source);
    if (source !== undefined && typeof source !== 'object' && typeof source !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('source', 'Object', source);
    }
    if (strategy != null && typeof strategy !== 'object' && typeof strategy !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('strategy', 'Object', strategy);
    }
    initializeReadableStream(this);
    source ??= {};
    strategy ??= {};
    const type = source.type;
    if (`${type}` === 'bytes') {
      if (strategy.size !== undefined) {
        throw new ERR_INVALID_ARG_VALUE.RangeError('strategy.size', strategy.size);
      }
      const hwm = extractHighWaterMark(strategy.highWaterMark, 0);
      setUpByteControllerFromSource(this, source, hwm);
    } else {
      if (type !== undefined) throw new ERR_INVALID_ARG_VALUE('source.type', type);
      const size = extractSizeAlgorithm(strategy.size);
      const hwm = extractHighWaterMark(strategy.highWaterMark, 1);
      setUpDefaultControllerFromSource(this, source, hwm, size);
    }
  }

  get locked() {
    check(this, kReadable);
    return isReadableStreamLocked(this);
  }

  cancel(reason = undefined) {
    const bad = rejectThis(this, kReadable);
    if (bad) return bad;
    if (isReadableStreamLocked(this)) {
      return Promise.reject(new ERR_INVALID_STATE.TypeError('ReadableStream is locked'));
    }
    return readableStreamCancel(this, reason);
  }

  getReader(options = undefined) {
    check(this, kReadable);
    if (options !== undefined && (options === null || typeof options !== 'object') &&
        typeof options !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    const mode = options?.mode;
    if (mode === undefined) return new ReadableStreamDefaultReader(this);
    if (`${mode}` !== 'byob') throw new ERR_INVALID_ARG_VALUE('options.mode', mode);
    return new ReadableStreamBYOBReader(this);
  }

  pipeThrough(transform, options = {}) {
    check(this, kReadable);
    const { readable, writable: dest } = transform ?? {};
    if (!isReadableStream(readable)) {
      throw new ERR_INVALID_ARG_TYPE('transform.readable', 'ReadableStream', readable);
    }
    if (!lazyWritable().isWritableStream(dest)) {
      throw new ERR_INVALID_ARG_TYPE('transform.writable', 'WritableStream', dest);
    }
    const opts = readPipeOptions(options);
    if (isReadableStreamLocked(this)) {
      throw new ERR_INVALID_STATE.TypeError('The ReadableStream is locked');
    }
    if (lazyWritable().isWritableStreamLocked(dest)) {
      throw new ERR_INVALID_STATE.TypeError('The WritableStream is locked');
    }
    const promise = readableStreamPipeTo(this, dest, opts.preventClose, opts.preventAbort,
                                         opts.preventCancel, opts.signal);
    setPromiseHandled(promise);
    return readable;
  }

  pipeTo(destination, options = {}) {
    const bad = rejectThis(this, kReadable);
    if (bad) return bad;
    let opts;
    try {
      if (!lazyWritable().isWritableStream(destination)) {
        throw new ERR_INVALID_ARG_TYPE('destination', 'WritableStream', destination);
      }
      opts = readPipeOptions(options);
    } catch (err) {
      return Promise.reject(err);
    }
    if (isReadableStreamLocked(this)) {
      return Promise.reject(new ERR_INVALID_STATE.TypeError('The ReadableStream is locked'));
    }
    if (lazyWritable().isWritableStreamLocked(destination)) {
      return Promise.reject(new ERR_INVALID_STATE.TypeError('The WritableStream is locked'));
    }
    return readableStreamPipeTo(this, destination, opts.preventClose, opts.preventAbort,
                                opts.preventCancel, opts.signal);
  }

  tee() {
    check(this, kReadable);
    return readableStreamTee(this, false);
  }

  values(options = undefined) {
    check(this, kReadable);
    if (options !== undefined && (options === null || typeof options !== 'object')) {
      throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    const preventCancel = !!options?.preventCancel;
    const reader = new ReadableStreamDefaultReader(this);
    const state = { reader, preventCancel, done: false, current: undefined };

    function nextSteps() {
      if (state.done) return Promise.resolve({ value: undefined, done: true });
      if (reader[kState].stream === undefined) {
        return Promise.reject(new ERR_INVALID_STATE.TypeError(
          'The reader is not bound to a ReadableStream'));
      }
      const deferred = createDeferred();
      readableStreamDefaultReaderRead(reader, {
        chunk(value) {
          state.current = undefined;
          deferred.resolve({ value, done: false });
        },
        close() {
          state.current = undefined;
          state.done = true;
          readableStreamDefaultReaderRelease(reader);
          deferred.resolve({ value: undefined, done: true });
        },
        error(err) {
          state.current = undefined;
          state.done = true;
          readableStreamDefaultReaderRelease(reader);
          deferred.reject(err);
        },
      });
      return deferred.promise;
    }

    function returnSteps(value) {
      if (state.done) return Promise.resolve({ value, done: true });
      state.done = true;
      if (reader[kState].stream === undefined) {
        return Promise.reject(new ERR_INVALID_STATE.TypeError(
          'The reader is not bound to a ReadableStream'));
      }
      if (!preventCancel) {
        const result = readableStreamReaderGenericCancel(reader, value);
        readableStreamDefaultReaderRelease(reader);
        return result.then(() => ({ value, done: true }));
      }
      readableStreamDefaultReaderRelease(reader);
      return Promise.resolve({ value, done: true });
    }

    const iterator = Object.create(ReadableStreamAsyncIteratorPrototype);
    iterator.next = function next() {
      state.current = state.current !== undefined ?
        state.current.then(nextSteps, nextSteps) : nextSteps();
      return state.current;
    };
    iterator.return = function(value) {
      const run = () => returnSteps(value);
      return state.current !== undefined ? state.current.then(run, run) : run();
    };
    Object.defineProperty(iterator, 'next', { __proto__: null, enumerable: false });
    Object.defineProperty(iterator, 'return', { __proto__: null, enumerable: false });
    return iterator;
  }

  [kInspect](depth, options) {
    return customInspect(this, this.constructor.name, depth, options, {
      locked: this.locked,
      state: this[kState].state,
      supportsBYOB: isBrand(this[kState].controller, kByteController),
    });
  }

  static from(iterable) {
    return readableStreamFromIterable(iterable);
  }

  get [kIsDisturbed]() { return this[kState].disturbed; }

  get [kIsErrored]() { return this[kState].state === 'errored'; }

  get [kIsReadable]() { return this[kState].state === 'readable'; }
}

const AsyncIteratorPrototype =
  Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}).prototype);
const ReadableStreamAsyncIteratorPrototype = Object.create(AsyncIteratorPrototype);

Object.defineProperty(ReadableStream.prototype, Symbol.asyncIterator, {
  __proto__: null,
  value: ReadableStream.prototype.values,
  writable: true,
  configurable: true,
});
Object.defineProperty(ReadableStream.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'ReadableStream', configurable: true,
});
for (const k of ['locked', 'cancel', 'getReader', 'pipeThrough', 'pipeTo', 'tee', 'values']) {
  const d = Object.getOwnPropertyDescriptor(ReadableStream.prototype, k);
  d.enumerable = true;
  Object.defineProperty(ReadableStream.prototype, k, d);
}

function readPipeOptions(options) {
  if (options === undefined) options = {};
  if (options === null || (typeof options !== 'object' && typeof options !== 'function')) {
    throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  const { signal } = options;
  if (signal !== undefined) validateAbortSignal(signal, 'options.signal');
  return {
    preventAbort: !!options.preventAbort,
    preventCancel: !!options.preventCancel,
    preventClose: !!options.preventClose,
    signal,
  };
}

function initializeReadableStream(stream) {
  stream[kType] = kReadable;
  stream[kState] = {
    state: 'readable',
    reader: undefined,
    storedError: undefined,
    disturbed: false,
    controller: undefined,
  };
  stream[kIsClosedPromise] = createDeferred();
  setPromiseHandled(stream[kIsClosedPromise].promise);
  stream[kControllerErrorFunction] = (error) => {
    const controller = stream[kState].controller;
    if (isBrand(controller, kByteController)) byteControllerError(controller, error);
    else defaultControllerError(controller, error);
  };
}

function isReadableStream(value) {
  return isBrand(value, kReadable);
}

function isReadableStreamLocked(stream) {
  return stream[kState].reader !== undefined;
}

function readableStreamCancel(stream, reason) {
  const state = stream[kState];
  state.disturbed = true;
  if (state.state === 'closed') return Promise.resolve();
  if (state.state === 'errored') return Promise.reject(state.storedError);
  readableStreamClose(stream);
  const reader = state.reader;
  if (reader !== undefined && isBrand(reader, kBYOBReader)) {
    const requests = reader[kState].readIntoRequests;
    reader[kState].readIntoRequests = [];
    for (const req of requests) req.close(undefined);
  }
  return state.controller[kCancel](reason).then(() => undefined);
}

function readableStreamClose(stream) {
  const state = stream[kState];
  state.state = 'closed';
  stream[kIsClosedPromise].resolve();
  const reader = state.reader;
  if (reader === undefined) return;
  reader[kState].close.resolve();
  if (isBrand(reader, kDefaultReader)) {
    const requests = reader[kState].readRequests;
    reader[kState].readRequests = [];
    for (const req of requests) req.close();
  }
}

function readableStreamError(stream, error) {
  const state = stream[kState];
  state.state = 'errored';
  state.storedError = error;
  stream[kIsClosedPromise].reject(error);
  const reader = state.reader;
  if (reader === undefined) return;
  reader[kState].close.reject(error);
  setPromiseHandled(reader[kState].close.promise);
  if (isBrand(reader, kDefaultReader)) {
    readableStreamDefaultReaderErrorReadRequests(reader, error);
  } else {
    readableStreamBYOBReaderErrorReadIntoRequests(reader, error);
  }
}

function readableStreamAddReadRequest(stream, request) {
  stream[kState].reader[kState].readRequests.push(request);
}

function readableStreamAddReadIntoRequest(stream, request) {
  stream[kState].reader[kState].readIntoRequests.push(request);
}

function readableStreamFulfillReadRequest(stream, chunk, done) {
  const reader = stream[kState].reader;
  const request = reader[kState].readRequests.shift();
  if (done) request.close();
  else request.chunk(chunk);
}

function readableStreamFulfillReadIntoRequest(stream, chunk, done) {
  const reader = stream[kState].reader;
  const request = reader[kState].readIntoRequests.shift();
  if (done) request.close(chunk);
  else request.chunk(chunk);
}

function readableStreamGetNumReadRequests(stream) {
  return stream[kState].reader[kState].readRequests.length;
}

function readableStreamGetNumReadIntoRequests(stream) {
  return stream[kState].reader[kState].readIntoRequests.length;
}

function readableStreamHasDefaultReader(stream) {
  const reader = stream[kState].reader;
  return reader !== undefined && isBrand(reader, kDefaultReader);
}

function readableStreamHasBYOBReader(stream) {
  const reader = stream[kState].reader;
  return reader !== undefined && isBrand(reader, kBYOBReader);
}

// ---------------------------------------------------------------------------
// Readers
// ---------------------------------------------------------------------------
function readerGenericInitialize(reader, stream) {
  reader[kState].stream = stream;
  stream[kState].reader = reader;
  const close = createDeferred();
  reader[kState].close = close;
  switch (stream[kState].state) {
    case 'readable':
      break;
    case 'closed':
      close.resolve();
      break;
    default:
      close.reject(stream[kState].storedError);
      setPromiseHandled(close.promise);
  }
}

function readableStreamReaderGenericCancel(reader, reason) {
  return readableStreamCancel(reader[kState].stream, reason);
}

function readableStreamReaderGenericRelease(reader) {
  const stream = reader[kState].stream;
  const error = new ERR_INVALID_STATE.TypeError('Reader released');
  if (stream[kState].state === 'readable') {
    reader[kState].close.reject(error);
  } else {
    const close = createDeferred();
    close.reject(error);
    reader[kState].close = close;
  }
  setPromiseHandled(reader[kState].close.promise);
  stream[kState].controller[kRelease]();
  stream[kState].reader = undefined;
  reader[kState].stream = undefined;
}

class ReadableStreamDefaultReader {
  constructor(stream) {
    if (!isReadableStream(stream)) throw new ERR_INVALID_ARG_TYPE('stream', 'ReadableStream', stream);
    this[kType] = kDefaultReader;
    this[kState] = { stream: undefined, readRequests: [], close: undefined };
    if (isReadableStreamLocked(stream)) {
      throw new ERR_INVALID_STATE.TypeError('ReadableStream is locked');
    }
    readerGenericInitialize(this, stream);
  }

  read() {
    const bad = rejectThis(this, kDefaultReader) || rejectDetached(this);
    if (bad) return bad;
    const deferred = createDeferred();
    readableStreamDefaultReaderRead(this, {
      chunk(value) { deferred.resolve({ value, done: false }); },
      close() { deferred.resolve({ value: undefined, done: true }); },
      error(err) { deferred.reject(err); },
    });
    return deferred.promise;
  }

  releaseLock() {
    check(this, kDefaultReader);
    if (this[kState].stream === undefined) return;
    readableStreamDefaultReaderRelease(this);
  }

  get closed() {
    return rejectThis(this, kDefaultReader) || this[kState].close.promise;
  }

  cancel(reason = undefined) {
    return rejectThis(this, kDefaultReader) || rejectDetached(this) ||
      readableStreamReaderGenericCancel(this, reason);
  }

  [kInspect](depth, options) {
    return customInspect(this, this.constructor.name, depth, options, {
      stream: this[kState].stream,
      readRequests: this[kState].readRequests.length,
      close: this[kState].close.promise,
    });
  }
}

function readableStreamDefaultReaderRead(reader, request) {
  const stream = reader[kState].stream;
  stream[kState].disturbed = true;
  switch (stream[kState].state) {
    case 'closed':
      request.close();
      break;
    case 'errored':
      request.error(stream[kState].storedError);
      break;
    default:
      stream[kState].controller[kPull](request);
  }
}

function readableStreamDefaultReaderRelease(reader) {
  readableStreamReaderGenericRelease(reader);
  readableStreamDefaultReaderErrorReadRequests(
    reader, new ERR_INVALID_STATE.TypeError('Releasing reader'));
}

function readableStreamDefaultReaderErrorReadRequests(reader, error) {
  const requests = reader[kState].readRequests;
  reader[kState].readRequests = [];
  for (const req of requests) req.error(error);
}

class ReadableStreamBYOBReader {
  constructor(stream) {
    if (!isReadableStream(stream)) throw new ERR_INVALID_ARG_TYPE('stream', 'ReadableStream', stream);
    this[kType] = kBYOBReader;
    this[kState] = { stream: undefined, readIntoRequests: [], close: undefined };
    if (isReadableStreamLocked(stream)) {
      throw new ERR_INVALID_STATE.TypeError('ReadableStream is locked');
    }
    if (!isBrand(stream[kState].controller, kByteController)) {
      throw new ERR_INVALID_ARG_VALUE('stream', stream, 'must be a byte stream');
    }
    readerGenericInitialize(this, stream);
  }

  // An async function in Node, so its result settles two ticks later than
  // the default reader's (reader.closed can resolve first).
  async read(view, options = {}) {
    const bad = rejectThis(this, kBYOBReader);
    if (bad) return bad;
    if (!ArrayBuffer.isView(view)) {
      return Promise.reject(new ERR_INVALID_ARG_TYPE('view', ['Buffer', 'TypedArray', 'DataView'], view));
    }
    if (options === null || typeof options !== 'object') {
      return Promise.reject(new ERR_INVALID_ARG_TYPE('options', 'Object', options));
    }
    let min = 1;
    if (options.min !== undefined) min = +options.min;
    const elementSize = view instanceof DataView ? 1 : view.constructor.BYTES_PER_ELEMENT;
    const length = view instanceof DataView ? view.byteLength : view.length;
    if (view.byteLength === 0) {
      return Promise.reject(new ERR_INVALID_STATE.TypeError('View or Viewed ArrayBuffer is zero-length or detached'));
    }
    if (view.buffer.byteLength === 0) {
      return Promise.reject(new ERR_INVALID_STATE.TypeError('Viewed ArrayBuffer is detached'));
    }
    if (!(min > 0) || min > length) {
      return Promise.reject(new ERR_INVALID_ARG_VALUE.RangeError('options.min', options.min));
    }
    const detached = rejectDetached(this);
    if (detached) return detached;
    const deferred = createDeferred();
    readableStreamBYOBReaderRead(this, view, min * elementSize, {
      chunk(value) { deferred.resolve({ value, done: false }); },
      close(value) { deferred.resolve({ value, done: true }); },
      error(err) { deferred.reject(err); },
    });
    return deferred.promise;
  }

  releaseLock() {
    check(this, kBYOBReader);
    if (this[kState].stream === undefined) return;
    readableStreamReaderGenericRelease(this);
    readableStreamBYOBReaderErrorReadIntoRequests(
      this, new ERR_INVALID_STATE.TypeError('Releasing reader'));
  }

  get closed() {
    return rejectThis(this, kBYOBReader) || this[kState].close.promise;
  }

  cancel(reason = undefined) {
    return rejectThis(this, kBYOBReader) || rejectDetached(this) ||
      readableStreamReaderGenericCancel(this, reason);
  }

  [kInspect](depth, options) {
    return customInspect(this, this.constructor.name, depth, options, {
      stream: this[kState].stream,
      requestIntoRequests: this[kState].readIntoRequests.length,
      close: this[kState].close.promise,
    });
  }
}

function readableStreamBYOBReaderRead(reader, view, minBytes, request) {
  const stream = reader[kState].stream;
  stream[kState].disturbed = true;
  if (stream[kState].state === 'errored') {
    request.error(stream[kState].storedError);
    return;
  }
  byteControllerPullInto(stream[kState].controller, view, minBytes, request);
}

function readableStreamBYOBReaderErrorReadIntoRequests(reader, error) {
  const requests = reader[kState].readIntoRequests;
  reader[kState].readIntoRequests = [];
  for (const req of requests) req.error(error);
}

for (const C of [ReadableStreamDefaultReader, ReadableStreamBYOBReader]) {
  Object.defineProperty(C.prototype, Symbol.toStringTag, {
    __proto__: null, value: C.name, configurable: true,
  });
  for (const k of ['read', 'releaseLock', 'closed', 'cancel']) {
    const d = Object.getOwnPropertyDescriptor(C.prototype, k);
    d.enumerable = true;
    Object.defineProperty(C.prototype, k, d);
  }
}

// ---------------------------------------------------------------------------
// ReadableStreamDefaultController
// ---------------------------------------------------------------------------
const kCancel = Symbol('kCancel');
const kPull = Symbol('kPull');
const kRelease = Symbol('kRelease');

class ReadableStreamDefaultController {
  constructor(skip) {
    if (skip !== kSkip) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kType] = kDefaultController;
  }

  get desiredSize() {
    check(this, kDefaultController);
    return defaultControllerGetDesiredSize(this);
  }

  close() {
    check(this, kDefaultController);
    if (!defaultControllerCanCloseOrEnqueue(this)) {
      throw new ERR_INVALID_STATE.TypeError('Controller is already closed');
    }
    defaultControllerClose(this);
  }

  enqueue(chunk = undefined) {
    check(this, kDefaultController);
    if (!defaultControllerCanCloseOrEnqueue(this)) {
      throw new ERR_INVALID_STATE.TypeError('Controller is already closed');
    }
    defaultControllerEnqueue(this, chunk);
  }

  error(error = undefined) {
    check(this, kDefaultController);
    defaultControllerError(this, error);
  }

  [kCancel](reason) {
    resetQueue(this);
    const result = promiseCall(this[kState].cancelAlgorithm, undefined, reason);
    defaultControllerClearAlgorithms(this);
    return result;
  }

  [kPull](request) {
    const stream = this[kState].stream;
    if (this[kState].queue.length) {
      const chunk = dequeueValue(this);
      if (this[kState].closeRequested && !this[kState].queue.length) {
        defaultControllerClearAlgorithms(this);
        readableStreamClose(stream);
      } else {
        defaultControllerCallPullIfNeeded(this);
      }
      request.chunk(chunk);
      return;
    }
    readableStreamAddReadRequest(stream, request);
    defaultControllerCallPullIfNeeded(this);
  }

  [kRelease]() {}

  [kInspect](depth, options) {
    return customInspect(this, this.constructor.name, depth, options, {
      stream: this[kState].stream,
    });
  }
}

function defaultControllerCallPullIfNeeded(controller) {
  if (!defaultControllerShouldCallPull(controller)) return;
  const state = controller[kState];
  if (state.pulling) {
    state.pullAgain = true;
    return;
  }
  state.pulling = true;
  promiseCall(state.pullAlgorithm, undefined, controller).then(() => {
    state.pulling = false;
    if (state.pullAgain) {
      state.pullAgain = false;
      defaultControllerCallPullIfNeeded(controller);
    }
  }, (err) => defaultControllerError(controller, err));
}

function defaultControllerShouldCallPull(controller) {
  const state = controller[kState];
  const stream = state.stream;
  if (!defaultControllerCanCloseOrEnqueue(controller)) return false;
  if (!state.started) return false;
  if (isReadableStreamLocked(stream) && readableStreamGetNumReadRequests(stream) > 0) return true;
  return defaultControllerGetDesiredSize(controller) > 0;
}

function defaultControllerClearAlgorithms(controller) {
  const state = controller[kState];
  state.pullAlgorithm = undefined;
  state.cancelAlgorithm = undefined;
  state.sizeAlgorithm = undefined;
}

function defaultControllerClose(controller) {
  if (!defaultControllerCanCloseOrEnqueue(controller)) return;
  const state = controller[kState];
  state.closeRequested = true;
  if (!state.queue.length) {
    defaultControllerClearAlgorithms(controller);
    readableStreamClose(state.stream);
  }
}

function defaultControllerEnqueue(controller, chunk) {
  if (!defaultControllerCanCloseOrEnqueue(controller)) return;
  const state = controller[kState];
  const stream = state.stream;
  if (isReadableStreamLocked(stream) && readableStreamGetNumReadRequests(stream) > 0) {
    readableStreamFulfillReadRequest(stream, chunk, false);
  } else {
    let size;
    try {
      size = state.sizeAlgorithm(chunk);
    } catch (err) {
      defaultControllerError(controller, err);
      throw err;
    }
    try {
      enqueueValueWithSize(controller, chunk, size);
    } catch (err) {
      defaultControllerError(controller, err);
      throw err;
    }
  }
  defaultControllerCallPullIfNeeded(controller);
}

function defaultControllerError(controller, error) {
  const state = controller[kState];
  if (state.stream[kState].state !== 'readable') return;
  resetQueue(controller);
  defaultControllerClearAlgorithms(controller);
  readableStreamError(state.stream, error);
}

function defaultControllerGetDesiredSize(controller) {
  const state = controller[kState];
  switch (state.stream[kState].state) {
    case 'errored': return null;
    case 'closed': return 0;
    default: return state.highWaterMark - state.queueTotalSize;
  }
}

function defaultControllerHasBackpressure(controller) {
  return !defaultControllerShouldCallPull(controller);
}

function defaultControllerCanCloseOrEnqueue(controller) {
  const state = controller[kState];
  return !state.closeRequested && state.stream[kState].state === 'readable';
}

function setUpReadableStreamDefaultController(stream, controller, startAlgorithm, pullAlgorithm,
                                              cancelAlgorithm, highWaterMark, sizeAlgorithm) {
  controller[kState] = {
    stream,
    queue: [],
    queueTotalSize: 0,
    started: false,
    closeRequested: false,
    pullAgain: false,
    pulling: false,
    sizeAlgorithm,
    highWaterMark,
    pullAlgorithm,
    cancelAlgorithm,
  };
  stream[kState].controller = controller;
  let startResult;
  try {
    startResult = startAlgorithm();
  } catch (err) {
    // Thrown synchronously out of the constructor.
    throw err;
  }
  Promise.resolve(startResult).then(() => {
    controller[kState].started = true;
    defaultControllerCallPullIfNeeded(controller);
  }, (err) => defaultControllerError(controller, err));
}

function setUpDefaultControllerFromSource(stream, source, highWaterMark, sizeAlgorithm) {
  const controller = new ReadableStreamDefaultController(kSkip);
  const { start, pull, cancel } = source;
  if (start !== undefined && typeof start !== 'function') throw new ERR_INVALID_ARG_TYPE('source.start', 'Function', start);
  if (pull !== undefined && typeof pull !== 'function') throw new ERR_INVALID_ARG_TYPE('source.pull', 'Function', pull);
  if (cancel !== undefined && typeof cancel !== 'function') throw new ERR_INVALID_ARG_TYPE('source.cancel', 'Function', cancel);
  const startAlgorithm = start ? () => start.call(source, controller) : () => undefined;
  const pullAlgorithm = pull ? () => pull.call(source, controller) : () => undefined;
  const cancelAlgorithm = cancel ? (reason) => cancel.call(source, reason) : () => undefined;
  setUpReadableStreamDefaultController(stream, controller, startAlgorithm, pullAlgorithm,
                                       cancelAlgorithm, highWaterMark, sizeAlgorithm);
}

// A stream made from algorithms (adapters, transform streams, tee).
function createReadableStream(startAlgorithm, pullAlgorithm, cancelAlgorithm,
                              highWaterMark = 1, sizeAlgorithm = () => 1) {
  const stream = Object.create(ReadableStream.prototype);
  initializeReadableStream(stream);
  const controller = new ReadableStreamDefaultController(kSkip);
  setUpReadableStreamDefaultController(stream, controller, startAlgorithm, pullAlgorithm,
                                       cancelAlgorithm, highWaterMark, sizeAlgorithm);
  return stream;
}

function createReadableByteStream(startAlgorithm, pullAlgorithm, cancelAlgorithm) {
  const stream = Object.create(ReadableStream.prototype);
  initializeReadableStream(stream);
  const controller = new ReadableByteStreamController(kSkip);
  setUpByteController(stream, controller, startAlgorithm, pullAlgorithm, cancelAlgorithm, 0, undefined);
  return stream;
}

// ---------------------------------------------------------------------------
// ReadableByteStreamController and ReadableStreamBYOBRequest
// ---------------------------------------------------------------------------
class ReadableStreamBYOBRequest {
  constructor(skip) {
    if (skip !== kSkip) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kType] = kBYOBRequest;
  }

  get view() {
    check(this, kBYOBRequest);
    return this[kState].view;
  }

  respond(bytesWritten) {
    check(this, kBYOBRequest);
    const { controller } = this[kState];
    if (controller === undefined) {
      throw new ERR_INVALID_STATE.TypeError('This BYOB request has been invalidated');
    }
    bytesWritten = +bytesWritten;
    if (!(bytesWritten >= 0) || !Number.isFinite(bytesWritten)) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('bytesWritten', bytesWritten);
    }
    if (this[kState].view.buffer.byteLength === 0) {
      throw new ERR_INVALID_STATE.TypeError('Viewed ArrayBuffer is detached');
    }
    byteControllerRespond(controller, bytesWritten);
  }

  respondWithNewView(view) {
    check(this, kBYOBRequest);
    const { controller } = this[kState];
    if (controller === undefined) {
      throw new ERR_INVALID_STATE.TypeError('This BYOB request has been invalidated');
    }
    if (!ArrayBuffer.isView(view)) {
      throw new ERR_INVALID_ARG_TYPE('view', ['Buffer', 'TypedArray', 'DataView'], view);
    }
    byteControllerRespondWithNewView(controller, view);
  }
}

class ReadableByteStreamController {
  constructor(skip) {
    if (skip !== kSkip) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kType] = kByteController;
  }

  get byobRequest() {
    check(this, kByteController);
    return byteControllerGetBYOBRequest(this);
  }

  get desiredSize() {
    check(this, kByteController);
    return byteControllerGetDesiredSize(this);
  }

  close() {
    check(this, kByteController);
    const state = this[kState];
    if (state.closeRequested) throw new ERR_INVALID_STATE.TypeError('Controller is already closed');
    if (state.stream[kState].state !== 'readable') {
      throw new ERR_INVALID_STATE.TypeError('ReadableStream is already closed');
    }
    byteControllerClose(this);
  }

  enqueue(chunk) {
    check(this, kByteController);
    if (!ArrayBuffer.isView(chunk)) {
      throw new ERR_INVALID_ARG_TYPE('chunk', ['Buffer', 'TypedArray', 'DataView'], chunk);
    }
    if (chunk.byteLength === 0) {
      throw new ERR_INVALID_ARG_VALUE('chunk', chunk, 'cannot be zero length');
    }
    if (chunk.buffer.byteLength === 0) {
      throw new ERR_INVALID_ARG_VALUE('chunk', chunk, 'cannot be detached');
    }
    const state = this[kState];
    if (state.closeRequested) throw new ERR_INVALID_STATE.TypeError('Controller is already closed');
    if (state.stream[kState].state !== 'readable') {
      throw new ERR_INVALID_STATE.TypeError('ReadableStream is already closed');
    }
    byteControllerEnqueue(this, chunk);
  }

  error(error = undefined) {
    check(this, kByteController);
    byteControllerError(this, error);
  }

  [kCancel](reason) {
    byteControllerClearPendingPullIntos(this);
    resetQueue(this);
    const result = promiseCall(this[kState].cancelAlgorithm, undefined, reason);
    byteControllerClearAlgorithms(this);
    return result;
  }

  [kPull](request) {
    const state = this[kState];
    const stream = state.stream;
    if (state.queueTotalSize > 0) {
      byteControllerFillReadRequestFromQueue(this, request);
      return;
    }
    const autoAllocate = state.autoAllocateChunkSize;
    if (autoAllocate !== undefined) {
      let buffer;
      try {
        buffer = new ArrayBuffer(autoAllocate);
      } catch (err) {
        request.error(err);
        return;
      }
      state.pendingPullIntos.push({
        buffer, bufferByteLength: autoAllocate, byteOffset: 0, byteLength: autoAllocate,
        bytesFilled: 0, minimumFill: 1, elementSize: 1, ctor: Uint8Array, type: 'default',
      });
    }
    readableStreamAddReadRequest(stream, request);
    byteControllerCallPullIfNeeded(this);
  }

  [kRelease]() {
    const state = this[kState];
    if (state.pendingPullIntos.length) {
      const first = state.pendingPullIntos[0];
      first.type = 'none';
      state.pendingPullIntos = [first];
    }
  }

  [kInspect](depth, options) {
    return customInspect(this, this.constructor.name, depth, options, {
      stream: this[kState].stream,
    });
  }
}

for (const [C, keys] of [
  [ReadableStreamDefaultController, ['desiredSize', 'close', 'enqueue', 'error']],
  [ReadableByteStreamController, ['byobRequest', 'desiredSize', 'close', 'enqueue', 'error']],
  [ReadableStreamBYOBRequest, ['view', 'respond', 'respondWithNewView']],
]) {
  Object.defineProperty(C.prototype, Symbol.toStringTag, {
    __proto__: null, value: C.name, configurable: true,
  });
  for (const k of keys) {
    const d = Object.getOwnPropertyDescriptor(C.prototype, k);
    d.enumerable = true;
    Object.defineProperty(C.prototype, k, d);
  }
}

function setUpByteControllerFromSource(stream, source, highWaterMark) {
  const controller = new ReadableByteStreamController(kSkip);
  const { start, pull, cancel } = source;
  if (start !== undefined && typeof start !== 'function') throw new ERR_INVALID_ARG_TYPE('source.start', 'Function', start);
  if (pull !== undefined && typeof pull !== 'function') throw new ERR_INVALID_ARG_TYPE('source.pull', 'Function', pull);
  if (cancel !== undefined && typeof cancel !== 'function') throw new ERR_INVALID_ARG_TYPE('source.cancel', 'Function', cancel);
  let autoAllocateChunkSize = source.autoAllocateChunkSize;
  if (autoAllocateChunkSize !== undefined) {
    autoAllocateChunkSize = +autoAllocateChunkSize;
    if (!Number.isInteger(autoAllocateChunkSize) || autoAllocateChunkSize <= 0) {
      throw new ERR_INVALID_ARG_VALUE('source.autoAllocateChunkSize', source.autoAllocateChunkSize);
    }
  }
  setUpByteController(stream, controller,
                      start ? () => start.call(source, controller) : () => undefined,
                      pull ? () => pull.call(source, controller) : () => undefined,
                      cancel ? (reason) => cancel.call(source, reason) : () => undefined,
                      highWaterMark, autoAllocateChunkSize);
}

function setUpByteController(stream, controller, startAlgorithm, pullAlgorithm, cancelAlgorithm,
                             highWaterMark, autoAllocateChunkSize) {
  controller[kState] = {
    stream,
    byobRequest: null,
    closeRequested: false,
    pullAgain: false,
    pulling: false,
    started: false,
    queue: [],
    queueTotalSize: 0,
    highWaterMark,
    pullAlgorithm,
    cancelAlgorithm,
    autoAllocateChunkSize,
    pendingPullIntos: [],
  };
  stream[kState].controller = controller;
  const startResult = startAlgorithm();
  Promise.resolve(startResult).then(() => {
    controller[kState].started = true;
    byteControllerCallPullIfNeeded(controller);
  }, (err) => byteControllerError(controller, err));
}

function byteControllerCallPullIfNeeded(controller) {
  if (!byteControllerShouldCallPull(controller)) return;
  const state = controller[kState];
  if (state.pulling) {
    state.pullAgain = true;
    return;
  }
  state.pulling = true;
  promiseCall(state.pullAlgorithm, undefined, controller).then(() => {
    state.pulling = false;
    if (state.pullAgain) {
      state.pullAgain = false;
      byteControllerCallPullIfNeeded(controller);
    }
  }, (err) => byteControllerError(controller, err));
}

function byteControllerShouldCallPull(controller) {
  const state = controller[kState];
  const stream = state.stream;
  if (stream[kState].state !== 'readable') return false;
  if (state.closeRequested) return false;
  if (!state.started) return false;
  if (readableStreamHasDefaultReader(stream) && readableStreamGetNumReadRequests(stream) > 0) return true;
  if (readableStreamHasBYOBReader(stream) && readableStreamGetNumReadIntoRequests(stream) > 0) return true;
  return byteControllerGetDesiredSize(controller) > 0;
}

function byteControllerClearAlgorithms(controller) {
  controller[kState].pullAlgorithm = undefined;
  controller[kState].cancelAlgorithm = undefined;
}

function byteControllerClearPendingPullIntos(controller) {
  byteControllerInvalidateBYOBRequest(controller);
  controller[kState].pendingPullIntos = [];
}

function byteControllerInvalidateBYOBRequest(controller) {
  const request = controller[kState].byobRequest;
  if (request === null) return;
  request[kState].controller = undefined;
  request[kState].view = null;
  controller[kState].byobRequest = null;
}

function byteControllerGetDesiredSize(controller) {
  const state = controller[kState];
  switch (state.stream[kState].state) {
    case 'errored': return null;
    case 'closed': return 0;
    default: return state.highWaterMark - state.queueTotalSize;
  }
}

function byteControllerError(controller, error) {
  const state = controller[kState];
  if (state.stream[kState].state !== 'readable') return;
  byteControllerClearPendingPullIntos(controller);
  resetQueue(controller);
  byteControllerClearAlgorithms(controller);
  readableStreamError(state.stream, error);
}

function byteControllerClose(controller) {
  const state = controller[kState];
  if (state.closeRequested || state.stream[kState].state !== 'readable') return;
  if (state.queueTotalSize > 0) {
    state.closeRequested = true;
    return;
  }
  if (state.pendingPullIntos.length) {
    const first = state.pendingPullIntos[0];
    if (first.bytesFilled % first.elementSize !== 0) {
      const err = new ERR_INVALID_STATE.TypeError('Partial read');
      byteControllerError(controller, err);
      throw err;
    }
  }
  byteControllerClearAlgorithms(controller);
  readableStreamClose(state.stream);
}

function byteControllerEnqueue(controller, chunk) {
  const state = controller[kState];
  const stream = state.stream;
  if (state.closeRequested || stream[kState].state !== 'readable') return;
  const { buffer, byteOffset, byteLength } = chunk;
  const transferred = transferArrayBuffer(buffer);
  if (state.pendingPullIntos.length) {
    const first = state.pendingPullIntos[0];
    first.buffer = transferArrayBuffer(first.buffer);
    if (first.type === 'none') byteControllerEnqueueDetachedPullIntoToQueue(controller, first);
  }
  byteControllerInvalidateBYOBRequest(controller);
  if (readableStreamHasDefaultReader(stream)) {
    byteControllerProcessReadRequestsUsingQueue(controller);
    if (readableStreamGetNumReadRequests(stream) === 0) {
      byteControllerEnqueueChunkToQueue(controller, transferred, byteOffset, byteLength);
    } else {
      if (state.pendingPullIntos.length) byteControllerShiftPendingPullInto(controller);
      readableStreamFulfillReadRequest(stream, new Uint8Array(transferred, byteOffset, byteLength), false);
    }
  } else if (readableStreamHasBYOBReader(stream)) {
    byteControllerEnqueueChunkToQueue(controller, transferred, byteOffset, byteLength);
    byteControllerProcessPullIntosUsingQueue(controller);
  } else {
    byteControllerEnqueueChunkToQueue(controller, transferred, byteOffset, byteLength);
  }
  byteControllerCallPullIfNeeded(controller);
}

function byteControllerEnqueueChunkToQueue(controller, buffer, byteOffset, byteLength) {
  controller[kState].queue.push({ buffer, byteOffset, byteLength });
  controller[kState].queueTotalSize += byteLength;
}

function byteControllerEnqueueClonedChunkToQueue(controller, buffer, byteOffset, byteLength) {
  let clone;
  try {
    clone = buffer.slice(byteOffset, byteOffset + byteLength);
  } catch (err) {
    byteControllerError(controller, err);
    throw err;
  }
  byteControllerEnqueueChunkToQueue(controller, clone, 0, byteLength);
}

function byteControllerEnqueueDetachedPullIntoToQueue(controller, desc) {
  if (desc.bytesFilled > 0) {
    byteControllerEnqueueClonedChunkToQueue(controller, desc.buffer, desc.byteOffset, desc.bytesFilled);
  }
  byteControllerShiftPendingPullInto(controller);
}

function byteControllerFillReadRequestFromQueue(controller, request) {
  const state = controller[kState];
  const entry = state.queue.shift();
  state.queueTotalSize -= entry.byteLength;
  byteControllerHandleQueueDrain(controller);
  request.chunk(new Uint8Array(entry.buffer, entry.byteOffset, entry.byteLength));
}

function byteControllerHandleQueueDrain(controller) {
  const state = controller[kState];
  if (state.queueTotalSize === 0 && state.closeRequested) {
    byteControllerClearAlgorithms(controller);
    readableStreamClose(state.stream);
  } else {
    byteControllerCallPullIfNeeded(controller);
  }
}

function byteControllerProcessReadRequestsUsingQueue(controller) {
  const state = controller[kState];
  const reader = state.stream[kState].reader;
  while (reader[kState].readRequests.length) {
    if (state.queueTotalSize === 0) return;
    const request = reader[kState].readRequests.shift();
    byteControllerFillReadRequestFromQueue(controller, request);
  }
}

function byteControllerShiftPendingPullInto(controller) {
  return controller[kState].pendingPullIntos.shift();
}

function byteControllerFillPullIntoFromQueue(controller, desc) {
  const state = controller[kState];
  const maxBytesToCopy = Math.min(state.queueTotalSize, desc.byteLength - desc.bytesFilled);
  const maxBytesFilled = desc.bytesFilled + maxBytesToCopy;
  let totalBytesToCopyRemaining = maxBytesToCopy;
  let ready = false;
  const remainderBytes = maxBytesFilled % desc.elementSize;
  const maxAlignedBytes = maxBytesFilled - remainderBytes;
  if (maxAlignedBytes >= desc.minimumFill) {
    totalBytesToCopyRemaining = maxAlignedBytes - desc.bytesFilled;
    ready = true;
  }
  while (totalBytesToCopyRemaining > 0) {
    const head = state.queue[0];
    const bytesToCopy = Math.min(totalBytesToCopyRemaining, head.byteLength);
    const destStart = desc.byteOffset + desc.bytesFilled;
    new Uint8Array(desc.buffer, destStart, bytesToCopy)
      .set(new Uint8Array(head.buffer, head.byteOffset, bytesToCopy));
    if (head.byteLength === bytesToCopy) {
      state.queue.shift();
    } else {
      head.byteOffset += bytesToCopy;
      head.byteLength -= bytesToCopy;
    }
    state.queueTotalSize -= bytesToCopy;
    desc.bytesFilled += bytesToCopy;
    totalBytesToCopyRemaining -= bytesToCopy;
  }
  return ready;
}

function byteControllerProcessPullIntosUsingQueue(controller) {
  const state = controller[kState];
  while (state.pendingPullIntos.length) {
    if (state.queueTotalSize === 0) return;
    const desc = state.pendingPullIntos[0];
    if (byteControllerFillPullIntoFromQueue(controller, desc)) {
      byteControllerShiftPendingPullInto(controller);
      byteControllerCommitPullIntoDescriptor(state.stream, desc);
    }
  }
}

function convertPullIntoDescriptor(desc) {
  const elements = desc.bytesFilled / desc.elementSize;
  return new desc.ctor(desc.buffer, desc.byteOffset, elements);
}

function byteControllerCommitPullIntoDescriptor(stream, desc) {
  let done = false;
  if (stream[kState].state === 'closed') done = true;
  const filledView = convertPullIntoDescriptor(desc);
  if (desc.type === 'default') {
    readableStreamFulfillReadRequest(stream, filledView, done);
  } else {
    readableStreamFulfillReadIntoRequest(stream, filledView, done);
  }
}

function byteControllerPullInto(controller, view, minBytes, request) {
  const state = controller[kState];
  const stream = state.stream;
  let elementSize = 1;
  let ctor = DataView;
  if (!(view instanceof DataView)) {
    elementSize = view.constructor.BYTES_PER_ELEMENT;
    ctor = view.constructor;
  }
  const { byteOffset, byteLength } = view;
  let buffer;
  try {
    buffer = transferArrayBuffer(view.buffer);
  } catch (err) {
    request.error(err);
    return;
  }
  const desc = {
    buffer, bufferByteLength: buffer.byteLength, byteOffset, byteLength, bytesFilled: 0,
    minimumFill: minBytes, elementSize, ctor, type: 'byob',
  };
  if (state.pendingPullIntos.length) {
    state.pendingPullIntos.push(desc);
    readableStreamAddReadIntoRequest(stream, request);
    return;
  }
  if (stream[kState].state === 'closed') {
    request.close(new ctor(desc.buffer, desc.byteOffset, 0));
    return;
  }
  if (state.queueTotalSize > 0) {
    if (byteControllerFillPullIntoFromQueue(controller, desc)) {
      const filledView = convertPullIntoDescriptor(desc);
      byteControllerHandleQueueDrain(controller);
      request.chunk(filledView);
      return;
    }
    if (state.closeRequested) {
      const err = new ERR_INVALID_STATE.TypeError('ReadableStream closed');
      byteControllerError(controller, err);
      request.error(err);
      return;
    }
  }
  state.pendingPullIntos.push(desc);
  readableStreamAddReadIntoRequest(stream, request);
  byteControllerCallPullIfNeeded(controller);
}

function byteControllerGetBYOBRequest(controller) {
  const state = controller[kState];
  if (state.byobRequest === null && state.pendingPullIntos.length) {
    const first = state.pendingPullIntos[0];
    const view = new Uint8Array(first.buffer, first.byteOffset + first.bytesFilled,
                                first.byteLength - first.bytesFilled);
    const request = new ReadableStreamBYOBRequest(kSkip);
    request[kState] = { controller, view };
    state.byobRequest = request;
  }
  return state.byobRequest;
}

function byteControllerRespond(controller, bytesWritten) {
  const state = controller[kState];
  const first = state.pendingPullIntos[0];
  const streamState = state.stream[kState].state;
  if (streamState === 'closed') {
    if (bytesWritten !== 0) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('bytesWritten', bytesWritten);
    }
  } else if (bytesWritten === 0) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('bytesWritten', bytesWritten);
  } else if (first.bytesFilled + bytesWritten > first.byteLength) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('bytesWritten', bytesWritten);
  }
  first.buffer = transferArrayBuffer(first.buffer);
  byteControllerRespondInternal(controller, bytesWritten);
}

function byteControllerRespondInternal(controller, bytesWritten) {
  const state = controller[kState];
  const first = state.pendingPullIntos[0];
  byteControllerInvalidateBYOBRequest(controller);
  if (state.stream[kState].state === 'closed') {
    if (first.type === 'none') byteControllerShiftPendingPullInto(controller);
    const stream = state.stream;
    if (readableStreamHasBYOBReader(stream)) {
      while (readableStreamGetNumReadIntoRequests(stream) > 0) {
        const desc = byteControllerShiftPendingPullInto(controller);
        byteControllerCommitPullIntoDescriptor(stream, desc);
      }
    }
  } else {
    first.bytesFilled += bytesWritten;
    if (first.type === 'none') {
      if (first.bytesFilled > 0) byteControllerEnqueueDetachedPullIntoToQueue(controller, first);
      else byteControllerShiftPendingPullInto(controller);
      byteControllerProcessPullIntosUsingQueue(controller);
    } else if (first.bytesFilled >= first.minimumFill) {
      byteControllerShiftPendingPullInto(controller);
      const remainder = first.bytesFilled % first.elementSize;
      if (remainder > 0) {
        const end = first.byteOffset + first.bytesFilled;
        byteControllerEnqueueClonedChunkToQueue(controller, first.buffer, end - remainder, remainder);
      }
      first.bytesFilled -= remainder;
      byteControllerCommitPullIntoDescriptor(state.stream, first);
      byteControllerProcessPullIntosUsingQueue(controller);
    }
  }
  byteControllerCallPullIfNeeded(controller);
}

function byteControllerRespondWithNewView(controller, view) {
  const state = controller[kState];
  const first = state.pendingPullIntos[0];
  if (state.stream[kState].state === 'closed') {
    if (view.byteLength !== 0) {
      throw new ERR_INVALID_ARG_VALUE('view', view, 'must be zero length when the stream is closed');
    }
  } else if (view.byteLength === 0) {
    throw new ERR_INVALID_ARG_VALUE('view', view, 'must not be zero length');
  }
  if (first.byteOffset + first.bytesFilled !== view.byteOffset) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('view', view);
  }
  if (first.bufferByteLength !== view.buffer.byteLength) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('view', view);
  }
  if (first.bytesFilled + view.byteLength > first.byteLength) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('view', view);
  }
  first.buffer = transferArrayBuffer(view.buffer);
  byteControllerRespondInternal(controller, view.byteLength);
}

// ---------------------------------------------------------------------------
// tee
// ---------------------------------------------------------------------------
function readableStreamTee(stream, cloneForBranch2) {
  if (isBrand(stream[kState].controller, kByteController)) {
    return readableByteStreamTee(stream);
  }
  const reader = new ReadableStreamDefaultReader(stream);
  let reading = false;
  let readAgain = false;
  let canceled1 = false;
  let canceled2 = false;
  let reason1;
  let reason2;
  let branch1;
  let branch2;
  const cancelPromise = createDeferred();

  function pullAlgorithm() {
    if (reading) {
      readAgain = true;
      return Promise.resolve();
    }
    reading = true;
    readableStreamDefaultReaderRead(reader, {
      chunk(value) {
        queueMicrotask(() => {
          readAgain = false;
          const value1 = value;
          let value2 = value;
          if (!canceled2 && cloneForBranch2) value2 = structuredClone(value2);
          if (!canceled1) defaultControllerEnqueue(branch1[kState].controller, value1);
          if (!canceled2) defaultControllerEnqueue(branch2[kState].controller, value2);
          reading = false;
          if (readAgain) pullAlgorithm();
        });
      },
      close() {
        reading = false;
        if (!canceled1) defaultControllerClose(branch1[kState].controller);
        if (!canceled2) defaultControllerClose(branch2[kState].controller);
        if (!canceled1 || !canceled2) cancelPromise.resolve();
      },
      error() {
        reading = false;
      },
    });
    return Promise.resolve();
  }

  function cancel1Algorithm(reason) {
    canceled1 = true;
    reason1 = reason;
    if (canceled2) {
      cancelPromise.resolve(readableStreamCancel(stream, [reason1, reason2]));
    }
    return cancelPromise.promise;
  }

  function cancel2Algorithm(reason) {
    canceled2 = true;
    reason2 = reason;
    if (canceled1) {
      cancelPromise.resolve(readableStreamCancel(stream, [reason1, reason2]));
    }
    return cancelPromise.promise;
  }

  branch1 = createReadableStream(() => {}, pullAlgorithm, cancel1Algorithm);
  branch2 = createReadableStream(() => {}, pullAlgorithm, cancel2Algorithm);

  reader[kState].close.promise.then(undefined, (err) => {
    defaultControllerError(branch1[kState].controller, err);
    defaultControllerError(branch2[kState].controller, err);
    if (!canceled1 || !canceled2) cancelPromise.resolve();
  });
  return [branch1, branch2];
}

// Byte streams tee into two byte streams; chunks are copied for branch 2.
function readableByteStreamTee(stream) {
  const reader = new ReadableStreamDefaultReader(stream);
  let reading = false;
  let readAgain = false;
  let canceled1 = false;
  let canceled2 = false;
  let reason1;
  let reason2;
  let branch1;
  let branch2;
  const cancelPromise = createDeferred();

  function enqueueTo(branch, chunk) {
    const controller = branch[kState].controller;
    const pending = controller[kState].pendingPullIntos;
    if (pending.length && pending[0].type === 'byob' &&
        readableStreamHasBYOBReader(branch)) {
      const desc = pending[0];
      const n = Math.min(chunk.byteLength, desc.byteLength - desc.bytesFilled);
      new Uint8Array(desc.buffer, desc.byteOffset + desc.bytesFilled, n).set(chunk.subarray(0, n));
      byteControllerRespondInternal(controller, n);
      if (n < chunk.byteLength) byteControllerEnqueue(controller, chunk.slice(n));
    } else {
      byteControllerEnqueue(controller, chunk);
    }
  }

  function pullAlgorithm() {
    if (reading) {
      readAgain = true;
      return Promise.resolve();
    }
    reading = true;
    readableStreamDefaultReaderRead(reader, {
      chunk(value) {
        queueMicrotask(() => {
          readAgain = false;
          const chunk1 = value;
          const chunk2 = !canceled1 && !canceled2 ? new Uint8Array(value) : value;
          if (!canceled1) enqueueTo(branch1, chunk1);
          if (!canceled2) enqueueTo(branch2, chunk2);
          reading = false;
          if (readAgain) pullAlgorithm();
        });
      },
      close() {
        reading = false;
        for (const [branch, canceled] of [[branch1, canceled1], [branch2, canceled2]]) {
          if (canceled) continue;
          const controller = branch[kState].controller;
          byteControllerClose(controller);
          if (controller[kState].pendingPullIntos.length) byteControllerRespond(controller, 0);
        }
        if (!canceled1 || !canceled2) cancelPromise.resolve();
      },
      error() {
        reading = false;
      },
    });
    return Promise.resolve();
  }

  function cancel1Algorithm(reason) {
    canceled1 = true;
    reason1 = reason;
    if (canceled2) cancelPromise.resolve(readableStreamCancel(stream, [reason1, reason2]));
    return cancelPromise.promise;
  }

  function cancel2Algorithm(reason) {
    canceled2 = true;
    reason2 = reason;
    if (canceled1) cancelPromise.resolve(readableStreamCancel(stream, [reason1, reason2]));
    return cancelPromise.promise;
  }

  branch1 = createReadableByteStream(() => {}, pullAlgorithm, cancel1Algorithm);
  branch2 = createReadableByteStream(() => {}, pullAlgorithm, cancel2Algorithm);
  reader[kState].close.promise.then(undefined, (err) => {
    byteControllerError(branch1[kState].controller, err);
    byteControllerError(branch2[kState].controller, err);
    if (!canceled1 || !canceled2) cancelPromise.resolve();
  });
  return [branch1, branch2];
}

// ---------------------------------------------------------------------------
// pipeTo
// ---------------------------------------------------------------------------
function readableStreamPipeTo(source, dest, preventClose, preventAbort, preventCancel, signal) {
  const W = lazyWritable();
  const reader = new ReadableStreamDefaultReader(source);
  const writer = W.acquireWritableStreamDefaultWriter(dest);
  source[kState].disturbed = true;
  let shuttingDown = false;
  let currentWrite = Promise.resolve();
  const promise = createDeferred();
  let abortAlgorithm;

  if (signal !== undefined) {
    abortAlgorithm = () => {
      // A Node AbortError reason reaches the web side as a DOMException.
      let error = signal.reason;
      if (error instanceof AbortError) {
        const { DOMException } = require('internal/per_context/domexception');
        error = new DOMException(error.message, 'AbortError');
      }
      const actions = [];
      if (!preventAbort) {
        actions.push(() => {
          if (dest[kState].state === 'writable') return W.writableStreamAbort(dest, error);
          return Promise.resolve();
        });
      }
      if (!preventCancel) {
        actions.push(() => {
          if (source[kState].state === 'readable') return readableStreamCancel(source, error);
          return Promise.resolve();
        });
      }
      shutdownWithAction(() => Promise.all(actions.map((a) => a())), true, error);
    };
    if (signal.aborted) {
      abortAlgorithm();
      return promise.promise;
    }
    signal.addEventListener('abort', abortAlgorithm, { once: true });
  }

  function finalize(isError, error) {
    W.writableStreamDefaultWriterRelease(writer);
    readableStreamDefaultReaderRelease(reader);
    if (signal !== undefined) signal.removeEventListener('abort', abortAlgorithm);
    if (isError) promise.reject(error);
    else promise.resolve();
  }

  function waitForCurrentWrite() {
    const write = currentWrite;
    return write.then(() => (write !== currentWrite ? waitForCurrentWrite() : undefined));
  }

  function shutdownWithAction(action, isError, originalError) {
    if (shuttingDown) return;
    shuttingDown = true;
    const run = () => {
      action().then(() => finalize(isError, originalError), (err) => finalize(true, err));
    };
    if (dest[kState].state === 'writable' && !W.writableStreamCloseQueuedOrInFlight(dest)) {
      waitForCurrentWrite().then(run, run);
    } else {
      run();
    }
  }

  function shutdown(isError, error) {
    if (shuttingDown) return;
    shuttingDown = true;
    if (dest[kState].state === 'writable' && !W.writableStreamCloseQueuedOrInFlight(dest)) {
      const done = () => finalize(isError, error);
      waitForCurrentWrite().then(done, done);
    } else {
      finalize(isError, error);
    }
  }

  // Error and close propagation.
  function onSourceErrored(error) {
    if (!preventAbort) shutdownWithAction(() => W.writableStreamAbort(dest, error), true, error);
    else shutdown(true, error);
  }
  function onDestErrored(error) {
    if (!preventCancel) shutdownWithAction(() => readableStreamCancel(source, error), true, error);
    else shutdown(true, error);
  }
  function onSourceClosed() {
    if (!preventClose) {
      shutdownWithAction(() => W.writableStreamDefaultWriterCloseWithErrorPropagation(writer));
    } else {
      shutdown();
    }
  }
  function onDestClosed() {
    const error = new ERR_INVALID_STATE.TypeError('Destination WritableStream closed');
    if (!preventCancel) shutdownWithAction(() => readableStreamCancel(source, error), true, error);
    else shutdown(true, error);
  }

  function checkState() {
    if (source[kState].state === 'errored') {
      onSourceErrored(source[kState].storedError);
      return true;
    }
    if (dest[kState].state === 'errored' || dest[kState].state === 'erroring') {
      onDestErrored(dest[kState].storedError);
      return true;
    }
    if (source[kState].state === 'closed') {
      onSourceClosed();
      return true;
    }
    if (W.writableStreamCloseQueuedOrInFlight(dest) || dest[kState].state === 'closed') {
      onDestClosed();
      return true;
    }
    return false;
  }

  reader[kState].close.promise.then(() => {
    if (!shuttingDown) onSourceClosed();
  }, (err) => {
    if (!shuttingDown) onSourceErrored(err);
  });
  writer[kState].close.promise.then(() => {}, (err) => {
    if (!shuttingDown) onDestErrored(err);
  });

  function step() {
    if (shuttingDown) return;
    writer[kState].ready.promise.then(() => {
      if (shuttingDown) return;
      if (checkState()) return;
      readableStreamDefaultReaderRead(reader, {
        chunk(chunk) {
          currentWrite = W.writableStreamDefaultWriterWrite(writer, chunk);
          setPromiseHandled(currentWrite);
          queueMicrotask(step);
        },
        close() {
          if (!shuttingDown) onSourceClosed();
        },
        error(err) {
          if (!shuttingDown) onSourceErrored(err);
        },
      });
    }, () => {
      if (!shuttingDown) checkState();
    });
  }

  if (!checkState()) step();
  return promise.promise;
}

// ---------------------------------------------------------------------------
// ReadableStream.from
// ---------------------------------------------------------------------------
function readableStreamFromIterable(iterable) {
  if (iterable == null) throw new ERR_INVALID_ARG_TYPE('iterable', 'Iterable', iterable);
  let iterator;
  const asyncMethod = iterable[Symbol.asyncIterator];
  if (asyncMethod != null) {
    if (typeof asyncMethod !== 'function') throw new ERR_INVALID_ARG_TYPE('iterable', 'Iterable', iterable);
    iterator = asyncMethod.call(iterable);
  } else {
    const syncMethod = iterable[Symbol.iterator];
    if (typeof syncMethod !== 'function') throw new ERR_INVALID_ARG_TYPE('iterable', 'Iterable', iterable);
    const syncIterator = syncMethod.call(iterable);
    if (syncIterator === null || typeof syncIterator !== 'object') {
      throw new ERR_INVALID_STATE.TypeError('The iterator result is not an object');
    }
    const next = syncIterator.next;
    iterator = {
      next() {
        const r = next.call(syncIterator);
        if (r === null || typeof r !== 'object') throw new TypeError('iterator result is not an object');
        return Promise.resolve(r.value).then((value) => ({ value, done: !!r.done }));
      },
      return(value) {
        const ret = syncIterator.return;
        if (ret === undefined) return Promise.resolve({ value, done: true });
        return Promise.resolve(ret.call(syncIterator, value));
      },
    };
  }
  if (iterator === null || typeof iterator !== 'object') {
    throw new ERR_INVALID_STATE.TypeError('The iterator is not an object');
  }
  const nextMethod = iterator.next;
  let stream;
  function pull() {
    let result;
    try {
      result = nextMethod.call(iterator);
    } catch (err) {
      return Promise.reject(err);
    }
    return Promise.resolve(result).then((r) => {
      if (r === null || typeof r !== 'object') {
        throw new ERR_INVALID_STATE.TypeError('The promise returned by the iterator.next() method must fulfill with an object');
      }
      if (r.done) {
        defaultControllerClose(stream[kState].controller);
      } else {
        defaultControllerEnqueue(stream[kState].controller, r.value);
      }
    });
  }
  function cancel(reason) {
    let ret;
    try {
      ret = iterator.return;
    } catch (err) {
      return Promise.reject(err);
    }
    if (ret == null) return Promise.resolve();
    let result;
    try {
      result = ret.call(iterator, reason);
    } catch (err) {
      return Promise.reject(err);
    }
    return Promise.resolve(result).then((r) => {
      if (r === null || typeof r !== 'object') {
        throw new ERR_INVALID_STATE.TypeError('The promise returned by the iterator.return() method must fulfill with an object');
      }
    });
  }
  stream = createReadableStream(() => {}, pull, cancel, 0);
  return stream;
}

function isReadableStreamDisturbed(stream) {
  return stream[kState].disturbed;
}

function readableStreamDefaultControllerEnqueue(controller, chunk) {
  defaultControllerEnqueue(controller, chunk);
}

module.exports = {
  ReadableStream,
  ReadableStreamDefaultReader,
  ReadableStreamBYOBReader,
  ReadableStreamBYOBRequest,
  ReadableByteStreamController,
  ReadableStreamDefaultController,
  isReadableStream,
  isReadableStreamLocked,
  isReadableStreamDisturbed,
  readableStreamCancel,
  readableStreamPipeTo,
  readableStreamTee,
  readableStreamDefaultReaderRead,
  readableStreamDefaultReaderRelease,
  createReadableStream,
  createReadableByteStream,
  defaultControllerClose: (c) => defaultControllerClose(c),
  defaultControllerEnqueue: readableStreamDefaultControllerEnqueue,
  defaultControllerError: (c, e) => defaultControllerError(c, e),
  defaultControllerGetDesiredSize: (c) => defaultControllerGetDesiredSize(c),
  defaultControllerHasBackpressure: (c) => defaultControllerHasBackpressure(c),
  defaultControllerCanCloseOrEnqueue: (c) => defaultControllerCanCloseOrEnqueue(c),
  kState,
};
