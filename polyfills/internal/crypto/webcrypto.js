'use strict';

// The Web Crypto API: globalThis.crypto (Crypto), its SubtleCrypto and
// CryptoKey.  Covered here: digest; secret keys (HMAC, AES, PBKDF2, HKDF)
// through generateKey/importKey/exportKey; HMAC sign/verify; AES-CBC/CTR/GCM
// encrypt/decrypt; PBKDF2/HKDF deriveBits.  Asymmetric algorithms are not.

const { Buffer } = require('buffer');
const {
  codes: { ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_THIS },
} = require('internal/errors');
const { lazyDOMException } = require('internal/util');
const { binding, kKeyObject, kHandle } = require('internal/crypto/util');
const random = require('internal/crypto/random');
const { createSecretKey } = require('internal/crypto/keys');

function typeError(message, code) {
  const err = new TypeError(message);
  err.code = code;
  return err;
}

function requireArgs(length, required, prefix) {
  if (length < required) {
    throw typeError(`${prefix}: ${required} argument${required === 1 ? '' : 's'} required, ` +
                    `but only ${length} present.`, 'ERR_MISSING_ARGS');
  }
}

function bufferSource(value, prefix, context) {
  if (ArrayBuffer.isView(value)) {
    if (typeof SharedArrayBuffer === 'function' && value.buffer instanceof SharedArrayBuffer) {
      throw typeError(`${prefix}: ${context} is a view on a SharedArrayBuffer, which is not allowed.`,
                      'ERR_INVALID_ARG_TYPE');
    }
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  }
  if (!(value instanceof ArrayBuffer)) {
    throw typeError(`${prefix}: ${context} is not instance of ArrayBuffer, Buffer, TypedArray, ` +
                    'or DataView.', 'ERR_INVALID_ARG_TYPE');
  }
  return Buffer.from(value);
}

const kAlgorithms = {
  'sha-1': 'SHA-1', 'sha-256': 'SHA-256', 'sha-384': 'SHA-384', 'sha-512': 'SHA-512',
  'hmac': 'HMAC', 'aes-cbc': 'AES-CBC', 'aes-ctr': 'AES-CTR', 'aes-gcm': 'AES-GCM',
  'aes-kw': 'AES-KW', 'pbkdf2': 'PBKDF2', 'hkdf': 'HKDF',
};
const kDigests = ['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512'];

// A dictionary with a canonical `name`, as WebCrypto's normalizeAlgorithm.
function normalizeAlgorithm(algorithm) {
  if (typeof algorithm === 'string') algorithm = { name: algorithm };
  if (algorithm === null || typeof algorithm !== 'object' || algorithm.name === undefined) {
    throw typeError('Algorithm: name: Missing required property', 'ERR_MISSING_OPTION');
  }
  const name = kAlgorithms[`${algorithm.name}`.toLowerCase()];
  if (name === undefined) throw lazyDOMException('Unrecognized algorithm name', 'NotSupportedError');
  const normalized = { ...algorithm, name };
  if (normalized.hash !== undefined) normalized.hash = normalizeAlgorithm(normalized.hash);
  return normalized;
}

const kSha = { 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };

function hashName(algorithm) {
  if (algorithm === undefined || !kDigests.includes(algorithm.name)) {
    throw lazyDOMException('Unrecognized algorithm name', 'NotSupportedError');
  }
  return kSha[algorithm.name];
}

class CryptoKey {
  constructor() { throw new ERR_ILLEGAL_CONSTRUCTOR(); }
}
Object.defineProperty(CryptoKey.prototype, Symbol.toStringTag, {
  __proto__: null, configurable: true, value: 'CryptoKey',
});

// A key's algorithm, extractability and usages, kept out of reach of user code.
const keyState = new WeakMap();
function makeKey(keyObject, algorithm, extractable, usages) {
  const key = Object.create(CryptoKey.prototype);
  Object.defineProperty(key, kKeyObject, { __proto__: null, value: keyObject });
  keyState.set(key, { algorithm, extractable, usages });
  return key;
}
Object.defineProperties(CryptoKey.prototype, {
  type: { __proto__: null, enumerable: true, configurable: true, get() { return this[kKeyObject].type; } },
  extractable: { __proto__: null, enumerable: true, configurable: true, get() { return keyState.get(this).extractable; } },
  algorithm: { __proto__: null, enumerable: true, configurable: true, get() { return keyState.get(this).algorithm; } },
  usages: { __proto__: null, enumerable: true, configurable: true, get() { return keyState.get(this).usages.slice(); } },
});

