// AbortController and AbortSignal (node:internal/abort_controller).
'use strict';

const {
  defineEventHandler,
  EventTarget,
  Event,
  kTrustEvent,
  kNewListener,
  kRemoveListener,
  kResistStopPropagation,
  kWeakHandler,
} = require('internal/event_target');
const {
  createDeferredPromise,
  customInspectSymbol,
  kEmptyObject,
  kEnumerableProperty,
} = require('internal/util');
const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
  },
} = require('internal/errors');
const {
  validateAbortSignal,
  validateAbortSignalArray,
  validateObject,
  validateUint32,
  kValidateObjectAllowObjects,
} = require('internal/validators');

let DOMExceptionClass;
function newDOMException(message, name) {
  DOMExceptionClass ??= require('internal/per_context/domexception').DOMException;
  return new DOMExceptionClass(message, name);
}

let inspectFn;
function inspect(value, options) {
  inspectFn ??= require('internal/util/inspect').inspect;
  return inspectFn(value, options);
}

const {
  kDeserialize, kTransfer, kTransferList, markTransferMode,
} = require('internal/worker/js_transferable');
const kCloneData = Symbol('kCloneData');
const kAborted = Symbol('kAborted');
const kReason = Symbol('kReason');
const kTimeout = Symbol('kTimeout');
const kComposite = Symbol('kComposite');
const kSourceSignals = Symbol('kSourceSignals');
const kDependantSignals = Symbol('kDependantSignals');

// Timeout/composite signals with 'abort' listeners must not be collected.
const gcPersistentSignals = new Set();
let clearTimeoutRegistry;

function customInspect(self, obj, depth, options) {
  if (depth < 0) return self;
  const opts = Object.assign({}, options, { depth: options.depth === null ? null : options.depth - 1 });
  return `${self.constructor.name} ${inspect(obj, opts)}`;
}

function validateThisAbortSignal(obj) {
  if (obj?.[kAborted] === undefined) throw new ERR_INVALID_THIS('AbortSignal');
}

function setWeakAbortSignalTimeout(weakRef, delay) {
  const timeout = setTimeout(() => {
    const signal = weakRef.deref();
    if (signal !== undefined) {
      gcPersistentSignals.delete(signal);
      abortSignal(signal, newDOMException('The operation was aborted due to timeout', 'TimeoutError'));
    }
  }, delay);
  timeout.unref();
  return timeout;
}

// QuickJS frees an object as soon as its last strong reference goes, unlike
// V8's occasional collections: a timeout signal known only through the WeakRefs
// of AbortSignal.any() would be freed (and its timer cleared) at once, so the
// combined signal could never time out. The combined signal holds it instead.
const kTimeoutSources = Symbol('kTimeoutSources');
function keepTimeoutSource(composite, source) {
  if (!source[kTimeout]) return;
  (composite[kTimeoutSources] ??= []).push(source);
}

class AbortSignal extends EventTarget {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get aborted() {
    validateThisAbortSignal(this);
    return !!this[kAborted];
  }

  get reason() {
    validateThisAbortSignal(this);
    return this[kReason];
  }

  throwIfAborted() {
    validateThisAbortSignal(this);
    if (this[kAborted]) throw this[kReason];
  }

  [customInspectSymbol](depth, options) {
    return customInspect(this, { aborted: this.aborted }, depth, options);
  }

  static abort(reason = newDOMException('This operation was aborted', 'AbortError')) {
    return createAbortSignal({ aborted: true, reason });
  }

  static timeout(delay) {
    validateUint32(delay, 'delay', false);
    const signal = createAbortSignal();
    signal[kTimeout] = true;
    clearTimeoutRegistry ??= new FinalizationRegistry((timer) => clearTimeout(timer));
    clearTimeoutRegistry.register(signal, setWeakAbortSignalTimeout(new WeakRef(signal), delay));
    return signal;
  }

  static any(signals) {
    validateAbortSignalArray(signals, 'signals');
    const result = createAbortSignal({ composite: true });
    if (!signals.length) return result;
    const resultRef = new WeakRef(result);
    result[kSourceSignals] = new Set();
    for (const signal of signals) {
      if (signal.aborted) {
        abortSignal(result, signal.reason);
        return result;
      }
      signal[kDependantSignals] ??= new Set();
      if (!signal[kComposite]) {
        result[kSourceSignals].add(new WeakRef(signal));
        signal[kDependantSignals].add(resultRef);
        keepTimeoutSource(result, signal);
      } else if (signal[kSourceSignals]) {
        // Depend on the sources of a composite signal directly.
        for (const sourceRef of signal[kSourceSignals]) {
          const source = sourceRef.deref();
          if (!source || result[kSourceSignals].has(sourceRef)) continue;
          result[kSourceSignals].add(sourceRef);
          source[kDependantSignals].add(resultRef);
          keepTimeoutSource(result, source);
        }
      }
    }
    return result;
  }

