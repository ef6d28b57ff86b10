// Node's internal/async_hooks: the hooks of node:async_hooks and the
// emit* functions every resource (timers, ticks, handles, requests,
// AsyncResource) reports through.  The ids, the execution stack and the hook
// counts are internalBinding('async_wrap')'s, shared with the binding shims.
//
// PROMISE resources are not reported: QuickJS has no promise hooks (the
// engine queues promise jobs without telling anyone), so init/before/after/
// promiseResolve never fire for promises, and await continuations run with
// the execution id of the microtask drain.
'use strict';

// The binding shims read the frame state it publishes.
require('internal/async_context_frame');
const binding = internalBinding('async_wrap');
const {
  async_hook_fields, async_id_fields,
  constants: {
    kInit, kBefore, kAfter, kDestroy, kPromiseResolve, kTotals,
    kDefaultTriggerAsyncId,
  },
} = binding;

const symbols = {
  __proto__: null,
  async_id_symbol: binding.async_id_symbol,
  trigger_async_id_symbol: binding.trigger_async_id_symbol,
  owner_symbol: Symbol.for('owner_symbol'),
  handle_onclose_symbol: Symbol('handle_onclose'),
  resource_symbol: Symbol('resource'),
  init_symbol: Symbol('init'),
  before_symbol: Symbol('before'),
  after_symbol: Symbol('after'),
  destroy_symbol: Symbol('destroy'),
  promise_resolve_symbol: Symbol('promiseResolve'),
};
const { init_symbol, before_symbol, after_symbol, destroy_symbol, promise_resolve_symbol,
        resource_symbol } = symbols;

// The enabled hooks.  Replaced, never mutated: an emit walks the array it
// started with, so enabling or disabling a hook from inside a hook takes
// effect from the next event on.
let hooksArray = [];

const topLevelResource = {};

// An exception thrown by a hook ends the process (Node's fatalError).
function fatalError(e) {
  let text;
  if (e !== null && typeof e === 'object' && typeof e.stack === 'string') {
    text = e.stack;
  } else {
    const where = new Error().stack.split('\n').slice(1).join('\n');
    text = `Error: ${String(e)}\n${where}`;
  }
  process._rawDebug(text);
  process.exit(1);
}

function emitHook(symbol, a, b, c, d) {
  const hooks = hooksArray;
  for (let i = 0; i < hooks.length; i++) {
    const hook = hooks[i];
    const fn = hook[symbol];
    if (typeof fn !== 'function') continue;
    try {
      fn.call(hook, a, b, c, d);
    } catch (e) {
      fatalError(e);
    }
  }
}

function emitInitNative(asyncId, type, triggerAsyncId, resource) {
  emitHook(init_symbol, asyncId, type, triggerAsyncId, resource);
}
function emitBeforeNative(asyncId) {
  emitHook(before_symbol, asyncId);
}
function emitAfterNative(asyncId) {
  emitHook(after_symbol, asyncId);
}
function emitDestroyNative(asyncId) {
  emitHook(destroy_symbol, asyncId);
}
function emitPromiseResolveNative(asyncId) {
  emitHook(promise_resolve_symbol, asyncId);
}

// A callback left without the pop of one it entered: as Node, fatal.
function stackCorrupted(asyncId) {
  fatalError(new Error('async hook stack has become corrupted (actual: ' +
    `${binding.executionAsyncId()}, expected: ${asyncId})`));
}

binding.setupHooks({
  init: emitInitNative,
  before: emitBeforeNative,
  after: emitAfterNative,
  destroy: emitDestroyNative,
  promise_resolve: emitPromiseResolveNative,
  corrupted: stackCorrupted,
});

function getHookArrays() {
  return [hooksArray, async_hook_fields];
}

const kinds = [
  [init_symbol, kInit], [before_symbol, kBefore], [after_symbol, kAfter],
  [destroy_symbol, kDestroy], [promise_resolve_symbol, kPromiseResolve],
];

function addHook(hook) {
  if (hooksArray.includes(hook)) return;
  for (const [symbol, slot] of kinds) {
    if (typeof hook[symbol] === 'function') {
      async_hook_fields[slot]++;
      async_hook_fields[kTotals]++;
    }
  }
  hooksArray = [...hooksArray, hook];
}

function removeHook(hook) {
  const index = hooksArray.indexOf(hook);
  if (index === -1) return;
  for (const [symbol, slot] of kinds) {
    if (typeof hook[symbol] === 'function') {
      async_hook_fields[slot]--;
      async_hook_fields[kTotals]--;
    }
  }
  hooksArray = hooksArray.filter((h) => h !== hook);
}

const { newAsyncId, getDefaultTriggerAsyncId, emitBefore, emitAfter, stackLength } = binding;

