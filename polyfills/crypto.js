'use strict';

// node:crypto.  The pieces live under internal/crypto/ as in Node; the
// Web Crypto half loads on first use of webcrypto/subtle.

const {
  codes: {
    ERR_CRYPTO_FIPS_FORCED,
    ERR_CRYPTO_CUSTOM_ENGINE_NOT_SUPPORTED,
  },
} = require('internal/errors');
const { validateString, validateNumber } = require('internal/validators');
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/util/types');
const { deprecate } = require('internal/util');
const {
  binding, getHashes, getCiphers, getCurves, nativeError,
} = require('internal/crypto/util');
const { Hash, Hmac, hash } = require('internal/crypto/hash');
const random = require('internal/crypto/random');
const { pbkdf2, pbkdf2Sync } = require('internal/crypto/pbkdf2');
const { scrypt, scryptSync } = require('internal/crypto/scrypt');
const { hkdf, hkdfSync } = require('internal/crypto/hkdf');
const keys = require('internal/crypto/keys');
const {
  generateKey, generateKeySync, generateKeyPair, generateKeyPairSync,
} = require('internal/crypto/keygen');
const {
  Cipher, Cipheriv, Decipher, Decipheriv, getCipherInfo,
  privateDecrypt, privateEncrypt, publicDecrypt, publicEncrypt,
} = require('internal/crypto/cipher');
const {
  Sign, Verify, signOneShot, verifyOneShot,
} = require('internal/crypto/sig');
const {
  DiffieHellman, DiffieHellmanGroup, ECDH, diffieHellman,
} = require('internal/crypto/diffiehellman');
const { X509Certificate } = require('internal/crypto/x509');
const Certificate = require('internal/crypto/certificate');

const constants = { ...binding.constants };

function createHash(algorithm, options) { return new Hash(algorithm, options); }
function createHmac(hmac, key, options) { return new Hmac(hmac, key, options); }
function createDiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding) {
  return new DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding);
}
function createDiffieHellmanGroup(name) { return new DiffieHellmanGroup(name); }
function createECDH(curve) { return new ECDH(curve); }
function createSign(algorithm, options) { return new Sign(algorithm, options); }
function createVerify(algorithm, options) { return new Verify(algorithm, options); }
function createCipheriv(cipher, key, iv, options) { return new Cipheriv(cipher, key, iv, options); }
function createDecipheriv(cipher, key, iv, options) {
  return new Decipheriv(cipher, key, iv, options);
}
function createCipher(cipher, password, options) { return new Cipher(cipher, password, options); }
function createDecipher(cipher, password, options) {
  return new Decipher(cipher, password, options);
}

// Checked natively in Node: the message names no received value.
function checkBufferArg(value, name) {
  if (!isAnyArrayBuffer(value) && !isArrayBufferView(value)) {
    const err = new TypeError(`The "${name}" argument must be an instance of ` +
                              'ArrayBuffer, Buffer, TypedArray, or DataView.');
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
}

function timingSafeEqual(buf1, buf2) {
  checkBufferArg(buf1, 'buf1');
  checkBufferArg(buf2, 'buf2');
  if (buf1.byteLength !== buf2.byteLength) {
    throw nativeError('ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH');
  }
  return binding.timingSafeEqual(buf1, buf2);
}

// This build has no FIPS provider and no engines.
function getFips() { return 0; }
function setFips(value) {
  if (value) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_CRYPTO_FIPS_UNAVAILABLE();
  }
}
function setEngine(id, flags) {
  validateString(id, 'id');
  if (flags !== undefined) validateNumber(flags, 'flags');
  throw new ERR_CRYPTO_CUSTOM_ENGINE_NOT_SUPPORTED();
}
function secureHeapUsed() {
  return { total: 0, min: 0, used: 0, utilization: 0 };
}

function getRandomValues(array) {
  return lazyWebCrypto().crypto.getRandomValues(array);
}

let webcrypto;
function lazyWebCrypto() {
  return (webcrypto ??= require('internal/crypto/webcrypto'));
}

