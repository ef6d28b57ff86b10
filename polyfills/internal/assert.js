// Internal invariant checks (node:internal/assert).
'use strict';

let ERR_INTERNAL_ASSERTION;
function internalAssertionError(message) {
  ERR_INTERNAL_ASSERTION ??= require('internal/errors').codes.ERR_INTERNAL_ASSERTION;
  return new ERR_INTERNAL_ASSERTION(message);
}

function assert(value, message) {
  if (!value) throw internalAssertionError(message);
}

assert.fail = function fail(message) {
  throw internalAssertionError(message);
};

module.exports = assert;
