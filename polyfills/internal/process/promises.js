// Unhandled promise rejections, with Node's default mode (throw): a
// rejection still unhandled after the microtask queue drains emits
// 'unhandledRejection', or, with no listener, ends the process like an
// uncaught exception (exit code 1).  A handler attached later emits
// 'rejectionHandled'.  The engine reports rejections through the host
// tracker installed by runtime/host.py.
'use strict';

const kModes = { __proto__: null, throw: 0, strict: 1, warn: 2, none: 3, 'warn-with-error-code': 4 };

// Rejections seen without a handler and not yet processed, in order
// (promise -> info).  A Map, so a handler attached before processing drops
// the entry in O(1): a program that rejects and catches many promises in one
// tick must not pay for them later.
const pending = new Map();
// Rejections already reported (info.warned), kept until a late handler.
const reported = new WeakMap();
const asyncHandledRejections = [];
let lastPromiseId = 0;
let mode;

function getMode() {
  if (mode === undefined) {
    mode = kModes.throw;
    const argv = process.execArgv;
    for (let i = 0; i < argv.length; i++) {
      // The option's name may be spelt with `_` (as node allows).
      const arg = argv[i].slice(0, 22).replace(/_/g, '-') + argv[i].slice(22);
      let value;
      if (arg.startsWith('--unhandled-rejections=')) value = arg.slice(23);
      else if (arg === '--unhandled-rejections') value = argv[i + 1];
      if (value !== undefined && value in kModes) mode = kModes[value];
    }
  }
  return mode;
}

function hasRejectionToWarn() {
  return pending.size > 0 || asyncHandledRejections.length > 0;
}

class PromiseRejectionHandledWarning extends Error {
  constructor(uid) {
    super(`Promise rejection was handled asynchronously (rejection id: ${uid})`);
    this.name = 'PromiseRejectionHandledWarning';
    this.id = uid;
  }
}

// Called from inside QuickJS's promise machinery: must never throw.
function promiseRejectHandler(promise, reason, isHandled) {
  try {
    if (!isHandled) {
      // The active domain (node:domain) receives the rejection, as Node's.
      pending.set(promise, { reason, uid: ++lastPromiseId, domain: process.domain });
    } else if (!pending.delete(promise)) {
      const info = reported.get(promise);
      if (info !== undefined) {
        reported.delete(promise);
        // Created now, so its stack points at the late handler.
        asyncHandledRejections.push({ promise, warning: new PromiseRejectionHandledWarning(info.uid) });
      }
    }
  } catch {
    // Nothing sensible to do inside the engine's promise code.
  }
}

// A data property found along the prototype chain, never running getters or
// proxy traps (V8's GetDataProperty).
function dataProperty(obj, key) {
  const { isProxy } = require('internal/util/types');
  for (let o = obj; o !== null && typeof o === 'object' || typeof o === 'function'; o = Object.getPrototypeOf(o)) {
    if (isProxy(o)) return undefined;
    const desc = Object.getOwnPropertyDescriptor(o, key);
    if (desc !== undefined) return 'value' in desc ? desc.value : undefined;
  }
  return undefined;
}

function builtinTag(obj) {
  const types = require('internal/util/types');
  if (Array.isArray(obj)) return 'Array';
  if (types.isDate(obj)) return 'Date';
  if (types.isRegExp(obj)) return 'RegExp';
  if (types.isNativeError(obj)) return 'Error';
  if (types.isBooleanObject(obj)) return 'Boolean';
  if (types.isNumberObject(obj)) return 'Number';
  if (types.isStringObject(obj)) return 'String';
  if (types.isArgumentsObject(obj)) return 'Arguments';
  return 'Object';
}

// How V8 describes a value in messages without running user code: the
// reason text of Node's rejection warnings and errors.
function noSideEffectsToString(value) {
  try {
    if (typeof value === 'symbol') return Symbol.prototype.toString.call(value);
    if (typeof value === 'function') return Function.prototype.toString.call(value);
    if (value === null || typeof value !== 'object') return String(value);
    if (require('internal/util/types').isProxy(value)) return '[object Object]';
    const toString = dataProperty(value, 'toString');
    if (require('internal/util/types').isNativeError(value) || toString === Error.prototype.toString) {
      const name = dataProperty(value, 'name');
      const message = dataProperty(value, 'message');
      const n = name === undefined ? 'Error' : String(name);
      const m = message === undefined ? '' : String(message);
      if (n === '') return m;
      if (m === '') return n;
      return `${n}: ${m}`;
    }
    if (toString === Object.prototype.toString) {
      const ctor = dataProperty(value, 'constructor');
      if (typeof ctor === 'function') {
        const desc = Object.getOwnPropertyDescriptor(ctor, 'name');
        const name = desc && typeof desc.value === 'string' ? desc.value : '';
        if (name !== '') return `#<${name}>`;
      }
    }
    const tag = dataProperty(value, Symbol.toStringTag);
    return `[object ${typeof tag === 'string' ? tag : builtinTag(value)}]`;
  } catch {
    return '[object Unknown]';
  }
}

