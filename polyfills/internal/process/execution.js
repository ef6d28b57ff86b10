// Uncaught exceptions: 'uncaughtExceptionMonitor', 'uncaughtException', or
// Node's report on stderr and exit code 1 (7 when a handler itself throws).
'use strict';

const realm = require('internal/bootstrap/realm');
const { getSourceLine } = internalBinding('builtins');
const pm = internalBinding('process_methods');

const kGenericUserError = 1;
const kInvalidFatalExceptionMonkeyPatching = 6;
const kExceptionInFatalExceptionHandler = 7;
let handlingFatal = false;
// A Python host (runtime/api.py) hears of the error that ends the process,
// to raise it in Python as nodeshim.JSError.
let fatalHook = null;
// A worker thread hands its fatal error to its Worker instead of printing it.
let reportFatal = true;
function setFatalHook(fn, report = true) {
  fatalHook = fn;
  reportFatal = report;
}

function exitWithError(err, code) {
  if (fatalHook !== null) {
    // A worker's hook (taking the code too) may answer another exit code.
    try {
      if (fatalHook.length >= 2) {
        const override = fatalHook(err, code);
        if (typeof override === 'number') code = override;
      } else {
        fatalHook(err);
      }
    } catch { /* the exit below matters more */ }
  }
  pm.reallyExit(code);
}

function writeErr(text) {
  pm.writeSync(2, text);
}

function sourceContext(err) {
  // Node prints "file:line", the source line and a caret under the column.
  const stack = err !== null && typeof err === 'object' ? realm.fullStack(err) : undefined;
  if (typeof stack !== 'string') return '';
  const m = /\n\s+at (?:.*?\()?((?:\/|node:|file:|\[eval\])[^():\n]*):(\d+):(\d+)\)?/.exec(stack) ||
    /^\s+at (?:.*?\()?([^():\n]+):(\d+):(\d+)\)?/m.exec(stack);
  if (!m || m[1].startsWith('node:')) return '';
  const line = getSourceLine(m[1], Number(m[2]));
  if (line === null || line === undefined) return '';
  const col = Math.max(0, Number(m[3]) - 1);
  return `${m[1]}:${m[2]}\n${line}\n${' '.repeat(col)}^\n\n`;
}

function formatForReport(err) {
  if (err !== null && typeof err === 'object') {
    const stack = realm.fullStack(err);
    let text;
    if (typeof stack === 'string' && stack) {
      text = stack;
    } else {
      try {
        text = require('internal/util/inspect').inspect(err);
      } catch {
        text = String(err);
      }
    }
    // Node appends the error's own enumerable properties ({ code: ... }).
    try {
      const keys = Object.keys(err);
      if (keys.length && err instanceof Error) {
        const { inspect } = require('internal/util/inspect');
        const extra = {};
        for (const k of keys) extra[k] = err[k];
        text += ' ' + inspect(extra);
      }
    } catch { /* best effort */ }
    return text;
  }
  let text;
  try {
    text = require('internal/util/inspect').inspect(err);
  } catch {
    text = String(err);
  }
  return `${text}\n(Use \`node --trace-uncaught ...\` to show where the exception was thrown)`;
}

function reportUncaught(err) {
  // A worker hands the error to its parent instead (before 'exit' listeners run).
  if (typeof reportFatal === 'function') {
    reportFatal(err);
    return;
  }
  if (!reportFatal) return;
  let out;
  try {
    out = `${sourceContext(err)}${formatForReport(err)}\n\nNode.js ${process.version}\n`;
  } catch {
    out = `Uncaught ${String(err)}\n`;
  }
  writeErr(out);
}

// process.setUncaughtExceptionCaptureCallback(fn): fn receives every
// uncaught exception instead of 'uncaughtException'.
let captureCallback = null;
function setUncaughtExceptionCaptureCallback(fn) {
  if (fn === null) {
    captureCallback = null;
    return;
  }
  if (typeof fn !== 'function') {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE('fn', ['Function', 'null'], fn);
  }
  if (captureCallback !== null) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET();
  }
  captureCallback = fn;
}
function hasUncaughtExceptionCaptureCallback() {
  return captureCallback !== null;
}

