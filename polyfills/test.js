// node:test: test/it/describe/suite, hooks and mock.  Tests of a file run
// when it is executed directly (`node file.js`): they start after the main
// script, report TAP to stdout as they finish (Node 20's reporter for a
// non-terminal stdout), and at 'beforeExit' the summary is printed and
// process.exitCode set to 1 if any failed.
'use strict';

const {
  Test, Suite, testStorage, normalizeTestArgs, callSite, wrapError, kCancelledByParent,
} = require('internal/test_runner/test');
const { codes: { ERR_TEST_FAILURE } } = require('internal/errors');

let root = null;
let rootStart = 0;
let finished = false;

function now() {
  return process.hrtime.bigint();
}

function getRoot() {
  if (root !== null) return root;
  root = new Test(null, '<root>', {}, () => {});
  root.startTime = now();
  rootStart = root.startTime;
  root.entryFile = process.argv[1];
  root.onChildFinished = onTopLevelFinished;
  process.on('beforeExit', finishRoot);
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onUnhandledRejection);
  return root;
}

function currentTest() {
  const t = testStorage.getStore();
  if (t !== undefined && !t.finished) return t;
  // Fall back to the most recently started test still running.
  let found;
  (function walk(test) {
    for (const sub of test.subtests) {
      if (sub.started && !sub.finished) {
        found = sub;
        walk(sub);
      }
    }
  })(root);
  return found;
}

function onUncaught(err) {
  failCurrent(err, 'uncaughtException');
}

function onUnhandledRejection(err) {
  failCurrent(err, 'unhandledRejection');
}

function failCurrent(err, type) {
  const test = currentTest();
  if (test === undefined) {
    // Outside of any test: a failure of the file, as Node reports it.
    root.diagnostics.push('Warning: A resource generated asynchronous activity after the test ended. ' +
                          `This activity created the error "${err}" which triggered an ${type} event, ` +
                          'caught by the test runner.');
    process.exitCode = 1;
    return;
  }
  test.fail(wrapError(err, type));
  test.rejectCancel(test.error);
}

async function finishRoot() {
  if (finished || root === null) return;
  // Tests still waiting when the loop ran dry are cancelled, as Node does.
  finished = true;
  if (root.subtests.some((t) => !t.finished)) {
    for (const t of root.subtests) {
      if (!t.finished) cancelTree(t);
    }
    await Promise.all(root.subtests.map((t) => t.finishedPromise ?? t.start()));
  }
  await runRootAfterHooks();
  root.reportReady();
  const reporter = require('internal/test_runner/reporter');
  reporter.reportSummary(root, Number(now() - rootStart) / 1e6);
  const { counters } = reporter;
  if (counters.fail > 0 || counters.cancelled > 0 || root.error !== null) process.exitCode = 1;
}

// Top-level after() hooks run once every top-level test finished (even
// while handles keep the loop alive, so that they can close them).
let rootAfterRan = false;
async function runRootAfterHooks() {
  if (rootAfterRan) return;
  rootAfterRan = true;
  try {
    const ctx = { __proto__: null, name: '<root>' };
    for (const hook of root.hooks.after) await root.runHook(hook, root, ctx);
  } catch (err) {
    root.fail(err);
  }
}

function onTopLevelFinished() {
  if (rootAfterRan || root.hooks.after.length === 0) return;
  // Later top-level tests may still be created by this tick's callbacks.
  setImmediate(() => {
    if (root.subtests.every((t) => t.finished)) runRootAfterHooks();
  }).unref();
}

function cancelTree(test) {
  const err = new ERR_TEST_FAILURE('Promise resolution is still pending but the event loop has already resolved',
                                   kCancelledByParent);
  for (const sub of test.subtests) if (!sub.finished) cancelTree(sub);
  test.cancel(err);
}

function runInParentContext(Factory, name, options, fn, overrides) {
  [name, options, fn] = normalizeTestArgs(name, options, fn);
  if (overrides) options = { ...options, ...overrides };
  const loc = callSite();
  const current = testStorage.getStore();
  const parent = current !== undefined && !current.finished ? current : getRoot();
  const test = parent.createSubtest(Factory, name, options, fn, loc);
  if (parent instanceof Suite && !parent.started) {
    // Collected while the suite is built; the suite starts it.
    return undefined;
  }
  if (parent === root) {
    // Top-level tests start once the main script finished.
    return Promise.resolve().then(() => test.start());
  }
  return test.start();
}

function makeApi(Factory) {
  const api = (name, options, fn) => runInParentContext(Factory, name, options, fn);
  api.skip = (name, options, fn) => runInParentContext(Factory, name, options, fn, { skip: true });
  api.todo = (name, options, fn) => runInParentContext(Factory, name, options, fn, { todo: true });
  api.only = (name, options, fn) => runInParentContext(Factory, name, options, fn, { only: true });
  return api;
}

const test = makeApi(Test);
const it = test;
const describe = makeApi(Suite);
Object.defineProperty(test, 'name', { value: 'test' });
Object.defineProperty(describe, 'name', { value: 'describe' });

function hook(kind) {
  return (fn, options) => {
    const current = testStorage.getStore();
    const parent = current !== undefined && !current.finished ? current : getRoot();
    parent.addHook(kind, fn, options);
  };
}

function run() {
  const { codes: { ERR_INVALID_STATE } } = require('internal/errors');
  throw new ERR_INVALID_STATE('node:test run() (running test files in child processes) is not supported by nodeshim');
}

let mockTracker;
function getMock() {
  if (mockTracker === undefined) {
    const { MockTracker } = require('internal/test_runner/mock/mock');
    mockTracker = new MockTracker();
  }
  return mockTracker;
}

module.exports = test;
Object.assign(module.exports, {
  after: hook('after'),
  afterEach: hook('afterEach'),
  before: hook('before'),
  beforeEach: hook('beforeEach'),
  describe,
  it,
  run,
  suite: describe,
  test,
});
Object.defineProperty(module.exports, 'mock', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get: getMock,
});
