// Unhandled promise rejections, with Node's default mode (throw): a
// rejection still unhandled after the microtask queue drains emits
// 'unhandledRejection', or, with no listener, ends the process like an
// uncaught exception (exit code 1).  A handler attached later emits
// 'rejectionHandled'.  The engine reports rejections through the host
// tracker installed by runtime/host.py.
'use strict';

const kModes = { __proto__: null, throw: 0, strict: 1, warn: 2, none: 3, 'warn-with-error-code': 4 };

// promise -> { reason, warned }
const maybeUnhandled = new WeakMap();
const pending = [];
const asyncHandledRejections = [];
let mode;

function getMode() {
  if (mode === undefined) {
    mode = kModes.throw;
    const argv = process.execArgv;
    for (let i = 0; i < argv.length; i++) {
      let value;
      if (argv[i].startsWith('--unhandled-rejections=')) value = argv[i].slice(23);
      else if (argv[i] === '--unhandled-rejections') value = argv[i + 1];
      if (value !== undefined && value in kModes) mode = kModes[value];
    }
  }
  return mode;
}

function hasRejectionToWarn() {
  return pending.length > 0 || asyncHandledRejections.length > 0;
}

// Called from inside QuickJS's promise machinery: must never throw.
function promiseRejectHandler(promise, reason, isHandled) {
  try {
    if (!isHandled) {
      // The active domain (node:domain) receives the rejection, as Node's.
      maybeUnhandled.set(promise, { reason, warned: false, domain: process.domain });
      pending.push(promise);
    } else {
      const info = maybeUnhandled.get(promise);
      if (info !== undefined) {
        maybeUnhandled.delete(promise);
        if (info.warned) asyncHandledRejections.push(promise);
      }
    }
  } catch {
    // Nothing sensible to do inside the engine's promise code.
  }
}

function unhandledRejectionError(reason) {
  let text;
  try {
    text = require('internal/util/inspect').inspect(reason);
  } catch {
    text = String(reason);
  }
  const err = new Error('This error originated either by throwing inside of an async ' +
    'function without a catch block, or by rejecting a promise which was not handled ' +
    `with .catch(). The promise rejected with the reason "${text}".`);
  err.code = 'ERR_UNHANDLED_REJECTION';
  Object.defineProperty(err, 'name', { value: 'UnhandledPromiseRejection', configurable: true, writable: true });
  return err;
}

function emitWarningFor(reason) {
  const warning = new Error('Unhandled promise rejection. This error originated either by ' +
    'throwing inside of an async function without a catch block, or by rejecting a promise ' +
    'which was not handled with .catch(). To terminate the node process on unhandled ' +
    'promise rejection, use the CLI flag `--unhandled-rejections=strict` (see ' +
    'https://nodejs.org/api/cli.html#cli_unhandled_rejections_mode).');
  warning.name = 'UnhandledPromiseRejectionWarning';
  try {
    warning.stack = reason instanceof Error && reason.stack ? reason.stack : String(reason);
  } catch { /* keep the warning's own stack */ }
  process.emitWarning(warning);
}

// Node's processPromiseRejections: true when it did something that may have
// queued more ticks.
function processPromiseRejections() {
  let maybeScheduledTicksOrMicrotasks = asyncHandledRejections.length > 0;
  while (asyncHandledRejections.length > 0) {
    const promise = asyncHandledRejections.shift();
    process.emit('rejectionHandled', promise);
  }
  while (pending.length > 0) {
    const promise = pending.shift();
    const info = maybeUnhandled.get(promise);
    if (info === undefined) continue;
    info.warned = true;
    const { reason } = info;
    if (info.domain) {
      try {
        info.domain.emit('error', reason);
      } catch (err) {
        require('internal/process/execution').triggerUncaughtException(err, false);
      }
      maybeScheduledTicksOrMicrotasks = true;
      continue;
    }
    const { triggerUncaughtException } = require('internal/process/execution');
    switch (getMode()) {
      case kModes.strict: {
        const err = reason instanceof Error ? reason : unhandledRejectionError(reason);
        triggerUncaughtException(err, true);
        if (!process.emit('unhandledRejection', reason, promise)) emitWarningFor(reason);
        break;
      }
      case kModes.warn:
        process.emit('unhandledRejection', reason, promise);
        emitWarningFor(reason);
        break;
      case kModes.none:
        process.emit('unhandledRejection', reason, promise);
        break;
      case kModes.warn_with_error_code:
      case kModes['warn-with-error-code']:
        if (!process.emit('unhandledRejection', reason, promise)) {
          emitWarningFor(reason);
          process.exitCode = 1;
        }
        break;
      default:
        if (!process.emit('unhandledRejection', reason, promise)) {
          const err = reason instanceof Error ? reason : unhandledRejectionError(reason);
          triggerUncaughtException(err, true);
        }
    }
    maybeScheduledTicksOrMicrotasks = true;
  }
  return maybeScheduledTicksOrMicrotasks || pending.length !== 0;
}

module.exports = { promiseRejectHandler, processPromiseRejections, hasRejectionToWarn };
