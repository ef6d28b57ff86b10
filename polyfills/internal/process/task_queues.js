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

// The ticks, FIFO, as kTickSlots consecutive slots each (callback, args,
// frame, asyncId, triggerAsyncId, resource) rather than one object per
// tick: on QuickJS, building a five-property TickObject costs about as much
// as the rest of the tick.  The TickObject is made only for init hooks,
// which receive it; executionAsyncResource() inside a tick without one gets
// an object made on demand (internalBinding('async_wrap')).
const kTickSlots = 6;
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
      const i = head;
      const callback = queue[i];
      const args = queue[i + 1];
      const frame = queue[i + 2];
      const asyncId = queue[i + 3];
      emitBefore(asyncId, queue[i + 4], queue[i + 5]);
      // The slots are not cleared one by one: the drained queue is dropped
      // whole (a burst's references live until its end).
      head = i + kTickSlots;
      if (head === queue.length) {
        queue = [];
        head = 0;
      }
      try {
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
  const asyncId = newAsyncId();
  const triggerAsyncId = getDefaultTriggerAsyncId();
  const tickArgs = args.length ? args : undefined;
  let resource = null;
  if (async_hook_fields[kInit] > 0) {
    resource = new TickObject(callback, tickArgs, asyncId, triggerAsyncId);
    emitInit(asyncId, 'TickObject', triggerAsyncId, resource);
  }
  queue.push(callback, tickArgs, frameState.current, asyncId, triggerAsyncId, resource);
}

// The resource init hooks see for a tick, as Node's.
class TickObject {
  constructor(callback, args, asyncId, triggerAsyncId) {
    this.callback = callback;
    this.args = args;
    this[async_id_symbol] = asyncId;
    this[trigger_async_id_symbol] = triggerAsyncId;
  }
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
