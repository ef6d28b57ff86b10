// node:test mock: fn, method, getter/setter, times, implementations, timers.
const { test, mock } = require('node:test');
const assert = require('assert');
test('mock.fn', () => {
  const sum = mock.fn((a, b) => a + b);
  assert.strictEqual(sum(1, 2), 3);
  assert.strictEqual(sum.mock.callCount(), 1);
  const call = sum.mock.calls[0];
  assert.deepStrictEqual(call.arguments, [1, 2]);
  assert.strictEqual(call.result, 3);
  assert.strictEqual(call.error, undefined);
  assert.strictEqual(call.target, undefined);
  sum.mock.mockImplementation((a, b) => a * b);
  assert.strictEqual(sum(3, 4), 12);
  sum.mock.mockImplementationOnce(() => -1);
  assert.strictEqual(sum(3, 4), -1);
  assert.strictEqual(sum(3, 4), 12);
  sum.mock.resetCalls();
  assert.strictEqual(sum.mock.callCount(), 0);
  const thrower = mock.fn(() => { throw new Error('x'); });
  assert.throws(() => thrower(), /x/);
  assert.strictEqual(thrower.mock.calls[0].error.message, 'x');
  const empty = mock.fn();
  assert.strictEqual(empty(), undefined);
  assert.strictEqual(empty.length, 0);
});
test('mock.fn times', () => {
  const fn = mock.fn(() => 'orig', () => 'mocked', { times: 2 });
  assert.deepStrictEqual([fn(), fn(), fn()], ['mocked', 'mocked', 'orig']);
});
test('mock.method and restore', (t) => {
  const obj = { value: 5, get() { return this.value; } };
  const m = t.mock.method(obj, 'get', function() { return this.value * 2; });
  assert.strictEqual(obj.get(), 10);
  assert.strictEqual(m.mock.calls[0].this, obj);
  m.mock.restore();
  assert.strictEqual(obj.get(), 5);
  const spy = t.mock.method(obj, 'get');
  assert.strictEqual(obj.get(), 5);
  assert.strictEqual(spy.mock.callCount(), 1);
});
test('mock.getter / setter', (t) => {
  const obj = { get x() { return 1; }, set x(v) { this._x = v; } };
  t.mock.getter(obj, 'x', () => 42);
  assert.strictEqual(obj.x, 42);
  assert.throws(() => t.mock.method(obj, 'x', () => {}, { getter: true, setter: true }), { code: 'ERR_INVALID_ARG_VALUE' });
});
test('t.mock is restored after the test', () => {});
test('constructors', () => {
  class A { constructor(v) { this.v = v; } }
  const M = mock.fn(A);
  const a = new M(3);
  assert.strictEqual(a.v, 3);
  assert.strictEqual(typeof M.mock.calls[0].target, 'function');
});
test('mock.timers', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
  const seen = [];
  setTimeout(() => seen.push('t100'), 100);
  setTimeout(() => seen.push('t50'), 50);
  const iv = setInterval(() => seen.push('iv'), 40);
  t.mock.timers.tick(99);
  assert.deepStrictEqual(seen, ['iv', 't50', 'iv']);
  clearInterval(iv);
  t.mock.timers.tick(1);
  assert.deepStrictEqual(seen, ['iv', 't50', 'iv', 't100']);
});
test('mock.timers Date', (t) => {
  t.mock.timers.enable({ apis: ['Date'], now: 1000 });
  assert.strictEqual(Date.now(), 1000);
  t.mock.timers.tick(500);
  assert.strictEqual(new Date().getTime(), 1500);
  t.mock.timers.reset();
  assert.ok(Date.now() > 1e12);
});
test('mock.reset restores everything', () => {
  const obj = { f() { return 1; } };
  mock.method(obj, 'f', () => 2);
  assert.strictEqual(obj.f(), 2);
  mock.reset();
  assert.strictEqual(obj.f(), 1);
});
