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

// Legacy timers API (enroll/unenroll/active), kept for old modules.
function enroll(item, msecs) {
  item._idleTimeout = msecs;
}
function unenroll(item) {
  require('internal/timers').unenroll(item);
  item._idleTimeout = -1;
}
function active(item) {
  require('internal/timers').active(item);
}

const timers = {
  setTimeout,
  clearTimeout,
  setImmediate,
  clearImmediate,
  setInterval,
  clearInterval,
  _unrefActive: active,
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