module.exports = {
  checkPrime: random.checkPrime,
  checkPrimeSync: random.checkPrimeSync,
  createCipheriv,
  createDecipheriv,
  createDiffieHellman,
  createDiffieHellmanGroup,
  createECDH,
  createHash,
  createHmac,
  createPrivateKey: keys.createPrivateKey,
  createPublicKey: keys.createPublicKey,
  createSecretKey: keys.createSecretKey,
  createSign,
  createVerify,
  diffieHellman,
  generateKeyPair,
  generateKeyPairSync,
  generateKey,
  generateKeySync,
  generatePrime: random.generatePrime,
  generatePrimeSync: random.generatePrimeSync,
  getCiphers,
  getCipherInfo,
  getCurves,
  getDiffieHellman: createDiffieHellmanGroup,
  getHashes,
  hkdf,
  hkdfSync,
  pbkdf2,
  pbkdf2Sync,
  privateDecrypt,
  privateEncrypt,
  publicDecrypt,
  publicEncrypt,
  randomBytes: random.randomBytes,
  randomFill: random.randomFill,
  randomFillSync: random.randomFillSync,
  randomInt: random.randomInt,
  randomUUID: random.randomUUID,
  scrypt,
  scryptSync,
  sign: signOneShot,
  setEngine,
  timingSafeEqual,
  getFips,
  setFips,
  verify: verifyOneShot,
  hash,
  Certificate,
  Cipher,
  Cipheriv,
  Decipher,
  Decipheriv,
  DiffieHellman,
  DiffieHellmanGroup,
  ECDH,
  Hash,
  Hmac,
  KeyObject: keys.KeyObject,
  Sign,
  Verify,
  X509Certificate,
  secureHeapUsed,
};

// The TLS half of the constants reads --tls-cipher-list when first asked.
Object.defineProperty(constants, 'defaultCipherList', {
  __proto__: null,
  get() {
    const value = require('internal/options').getOptionValue('--tls-cipher-list') ||
      constants.defaultCoreCipherList;
    Object.defineProperty(this, 'defaultCipherList', {
      __proto__: null, writable: true, configurable: true, enumerable: true, value,
    });
    return value;
  },
  set(value) {
    Object.defineProperty(this, 'defaultCipherList', {
      __proto__: null, writable: true, configurable: true, enumerable: true, value,
    });
  },
  configurable: true,
  enumerable: true,
});

function randomBytesAlias(name) {
  const define = (self, value, enumerable) => Object.defineProperty(self, name, {
    __proto__: null, enumerable, configurable: true, writable: true, value,
  });
  return {
    __proto__: null,
    enumerable: false,
    configurable: true,
    get() {
      const pending = require('internal/options').getOptionValue('--pending-deprecation');
      const value = pending ?
        deprecate(random.randomBytes, `crypto.${name} is deprecated.`, 'DEP0115') :
        random.randomBytes;
      define(this, value, false);
      return value;
    },
    set(value) { define(this, value, true); },
  };
}

Object.defineProperties(module.exports, {
  createCipher: {
    __proto__: null,
    enumerable: false,
    value: deprecate(createCipher, 'crypto.createCipher is deprecated.', 'DEP0106'),
  },
  createDecipher: {
    __proto__: null,
    enumerable: false,
    value: deprecate(createDecipher, 'crypto.createDecipher is deprecated.', 'DEP0106'),
  },
  fips: { __proto__: null, get: getFips, set: setFips },
  constants: { __proto__: null, configurable: false, enumerable: true, value: constants },
  webcrypto: {
    __proto__: null, configurable: false, enumerable: true,
    get() { return lazyWebCrypto().crypto; }, set: undefined,
  },
  subtle: {
    __proto__: null, configurable: false, enumerable: true,
    get() { return lazyWebCrypto().crypto.subtle; }, set: undefined,
  },
  getRandomValues: {
    __proto__: null, configurable: false, enumerable: true,
    get() { return getRandomValues; }, set: undefined,
  },
  prng: randomBytesAlias('prng'),
  pseudoRandomBytes: randomBytesAlias('pseudoRandomBytes'),
  rng: randomBytesAlias('rng'),
});
