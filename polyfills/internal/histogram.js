// Histogram / RecordableHistogram of perf_hooks over the binding's shared
// histograms: a posted clone names the same histogram, so both sides see
// every value recorded.
'use strict';

const {
  codes: { ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_ARG_TYPE, ERR_INVALID_THIS, ERR_OUT_OF_RANGE },
} = require('internal/errors');
const { validateInteger, validateNumber, validateObject } = require('internal/validators');
const { kClone, kDeserialize, markTransferMode } = require('internal/worker/js_transferable');

const binding = internalBinding('performance');

const kHandle = Symbol('kHandle');
const kSkipThrow = Symbol('kSkipThrow');
const kRecordable = Symbol('kRecordable');
const kInt64Max = 9223372036854775807n;

const registry = new FinalizationRegistry((id) => binding.histogramFree(id));

function stats(h) {
  if (h?.[kHandle] === undefined) throw new ERR_INVALID_THIS('Histogram');
  return binding.histogramCall(h[kHandle], 'stats');
}

class Histogram {
  constructor(skipThrow = undefined, handle = undefined) {
    if (skipThrow !== kSkipThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
    markTransferMode(this, true, false);
    this[kHandle] = handle;
  }

  get count() { return stats(this)[0]; }
  get countBigInt() { return BigInt(stats(this)[6]); }
  get min() { return stats(this)[1]; }
  get minBigInt() { return BigInt(stats(this)[7]); }
  get max() { return stats(this)[2]; }
  get maxBigInt() { return BigInt(stats(this)[8]); }
  get mean() { return stats(this)[3]; }
  get stddev() { return stats(this)[4]; }
  get exceeds() { return stats(this)[5]; }
  get exceedsBigInt() { return BigInt(stats(this)[9]); }

  percentile(percentile) {
    stats(this);
    validateNumber(percentile, 'percentile');
    if (percentile <= 0 || percentile > 100 || Number.isNaN(percentile)) {
      throw new ERR_OUT_OF_RANGE('percentile', '> 0 && <= 100', percentile);
    }
    return binding.histogramCall(this[kHandle], 'percentile', percentile);
  }

  percentileBigInt(percentile) {
    return BigInt(this.percentile(percentile));
  }

  get percentiles() {
    stats(this);
    const list = binding.histogramCall(this[kHandle], 'percentiles');
    const map = new Map();
    for (let i = 0; i < list.length; i += 2) map.set(list[i], list[i + 1]);
    return map;
  }

  get percentilesBigInt() {
    const map = new Map();
    for (const [k, v] of this.percentiles) map.set(k, BigInt(v));
    return map;
  }

  reset() {
    stats(this);
    binding.histogramCall(this[kHandle], 'reset');
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (depth < 0) return `[${this.constructor.name}]`;
    const body = {
      min: this.min,
      max: this.max,
      mean: this.mean,
      exceeds: this.exceeds,
      stddev: this.stddev,
      count: this.count,
      percentiles: this.percentiles,
    };
    return `Histogram ${inspect(body, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }

  toJSON() {
    return {
      count: this.count,
      min: this.min,
      max: this.max,
      mean: this.mean,
      exceeds: this.exceeds,
      stddev: this.stddev,
      percentiles: Object.fromEntries(this.percentiles),
    };
  }

  [kClone]() {
    return {
      data: { handle: this[kHandle] },
      deserializeInfo: `internal/histogram:${this[kRecordable] ? 'ClonedRecordableHistogram' : 'ClonedHistogram'}`,
    };
  }

  [kDeserialize]({ handle }) {
    this[kHandle] = handle;
  }
}

class RecordableHistogram extends Histogram {
  constructor(skipThrow = undefined, handle = undefined) {
    if (skipThrow !== kSkipThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super(kSkipThrow, handle);
    this[kRecordable] = true;
  }

  record(val) {
    stats(this);
    if (typeof val === 'bigint') {
      if (val < 1n || val > kInt64Max) throw new ERR_OUT_OF_RANGE('val', `>= 1 && <= ${kInt64Max}`, val);
      binding.histogramRecord(this[kHandle], Number(val));
      return;
    }
    validateInteger(val, 'val', 1);
    binding.histogramRecord(this[kHandle], val);
  }

  recordDelta() {
    stats(this);
    binding.histogramRecordDelta(this[kHandle]);
  }

  add(other) {
    stats(this);
    if (!(other instanceof RecordableHistogram)) {
      throw new ERR_INVALID_ARG_TYPE('other', 'RecordableHistogram', other);
    }
    binding.histogramCall(this[kHandle], 'add', other[kHandle]);
  }
}

// The receiving side of a posted histogram: same handle, same methods.
class ClonedHistogram extends Histogram {
  constructor() {
    super(kSkipThrow);
  }
}
class ClonedRecordableHistogram extends RecordableHistogram {
  constructor() {
    super(kSkipThrow);
  }
}

function validateLimit(value, name, min, max) {
  if (typeof value === 'bigint') {
    if (value < BigInt(min) || value > BigInt(max)) throw new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
    return Number(value);
  }
  validateInteger(value, name, min, max);
  return value;
}

function newHandle(lowest, highest) {
  return binding.histogramNew(lowest, highest);
}

function makeHistogram(Class, handle) {
  const h = new Class(kSkipThrow, handle);
  registry.register(h, handle);
  return h;
}

function createHistogram(options = {}) {
  validateObject(options, 'options');
  const { lowest = 1, highest = Number.MAX_SAFE_INTEGER, figures = 3 } = options;
  const low = validateLimit(lowest, 'options.lowest', 1, Number.MAX_SAFE_INTEGER);
  const high = validateLimit(highest, 'options.highest', 2 * low, Number.MAX_SAFE_INTEGER);
  validateInteger(figures, 'options.figures', 1, 5);
  return makeHistogram(RecordableHistogram, newHandle(low, high));
}

module.exports = {
  Histogram,
  RecordableHistogram,
  ClonedHistogram,
  ClonedRecordableHistogram,
  createHistogram,
  makeHistogram,
  newHandle,
  kHandle,
  kSkipThrow,
};
