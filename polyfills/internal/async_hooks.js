// Node's internal/async_hooks surface, for builtins and for tests run with
// --expose-internals.  nodeshim tracks async context with frames
// (internal/async_context_frame), not with async ids: ids here are counters
// and the emit* functions report only to hooks of node:async_hooks that
// AsyncResource objects drive (see docs/builtins-async-vm-test.md).
'use strict';

const { async_id_symbol: timerAsyncId, trigger_async_id_symbol: timerTriggerId } = require('internal/timers');

const symbols = {
  __proto__: null,
  async_id_symbol: timerAsyncId,
  trigger_async_id_symbol: timerTriggerId,
  owner_symbol: Symbol.for('owner_symbol'),
  handle_onclose_symbol: Symbol('handle_onclose'),
  resource_symbol: Symbol('resource'),
  init_symbol: Symbol('init'),
  before_symbol: Symbol('before'),
  after_symbol: Symbol('after'),
  destroy_symbol: Symbol('destroy'),
  promise_resolve_symbol: Symbol('promiseResolve'),
};

let asyncIdCounter = 100000;
let defaultTriggerAsyncId = -1;

function newAsyncId() {
  return ++asyncIdCounter;
}

function getOrSetAsyncId(object) {
  if (Object.prototype.hasOwnProperty.call(object, timerAsyncId)) return object[timerAsyncId];
  return (object[timerAsyncId] = newAsyncId());
}

function executionAsyncId() {
  return require('async_hooks').executionAsyncId();
}

function triggerAsyncId() {
  return require('async_hooks').triggerAsyncId();
}

function getDefaultTriggerAsyncId() {
  return defaultTriggerAsyncId < 0 ? executionAsyncId() : defaultTriggerAsyncId;
}

function defaultTriggerAsyncIdScope(triggerId, block, ...args) {
  if (triggerId === undefined) return Reflect.apply(block, null, args);
  const old = defaultTriggerAsyncId;
  defaultTriggerAsyncId = triggerId;
  try {
    return Reflect.apply(block, null, args);
  } finally {
    defaultTriggerAsyncId = old;
  }
}

const noop = () => {};
const no = () => false;

module.exports = {
  symbols,
  newAsyncId,
  getOrSetAsyncId,
  executionAsyncId,
  triggerAsyncId,
  getDefaultTriggerAsyncId,
  defaultTriggerAsyncIdScope,
  enableHooks: noop,
  disableHooks: noop,
  initHooksExist: no,
  afterHooksExist: no,
  destroyHooksExist: no,
  hasAsyncIdStack: no,
  emitInit: noop,
  emitBefore: noop,
  emitAfter: noop,
  emitDestroy: noop,
  emitPromiseResolve: noop,
  registerDestroyHook: noop,
  clearAsyncIdStack: noop,
  executionAsyncResource() {
    return require('async_hooks').executionAsyncResource();
  },
  constants: { __proto__: null, kInit: 0, kBefore: 1, kAfter: 2, kDestroy: 3, kPromiseResolve: 4 },
};
