'use strict';

// generateKey / generateKeySync: secret (HMAC and AES) keys.  Key pairs
// (generateKeyPair) are not built yet.

const { setImmediate } = require('timers');
const {
  codes: { ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const {
  validateFunction, validateInteger, validateObject, validateOneOf, validateString,
} = require('internal/validators');
const { binding } = require('internal/crypto/util');
const { createSecretKey } = require('internal/crypto/keys');

// Validates and returns the key's size in bytes (lengths are in bits).
function secretKeySize(type, options) {
  validateString(type, 'type');
  validateObject(options, 'options');
  const { length } = options;
  if (type === 'hmac') validateInteger(length, 'options.length', 8, 2 ** 31 - 1);
  else if (type === 'aes') validateOneOf(length, 'options.length', [128, 192, 256]);
  else throw new ERR_INVALID_ARG_VALUE('type', type, 'must be a supported key type');
  return Math.floor(length / 8);
}

function generateKeySync(type, options) {
  return createSecretKey(new Uint8Array(binding.randomBytes(secretKeySize(type, options))));
}

function generateKey(type, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  const size = secretKeySize(type, options);
  setImmediate(() => {
    callback(null, createSecretKey(new Uint8Array(binding.randomBytes(size))));
  });
}

module.exports = { generateKey, generateKeySync };
