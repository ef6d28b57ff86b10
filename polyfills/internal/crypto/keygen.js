'use strict';

// generateKey(Sync) for secret keys and generateKeyPair(Sync) for RSA,
// DSA, EC and the Edwards/Montgomery curves (not RSA-PSS or DH yet).

const { setImmediate } = require('timers');
const {
  codes: { ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const {
  validateFunction, validateInt32, validateInteger, validateObject, validateOneOf, validateString,
  validateUint32,
} = require('internal/validators');
const { customPromisifyArgs } = require('internal/util');
const { binding, deferJob, nativeError, opensslError } = require('internal/crypto/util');
const {
  KeyObjectHandle, PrivateKeyObject, PublicKeyObject, createSecretKey, parseKeyEncoding,
} = require('internal/crypto/keys');

function pairEncodings(keyType, options = {}) {
  const { publicKeyEncoding, privateKeyEncoding } = options;
  let publicEncoding, privateEncoding;
  if (publicKeyEncoding != null) {
    if (typeof publicKeyEncoding !== 'object') {
      throw new ERR_INVALID_ARG_VALUE('options.publicKeyEncoding', publicKeyEncoding);
    }
    publicEncoding = parseKeyEncoding(publicKeyEncoding, keyType, true, 'publicKeyEncoding');
  }
  if (privateKeyEncoding != null) {
    if (typeof privateKeyEncoding !== 'object') {
      throw new ERR_INVALID_ARG_VALUE('options.privateKeyEncoding', privateKeyEncoding);
    }
    privateEncoding = parseKeyEncoding(privateKeyEncoding, keyType, false, 'privateKeyEncoding');
  }
  return [publicEncoding, privateEncoding];
}

// The RSA-PSS restrictions: hash, MGF1 hash and salt length (or nulls);
// hash/mgf1Hash are the deprecated spellings (DEP0154).
function pssParams(options) {
  const { hash, mgf1Hash, hashAlgorithm, mgf1HashAlgorithm, saltLength } = options;
  if (saltLength !== undefined) validateInt32(saltLength, 'options.saltLength', 0);
  if (hashAlgorithm !== undefined) validateString(hashAlgorithm, 'options.hashAlgorithm');
  if (mgf1HashAlgorithm !== undefined) validateString(mgf1HashAlgorithm, 'options.mgf1HashAlgorithm');
  if (hash !== undefined) {
    process.emitWarning('"options.hash" is deprecated, use "options.hashAlgorithm" instead.',
                        'DeprecationWarning', 'DEP0154');
    validateString(hash, 'options.hash');
    if (hashAlgorithm && hash !== hashAlgorithm) throw new ERR_INVALID_ARG_VALUE('options.hash', hash);
  }
  if (mgf1Hash !== undefined) {
    process.emitWarning('"options.mgf1Hash" is deprecated, use "options.mgf1HashAlgorithm" instead.',
                        'DeprecationWarning', 'DEP0154');
    validateString(mgf1Hash, 'options.mgf1Hash');
    if (mgf1HashAlgorithm && mgf1Hash !== mgf1HashAlgorithm) {
      throw new ERR_INVALID_ARG_VALUE('options.mgf1Hash', mgf1Hash);
    }
  }
  return [hashAlgorithm || hash || null, mgf1HashAlgorithm || mgf1Hash || null, saltLength ?? null];
}

// Validates the options of a key pair and returns the job that makes it:
// a function returning [publicKey, privateKey] in the requested encodings.
function keyPairJob(type, options) {
  validateString(type, 'type');
  const [publicEncoding, privateEncoding] = pairEncodings(type, options);
  if (options !== undefined) validateObject(options, 'options');
  let params;
  switch (type) {
    case 'rsa':
    case 'rsa-pss': {
      validateObject(options, 'options');
      validateUint32(options.modulusLength, 'options.modulusLength');
      let { publicExponent } = options;
      if (publicExponent == null) publicExponent = 0x10001;
      else validateUint32(publicExponent, 'options.publicExponent');
      params = [options.modulusLength, publicExponent, null, null];
      if (type === 'rsa-pss') params.push(...pssParams(options));
      break;
    }
    case 'dsa': {
      validateObject(options, 'options');
      validateUint32(options.modulusLength, 'options.modulusLength');
      let { divisorLength } = options;
      if (divisorLength != null) validateInt32(divisorLength, 'options.divisorLength', 0);
      else divisorLength = null;
      params = [options.modulusLength, null, null, divisorLength];
      break;
    }
    case 'ec': {
      validateObject(options, 'options');
      validateString(options.namedCurve, 'options.namedCurve');
      const { paramEncoding } = options;
      if (paramEncoding != null && paramEncoding !== 'named' && paramEncoding !== 'explicit') {
        throw new ERR_INVALID_ARG_VALUE('options.paramEncoding', paramEncoding);
      }
      params = [null, null, options.namedCurve, null];
      break;
    }
    case 'dh': {
      validateObject(options, 'options');
      const { group, primeLength, prime, generator } = options;
      const { codes: { ERR_INCOMPATIBLE_OPTION_PAIR, ERR_MISSING_OPTION } } = require('internal/errors');
      if (group != null) {
        if (prime != null) throw new ERR_INCOMPATIBLE_OPTION_PAIR('group', 'prime');
        if (primeLength != null) throw new ERR_INCOMPATIBLE_OPTION_PAIR('group', 'primeLength');
        if (generator != null) throw new ERR_INCOMPATIBLE_OPTION_PAIR('group', 'generator');
        validateString(group, 'options.group');
        params = [null, null, null, null, null, null, null, group, null, null];
        break;
      }
      if (prime != null) {
        if (primeLength != null) throw new ERR_INCOMPATIBLE_OPTION_PAIR('prime', 'primeLength');
        const { validateBuffer } = require('internal/validators');
        validateBuffer(prime, 'options.prime');
      } else if (primeLength != null) {
        validateInt32(primeLength, 'options.primeLength', 0);
      } else {
        throw new ERR_MISSING_OPTION('At least one of the group, prime, or primeLength options');
      }
      if (generator != null) validateInt32(generator, 'options.generator', 0);
      params = [primeLength ?? null, null, null, null, null, null, null, null, prime ?? null,
        generator ?? 2];
      break;
    }
    case 'ed25519':
    case 'ed448':
    case 'x25519':
    case 'x448':
      params = [null, null, null, null];
      break;
    default:
      throw new ERR_INVALID_ARG_VALUE('type', type, 'must be a supported key type');
  }
  return () => {
    const native = binding.keyGenerate(type, ...params);
    if (native === 'curve') throw nativeError('ERR_CRYPTO_INVALID_CURVE');
    if (native === 'group') throw nativeError('ERR_CRYPTO_UNKNOWN_DH_GROUP');
    if (Array.isArray(native) && native[0] === 'digest') {
      const { codes: { ERR_CRYPTO_INVALID_DIGEST } } = require('internal/errors');
      throw new ERR_CRYPTO_INVALID_DIGEST(native[1]);
    }
    if (Array.isArray(native)) throw opensslError(native);
    const privateKey = new PrivateKeyObject(new KeyObjectHandle(null, native));
    const publicKey = new PublicKeyObject(new KeyObjectHandle(null, binding.keyPublic(native)));
    return [
      publicEncoding ? publicKey.export(publicEncoding) : publicKey,
      privateEncoding ? privateKey.export(privateEncoding) : privateKey,
    ];
  };
}

function generateKeyPairSync(type, options) {
  const [publicKey, privateKey] = keyPairJob(type, options)();
  return { publicKey, privateKey };
}

function generateKeyPair(type, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  const job = keyPairJob(type, options);
  deferJob(job, (err, keys) => (err ? callback(err) : callback(null, keys[0], keys[1])));
}
Object.defineProperty(generateKeyPair, customPromisifyArgs, {
  __proto__: null, value: ['publicKey', 'privateKey'], enumerable: false,
});

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

module.exports = { generateKey, generateKeySync, generateKeyPair, generateKeyPairSync };
