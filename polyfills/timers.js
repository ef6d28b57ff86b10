'use strict';

const {
  Timeout, Immediate, insert, clearTimeout: clearTimeoutImpl, clearImmediate,
} = require('internal/timers');

function validateCallback(callback) {
  if (typeof callback !== 'function') {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  }
}

function setTimeout(callback, after, ...args) {
  validateCallback(callback);
  const timeout = new Timeout(callback, after, args.length ? args : undefined, false, true);
  insert(timeout, timeout._idleTimeout);
  return timeout;
}

function setInterval(callback, repeat, ...args) {
  validateCallback(callback);
  const timeout = new Timeout(callback, repeat, args.length ? args : undefined, true, true);
  insert(timeout, timeout._idleTimeout);
  return timeout;
}

function clearTimeout(timer) {
  clearTimeoutImpl(timer);
}

function clearInterval(timer) {
  // clearTimeout and clearInterval are interchangeable in Node.
  clearTimeoutImpl(timer);
}

function setImmediate(callback, ...args) {
  validateCallback(callback);
  return new Immediate(callback, args.length ? args : undefined);
}

// Legacy timers API (enroll/unenroll/active), deprecated but still used by
// old modules and Node's own tests (test-timers-max-duration-warning counts
// the DEP0095/DEP0096/DEP0126 warnings).
function getTimerDuration(msecs, name) {
  const { validateNumber } = require('internal/validators');
  validateNumber(msecs, name);
  if (msecs < 0 || !Number.isFinite(msecs)) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_OUT_OF_RANGE(name, 'a non-negative finite number', msecs);
  }
  const { TIMEOUT_MAX } = require('internal/timers');
  if (msecs > TIMEOUT_MAX) {
    process.emitWarning(`${msecs} does not fit into a 32-bit signed integer.` +
      `\nTimer duration was truncated to ${TIMEOUT_MAX}.`, 'TimeoutOverflowWarning');
    return TIMEOUT_MAX;
  }
  return msecs;
}

function enrollImpl(item, msecs) {
  msecs = getTimerDuration(msecs, 'msecs');
  // An item already in the list is taken out first, as in Node.
  if (item._idleNext) require('internal/timers').unenroll(item);
  item._idleTimeout = msecs;
  item._idleNext = item;
  item._idlePrev = item;
}

function unenrollImpl(item) {
  require('internal/timers').unenroll(item);
  item._idleTimeout = -1;
}

function lazyDeprecate(fn, message, code) {
  let wrapped;
  return function(...args) {
    if (wrapped === undefined) wrapped = require('internal/util').deprecate(fn, message, code);
    return Reflect.apply(wrapped, this, args);
  };
}

const enroll = lazyDeprecate(enrollImpl,
  'timers.enroll() is deprecated. Please use setTimeout instead.', 'DEP0095');
const unenroll = lazyDeprecate(unenrollImpl,
  'timers.unenroll() is deprecated. Please use clearTimeout instead.', 'DEP0096');
const active = lazyDeprecate((item) => require('internal/timers').insertGuarded(item, true),
  'timers.active() is deprecated. Please use timeout.refresh() instead.', 'DEP0126');
const _unrefActive = lazyDeprecate((item) => require('internal/timers').insertGuarded(item, false),
  'timers._unrefActive() is deprecated. Please use timeout.refresh() instead.', 'DEP0127');

const timers = {
  setTimeout,
  clearTimeout,
  setImmediate,
  clearImmediate,
  setInterval,
  clearInterval,
  _unrefActive,
  active,
  unenroll,
  enroll,
};

Object.defineProperty(timers, 'promises', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() { return require('timers/promises'); },
});

Object.defineProperty(setTimeout, Symbol.for('nodejs.util.promisify.custom'), {
  __proto__: null, enumerable: false, configurable: true,
  get() { return require('timers/promises').setTimeout; },
});
Object.defineProperty(setImmediate, Symbol.for('nodejs.util.promisify.custom'), {
  __proto__: null, enumerable: false, configurable: true,
  get() { return require('timers/promises').setImmediate; },
});

module.exports = timers;
