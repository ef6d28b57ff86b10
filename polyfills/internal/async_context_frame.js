// The async context that AsyncLocalStorage and AsyncResource propagate.
//
// QuickJS has no promise hooks, so nodeshim does what Node 22's
// AsyncContextFrame does, by hand: a frame (a Map from AsyncLocalStorage to
// its store, or undefined when empty) is current while JS runs; whatever
// schedules a callback (timers, immediates, nextTick, I/O handles and
// requests, Promise.prototype.then once enabled) saves `state.current` and the
// callback runs with it restored.
//
// Continuations of `await` are queued by the engine without any hook: they
// run with the "ambient" frame of the microtask drain in which they run.  The
// ambient frame is the frame of the callback that caused the drain, extended
// with the frame of any callback (or AsyncLocalStorage.run) that returned a
// pending promise during it.  That keeps `als.run(store, async () => { await
// x; als.getStore() })` working; two concurrent runs of the *same* storage
// with different stores whose await continuations land in the same drain see
// the later store (a documented gap).
//
// Loaded during bootstrap: no dependencies.
'use strict';

const state = {
  // The frame of the JS running now.
  current: undefined,
  // The frame the next microtask drain restores (see above).
  ambient: undefined,
  // True once an AsyncLocalStorage exists (Promise.prototype.then is wrapped).
  enabled: false,
  // The last exception that left runInFrame, and its frame.
  thrownError: undefined,
  thrownFrame: undefined,
  // node:domain enters a callback's domain around it: enterHook(frame)
  // answers a token for exitHook(token), called when the callback returns.
  enterHook: undefined,
  exitHook: undefined,
};

// I/O handles and requests made by the binding shims (which cannot require)
// keep the frame of their creation under this symbol; makeCallback restores it.
const kResourceFrame = Symbol.for('nodeshim.asyncFrame');
Object.defineProperty(globalThis, Symbol.for('nodeshim.asyncFrameState'), {
  __proto__: null, value: state, writable: false, enumerable: false, configurable: true,
});

function isThenable(value) {
  return value !== null && typeof value === 'object' && typeof value.then === 'function';
}

// Merge frame `b` over frame `a` (entries of b win).
function merge(a, b) {
  if (a === undefined || a === b) return b;
  if (b === undefined) return a;
  const out = new Map(a);
  for (const [k, v] of b) out.set(k, v);
  return out;
}

// A callback whose returned promise will continue in `frame`.
function noteAsyncResult(result, frame) {
  if (frame !== undefined && isThenable(result)) state.ambient = merge(state.ambient, frame);
}

// Run fn with `frame` current (used by every scheduler).
function runInFrame(frame, fn, thisArg, args) {
  const prev = state.current;
  const token = state.enterHook !== undefined && frame !== undefined ? state.enterHook(frame, prev) : undefined;
  state.current = frame;
  try {
    const result = args === undefined ? Reflect.apply(fn, thisArg, []) : Reflect.apply(fn, thisArg, args);
    if (frame !== undefined) noteAsyncResult(result, frame);
    // On a throw the domain stays entered for the uncaught-exception path.
    if (token !== undefined) state.exitHook(token);
    return result;
  } catch (err) {
    // The frame an exception escaped from (node:domain reads it).
    if (state.thrownError !== err) {
      state.thrownError = err;
      state.thrownFrame = state.current;
    }
    throw err;
  } finally {
    state.current = prev;
  }
}

// Wrap Promise.prototype.then so reactions run in the frame current when
// they were registered (catch and finally go through then).
// Promise constructors of other realms (vm contexts) wrapped as well.
const realmPromises = [];

function registerRealmPromise(PromiseCtor) {
  if (typeof PromiseCtor !== 'function' || realmPromises.includes(PromiseCtor)) return;
  realmPromises.push(PromiseCtor);
  if (state.enabled) wrapThenOf(PromiseCtor);
}

let thenWrapped = false;
function wrapThen() {
  if (thenWrapped) return;
  thenWrapped = true;
  wrapThenOf(Promise);
  for (const PromiseCtor of realmPromises) wrapThenOf(PromiseCtor);
}

function wrapThenOf(PromiseCtor) {
  const proto = PromiseCtor.prototype;
  const origThen = proto.then;
  function wrapReaction(fn, frame) {
    if (typeof fn !== 'function') return fn;
    return function(value) {
      const prev = state.current;
      state.current = frame;
      try {
        const result = fn(value);
        if (frame !== undefined) noteAsyncResult(result, frame);
        return result;
      } finally {
        state.current = prev;
      }
    };
  }
  Object.defineProperty(proto, 'then', {
    __proto__: null,
    configurable: true,
    writable: true,
    enumerable: false,
    value: {
      then(onFulfilled, onRejected) {
        const frame = state.current;
        return Reflect.apply(origThen, this,
                             [wrapReaction(onFulfilled, frame), wrapReaction(onRejected, frame)]);
      },
    }.then,
  });
}

function enable() {
  if (state.enabled) return;
  state.enabled = true;
  wrapThen();
}

module.exports = { registerRealmPromise, kResourceFrame, state, merge, runInFrame, noteAsyncResult, enable, isThenable };
