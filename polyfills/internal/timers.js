// Timer lists and the immediate queue, owned by JS as in Node.  The loop
// keeps one native deadline (internalBinding('timers').scheduleTimer) and
// calls processTimers(now) / processImmediate() back.
//
// Timers live in a binary heap ordered by (expiry, insertion id), so timers
// due at the same time fire in the order they were scheduled, as Node's
// per-duration lists guarantee.
'use strict';

const binding = internalBinding('timers');
const { afterCallback } = require('internal/process/task_queues');
const { state: frameState, runInFrame } = require('internal/async_context_frame');
const kFrame = Symbol('kAsyncFrame');

const TIMEOUT_MAX = 2 ** 31 - 1;
const kRefed = Symbol('refed');
const kHasPrimitive = Symbol('kHasPrimitive');
const {
  symbols: { async_id_symbol, trigger_async_id_symbol },
  initAsyncResource, emitBefore, emitAfter, emitDestroy,
  hasDestroyQueued, runDestroyQueue, async_hook_fields, constants: { kDestroy },
} = require('internal/async_hooks');

function destroyHooksExist() {
  return async_hook_fields[kDestroy] > 0;
}
const knownTimersById = { __proto__: null };

// --- heap --------------------------------------------------------------------
const heap = [];
let refCount = 0; // ref'd timers in the heap
// The timer whose callback runs: it still counts as active, as in Node,
// until the callback returns without re-arming it.
let runningTimer = null;
let scheduledExpiry = 0; // expiry the loop was asked for, 0 = none
let insertSeq = 0;

function less(a, b) {
  return a._expiry < b._expiry || (a._expiry === b._expiry && a._seq < b._seq);
}
function siftUp(i) {
  const item = heap[i];
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (!less(item, heap[p])) break;
    heap[i] = heap[p];
    heap[i]._heapIndex = i;
    i = p;
  }
  heap[i] = item;
  item._heapIndex = i;
}
function siftDown(i) {
  const item = heap[i];
  const n = heap.length;
  for (;;) {
    let c = 2 * i + 1;
    if (c >= n) break;
    if (c + 1 < n && less(heap[c + 1], heap[c])) c++;
    if (!less(heap[c], item)) break;
    heap[i] = heap[c];
    heap[i]._heapIndex = i;
    i = c;
  }
  heap[i] = item;
  item._heapIndex = i;
}
function heapRemove(t) {
  const i = t._heapIndex;
  if (i === -1) return;
  t._heapIndex = -1;
  const last = heap.pop();
  if (i < heap.length) {
    heap[i] = last;
    last._heapIndex = i;
    siftUp(i);
    siftDown(last._heapIndex);
  }
}

function getLibuvNow() {
  return binding.getLibuvNow();
}

// What the loop was last told about ref-ness (undefined: unknown, after the
// loop consumed the deadline).  Each change is a crossing into Python, so
// only changes are sent.
let nativeRef;
function setNativeRef(ref) {
  if (ref !== nativeRef) {
    nativeRef = ref;
    binding.toggleTimerRef(ref);
  }
}

function updateNativeTimer() {
  if (heap.length === 0) {
    // The native deadline may stay armed; unref'd, it keeps nothing alive.
    setNativeRef(false);
    return;
  }
  const first = heap[0]._expiry;
  // Only an earlier expiry moves the native deadline.  A later one (a
  // refreshed keep-alive timer, say) is found when the armed deadline fires:
  // processTimers then returns the real next expiry, as Node's lists do.
  if (scheduledExpiry === 0 || first < scheduledExpiry) {
    scheduledExpiry = first;
    binding.scheduleTimer(Math.max(1, first - getLibuvNow()));
  }
  setNativeRef(refCount > 0);
}

function insert(timer, msecs, start = getLibuvNow()) {
  if (timer._heapIndex === undefined) timer._heapIndex = -1;
  // Sub-millisecond accuracy is not promised: 1, 1.1 and 1.8 ms timers fire
  // together in insertion order (test-timers-non-integer-delay).
  msecs = Math.trunc(msecs);
  timer._idleStart = start;
  timer._expiry = start + msecs;
  timer._seq = insertSeq++;
  heap.push(timer);
  siftUp(heap.length - 1);
  if (timer[kRefed]) refCount++;
  updateNativeTimer();
}