const kUsages = {
  HMAC: ['sign', 'verify'],
  'AES-CBC': ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'],
  'AES-CTR': ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'],
  'AES-GCM': ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'],
  'AES-KW': ['wrapKey', 'unwrapKey'],
  PBKDF2: ['deriveKey', 'deriveBits'],
  HKDF: ['deriveKey', 'deriveBits'],
};

function checkUsages(name, usages) {
  const allowed = kUsages[name];
  for (const usage of usages) {
    if (!allowed.includes(usage)) {
      throw lazyDOMException(`Unsupported key usage for a ${name} key`, 'SyntaxError');
    }
  }
}

function secretAlgorithm(algorithm, bytes) {
  const { name } = algorithm;
  if (name === 'HMAC') {
    const hash = { name: algorithm.hash.name };
    hashName(hash);
    return { name, hash, length: algorithm.length ?? bytes.length * 8 };
  }
  if (name.startsWith('AES-')) {
    if (![16, 24, 32].includes(bytes.length)) {
      throw lazyDOMException('Invalid key length', 'DataError');
    }
    return { name, length: bytes.length * 8 };
  }
  return { name };
}

function importSecret(bytes, algorithm, extractable, usages) {
  checkUsages(algorithm.name, usages);
  if ((algorithm.name === 'PBKDF2' || algorithm.name === 'HKDF') && extractable) {
    throw lazyDOMException(`${algorithm.name} keys are not extractable`, 'SyntaxError');
  }
  const keyAlgorithm = secretAlgorithm(algorithm, bytes);
  return makeKey(createSecretKey(bytes), keyAlgorithm, extractable, usages);
}

function keyBytes(key) {
  return key[kKeyObject][kHandle].bytes;
}

function checkKey(key, algorithm, usage) {
  if (key === null || typeof key !== 'object' || !keyState.has(key)) {
    throw typeError('The "key" argument must be an instance of CryptoKey.', 'ERR_INVALID_ARG_TYPE');
  }
  if (key.algorithm.name !== algorithm.name) {
    throw lazyDOMException('The requested operation is not valid for the provided key',
                           'InvalidAccessError');
  }
  if (!key.usages.includes(usage)) {
    throw lazyDOMException('The requested operation is not valid for the provided key',
                           'InvalidAccessError');
  }
}

function hmac(hash, key, data) {
  const state = binding.hmacNew(hash, key);
  binding.hmacUpdate(state, data);
  return Buffer.from(binding.hmacDigest(state));
}

function aesCipher(algorithm, key, data, encrypt) {
  const bytes = keyBytes(key);
  const bits = bytes.length * 8;
  let name, iv, tagLength = 16;
  if (algorithm.name === 'AES-CBC') {
    iv = bufferSource(algorithm.iv, 'AesCbcParams', 'iv');
    if (iv.length !== 16) throw lazyDOMException('algorithm.iv must contain exactly 16 bytes', 'OperationError');
    name = `aes-${bits}-cbc`;
  } else if (algorithm.name === 'AES-CTR') {
    iv = bufferSource(algorithm.counter, 'AesCtrParams', 'counter');
    if (iv.length !== 16) throw lazyDOMException('AES-CTR algorithm.counter must contain exactly 16 bytes', 'OperationError');
    if (algorithm.length !== 128) {
      // Only a full 128-bit counter block wraps as OpenSSL's CTR mode does.
      if (!(algorithm.length > 0 && algorithm.length <= 128)) {
        throw lazyDOMException('AES-CTR algorithm.length must be between 1 and 128', 'OperationError');
      }
    }
    name = `aes-${bits}-ctr`;
  } else {
    iv = bufferSource(algorithm.iv, 'AesGcmParams', 'iv');
    tagLength = (algorithm.tagLength ?? 128) / 8;
    if (![4, 8, 12, 13, 14, 15, 16].includes(tagLength)) {
      throw lazyDOMException(`${algorithm.tagLength} is not a valid AES-GCM tag length`, 'OperationError');
    }
    name = `aes-${bits}-gcm`;
  }
  const state = binding.cipherNew(name, bytes, iv, encrypt, tagLength);
  if (algorithm.name === 'AES-GCM' && algorithm.additionalData !== undefined) {
    binding.cipherSetAAD(state, bufferSource(algorithm.additionalData, 'AesGcmParams', 'additionalData'), -1);
  }
  if (algorithm.name === 'AES-GCM' && !encrypt) {
    if (data.length < tagLength) {
      throw lazyDOMException('The provided data is too small.', 'OperationError');
    }
    binding.cipherSetAuthTag(state, data.subarray(data.length - tagLength));
    data = data.subarray(0, data.length - tagLength);
  }
  const head = Buffer.from(binding.cipherUpdate(state, data));
  const tail = binding.cipherFinal(state);
  if (typeof tail === 'string' || Array.isArray(tail)) {
    throw lazyDOMException('The operation failed for an operation-specific reason', 'OperationError');
  }
  const parts = [head, Buffer.from(tail)];
  if (algorithm.name === 'AES-GCM' && encrypt) parts.push(Buffer.from(binding.cipherGetAuthTag(state)));
  const out = Buffer.concat(parts);
  return out.buffer.slice(out.byteOffset, out.byteOffset + out.length);
}

