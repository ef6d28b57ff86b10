// node:domain (deprecated in Node, still used by old code and tests).
//
// The active domain follows async work through nodeshim's async context
// frame (internal/async_context_frame): a callback scheduled while a domain
// is active (timers, immediates, nextTick, promises, I/O) runs with it as
// process.domain.  Errors thrown there, or in a domain's run(), reach the
// domain's 'error' listeners; EventEmitters created in a domain (or added to
// one) route their unhandled 'error' events to it and run their listeners in
// it, as Node's do.
'use strict';

const EventEmitter = require('events');
const {
  codes: {
    ERR_DOMAIN_CALLBACK_NOT_AVAILABLE,
    ERR_DOMAIN_CANNOT_SET_UNCAUGHT_EXCEPTION_CAPTURE,
    ERR_UNHANDLED_ERROR,
  },
} = require('internal/errors');
const { AsyncLocalStorage, createHook } = require('async_hooks');
const asyncFrame = require('internal/async_context_frame');
const execution = require('internal/process/execution');

if (process.hasUncaughtExceptionCaptureCallback()) {
  throw new ERR_DOMAIN_CALLBACK_NOT_AVAILABLE();
}

// The active domain of the running code (null when none).
const domainStore = new AsyncLocalStorage();

// Without a domain, process.domain is a process-wide value: null at first,
// undefined once the last domain exited (Node's stack[stack.length - 1]),
// null again after an uncaught exception was handled.
const kNoDomain = Symbol('kNoDomain');
let noDomainValue = null;

function activeDomain() {
  const value = domainStore.getStore();
  return value === undefined || value === kNoDomain ? noDomainValue : value;
}

function setActive(domain) {
  if (domain === undefined || domain === null) {
    noDomainValue = domain;
    domainStore.enterWith(kNoDomain);
  } else {
    domainStore.enterWith(domain);
  }
}

const stack = [];
exports._stack = stack;

// Async resources made in a domain name it (non-enumerable), as Node's.
createHook({
  init(asyncId, type, triggerAsyncId, resource) {
    const domain = activeDomain();
    if (domain === null || domain === undefined) return;
    if (type === 'PROMISE' && !(resource instanceof Promise)) return;
    Object.defineProperty(resource, 'domain', {
      __proto__: null, configurable: true, enumerable: false, value: domain, writable: true,
    });
  },
}).enable();

// A callback scheduled in a domain runs with it entered (on the stack), as
// Node's async hooks enter it; not when its frame keeps the domain already
// active (AsyncLocalStorage.run and the like inside a domain).
function domainOfFrame(frame) {
  if (frame === undefined) return null;
  const value = frame.get(domainStore);
  return value === undefined || value === kNoDomain ? null : value;
}
asyncFrame.state.enterHook = (frame, prev) => {
  const domain = domainOfFrame(frame);
  if (domain === null || domain === domainOfFrame(prev)) return undefined;
  stack.push(domain);
  return domain;
};
asyncFrame.state.exitHook = (domain) => {
  const index = stack.lastIndexOf(domain);
  if (index !== -1) stack.splice(index);
};

Object.defineProperty(exports, 'active', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get: activeDomain,
  set(value) { setActive(value); },
});

Object.defineProperty(process, 'domain', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get: activeDomain,
  set(value) { setActive(value); },
});

// Errors escape to the process's handler: the domain they were thrown in
// handles them when it listens for 'error'.
function thrownInDomain(er) {
  const { state } = asyncFrame;
  let domain = null;
  if (state.thrownError === er && state.thrownFrame !== undefined) {
    domain = state.thrownFrame.get(domainStore) ?? null;
    if (domain === kNoDomain) domain = null;
  }
  if (domain === null) domain = activeDomain();
  return domain || null;
}

// Errors escape to the process's handler: the domain they were thrown in
// handles them when it listens for 'error'.  Only then is the error
// captured: an entered domain with 'error' listeners keeps
// --abort-on-uncaught-exception from aborting.
execution.setDomainErrorHandler((er) => {
  const domain = thrownInDomain(er);
  if (!domain) return false;
  return domain._errorHandler(er);
}, (er) => {
  const domain = thrownInDomain(er);
  if (domain && domain.listenerCount('error') > 0) return true;
  return stack.some((d) => d.listenerCount('error') > 0);
});

// Where node:domain was loaded, shown below the error of a later
// process.setUncaughtExceptionCaptureCallback() call to find the culprit.
const domainRequireStack = new Error('require(`domain`) at this point').stack;

process.setUncaughtExceptionCaptureCallback = function setUncaughtExceptionCaptureCallback(fn) {
  const err = new ERR_DOMAIN_CANNOT_SET_UNCAUGHT_EXCEPTION_CAPTURE();
  Error.captureStackTrace(err, setUncaughtExceptionCaptureCallback);
  err.stack = `${err.stack}\n${'-'.repeat(40)}\n${domainRequireStack}`;
  throw err;
};

class Domain extends EventEmitter {
  constructor() {
    super();
    this.members = [];
  }

  enter() {
    setActive(this);
    stack.push(this);
  }