function isErrorLike(o) {
  return typeof o === 'object' && o !== null && Object.prototype.hasOwnProperty.call(o, 'stack');
}

// An error whose stack is just its header, as the warning is about the
// rejection rather than the place it was noticed.
function errorWithoutStack(name, message) {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  const err = new Error(message);
  Error.stackTraceLimit = limit;
  Object.defineProperty(err, 'name', { value: name, configurable: true, writable: true });
  err.stack = `${name}: ${message}`;
  return err;
}

function unhandledRejectionError(reason) {
  const err = new Error('This error originated either by throwing inside of an async ' +
    'function without a catch block, or by rejecting a promise which was not handled ' +
    `with .catch(). The promise rejected with the reason "${noSideEffectsToString(reason)}".`);
  Object.defineProperty(err, 'name', { value: 'UnhandledPromiseRejection', configurable: true, writable: true });
  err.code = 'ERR_UNHANDLED_REJECTION';
  return err;
}

const kWarningName = 'UnhandledPromiseRejectionWarning';

// Two warnings: the reason itself, then the note naming the rejection.
function emitUnhandledRejectionWarning(uid, reason) {
  const warning = errorWithoutStack(kWarningName, 'Unhandled promise rejection. This error ' +
    'originated either by throwing inside of an async function without a catch block, or by ' +
    'rejecting a promise which was not handled with .catch(). To terminate the node process ' +
    'on unhandled promise rejection, use the CLI flag `--unhandled-rejections=strict` (see ' +
    'https://nodejs.org/api/cli.html#cli_unhandled_rejections_mode). ' +
    `(rejection id: ${uid})`);
  try {
    if (isErrorLike(reason)) {
      warning.stack = reason.stack;
      process.emitWarning(reason.stack, kWarningName);
    } else {
      process.emitWarning(noSideEffectsToString(reason), kWarningName);
    }
  } catch {
    try {
      process.emitWarning(noSideEffectsToString(reason), kWarningName);
    } catch {
      // The reason cannot even be described.
    }
  }
  process.emitWarning(warning);
}

function emitUnhandled(reason, promise, info) {
  if (info.domain) {
    try {
      info.domain.emit('error', reason);
    } catch (err) {
      require('internal/process/execution').triggerUncaughtException(err, false);
    }
    return true;
  }
  return process.emit('unhandledRejection', reason, promise);
}

// Node's processPromiseRejections: true when it did something that may have
// queued more ticks.
function processPromiseRejections() {
  let maybeScheduledTicksOrMicrotasks = asyncHandledRejections.length > 0;
  while (asyncHandledRejections.length > 0) {
    const { promise, warning } = asyncHandledRejections.shift();
    // A throwing listener is an uncaught exception, and the queue goes on.
    try {
      if (!process.emit('rejectionHandled', promise)) process.emitWarning(warning);
    } catch (err) {
      require('internal/process/execution').triggerUncaughtException(err, false);
    }
  }
  // Only those queued so far; rejections made by the listeners wait for the
  // next round (the caller loops while this returns true).
  let count = pending.size;
  while (count-- > 0 && pending.size > 0) {
    const [promise, info] = pending.entries().next().value;
    pending.delete(promise);
    reported.set(promise, info);
    const { reason, uid } = info;
    const { triggerUncaughtException } = require('internal/process/execution');
    switch (getMode()) {
      case kModes.strict: {
        const err = isErrorLike(reason) ? reason : unhandledRejectionError(reason);
        triggerUncaughtException(err, true);
        if (!emitUnhandled(reason, promise, info)) emitUnhandledRejectionWarning(uid, reason);
        break;
      }
      case kModes.warn:
        emitUnhandled(reason, promise, info);
        emitUnhandledRejectionWarning(uid, reason);
        break;
      case kModes.none:
        emitUnhandled(reason, promise, info);
        break;
      case kModes['warn-with-error-code']:
        if (!emitUnhandled(reason, promise, info)) {
          emitUnhandledRejectionWarning(uid, reason);
          process.exitCode = 1;
        }
        break;
      default:
        if (!emitUnhandled(reason, promise, info)) {
          const err = isErrorLike(reason) ? reason : unhandledRejectionError(reason);
          triggerUncaughtException(err, true);
        }
    }
    maybeScheduledTicksOrMicrotasks = true;
  }
  return maybeScheduledTicksOrMicrotasks || pending.size !== 0;
}

module.exports = { promiseRejectHandler, processPromiseRejections, hasRejectionToWarn };
