'use strict';

const { Buffer } = require('buffer');
const { setImmediate } = require('timers');
const {
  codes: { ERR_CRYPTO_SCRYPT_INVALID_PARAMETER },
} = require('internal/errors');
const {
  validateFunction, validateInt32, validateInteger, validateUint32,
} = require('internal/validators');
const { binding, deferJob, getArrayBufferOrView, nativeError } = require('internal/crypto/util');

// OpenSSL's defaults; maxmem is its SCRYPT_MAX_MEM.
const defaults = { N: 16384, r: 8, p: 1, maxmem: 32 << 20 };

// One of two spellings of a parameter (N or cost ...); giving both is an error.
function pick(options, short, long, fallback) {
  let value = fallback;
  if (options[short] !== undefined) {
    value = options[short];
    validateUint32(value, short);
  }
  if (options[long] !== undefined) {
    if (options[short] !== undefined) throw new ERR_CRYPTO_SCRYPT_INVALID_PARAMETER();
    value = options[long];
    validateUint32(value, long);
  }
  return value;
}

function prepare(password, salt, keylen, options) {
  password = getArrayBufferOrView(password, 'password');
  salt = getArrayBufferOrView(salt, 'salt');
  validateInt32(keylen, 'keylen', 0);
  let { N, r, p, maxmem } = defaults;
  if (options && options !== defaults) {
    N = pick(options, 'N', 'cost', N) || defaults.N;
    r = pick(options, 'r', 'blockSize', r) || defaults.r;
    p = pick(options, 'p', 'parallelization', p) || defaults.p;
    if (options.maxmem !== undefined) {
      maxmem = options.maxmem;
      validateInteger(maxmem, 'maxmem', 0);
      maxmem ||= defaults.maxmem;
    }
  }
  const check = binding.scryptCheck(N, r, p, maxmem);
  if (check === 1) throw nativeError('ERR_CRYPTO_INVALID_SCRYPT_PARAMS');
  if (check === 2) {
    throw nativeError('ERR_CRYPTO_INVALID_SCRYPT_PARAMS',
                      'Invalid scrypt params: error:030000AC:digital envelope routines::memory limit exceeded');
  }
  return () => {
    const out = binding.scrypt(password, salt, N, r, p, maxmem, keylen);
    if (out === null) throw nativeError('ERR_CRYPTO_INVALID_SCRYPT_PARAMS');
    return Buffer.from(out);
  };
}

function scrypt(password, salt, keylen, options, callback = defaults) {
  if (callback === defaults) {
    callback = options;
    options = defaults;
  }
  const run = prepare(password, salt, keylen, options);
  validateFunction(callback, 'callback');
  deferJob(run, callback);
}

function scryptSync(password, salt, keylen, options = defaults) {
  return prepare(password, salt, keylen, options)();
}

module.exports = { scrypt, scryptSync };
