// WHATWG WritableStream, its default writer and controller.  The abstract
// operations follow the Streams Standard's names.
'use strict';

const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_STATE,
    ERR_INVALID_THIS,
  },
} = require('internal/errors');
const {
  kState, kType, createDeferred, setPromiseHandled, promiseCall, isBrand,
  dequeueValue, enqueueValueWithSize, peekQueueValue, resetQueue,
  extractHighWaterMark, extractSizeAlgorithm, customInspect, kIsClosedPromise,
  kControllerErrorFunction, kIsErrored, kIsWritable,
} = require('internal/webstreams/util');

const kWritable = 'WritableStream';
const kWriter = 'WritableStreamDefaultWriter';
const kController = 'WritableStreamDefaultController';
const kSkip = Symbol('kSkip');
const kCloseSentinel = Symbol('kCloseSentinel');
const kInspect = Symbol.for('nodejs.util.inspect.custom');

function check(value, type) {
  if (!isBrand(value, type)) throw new ERR_INVALID_THIS(type);
}

function rejectThis(value, type) {
  return isBrand(value, type) ? null : Promise.reject(new ERR_INVALID_THIS(type));
}

class WritableStream {
  constructor(sink = undefined, strategy = undefined) {
    if (sink === null) throw new ERR_INVALID_ARG_VALUE('sink', sink);
    if (sink !== undefined && typeof sink !== 'object' && typeof sink !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('sink', 'Object', sink);
    }
    if (strategy != null && typeof strategy !== 'object' && typeof strategy !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('strategy', 'Object', strategy);
    }
    sink ??= {};
    strategy ??= {};
    if (sink.type !== undefined) throw new ERR_INVALID_ARG_VALUE.RangeError('type', sink.type);
    initializeWritableStream(this);
    const size = extractSizeAlgorithm(strategy.size);
    const hwm = extractHighWaterMark(strategy.highWaterMark, 1);
    setUpControllerFromSink(this, sink, hwm, size);
  }

  get locked() {
    check(this, kWritable);
    return isWritableStreamLocked(this);
  }

  abort(reason = undefined) {
    const bad = rejectThis(this, kWritable);
    if (bad) return bad;
    if (isWritableStreamLocked(this)) {
      return Promise.reject(new ERR_INVALID_STATE.TypeError('WritableStream is locked'));
    }
    return writableStreamAbort(this, reason);
  }

  close() {
    const bad = rejectThis(this, kWritable);
    if (bad) return bad;
    if (isWritableStreamLocked(this)) {
      return Promise.reject(new ERR_INVALID_STATE.TypeError('WritableStream is locked'));
    }
    if (writableStreamCloseQueuedOrInFlight(this)) {
      return Promise.reject(new ERR_INVALID_STATE.TypeError('Failure closing WritableStream'));
    }
    return writableStreamClose(this);
  }

  getWriter() {
    check(this, kWritable);
    return new WritableStreamDefaultWriter(this);
  }

  [kInspect](depth, options) {
    return customInspect(this, this.constructor.name, depth, options, {
      locked: this.locked,
      state: this[kState].state,
    });
  }

  get [kIsErrored]() { return this[kState].state === 'errored'; }

  get [kIsWritable]() { return this[kState].state === 'writable'; }
}

function initializeWritableStream(stream) {
  stream[kType] = kWritable;
  stream[kState] = {
    state: 'writable',
    storedError: undefined,
    writer: undefined,
    controller: undefined,
    inFlightWriteRequest: undefined,
    closeRequest: undefined,
    inFlightCloseRequest: undefined,
    pendingAbortRequest: undefined,
    writeRequests: [],
    backpressure: false,
  };
  stream[kIsClosedPromise] = createDeferred();
  setPromiseHandled(stream[kIsClosedPromise].promise);
  stream[kControllerErrorFunction] = (error) => controllerErrorIfNeeded(stream[kState].controller, error);
}

function isWritableStream(value) {
  return isBrand(value, kWritable);
}

