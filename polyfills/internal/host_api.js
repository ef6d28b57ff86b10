// The JS half of nodeshim's Python host API (runtime/api.py): the registry
// behind require('python:NAME'), the trampoline that turns a Python callable
// into a JS function, value classification for Python, and the entry points
// the host calls.  Loaded only by a hosted runtime (or on a 'python:' request).
//
// The engine binding drops the value of anything thrown across the
// Python/JS boundary (see runtime/engine.py), so every crossing here returns
// [status, value] and the receiving side throws/raises itself.
'use strict';

const path = require('path');
const taskQueues = require('internal/process/task_queues');

// -- modules exposed by Python ----------------------------------------------

const hostModules = new Map();

function registerModule(name, value) {
  hostModules.set(name, value);
}

function loadHostModule(request) {
  const name = request.slice('python:'.length);
  if (!hostModules.has(name)) {
    const err = new Error(`Cannot find module '${request}'`);
    err.code = 'MODULE_NOT_FOUND';
    throw err;
  }
  return hostModules.get(name);
}

function setGlobal(name, value) {
  Object.defineProperty(globalThis, name, {
    __proto__: null, value, writable: true, configurable: true, enumerable: false,
  });
}

// -- Python -> JS -------------------------------------------------------------

function toBuffer(arrayBuffer) {
  return require('buffer').Buffer.from(arrayBuffer);
}

// info: [type name, qualified type name, message, formatted traceback]
function pythonError(info) {
  const [type, qualname, message, traceback] = info;
  const err = new Error(message);
  err.name = type;
  err.pythonType = qualname;
  Object.defineProperty(err, 'pythonTraceback', {
    __proto__: null, value: traceback, writable: true, configurable: true, enumerable: false,
  });
  return err;
}

// call(thisArg, args) -> [0, result] | [1, python error info] | [2, JS value to throw]
function wrapPython(call, name, length) {
  const fn = function(...args) {
    const r = call(this, args);
    if (r[0] === 0) return r[1];
    throw r[0] === 1 ? pythonError(r[1]) : r[1];
  };
  Object.defineProperty(fn, 'name', { __proto__: null, value: name, configurable: true });
  Object.defineProperty(fn, 'length', { __proto__: null, value: length, configurable: true });
  return fn;
}

// A promise Python settles later: settle(0, value) resolves, settle(1, info)
// rejects with a Python error, settle(2, value) rejects with a JS value.
function deferred() {
  let settle;
  const promise = new Promise((resolve, reject) => {
    settle = (kind, value) => {
      if (kind === 0) resolve(value);
      else reject(kind === 1 ? pythonError(value) : value);
    };
  });
  return [promise, settle];
}

// -- JS -> Python ---------------------------------------------------------------

// 1 array, 2 plain object, 3 bytes, 4 error, 5 function, 6 promise,
// 7 any other object, 8 bigint, 9 symbol.
function kindOf(v) {
  if (typeof v === 'function') return 5;
  if (typeof v === 'bigint') return 8;
  if (typeof v === 'symbol') return 9;
  if (Array.isArray(v)) return 1;
  if (ArrayBuffer.isView(v) || v instanceof ArrayBuffer) return 3;
  if (v instanceof Error) return 4;
  if (v instanceof Promise) return 6;
  const proto = Object.getPrototypeOf(v);
  if (proto === Object.prototype || proto === null) return 2;
  return 7;
}

function entries(obj) {
  const keys = Object.keys(obj);
  return [keys, keys.map((k) => obj[k])];
}

// [name, message, stack, code] of a thrown value.
function errorInfo(err) {
  if (err !== null && typeof err === 'object') {
    let stack;
    try {
      stack = require('internal/bootstrap/realm').fullStack(err);
    } catch {
      stack = undefined;
    }
    let name;
    let message;
    try {
      name = String(err.name ?? 'Error');
      message = String(err.message ?? '');
    } catch {
      name = 'Error';
      message = '';
    }
    const code = err.code === undefined ? null : String(err.code);
    return [name, message, typeof stack === 'string' ? stack : `${name}: ${message}`, code];
  }
  let text;
  try {
    text = require('internal/util/inspect').inspect(err);
  } catch {
    text = String(err);
  }
  return ['', `Uncaught ${text}`, '', null];
}

