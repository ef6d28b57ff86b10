// WHATWG TransformStream and its default controller.
'use strict';

const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_STATE,
    ERR_INVALID_THIS,
  },
} = require('internal/errors');
const {
  kState, kType, createDeferred, promiseCall, isBrand, extractHighWaterMark, extractSizeAlgorithm,
  customInspect,
} = require('internal/webstreams/util');
const R = require('internal/webstreams/readablestream');
const W = require('internal/webstreams/writablestream');

const kTransform = 'TransformStream';
const kController = 'TransformStreamDefaultController';
const kSkip = Symbol('kSkip');
const kInspect = Symbol.for('nodejs.util.inspect.custom');

function check(value, type) {
  if (!isBrand(value, type)) throw new ERR_INVALID_THIS(type);
}

class TransformStream {
  constructor(transformer = undefined, writableStrategy = {}, readableStrategy = {}) {
    if (transformer === null) transformer = undefined;
    if (transformer !== undefined && typeof transformer !== 'object' && typeof transformer !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('transformer', 'Object', transformer);
    }
    transformer ??= {};
    writableStrategy ??= {};
    readableStrategy ??= {};
    if (transformer.readableType !== undefined) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('transformer.readableType', transformer.readableType);
    }
    if (transformer.writableType !== undefined) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('transformer.writableType', transformer.writableType);
    }
    const readableHWM = extractHighWaterMark(readableStrategy.highWaterMark, 0);
    const readableSize = extractSizeAlgorithm(readableStrategy.size);
    const writableHWM = extractHighWaterMark(writableStrategy.highWaterMark, 1);
    const writableSize = extractSizeAlgorithm(writableStrategy.size);
    const startPromise = createDeferred();
    initializeTransformStream(this, startPromise, writableHWM, writableSize, readableHWM, readableSize);
    setUpControllerFromTransformer(this, transformer);
    const { start } = transformer;
    if (start !== undefined && typeof start !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('transformer.start', 'Function', start);
    }
    if (start !== undefined) {
      startPromise.resolve(start.call(transformer, this[kState].controller));
    } else {
      startPromise.resolve();
    }
  }

  get readable() {
    check(this, kTransform);
    return this[kState].readable;
  }

  get writable() {
    check(this, kTransform);
    return this[kState].writable;
  }

  [kInspect](depth, options) {
    return customInspect(this, this.constructor.name, depth, options, {
      readable: this.readable,
      writable: this.writable,
      backpressure: this[kState].backpressure,
    });
  }
}

function initializeTransformStream(stream, startPromise, writableHWM, writableSize, readableHWM,
                                   readableSize) {
  stream[kType] = kTransform;
  stream[kState] = {
    readable: undefined,
    writable: undefined,
    backpressure: undefined,
    backpressureChange: undefined,
    controller: undefined,
  };
  const startAlgorithm = () => startPromise.promise;
  const writable = W.createWritableStream(
    startAlgorithm,
    (chunk) => sinkWrite(stream, chunk),
    () => sinkClose(stream),
    (reason) => sinkAbort(stream, reason),
    writableHWM, writableSize);
  const readable = R.createReadableStream(
    startAlgorithm,
    () => sourcePull(stream),
    (reason) => sourceCancel(stream, reason),
    readableHWM, readableSize);
  stream[kState].readable = readable;
  stream[kState].writable = writable;
  setBackpressure(stream, true);
}

function isTransformStream(value) {
  return isBrand(value, kTransform);
}

function transformStreamError(stream, error) {
  R.defaultControllerError(stream[kState].readable[kState].controller, error);
  transformStreamErrorWritableAndUnblockWrite(stream, error);
}

function transformStreamErrorWritableAndUnblockWrite(stream, error) {
  controllerClearAlgorithms(stream[kState].controller);
  W.controllerErrorIfNeeded(stream[kState].writable[kState].controller, error);
  transformStreamUnblockWrite(stream);
}

function transformStreamUnblockWrite(stream) {
  if (stream[kState].backpressure) setBackpressure(stream, false);
}

function setBackpressure(stream, backpressure) {
  if (stream[kState].backpressureChange !== undefined) {
    stream[kState].backpressureChange.resolve();
  }
  stream[kState].backpressureChange = createDeferred();
  stream[kState].backpressure = backpressure;
}

class TransformStreamDefaultController {
  constructor(skip) {
    if (skip !== kSkip) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kType] = kController;
  }

  get desiredSize() {
    check(this, kController);
    const readableController = this[kState].stream[kState].readable[kState].controller;
    return R.defaultControllerGetDesiredSize(readableController);
  }

  enqueue(chunk = undefined) {
    check(this, kController);
    controllerEnqueue(this, chunk);
  }

  error(reason = undefined) {
    check(this, kController);
    transformStreamError(this[kState].stream, reason);
  }

  terminate() {
    check(this, kController);
    controllerTerminate(this);
  }

  [kInspect](depth, options) {
    return customInspect(this, this.constructor.name, depth, options, {
      stream: this[kState].stream,
    });
  }
}

function setUpController(stream, controller, transformAlgorithm, flushAlgorithm, cancelAlgorithm) {
  controller[kState] = {
    stream,
    transformAlgorithm,
    flushAlgorithm,
    cancelAlgorithm,
    finishPromise: undefined,
  };
  stream[kState].controller = controller;
}