function isWritableStreamLocked(stream) {
  return stream[kState].writer !== undefined;
}

function writableStreamAbort(stream, reason) {
  const state = stream[kState];
  if (state.state === 'closed' || state.state === 'errored') return Promise.resolve();
  state.controller[kState].abortController.abort(reason);
  if (state.state === 'closed' || state.state === 'errored') return Promise.resolve();
  if (state.pendingAbortRequest !== undefined) return state.pendingAbortRequest.promise.promise;
  let wasAlreadyErroring = false;
  if (state.state === 'erroring') {
    wasAlreadyErroring = true;
    reason = undefined;
  }
  const promise = createDeferred();
  state.pendingAbortRequest = { promise, reason, wasAlreadyErroring };
  if (!wasAlreadyErroring) writableStreamStartErroring(stream, reason);
  return promise.promise;
}

function writableStreamClose(stream) {
  const state = stream[kState];
  if (state.state === 'closed' || state.state === 'errored') {
    return Promise.reject(new ERR_INVALID_STATE.TypeError('WritableStream is closed'));
  }
  const promise = createDeferred();
  state.closeRequest = promise;
  const writer = state.writer;
  if (writer !== undefined && state.backpressure && state.state === 'writable') {
    writer[kState].ready.resolve();
  }
  controllerClose(state.controller);
  return promise.promise;
}

function writableStreamAddWriteRequest(stream) {
  const deferred = createDeferred();
  stream[kState].writeRequests.push(deferred);
  return deferred.promise;
}

function writableStreamDealWithRejection(stream, error) {
  if (stream[kState].state === 'writable') {
    writableStreamStartErroring(stream, error);
    return;
  }
  writableStreamFinishErroring(stream);
}

function writableStreamStartErroring(stream, reason) {
  const state = stream[kState];
  const controller = state.controller;
  state.state = 'erroring';
  state.storedError = reason;
  const writer = state.writer;
  if (writer !== undefined) writerEnsureReadyPromiseRejected(writer, reason);
  if (!writableStreamHasOperationMarkedInFlight(stream) && controller[kState].started) {
    writableStreamFinishErroring(stream);
  }
}

function writableStreamFinishErroring(stream) {
  const state = stream[kState];
  state.state = 'errored';
  state.controller[kErrorSteps]();
  const storedError = state.storedError;
  for (const req of state.writeRequests) req.reject(storedError);
  state.writeRequests = [];
  const abortRequest = state.pendingAbortRequest;
  if (abortRequest === undefined) {
    writableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
    return;
  }
  state.pendingAbortRequest = undefined;
  if (abortRequest.wasAlreadyErroring) {
    abortRequest.promise.reject(storedError);
    writableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
    return;
  }
  state.controller[kAbortSteps](abortRequest.reason).then(() => {
    abortRequest.promise.resolve();
    writableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
  }, (err) => {
    abortRequest.promise.reject(err);
    writableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
  });
}

function writableStreamFinishInFlightWrite(stream) {
  stream[kState].inFlightWriteRequest.resolve();
  stream[kState].inFlightWriteRequest = undefined;
}

function writableStreamFinishInFlightWriteWithError(stream, error) {
  stream[kState].inFlightWriteRequest.reject(error);
  stream[kState].inFlightWriteRequest = undefined;
  writableStreamDealWithRejection(stream, error);
}

function writableStreamFinishInFlightClose(stream) {
  const state = stream[kState];
  state.inFlightCloseRequest.resolve();
  state.inFlightCloseRequest = undefined;
  if (state.state === 'erroring') {
    state.storedError = undefined;
    if (state.pendingAbortRequest !== undefined) {
      state.pendingAbortRequest.promise.resolve();
      state.pendingAbortRequest = undefined;
    }
  }
  state.state = 'closed';
  stream[kIsClosedPromise].resolve();
  const writer = state.writer;
  if (writer !== undefined) writer[kState].close.resolve();
}

