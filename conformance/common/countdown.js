'use strict';
// Countdown(limit, cb): cb must run exactly once, when dec() has been called
// `limit` times; a dec() after that is an error.

const assert = require('assert');
const common = require('./');

const remainingKey = Symbol('remaining');
const doneKey = Symbol('done');

class Countdown {
  constructor(limit, cb) {
    assert.strictEqual(typeof limit, 'number');
    assert.strictEqual(typeof cb, 'function');
    this[remainingKey] = limit;
    this[doneKey] = common.mustCall(cb);
  }

  dec() {
    assert(this[remainingKey] > 0, 'Countdown expired');
    this[remainingKey] -= 1;
    if (this[remainingKey] === 0) this[doneKey]();
    return this[remainingKey];
  }

  get remaining() {
    return this[remainingKey];
  }
}

module.exports = Countdown;
