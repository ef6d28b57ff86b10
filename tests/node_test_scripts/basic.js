// node:test: tests, subtests, suites, hooks, skip/todo, done callbacks,
// diagnostics, plan, timeouts and the TAP summary.
const { test, describe, it, before, beforeEach, afterEach, after } = require('node:test');
const assert = require('assert');
const order = [];
test('sync pass', () => {});
test('async pass', async (t) => {
  await t.test('child 1', () => {});
  t.diagnostic('a note');
  await t.test('child 2', async () => { await new Promise((r) => setTimeout(r, 5)); });
});
test('fails', () => { assert.strictEqual(1, 2); });
test('skip me', { skip: 'why' }, () => {});
test.todo('todo me');
test('todo failing', { todo: true }, () => { throw new Error('not yet'); });
test('done cb', (t, done) => { setTimeout(done, 1); });
test('done cb error', (t, done) => { setImmediate(() => done(new Error('cb failed'))); });
describe('suite A', () => {
  before(() => order.push('before A'));
  beforeEach(() => order.push('beforeEach A'));
  afterEach(() => order.push('afterEach A'));
  after(() => order.push('after A'));
  it('a1', () => order.push('a1'));
  it('a2', async () => order.push('a2'));
  describe('nested', () => { it('n1', () => { throw new Error('boom'); }); });
  it.skip('skipped it');
});
describe.skip('skipped suite', () => { it('never', () => {}); });
test('t.skip', (t) => { t.skip('later'); });
test('t.todo', (t) => { t.todo(); });
test('timeout', { timeout: 20 }, () => new Promise((r) => setTimeout(r, 300)));
test('plan ok', (t) => { t.plan(2); t.assert.ok(true); t.assert.strictEqual(1, 1); });
test('plan bad', (t) => { t.plan(3); t.assert.ok(true); });
test('name and signal', (t) => {
  assert.strictEqual(t.name, 'name and signal');
  assert.strictEqual(t.signal.aborted, false);
});
test('rejects', async () => { throw new TypeError('bad type'); });
test('non-error thrown', () => { throw 'a string'; });
process.on('exit', (code) => {
  console.log(order.join(','));
  console.log('exit', code, process.exitCode);
});