function writableStreamFinishInFlightCloseWithError(stream, error) {
  const state = stream[kState];
  state.inFlightCloseRequest.reject(error);
  state.inFlightCloseRequest = undefined;
  if (state.pendingAbortRequest !== undefined) {
    state.pendingAbortRequest.promise.reject(error);
    state.pendingAbortRequest = undefined;
  }
  writableStreamDealWithRejection(stream, error);
}

function writableStreamCloseQueuedOrInFlight(stream) {
  return stream[kState].closeRequest !== undefined || stream[kState].inFlightCloseRequest !== undefined;
}

function writableStreamHasOperationMarkedInFlight(stream) {
  return stream[kState].inFlightWriteRequest !== undefined ||
    stream[kState].inFlightCloseRequest !== undefined;
}

function writableStreamMarkCloseRequestInFlight(stream) {
  stream[kState].inFlightCloseRequest = stream[kState].closeRequest;
  stream[kState].closeRequest = undefined;
}

function writableStreamMarkFirstWriteRequestInFlight(stream) {
  stream[kState].inFlightWriteRequest = stream[kState].writeRequests.shift();
}

function writableStreamRejectCloseAndClosedPromiseIfNeeded(stream) {
  const state = stream[kState];
  stream[kIsClosedPromise].reject(state.storedError);
  if (state.closeRequest !== undefined) {
    state.closeRequest.reject(state.storedError);
    state.closeRequest = undefined;
  }
  const writer = state.writer;
  if (writer !== undefined) {
    writer[kState].close.reject(state.storedError);
    setPromiseHandled(writer[kState].close.promise);
  }
}

function writableStreamUpdateBackpressure(stream, backpressure) {
  const state = stream[kState];
  const writer = state.writer;
  if (writer !== undefined && backpressure !== state.backpressure) {
    if (backpressure) writer[kState].ready = createDeferred();
    else writer[kState].ready.resolve();
  }
  state.backpressure = backpressure;
}

// ---------------------------------------------------------------------------
// WritableStreamDefaultWriter
// ---------------------------------------------------------------------------
class WritableStreamDefaultWriter {
  constructor(stream) {
    if (!isWritableStream(stream)) throw new ERR_INVALID_ARG_TYPE('stream', 'WritableStream', stream);
    if (isWritableStreamLocked(stream)) {
      throw new ERR_INVALID_STATE.TypeError('WritableStream is locked');
    }
    this[kType] = kWriter;
    this[kState] = { stream, ready: createDeferred(), close: createDeferred() };
    stream[kState].writer = this;
    const { state, storedError, backpressure } = stream[kState];
    if (state === 'writable') {
      if (!writableStreamCloseQueuedOrInFlight(stream) && backpressure) {
        // ready stays pending
      } else {
        this[kState].ready.resolve();
      }
    } else if (state === 'erroring') {
      this[kState].ready.reject(storedError);
      setPromiseHandled(this[kState].ready.promise);
    } else if (state === 'closed') {
      this[kState].ready.resolve();
      this[kState].close.resolve();
    } else {
      this[kState].ready.reject(storedError);
      setPromiseHandled(this[kState].ready.promise);
      this[kState].close.reject(storedError);
      setPromiseHandled(this[kState].close.promise);
    }
  }

  get closed() {
    const bad = rejectThis(this, kWriter);
    if (bad) return bad;
    return this[kState].close.promise;
  }

  get desiredSize() {
    check(this, kWriter);
    if (this[kState].stream === undefined) {
      throw new ERR_INVALID_STATE.TypeError('Writer is not bound to a WritableStream');
    }
    return writerGetDesiredSize(this);
  }

  get ready() {
    const bad = rejectThis(this, kWriter);
    if (bad) return bad;
    return this[kState].ready.promise;
  }

  abort(reason = undefined) {
    const bad = rejectThis(this, kWriter);
    if (bad) return bad;
    if (this[kState].stream === undefined) {
      return Promise.reject(new ERR_INVALID_STATE.TypeError('Writer is not bound to a WritableStream'));
    }
    return writableStreamAbort(this[kState].stream, reason);
  }

