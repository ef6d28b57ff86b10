// internalBinding('async_wrap'): what Node keeps in async_wrap.cc and the
// Environment.  One async-id counter for every resource, the execution-id
// stack, the per-kind hook counts (async_hook_fields) that make the disabled
// path a single number check, the destroy queue, and AsyncWrap: the base of
// every handle and request class of the binding shims.
// The emitting itself (calling the user's hooks) is internal/async_hooks',
// which registers it with setupHooks().
// Evaluated as function (native, internalBinding).
'use strict';

// async_hook_fields slots (counts of enabled hooks of each kind).
const kInit = 0;
const kBefore = 1;
const kAfter = 2;
const kDestroy = 3;
const kPromiseResolve = 4;
const kTotals = 5;
const kCheck = 6;
const kStackLength = 7;
const kUsesExecutionAsyncResource = 8;
const async_hook_fields = new Uint32Array(9);
async_hook_fields[kCheck] = 1;

// async_id_fields slots.  Only the default trigger id is kept there: the
// execution ids and the counter are variables below (hot).
const kExecutionAsyncId = 0;
const kTriggerAsyncId = 1;
const kAsyncIdCounter = 2;
const kDefaultTriggerAsyncId = 3;
const async_id_fields = new Float64Array(4);
async_id_fields[kDefaultTriggerAsyncId] = -1;
// Ids 1 (the main script) and below are taken before any resource exists.
// The counter itself is a variable (newAsyncId); the slot is not kept.
let asyncIdCounter = 1;

function newAsyncId() {
  return ++asyncIdCounter;
}

function getDefaultTriggerAsyncId() {
  const id = async_id_fields[kDefaultTriggerAsyncId];
  return id < 0 ? executionAsyncId : id;
}

const async_id_symbol = Symbol('asyncId');
const trigger_async_id_symbol = Symbol('triggerAsyncId');

// The ids of the callback running are plain variables (read on every
// callback); async_id_fields keeps the default trigger id only.
let executionAsyncId = 0;
let triggerAsyncId = 0;

// The callbacks entered and not yet left, as [executionAsyncId,
// triggerAsyncId, resource] triples below `depth`.  Indexed, never
// pushed/popped: this runs around every callback.
const stack = [];
let depth = 0;
let currentResource;

function pushAsyncContext(asyncId, trigger, resource) {
  const i = depth;
  depth = i + 3;
  stack[i] = executionAsyncId;
  stack[i + 1] = triggerAsyncId;
  stack[i + 2] = currentResource;
  executionAsyncId = asyncId;
  triggerAsyncId = trigger;
  currentResource = resource;
}

// False when asyncId is not the id on top: a callback left without its
// matching pop (internal/async_hooks reports that as Node does).
function popAsyncContext(asyncId) {
  if (depth === 0 || executionAsyncId !== asyncId) return false;
  const i = depth -= 3;
  executionAsyncId = stack[i];
  triggerAsyncId = stack[i + 1];
  currentResource = stack[i + 2];
  stack[i + 2] = undefined;
  return true;
}

// Enter/leave a callback of a resource: the context and the before/after
// hooks (one slot check each when none is enabled).  The stack work is
// pushAsyncContext/popAsyncContext written out again on purpose: calling
// them cost 2% of a hello-world request (callgrind, 829K -> 847K
// instructions), these run around every callback and tick.
function emitBefore(asyncId, trigger, resource) {
  const i = depth;
  depth = i + 3;
  stack[i] = executionAsyncId;
  stack[i + 1] = triggerAsyncId;
  stack[i + 2] = currentResource;
  executionAsyncId = asyncId;
  triggerAsyncId = trigger;
  currentResource = resource;
  if (async_hook_fields[kBefore] > 0) jsHooks.before(asyncId);
}

function emitAfter(asyncId) {
  if (async_hook_fields[kAfter] > 0) jsHooks.after(asyncId);
  if (depth === 0) return;
  if (executionAsyncId !== asyncId) {
    jsHooks.corrupted(asyncId);
    return;
  }
  const i = depth -= 3;
  executionAsyncId = stack[i];
  triggerAsyncId = stack[i + 1];
  currentResource = stack[i + 2];
  stack[i + 2] = undefined;
}

function stackLength() {
  return depth / 3;
}