// -- calls from Python ------------------------------------------------------------

// As Node's MakeCallback, but a throw goes back to the Python caller instead
// of to 'uncaughtException'.  A returned promise is awaited by Python with
// then(): settle functions are attached in the same turn.
function callFromHost(fn, thisArg, args) {
  let ok = true;
  let result;
  try {
    result = Reflect.apply(fn, thisArg, args);
  } catch (err) {
    ok = false;
    result = err;
  }
  // A promise handed to Python is Python's to await: its rejection is not
  // an unhandled one.
  if (ok && result instanceof Promise) result.then(undefined, noop);
  taskQueues.afterCallback();
  return [ok, result];
}

function noop() {}
function getProperty(obj, key) { return obj[key]; }
function setProperty(obj, key, value) { obj[key] = value; }
function construct(fn, args) { return Reflect.construct(fn, args); }
function stringOf(value) { return String(value); }

function awaitPromise(promise, settle) {
  Promise.resolve(promise).then((v) => settle(true, v), (e) => settle(false, e));
}

// -- running code -------------------------------------------------------------------

let mainStarted = false;

function isESM(filename) {
  const { Module } = require('internal/modules/cjs/loader');
  const esm = require('internal/modules/esm/loader');
  let found;
  try {
    found = Module._findPath(filename, null, true);
  } catch {
    found = false;
  }
  return found ? esm.isESMFile(found) : false;
}

// The first file run is the main module (require.main, process.argv[1]).
function runFile(filename) {
  const { Module } = require('internal/modules/cjs/loader');
  const isMain = !mainStarted;
  mainStarted = true;
  if (isMain) process.argv[1] = filename;
  return Module._load(filename, null, isMain);
}

function importModule(filename, settle) {
  mainStarted = true;
  if (process.argv[1] === undefined) process.argv[1] = filename;
  import(filename).then((ns) => settle(true, ns), (e) => settle(false, e));
}

function runSource(source, filename) {
  const { Module } = require('internal/modules/cjs/loader');
  const module = new Module(filename, null);
  module.filename = filename;
  module.paths = Module._nodeModulePaths(path.dirname(filename));
  module._compile(source, filename);
  module.loaded = true;
  return module.exports;
}

function requireFrom(dir, id) {
  const { Module } = require('internal/modules/cjs/loader');
  return Module.createRequire(path.join(dir, '[host]'))(id);
}

// Graceful close: servers stop listening (an http server also closes its
// idle connections); with `force`, every socket is destroyed.
function closeHandles(handles, force) {
  const ownerSymbol = Symbol.for('owner_symbol');
  for (const handle of handles) {
    const owner = handle != null ? handle[ownerSymbol] : undefined;
    if (owner == null) continue;
    try {
      if (typeof owner.listen === 'function' && typeof owner.close === 'function') {
        if (owner.listening) owner.close();
        if (typeof owner.closeAllConnections === 'function' && force) owner.closeAllConnections();
      } else if (force && typeof owner.destroy === 'function') {
        owner.destroy();
      }
    } catch {
      // Closing is best effort; the host releases what is left.
    }
  }
}

function setFatalHook(fn) {
  require('internal/process/execution').setFatalHook(fn);
}

module.exports = {
  registerModule, loadHostModule, setGlobal,
  toBuffer, pythonError, wrapPython, deferred,
  kindOf, entries, errorInfo,
  callFromHost, getProperty, setProperty, construct, stringOf, awaitPromise,
  isESM, runFile, importModule, runSource, requireFrom, closeHandles, setFatalHook,
};