function toArrayBuffer(buf) {
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length);
}

class SubtleCrypto {
  constructor() { throw new ERR_ILLEGAL_CONSTRUCTOR(); }
}
const subtle = Reflect.construct(function() {}, [], SubtleCrypto);

function checkThis(self) {
  if (self !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');
}

const methods = {
  async digest(algorithm, data) {
    checkThis(this);
    const prefix = "Failed to execute 'digest' on 'SubtleCrypto'";
    requireArgs(arguments.length, 2, prefix);
    data = bufferSource(data, prefix, '2nd argument');
    algorithm = normalizeAlgorithm(algorithm);
    const name = hashName(algorithm);
    const out = binding.hashOneShot(name, data);
    return out;
  },

  async generateKey(algorithm, extractable, keyUsages) {
    checkThis(this);
    requireArgs(arguments.length, 3, "Failed to execute 'generateKey' on 'SubtleCrypto'");
    algorithm = normalizeAlgorithm(algorithm);
    let length = algorithm.length;
    if (algorithm.name === 'HMAC') {
      length ??= { 'SHA-1': 512, 'SHA-256': 512, 'SHA-384': 1024, 'SHA-512': 1024 }[algorithm.hash?.name];
    } else if (!algorithm.name.startsWith('AES-') || ![128, 192, 256].includes(length)) {
      throw lazyDOMException('Unrecognized algorithm name', 'NotSupportedError');
    }
    const bytes = random.randomBytes(Math.ceil(length / 8));
    return importSecret(bytes, algorithm, !!extractable, [...keyUsages]);
  },

  async importKey(format, keyData, algorithm, extractable, keyUsages) {
    checkThis(this);
    requireArgs(arguments.length, 5, "Failed to execute 'importKey' on 'SubtleCrypto'");
    algorithm = normalizeAlgorithm(algorithm);
    let bytes;
    if (format === 'raw') {
      bytes = bufferSource(keyData, "Failed to execute 'importKey' on 'SubtleCrypto'", '2nd argument');
    } else if (format === 'jwk') {
      if (keyData?.kty !== 'oct') throw lazyDOMException('Invalid JWK "kty" Parameter', 'DataError');
      bytes = Buffer.from(keyData.k ?? '', 'base64url');
    } else {
      throw lazyDOMException(`Unable to import ${algorithm.name} key with format ${format}`,
                             'NotSupportedError');
    }
    return importSecret(Buffer.from(bytes), algorithm, !!extractable, [...keyUsages]);
  },

  async exportKey(format, key) {
    checkThis(this);
    requireArgs(arguments.length, 2, "Failed to execute 'exportKey' on 'SubtleCrypto'");
    if (!key.extractable) throw lazyDOMException('key is not extractable', 'InvalidAccessException');
    const bytes = keyBytes(key);
    if (format === 'raw') return toArrayBuffer(Buffer.from(bytes));
    if (format === 'jwk') {
      const jwk = { key_ops: key.usages, ext: true, kty: 'oct', k: bytes.toString('base64url') };
      const { name, hash, length } = key.algorithm;
      if (name === 'HMAC') jwk.alg = `HS${hash.name.slice(4)}`;
      else if (name.startsWith('AES-')) jwk.alg = `A${length}${name.slice(4)}`;
      return jwk;
    }
    throw lazyDOMException('Unsupported export format', 'NotSupportedError');
  },

  async sign(algorithm, key, data) {
    checkThis(this);
    requireArgs(arguments.length, 3, "Failed to execute 'sign' on 'SubtleCrypto'");
    algorithm = normalizeAlgorithm(algorithm);
    data = bufferSource(data, "Failed to execute 'sign' on 'SubtleCrypto'", '3rd argument');
    checkKey(key, algorithm, 'sign');
    return toArrayBuffer(hmac(kSha[key.algorithm.hash.name], keyBytes(key), data));
  },

  async verify(algorithm, key, signature, data) {
    checkThis(this);
    requireArgs(arguments.length, 4, "Failed to execute 'verify' on 'SubtleCrypto'");
    algorithm = normalizeAlgorithm(algorithm);
    signature = bufferSource(signature, "Failed to execute 'verify' on 'SubtleCrypto'", '3rd argument');
    data = bufferSource(data, "Failed to execute 'verify' on 'SubtleCrypto'", '4th argument');
    checkKey(key, algorithm, 'verify');
    const mac = hmac(kSha[key.algorithm.hash.name], keyBytes(key), data);
    return mac.length === signature.length && binding.timingSafeEqual(mac, signature);
  },

  async encrypt(algorithm, key, data) {
    checkThis(this);
    requireArgs(arguments.length, 3, "Failed to execute 'encrypt' on 'SubtleCrypto'");
    algorithm = normalizeAlgorithm(algorithm);
    data = bufferSource(data, "Failed to execute 'encrypt' on 'SubtleCrypto'", '3rd argument');
    checkKey(key, algorithm, 'encrypt');
    return aesCipher(algorithm, key, data, true);
  },

  async decrypt(algorithm, key, data) {
    checkThis(this);
    requireArgs(arguments.length, 3, "Failed to execute 'decrypt' on 'SubtleCrypto'");
    algorithm = normalizeAlgorithm(algorithm);
    data = bufferSource(data, "Failed to execute 'decrypt' on 'SubtleCrypto'", '3rd argument');
    checkKey(key, algorithm, 'decrypt');
    return aesCipher(algorithm, key, data, false);
  },

  async deriveBits(algorithm, baseKey, length) {
    checkThis(this);
    requireArgs(arguments.length, 3, "Failed to execute 'deriveBits' on 'SubtleCrypto'");
    algorithm = normalizeAlgorithm(algorithm);
    checkKey(baseKey, algorithm, 'deriveBits');
    if (length === null) throw lazyDOMException('length cannot be null', 'OperationError');
    if (length === 0) throw lazyDOMException('length cannot be zero', 'OperationError');
    if (length % 8) throw lazyDOMException('length must be a multiple of 8', 'OperationError');
    const hash = hashName(algorithm.hash);
    const salt = bufferSource(algorithm.salt, 'Pbkdf2Params', 'salt');
    let out;
    if (algorithm.name === 'PBKDF2') {
      if (!(algorithm.iterations > 0)) {
        throw lazyDOMException('iterations cannot be zero', 'OperationError');
      }
      out = binding.pbkdf2(hash, keyBytes(baseKey), salt, algorithm.iterations, length / 8);
    } else {
      const info = bufferSource(algorithm.info, 'HkdfParams', 'info');
      out = binding.hkdf(hash, keyBytes(baseKey), salt, info, length / 8);
    }
    return out;
  },
};

for (const [name, fn] of Object.entries(methods)) {
  Object.defineProperty(SubtleCrypto.prototype, name, {
    __proto__: null, enumerable: true, configurable: true, writable: true, value: fn,
  });
}
Object.defineProperty(SubtleCrypto.prototype, Symbol.toStringTag, {
  __proto__: null, configurable: true, value: 'SubtleCrypto',
});

class Crypto {
  constructor() { throw new ERR_ILLEGAL_CONSTRUCTOR(); }

  get subtle() {
    if (this !== crypto) throw new ERR_INVALID_THIS('Crypto');
    return subtle;
  }
}
const crypto = Reflect.construct(function() {}, [], Crypto);

function getRandomValues(array) {
  if (this !== crypto) throw new ERR_INVALID_THIS('Crypto');
  requireArgs(arguments.length, 1, "Failed to execute 'getRandomValues' on 'Crypto'");
  return random.getRandomValues(array);
}

function randomUUID() {
  if (this !== crypto) throw new ERR_INVALID_THIS('Crypto');
  return random.randomUUID();
}

Object.defineProperties(Crypto.prototype, {
  [Symbol.toStringTag]: {
    __proto__: null, enumerable: false, configurable: true, writable: false, value: 'Crypto',
  },
  subtle: { __proto__: null, enumerable: true },
  getRandomValues: {
    __proto__: null, enumerable: true, configurable: true, writable: true, value: getRandomValues,
  },
  randomUUID: {
    __proto__: null, enumerable: true, configurable: true, writable: true, value: randomUUID,
  },
});

module.exports = {
  Crypto,
  CryptoKey,
  SubtleCrypto,
  crypto,
  isCryptoKey: (value) => keyState.has(value),
};
