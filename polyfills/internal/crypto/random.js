'use strict';

// Random bytes, integers, UUIDs and primes.  The bytes come from the
// operating system (Python's os.urandom); everything else is shaped here.

const { Buffer, kMaxLength } = require('buffer');
const { setImmediate } = require('timers');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE },
} = require('internal/errors');
const {
  validateBoolean, validateFunction, validateInt32, validateNumber, validateObject,
} = require('internal/validators');
const {
  isAnyArrayBuffer, isArrayBufferView, isTypedArray, isFloat32Array, isFloat64Array,
} = require('internal/util/types');
const { kEmptyObject, lazyDOMException } = require('internal/util');
const { binding } = require('internal/crypto/util');

const kMaxPossibleLength = Math.min(kMaxLength, 2 ** 31 - 1);

function checkOffset(offset, elementSize, byteLength) {
  validateNumber(offset, 'offset');
  const bytes = offset * elementSize;
  const limit = Math.min(byteLength, kMaxPossibleLength);
  if (Number.isNaN(bytes) || bytes > limit || bytes < 0) {
    throw new ERR_OUT_OF_RANGE('offset', `>= 0 && <= ${limit}`, bytes);
  }
  return bytes >>> 0;
}

function checkSize(size, elementSize, offset, byteLength) {
  validateNumber(size, 'size');
  const bytes = size * elementSize;
  if (Number.isNaN(bytes) || bytes > kMaxPossibleLength || bytes < 0) {
    throw new ERR_OUT_OF_RANGE('size', `>= 0 && <= ${kMaxPossibleLength}`, bytes);
  }
  if (bytes + offset > byteLength) {
    throw new ERR_OUT_OF_RANGE('size + offset', `<= ${byteLength}`, bytes + offset);
  }
  return bytes >>> 0;
}

