// ByteLengthQueuingStrategy and CountQueuingStrategy.
'use strict';

const { codes: { ERR_INVALID_THIS, ERR_MISSING_OPTION } } = require('internal/errors');
const { validateObject } = require('internal/validators');

const kHWM = Symbol('kHighWaterMark');

const byteSize = { size(chunk) { return chunk.byteLength; } }.size;
const countSize = { size() { return 1; } }.size;
Object.defineProperty(byteSize, 'name', { __proto__: null, value: 'size' });
Object.defineProperty(countSize, 'name', { __proto__: null, value: 'size' });

function readHWM(init) {
  validateObject(init, 'init');
  if (init.highWaterMark === undefined) throw new ERR_MISSING_OPTION('options.highWaterMark');
  return +init.highWaterMark;
}

class ByteLengthQueuingStrategy {
  constructor(init) {
    this[kHWM] = readHWM(init);
  }

  get highWaterMark() {
    if (this == null || this[kHWM] === undefined || !(this instanceof ByteLengthQueuingStrategy)) {
      throw new ERR_INVALID_THIS('ByteLengthQueuingStrategy');
    }
    return this[kHWM];
  }

  get size() {
    if (this == null || this[kHWM] === undefined || !(this instanceof ByteLengthQueuingStrategy)) {
      throw new ERR_INVALID_THIS('ByteLengthQueuingStrategy');
    }
    return byteSize;
  }
}

class CountQueuingStrategy {
  constructor(init) {
    this[kHWM] = readHWM(init);
  }

  get highWaterMark() {
    if (this == null || this[kHWM] === undefined || !(this instanceof CountQueuingStrategy)) {
      throw new ERR_INVALID_THIS('CountQueuingStrategy');
    }
    return this[kHWM];
  }

  get size() {
    if (this == null || this[kHWM] === undefined || !(this instanceof CountQueuingStrategy)) {
      throw new ERR_INVALID_THIS('CountQueuingStrategy');
    }
    return countSize;
  }
}

for (const C of [ByteLengthQueuingStrategy, CountQueuingStrategy]) {
  Object.defineProperty(C.prototype, Symbol.toStringTag, {
    __proto__: null, value: C.name, configurable: true,
  });
  for (const k of ['highWaterMark', 'size']) {
    const d = Object.getOwnPropertyDescriptor(C.prototype, k);
    d.enumerable = true;
    Object.defineProperty(C.prototype, k, d);
  }
}

module.exports = { ByteLengthQueuingStrategy, CountQueuingStrategy };
