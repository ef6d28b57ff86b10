// node:async_hooks: AsyncLocalStorage, AsyncResource, createHook and the
// execution ids.
//
// Context propagation is internal/async_context_frame's (a frame saved by
// whoever schedules a callback and restored when it runs).  Hooks and ids are
// internal/async_hooks': every resource but promises reports to them (QuickJS
// has no promise hooks).
'use strict';

const {
  codes: { ERR_ASYNC_CALLBACK, ERR_ASYNC_TYPE, ERR_INVALID_ASYNC_ID },
} = require('internal/errors');
const { validateFunction, validateString, validateObject } = require('internal/validators');
const asyncFrame = require('internal/async_context_frame');

const { state, runInFrame } = asyncFrame;

const internalHooks = require('internal/async_hooks');
const {
  executionAsyncId, triggerAsyncId, executionAsyncResource, newAsyncId,
  getDefaultTriggerAsyncId, emitInit, emitBefore, emitAfter, emitDestroy,
  initHooksExist, destroyHooksExist, hasAsyncIdStack, registerDestroyHook,
  symbols: {
    async_id_symbol, trigger_async_id_symbol,
    init_symbol, before_symbol, after_symbol, destroy_symbol, promise_resolve_symbol,
  },
} = internalHooks;

// --- hooks ----------------------------------------------------------------------
class AsyncHook {
  constructor({ init, before, after, destroy, promiseResolve }) {
    if (init !== undefined && typeof init !== 'function') throw new ERR_ASYNC_CALLBACK('hook.init');
    if (before !== undefined && typeof before !== 'function') throw new ERR_ASYNC_CALLBACK('hook.before');
    if (after !== undefined && typeof after !== 'function') throw new ERR_ASYNC_CALLBACK('hook.after');
    if (destroy !== undefined && typeof destroy !== 'function') throw new ERR_ASYNC_CALLBACK('hook.destroy');
    if (promiseResolve !== undefined && typeof promiseResolve !== 'function') {
      throw new ERR_ASYNC_CALLBACK('hook.promiseResolve');
    }
    this[init_symbol] = init;
    this[before_symbol] = before;
    this[after_symbol] = after;
    this[destroy_symbol] = destroy;
    this[promise_resolve_symbol] = promiseResolve;
  }

  enable() {
    internalHooks.addHook(this);
    return this;
  }

  disable() {
    internalHooks.removeHook(this);
    return this;
  }
}

function createHook(fns) {
  return new AsyncHook(fns);
}

// --- AsyncResource ------------------------------------------------------------------
function deprecateAsyncResource(fn) {
  return require('internal/util').deprecate(
    fn, 'The asyncResource property on bound functions is deprecated', 'DEP0172');
}

const kFrame = Symbol('kFrame');
const destroyedSymbol = Symbol('destroyed');

class AsyncResource {
  constructor(type, opts = {}) {
    validateString(type, 'type');
    let triggerId = opts;
    let requireManualDestroy = false;
    if (typeof opts !== 'number') {
      triggerId = opts.triggerAsyncId === undefined ? getDefaultTriggerAsyncId() : opts.triggerAsyncId;
      requireManualDestroy = !!opts.requireManualDestroy;
    }
    if (!Number.isSafeInteger(triggerId) || triggerId < -1) {
      throw new ERR_INVALID_ASYNC_ID('triggerAsyncId', triggerId);
    }
    this[kFrame] = state.current;
    const asyncId = newAsyncId();
    this[async_id_symbol] = asyncId;
    this[trigger_async_id_symbol] = triggerId;
    if (initHooksExist()) {
      if (type.length === 0) throw new ERR_ASYNC_TYPE(type);
      emitInit(asyncId, type, triggerId, this);
    }
    if (!requireManualDestroy && destroyHooksExist()) {
      const destroyed = { destroyed: false };
      this[destroyedSymbol] = destroyed;
      registerDestroyHook(this, asyncId, destroyed);
    }
  }

