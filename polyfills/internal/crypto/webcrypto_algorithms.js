'use strict';

// WebCrypto's algorithm registry and normalizeAlgorithm(): which algorithm
// names each operation accepts, and which dictionary members they read.

const { emitExperimentalWarning, lazyDOMException } = require('internal/util');

// operation -> algorithm name -> dictionary type (null: the name alone).
const kSupportedAlgorithms = {
  'digest': { 'SHA-1': null, 'SHA-256': null, 'SHA-384': null, 'SHA-512': null },
  'generateKey': {
    'RSASSA-PKCS1-v1_5': 'RsaHashedKeyGenParams', 'RSA-PSS': 'RsaHashedKeyGenParams',
    'RSA-OAEP': 'RsaHashedKeyGenParams', 'ECDSA': 'EcKeyGenParams', 'ECDH': 'EcKeyGenParams',
    'AES-CTR': 'AesKeyGenParams', 'AES-CBC': 'AesKeyGenParams', 'AES-GCM': 'AesKeyGenParams',
    'AES-KW': 'AesKeyGenParams', 'HMAC': 'HmacKeyGenParams',
  },
  'sign': { 'RSASSA-PKCS1-v1_5': null, 'RSA-PSS': 'RsaPssParams', 'ECDSA': 'EcdsaParams', 'HMAC': null },
  'verify': { 'RSASSA-PKCS1-v1_5': null, 'RSA-PSS': 'RsaPssParams', 'ECDSA': 'EcdsaParams', 'HMAC': null },
  'importKey': {
    'RSASSA-PKCS1-v1_5': 'RsaHashedImportParams', 'RSA-PSS': 'RsaHashedImportParams',
    'RSA-OAEP': 'RsaHashedImportParams', 'ECDSA': 'EcKeyImportParams', 'ECDH': 'EcKeyImportParams',
    'HMAC': 'HmacImportParams', 'HKDF': null, 'PBKDF2': null, 'AES-CTR': null, 'AES-CBC': null,
    'AES-GCM': null, 'AES-KW': null,
  },
  'deriveBits': { 'HKDF': 'HkdfParams', 'PBKDF2': 'Pbkdf2Params', 'ECDH': 'EcdhKeyDeriveParams' },
  'encrypt': {
    'RSA-OAEP': 'RsaOaepParams', 'AES-CBC': 'AesCbcParams', 'AES-GCM': 'AesGcmParams',
    'AES-CTR': 'AesCtrParams',
  },
  'decrypt': {
    'RSA-OAEP': 'RsaOaepParams', 'AES-CBC': 'AesCbcParams', 'AES-GCM': 'AesGcmParams',
    'AES-CTR': 'AesCtrParams',
  },
  'get key length': {
    'AES-CBC': 'AesDerivedKeyParams', 'AES-CTR': 'AesDerivedKeyParams',
    'AES-GCM': 'AesDerivedKeyParams', 'AES-KW': 'AesDerivedKeyParams', 'HMAC': 'HmacImportParams',
    'HKDF': null, 'PBKDF2': null,
  },
  'wrapKey': { 'AES-KW': null },
  'unwrapKey': { 'AES-KW': null },
};

// Node marks these experimental: the first lookup warns.
const kExperimental = {
  'X25519': { generateKey: null, importKey: null, deriveBits: 'EcdhKeyDeriveParams' },
  'Ed25519': { generateKey: null, sign: null, verify: null, importKey: null },
  'X448': { generateKey: null, importKey: null, deriveBits: 'EcdhKeyDeriveParams' },
  'Ed448': { generateKey: null, sign: 'Ed448Params', verify: 'Ed448Params', importKey: null },
};
for (const [name, ops] of Object.entries(kExperimental)) {
  for (const [op, dict] of Object.entries(ops)) {
    Object.defineProperty(kSupportedAlgorithms[op], name, {
      __proto__: null,
      get() {
        emitExperimentalWarning(`The ${name} Web Crypto API algorithm`);
        return dict;
      },
      enumerable: true,
    });
  }
}