function setUpControllerFromTransformer(stream, transformer) {
  const controller = new TransformStreamDefaultController(kSkip);
  const { transform, flush, cancel } = transformer;
  for (const [name, fn] of [['transform', transform], ['flush', flush], ['cancel', cancel]]) {
    if (fn !== undefined && typeof fn !== 'function') {
      throw new ERR_INVALID_ARG_TYPE(`transformer.${name}`, 'Function', fn);
    }
  }
  const transformAlgorithm = transform ?
    (chunk) => promiseCall(transform, transformer, chunk, controller) :
    (chunk) => {
      try {
        controllerEnqueue(controller, chunk);
        return Promise.resolve();
      } catch (err) {
        return Promise.reject(err);
      }
    };
  const flushAlgorithm = flush ? () => promiseCall(flush, transformer, controller) : () => Promise.resolve();
  const cancelAlgorithm = cancel ?
    (reason) => promiseCall(cancel, transformer, reason) : () => Promise.resolve();
  setUpController(stream, controller, transformAlgorithm, flushAlgorithm, cancelAlgorithm);
}

function controllerClearAlgorithms(controller) {
  controller[kState].transformAlgorithm = undefined;
  controller[kState].flushAlgorithm = undefined;
  controller[kState].cancelAlgorithm = undefined;
}

function controllerEnqueue(controller, chunk) {
  const stream = controller[kState].stream;
  const readableController = stream[kState].readable[kState].controller;
  if (!R.defaultControllerCanCloseOrEnqueue(readableController)) {
    throw new ERR_INVALID_STATE.TypeError('Unable to enqueue');
  }
  try {
    R.defaultControllerEnqueue(readableController, chunk);
  } catch (err) {
    transformStreamErrorWritableAndUnblockWrite(stream, err);
    throw stream[kState].readable[kState].storedError;
  }
  const backpressure = R.defaultControllerHasBackpressure(readableController);
  if (backpressure !== stream[kState].backpressure) setBackpressure(stream, true);
}

function controllerPerformTransform(controller, chunk) {
  const stream = controller[kState].stream;
  return controller[kState].transformAlgorithm(chunk).then(undefined, (err) => {
    transformStreamError(stream, err);
    throw err;
  });
}

function controllerTerminate(controller) {
  const stream = controller[kState].stream;
  R.defaultControllerClose(stream[kState].readable[kState].controller);
  transformStreamErrorWritableAndUnblockWrite(
    stream, new ERR_INVALID_STATE.TypeError('TransformStream has been terminated'));
}

function sinkWrite(stream, chunk) {
  const controller = stream[kState].controller;
  if (stream[kState].backpressure) {
    return stream[kState].backpressureChange.promise.then(() => {
      const writable = stream[kState].writable;
      if (writable[kState].state === 'erroring') throw writable[kState].storedError;
      return controllerPerformTransform(controller, chunk);
    });
  }
  return controllerPerformTransform(controller, chunk);
}

function sinkAbort(stream, reason) {
  const controller = stream[kState].controller;
  if (controller[kState].finishPromise !== undefined) return controller[kState].finishPromise.promise;
  const readable = stream[kState].readable;
  const finish = createDeferred();
  controller[kState].finishPromise = finish;
  const cancelPromise = controller[kState].cancelAlgorithm(reason);
  controllerClearAlgorithms(controller);
  cancelPromise.then(() => {
    if (readable[kState].state === 'errored') {
      finish.reject(readable[kState].storedError);
    } else {
      R.defaultControllerError(readable[kState].controller, reason);
      finish.resolve();
    }
  }, (err) => {
    R.defaultControllerError(readable[kState].controller, err);
    finish.reject(err);
  });
  return finish.promise;
}

function sinkClose(stream) {
  const controller = stream[kState].controller;
  if (controller[kState].finishPromise !== undefined) return controller[kState].finishPromise.promise;
  const readable = stream[kState].readable;
  const finish = createDeferred();
  controller[kState].finishPromise = finish;
  const flushPromise = controller[kState].flushAlgorithm();
  controllerClearAlgorithms(controller);
  flushPromise.then(() => {
    if (readable[kState].state === 'errored') {
      finish.reject(readable[kState].storedError);
    } else {
      R.defaultControllerClose(readable[kState].controller);
      finish.resolve();
    }
  }, (err) => {
    R.defaultControllerError(readable[kState].controller, err);
    finish.reject(err);
  });
  return finish.promise;
}

function sourcePull(stream) {
  setBackpressure(stream, false);
  return stream[kState].backpressureChange.promise;
}

function sourceCancel(stream, reason) {
  const controller = stream[kState].controller;
  if (controller[kState].finishPromise !== undefined) return controller[kState].finishPromise.promise;
  const writable = stream[kState].writable;
  const finish = createDeferred();
  controller[kState].finishPromise = finish;
  const cancelPromise = controller[kState].cancelAlgorithm(reason);
  controllerClearAlgorithms(controller);
  cancelPromise.then(() => {
    if (writable[kState].state === 'errored') {
      finish.reject(writable[kState].storedError);
    } else {
      W.controllerErrorIfNeeded(writable[kState].controller, reason);
      transformStreamUnblockWrite(stream);
      finish.resolve();
    }
  }, (err) => {
    W.controllerErrorIfNeeded(writable[kState].controller, err);
    transformStreamUnblockWrite(stream);
    finish.reject(err);
  });
  return finish.promise;
}

for (const [C, keys] of [
  [TransformStream, ['readable', 'writable']],
  [TransformStreamDefaultController, ['desiredSize', 'enqueue', 'error', 'terminate']],
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
  TransformStream,
  TransformStreamDefaultController,
  isTransformStream,
  kState,
};