function getExecutionAsyncId() {
  return executionAsyncId;
}

function getTriggerAsyncId() {
  return triggerAsyncId;
}

function clearAsyncIdStack() {
  stack.length = 0;
  depth = 0;
  executionAsyncId = 0;
  triggerAsyncId = 0;
  currentResource = undefined;
}

function executionAsyncResource() {
  // null: a tick whose TickObject was not made (no init hook wanted it);
  // one object stands for it until the tick's callback returns.
  if (currentResource === null) currentResource = {};
  return currentResource;
}

// fn.apply(wrap, args) as a callback of `wrap` made from inside JS (a JS
// stream handing data to its socket): the wrap's id is current and the
// before/after hooks run, as MakeCallback's scope; no tick drain, the
// outer callback does that.  A throw skips the after hooks, as in Node.
function callAs(wrap, fn, args) {
  const asyncId = wrap[async_id_symbol];
  if (!(asyncId > 0)) return Reflect.apply(fn, wrap, args);
  pushAsyncContext(asyncId, wrap[trigger_async_id_symbol], wrap);
  let ok = false;
  try {
    if (async_hook_fields[kBefore] > 0) jsHooks.before(asyncId);
    const result = Reflect.apply(fn, wrap, args);
    ok = true;
    return result;
  } finally {
    if (ok && async_hook_fields[kAfter] > 0) jsHooks.after(asyncId);
    popAsyncContext(asyncId);
  }
}

// The JS side of the hooks: { init, before, after, destroy, promise_resolve }.
let jsHooks = null;
function setupHooks(hooks) {
  jsHooks = hooks;
}

// Destroy hooks run after the resource is gone, in a later loop turn,
// batched (Node's destroy_async_id_list).
let destroyQueue = [];
let timersBinding;
function queueDestroyAsyncId(asyncId) {
  if (destroyQueue.length === 0) {
    // Makes the loop run its check phase (where the queue is flushed)
    // without keeping it alive.
    timersBinding ??= internalBinding('timers');
    timersBinding.toggleImmediatePending(true);
  }
  destroyQueue.push(asyncId);
}

function hasDestroyQueued() {
  return destroyQueue.length > 0;
}

function runDestroyQueue() {
  while (destroyQueue.length > 0) {
    const ids = destroyQueue;
    destroyQueue = [];
    if (jsHooks === null) return;
    for (let i = 0; i < ids.length; i++) jsHooks.destroy(ids[i]);
  }
}

// Node's provider names (async_wrap.h) and numbers, the crypto ones included
// (as a Node built with OpenSSL numbers them).
const Providers = {
  __proto__: null,
  NONE: 0, DIRHANDLE: 1, DNSCHANNEL: 2, ELDHISTOGRAM: 3, FILEHANDLE: 4, FILEHANDLECLOSEREQ: 5,
  BLOBREADER: 6, FSEVENTWRAP: 7, FSREQCALLBACK: 8, FSREQPROMISE: 9, GETADDRINFOREQWRAP: 10,
  GETNAMEINFOREQWRAP: 11, HEAPSNAPSHOT: 12, HTTP2SESSION: 13, HTTP2STREAM: 14, HTTP2PING: 15,
  HTTP2SETTINGS: 16, HTTPINCOMINGMESSAGE: 17, HTTPCLIENTREQUEST: 18, JSSTREAM: 19, JSUDPWRAP: 20,
  MESSAGEPORT: 21, PIPECONNECTWRAP: 22, PIPESERVERWRAP: 23, PIPEWRAP: 24, PROCESSWRAP: 25,
  PROMISE: 26, QUERYWRAP: 27, QUIC_LOGSTREAM: 28, QUIC_PACKET: 29, SHUTDOWNWRAP: 30,
  SIGNALWRAP: 31, STATWATCHER: 32, STREAMPIPE: 33, TCPCONNECTWRAP: 34, TCPSERVERWRAP: 35,
  TCPWRAP: 36, TTYWRAP: 37, UDPSENDWRAP: 38, UDPWRAP: 39, SIGINTWATCHDOG: 40, WORKER: 41,
  WORKERHEAPSNAPSHOT: 42, WRITEWRAP: 43, ZLIB: 44, CHECKPRIMEREQUEST: 45, PBKDF2REQUEST: 46,
  KEYPAIRGENREQUEST: 47, KEYGENREQUEST: 48, KEYEXPORTREQUEST: 49, CIPHERREQUEST: 50,
  DERIVEBITSREQUEST: 51, HASHREQUEST: 52, RANDOMBYTESREQUEST: 53, RANDOMPRIMEREQUEST: 54,
  SCRYPTREQUEST: 55, SIGNREQUEST: 56, TLSWRAP: 57, VERIFYREQUEST: 58,
};
const providerNames = Object.keys(Providers);

