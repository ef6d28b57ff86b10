// node:test's tests, suites, hooks and contexts (Node 20 behaviour, written
// for nodeshim).  Tests run in creation order; each reports through
// internal/test_runner/reporter once it and its earlier siblings are done.
//
// Differences from Node, by design of this implementation:
// - a test whose callback returned while subtests it started were still
//   running waits for them (Node cancels them);
// - 'only' needs no --test-only flag: it is honoured only through
//   t.runOnly(true) and describe's { only } as Node does with the flag.
'use strict';

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_TEST_FAILURE, ERR_INVALID_STATE },
  AbortError,
} = require('internal/errors');
const { validateNumber, validateObject, validateOneOf, validateFunction } = require('internal/validators');
const { AsyncLocalStorage } = require('async_hooks');
// The real timers, kept before mock.timers can replace the globals.
const { setTimeout, clearTimeout } = require('timers');

const kCancelledByParent = 'cancelledByParent';
const kCallbackAndPromisePresent = 'callbackAndPromisePresent';
const kHookFailure = 'hookFailed';
const kParentAlreadyFinished = 'parentAlreadyFinished';
const kSubtestsFailed = 'subtestsFailed';
const kTestCodeFailure = 'testCodeFailure';
const kTestTimeoutFailure = 'testTimeoutFailure';
const kUnwrapErrors = new Set([kTestCodeFailure, kHookFailure, 'uncaughtException', 'unhandledRejection']);

const testStorage = new AsyncLocalStorage();

// Nanoseconds, as a BigInt (durations are reported as Node does).
function now() {
  return process.hrtime.bigint();
}

// The caller's place in user code, for `location:`.  The stack is kept and
// read only when a failure is reported.  QuickJS places a call at its
// parenthesis, V8 at the start of the callee (`describe.skip(`): walk back.
function callSite() {
  const stack = new Error().stack;
  return { __proto__: null, stack, toString: resolveCallSite };
}

function resolveCallSite() {
  const { stack } = this;
  if (typeof stack !== 'string') return undefined;
  for (const line of stack.split('\n').slice(1)) {
    const m = /\(([^()]*):(\d+):(\d+)\)$/.exec(line) || /^\s*at ([^()]*):(\d+):(\d+)$/.exec(line);
    if (!m || m[1].startsWith('node:') || m[1] === 'native') continue;
    let col = Number(m[3]);
    try {
      const src = internalBinding('builtins').getSourceLine(m[1], Number(m[2]));
      if (typeof src === 'string' && src[col - 1] === '(') {
        let i = col - 2;
        while (i >= 0 && /[\w$.]/.test(src[i])) i--;
        if (i < col - 2) col = i + 2;
      }
    } catch { /* keep QuickJS's column */ }
    return `${m[1]}:${m[2]}:${col}`;
  }
  return undefined;
}

function wrapError(err, failureType) {
  if (err?.code === 'ERR_TEST_FAILURE' && err.failureType !== undefined) return err;
  return new ERR_TEST_FAILURE(err, failureType);
}

