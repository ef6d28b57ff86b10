'use strict';
// The small synchronous subset of the web-platform-tests harness that some of
// Node's parallel tests use (`require('../common/wpt').harness`).
const assert = require('assert');

function test(fn, description) {
  try {
    fn();
  } catch (err) {
    console.error(`In ${description}:`);
    throw err;
  }
}

const harness = {
  test,
  assert_equals: assert.strictEqual,
  assert_not_equals: assert.notStrictEqual,
  assert_true(value, message) {
    assert.strictEqual(value, true, message);
  },
  assert_false(value, message) {
    assert.strictEqual(value, false, message);
  },
  assert_array_equals: assert.deepStrictEqual,
  // `expected` is an error constructor (TypeError ...) or an object with a
  // `name`; the thrown error's name must start with it.
  assert_throws(expected, fn, description) {
    assert.throws(fn, (err) => typeof err === 'object' && err !== null &&
      'name' in err && String(err.name).startsWith(expected.name), description);
  },
  assert_throws_js(Type, fn, description) {
    assert.throws(fn, Type, description);
  },
  assert_unreached(description) {
    assert.fail(`Reached unreachable code: ${description}`);
  },
};

module.exports = { harness };