let domainErrorHandler = null;
// node:domain answers whether a domain would take this error (one with
// 'error' listeners is entered), which keeps --abort-on-uncaught-exception
// from aborting, as Node's capture callback does.
let domainCaptures = null;
function setDomainErrorHandler(fn, captures = null) {
  domainErrorHandler = fn;
  domainCaptures = captures;
}

let abortOnUncaught;
function abortsOnUncaught() {
  if (abortOnUncaught === undefined) {
    // A worker's uncaught error ends the worker, never the process.
    abortOnUncaught = !!require('internal/options').getOptionValue('--abort-on-uncaught-exception') &&
      internalBinding('worker').isMainThread;
  }
  return abortOnUncaught;
}

// V8 reports an exception no one catches this way before aborting
// ('Uncaught <error>', then the frames it was thrown from).
function abortWithError(err) {
  let text;
  try {
    text = `Uncaught ${String(err)}`;
  } catch {
    text = 'Uncaught exception';
  }
  const stack = err !== null && typeof err === 'object' ? realm.fullStack(err) : undefined;
  if (typeof stack === 'string') {
    const frames = stack.split('\n').filter((l) => /^\s+at /.test(l)).map((l) => l.replace(/^\s+at /, ''));
    if (frames.length) text += `\n\nFROM\n${frames.join('\n')}`;
  }
  try {
    writeErr(`${text}\n`);
  } catch { /* aborting regardless */ }
  pm.abort();
}

function triggerUncaughtException(err, fromPromise = false) {
  // process.exit() unwinds the JS stack with an error; let it through.
  if (pm.exitRequested()) throw err;
  if (typeof process._fatalException !== 'function') {
    reportUncaught(err);
    exitWithError(err, kInvalidFatalExceptionMonkeyPatching);
    return;
  }
  const type = fromPromise ? 'unhandledRejection' : 'uncaughtException';
  if (captureCallback === null && abortsOnUncaught() &&
      !(domainCaptures !== null && !fromPromise && domainCaptures(err))) {
    abortWithError(err);
    return;
  }
  if (handlingFatal) {
    // A throw inside an 'uncaughtException' handler: Node exits with 7.
    reportUncaught(err);
    exitWithError(err, kExceptionInFatalExceptionHandler);
    return;
  }
  try {
    process.emit('uncaughtExceptionMonitor', err, type);
  } catch (err2) {
    // A throwing monitor is an error inside the fatal-exception handler.
    reportUncaught(err2);
    exitWithError(err2, kExceptionInFatalExceptionHandler);
    return;
  }
  // node:domain routes the error to the active domain's 'error' listeners.
  if (domainErrorHandler !== null && !fromPromise) {
    let handled = false;
    try {
      handled = domainErrorHandler(err);
    } catch (err2) {
      // A throw from a domain's 'error' handler is one from the process's
      // fatal exception handler: no 'uncaughtException', exit code 7.
      if (abortsOnUncaught()) abortWithError(err2);
      reportUncaught(err2);
      exitWithError(err2, kExceptionInFatalExceptionHandler);
      return;
    }
    if (handled) return;
  }
  // process.setUncaughtExceptionCaptureCallback(fn)
  if (captureCallback !== null) {
    captureCallback(err);
    return;
  }
  if (process.listenerCount('uncaughtException') > 0) {
    handlingFatal = true;
    try {
      process.emit('uncaughtException', err, type);
    } catch (err2) {
      handlingFatal = false;
      reportUncaught(err2);
      exitWithError(err2, kExceptionInFatalExceptionHandler);
      return;
    }
    handlingFatal = false;
    return;
  }
  reportUncaught(err);
  if (!process._exiting) {
    process._exiting = true;
    process.exitCode = kGenericUserError;
    try {
      process.emit('exit', kGenericUserError);
    } catch { /* as Node: the original error decides the exit */ }
  }
  // What the 'exit' listeners left in process.exitCode decides, even 0.
  const code = process.exitCode;
  exitWithError(err, code === undefined || code === null ? kGenericUserError : code | 0);
}

// Node hands every uncaught error to process._fatalException; a program
// that replaced it with a non-function ends with this code.
function fatalException(err, fromPromise) {
  triggerUncaughtException(err, !!fromPromise);
  return true;
}
process._fatalException = fatalException;

module.exports = {
  setUncaughtExceptionCaptureCallback, hasUncaughtExceptionCaptureCallback, triggerUncaughtException, reportUncaught, setFatalHook, setDomainErrorHandler };
