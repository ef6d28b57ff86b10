'use strict';

// DiffieHellman, DiffieHellmanGroup, ECDH and crypto.diffieHellman().

const { Buffer } = require('buffer');
const {
  codes: {
    ERR_CRYPTO_ECDH_INVALID_FORMAT,
    ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY,
    ERR_CRYPTO_INCOMPATIBLE_KEY,
    ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
  },
} = require('internal/errors');
const { validateInt32, validateObject, validateString } = require('internal/validators');
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/util/types');
const {
  binding, getArrayBufferOrView, kHandle, nativeError, opensslError,
} = require('internal/crypto/util');
const { KeyObject } = require('internal/crypto/keys');

const kDefaultGenerator = 2;
const kInputTypes = ['number', 'string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'];

function toBytes(value, encoding) {
  if (typeof value === 'string') {
    return Buffer.from(value, encoding === 'buffer' || !encoding ? 'utf8' : encoding);
  }
  return value;
}

function encode(arrayBuffer, encoding) {
  const buf = Buffer.from(arrayBuffer);
  return encoding && encoding !== 'buffer' ? buf.toString(encoding) : buf;
}

function defineVerifyError(self) {
  Object.defineProperty(self, 'verifyError', {
    __proto__: null, enumerable: true, value: binding.dhVerifyError(self[kHandle]), writable: false,
  });
}

function checkHandle(handle) {
  if (Array.isArray(handle)) throw opensslError(handle);
  return handle;
}

function DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding) {
  if (!(this instanceof DiffieHellman)) {
    return new DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding);
  }
  if (typeof sizeOrKey !== 'number' && typeof sizeOrKey !== 'string' &&
      !isArrayBufferView(sizeOrKey) && !isAnyArrayBuffer(sizeOrKey)) {
    throw new ERR_INVALID_ARG_TYPE('sizeOrKey', kInputTypes, sizeOrKey);
  }
  // OpenSSL itself refuses negative sizes, so any int32 passes here.
  if (typeof sizeOrKey === 'number') validateInt32(sizeOrKey, 'sizeOrKey');
  // (prime, generator, genEncoding) when the second argument is no encoding.
  if (keyEncoding && !Buffer.isEncoding(keyEncoding) && keyEncoding !== 'buffer') {
    genEncoding = generator;
    generator = keyEncoding;
    keyEncoding = false;
  }
  if (typeof sizeOrKey !== 'number') sizeOrKey = toBytes(sizeOrKey, keyEncoding);
  if (!generator) {
    generator = kDefaultGenerator;
  } else if (typeof generator === 'number') {
    validateInt32(generator, 'generator');
  } else if (typeof generator === 'string') {
    generator = toBytes(generator, genEncoding);
  } else if (!isArrayBufferView(generator) && !isAnyArrayBuffer(generator)) {
    throw new ERR_INVALID_ARG_TYPE('generator', kInputTypes, generator);
  }
  const asBytes = (v) => (isAnyArrayBuffer(v) ? new Uint8Array(v) : v);
  this[kHandle] = checkHandle(binding.dhNew(asBytes(sizeOrKey), asBytes(generator)));
  defineVerifyError(this);
}

function DiffieHellmanGroup(name) {
  if (!(this instanceof DiffieHellmanGroup)) return new DiffieHellmanGroup(name);
  const handle = binding.dhGroup(`${name}`);
  if (handle === null) throw nativeError('ERR_CRYPTO_UNKNOWN_DH_GROUP');
  this[kHandle] = handle;
  defineVerifyError(this);
}

function dhGet(self, what, label) {
  const value = binding.dhGet(self[kHandle], what);
  if (value === null) {
    throw nativeError('ERR_CRYPTO_INVALID_STATE', `No ${label} key - did you forget to generate one?`);
  }
  return value;
}

const dhMethods = {
  generateKeys(encoding) {
    const out = binding.dhGenerateKeys(this[kHandle]);
    if (Array.isArray(out)) throw opensslError(out);
    return encode(out, encoding);
  },
  computeSecret(key, inEnc, outEnc) {
    key = getArrayBufferOrView(key, 'key', inEnc);
    const out = binding.dhComputeSecret(this[kHandle], key);
    if (out === 'small') throw nativeError('ERR_CRYPTO_INVALID_KEYLEN', 'Supplied key is too small');
    if (out === 'large') throw nativeError('ERR_CRYPTO_INVALID_KEYLEN', 'Supplied key is too large');
    if (out === 'nokey') throw new ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY();
    return encode(out, outEnc);
  },
  getPrime(encoding) { return encode(binding.dhGet(this[kHandle], 'p'), encoding); },
  getGenerator(encoding) { return encode(binding.dhGet(this[kHandle], 'g'), encoding); },
  getPublicKey(encoding) { return encode(dhGet(this, 'pub', 'public'), encoding); },
  getPrivateKey(encoding) { return encode(dhGet(this, 'priv', 'private'), encoding); },
};
for (const ctor of [DiffieHellman, DiffieHellmanGroup]) {
  for (const [name, fn] of Object.entries(dhMethods)) ctor.prototype[name] = fn;
}

