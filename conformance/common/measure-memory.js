'use strict';
// Shape checks for vm.measureMemory() results, shared by the vm tests.

const assert = require('assert');
const common = require('./');

function checkEntry(entry) {
  assert.strictEqual(typeof entry.jsMemoryEstimate, 'number');
  assert.ok(Array.isArray(entry.jsMemoryRange));
  for (const bound of entry.jsMemoryRange.slice(0, 2)) assert.strictEqual(typeof bound, 'number');
}

function assertSummaryShape(result) {
  assert.strictEqual(typeof result, 'object');
  assert.strictEqual(typeof result.total, 'object');
  checkEntry(result.total);
}

// `contexts`: how many other contexts the result must list.
function assertDetailedShape(result, contexts = 0) {
  assertSummaryShape(result);
  assert.strictEqual(typeof result.current, 'object');
  checkEntry(result.current);
  assert.ok(Array.isArray(result.other));
  assert.strictEqual(result.other.length, contexts);
  result.other.forEach(checkEntry);
}

function assertSingleDetailedShape(result) {
  assertDetailedShape(result, 0);
}

function expectExperimentalWarning() {
  common.expectWarning('ExperimentalWarning',
                       'vm.measureMemory is an experimental feature and might change at any time');
}

module.exports = { assertSummaryShape, assertDetailedShape, assertSingleDetailedShape, expectExperimentalWarning };
