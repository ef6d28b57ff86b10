'use strict';

const { Buffer } = require('buffer');
const { setImmediate } = require('timers');
const {
  codes: { ERR_CRYPTO_INVALID_DIGEST },
} = require('internal/errors');
const { validateFunction, validateInt32, validateString } = require('internal/validators');
const { binding, deferJob, getArrayBufferOrView } = require('internal/crypto/util');

function prepare(password, salt, iterations, keylen, digest) {
  validateString(digest, 'digest');
  password = getArrayBufferOrView(password, 'password');
  salt = getArrayBufferOrView(salt, 'salt');
  // OpenSSL takes these as C ints.
  validateInt32(iterations, 'iterations', 1);
  validateInt32(keylen, 'keylen', 0);
  if (binding.digestSize(digest) < 0) throw new ERR_CRYPTO_INVALID_DIGEST(digest);
  return () => {
    const out = binding.pbkdf2(digest, password, salt, iterations, keylen);
    if (out === null || out === false) throw new ERR_CRYPTO_INVALID_DIGEST(digest);
    return Buffer.from(out);
  };
}

function pbkdf2(password, salt, iterations, keylen, digest, callback) {
  if (typeof digest === 'function') {
    callback = digest;
    digest = undefined;
  }
  const run = prepare(password, salt, iterations, keylen, digest);
  validateFunction(callback, 'callback');
  deferJob(run, callback);
}

function pbkdf2Sync(password, salt, iterations, keylen, digest) {
  return prepare(password, salt, iterations, keylen, digest)();
}

module.exports = { pbkdf2, pbkdf2Sync };