  close() {
    const bad = rejectThis(this, kWriter);
    if (bad) return bad;
    const stream = this[kState].stream;
    if (stream === undefined) {
      return Promise.reject(new ERR_INVALID_STATE.TypeError('Writer is not bound to a WritableStream'));
    }
    if (writableStreamCloseQueuedOrInFlight(stream)) {
      return Promise.reject(new ERR_INVALID_STATE.TypeError('Failure to close WritableStream'));
    }
    return writableStreamClose(stream);
  }

  releaseLock() {
    check(this, kWriter);
    if (this[kState].stream === undefined) return;
    writableStreamDefaultWriterRelease(this);
  }

  write(chunk = undefined) {
    const bad = rejectThis(this, kWriter);
    if (bad) return bad;
    if (this[kState].stream === undefined) {
      return Promise.reject(new ERR_INVALID_STATE.TypeError('Writer is not bound to a WritableStream'));
    }
    return writableStreamDefaultWriterWrite(this, chunk);
  }

  [kInspect](depth, options) {
    return customInspect(this, this.constructor.name, depth, options, {
      stream: this[kState].stream,
      close: this[kState].close.promise,
      ready: this[kState].ready.promise,
      desiredSize: this[kState].stream === undefined ? undefined : writerGetDesiredSize(this),
    });
  }
}

function acquireWritableStreamDefaultWriter(stream) {
  return new WritableStreamDefaultWriter(stream);
}

function writerEnsureReadyPromiseRejected(writer, error) {
  const ready = writer[kState].ready;
  if (ready.settled) {
    writer[kState].ready = createDeferred();
  }
  writer[kState].ready.reject(error);
  setPromiseHandled(writer[kState].ready.promise);
}

function writerEnsureClosedPromiseRejected(writer, error) {
  const close = writer[kState].close;
  if (close.settled) writer[kState].close = createDeferred();
  writer[kState].close.reject(error);
  setPromiseHandled(writer[kState].close.promise);
}

function writerGetDesiredSize(writer) {
  const stream = writer[kState].stream;
  const state = stream[kState].state;
  if (state === 'errored' || state === 'erroring') return null;
  if (state === 'closed') return 0;
  return controllerGetDesiredSize(stream[kState].controller);
}

function writableStreamDefaultWriterRelease(writer) {
  const stream = writer[kState].stream;
  const error = new ERR_INVALID_STATE.TypeError('Writer has been released');
  writerEnsureReadyPromiseRejected(writer, error);
  writerEnsureClosedPromiseRejected(writer, error);
  stream[kState].writer = undefined;
  writer[kState].stream = undefined;
}

function writableStreamDefaultWriterWrite(writer, chunk) {
  const stream = writer[kState].stream;
  const controller = stream[kState].controller;
  const chunkSize = controllerGetChunkSize(controller, chunk);
  if (stream !== writer[kState].stream) {
    return Promise.reject(new ERR_INVALID_STATE.TypeError('Writer has been released'));
  }
  const state = stream[kState].state;
  if (state === 'errored') return Promise.reject(stream[kState].storedError);
  if (writableStreamCloseQueuedOrInFlight(stream) || state === 'closed') {
    return Promise.reject(new ERR_INVALID_STATE.TypeError('WritableStream is closed'));
  }
  if (state === 'erroring') return Promise.reject(stream[kState].storedError);
  const promise = writableStreamAddWriteRequest(stream);
  controllerWrite(controller, chunk, chunkSize);
  return promise;
}

function writableStreamDefaultWriterCloseWithErrorPropagation(writer) {
  const stream = writer[kState].stream;
  const state = stream[kState].state;
  if (writableStreamCloseQueuedOrInFlight(stream) || state === 'closed') return Promise.resolve();
  if (state === 'errored') return Promise.reject(stream[kState].storedError);
  return writableStreamClose(stream);
}

