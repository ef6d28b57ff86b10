'use strict';

// crypto.createHash / createHmac / hash(): digest contexts live in Python
// (hashlib); the objects here are Node's LazyTransform streams over them.

const {
  binding, encodeOutput, opensslError, kHandle, updateInput,
} = require('internal/crypto/util');
const LazyTransform = require('internal/streams/lazy_transform');
const { Buffer } = require('buffer');
const {
  codes: {
    ERR_CRYPTO_HASH_FINALIZED,
    ERR_CRYPTO_HASH_UPDATE_FAILED,
    ERR_CRYPTO_INVALID_DIGEST,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
  },
} = require('internal/errors');
const {
  validateString, validateUint32,
} = require('internal/validators');
const { isArrayBufferView } = require('internal/util/types');
const { normalizeEncoding } = require('internal/util');

const kFinalized = Symbol('kFinalized');

// A handle from the binding, or the thrown failure it stands for.
function checkHashHandle(handle) {
  if (handle === null) throw new Error('Digest method not supported');
  if (Array.isArray(handle)) throw opensslError(handle);
  return handle;
}

function outputLengthOf(options) {
  const length = typeof options === 'object' && options !== null ? options.outputLength : undefined;
  if (length !== undefined) validateUint32(length, 'options.outputLength');
  return length === undefined ? -1 : length;
}

function Hash(algorithm, options) {
  if (!new.target) return new Hash(algorithm, options);
  const source = algorithm instanceof Hash ? algorithm : null;
  if (source === null) validateString(algorithm, 'algorithm');
  const length = outputLengthOf(options);
  this[kHandle] = checkHashHandle(source === null ?
    binding.hashNew(algorithm, length) : binding.hashCopy(source[kHandle], length));
  this[kFinalized] = false;
  Reflect.apply(LazyTransform, this, [options]);
}
Object.setPrototypeOf(Hash.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Hash, LazyTransform);


Hash.prototype.copy = function copy(options) {
  if (this[kFinalized]) throw new ERR_CRYPTO_HASH_FINALIZED();
  return new Hash(this, options);
};

Hash.prototype.update = function update(data, encoding) {
  if (this[kFinalized]) throw new ERR_CRYPTO_HASH_FINALIZED();
  if (binding.hashUpdate(this[kHandle], updateInput(data, encoding)) !== 0) {
    throw new ERR_CRYPTO_HASH_UPDATE_FAILED();
  }
  return this;
};

Hash.prototype.digest = function digest(outputEncoding) {
  if (this[kFinalized]) throw new ERR_CRYPTO_HASH_FINALIZED();
  this[kFinalized] = true;
  return encodeOutput(binding.hashDigest(this[kHandle]), outputEncoding && `${outputEncoding}`);
};

Hash.prototype._transform = function _transform(chunk, encoding, callback) {
  binding.hashUpdate(this[kHandle], typeof chunk === 'string' ?
    Buffer.from(chunk, Buffer.isEncoding(encoding) ? encoding : 'utf8') : chunk);
  callback();
};

Hash.prototype._flush = function _flush(callback) {
  this.push(Buffer.from(binding.hashDigest(this[kHandle])));
  callback();
};

function Hmac(hmac, key, options) {
  if (!(this instanceof Hmac)) return new Hmac(hmac, key, options);
  validateString(hmac, 'hmac');
  let encoding;
  if (options !== null && typeof options === 'object' && options.encoding !== undefined) {
    validateString(options.encoding, 'options.encoding');
    encoding = options.encoding;
  }
  const keyBytes = require('internal/crypto/keys').prepareSecretKey(key, encoding);
  const handle = binding.hmacNew(hmac, keyBytes);
  if (handle === null) throw new ERR_CRYPTO_INVALID_DIGEST(hmac);
  // OpenSSL has no HMAC over an XOF and reports no reason.
  if (handle === false) throw new Error('error:00000000:lib(0)::reason(0)');
  this[kHandle] = handle;
  this[kFinalized] = false;
  Reflect.apply(LazyTransform, this, [options]);
}
Object.setPrototypeOf(Hmac.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Hmac, LazyTransform);

Hmac.prototype.update = function update(data, encoding) {
  if (this[kFinalized]) throw new ERR_CRYPTO_HASH_FINALIZED();
  binding.hmacUpdate(this[kHandle], updateInput(data, encoding));
  return this;
};

// Unlike Hash, a second digest() is not an error: it yields nothing.
Hmac.prototype.digest = function digest(outputEncoding) {
  const encoding = outputEncoding && `${outputEncoding}`;
  if (this[kFinalized]) return encodeOutput(new ArrayBuffer(0), encoding);
  this[kFinalized] = true;
  return encodeOutput(binding.hmacDigest(this[kHandle]), encoding);
};

Hmac.prototype._transform = function _transform(chunk, encoding, callback) {
  binding.hmacUpdate(this[kHandle], typeof chunk === 'string' ?
    Buffer.from(chunk, Buffer.isEncoding(encoding) ? encoding : 'utf8') : chunk);
  callback();
};

Hmac.prototype._flush = function _flush(callback) {
  this.push(Buffer.from(binding.hmacDigest(this[kHandle])));
  callback();
};

function hash(algorithm, input, outputEncoding = 'hex') {
  validateString(algorithm, 'algorithm');
  if (typeof input !== 'string' && !isArrayBufferView(input)) {
    throw new ERR_INVALID_ARG_TYPE('input', ['Buffer', 'TypedArray', 'DataView', 'string'], input);
  }
  let encoding = outputEncoding;
  if (encoding !== 'hex') {
    validateString(outputEncoding, 'outputEncoding');
    encoding = normalizeEncoding(outputEncoding);
    if (encoding === undefined) {
      if (outputEncoding.toLowerCase() !== 'buffer') {
        throw new ERR_INVALID_ARG_VALUE('outputEncoding', outputEncoding);
      }
      encoding = 'buffer';
    }
  }
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  return encodeOutput(checkHashHandle(binding.hashOneShot(algorithm, bytes)), encoding);
}

module.exports = { Hash, Hmac, hash };