// A fresh id for `wrap` and the init hooks (given `resource` as the
// resource, the wrap itself by default), as AsyncWrap::AsyncReset.
function initResource(wrap, provider, triggerAsyncId, resource = wrap) {
  const asyncId = ++asyncIdCounter;
  if (triggerAsyncId === undefined) triggerAsyncId = getDefaultTriggerAsyncId();
  wrap[async_id_symbol] = asyncId;
  wrap[trigger_async_id_symbol] = triggerAsyncId;
  if (async_hook_fields[kInit] > 0) {
    jsHooks.init(asyncId, providerNames[provider], triggerAsyncId, resource);
  }
  return asyncId;
}

// The async context (AsyncLocalStorage) a handle or request was made in;
// makeCallback restores it (internal/async_context_frame).
const kAsyncFrame = Symbol.for('nodeshim.asyncFrame');
const frameState = globalThis[Symbol.for('nodeshim.asyncFrameState')];

const kProvider = Symbol('kProvider');

class AsyncWrap {
  // Provider NONE: no id until asyncReset() gives one (the HTTP parser).
  constructor(provider) {
    this[kAsyncFrame] = frameState.current;
    this[kProvider] = provider;
    if (provider === Providers.NONE) {
      this[async_id_symbol] = -1;
      this[trigger_async_id_symbol] = -1;
    } else {
      initResource(this, provider);
    }
  }

  getAsyncId() { return this[async_id_symbol]; }
  getProviderType() { return this[kProvider]; }

  // A wrap reused for new work (a keep-alive socket's next request, a
  // parser's next message) gets a new id; the old one is destroyed.  The
  // init hooks see `resource` (Node passes an object describing the reuse).
  asyncReset(resource = this, provider = this[kProvider]) {
    this.emitDestroy();
    this[kProvider] = provider;
    this[kAsyncFrame] = frameState.current;
    initResource(this, provider, undefined, resource);
  }

  // Once per id: the id is invalid afterwards.
  emitDestroy() {
    const asyncId = this[async_id_symbol];
    if (asyncId > 0) {
      if (async_hook_fields[kDestroy] > 0) queueDestroyAsyncId(asyncId);
      this[async_id_symbol] = -1;
    }
  }

  // For handles: a close callback that reports the destroy first.
  static closeCallback(wrap, cb) {
    return function onclose() {
      wrap.emitDestroy();
      if (cb !== null) return Reflect.apply(cb, this, arguments);
    };
  }
}

// A request is done once its oncomplete ran (ReqWrap's destructor).
class ReqWrap extends AsyncWrap {}

return {
  async_hook_fields,
  async_id_fields,
  constants: {
    kInit, kBefore, kAfter, kDestroy, kPromiseResolve, kTotals, kCheck, kStackLength,
    kUsesExecutionAsyncResource,
    kExecutionAsyncId, kTriggerAsyncId, kAsyncIdCounter, kDefaultTriggerAsyncId,
  },
  Providers,
  async_id_symbol,
  trigger_async_id_symbol,
  kProvider,
  AsyncWrap,
  ReqWrap,
  initResource,
  setupHooks,
  newAsyncId,
  getDefaultTriggerAsyncId,
  pushAsyncContext,
  popAsyncContext,
  emitBefore,
  emitAfter,
  stackLength,
  executionAsyncId: getExecutionAsyncId,
  triggerAsyncId: getTriggerAsyncId,
  clearAsyncIdStack,
  callAs,
  executionAsyncResource,
  queueDestroyAsyncId,
  hasDestroyQueued,
  runDestroyQueue,
  // PROMISE resources need engine promise hooks, which QuickJS lacks.
  setPromiseHooks() {},
  registerDestroyHook() {},
};
