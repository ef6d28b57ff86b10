// process.nextTick and the drain that runs after every callback into JS:
// Node's processTicksAndRejections and InternalCallbackScope::Close.
'use strict';

const { runMicrotasks: runJobs } = internalBinding('util');
const { state: frameState, runInFrame } = require('internal/async_context_frame');
const { processPromiseRejections, hasRejectionToWarn } = require('internal/process/promises');
const { clearKeptObjects } = require('internal/bootstrap/realm');
const {
  symbols: { async_id_symbol, trigger_async_id_symbol },
  initAsyncResource, emitBefore, emitAfter, emitDestroy, emitInit, newAsyncId,
  getDefaultTriggerAsyncId, async_hook_fields, constants: { kInit, kDestroy },
} = require('internal/async_hooks');

// Promise jobs (await continuations included) run in the ambient frame; see
// internal/async_context_frame.
function runMicrotasks() {
  const prev = frameState.current;
  if (prev === frameState.ambient) {
    runJobs();
  } else {
    frameState.current = frameState.ambient;
    try {
      runJobs();
    } finally {
      frameState.current = prev;
    }
  }
  // The end of the checkpoint: WeakRef targets kept during the job go.
  clearKeptObjects();
}

// A growable ring would be faster; a plain array with a head index is enough
// and keeps FIFO order exact.
let queue = [];
let head = 0;

function hasTickScheduled() {
  return head < queue.length;
}

function triggerUncaught(err) {
  require('internal/process/execution').triggerUncaughtException(err);
}

function processTicksAndRejections() {
  do {
    while (head < queue.length) {
      const tock = queue[head];
      queue[head++] = undefined;
      if (head === queue.length) {
        queue = [];
        head = 0;
      }
      const asyncId = tock[async_id_symbol];
      emitBefore(asyncId, tock[trigger_async_id_symbol], tock);
      try {
        const { callback, args, frame } = tock;
        if (frame !== undefined || frameState.current !== undefined) runInFrame(frame, callback, undefined, args);
        else if (args === undefined) callback();
        else Reflect.apply(callback, undefined, args);
      } catch (err) {
        triggerUncaught(err);
      }
      if (async_hook_fields[kDestroy] > 0) emitDestroy(asyncId);
      emitAfter(asyncId);
    }
    runMicrotasks();
  } while (head < queue.length || processPromiseRejections());
}

// V8 names this frame after its receiver, `process.processTicksAndRejections`,
// and stack traces (and tools matching them) show it so; QuickJS's frames
// carry only the function's name.
Object.defineProperty(processTicksAndRejections, 'name', {
  __proto__: null, value: 'process.processTicksAndRejections', configurable: true,
});

// Node's InternalCallbackScope::Close, after every callback into JS.
function afterCallback() {
  if (!hasTickScheduled()) {
    runMicrotasks();
    if (!hasTickScheduled() && !hasRejectionToWarn()) return;
  }
  processTicksAndRejections();
}

function nextTick(callback, ...args) {
  if (typeof callback !== 'function') {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  }
  if (process._exiting) return;
  // Built in one literal: this runs for every tick.
  const asyncId = newAsyncId();
  const triggerAsyncId = getDefaultTriggerAsyncId();
  const tickObject = {
    [async_id_symbol]: asyncId,
    [trigger_async_id_symbol]: triggerAsyncId,
    callback,
    args: args.length ? args : undefined,
    frame: frameState.current,
  };
  if (async_hook_fields[kInit] > 0) emitInit(asyncId, 'TickObject', triggerAsyncId, tickObject);
  queue.push(tickObject);
}

function queueMicrotask(callback) {
  if (typeof callback !== 'function') {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  }
  const frame = frameState.current;
  // The resource an AsyncResource('Microtask') would be, without its class.
  const resource = { callback };
  const asyncId = initAsyncResource(resource, 'Microtask');
  Promise.resolve().then(() => {
    emitBefore(asyncId, resource[trigger_async_id_symbol], resource);
    try {
      if (frame !== undefined || frameState.current !== undefined) runInFrame(frame, callback, undefined, undefined);
      else callback();
    } catch (err) {
      triggerUncaught(err);
    } finally {
      emitDestroy(asyncId);
    }
    emitAfter(asyncId);
  });
}

module.exports = {
  nextTick,
  queueMicrotask,
  afterCallback,
  processTicksAndRejections,
  hasTickScheduled,
  runNextTicks: afterCallback,
  runMicrotasks,
};