function unenroll(timer) {
  if (timer._heapIndex !== -1 && timer._heapIndex !== undefined) {
    heapRemove(timer);
    if (timer[kRefed]) refCount--;
    updateNativeTimer();
  }
}

// --- Timeout -----------------------------------------------------------------
class Timeout {
  constructor(callback, after, args, isRepeat, isRefed) {
    after *= 1;
    if (!(after >= 1 && after <= TIMEOUT_MAX)) {
      if (after > TIMEOUT_MAX) {
        process.emitWarning(`${after} does not fit into a 32-bit signed integer.` +
          '\nTimeout duration was set to 1.', 'TimeoutOverflowWarning');
      }
      after = 1;
    }
    this._idleTimeout = after;
    this._idlePrev = this;
    this._idleNext = this;
    this._idleStart = null;
    this._onTimeout = callback;
    this._timerArgs = args;
    this._repeat = isRepeat ? after : null;
    this._destroyed = false;
    this._heapIndex = -1;
    this[kRefed] = isRefed;
    this[kHasPrimitive] = false;
    this[kFrame] = frameState.current;
    initAsyncResource(this, 'Timeout');
  }

  refresh() {
    // Re-arms from now, even a timer that already fired (Node revives it).
    if (this._heapIndex !== -1 && this._heapIndex !== undefined) {
      heapRemove(this);
      if (this[kRefed]) refCount--;
    }
    if (this._idleTimeout >= 0 && this._onTimeout) {
      this._destroyed = false;
      insert(this, this._idleTimeout);
    }
    return this;
  }

  unref() {
    if (this[kRefed]) {
      this[kRefed] = false;
      if (this._heapIndex !== -1) {
        refCount--;
        updateNativeTimer();
      }
    }
    return this;
  }

  ref() {
    if (!this[kRefed]) {
      this[kRefed] = true;
      if (this._heapIndex !== -1) {
        refCount++;
        updateNativeTimer();
      }
    }
    return this;
  }

  hasRef() {
    return this[kRefed];
  }

  close() {
    clearTimeout(this);
    return this;
  }

  [Symbol.dispose]() {
    clearTimeout(this);
  }

  [Symbol.toPrimitive]() {
    const id = this[async_id_symbol];
    if (!this[kHasPrimitive]) {
      this[kHasPrimitive] = true;
      knownTimersById[id] = this;
    }
    return id;
  }
}

function clearTimeout(timer) {
  if (timer && timer._onTimeout) {
    timer._onTimeout = null;
    unenroll(timer);
    if (!timer._destroyed && destroyHooksExist() && timer[async_id_symbol] !== undefined) {
      emitDestroy(timer[async_id_symbol]);
    }
    timer._destroyed = true;
    if (timer[kHasPrimitive]) delete knownTimersById[timer[async_id_symbol]];
    return;
  }
  if (typeof timer === 'number' || typeof timer === 'string') {
    const timerInstance = knownTimersById[timer];
    if (timerInstance !== undefined) {
      timerInstance._idleTimeout = -1;
      clearTimeout(timerInstance);
    }
  }
}

