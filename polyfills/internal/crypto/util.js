'use strict';

// Shared pieces of node:crypto: the binding, Node's native-side error codes
// (thrown from C++ in Node, so absent from internal/errors), argument
// coercion to bytes, and the algorithm lists.

// The Python side reads typed arrays and ArrayBuffers; a DataView is
// handed over as the bytes it spans.
const rawBinding = internalBinding('crypto');
function asBytes(value) {
  return value instanceof DataView ?
    new Uint8Array(value.buffer, value.byteOffset, value.byteLength) : value;
}
const binding = { __proto__: null };
for (const [name, value] of Object.entries(rawBinding)) {
  binding[name] = typeof value !== 'function' ? value :
    (...args) => Reflect.apply(value, rawBinding, args.map(asBytes));
}
const { Buffer } = require('buffer');
const {
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/util/types');

// Node raises these from C++: a plain error of the given class whose only
// own enumerable property is `code`.
const nativeErrors = {
  ERR_CRYPTO_INVALID_AUTH_TAG: [TypeError, 'Invalid authentication tag'],
  ERR_CRYPTO_INVALID_COUNTER: [TypeError, 'Invalid counter'],
  ERR_CRYPTO_INVALID_CURVE: [TypeError, 'Invalid EC curve name'],
  ERR_CRYPTO_INVALID_DIGEST: [TypeError, 'Invalid digest'],
  ERR_CRYPTO_INVALID_IV: [TypeError, 'Invalid initialization vector'],
  ERR_CRYPTO_INVALID_JWK: [TypeError, 'Invalid JWK format'],
  ERR_CRYPTO_INVALID_KEYLEN: [RangeError, 'Invalid key length'],
  ERR_CRYPTO_INVALID_KEYPAIR: [RangeError, 'Invalid key pair'],
  ERR_CRYPTO_INVALID_KEYTYPE: [RangeError, 'Invalid key type'],
  ERR_CRYPTO_INVALID_MESSAGELEN: [RangeError, 'Invalid message length'],
  ERR_CRYPTO_INVALID_SCRYPT_PARAMS: [RangeError, 'Invalid scrypt params'],
  ERR_CRYPTO_INVALID_STATE: [Error, 'Invalid state'],
  ERR_CRYPTO_INVALID_TAG_LENGTH: [RangeError, 'Invalid taglength'],
  ERR_CRYPTO_OPERATION_FAILED: [Error, 'Operation failed'],
  ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH: [RangeError, 'Input buffers must have the same byte length'],
  ERR_CRYPTO_UNKNOWN_CIPHER: [Error, 'Unknown cipher'],
  ERR_CRYPTO_UNKNOWN_DH_GROUP: [Error, 'Unknown DH group'],
  ERR_CRYPTO_UNSUPPORTED_OPERATION: [Error, 'Unsupported crypto operation'],
  ERR_CRYPTO_JOB_INIT_FAILED: [Error, 'Failed to initialize crypto job config'],
};

function nativeError(code, message) {
  const [Base, defaultMessage] = nativeErrors[code];
  const err = new Base(message === undefined ? defaultMessage : message);
  err.code = code;
  return err;
}

// An OpenSSL failure as Node reports it: `error:<packed>:<lib>::<reason>`
// with library, reason and code (ERR_OSSL_*) as own properties.
function opensslError([code, message, library, reason]) {
  const err = new Error(message);
  err.library = library;
  err.reason = reason;
  err.code = code;
  return err;
}

// Bytes of a string (in `encoding`), an ArrayBuffer or a view, as Node's
// getArrayBufferOrView.
function getArrayBufferOrView(value, name, encoding) {
  if (isAnyArrayBuffer(value)) return new Uint8Array(value);
  if (typeof value === 'string') {
    if (encoding === 'buffer') encoding = 'utf8';
    return Buffer.from(value, encoding);
  }
  if (!isArrayBufferView(value)) {
    throw new ERR_INVALID_ARG_TYPE(
      name, ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], value);
  }
  return value;
}

// A Buffer over bytes the binding returned (an ArrayBuffer), or its text in
// `encoding` ('buffer' or an unknown encoding gives the Buffer).
function encodeOutput(arrayBuffer, encoding) {
  const buf = Buffer.from(arrayBuffer);
  if (encoding && encoding !== 'buffer' && Buffer.isEncoding(encoding)) {
    return buf.toString(encoding);
  }
  return buf;
}

let hashes, ciphers;
function getHashes() {
  return (hashes ??= Object.freeze(binding.hashList())).slice();
}
function getCiphers() {
  return (ciphers ??= Object.freeze(binding.cipherList())).slice();
}
let curves;
function getCurves() {
  return (curves ??= Object.freeze(binding.curveList().sort())).slice();
}

// The data of a hash, HMAC or cipher update(): a string in its encoding
// (utf8 for an unknown one, as Node), or any ArrayBufferView.
function updateInput(data, encoding) {
  if (typeof data === 'string') {
    require('internal/validators').validateEncoding(data, encoding);
    return Buffer.from(data, Buffer.isEncoding(encoding) ? encoding : 'utf8');
  }
  if (!isArrayBufferView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  return data;
}

// Runs `work` on a later turn, as Node's thread-pool jobs report, and hands
// its result, or the error it threw, to `callback`.
function deferJob(work, callback) {
  setImmediate(() => {
    let result;
    try {
      result = work();
    } catch (err) {
      callback(err);
      return;
    }
    callback(null, result);
  });
}

// Runs `work` (which returns [err, result]) off the current tick and
// reports through `callback`, as Node's thread-pool jobs do.
function runJob(work, callback) {
  setImmediate(() => {
    const [err, result] = work();
    callback(err, result);
  });
}

const kHandle = Symbol('kHandle');
const kKeyObject = Symbol('kKeyObject');

// WebCrypto's, loaded when first used.
function normalizeAlgorithm(algorithm, op) {
  return require('internal/crypto/webcrypto_algorithms').normalizeAlgorithm(algorithm, op);
}

function bigIntArrayToUnsignedBigInt(bytes) {
  let result = 0n;
  for (const byte of bytes) result = (result << 8n) | BigInt(byte);
  return result;
}

module.exports = {
  deferJob,
  updateInput,
  bigIntArrayToUnsignedBigInt,
  normalizeAlgorithm,
  binding,
  nativeError,
  opensslError,
  getArrayBufferOrView,
  encodeOutput,
  getHashes,
  getCiphers,
  getCurves,
  runJob,
  kHandle,
  kKeyObject,
};
