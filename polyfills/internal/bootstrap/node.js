// Builds `process` and the globals, then returns the hooks the Python loop
// calls.  Order is important: later steps use what earlier ones installed.
'use strict';

const realm = require('internal/bootstrap/realm');
const pm = internalBinding('process_methods');
require('internal/util/constructor_name').install();

// 1. process: made first, as Node's native process object is, so that every
// builtin (events included) can read process.platform/env at load time; it
// becomes an EventEmitter right after.
const processObject = {};
realm.setProcess(processObject);
// An accessor, as in Node: assigning `process = x` replaces what the getter
// returns and the property stays an accessor.
let globalProcess = processObject;
Object.defineProperty(globalThis, 'process', {
  __proto__: null,
  get() { return globalProcess; },
  set(value) { globalProcess = value; },
  configurable: true,
  enumerable: false,
});
require('internal/process/per_thread').setupProcessObject(processObject, pm);
const EventEmitter = require('events');
function process() {}
Object.setPrototypeOf(process.prototype, EventEmitter.prototype);
Object.setPrototypeOf(processObject, process.prototype);
Object.defineProperty(processObject, Symbol.toStringTag, {
  __proto__: null, value: 'process', writable: false, enumerable: false, configurable: true,
});
EventEmitter.call(processObject);
require('internal/process/warning').setupWarningHandler();
// Signals reach JS in the main thread only, as in Node.
if (internalBinding('worker').isMainThread) {
  require('internal/bootstrap/switches/is_main_thread').setupSignalHandlers(processObject);
}

// 2. Globals, non-enumerable like Node's.
// Node's enumerable globals, in Node's order: `for (k in globalThis)` and
// test/common's leaked-globals check see the same list as on Node.
const kEnumerableGlobals = new Set(['global', 'clearImmediate', 'setImmediate', 'clearInterval',
  'clearTimeout', 'setInterval', 'setTimeout', 'queueMicrotask', 'structuredClone', 'atob', 'btoa',
  'performance', 'fetch', 'crypto']);
function defineGlobal(name, value) {
  Object.defineProperty(globalThis, name, {
    __proto__: null, value, writable: true, configurable: true, enumerable: kEnumerableGlobals.has(name),
  });
}
function defineLazyGlobal(name, load) {
  const enumerable = kEnumerableGlobals.has(name);
  const accessors = {
    get() {
      const value = load();
      defineGlobal(name, value);
      return value;
    },
    set(value) { defineGlobal(name, value); },
  };
  // Node's enumerable globals are values or accessors named `get <name>`
  // (test-global checks the names).
  if (enumerable) {
    Object.defineProperty(accessors.get, 'name', { value: `get ${name}` });
    Object.defineProperty(accessors.set, 'name', { value: `set ${name}` });
  }
  Object.defineProperty(globalThis, name, {
    __proto__: null, configurable: true, enumerable, get: accessors.get, set: accessors.set,
  });
}

defineGlobal('global', globalThis);
const taskQueues = require('internal/process/task_queues');
const timers = require('timers');
for (const name of ['clearImmediate', 'setImmediate', 'clearInterval', 'clearTimeout',
  'setInterval', 'setTimeout']) {
  defineGlobal(name, timers[name]);
}
defineGlobal('queueMicrotask', taskQueues.queueMicrotask);
defineLazyGlobal('console', () => require('internal/console/global'));
// Like process, Buffer stays an accessor after an assignment.
{
  let globalBuffer;
  let assigned = false;
  Object.defineProperty(globalThis, 'Buffer', {
    __proto__: null,
    get() {
      if (!assigned) {
        globalBuffer = require('buffer').Buffer;
        assigned = true;
      }
      return globalBuffer;
    },
    set(value) {
      globalBuffer = value;
      assigned = true;
    },
    configurable: true,
    enumerable: false,
  });
}
defineLazyGlobal('Blob', () => require('buffer').Blob);
defineLazyGlobal('File', () => require('buffer').File);
// Node installs these as plain values (test-whatwg-url-custom-global and
// test-global check the descriptors); their modules are small.
{
  const { URL, URLSearchParams } = require('internal/url');
  defineGlobal('URL', URL);
  defineGlobal('URLSearchParams', URLSearchParams);
}
defineLazyGlobal('TextEncoder', () => require('internal/encoding').TextEncoder);
defineLazyGlobal('TextDecoder', () => require('internal/encoding').TextDecoder);
defineLazyGlobal('AbortController', () => require('internal/abort_controller').AbortController);
defineLazyGlobal('AbortSignal', () => require('internal/abort_controller').AbortSignal);
{
  const { EventTarget, Event, CustomEvent } = require('internal/event_target');
  defineGlobal('EventTarget', EventTarget);
  defineGlobal('Event', Event);
  defineGlobal('CustomEvent', CustomEvent);
}
defineLazyGlobal('structuredClone', () => require('internal/structured_clone').structuredClone);
defineLazyGlobal('atob', () => require('buffer').atob);
defineLazyGlobal('btoa', () => require('buffer').btoa);
defineLazyGlobal('performance', () => require('perf_hooks').performance);
for (const name of ['PerformanceEntry', 'PerformanceMark', 'PerformanceMeasure',
  'PerformanceObserver', 'PerformanceObserverEntryList', 'PerformanceResourceTiming', 'Performance']) {
  defineLazyGlobal(name, () => require('perf_hooks')[name]);
}
defineLazyGlobal('DOMException', () => require('internal/per_context/domexception').DOMException);
// Web Crypto: the `crypto` global (enumerable, as Node's) and its classes.
defineLazyGlobal('crypto', () => require('internal/crypto/webcrypto').crypto);
for (const name of ['Crypto', 'CryptoKey', 'SubtleCrypto']) {
  defineLazyGlobal(name, () => require('internal/crypto/webcrypto')[name]);
}
defineLazyGlobal('Headers', () => require('internal/fetch/headers').Headers);
defineLazyGlobal('Request', () => require('internal/fetch/request').Request);
defineLazyGlobal('Response', () => require('internal/fetch/response').Response);
defineLazyGlobal('FormData', () => require('internal/fetch/body').FormData);
// A plain function, as Node's, loading the implementation on first call.
defineGlobal('fetch', function fetch(input, init = undefined) {
  return require('internal/fetch/fetch').fetch(input, init);
});
for (const name of ['ReadableStream', 'ReadableStreamDefaultReader', 'ReadableStreamBYOBReader',
  'ReadableStreamBYOBRequest', 'ReadableByteStreamController', 'ReadableStreamDefaultController',
  'TransformStream', 'TransformStreamDefaultController', 'WritableStream',
  'WritableStreamDefaultWriter', 'WritableStreamDefaultController', 'ByteLengthQueuingStrategy',
  'CountQueuingStrategy', 'TextEncoderStream', 'TextDecoderStream', 'CompressionStream',
  'DecompressionStream']) {
  defineLazyGlobal(name, () => require('stream/web')[name]);
}
defineLazyGlobal('WebSocket', () => require('internal/websocket').WebSocket);
defineLazyGlobal('MessageEvent', () => require('internal/worker/io').MessageEvent);
defineLazyGlobal('CloseEvent', () => require('internal/websocket').CloseEvent);
for (const name of ['MessageChannel', 'MessagePort', 'BroadcastChannel']) {
  defineLazyGlobal(name, () => require('internal/worker/io')[name]);
}