function processTimers(now) {
  let ranAtLeastOne = false;
  while (heap.length > 0) {
    const timer = heap[0];
    // `now` stays what the loop passed in, as in Node's processTimers: a
    // timer that falls due while callbacks run (one they scheduled, say) waits
    // for the next iteration, after this one's immediates.
    if (timer._expiry > now) break;
    heapRemove(timer);
    if (timer[kRefed]) refCount--;
    if (ranAtLeastOne) afterCallback();
    ranAtLeastOne = true;
    if (!timer._onTimeout) continue;
    let start;
    if (timer._repeat) start = getLibuvNow();
    runningTimer = timer;
    const asyncId = timer[async_id_symbol];
    emitBefore(asyncId, timer[trigger_async_id_symbol], timer);
    try {
      const args = timer._timerArgs;
      const frame = timer[kFrame];
      frameState.ambient = frame;
      if (frame !== undefined || frameState.current !== undefined) runInFrame(frame, timer._onTimeout, timer, args);
      else if (args === undefined) timer._onTimeout();
      else Reflect.apply(timer._onTimeout, timer, args);
    } catch (err) {
      require('internal/process/execution').triggerUncaughtException(err);
    } finally {
      runningTimer = null;
      if (timer._repeat && timer._idleTimeout !== -1 && !timer._destroyed) {
        timer._idleTimeout = timer._repeat;
        insert(timer, timer._idleTimeout, start);
      } else if (timer._heapIndex === -1 && !timer._destroyed) {
        // Not re-armed by refresh() inside the callback: done.
        timer._destroyed = true;
        if (timer[kHasPrimitive]) delete knownTimersById[timer[async_id_symbol]];
        if (async_hook_fields[kDestroy] > 0) emitDestroy(asyncId);
      }
      emitAfter(asyncId);
    }
  }
  if (ranAtLeastOne) afterCallback();
  // The loop re-arms (or drops) its deadline from what this returns.
  if (heap.length === 0) {
    scheduledExpiry = 0;
    nativeRef = undefined;
    return 0;
  }
  scheduledExpiry = heap[0]._expiry;
  nativeRef = refCount > 0;
  return nativeRef ? scheduledExpiry : -scheduledExpiry;
}

// --- Immediates ----------------------------------------------------------------
class ImmediateList {
  constructor() { this.head = null; this.tail = null; }
  append(item) {
    if (this.tail !== null) {
      this.tail._idleNext = item;
      item._idlePrev = this.tail;
    } else {
      this.head = item;
    }
    this.tail = item;
  }
  remove(item) {
    if (item._idleNext) item._idleNext._idlePrev = item._idlePrev;
    if (item._idlePrev) item._idlePrev._idleNext = item._idleNext;
    if (item === this.head) this.head = item._idleNext;
    if (item === this.tail) this.tail = item._idlePrev;
    item._idleNext = null;
    item._idlePrev = null;
  }
}

// The list new immediates join; processImmediate swaps in a fresh one, so
// immediates scheduled while it runs wait for the next loop iteration.
let immediateQueue = new ImmediateList();
let immediateCount = 0;
let immediateRefCount = 0;

// Queued destroy hooks also need a check phase (processImmediate runs them).
function setImmediatePending() {
  binding.toggleImmediatePending(immediateCount > 0 || hasDestroyQueued());
}

class Immediate {
  constructor(callback, args) {
    this._idleNext = null;
    this._idlePrev = null;
    this._onImmediate = callback;
    this._argv = args;
    this._destroyed = false;
    this[kRefed] = false;
    this[kFrame] = frameState.current;
    initAsyncResource(this, 'Immediate');
    this.ref();
    immediateCount++;
    if (immediateCount === 1) setImmediatePending();
    immediateQueue.append(this);
    this._list = immediateQueue;
  }

  ref() {
    if (this[kRefed] === false) {
      this[kRefed] = true;
      if (immediateRefCount++ === 0) binding.toggleImmediateRef(true);
    }
    return this;
  }

  unref() {
    if (this[kRefed] === true) {
      this[kRefed] = false;
      if (--immediateRefCount === 0) binding.toggleImmediateRef(false);
    }
    return this;
  }

  hasRef() {
    return !!this[kRefed];
  }

  [Symbol.dispose]() {
    clearImmediate(this);
  }
}

function clearImmediate(immediate) {
  if (!immediate || immediate._destroyed) return;
  immediateCount--;
  immediate._destroyed = true;
  if (immediate[kRefed] && --immediateRefCount === 0) binding.toggleImmediateRef(false);
  immediate[kRefed] = null;
  immediate._onImmediate = null;
  if (destroyHooksExist() && immediate[async_id_symbol] !== undefined) {
    emitDestroy(immediate[async_id_symbol]);
  }
  // One in the list being processed keeps its links (processImmediate skips
  // it); unlinking it there would cut the walk short.
  if (immediate._list === immediateQueue) immediateQueue.remove(immediate);
  if (immediateCount === 0) setImmediatePending();
}