function bytesOf(buf) {
  return isAnyArrayBuffer(buf) ? new Uint8Array(buf) :
    new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

function fill(buf, offset, size) {
  if (size > 0) bytesOf(buf).set(new Uint8Array(binding.randomBytes(size)), offset);
}

function checkTarget(buf) {
  if (!isAnyArrayBuffer(buf) && !isArrayBufferView(buf)) {
    throw new ERR_INVALID_ARG_TYPE('buf', ['ArrayBuffer', 'ArrayBufferView'], buf);
  }
}

function randomBytes(size, callback) {
  size = checkSize(size, 1, 0, Infinity);
  if (callback !== undefined) validateFunction(callback, 'callback');
  const buf = Buffer.alloc(size);
  if (callback === undefined) {
    fill(buf, 0, size);
    return buf;
  }
  setImmediate(() => {
    fill(buf, 0, size);
    callback(null, buf);
  });
}

function randomFillSync(buf, offset = 0, size) {
  checkTarget(buf);
  const elementSize = buf.BYTES_PER_ELEMENT || 1;
  offset = checkOffset(offset, elementSize, buf.byteLength);
  size = size === undefined ? buf.byteLength - offset :
    checkSize(size, elementSize, offset, buf.byteLength);
  fill(buf, offset, size);
  return buf;
}

function randomFill(buf, offset, size, callback) {
  checkTarget(buf);
  const elementSize = buf.BYTES_PER_ELEMENT || 1;
  if (typeof offset === 'function') {
    callback = offset;
    offset = 0;
    size = buf.length;  // in elements; checkSize scales it
  } else if (typeof size === 'function') {
    callback = size;
    size = buf.length - offset;
  } else {
    validateFunction(callback, 'callback');
  }
  offset = checkOffset(offset, elementSize, buf.byteLength);
  size = size === undefined ? buf.byteLength - offset :
    checkSize(size, elementSize, offset, buf.byteLength);
  if (size === 0) {
    callback(null, buf);
    return;
  }
  setImmediate(() => {
    fill(buf, offset, size);
    callback(null, buf);
  });
}

// 48-bit draws: the largest integer a Buffer reads exactly.
const kRandMax = 0xFFFF_FFFF_FFFF;
const pool = Buffer.alloc(6 * 1024);
let poolOffset = pool.length;

function randomInt(min, max, callback) {
  const onlyMax = max === undefined || typeof max === 'function';
  if (onlyMax) {
    callback = max;
    max = min;
    min = 0;
  }
  const sync = callback === undefined;
  if (!sync) validateFunction(callback, 'callback');
  if (!Number.isSafeInteger(min)) throw new ERR_INVALID_ARG_TYPE('min', 'a safe integer', min);
  if (!Number.isSafeInteger(max)) throw new ERR_INVALID_ARG_TYPE('max', 'a safe integer', max);
  if (max <= min) {
    throw new ERR_OUT_OF_RANGE('max', `greater than the value of "min" (${min})`, max);
  }
  const range = max - min;
  if (!(range <= kRandMax)) {
    throw new ERR_OUT_OF_RANGE(`max${onlyMax ? '' : ' - min'}`, `<= ${kRandMax}`, range);
  }
  // Rejection sampling keeps x % range unbiased.
  const limit = kRandMax - (kRandMax % range);
  let n;
  for (;;) {
    if (poolOffset === pool.length) {
      fill(pool, 0, pool.length);
      poolOffset = 0;
    }
    const x = pool.readUIntBE(poolOffset, 6);
    poolOffset += 6;
    if (x < limit) {
      n = (x % range) + min;
      break;
    }
  }
  if (sync) return n;
  process.nextTick(callback, undefined, n);
}

function getRandomValues(data) {
  if (!isTypedArray(data) || isFloat32Array(data) || isFloat64Array(data)) {
    // The Web Crypto API specifies a DOMException here, not a TypeError.
    throw lazyDOMException('The data argument must be an integer-type TypedArray',
                           'TypeMismatchError');
  }
  if (data.byteLength > 65536) {
    throw lazyDOMException('The requested length exceeds 65,536 bytes', 'QuotaExceededError');
  }
  fill(data, 0, data.byteLength);
  return data;
}

let hexOctets;
function formatUUID(bytes, at) {
  hexOctets ??= Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
  const h = (i) => hexOctets[bytes[at + i]];
  return `${h(0)}${h(1)}${h(2)}${h(3)}-${h(4)}${h(5)}-` +
    `${hexOctets[(bytes[at + 6] & 0x0f) | 0x40]}${h(7)}-` +
    `${hexOctets[(bytes[at + 8] & 0x3f) | 0x80]}${h(9)}-` +
    `${h(10)}${h(11)}${h(12)}${h(13)}${h(14)}${h(15)}`;
}

// Entropy for 128 UUIDs is fetched at once unless the caller opts out.
const kUUIDBatch = 128;
let uuidPool;
let uuidNext = 0;

function randomUUID(options) {
  if (options !== undefined) validateObject(options, 'options');
  const { disableEntropyCache = false } = options || kEmptyObject;
  validateBoolean(disableEntropyCache, 'options.disableEntropyCache');
  if (disableEntropyCache) return formatUUID(new Uint8Array(binding.randomBytes(16)), 0);
  if (uuidPool === undefined || uuidNext === kUUIDBatch) {
    uuidPool = new Uint8Array(binding.randomBytes(16 * kUUIDBatch));
    uuidNext = 0;
  }
  return formatUUID(uuidPool, 16 * uuidNext++);
}

const kPrimeInputTypes = ['ArrayBuffer', 'TypedArray', 'Buffer', 'DataView', 'bigint'];

function bigintToBytes(value, name) {
  if (value < 0n) throw new ERR_OUT_OF_RANGE(name, '>= 0', value);
  const hex = value.toString(16);
  return Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
}

function primeOperand(value, name) {
  if (value === undefined) return null;
  if (typeof value === 'bigint') return bigintToBytes(value, name);
  if (!isAnyArrayBuffer(value) && !isArrayBufferView(value)) {
    throw new ERR_INVALID_ARG_TYPE(name, kPrimeInputTypes, value);
  }
  return bytesOf(value);
}

function bytesToBigInt(arrayBuffer) {
  const hex = Buffer.from(arrayBuffer).toString('hex');
  return BigInt(hex === '' ? '0' : `0x${hex}`);
}

function outOfRange(message) {
  const err = new RangeError(message);
  err.code = 'ERR_OUT_OF_RANGE';
  return err;
}

function primeJob(size, options) {
  validateObject(options, 'options');
  const { safe = false, bigint = false } = options;
  validateBoolean(safe, 'options.safe');
  validateBoolean(bigint, 'options.bigint');
  const add = primeOperand(options.add, 'options.add');
  const rem = primeOperand(options.rem, 'options.rem');
  // Impossible add/rem combinations fail when the job is made, as in Node.
  if (add !== null) {
    const addValue = bytesToBigInt(add);
    if (addValue.toString(2).length > size) throw outOfRange('invalid options.add');
    if (rem !== null && bytesToBigInt(rem) >= addValue) throw outOfRange('invalid options.rem');
  }
  return () => {
    const result = binding.generatePrime(size, safe, add, rem);
    if (typeof result === 'string') {
      // Impossible add/rem combinations, as OpenSSL reports them.
      return [outOfRange(result)];
    }
    return [null, bigint ? bytesToBigInt(result) : result];
  };
}

function generatePrime(size, options, callback) {
  validateInt32(size, 'size', 1);
  if (typeof options === 'function') {
    callback = options;
    options = kEmptyObject;
  }
  validateFunction(callback, 'callback');
  const job = primeJob(size, options);
  setImmediate(() => {
    const [err, prime] = job();
    if (err) callback(err);
    else callback(undefined, prime);
  });
}

function generatePrimeSync(size, options = kEmptyObject) {
  validateInt32(size, 'size', 1);
  const [err, prime] = primeJob(size, options)();
  if (err) throw err;
  return prime;
}

function primeCandidate(candidate, options) {
  if (typeof candidate === 'bigint') candidate = bigintToBytes(candidate, 'candidate');
  if (!isAnyArrayBuffer(candidate) && !isArrayBufferView(candidate)) {
    throw new ERR_INVALID_ARG_TYPE('candidate', kPrimeInputTypes, candidate);
  }
  validateObject(options, 'options');
  const { checks = 0 } = options;
  validateInt32(checks, 'options.checks', 0);
  return [bytesOf(candidate), checks];
}

function checkPrime(candidate, options = kEmptyObject, callback) {
  if (typeof candidate === 'bigint') candidate = bigintToBytes(candidate, 'candidate');
  if (!isAnyArrayBuffer(candidate) && !isArrayBufferView(candidate)) {
    throw new ERR_INVALID_ARG_TYPE('candidate', kPrimeInputTypes, candidate);
  }
  if (typeof options === 'function') {
    callback = options;
    options = kEmptyObject;
  }
  validateFunction(callback, 'callback');
  const [bytes, checks] = primeCandidate(candidate, options);
  setImmediate(() => callback(null, binding.checkPrime(bytes, checks)));
}

function checkPrimeSync(candidate, options = kEmptyObject) {
  const [bytes, checks] = primeCandidate(candidate, options);
  return binding.checkPrime(bytes, checks);
}

module.exports = {
  checkPrime,
  checkPrimeSync,
  generatePrime,
  generatePrimeSync,
  getRandomValues,
  randomBytes,
  randomFill,
  randomFillSync,
  randomInt,
  randomUUID,
};
