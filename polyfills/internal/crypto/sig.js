'use strict';

// Sign / Verify streams and the one-shot crypto.sign / crypto.verify.
// The message is collected here and signed whole by the binding.

const { Buffer } = require('buffer');
const { Writable } = require('stream');
const { setImmediate } = require('timers');
const {
  codes: { ERR_CRYPTO_SIGN_KEY_REQUIRED, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const { validateEncoding, validateFunction, validateString } = require('internal/validators');
const { isArrayBufferView } = require('internal/util/types');
const {
  binding, deferJob, encodeOutput, getArrayBufferOrView, kHandle, nativeError, opensslError,
} = require('internal/crypto/util');
const { preparePrivateKey, preparePublicOrPrivateKey } = require('internal/crypto/keys');

function intOption(name, options) {
  const value = options[name];
  if (value === undefined) return undefined;
  if (value === value >> 0) return value;
  throw new ERR_INVALID_ARG_VALUE(`options.${name}`, value);
}

function dsaEncodingOf(options) {
  if (typeof options !== 'object') return false;
  const { dsaEncoding = 'der' } = options;
  if (dsaEncoding === 'der') return false;
  if (dsaEncoding === 'ieee-p1363') return true;
  throw new ERR_INVALID_ARG_VALUE('options.dsaEncoding', dsaEncoding);
}

// Legacy signature digest names OpenSSL still resolves for signing (but
// not for createHash).
const kLegacyDigests = { __proto__: null, 'dss1': 'sha1', 'dsawithsha1': 'sha1',
                         'ecdsa-with-sha1': 'sha1', 'dsa-sha1': 'sha1' };
function digestFor(algorithm) {
  return kLegacyDigests[`${algorithm}`.toLowerCase()] ?? algorithm;
}

function checkDigest(algorithm) {
  if (binding.digestSize(algorithm) < 0) throw nativeError('ERR_CRYPTO_INVALID_DIGEST');
}

// RSA padding / PSS salt length / (EC)DSA signature encoding of a key argument.
function sigOptions(options) {
  return {
    padding: intOption('padding', options) ?? 0,
    saltLength: intOption('saltLength', options) ?? null,
    p1363: dsaEncodingOf(options),
  };
}

function signWith(handle, algorithm, data, opts) {
  const out = binding.sign(handle.native, algorithm ?? null, data, opts.padding, opts.saltLength, opts.p1363);
  if (out === 'digest') throw nativeError('ERR_CRYPTO_INVALID_DIGEST');
  if (Array.isArray(out)) throw opensslError(out);
  return Buffer.from(out);
}

function verifyWith(handle, algorithm, data, signature, opts) {
  const out = binding.verify(handle.native, algorithm ?? null, data, signature, opts.padding,
                             opts.saltLength, opts.p1363);
  if (out === 'digest') throw nativeError('ERR_CRYPTO_INVALID_DIGEST');
  if (Array.isArray(out)) throw opensslError(out);
  return out;
}

// Runs `work` now, or (with a callback) on a later turn, reporting its
// error or result there as Node's crypto jobs do.
function runOneShot(work, callback) {
  if (callback === undefined) return work();
  deferJob(work, callback);
}

function checkData(data, encoding) {
  if (typeof data === 'string') {
    validateEncoding(data, encoding);
    return Buffer.from(data, Buffer.isEncoding(encoding) ? encoding : 'utf8');
  }
  if (!isArrayBufferView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

function init(self, algorithm, options) {
  validateString(algorithm, 'algorithm');
  algorithm = digestFor(algorithm);
  checkDigest(algorithm);
  self[kHandle] = { algorithm, chunks: [] };
  Reflect.apply(Writable, self, [options]);
}

function Sign(algorithm, options) {
  if (!(this instanceof Sign)) return new Sign(algorithm, options);
  init(this, algorithm, options);
}
Object.setPrototypeOf(Sign.prototype, Writable.prototype);
Object.setPrototypeOf(Sign, Writable);

function Verify(algorithm, options) {
  if (!(this instanceof Verify)) return new Verify(algorithm, options);
  init(this, algorithm, options);
}
Object.setPrototypeOf(Verify.prototype, Writable.prototype);
Object.setPrototypeOf(Verify, Writable);

function write(chunk, encoding, callback) {
  this.update(chunk, encoding);
  callback();
}

function update(data, encoding) {
  // A copy: the caller may reuse its buffer before sign()/verify().
  this[kHandle].chunks.push(Buffer.from(checkData(data, encoding)));
  return this;
}

Sign.prototype._write = write;
Sign.prototype.update = update;
Verify.prototype._write = write;
Verify.prototype.update = update;

Sign.prototype.sign = function sign(options, encoding) {
  if (!options) throw new ERR_CRYPTO_SIGN_KEY_REQUIRED();
  const handle = preparePrivateKey(options);
  const opts = sigOptions(options);
  const { algorithm, chunks } = this[kHandle];
  const signature = signWith(handle, algorithm, Buffer.concat(chunks), opts);
  return encodeOutput(signature.buffer.slice(signature.byteOffset, signature.byteOffset + signature.length),
                      encoding || 'buffer');
};

Verify.prototype.verify = function verify(options, signature, sigEncoding) {
  const parseKey = preparePublicOrPrivateKey(options, true);
  const opts = sigOptions(options);
  signature = getArrayBufferOrView(signature, 'signature', sigEncoding);
  const { algorithm, chunks } = this[kHandle];
  return verifyWith(parseKey(), algorithm, Buffer.concat(chunks), signature, opts);
};

function signOneShot(algorithm, data, key, callback) {
  if (algorithm != null) validateString(algorithm, 'algorithm');
  if (callback !== undefined) validateFunction(callback, 'callback');
  data = getArrayBufferOrView(data, 'data');
  if (!key) throw new ERR_CRYPTO_SIGN_KEY_REQUIRED();
  const opts = sigOptions(key);
  const handle = preparePrivateKey(key);
  if (algorithm != null) checkDigest(algorithm = digestFor(algorithm));
  return runOneShot(() => signWith(handle, algorithm, data, opts), callback);
}

function verifyOneShot(algorithm, data, key, signature, callback) {
  if (algorithm != null) validateString(algorithm, 'algorithm');
  if (callback !== undefined) validateFunction(callback, 'callback');
  data = getArrayBufferOrView(data, 'data');
  if (!isArrayBufferView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['Buffer', 'TypedArray', 'DataView'], data);
  }
  const opts = sigOptions(key ?? {});
  if (!isArrayBufferView(signature)) {
    throw new ERR_INVALID_ARG_TYPE('signature', ['Buffer', 'TypedArray', 'DataView'], signature);
  }
  const handle = preparePublicOrPrivateKey(key);
  if (algorithm != null) checkDigest(algorithm = digestFor(algorithm));
  return runOneShot(() => verifyWith(handle, algorithm, data, signature, opts), callback);
}

module.exports = { Sign, Verify, signOneShot, verifyOneShot };