function processImmediate() {
  // Destroy hooks queued since the last check phase run first, as Node's
  // native immediates before the JS ones.
  if (hasDestroyQueued()) {
    runDestroyQueue();
    if (immediateCount === 0) {
      setImmediatePending();
      return;
    }
  }
  const queue = immediateQueue;
  immediateQueue = new ImmediateList();
  let ranAtLeastOne = false;
  let drainFirst = false;
  for (let immediate = queue.head; immediate !== null; immediate = immediate._idleNext) {
    // Ticks of the previous immediate run first: they may clear this one.
    if (drainFirst) afterCallback();
    if (immediate._destroyed) continue;
    ranAtLeastOne = true;
    drainFirst = true;
    immediate._destroyed = true;
    immediateCount--;
    if (immediate[kRefed] && --immediateRefCount === 0) binding.toggleImmediateRef(false);
    immediate[kRefed] = null;
    const asyncId = immediate[async_id_symbol];
    emitBefore(asyncId, immediate[trigger_async_id_symbol], immediate);
    try {
      const argv = immediate._argv;
      const frame = immediate[kFrame];
      frameState.ambient = frame;
      if (frame !== undefined || frameState.current !== undefined) runInFrame(frame, immediate._onImmediate, immediate, argv || undefined);
      else if (!argv) immediate._onImmediate();
      else Reflect.apply(immediate._onImmediate, immediate, argv);
    } catch (err) {
      require('internal/process/execution').triggerUncaughtException(err);
      // Node resumes the rest of the queue as a fresh callback whose first
      // immediate runs before the thrower's ticks.
      drainFirst = false;
    }
    if (async_hook_fields[kDestroy] > 0) emitDestroy(asyncId);
    emitAfter(asyncId);
  }
  if (ranAtLeastOne) afterCallback();
  setImmediatePending();
}

// V8 names these frames after their receiver (Node calls them on process).
for (const fn of [processTimers, processImmediate]) {
  Object.defineProperty(fn, 'name', { __proto__: null, value: `process.${fn.name}`, configurable: true });
}

function getTimerCallbacks() {
  return { processTimers, processImmediate };
}

// Used by net/http for socket idle timeouts (Node's setUnrefTimeout).
function setUnrefTimeout(callback, after) {
  if (typeof callback !== 'function') {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  }
  const timer = new Timeout(callback, after, undefined, false, false);
  insert(timer, timer._idleTimeout);
  return timer;
}

// timers.active()/_unrefActive(): (re)arm a legacy enrolled object.
function insertGuarded(item, refed) {
  const msecs = item._idleTimeout;
  if (msecs < 0 || msecs === undefined) return;
  unenroll(item);
  // A legacy enrolled object becomes a Timeout resource when (re)armed.
  if (!item[async_id_symbol] || item._destroyed) {
    item._destroyed = false;
    initAsyncResource(item, 'Timeout');
  }
  item[kRefed] = refed;
  item._idleNext = item;
  item._idlePrev = item;
  insert(item, msecs);
}

function active(item) {
  insertGuarded(item, true);
}

// [ref'd Timeouts, ref'd Immediates] for process.getActiveResourcesInfo().
function activeTimerCounts() {
  let timeouts = refCount;
  if (runningTimer !== null && runningTimer[kRefed] && !runningTimer._destroyed &&
      (runningTimer._heapIndex === -1 || runningTimer._heapIndex === undefined)) {
    timeouts++;
  }
  return [timeouts, immediateRefCount];
}

module.exports = {
  activeTimerCounts,
  TIMEOUT_MAX,
  kTimeout: Symbol('timeout'),
  kRefed,
  kHasPrimitive,
  async_id_symbol,
  trigger_async_id_symbol,
  Timeout,
  Immediate,
  insert,
  insertGuarded,
  unenroll,
  active,
  clearTimeout,
  clearImmediate,
  knownTimersById,
  getTimerCallbacks,
  setUnrefTimeout,
  getLibuvNow,
  immediateQueue,
  kFrame,
};
