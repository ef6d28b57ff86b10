'use strict';

const { Timeout, Immediate, insert, clearTimeout, clearImmediate } = require('internal/timers');

function abortError(signal) {
  const { AbortError } = require('internal/errors');
  return new AbortError(undefined, { cause: signal.reason });
}

function validateOptions(options) {
  const { validateObject, validateBoolean, validateAbortSignal } = require('internal/validators');
  validateObject(options, 'options');
  const { signal, ref = true } = options;
  if (signal !== undefined) validateAbortSignal(signal, 'options.signal');
  validateBoolean(ref, 'options.ref');
  return { signal, ref };
}

function setTimeout(after, value, options = {}) {
  let signal, ref;
  try {
    if (after !== undefined) require('internal/validators').validateNumber(after, 'delay');
    ({ signal, ref } = validateOptions(options));
  } catch (err) {
    return Promise.reject(err);
  }
  if (signal && signal.aborted) return Promise.reject(abortError(signal));
  return new Promise((resolve, reject) => {
    const timeout = new Timeout(() => {
      if (signal) signal.removeEventListener('abort', onAbort);
      resolve(value);
    }, after, undefined, false, ref);
    insert(timeout, timeout._idleTimeout);
    function onAbort() {
      clearTimeout(timeout);
      reject(abortError(signal));
    }
    if (signal) signal.addEventListener('abort', onAbort, { once: true });
  });
}

function setImmediate(value, options = {}) {
  let signal, ref;
  try {
    ({ signal, ref } = validateOptions(options));
  } catch (err) {
    return Promise.reject(err);
  }
  if (signal && signal.aborted) return Promise.reject(abortError(signal));
  return new Promise((resolve, reject) => {
    const immediate = new Immediate(() => {
      if (signal) signal.removeEventListener('abort', onAbort);
      resolve(value);
    }, undefined);
    if (!ref) immediate.unref();
    function onAbort() {
      clearImmediate(immediate);
      reject(abortError(signal));
    }
    if (signal) signal.addEventListener('abort', onAbort, { once: true });
  });
}

async function* intervalGenerator(state, after, value, options) {
  const { signal, ref } = validateOptions(options);
  if (signal && signal.aborted) throw abortError(signal);
  let notYielded = 0;
  let wake = null;
  const interval = new Timeout(() => {
    notYielded++;
    if (wake) { const w = wake; wake = null; w(); }
  }, after, undefined, true, ref);
  insert(interval, interval._idleTimeout);
  let onAbort;
  if (signal) {
    // Ticks already counted are still delivered; the loop ends after them.
    onAbort = () => {
      clearTimeout(interval);
      if (wake) { const w = wake; wake = null; w(); }
    };
    signal.addEventListener('abort', onAbort, { once: true });
  }
  state.cleanup = () => {
    state.cleanup = null;
    clearTimeout(interval);
    if (signal) signal.removeEventListener('abort', onAbort);
  };
  try {
    while (!signal || !signal.aborted) {
      if (notYielded === 0) await new Promise((r) => { wake = r; });
      for (; notYielded > 0; notYielded--) yield value;
    }
    throw abortError(signal);
  } finally {
    if (state.cleanup) state.cleanup();
  }
}

// The generator's own finally only runs a tick after return(), and QuickJS's
// for-await does not await return() on break, so code right after the loop
// would still see the timer and the abort listener: return() releases them
// at once.
function setInterval(after, value, options = {}) {
  const state = { cleanup: null };
  const gen = intervalGenerator(state, after, value, options);
  return {
    next(v) { return gen.next(v); },
    return(v) {
      if (state.cleanup) state.cleanup();
      return gen.return(v);
    },
    throw(e) { return gen.throw(e); },
    [Symbol.asyncIterator]() { return this; },
  };
}

const kScheduler = Symbol('kScheduler');

class Scheduler {
  constructor() {
    // Only the module's own instance exists, as in Node.
    const { codes } = require('internal/errors');
    throw new codes.ERR_ILLEGAL_CONSTRUCTOR();
  }

  yield() {
    if (!this[kScheduler]) {
      const { codes } = require('internal/errors');
      throw new codes.ERR_INVALID_THIS('Scheduler');
    }
    return setImmediate();
  }

  wait(delay, options) {
    if (!this[kScheduler]) {
      const { codes } = require('internal/errors');
      throw new codes.ERR_INVALID_THIS('Scheduler');
    }
    return setTimeout(delay, undefined, options);
  }
}

const scheduler = Object.create(Scheduler.prototype, { [kScheduler]: { value: true } });

module.exports = { setTimeout, setImmediate, setInterval, scheduler };