  // Transferred (transferableAbortSignal): the receiving thread's signal
  // aborts when this one does, through a port pair made for the transfer.
  [kTransferList]() {
    if (this.aborted) return [];
    const { MessageChannel } = require('internal/worker/io');
    const { port1, port2 } = new MessageChannel();
    port1.unref();
    port2.unref();
    this[kCloneData] = { port1, port2 };
    return [port2];
  }

  [kTransfer]() {
    validateThisAbortSignal(this);
    if (this.aborted) {
      return { data: { aborted: true, reason: this.reason }, deserializeInfo: 'internal/abort_controller:ClonedAbortSignal' };
    }
    const { port1, port2 } = this[kCloneData];
    this[kCloneData] = undefined;
    this.addEventListener('abort', () => {
      port1.postMessage(this.reason);
      port1.close();
    }, { once: true });
    return { data: { port: port2 }, deserializeInfo: 'internal/abort_controller:ClonedAbortSignal' };
  }

  [kDeserialize]({ aborted, reason, port }) {
    if (aborted) {
      this[kAborted] = true;
      this[kReason] = reason;
      return;
    }
    port.onmessage = ({ data }) => {
      abortSignal(this, data);
      port.close();
      port.onmessage = undefined;
    };
    // The port stays unref'd: a signal never aborted does not hold its thread.
    port.unref();
  }

  [kNewListener](size, type, listener, once, capture, passive, weak) {
    super[kNewListener](size, type, listener, once, capture, passive, weak);
    const persistent = this[kTimeout] || (this[kComposite] && this[kSourceSignals]?.size);
    if (persistent && type === 'abort' && !this.aborted && !weak && size === 1) gcPersistentSignals.add(this);
  }

  [kRemoveListener](size, type, listener, capture) {
    super[kRemoveListener](size, type, listener, capture);
    const persistent = this[kTimeout] || (this[kComposite] && this[kSourceSignals]?.size);
    if (persistent && type === 'abort' && size === 0) gcPersistentSignals.delete(this);
  }
}

Object.defineProperties(AbortSignal.prototype, {
  aborted: kEnumerableProperty,
});
Object.defineProperty(AbortSignal.prototype, Symbol.toStringTag, {
  __proto__: null, writable: false, enumerable: false, configurable: true, value: 'AbortSignal',
});
defineEventHandler(AbortSignal.prototype, 'abort');

function createAbortSignal(init = kEmptyObject) {
  const { aborted = false, reason = undefined, composite = false } = init;
  const signal = new EventTarget();
  Object.setPrototypeOf(signal, AbortSignal.prototype);
  signal[kAborted] = aborted;
  signal[kReason] = reason;
  signal[kComposite] = composite;
  return signal;
}

function abortSignal(signal, reason) {
  if (signal[kAborted]) return;
  signal[kAborted] = true;
  signal[kReason] = reason;
  const event = new Event('abort', { [kTrustEvent]: true });
  signal.dispatchEvent(event);
  signal[kDependantSignals]?.forEach((ref) => {
    const dependant = ref.deref();
    if (dependant) abortSignal(dependant, reason);
  });
}

class AbortController {
  #signal;

  get signal() {
    this.#signal ??= createAbortSignal();
    return this.#signal;
  }

  abort(reason = newDOMException('This operation was aborted', 'AbortError')) {
    abortSignal(this.#signal ??= createAbortSignal(), reason);
  }

  [customInspectSymbol](depth, options) {
    return customInspect(this, { signal: this.signal }, depth, options);
  }
}

Object.defineProperties(AbortController.prototype, {
  signal: kEnumerableProperty,
  abort: kEnumerableProperty,
});
Object.defineProperty(AbortController.prototype, Symbol.toStringTag, {
  __proto__: null, writable: false, enumerable: false, configurable: true, value: 'AbortController',
});

function transferableAbortSignal(signal) {
  if (signal?.[kAborted] === undefined) throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  markTransferMode(signal, false, true);
  return signal;
}

function transferableAbortController() {
  const controller = new AbortController();
  transferableAbortSignal(controller.signal);
  return controller;
}

// util.aborted(signal, resource): resolves when `signal` aborts, unless
// `resource` was collected first.
async function aborted(signal, resource) {
  if (signal === undefined) throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  validateAbortSignal(signal, 'signal');
  validateObject(resource, 'resource', kValidateObjectAllowObjects);
  if (signal.aborted) return Promise.resolve();
  const deferred = createDeferredPromise();
  signal.addEventListener('abort', deferred.resolve,
    { __proto__: null, [kWeakHandler]: resource, once: true, [kResistStopPropagation]: true });
  return deferred.promise;
}

function ClonedAbortSignal() {
  return createAbortSignal();
}
ClonedAbortSignal.prototype[kDeserialize] = () => {};

module.exports = {
  AbortController,
  AbortSignal,
  ClonedAbortSignal,
  aborted,
  transferableAbortSignal,
  transferableAbortController,
};