  runInAsyncScope(fn, thisArg, ...args) {
    const asyncId = this[async_id_symbol];
    emitBefore(asyncId, this[trigger_async_id_symbol], this);
    // runInFrame inlined: deep recursion through resources stays shallow.
    const prevFrame = state.current;
    const frame = this[kFrame];
    state.current = frame;
    try {
      const result = Reflect.apply(fn, thisArg, args);
      if (frame !== undefined) asyncFrame.noteAsyncResult(result, frame);
      return result;
    } catch (err) {
      if (state.thrownError !== err) {
        state.thrownError = err;
        state.thrownFrame = state.current;
      }
      throw err;
    } finally {
      state.current = prevFrame;
      if (hasAsyncIdStack()) emitAfter(asyncId);
    }
  }

  emitDestroy() {
    if (this[destroyedSymbol] !== undefined) this[destroyedSymbol].destroyed = true;
    emitDestroy(this[async_id_symbol]);
    return this;
  }

  asyncId() {
    return this[async_id_symbol];
  }

  triggerAsyncId() {
    return this[trigger_async_id_symbol];
  }

  bind(fn, thisArg) {
    validateFunction(fn, 'fn');
    let bound;
    if (thisArg === undefined) {
      const resource = this;
      bound = function(...args) {
        args.unshift(fn, this);
        return Reflect.apply(resource.runInAsyncScope, resource, args);
      };
    } else {
      bound = this.runInAsyncScope.bind(this, fn, thisArg);
    }
    let self = this;
    Object.defineProperties(bound, {
      'length': { __proto__: null, configurable: true, enumerable: false, value: fn.length, writable: false },
      'asyncResource': {
        __proto__: null,
        configurable: true,
        enumerable: true,
        get: deprecateAsyncResource(function() { return self; }),
        set: deprecateAsyncResource(function(val) { self = val; }),
      },
    });
    return bound;
  }

  static bind(fn, type, thisArg) {
    type = type || fn.name || 'bound-anonymous-fn';
    return (new AsyncResource(type)).bind(fn, thisArg);
  }
}

// --- AsyncLocalStorage ----------------------------------------------------------------
class AsyncLocalStorage {
  constructor() {
    this.enabled = false;
    asyncFrame.enable();
  }

  static bind(fn) {
    validateFunction(fn, 'fn');
    return AsyncResource.bind(fn);
  }

  static snapshot() {
    const frame = state.current;
    return function runInAsyncScope(fn, ...args) {
      return runInFrame(frame, fn, this, args);
    };
  }

  disable() {
    if (this.enabled) {
      this.enabled = false;
      const frame = state.current;
      if (frame !== undefined && frame.has(this)) {
        const next = new Map(frame);
        next.delete(this);
        state.current = next.size ? next : undefined;
      }
    }
  }

  // Kept for compatibility with Node 20's implementation; never called.
  _enable() {
    this.enabled = true;
  }

  _propagate() {}

  _frameWith(store) {
    const frame = new Map(state.current);
    frame.set(this, store);
    return frame;
  }

  enterWith(store) {
    this.enabled = true;
    const frame = this._frameWith(store);
    state.current = frame;
    // Await continuations of this callback see the store too, unless the
    // drain already carries one of this storage (from a pending run()).
    const ambient = state.ambient;
    if (ambient === undefined || !ambient.has(this)) state.ambient = asyncFrame.merge(ambient, frame);
  }

  run(store, callback, ...args) {
    this.enabled = true;
    return runInFrame(this._frameWith(store), callback, undefined, args);
  }

  exit(callback, ...args) {
    const frame = state.current;
    if (!this.enabled || frame === undefined || !frame.has(this)) {
      return runInFrame(frame, callback, undefined, args);
    }
    const next = new Map(frame);
    next.delete(this);
    return runInFrame(next.size ? next : undefined, callback, undefined, args);
  }

  getStore() {
    if (!this.enabled) return undefined;
    const frame = state.current;
    return frame === undefined ? undefined : frame.get(this);
  }
}

const asyncWrapProviders = Object.freeze({ __proto__: null, ...internalBinding('async_wrap').Providers });

void validateObject;

module.exports = {
  AsyncLocalStorage,
  createHook,
  executionAsyncId,
  triggerAsyncId,
  executionAsyncResource,
  asyncWrapProviders,
  AsyncResource,
};