function getOrSetAsyncId(object) {
  if (Object.prototype.hasOwnProperty.call(object, symbols.async_id_symbol)) {
    return object[symbols.async_id_symbol];
  }
  return (object[symbols.async_id_symbol] = newAsyncId());
}

function executionAsyncId() {
  return binding.executionAsyncId();
}

function triggerAsyncId() {
  return binding.triggerAsyncId();
}

function lookupPublicResource(resource) {
  if (typeof resource !== 'object' || resource === null) return resource;
  const publicResource = resource[resource_symbol];
  return publicResource !== undefined ? publicResource : resource;
}

function executionAsyncResource() {
  if (stackLength() === 0) return topLevelResource;
  const resource = binding.executionAsyncResource();
  return resource === undefined ? topLevelResource : lookupPublicResource(resource);
}

function defaultTriggerAsyncIdScope(triggerAsyncId, block, ...args) {
  if (triggerAsyncId === undefined) return Reflect.apply(block, null, args);
  const old = async_id_fields[kDefaultTriggerAsyncId];
  async_id_fields[kDefaultTriggerAsyncId] = triggerAsyncId;
  try {
    return Reflect.apply(block, null, args);
  } finally {
    async_id_fields[kDefaultTriggerAsyncId] = old;
  }
}

// A JS resource (Timeout, Immediate ...): an id and init.
const { async_id_symbol, trigger_async_id_symbol } = symbols;
function initAsyncResource(resource, type) {
  const asyncId = resource[async_id_symbol] = newAsyncId();
  const triggerId = resource[trigger_async_id_symbol] = getDefaultTriggerAsyncId();
  if (async_hook_fields[kInit] > 0) emitInitNative(asyncId, type, triggerId, resource);
  return asyncId;
}

function initHooksExist() { return async_hook_fields[kInit] > 0; }
function afterHooksExist() { return async_hook_fields[kAfter] > 0; }
function destroyHooksExist() { return async_hook_fields[kDestroy] > 0; }
function promiseResolveHooksExist() { return async_hook_fields[kPromiseResolve] > 0; }
function enabledHooksExist() { return async_hook_fields[kTotals] > 0; }
function hasAsyncIdStack() { return stackLength() > 0; }

function emitInit(asyncId, type, triggerAsyncId, resource) {
  if (async_hook_fields[kInit] > 0) emitInitNative(asyncId, type, triggerAsyncId, resource);
}

function popAsyncContext(asyncId) {
  if (stackLength() === 0) return false;
  if (binding.popAsyncContext(asyncId)) return true;
  stackCorrupted(asyncId);
  return false;
}

function pushAsyncContext(asyncId, triggerAsyncId, resource) {
  binding.pushAsyncContext(asyncId, triggerAsyncId, resource);
}

function emitDestroy(asyncId) {
  if (async_hook_fields[kDestroy] > 0) binding.queueDestroyAsyncId(asyncId);
}

function emitPromiseResolve(asyncId) {
  if (async_hook_fields[kPromiseResolve] > 0) emitPromiseResolveNative(asyncId);
}

function clearAsyncIdStack() {
  binding.clearAsyncIdStack();
}

// AsyncResources made without requireManualDestroy report destroy when
// collected, unless emitDestroy() already did.
let destroyRegistry;
function registerDestroyHook(resource, asyncId, destroyed) {
  destroyRegistry ??= new FinalizationRegistry(({ asyncId, destroyed }) => {
    if (!destroyed.destroyed) emitDestroy(asyncId);
  });
  destroyRegistry.register(resource, { asyncId, destroyed });
}

// Promise hooks would go to the engine; QuickJS has none.
function enableHooks() {}
function disableHooks() {}
function updatePromiseHookMode() {}

module.exports = {
  symbols,
  // Hot paths check a slot themselves (kInit/kBefore/kAfter/kDestroy > 0).
  async_hook_fields,
  constants: { __proto__: null, kInit, kBefore, kAfter, kDestroy, kPromiseResolve, kTotals },
  getHookArrays,
  addHook,
  removeHook,
  newAsyncId,
  getOrSetAsyncId,
  executionAsyncId,
  triggerAsyncId,
  executionAsyncResource,
  topLevelResource,
  getDefaultTriggerAsyncId,
  defaultTriggerAsyncIdScope,
  initAsyncResource,
  enableHooks,
  disableHooks,
  updatePromiseHookMode,
  initHooksExist,
  afterHooksExist,
  destroyHooksExist,
  promiseResolveHooksExist,
  enabledHooksExist,
  hasAsyncIdStack,
  emitInit,
  emitBefore,
  emitAfter,
  emitDestroy,
  emitPromiseResolve,
  pushAsyncContext,
  popAsyncContext,
  clearAsyncIdStack,
  registerDestroyHook,
  fatalError,
  runDestroyQueue: binding.runDestroyQueue,
  hasDestroyQueued: binding.hasDestroyQueued,
};