  exit() {
    // Exit this domain and every domain entered after it.
    const index = stack.lastIndexOf(this);
    if (index === -1) return;
    stack.splice(index);
    setActive(stack[stack.length - 1]);
  }

  add(ee) {
    if (ee.domain === this) return;
    if (ee.domain) ee.domain.remove(ee);
    // A domain added to another keeps its parent's errors away from itself.
    if (this.domain && (ee instanceof Domain)) {
      for (let d = this.domain; d; d = d.domain) {
        if (ee === d) return;
      }
    }
    Object.defineProperty(ee, 'domain', {
      __proto__: null, configurable: true, enumerable: false, value: this, writable: true,
    });
    this.members.push(ee);
  }

  remove(ee) {
    ee.domain = null;
    const index = this.members.indexOf(ee);
    if (index !== -1) this.members.splice(index, 1);
  }

  run(fn, ...args) {
    this.enter();
    // As Node: no finally; a throw leaves the domain entered for the
    // exception handler, which exits it.
    const ret = Reflect.apply(fn, this, args);
    this.exit();
    return ret;
  }

  intercept(cb) {
    const self = this;
    function runIntercepted(er, ...args) {
      if (er) {
        if (typeof er === 'object' || typeof er === 'function') {
          er.domainBound = cb;
          er.domainThrown = false;
          Object.defineProperty(er, 'domain', {
            __proto__: null, configurable: true, enumerable: false, value: self, writable: true,
          });
        }
        self.emit('error', er);
        return;
      }
      self.enter();
      const ret = Reflect.apply(cb, this, args);
      self.exit();
      return ret;
    }
    runIntercepted.domain = this;
    return runIntercepted;
  }

  bind(cb) {
    const self = this;
    function runBound(...args) {
      self.enter();
      const ret = Reflect.apply(cb, this, args);
      self.exit();
      return ret;
    }
    runBound.domain = this;
    return runBound;
  }

  dispose() {
    // Removed from Node long ago; kept minimal for old callers.
    this.exit();
    for (const member of this.members.slice()) this.remove(member);
    this.emit('dispose');
    this.removeAllListeners();
  }

  _errorHandler(er) {
    let caught = false;
    if ((typeof er === 'object' && er !== null) || typeof er === 'function') {
      Object.defineProperty(er, 'domain', {
        __proto__: null, configurable: true, enumerable: false, value: this, writable: true,
      });
      er.domainThrown = true;
    }
    // The handler does not run in the domain itself.
    while (stack.includes(this)) this.exit();
    if (activeDomain() === this) setActive(stack[stack.length - 1]);
    if (stack.length === 0) {
      if (this.listenerCount('error') > 0) caught = this.emit('error', er);
    } else {
      try {
        caught = this.emit('error', er);
      } catch (er2) {
        if (stack.length > 0) {
          const next = stack[stack.length - 1];
          setActive(next);
          caught = next._errorHandler(er2);
        } else {
          throw er2;
        }
      }
    }
    // An uncaught exception ends the tick: no domain stays entered.
    stack.length = 0;
    setActive(null);
    return caught;
  }
}

exports.Domain = Domain;

exports.create = exports.createDomain = function createDomain() {
  return new Domain();
};

// EventEmitters made while a domain is active belong to it.
EventEmitter.usingDomains = true;

const eventInit = EventEmitter.init;
EventEmitter.init = function init(opts) {
  Object.defineProperty(this, 'domain', {
    __proto__: null, configurable: true, enumerable: false, value: null, writable: true,
  });
  const active = activeDomain();
  if (active && !(this instanceof Domain)) this.domain = active;
  return Reflect.apply(eventInit, this, [opts]);
};

const eventEmit = EventEmitter.prototype.emit;
EventEmitter.prototype.emit = function emit(...args) {
  const domain = this.domain;
  const type = args[0];
  const shouldEmitError = type === 'error' && this.listenerCount(type) > 0;
  // Emitters without a domain, and 'error' with listeners, behave as usual.
  if (shouldEmitError || domain === null || domain === undefined || this === process) {
    return Reflect.apply(eventEmit, this, args);
  }
  if (type === 'error') {
    const er = args.length > 1 && args[1] ? args[1] : new ERR_UNHANDLED_ERROR();
    if (typeof er === 'object') {
      er.domainEmitter = this;
      Object.defineProperty(er, 'domain', {
        __proto__: null, configurable: true, enumerable: false, value: domain, writable: true,
      });
      er.domainThrown = false;
    }
    // The domain's handler runs outside the active domain (every copy of
    // it on top of the stack), in the one entered before it, or in none;
    // once it returns the stack and the active domain are as they were.
    const savedStack = stack.slice();
    const savedActive = activeDomain();
    let top = stack.length;
    while (top > 0 && stack[top - 1] === savedActive) top--;
    stack.length = top;
    setActive(top > 0 ? stack[top - 1] : null);
    // A throw from the handler leaves them popped, for the domain below.
    domain.emit('error', er);
    stack.length = 0;
    stack.push(...savedStack);
    setActive(savedActive);
    return false;
  }
  domain.enter();
  const ret = Reflect.apply(eventEmit, this, args);
  domain.exit();
  return ret;
};