// ---------------------------------------------------------------------------
// WritableStreamDefaultController
// ---------------------------------------------------------------------------
const kAbortSteps = Symbol('kAbortSteps');
const kErrorSteps = Symbol('kErrorSteps');

class WritableStreamDefaultController {
  constructor(skip) {
    if (skip !== kSkip) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kType] = kController;
  }

  get signal() {
    check(this, kController);
    return this[kState].abortController.signal;
  }

  error(error = undefined) {
    check(this, kController);
    if (this[kState].stream[kState].state !== 'writable') return;
    controllerError(this, error);
  }

  [kAbortSteps](reason) {
    const result = promiseCall(this[kState].abortAlgorithm, undefined, reason);
    controllerClearAlgorithms(this);
    return result;
  }

  [kErrorSteps]() {
    resetQueue(this);
  }

  [kInspect](depth, options) {
    return customInspect(this, this.constructor.name, depth, options, {
      stream: this[kState].stream,
    });
  }
}

function setUpWritableStreamDefaultController(stream, controller, startAlgorithm, writeAlgorithm,
                                              closeAlgorithm, abortAlgorithm, highWaterMark,
                                              sizeAlgorithm) {
  controller[kState] = {
    stream,
    queue: [],
    queueTotalSize: 0,
    abortController: new AbortController(),
    started: false,
    sizeAlgorithm,
    highWaterMark,
    writeAlgorithm,
    closeAlgorithm,
    abortAlgorithm,
  };
  stream[kState].controller = controller;
  writableStreamUpdateBackpressure(stream, controllerGetBackpressure(controller));
  const startResult = startAlgorithm();
  Promise.resolve(startResult).then(() => {
    controller[kState].started = true;
    controllerAdvanceQueueIfNeeded(controller);
  }, (err) => {
    controller[kState].started = true;
    writableStreamDealWithRejection(stream, err);
  });
}

function setUpControllerFromSink(stream, sink, highWaterMark, sizeAlgorithm) {
  const controller = new WritableStreamDefaultController(kSkip);
  const { start, write, close, abort } = sink;
  for (const [name, fn] of [['start', start], ['write', write], ['close', close], ['abort', abort]]) {
    if (fn !== undefined && typeof fn !== 'function') {
      throw new ERR_INVALID_ARG_TYPE(`sink.${name}`, 'Function', fn);
    }
  }
  setUpWritableStreamDefaultController(
    stream, controller,
    start ? () => start.call(sink, controller) : () => undefined,
    write ? (chunk) => write.call(sink, chunk, controller) : () => undefined,
    close ? () => close.call(sink) : () => undefined,
    abort ? (reason) => abort.call(sink, reason) : () => undefined,
    highWaterMark, sizeAlgorithm);
}

function createWritableStream(startAlgorithm, writeAlgorithm, closeAlgorithm, abortAlgorithm,
                              highWaterMark = 1, sizeAlgorithm = () => 1) {
  const stream = Object.create(WritableStream.prototype);
  initializeWritableStream(stream);
  const controller = new WritableStreamDefaultController(kSkip);
  setUpWritableStreamDefaultController(stream, controller, startAlgorithm, writeAlgorithm,
                                       closeAlgorithm, abortAlgorithm, highWaterMark, sizeAlgorithm);
  return stream;
}

function controllerAdvanceQueueIfNeeded(controller) {
  const state = controller[kState];
  const stream = state.stream;
  if (!state.started) return;
  if (stream[kState].inFlightWriteRequest !== undefined) return;
  const streamState = stream[kState].state;
  if (streamState === 'erroring') {
    writableStreamFinishErroring(stream);
    return;
  }
  if (!state.queue.length) return;
  const value = peekQueueValue(controller);
  if (value === kCloseSentinel) controllerProcessClose(controller);
  else controllerProcessWrite(controller, value);
}

function controllerClearAlgorithms(controller) {
  const state = controller[kState];
  state.writeAlgorithm = undefined;
  state.closeAlgorithm = undefined;
  state.abortAlgorithm = undefined;
  state.sizeAlgorithm = undefined;
}

