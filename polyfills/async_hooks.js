// node:async_hooks: AsyncLocalStorage, AsyncResource, createHook and the
// execution ids.
//
// Context propagation is internal/async_context_frame's (a frame saved by
// whoever schedules a callback and restored when it runs).  Without V8's
// promise hooks, createHook() hooks fire only for AsyncResource objects made
// from JS (init/before/after/destroy); timers, promises and I/O do not report
// to them.  Async ids count AsyncResources and the top level (1).
'use strict';

const {
  codes: { ERR_ASYNC_CALLBACK, ERR_ASYNC_TYPE, ERR_INVALID_ASYNC_ID },
} = require('internal/errors');
const { validateFunction, validateString, validateObject } = require('internal/validators');
const asyncFrame = require('internal/async_context_frame');

const { state, runInFrame } = asyncFrame;

// --- execution ids ---------------------------------------------------------------
let asyncIdCounter = 1; // 1 is the main script's
let currentExecId = 1;
let currentTriggerId = 0;
const topLevelResource = {};
let currentResource = topLevelResource;

function newAsyncId() {
  return ++asyncIdCounter;
}

function executionAsyncId() {
  return currentExecId;
}

function triggerAsyncId() {
  return currentTriggerId;
}

function executionAsyncResource() {
  return currentResource;
}

// --- hooks ----------------------------------------------------------------------
const activeHooks = new Set();

function emitHook(name, ...args) {
  if (activeHooks.size === 0) return;
  for (const hook of [...activeHooks]) {
    const fn = hook[name];
    if (typeof fn === 'function') Reflect.apply(fn, hook.owner, args);
  }
}

class AsyncHook {
  constructor({ init, before, after, destroy, promiseResolve }) {
    if (init !== undefined && typeof init !== 'function') throw new ERR_ASYNC_CALLBACK('hook.init');
    if (before !== undefined && typeof before !== 'function') throw new ERR_ASYNC_CALLBACK('hook.before');
    if (after !== undefined && typeof after !== 'function') throw new ERR_ASYNC_CALLBACK('hook.after');
    if (destroy !== undefined && typeof destroy !== 'function') throw new ERR_ASYNC_CALLBACK('hook.destroy');
    if (promiseResolve !== undefined && typeof promiseResolve !== 'function') {
      throw new ERR_ASYNC_CALLBACK('hook.promiseResolve');
    }
    this._record = { owner: this, init, before, after, destroy, promiseResolve };
  }

  enable() {
    activeHooks.add(this._record);
    return this;
  }

  disable() {
    activeHooks.delete(this._record);
    return this;
  }
}

function createHook(fns) {
  return new AsyncHook(fns);
}

// --- AsyncResource ------------------------------------------------------------------
const kAsyncId = Symbol('asyncId');
const kTriggerId = Symbol('triggerAsyncId');
const kFrame = Symbol('kFrame');
const kDestroyed = Symbol('destroyed');

class AsyncResource {
  constructor(type, opts = {}) {
    if (typeof type !== 'string') validateString(type, 'type');
    let triggerId = opts;
    let requireManualDestroy = false;
    if (typeof opts !== 'number') {
      triggerId = opts.triggerAsyncId === undefined ? executionAsyncId() : opts.triggerAsyncId;
      requireManualDestroy = !!opts.requireManualDestroy;
    }
    if (!Number.isSafeInteger(triggerId) || triggerId < -1) {
      throw new ERR_INVALID_ASYNC_ID('triggerAsyncId', triggerId);
    }
    if (type.length === 0) throw new ERR_ASYNC_TYPE(type);
    this[kAsyncId] = newAsyncId();
    this[kTriggerId] = triggerId;
    this[kFrame] = state.current;
    this[kDestroyed] = false;
    void requireManualDestroy;
    if (activeHooks.size > 0) emitHook('init', this[kAsyncId], type, triggerId, this);
  }

  runInAsyncScope(fn, thisArg, ...args) {
    const prevExec = currentExecId;
    const prevTrigger = currentTriggerId;
    const prevResource = currentResource;
    currentExecId = this[kAsyncId];
    currentTriggerId = this[kTriggerId];
    currentResource = this;
    if (activeHooks.size > 0) emitHook('before', this[kAsyncId]);
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
      if (activeHooks.size > 0) emitHook('after', this[kAsyncId]);
      currentExecId = prevExec;
      currentTriggerId = prevTrigger;
      currentResource = prevResource;
    }
  }

  emitDestroy() {
    if (!this[kDestroyed]) {
      this[kDestroyed] = true;
      emitHook('destroy', this[kAsyncId]);
    }
    return this;
  }

  asyncId() {
    return this[kAsyncId];
  }

  triggerAsyncId() {
    return this[kTriggerId];
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
        get() { return self; },
        set(val) { self = val; },
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

// Node's provider names (async_wrap.h), for asyncWrapProviders.
const asyncWrapProviders = Object.freeze({
  __proto__: null,
  NONE: 0, DIRHANDLE: 1, DNSCHANNEL: 2, ELDHISTOGRAM: 3, FILEHANDLE: 4, FILEHANDLECLOSEREQ: 5,
  BLOBREADER: 6, FSEVENTWRAP: 7, FSREQCALLBACK: 8, FSREQPROMISE: 9, GETADDRINFOREQWRAP: 10,
  GETNAMEINFOREQWRAP: 11, HEAPSNAPSHOT: 12, HTTP2SESSION: 13, HTTP2STREAM: 14, HTTP2PING: 15,
  HTTP2SETTINGS: 16, HTTPINCOMINGMESSAGE: 17, HTTPCLIENTREQUEST: 18, JSSTREAM: 19, JSUDPWRAP: 20,
  MESSAGEPORT: 21, PIPECONNECTWRAP: 22, PIPESERVERWRAP: 23, PIPEWRAP: 24, PROCESSWRAP: 25,
  PROMISE: 26, QUERYWRAP: 27, SHUTDOWNWRAP: 28, SIGNALWRAP: 29, STATWATCHER: 30,
  STREAMPIPE: 31, TCPCONNECTWRAP: 32, TCPSERVERWRAP: 33, TCPWRAP: 34, TTYWRAP: 35,
  UDPSENDWRAP: 36, UDPWRAP: 37, SIGINTWATCHDOG: 38, WORKER: 39, WORKERHEAPSNAPSHOT: 40,
  WRITEWRAP: 41, ZLIB: 42,
});

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