// dictionary type -> [member, kind, required]; kind: 'hash' (an algorithm
// normalized for digest), 'buffer' (copied), or 'value'.
const kDictionaries = {
  RsaHashedKeyGenParams: [['modulusLength', 'ulong', true], ['publicExponent', 'value', true],
    ['hash', 'hash', true]],
  EcKeyGenParams: [['namedCurve', 'value', true]],
  AesKeyGenParams: [['length', 'ushort', true]],
  HmacKeyGenParams: [['hash', 'hash', true], ['length', 'ulong', false]],
  RsaPssParams: [['saltLength', 'ulong', true]],
  EcdsaParams: [['hash', 'hash', true]],
  RsaHashedImportParams: [['hash', 'hash', true]],
  EcKeyImportParams: [['namedCurve', 'value', true]],
  HmacImportParams: [['hash', 'hash', true], ['length', 'ulong', false]],
  HkdfParams: [['hash', 'hash', true], ['salt', 'buffer', true], ['info', 'buffer', true]],
  Pbkdf2Params: [['hash', 'hash', true], ['iterations', 'ulong', true], ['salt', 'buffer', true]],
  EcdhKeyDeriveParams: [['public', 'value', true]],
  RsaOaepParams: [['label', 'buffer', false]],
  AesCbcParams: [['iv', 'buffer', true]],
  AesGcmParams: [['iv', 'buffer', true], ['tagLength', 'octet', false],
    ['additionalData', 'buffer', false]],
  AesCtrParams: [['counter', 'buffer', true], ['length', 'octet', true]],
  AesDerivedKeyParams: [['length', 'ushort', true]],
  Ed448Params: [['context', 'buffer', false]],
};

function codedTypeError(message, code) {
  const err = new TypeError(message);
  err.code = code;
  return err;
}

const kIntegerMax = { ulong: 2 ** 32 - 1, ushort: 2 ** 16 - 1, octet: 2 ** 8 - 1 };

// WebIDL [EnforceRange] integers.
function enforceRange(value, kind, dictName, member) {
  const number = typeof value === 'bigint' ? NaN : Number(value);
  if (!Number.isFinite(number)) {
    throw codedTypeError(`Failed to normalize algorithm: ${member} in ${dictName} is not a finite number.`,
                         'ERR_INVALID_ARG_TYPE');
  }
  const integer = Math.trunc(number);
  if (integer < 0 || integer > kIntegerMax[kind]) {
    throw codedTypeError(`Failed to normalize algorithm: ${member} in ${dictName} is outside the ` +
                         'accepted range.', 'ERR_INVALID_ARG_VALUE');
  }
  return integer;
}

function copyBuffer(value, dictName, member) {
  if (ArrayBuffer.isView(value)) {
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength).slice();
  }
  if (value instanceof ArrayBuffer) return new Uint8Array(value).slice();
  throw codedTypeError(`Failed to normalize algorithm: ${member} in ${dictName} is not instance of ` +
                       'ArrayBuffer, Buffer, TypedArray, or DataView.', 'ERR_INVALID_ARG_TYPE');
}

function normalizeAlgorithm(algorithm, op) {
  if (typeof algorithm !== 'object' || algorithm === null) {
    if (typeof algorithm === 'symbol') {
      throw codedTypeError('Failed to normalize algorithm: passed algorithm is a Symbol',
                           'ERR_INVALID_ARG_TYPE');
    }
    algorithm = { name: `${algorithm}` };
  }
  if (algorithm.name === undefined) {
    throw codedTypeError("Failed to normalize algorithm: passed algorithm can not be converted to " +
                         "'Algorithm' because 'name' is required in 'Algorithm'.", 'ERR_MISSING_OPTION');
  }
  const registered = kSupportedAlgorithms[op];
  const wanted = `${algorithm.name}`.toUpperCase();
  let name, dictName;
  for (const key of Object.keys(registered)) {
    if (key.toUpperCase() === wanted) {
      name = key;
      dictName = registered[key];
    }
  }
  if (name === undefined) throw lazyDOMException('Unrecognized algorithm name', 'NotSupportedError');
  const normalized = { name };
  if (dictName === null) return normalized;
  for (const [member, kind, required] of kDictionaries[dictName]) {
    const value = algorithm[member];
    if (value === undefined) {
      if (required) {
        throw codedTypeError(`Failed to normalize algorithm: passed algorithm can not be converted to ` +
                             `'${dictName}' because '${member}' is required in '${dictName}'.`,
                             'ERR_MISSING_OPTION');
      }
      continue;
    }
    if (kind === 'hash') normalized[member] = normalizeAlgorithm(value, 'digest');
    else if (kind === 'buffer') normalized[member] = copyBuffer(value, dictName, member);
    else if (kind === 'value') normalized[member] = value;
    else normalized[member] = enforceRange(value, kind, dictName, member);
  }
  return normalized;
}

module.exports = { kSupportedAlgorithms, normalizeAlgorithm };