function validateTestOptions(options) {
  if (options === null || typeof options !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  let { concurrency, timeout, signal, plan } = options;
  if (concurrency !== undefined && concurrency !== null && typeof concurrency !== 'boolean') {
    const { validateUint32 } = require('internal/validators');
    validateUint32(concurrency, 'options.concurrency', true);
  }
  if (timeout !== undefined && timeout !== null && timeout !== Infinity) {
    validateNumber(timeout, 'options.timeout', 0, 2 ** 31 - 1);
  }
  if (signal !== undefined && signal !== null) {
    const { validateAbortSignal } = require('internal/validators');
    validateAbortSignal(signal, 'options.signal');
  }
  if (plan !== undefined && plan !== null) {
    const { validateUint32 } = require('internal/validators');
    validateUint32(plan, 'options.plan', false);
  }
  void concurrency; void timeout; void signal; void plan;
}

// --- hooks ------------------------------------------------------------------------
class TestHook {
  constructor(fn, options) {
    this.fn = fn;
    this.timeout = options?.timeout ?? Infinity;
    this.signal = options?.signal;
  }
}

// Run fn(ctx) or fn(ctx, done); resolves with its result, rejects with its error.
function runUserFunction(fn, thisArg, ctx, timeout, test) {
  let timer;
  const promises = [];
  if (fn.length >= 2) {
    promises.push(new Promise((resolve, reject) => {
      const done = (err) => {
        if (err) reject(err);
        else resolve();
      };
      const ret = Reflect.apply(fn, thisArg, [ctx, done]);
      if (ret !== null && typeof ret === 'object' && typeof ret.then === 'function') {
        ret.then(() => {}, () => {});
        reject(new ERR_TEST_FAILURE('passed a callback but also returned a Promise',
                                    kCallbackAndPromisePresent));
      }
    }));
  } else {
    promises.push(new Promise((resolve, reject) => {
      let ret;
      try {
        ret = Reflect.apply(fn, thisArg, [ctx]);
      } catch (err) {
        reject(err);
        return;
      }
      Promise.resolve(ret).then(resolve, reject);
    }));
  }
  if (timeout !== Infinity && timeout !== undefined && timeout !== null) {
    promises.push(new Promise((resolve, reject) => {
      timer = setTimeout(() => {
        reject(new ERR_TEST_FAILURE(`test timed out after ${timeout}ms`, kTestTimeoutFailure));
      }, timeout);
      // As Node's: the timeout alone does not keep the process alive.
      timer.unref();
    }));
  }
  if (test !== undefined) promises.push(test.cancelPromise);
  return Promise.race(promises).finally(() => {
    if (timer !== undefined) clearTimeout(timer);
  });
}

// --- contexts -----------------------------------------------------------------------
class TestContext {
  #test;
  constructor(test) {
    this.#test = test;
  }

  get signal() { return this.#test.signal; }
  get name() { return this.#test.name; }
  get fullName() { return this.#test.fullName(); }
  get filePath() { return this.#test.root().entryFile; }
  get mock() {
    const test = this.#test;
    if (test.mockTracker === undefined) {
      const { MockTracker } = require('internal/test_runner/mock/mock');
      test.mockTracker = new MockTracker();
    }
    return test.mockTracker;
  }

  get assert() {
    const test = this.#test;
    if (test.assertObject === undefined) {
      const assert = require('assert');
      const obj = { __proto__: null };
      const skip = ['AssertionError', 'CallTracker', 'strict'];
      for (const name of Object.keys(assert)) {
        if (skip.includes(name) || typeof assert[name] !== 'function') continue;
        obj[name] = (...args) => {
          test.assertCount++;
          return Reflect.apply(assert[name], assert, args);
        };
      }
      test.assertObject = obj;
    }
    return test.assertObject;
  }

  diagnostic(message) {
    this.#test.diagnostics.push(String(message));
  }

  plan(count) {
    const test = this.#test;
    if (test.planCount !== undefined) throw new ERR_INVALID_STATE('cannot set plan more than once');
    const { validateUint32 } = require('internal/validators');
    validateUint32(count, 'count', false);
    test.planCount = count;
  }

  runOnly(value) {
    this.#test.runOnlySubtests = !!value;
  }

  skip(message) {
    this.#test.skipReason = message === undefined ? true : message;
    this.#test.skipped = true;
  }

  todo(message) {
    this.#test.todoReason = message === undefined ? true : message;
    this.#test.isTodo = true;
  }

  test(name, options, fn) {
    const args = normalizeTestArgs(name, options, fn);
    const subtest = this.#test.createSubtest(Test, ...args, callSite());
    return subtest.start();
  }

  before(fn, options) { this.#test.addHook('before', fn, options); }
  after(fn, options) { this.#test.addHook('after', fn, options); }
  beforeEach(fn, options) { this.#test.addHook('beforeEach', fn, options); }
  afterEach(fn, options) { this.#test.addHook('afterEach', fn, options); }

  waitFor(condition, options = {}) {
    validateFunction(condition, 'condition');
    validateObject(options, 'options');
    const { interval = 50, timeout = 1000 } = options;
    const start = Date.now();
    return new Promise((resolve, reject) => {
      const poll = async () => {
        try {
          resolve(await condition());
        } catch (err) {
          if (Date.now() - start >= timeout) reject(err);
          else setTimeout(poll, interval);
        }
      };
      poll();
    });
  }
}

class SuiteContext {
  #suite;
  constructor(suite) { this.#suite = suite; }
  get signal() { return this.#suite.signal; }
  get name() { return this.#suite.name; }
  get fullName() { return this.#suite.fullName(); }
  get filePath() { return this.#suite.root().entryFile; }
}

function normalizeTestArgs(name, options, fn) {
  if (typeof name === 'function') {
    fn = name;
  } else if (name !== null && typeof name === 'object') {
    fn = options;
    options = name;
  } else if (typeof options === 'function') {
    fn = options;
  }
  if (options === null || typeof options !== 'object') options = {};
  if (typeof name !== 'string' || name === '') {
    name = typeof fn === 'function' && fn.name ? fn.name : '<anonymous>';
  }
  if (typeof fn !== 'function') fn = noop;
  return [name, options, fn];
}

function noop() {}

// --- Test -------------------------------------------------------------------------------
class Test {
  constructor(parent, name, options, fn, loc) {
    if (parent !== null) validateTestOptions(options);
    this.parent = parent;
    this.name = name;
    this.fn = fn;
    this.loc = loc;
    this.nesting = parent === null ? -1 : parent.nesting + 1;
    this.subtests = [];
    this.pending = [];
    this.activeSubtests = 0;
    this.hooks = { before: [], after: [], beforeEach: [], afterEach: [] };
    this.beforeRan = false;
    this.diagnostics = [];
    this.assertCount = 0;
    this.planCount = options.plan ?? undefined;
    this.error = null;
    this.passed = false;
    this.finished = false;
    this.started = false;
    this.reported = false;
    this.cancelled = false;
    this.runOnlySubtests = parent?.runOnlySubtests ?? false;
    this.only = !!options.only;
    const { skip, todo } = options;
    this.skipped = skip !== undefined && skip !== false;
    this.skipReason = this.skipped ? (typeof skip === 'string' ? skip : true) : undefined;
    this.isTodo = todo !== undefined && todo !== false;
    this.todoReason = this.isTodo ? (typeof todo === 'string' ? todo : true) : undefined;
    if (parent !== null && parent.runOnlySubtests && !this.only && !this.skipped) {
      this.skipped = true;
      this.skipReason = "'only' option not set";
    }
    if (parent !== null && (parent.skipped && parent instanceof Suite)) {
      this.skipped = true;
      if (this.skipReason === undefined) this.skipReason = true;
    }
    let { concurrency, timeout } = options;
    if (concurrency === true) concurrency = Infinity;
    else if (concurrency === false || concurrency === undefined || concurrency === null) {
      concurrency = parent === null ? 1 : (options.concurrency === false ? 1 : parent.childConcurrency ?? 1);
    }
    this.concurrency = concurrency;
    this.childConcurrency = options.concurrency === true ? Infinity :
      (typeof options.concurrency === 'number' ? options.concurrency : 1);
    this.timeout = timeout ?? parent?.timeout ?? Infinity;
    this.controller = new AbortController();
    this.signal = this.controller.signal;
    if (options.signal) {
      const outer = options.signal;
      if (outer.aborted) this.controller.abort(outer.reason);
      else outer.addEventListener('abort', () => this.cancel(outer.reason), { once: true });
    }
    let cancel;
    this.cancelPromise = new Promise((resolve, reject) => { cancel = reject; });
    this.cancelPromise.catch(() => {});
    this.rejectCancel = cancel;
    this.finishedPromise = null;
    this.startTime = null;
    this.endTime = null;
    this.mockTracker = undefined;
    this.assertObject = undefined;
    this.onChildFinished = undefined;
    this.testNumber = 0;
    if (parent !== null) {
      parent.subtests.push(this);
      this.testNumber = parent.subtests.length;
    }
  }

  get reportType() { return undefined; }

  root() {
    let t = this;
    while (t.parent !== null) t = t.parent;
    return t;
  }

  fullName() {
    const names = [];
    for (let t = this; t !== null && t.parent !== null; t = t.parent) names.unshift(t.name);
    return names.join(' > ');
  }

  createSubtest(Factory, name, options, fn, loc) {
    if (this.finished) {
      // Node: a test created after its parent finished fails.
      const sub = new Factory(this, name, options, fn, loc);
      sub.fail(new ERR_TEST_FAILURE('test could not be started because its parent finished',
                                    kParentAlreadyFinished));
      sub.finished = true;
      return sub;
    }
    return new Factory(this, name, options, fn, loc);
  }

  addHook(name, fn, options) {
    validateFunction(fn, 'fn');
    this.hooks[name].push(new TestHook(fn, options));
  }

  fail(err) {
    if (this.error !== null) return;
    this.error = err;
    this.passed = false;
  }

  cancel(reason) {
    if (this.finished) return;
    this.cancelled = true;
    this.fail(wrapError(reason ?? new AbortError(), kCancelledByParent));
    this.rejectCancel(this.error);
    this.controller.abort();
  }

  start() {
    if (this.finishedPromise !== null) return this.finishedPromise;
    let resolve;
    this.finishedPromise = new Promise((r) => { resolve = r; });
    this.resolveFinished = resolve;
    if (this.finished) {
      // Failed at creation (parent already finished).
      this.parent.reportReady();
      resolve();
      return this.finishedPromise;
    }
    const parent = this.parent;
    if (parent.activeSubtests < parent.childConcurrencyLimit()) {
      parent.activeSubtests++;
      this.runAndFinish();
    } else {
      parent.pending.push(this);
    }
    return this.finishedPromise;
  }

  childConcurrencyLimit() {
    return this.childConcurrency;
  }

  processPending() {
    while (this.pending.length > 0 && this.activeSubtests < this.childConcurrencyLimit()) {
      const next = this.pending.shift();
      this.activeSubtests++;
      next.runAndFinish();
    }
  }

  async runAndFinish() {
    this.started = true;
    try {
      await testStorage.run(this, () => this.run());
    } catch (err) {
      this.fail(wrapError(err, kTestCodeFailure));
    }
    this.postRun();
  }

  // Ancestors' beforeEach hooks, outermost first; afterEach innermost first.
  collectEachHooks(kind) {
    const chain = [];
    for (let t = this.parent; t !== null; t = t.parent) chain.unshift(t);
    const hooks = [];
    for (const t of chain) hooks.push(...t.hooks[kind].map((h) => [h, t]));
    if (kind === 'afterEach') hooks.reverse();
    return hooks;
  }

  async runHook(hook, owner, ctx) {
    try {
      await runUserFunction(hook.fn, undefined, ctx, hook.timeout, undefined);
    } catch (err) {
      throw wrapError(err, kHookFailure);
    }
    void owner;
  }

  async runParentBefore() {
    const parent = this.parent;
    if (parent === null || parent.beforeRan || parent.hooks.before.length === 0) return;
    parent.beforeRan = true;
    const ctx = parent instanceof Suite ? new SuiteContext(parent) : new TestContext(parent);
    for (const hook of parent.hooks.before) await parent.runHook(hook, parent, ctx);
  }

  async run() {
    this.startTime = now();
    if (this.skipped) {
      this.passed = true;
      return;
    }
    const ctx = new TestContext(this);
    try {
      await this.runParentBefore();
    } catch (err) {
      this.fail(err);
      return;
    }
    let beforeEachFailed = false;
    try {
      for (const [hook, owner] of this.collectEachHooks('beforeEach')) {
        await owner.runHook(hook, owner, ctx);
      }
    } catch (err) {
      beforeEachFailed = true;
      this.fail(err);
    }
    if (!beforeEachFailed) {
      try {
        await runUserFunction(this.fn, ctx, ctx, this.timeout, this);
        // Subtests this test started and did not await.
        await this.waitSubtests();
        if (this.error === null) this.passed = true;
      } catch (err) {
        // A timeout cancels the test (counted as cancelled, as Node does).
        if (err?.failureType === kTestTimeoutFailure) this.cancelled = true;
        this.fail(wrapError(err, kTestCodeFailure));
      }
      // Hooks registered with t.after() inside the test.
      try {
        for (const hook of this.hooks.after) await this.runHook(hook, this, ctx);
      } catch (err) {
        this.fail(err);
      }
    }
    try {
      for (const [hook, owner] of this.collectEachHooks('afterEach')) {
        await owner.runHook(hook, owner, ctx);
      }
    } catch (err) {
      this.fail(err);
    }
  }

  async waitSubtests() {
    for (;;) {
      const running = this.subtests.filter((t) => !t.finished && t.finishedPromise !== null);
      if (running.length === 0) return;
      await Promise.all(running.map((t) => t.finishedPromise));
    }
  }

  postRun() {
    if (this.finished) return;
    this.endTime = now();
    // Outstanding subtests are cancelled.
    let failed = 0;
    for (const sub of this.subtests) {
      if (!sub.finished) {
        sub.cancel(new ERR_TEST_FAILURE('test did not finish before its parent and was cancelled',
                                        kCancelledByParent));
        sub.postRun();
      }
      if (!sub.passed && !sub.isTodo) failed++;
    }
    this.pending = [];
    if ((this.passed || this.parent === null) && failed > 0 && this.error === null) {
      this.fail(new ERR_TEST_FAILURE(`${failed} subtest${failed > 1 ? 's' : ''} failed`, kSubtestsFailed));
    }
    if (this.planCount !== undefined && this.error === null && !this.skipped) {
      const actual = this.assertCount + this.subtests.length;
      if (actual !== this.planCount) {
        this.fail(new ERR_TEST_FAILURE(`plan expected ${this.planCount} assertions but received ${actual}`,
                                       kTestCodeFailure));
      }
    }
    if (this.error !== null) this.passed = false;
    this.finished = true;
    if (!this.controller.signal.aborted) this.controller.abort();
    if (this.mockTracker !== undefined) {
      try {
        this.mockTracker.reset();
      } catch (err) {
        this.fail(wrapError(err, kTestCodeFailure));
        this.passed = false;
      }
    }
    if (this.parent !== null) {
      this.parent.activeSubtests--;
      this.parent.reportReady();
      this.parent.processPending();
      if (this.parent.onChildFinished !== undefined) this.parent.onChildFinished();
    }
    if (this.resolveFinished) this.resolveFinished();
  }

  // Hand finished children to the reporter, in creation order.
  reportReady() {
    const reporter = require('internal/test_runner/reporter');
    for (const sub of this.subtests) {
      if (sub.reported) continue;
      if (!sub.finished) break;
      sub.reported = true;
      if (this.parent === null) reporter.reportTopLevel(sub);
    }
  }
}

// --- Suite ------------------------------------------------------------------------------------
class Suite extends Test {
  constructor(parent, name, options, fn, loc) {
    super(parent, name, options, fn, loc);
    this.buildError = null;
    this.buildPromise = null;
    if (this.skipped) return;
    const ctx = new SuiteContext(this);
    try {
      const result = testStorage.run(this, () => Reflect.apply(fn, ctx, [ctx]));
      if (result !== null && typeof result === 'object' && typeof result.then === 'function') {
        this.buildPromise = Promise.resolve(result).then(() => {}, (err) => {
          this.buildError = err;
        });
      }
    } catch (err) {
      this.buildError = err;
    }
  }

  get reportType() { return 'suite'; }

  childConcurrencyLimit() {
    return this.childConcurrency;
  }

  async run() {
    this.startTime = now();
    if (this.buildPromise !== null) await this.buildPromise;
    if (this.buildError !== null) {
      this.fail(wrapError(this.buildError, kTestCodeFailure));
      return;
    }
    if (this.skipped) {
      this.passed = true;
      for (const sub of this.subtests) sub.start();
      await this.waitAll();
      return;
    }
    try {
      await this.runParentBefore();
      if (this.hooks.before.length > 0 && !this.beforeRan) {
        this.beforeRan = true;
        const ctx = new SuiteContext(this);
        for (const hook of this.hooks.before) await this.runHook(hook, this, ctx);
      }
    } catch (err) {
      this.fail(err);
      for (const sub of this.subtests) {
        sub.fail(new ERR_TEST_FAILURE('test could not be started because its parent finished',
                                      kCancelledByParent));
      }
      return;
    }
    const run = (async () => {
      for (const sub of this.subtests) sub.start();
      await this.waitAll();
    })();
    try {
      if (this.timeout !== Infinity) {
        let timer;
        await Promise.race([run, new Promise((resolve, reject) => {
          timer = setTimeout(() => reject(new ERR_TEST_FAILURE(`test timed out after ${this.timeout}ms`,
                                                               kTestTimeoutFailure)), this.timeout);
          timer.unref();
        })]).finally(() => clearTimeout(timer));
      } else {
        await run;
      }
      if (this.error === null) this.passed = true;
    } catch (err) {
      this.fail(err);
    }
    try {
      const ctx = new SuiteContext(this);
      for (const hook of this.hooks.after) await this.runHook(hook, this, ctx);
    } catch (err) {
      this.fail(err);
    }
  }

  async waitAll() {
    await Promise.all(this.subtests.map((t) => t.finishedPromise ?? t.start()));
  }
}

module.exports = {
  Test,
  Suite,
  TestContext,
  SuiteContext,
  testStorage,
  normalizeTestArgs,
  callSite,
  kCancelledByParent,
  kSubtestsFailed,
  kTestCodeFailure,
  kUnwrapErrors,
  wrapError,
  ERR_INVALID_ARG_VALUE,
  validateOneOf,
};