// QuickJS's module loader (set by the host) asks this for module sources.
Object.defineProperty(globalThis, Symbol.for('nodeshim.esm.load'), {
  __proto__: null,
  value: (name) => require('internal/modules/esm/loader').loadModuleSource(name),
  enumerable: false, configurable: true, writable: false,
});

// 3. The entry points the loop calls.
const execution = require('internal/process/execution');
const { processTimers, processImmediate } = require('internal/timers').getTimerCallbacks();

const asyncFrame = require('internal/async_context_frame');
const frameState = asyncFrame.state;
const { kResourceFrame } = asyncFrame;

const asyncHooks = require('internal/async_hooks');
const {
  symbols: { async_id_symbol, trigger_async_id_symbol }, emitBefore, emitAfter,
} = asyncHooks;

function makeCallback(fn, thisArg, ...args) {
  let result;
  // Handles and requests carry their async id: the callback runs as theirs.
  const asyncId = thisArg == null ? undefined : thisArg[async_id_symbol];
  if (asyncId !== undefined) emitBefore(asyncId, thisArg[trigger_async_id_symbol], thisArg);
  try {
    // Restore the async context the handle/request was made in.
    const frame = thisArg == null ? undefined : thisArg[kResourceFrame];
    frameState.ambient = frame;
    if (frame !== undefined || frameState.current !== undefined) {
      result = asyncFrame.runInFrame(frame, fn, thisArg, args);
    } else {
      result = Reflect.apply(fn, thisArg, args);
    }
  } catch (err) {
    execution.triggerUncaughtException(err);
  }
  if (asyncId !== undefined) emitAfter(asyncId);
  taskQueues.afterCallback();
  return result;
}

function emitBeforeExit() {
  if (processObject._exiting) return;
  // Destroy hooks still queued run before the loop is declared empty.
  if (asyncHooks.hasDestroyQueued()) makeCallback(asyncHooks.runDestroyQueue, undefined);
  makeCallback(() => {
    processObject.emit('beforeExit', processObject.exitCode | 0);
  }, undefined);
}

function emitExit() {
  const code = processObject.exitCode | 0;
  if (!processObject._exiting) {
    processObject._exiting = true;
    try {
      processObject.emit('exit', code);
    } catch (err) {
      execution.triggerUncaughtException(err);
    }
  }
  return processObject.exitCode | 0;
}

function runMain(kind, value) {
  // The main script runs as async id 1, triggered by 0, without before/after
  // hooks (Node's bootstrap); its ticks and promise jobs run after it left.
  asyncHooks.pushAsyncContext(1, 0, asyncHooks.topLevelResource);
  frameState.ambient = undefined;
  try {
    require('internal/main/run_main').run(kind, value);
  } catch (err) {
    execution.triggerUncaughtException(err);
  }
  if (asyncHooks.hasAsyncIdStack()) asyncHooks.popAsyncContext(1);
  taskQueues.afterCallback();
}

module.exports = {
  promiseRejectHandler: require('internal/process/promises').promiseRejectHandler,
  makeCallback, processTimers, processImmediate, emitBeforeExit, emitExit, runMain };