DiffieHellman.prototype.setPublicKey = function setPublicKey(key, encoding) {
  binding.dhSet(this[kHandle], 'pub', getArrayBufferOrView(key, 'key', encoding));
  return this;
};

DiffieHellman.prototype.setPrivateKey = function setPrivateKey(key, encoding) {
  binding.dhSet(this[kHandle], 'priv', getArrayBufferOrView(key, 'key', encoding));
  return this;
};

// POINT_CONVERSION_* for the format names.
function pointForm(format) {
  if (format) {
    if (format === 'compressed') return 2;
    if (format === 'hybrid') return 6;
    if (format !== 'uncompressed') throw new ERR_CRYPTO_ECDH_INVALID_FORMAT(format);
  }
  return 4;
}

function ECDH(curve) {
  if (!(this instanceof ECDH)) return new ECDH(curve);
  validateString(curve, 'curve');
  const handle = binding.ecdhNew(curve);
  if (handle === null) throw nativeError('ERR_CRYPTO_INVALID_CURVE');
  this[kHandle] = handle;
}

ECDH.prototype.generateKeys = function generateKeys(encoding, format) {
  binding.ecdhGenerateKeys(this[kHandle]);
  return this.getPublicKey(encoding, format);
};

ECDH.prototype.getPublicKey = function getPublicKey(encoding, format) {
  const form = pointForm(format);
  const key = binding.ecdhGetPublicKey(this[kHandle], form);
  if (key === null) throw nativeError('ERR_CRYPTO_OPERATION_FAILED', 'Failed to get ECDH public key');
  return encode(key, encoding);
};

ECDH.prototype.getPrivateKey = function getPrivateKey(encoding) {
  const key = binding.ecdhGetPrivateKey(this[kHandle]);
  if (key === null) throw nativeError('ERR_CRYPTO_OPERATION_FAILED', 'Failed to get ECDH private key');
  return encode(key, encoding);
};

ECDH.prototype.setPrivateKey = function setPrivateKey(key, encoding) {
  key = getArrayBufferOrView(key, 'key', encoding);
  if (binding.ecdhSetPrivateKey(this[kHandle], key) === 'keytype') {
    throw nativeError('ERR_CRYPTO_INVALID_KEYTYPE', 'Private key is not valid for specified curve.');
  }
  return this;
};

ECDH.prototype.setPublicKey = function setPublicKey(key, encoding) {
  key = getArrayBufferOrView(key, 'key', encoding);
  if (binding.ecdhSetPublicKey(this[kHandle], key) === 'point') {
    throw nativeError('ERR_CRYPTO_OPERATION_FAILED', 'Failed to convert Buffer to EC_POINT');
  }
  return this;
};

ECDH.prototype.computeSecret = function computeSecret(key, inEnc, outEnc) {
  key = getArrayBufferOrView(key, 'key', inEnc);
  const out = binding.ecdhComputeSecret(this[kHandle], key);
  if (out === 'keypair') throw nativeError('ERR_CRYPTO_INVALID_KEYPAIR');
  if (out === 'point') throw new ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY();
  return encode(out, outEnc);
};

ECDH.convertKey = function convertKey(key, curve, inEnc, outEnc, format) {
  validateString(curve, 'curve');
  key = getArrayBufferOrView(key, 'key', inEnc);
  const form = pointForm(format);
  const out = binding.ecdhConvertKey(curve, key, form);
  if (out === 'curve') throw nativeError('ERR_CRYPTO_INVALID_CURVE');
  if (out === 'point') throw nativeError('ERR_CRYPTO_OPERATION_FAILED', 'Failed to convert Buffer to EC_POINT');
  return encode(out, outEnc);
};

const kDHKeyTypes = new Set(['dh', 'ec', 'x448', 'x25519']);

function diffieHellman(options) {
  validateObject(options, 'options');
  const { privateKey, publicKey } = options;
  if (!(privateKey instanceof KeyObject)) throw new ERR_INVALID_ARG_VALUE('options.privateKey', privateKey);
  if (!(publicKey instanceof KeyObject)) throw new ERR_INVALID_ARG_VALUE('options.publicKey', publicKey);
  if (privateKey.type !== 'private') throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(privateKey.type, 'private');
  if (publicKey.type !== 'public' && publicKey.type !== 'private') {
    throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(publicKey.type, 'private or public');
  }
  const privateType = privateKey.asymmetricKeyType;
  const publicType = publicKey.asymmetricKeyType;
  if (privateType !== publicType || !kDHKeyTypes.has(privateType)) {
    throw new ERR_CRYPTO_INCOMPATIBLE_KEY('key types for Diffie-Hellman', `${privateType} and ${publicType}`);
  }
  const out = binding.keyExchange(privateKey[kHandle].native, publicKey[kHandle].native);
  if (Array.isArray(out)) throw opensslError(out);
  return Buffer.from(out);
}

module.exports = { DiffieHellman, DiffieHellmanGroup, ECDH, diffieHellman };