function controllerClose(controller) {
  enqueueValueWithSize(controller, kCloseSentinel, 0);
  controllerAdvanceQueueIfNeeded(controller);
}

function controllerError(controller, error) {
  const stream = controller[kState].stream;
  controllerClearAlgorithms(controller);
  writableStreamStartErroring(stream, error);
}

function controllerErrorIfNeeded(controller, error) {
  if (controller[kState].stream[kState].state === 'writable') controllerError(controller, error);
}

function controllerGetBackpressure(controller) {
  return controllerGetDesiredSize(controller) <= 0;
}

function controllerGetChunkSize(controller, chunk) {
  const { sizeAlgorithm } = controller[kState];
  if (sizeAlgorithm === undefined) return 1;
  try {
    return sizeAlgorithm(chunk);
  } catch (err) {
    controllerErrorIfNeeded(controller, err);
    return 1;
  }
}

function controllerGetDesiredSize(controller) {
  return controller[kState].highWaterMark - controller[kState].queueTotalSize;
}

function controllerProcessClose(controller) {
  const state = controller[kState];
  const stream = state.stream;
  writableStreamMarkCloseRequestInFlight(stream);
  dequeueValue(controller);
  const closeAlgorithm = state.closeAlgorithm;
  controllerClearAlgorithms(controller);
  promiseCall(closeAlgorithm, undefined).then(
    () => writableStreamFinishInFlightClose(stream),
    (err) => writableStreamFinishInFlightCloseWithError(stream, err));
}

function controllerProcessWrite(controller, chunk) {
  const state = controller[kState];
  const stream = state.stream;
  writableStreamMarkFirstWriteRequestInFlight(stream);
  promiseCall(state.writeAlgorithm, undefined, chunk).then(() => {
    writableStreamFinishInFlightWrite(stream);
    const streamState = stream[kState].state;
    dequeueValue(controller);
    if (!writableStreamCloseQueuedOrInFlight(stream) && streamState === 'writable') {
      writableStreamUpdateBackpressure(stream, controllerGetBackpressure(controller));
    }
    controllerAdvanceQueueIfNeeded(controller);
  }, (err) => {
    if (stream[kState].state === 'writable') controllerClearAlgorithms(controller);
    writableStreamFinishInFlightWriteWithError(stream, err);
  });
}

function controllerWrite(controller, chunk, chunkSize) {
  try {
    enqueueValueWithSize(controller, chunk, chunkSize);
  } catch (err) {
    controllerErrorIfNeeded(controller, err);
    return;
  }
  const stream = controller[kState].stream;
  if (!writableStreamCloseQueuedOrInFlight(stream) && stream[kState].state === 'writable') {
    writableStreamUpdateBackpressure(stream, controllerGetBackpressure(controller));
  }
  controllerAdvanceQueueIfNeeded(controller);
}

for (const [C, keys] of [
  [WritableStream, ['locked', 'abort', 'close', 'getWriter']],
  [WritableStreamDefaultWriter, ['closed', 'desiredSize', 'ready', 'abort', 'close', 'releaseLock', 'write']],
  [WritableStreamDefaultController, ['signal', 'error']],
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

module.exports = {
  WritableStream,
  WritableStreamDefaultWriter,
  WritableStreamDefaultController,
  isWritableStream,
  isWritableStreamLocked,
  acquireWritableStreamDefaultWriter,
  createWritableStream,
  writableStreamAbort,
  writableStreamClose,
  writableStreamCloseQueuedOrInFlight,
  writableStreamDefaultWriterRelease,
  writableStreamDefaultWriterWrite,
  writableStreamDefaultWriterCloseWithErrorPropagation,
  writableStreamDealWithRejection,
  writableStreamStartErroring,
  writableStreamFinishErroring,
  controllerError,
  controllerErrorIfNeeded,
  controllerClose,
  controllerGetDesiredSize,
  writerGetDesiredSize,
  kState,
};
