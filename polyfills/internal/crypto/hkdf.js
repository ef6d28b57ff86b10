'use strict';

const { kMaxLength } = require('buffer');
const { setImmediate } = require('timers');
const {
  codes: { ERR_CRYPTO_INVALID_DIGEST, ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE },
} = require('internal/errors');
const { validateFunction, validateInteger, validateString } = require('internal/validators');
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/util/types');
const { binding, nativeError, kHandle } = require('internal/crypto/util');
const { Buffer } = require('buffer');

function byteSource(value, name) {
  if (typeof value === 'string') return Buffer.from(value, 'utf8');
  if (isAnyArrayBuffer(value) || isArrayBufferView(value)) return value;
  throw new ERR_INVALID_ARG_TYPE(name, ['string', 'ArrayBuffer', 'TypedArray', 'DataView', 'Buffer'],
                                 value);
}

function keyBytes(key) {
  const keys = require('internal/crypto/keys');
  if (keys.isKeyObject(key)) {
    if (key.type !== 'secret') {
      throw new (require('internal/errors').codes.ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE)(key.type, 'secret');
    }
    return key[kHandle].bytes;
  }
  if (typeof key === 'string') return Buffer.from(key, 'utf8');
  if (isAnyArrayBuffer(key) || isArrayBufferView(key)) return key;
  throw new ERR_INVALID_ARG_TYPE(
    'ikm', ['string', 'SecretKeyObject', 'ArrayBuffer', 'TypedArray', 'DataView', 'Buffer'], key);
}

function prepare(digest, key, salt, info, length) {
  validateString(digest, 'digest');
  key = keyBytes(key);
  salt = byteSource(salt, 'salt');
  info = byteSource(info, 'info');
  validateInteger(length, 'length', 0, kMaxLength);
  if (info.byteLength > 1024) {
    throw new ERR_OUT_OF_RANGE('info', 'must not contain more than 1024 bytes', info.byteLength);
  }
  const size = binding.digestSize(digest);
  if (size < 0) throw new ERR_CRYPTO_INVALID_DIGEST(digest);
  // RFC 5869: at most 255 blocks of output.
  if (length > 255 * size) throw nativeError('ERR_CRYPTO_INVALID_KEYLEN');
  return () => binding.hkdf(digest, key, salt, info, length);
}

function hkdf(digest, key, salt, info, length, callback) {
  const run = prepare(digest, key, salt, info, length);
  validateFunction(callback, 'callback');
  setImmediate(() => callback(null, run()));
}

function hkdfSync(digest, key, salt, info, length) {
  return prepare(digest, key, salt, info, length)();
}

module.exports = { hkdf, hkdfSync };
