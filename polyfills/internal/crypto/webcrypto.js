'use strict';

// The Web Crypto API: globalThis.crypto (Crypto), SubtleCrypto and
// CryptoKey.  A CryptoKey wraps a KeyObject; every operation runs on the
// same bindings as node:crypto.  Supported: SHA digests; HMAC; AES-CTR/CBC/
// GCM/KW; PBKDF2; HKDF; RSASSA-PKCS1-v1_5, RSA-PSS, RSA-OAEP; ECDSA, ECDH
// (P-256/384/521); Ed25519/Ed448, X25519/X448.

const { Buffer } = require('buffer');
const {
  codes: { ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_THIS },
} = require('internal/errors');
const { lazyDOMException } = require('internal/util');
const { binding, kKeyObject, kHandle } = require('internal/crypto/util');
const random = require('internal/crypto/random');
const keys = require('internal/crypto/keys');
const { normalizeAlgorithm } = require('internal/crypto/webcrypto_algorithms');
const { kClone, kDeserialize, markTransferMode } = require('internal/worker/js_transferable');

function codedTypeError(message, code) {
  const err = new TypeError(message);
  err.code = code;
  return err;
}

function requireArgs(length, required, prefix) {
  if (length < required) {
    throw codedTypeError(`${prefix}: ${required} argument${required === 1 ? '' : 's'} required, ` +
                         `but only ${length} present.`, 'ERR_MISSING_ARGS');
  }
}

// WebIDL BufferSource: a copy of the bytes (the caller may change them).
function bufferSource(value, prefix, context) {
  if (ArrayBuffer.isView(value)) {
    if (typeof SharedArrayBuffer === 'function' && value.buffer instanceof SharedArrayBuffer) {
      throw codedTypeError(`${prefix}: ${context} is a view on a SharedArrayBuffer, which is not allowed.`,
                           'ERR_INVALID_ARG_TYPE');
    }
    return Buffer.from(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
  }
  if (!(value instanceof ArrayBuffer)) {
    throw codedTypeError(`${prefix}: ${context} is not instance of ArrayBuffer, Buffer, TypedArray, ` +
                         'or DataView.', 'ERR_INVALID_ARG_TYPE');
  }
  return Buffer.from(new Uint8Array(value));
}

function toArrayBuffer(buf) {
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
}

const kUsageNames = ['encrypt', 'decrypt', 'sign', 'verify', 'deriveKey', 'deriveBits', 'wrapKey',
  'unwrapKey'];

function keyUsages(value, prefix, context) {
  if (value === null || typeof value !== 'object' || typeof value[Symbol.iterator] !== 'function') {
    throw codedTypeError(`${prefix}: ${context} can not be converted to sequence.`, 'ERR_INVALID_ARG_TYPE');
  }
  const out = [];
  for (const usage of value) {
    const text = `${usage}`;
    if (!kUsageNames.includes(text)) {
      throw codedTypeError(`${prefix}: ${context} value '${text}' is not a valid enum value of type ` +
                           'KeyUsage.', 'ERR_INVALID_ARG_VALUE');
    }
    out.push(text);
  }
  return out;
}

// --- CryptoKey --------------------------------------------------------------

const kKeyState = Symbol('kKeyState');

class CryptoKey {
  constructor() { throw new ERR_ILLEGAL_CONSTRUCTOR(); }
}

function stateOf(key) {
  if (key == null || key[kKeyState] === undefined) throw new ERR_INVALID_THIS('CryptoKey');
  return key[kKeyState];
}

Object.defineProperties(CryptoKey.prototype, {
  type: { __proto__: null, enumerable: true, configurable: true, get() { return stateOf(this).type; } },
  extractable: {
    __proto__: null, enumerable: true, configurable: true, get() { return stateOf(this).extractable; },
  },
  algorithm: { __proto__: null, enumerable: true, configurable: true, get() { return stateOf(this).algorithm; } },
  usages: { __proto__: null, enumerable: true, configurable: true, get() { return stateOf(this).usages; } },
  [Symbol.toStringTag]: { __proto__: null, configurable: true, value: 'CryptoKey' },
  [require('internal/util/inspect').inspect.custom]: {
    __proto__: null,
    configurable: true,
    value(depth, options) {
      if (depth < 0) return this;
      const { inspect } = require('internal/util/inspect');
      const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
      const { type, extractable, algorithm, usages } = stateOf(this);
      return `CryptoKey ${inspect({ type, extractable, algorithm, usages }, opts)}`;
    },
  },
});

function fillKey(key, keyObject, algorithm, extractable, usages) {
  Object.defineProperty(key, kKeyObject, { __proto__: null, value: keyObject });
  Object.defineProperty(key, kKeyState, {
    __proto__: null,
    value: { type: keyObject.type, algorithm, extractable, usages: [...new Set(usages)] },
  });
  markTransferMode(key, true, false);
  return key;
}

function makeKey(keyObject, algorithm, extractable, usages) {
  return fillKey(Object.create(CryptoKey.prototype), keyObject, algorithm, extractable, usages);
}

// Keys cross MessagePorts as their encoded material and are rebuilt there.
CryptoKey.prototype[kClone] = function() {
  const { type, algorithm, extractable, usages } = stateOf(this);
  const keyObject = this[kKeyObject];
  const material = type === 'secret' ? keyObject.export() :
    keyObject.export({ format: 'der', type: type === 'public' ? 'spki' : 'pkcs8' });
  return {
    data: { type, material, algorithm, extractable, usages },
    deserializeInfo: 'internal/crypto/webcrypto:InternalCryptoKey',
  };
};

class InternalCryptoKey {
  [kDeserialize]({ type, material, algorithm, extractable, usages }) {
    const keyObject = type === 'secret' ? keys.createSecretKey(material) :
      type === 'public' ? keys.createPublicKey({ key: material, format: 'der', type: 'spki' }) :
        keys.createPrivateKey({ key: material, format: 'der', type: 'pkcs8' });
    fillKey(this, keyObject, algorithm, extractable, usages);
  }
}
Object.setPrototypeOf(InternalCryptoKey.prototype, CryptoKey.prototype);

function isCryptoKey(value) {
  return value != null && value[kKeyState] !== undefined;
}

function checkCryptoKey(key, prefix, context) {
  if (!isCryptoKey(key)) {
    throw codedTypeError(`${prefix}: ${context} is not of type CryptoKey.`, 'ERR_INVALID_ARG_TYPE');
  }
  return key;
}

function secretBytes(key) {
  return key[kKeyObject][kHandle].bytes;
}

function nativeOf(key) {
  return key[kKeyObject][kHandle].native;
}

// --- algorithm families -----------------------------------------------------

const kSha = { 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };
const kShaBits = { 'SHA-1': 160, 'SHA-256': 256, 'SHA-384': 384, 'SHA-512': 512 };
const kCurves = { 'P-256': 'prime256v1', 'P-384': 'secp384r1', 'P-521': 'secp521r1' };
const kCurveOf = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };
const kOkp = { 'Ed25519': 'ed25519', 'Ed448': 'ed448', 'X25519': 'x25519', 'X448': 'x448' };

const kSecretUsages = {
  'HMAC': ['sign', 'verify'],
  'AES-CTR': ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'],
  'AES-CBC': ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'],
  'AES-GCM': ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'],
  'AES-KW': ['wrapKey', 'unwrapKey'],
  'PBKDF2': ['deriveKey', 'deriveBits'],
  'HKDF': ['deriveKey', 'deriveBits'],
};
// [public usages, private usages]
const kPairUsages = {
  'RSASSA-PKCS1-v1_5': [['verify'], ['sign']],
  'RSA-PSS': [['verify'], ['sign']],
  'RSA-OAEP': [['encrypt', 'wrapKey'], ['decrypt', 'unwrapKey']],
  'ECDSA': [['verify'], ['sign']],
  'Ed25519': [['verify'], ['sign']],
  'Ed448': [['verify'], ['sign']],
  'ECDH': [[], ['deriveKey', 'deriveBits']],
  'X25519': [[], ['deriveKey', 'deriveBits']],
  'X448': [[], ['deriveKey', 'deriveBits']],
};

// Node words these differently for generated and imported keys.
function usageError(name, importing) {
  let subject;
  if (name.startsWith('AES-')) subject = 'an AES';
  else if (name === 'HMAC') subject = 'an HMAC';
  else if (isRsa(name)) subject = importing ? 'a RSA' : `an ${name}`;
  else if (isEc(name)) subject = importing ? `an ${name}` : `a ${name}`;
  else if (isOkp(name)) subject = importing ? `an ${name}` : `a ${name}`;
  else subject = `a ${name}`;
  return lazyDOMException(`Unsupported key usage for ${subject} key`, 'SyntaxError');
}

function checkUsages(allowed, usages, name, importing = false) {
  for (const usage of usages) if (!allowed.includes(usage)) throw usageError(name, importing);
}

function isRsa(name) { return name === 'RSASSA-PKCS1-v1_5' || name === 'RSA-PSS' || name === 'RSA-OAEP'; }
function isEc(name) { return name === 'ECDSA' || name === 'ECDH'; }
function isOkp(name) { return kOkp[name] !== undefined; }

function rsaAlgorithm(name, keyObject, hash) {
  const { modulusLength, publicExponent } = keyObject.asymmetricKeyDetails;
  let hex = publicExponent.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  return { name, modulusLength, publicExponent: new Uint8Array(Buffer.from(hex, 'hex')), hash: { name: hash.name } };
}

function asymmetricAlgorithm(algorithm, keyObject) {
  const { name } = algorithm;
  if (isRsa(name)) return rsaAlgorithm(name, keyObject, algorithm.hash);
  if (isEc(name)) return { name, namedCurve: algorithm.namedCurve };
  return { name };
}

// --- key generation and import/export ---------------------------------------

function generateSecret(algorithm, extractable, usages) {
  const { name } = algorithm;
  checkUsages(kSecretUsages[name], usages, name);
  let length = algorithm.length;
  if (name === 'HMAC') {
    if (length === undefined) length = { 'SHA-1': 512, 'SHA-256': 512, 'SHA-384': 1024, 'SHA-512': 1024 }[algorithm.hash.name];
    if (length === 0) throw lazyDOMException('Zero-length key is not supported', 'OperationError');
    const bytes = random.randomBytes(Math.ceil(length / 8));
    return makeKey(keys.createSecretKey(bytes), { name, hash: { name: algorithm.hash.name }, length },
                   extractable, usages);
  }
  if (![128, 192, 256].includes(length)) {
    throw lazyDOMException('AES key length must be 128, 192, or 256 bits', 'OperationError');
  }
  return makeKey(keys.createSecretKey(random.randomBytes(length / 8)), { name, length }, extractable, usages);
}

function generatePair(algorithm, extractable, usages) {
  const { name } = algorithm;
  const [publicAllowed, privateAllowed] = kPairUsages[name];
  checkUsages([...publicAllowed, ...privateAllowed], usages, name);
  let pair;
  try {
    pair = generateKeyObjects(algorithm);
  } catch (err) {
    if (err?.name === 'NotSupportedError' || err?.code === 'ERR_INVALID_ARG_TYPE') throw err;
    throw lazyDOMException('The operation failed for an operation-specific reason',
                           { name: 'OperationError', cause: err });
  }
  const keyAlgorithm = asymmetricAlgorithm(algorithm, pair.publicKey);
  if (isRsa(name)) keyAlgorithm.publicExponent = algorithm.publicExponent;
  return {
    publicKey: makeKey(pair.publicKey, keyAlgorithm, true, usages.filter((u) => publicAllowed.includes(u))),
    privateKey: makeKey(pair.privateKey, keyAlgorithm, extractable,
                        usages.filter((u) => privateAllowed.includes(u))),
  };
}

function generateKeyObjects(algorithm) {
  const { name } = algorithm;
  let pair;
  if (isRsa(name)) {
    if (!(algorithm.publicExponent instanceof Uint8Array)) {
      throw codedTypeError('Failed to normalize algorithm: publicExponent in RsaHashedKeyGenParams is not ' +
                           'an instance of Uint8Array.', 'ERR_INVALID_ARG_TYPE');
    }
    const exponent = Buffer.from(algorithm.publicExponent);
    let e = 0;
    for (const byte of exponent) e = e * 256 + byte;
    pair = require('internal/crypto/keygen').generateKeyPairSync('rsa', {
      modulusLength: algorithm.modulusLength, publicExponent: e,
    });
  } else if (isEc(name)) {
    const curve = kCurves[algorithm.namedCurve];
    if (curve === undefined) throw lazyDOMException('Unrecognized namedCurve', 'NotSupportedError');
    pair = require('internal/crypto/keygen').generateKeyPairSync('ec', { namedCurve: curve });
  } else {
    pair = require('internal/crypto/keygen').generateKeyPairSync(kOkp[name]);
  }
  return pair;
}

function importSecret(format, keyData, algorithm, extractable, usages) {
  const { name } = algorithm;
  checkUsages(kSecretUsages[name], usages, name, true);
  let bytes;
  if (format === 'raw') {
    bytes = keyData;
  } else if (format === 'jwk' && name !== 'PBKDF2' && name !== 'HKDF') {
    if (keyData.kty !== 'oct') throw lazyDOMException('Invalid JWK "kty" Parameter', 'DataError');
    if (usages.length > 0 && keyData.use !== undefined && keyData.use !== 'enc' && name !== 'HMAC') {
      throw lazyDOMException('Invalid JWK "use" Parameter', 'DataError');
    }
    if (typeof keyData.k !== 'string') throw lazyDOMException('Invalid keyData', 'DataError');
    bytes = Buffer.from(keyData.k, 'base64url');
    if (keyData.ext === false && extractable) {
      throw lazyDOMException('JWK "ext" Parameter and extractable mismatch', 'DataError');
    }
  } else {
    throw lazyDOMException(`Unable to import ${name} key with format ${format}`, 'NotSupportedError');
  }
  if ((name === 'PBKDF2' || name === 'HKDF') && extractable) {
    throw lazyDOMException(`${name} keys are not extractable`, 'SyntaxError');
  }
  let keyAlgorithm;
  if (name === 'HMAC') {
    if (bytes.length === 0) throw lazyDOMException('Zero-length key is not supported', 'DataError');
    const length = algorithm.length ?? bytes.length * 8;
    if (length === 0) throw lazyDOMException('Zero-length key is not supported', 'DataError');
    if (length > bytes.length * 8 || length <= (bytes.length - 1) * 8) {
      throw lazyDOMException('Invalid key length', 'DataError');
    }
    keyAlgorithm = { name, hash: { name: algorithm.hash.name }, length };
  } else if (name.startsWith('AES-')) {
    if (![16, 24, 32].includes(bytes.length)) throw lazyDOMException('Invalid key length', 'DataError');
    keyAlgorithm = { name, length: bytes.length * 8 };
  } else {
    keyAlgorithm = { name };
  }
  return makeKey(keys.createSecretKey(bytes), keyAlgorithm, extractable, usages);
}

function importAsymmetric(format, keyData, algorithm, extractable, usages) {
  const { name } = algorithm;
  const [publicAllowed, privateAllowed] = kPairUsages[name];
  let keyObject;
  try {
    if (format === 'spki') {
      keyObject = keys.createPublicKey({ key: keyData, format: 'der', type: 'spki' });
    } else if (format === 'pkcs8') {
      keyObject = keys.createPrivateKey({ key: keyData, format: 'der', type: 'pkcs8' });
    } else if (format === 'jwk') {
      checkJwkHeader(name, algorithm, keyData);
      const use = name === 'RSA-OAEP' || name === 'ECDH' || name === 'X25519' || name === 'X448' ? 'enc' : 'sig';
      if (usages.length > 0 && keyData.use !== undefined && keyData.use !== use) {
        throw lazyDOMException('Invalid JWK "use" Parameter', 'DataError');
      }
      if (keyData.ext === false && extractable) {
        throw lazyDOMException('JWK "ext" Parameter and extractable mismatch', 'DataError');
      }
      if (keyData.d !== undefined) keyObject = keys.createPrivateKey({ key: keyData, format: 'jwk' });
      else keyObject = keys.createPublicKey({ key: keyData, format: 'jwk' });
    } else if (format === 'raw' && (isEc(name) || isOkp(name))) {
      if (isEc(name)) {
        const curve = kCurves[algorithm.namedCurve];
        const { ECDH } = require('internal/crypto/diffiehellman');
        keyObject = ecPublicFromPoint(curve, ECDH.convertKey(keyData, curve));
      } else {
        keyObject = keys.createPublicKey({ key: okpJwk(name, keyData), format: 'jwk' });
      }
    } else {
      throw lazyDOMException(`Unable to import ${name} key with format ${format}`, 'NotSupportedError');
    }
  } catch (err) {
    if (err?.name === 'NotSupportedError' || err?.name === 'DataError') throw err;
    throw lazyDOMException('Invalid keyData', { name: 'DataError', cause: err });
  }
  const allowed = keyObject.type === 'public' ? publicAllowed : privateAllowed;
  checkUsages(allowed, usages, name, true);
  const type = keyObject.asymmetricKeyType;
  const expected = isRsa(name) ? 'rsa' : isEc(name) ? 'ec' : kOkp[name];
  if (type !== expected) throw lazyDOMException('Invalid key type', 'DataError');
  if (isEc(name) && kCurveOf[keyObject.asymmetricKeyDetails.namedCurve] !== algorithm.namedCurve) {
    throw lazyDOMException('Named curve mismatch', 'DataError');
  }
  return makeKey(keyObject, asymmetricAlgorithm(algorithm, keyObject), extractable, usages);
}

// The JWK members WebCrypto checks before the key material itself.
function checkJwkHeader(name, algorithm, jwk) {
  if (!jwk.kty) throw lazyDOMException('Invalid keyData', 'DataError');
  const kty = isRsa(name) ? 'RSA' : isEc(name) ? 'EC' : 'OKP';
  if (jwk.kty !== kty) throw lazyDOMException('Invalid JWK "kty" Parameter', 'DataError');
  if (isEc(name) && jwk.crv !== algorithm.namedCurve) {
    throw lazyDOMException('JWK "crv" does not match the requested algorithm', 'DataError');
  }
  if (isOkp(name) && jwk.crv !== name) {
    throw lazyDOMException('JWK "crv" Parameter and algorithm name mismatch', 'DataError');
  }
  if (name === 'ECDSA' && jwk.alg !== undefined) {
    const curve = { ES256: 'P-256', ES384: 'P-384', ES512: 'P-521' }[jwk.alg];
    if (curve !== algorithm.namedCurve) {
      throw lazyDOMException('JWK "alg" does not match the requested algorithm', 'DataError');
    }
  }
  if (isRsa(name) && jwk.alg !== undefined) {
    // Any RSA JWK "alg" names a hash, whatever the scheme.
    const hashes = {
      'RS1': 'SHA-1', 'PS1': 'SHA-1', 'RSA-OAEP': 'SHA-1',
      'RS256': 'SHA-256', 'PS256': 'SHA-256', 'RSA-OAEP-256': 'SHA-256',
      'RS384': 'SHA-384', 'PS384': 'SHA-384', 'RSA-OAEP-384': 'SHA-384',
      'RS512': 'SHA-512', 'PS512': 'SHA-512', 'RSA-OAEP-512': 'SHA-512',
    };
    if (hashes[jwk.alg] !== algorithm.hash.name) {
      throw lazyDOMException('JWK "alg" does not match the requested algorithm', 'DataError');
    }
  }
}

function okpJwk(name, raw) {
  return { kty: 'OKP', crv: name, x: Buffer.from(raw).toString('base64url') };
}

function ecPublicFromPoint(curve, point) {
  const size = { prime256v1: 32, secp384r1: 48, secp521r1: 66 }[curve];
  const x = point.subarray(1, 1 + size);
  const y = point.subarray(1 + size);
  return keys.createPublicKey({
    key: { kty: 'EC', crv: kCurveOf[curve], x: x.toString('base64url'), y: y.toString('base64url') },
    format: 'jwk',
  });
}

function exportKeyData(format, key) {
  const keyObject = key[kKeyObject];
  const { name } = key.algorithm;
  if (keyObject.type === 'secret') {
    const bytes = secretBytes(key);
    if (format === 'raw') return toArrayBuffer(Buffer.from(bytes));
    if (format === 'jwk') {
      const jwk = { key_ops: key.usages, ext: key.extractable, kty: 'oct', k: bytes.toString('base64url') };
      if (name === 'HMAC') jwk.alg = `HS${key.algorithm.hash.name.slice(4)}`;
      else jwk.alg = `A${key.algorithm.length}${name.slice(4)}`;
      return jwk;
    }
  } else {
    if (format === 'spki' && keyObject.type === 'public') {
      return toArrayBuffer(keyObject.export({ format: 'der', type: 'spki' }));
    }
    if (format === 'pkcs8' && keyObject.type === 'private') {
      return toArrayBuffer(keyObject.export({ format: 'der', type: 'pkcs8' }));
    }
    if (format === 'jwk') {
      const jwk = keyObject.export({ format: 'jwk' });
      jwk.key_ops = key.usages;
      jwk.ext = key.extractable;
      if (isRsa(name)) {
        const bits = key.algorithm.hash.name.slice(4);
        jwk.alg = name === 'RSA-OAEP' ? (bits === '1' ? 'RSA-OAEP' : `RSA-OAEP-${bits}`) :
          `${name === 'RSA-PSS' ? 'PS' : 'RS'}${bits === '1' ? '1' : bits}`;
      }
      return jwk;
    }
    if (format === 'raw' && keyObject.type === 'public') {
      if (isEc(name)) {
        // The SPKI's BIT STRING ends with the uncompressed point.
        const size = 1 + 2 * { 'P-256': 32, 'P-384': 48, 'P-521': 66 }[key.algorithm.namedCurve];
        return toArrayBuffer(keyObject.export({ format: 'der', type: 'spki' }).subarray(-size));
      }
      if (isOkp(name)) return toArrayBuffer(Buffer.from(keyObject.export({ format: 'jwk' }).x, 'base64url'));
    }
  }
  throw lazyDOMException(`Unable to export a raw ${name} ${keyObject.type} key`, 'InvalidAccessError');
}

// --- operations -------------------------------------------------------------

function checkOperationKey(key, algorithm, usage) {
  if (key.algorithm.name !== algorithm.name) {
    throw lazyDOMException('The requested operation is not valid for the provided key', 'InvalidAccessError');
  }
  if (!key.usages.includes(usage)) {
    throw lazyDOMException('The requested operation is not valid for the provided key', 'InvalidAccessError');
  }
}

function checkSignatureKey(key, algorithm, usage) {
  if (!key.usages.includes(usage) || algorithm.name !== key.algorithm.name) {
    throw lazyDOMException(`Unable to use this key to ${usage}`, 'InvalidAccessError');
  }
  if (algorithm.name === 'Ed448' && algorithm.context?.byteLength) {
    throw lazyDOMException('Non zero-length context is not yet supported.', 'NotSupportedError');
  }
}

function hmacDigest(key, data) {
  const state = binding.hmacNew(kSha[key.algorithm.hash.name], secretBytes(key));
  binding.hmacUpdate(state, data);
  return Buffer.from(binding.hmacDigest(state));
}

function signatureOptions(algorithm, key) {
  const { name } = key.algorithm;
  if (name === 'RSA-PSS') {
    return [kSha[key.algorithm.hash.name], { padding: 6, saltLength: algorithm.saltLength }];
  }
  if (name === 'RSASSA-PKCS1-v1_5') return [kSha[key.algorithm.hash.name], { padding: 1 }];
  if (name === 'ECDSA') return [kSha[algorithm.hash.name], { dsaEncoding: 'ieee-p1363' }];
  return [null, {}];
}

// PSS salts fit in emLen - hLen - 2 bytes.
function checkSaltLength(algorithm, key) {
  if (key.algorithm.name !== 'RSA-PSS') return;
  const max = Math.ceil((key.algorithm.modulusLength - 1) / 8) - kShaBits[key.algorithm.hash.name] / 8 - 2;
  if (!(algorithm.saltLength >= 0 && algorithm.saltLength <= max)) {
    const { codes: { ERR_OUT_OF_RANGE } } = require('internal/errors');
    throw lazyDOMException('The operation failed for an operation-specific reason', {
      name: 'OperationError',
      cause: new ERR_OUT_OF_RANGE('algorithm.saltLength', `>= 0 && <= ${max}`, algorithm.saltLength),
    });
  }
}

function signData(algorithm, key, data) {
  if (key.algorithm.name === 'HMAC') return toArrayBuffer(hmacDigest(key, data));
  if (key.type !== 'private') {
    throw lazyDOMException('Unable to use this key to sign', 'InvalidAccessError');
  }
  const [digest, options] = signatureOptions(algorithm, key);
  checkSaltLength(algorithm, key);
  const out = binding.sign(nativeOf(key), digest, data, options.padding ?? 0, options.saltLength ?? null,
                           options.dsaEncoding === 'ieee-p1363');
  if (typeof out === 'string' || Array.isArray(out)) {
    throw lazyDOMException('The operation failed for an operation-specific reason', 'OperationError');
  }
  return out;
}

function verifyData(algorithm, key, signature, data) {
  if (key.algorithm.name === 'HMAC') {
    const mac = hmacDigest(key, data);
    return mac.length === signature.length && binding.timingSafeEqual(mac, signature);
  }
  if (key.type !== 'public') {
    throw lazyDOMException('Unable to use this key to verify', 'InvalidAccessError');
  }
  const [digest, options] = signatureOptions(algorithm, key);
  checkSaltLength(algorithm, key);
  const out = binding.verify(nativeOf(key), digest, data, signature, options.padding ?? 0,
                             options.saltLength ?? null, options.dsaEncoding === 'ieee-p1363');
  return out === true;
}

function aesCipher(algorithm, key, data, encrypt) {
  const bytes = secretBytes(key);
  const bits = bytes.length * 8;
  let name, iv, tagLength = 16;
  if (algorithm.name === 'AES-CBC') {
    iv = algorithm.iv;
    if (iv.length !== 16) throw lazyDOMException('algorithm.iv must contain exactly 16 bytes', 'OperationError');
    name = `aes-${bits}-cbc`;
  } else if (algorithm.name === 'AES-CTR') {
    iv = algorithm.counter;
    if (iv.length !== 16) {
      throw lazyDOMException('AES-CTR algorithm.counter must contain exactly 16 bytes', 'OperationError');
    }
    if (!(algorithm.length > 0 && algorithm.length <= 128)) {
      throw lazyDOMException('AES-CTR algorithm.length must be between 1 and 128', 'OperationError');
    }
    name = `aes-${bits}-ctr`;
  } else {
    iv = algorithm.iv;
    tagLength = (algorithm.tagLength ?? 128) / 8;
    if (![4, 8, 12, 13, 14, 15, 16].includes(tagLength)) {
      throw lazyDOMException(`${algorithm.tagLength} is not a valid AES-GCM tag length`, 'OperationError');
    }
    name = `aes-${bits}-gcm`;
  }
  const state = binding.cipherNew(name, bytes, iv, encrypt, tagLength);
  if (algorithm.name === 'AES-GCM' && algorithm.additionalData !== undefined) {
    binding.cipherSetAAD(state, algorithm.additionalData, -1);
  }
  if (algorithm.name === 'AES-GCM' && !encrypt) {
    if (data.length < tagLength) throw lazyDOMException('The provided data is too small.', 'OperationError');
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
  return toArrayBuffer(Buffer.concat(parts));
}

function aesKeyWrap(key, data, wrap) {
  const bits = secretBytes(key).length * 8;
  const state = binding.cipherNew(`id-aes${bits}-wrap`, secretBytes(key), Buffer.from('a6a6a6a6a6a6a6a6', 'hex'),
                                  wrap, 16);
  const out = binding.cipherUpdate(state, data);
  if (Array.isArray(out)) {
    throw lazyDOMException('The operation failed for an operation-specific reason', 'OperationError');
  }
  return toArrayBuffer(Buffer.from(out));
}

function rsaOaep(algorithm, key, data, encrypt) {
  const wanted = encrypt ? 'public' : 'private';
  if (key.type !== wanted) throw lazyDOMException(`The requested operation is not valid for the provided key`, 'InvalidAccessError');
  const out = binding.rsaCrypt(encrypt ? 'publicEncrypt' : 'privateDecrypt', nativeOf(key), data, 4,
                               kSha[key.algorithm.hash.name], algorithm.label ?? null);
  if (Array.isArray(out)) {
    throw lazyDOMException('The operation failed for an operation-specific reason', 'OperationError');
  }
  return out;
}

// encrypt() and decrypt(): the same checks, in WebIDL's order.
function cipherCall(self, op, argc, algorithm, key, data) {
  checkThis(self);
  const prefix = `Failed to execute '${op}' on 'SubtleCrypto'`;
  requireArgs(argc, 3, prefix);
  checkCryptoKey(key, prefix, '2nd argument');
  data = bufferSource(data, prefix, '3rd argument');
  algorithm = normalizeAlgorithm(algorithm, op);
  checkOperationKey(key, algorithm, op);
  return cipherData(algorithm, key, data, op === 'encrypt');
}

function cipherData(algorithm, key, data, encrypt) {
  if (algorithm.name === 'RSA-OAEP') return rsaOaep(algorithm, key, data, encrypt);
  return aesCipher(algorithm, key, data, encrypt);
}

function deriveBitsOf(algorithm, baseKey, length) {
  const { name } = algorithm;
  if (name === 'ECDH' || name === 'X25519' || name === 'X448') {
    const peer = algorithm.public;
    if (!isCryptoKey(peer)) {
      throw codedTypeError('algorithm.public must be an instance of CryptoKey', 'ERR_INVALID_ARG_TYPE');
    }
    if (peer.type !== 'public') throw lazyDOMException('algorithm.public must be a public key', 'InvalidAccessError');
    if (baseKey.type !== 'private') throw lazyDOMException('baseKey must be a private key', 'InvalidAccessError');
    if (!['ECDH', 'X25519', 'X448'].includes(peer.algorithm.name)) {
      throw lazyDOMException('Keys must be ECDH, X25519, or X448 keys', 'InvalidAccessError');
    }
    if (peer.algorithm.name !== name) throw lazyDOMException('The public and private keys must be of the same type', 'InvalidAccessError');
    if (isEc(name) && peer.algorithm.namedCurve !== baseKey.algorithm.namedCurve) {
      throw lazyDOMException('Named curve mismatch', 'InvalidAccessError');
    }
    const secret = Buffer.from(binding.keyExchange(nativeOf(baseKey), nativeOf(peer)));
    if (length === null || length === undefined) return toArrayBuffer(secret);
    if (secret.length * 8 < length) throw lazyDOMException('derived bit length is too small', 'OperationError');
    return toArrayBuffer(Buffer.from(secret.subarray(0, Math.ceil(length / 8))));
  }
  if (length == null) throw lazyDOMException('length cannot be null', 'OperationError');
  if (length === 0) throw lazyDOMException('length cannot be zero', 'OperationError');
  if (length % 8) throw lazyDOMException('length must be a multiple of 8', 'OperationError');
  const hash = kSha[algorithm.hash.name];
  if (name === 'PBKDF2') {
    if (algorithm.iterations === 0) throw lazyDOMException('iterations cannot be zero', 'OperationError');
    return binding.pbkdf2(hash, secretBytes(baseKey), algorithm.salt, algorithm.iterations, length / 8);
  }
  if (length / 8 > 255 * (kShaBits[algorithm.hash.name] / 8)) {
    throw lazyDOMException('The operation failed for an operation-specific reason', 'OperationError');
  }
  return binding.hkdf(hash, secretBytes(baseKey), algorithm.salt, algorithm.info, length / 8);
}

function keyLengthFor(algorithm) {
  const { name } = algorithm;
  if (name.startsWith('AES-')) {
    if (![128, 192, 256].includes(algorithm.length)) {
      throw lazyDOMException('AES key length must be 128, 192, or 256 bits', 'OperationError');
    }
    return algorithm.length;
  }
  if (name === 'HMAC') {
    if (algorithm.length !== undefined) {
      if (algorithm.length === 0) throw lazyDOMException('Zero-length key is not supported', 'TypeError');
      return algorithm.length;
    }
    return { 'SHA-1': 512, 'SHA-256': 512, 'SHA-384': 1024, 'SHA-512': 1024 }[algorithm.hash.name];
  }
  return null;
}

function importKeyOf(format, keyData, algorithm, extractable, usages) {
  const { name } = algorithm;
  const key = kSecretUsages[name] !== undefined ?
    importSecret(format, keyData, algorithm, extractable, usages) :
    importAsymmetric(format, keyData, algorithm, extractable, usages);
  if ((key.type === 'secret' || key.type === 'private') && key.usages.length === 0) {
    throw lazyDOMException(`Usages cannot be empty when importing a ${key.type} key.`, 'SyntaxError');
  }
  return key;
}

// --- SubtleCrypto -----------------------------------------------------------

class SubtleCrypto {
  constructor() { throw new ERR_ILLEGAL_CONSTRUCTOR(); }
}
const subtle = Reflect.construct(function() {}, [], SubtleCrypto);

function checkThis(self) {
  if (self !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');
}

const kFormats = ['raw', 'pkcs8', 'spki', 'jwk'];
function keyFormat(value, prefix, context) {
  const text = `${value}`;
  if (!kFormats.includes(text)) {
    throw codedTypeError(`${prefix}: ${context} value '${text}' is not a valid enum value of type KeyFormat.`,
                         'ERR_INVALID_ARG_VALUE');
  }
  return text;
}

function keyDataFor(format, keyData, prefix) {
  if (format === 'jwk') {
    if (keyData === null || typeof keyData !== 'object') throw lazyDOMException('Invalid keyData', 'DataError');
    return keyData;
  }
  return bufferSource(keyData, prefix, '2nd argument');
}

const methods = {
  async digest(algorithm, data) {
    checkThis(this);
    const prefix = "Failed to execute 'digest' on 'SubtleCrypto'";
    requireArgs(arguments.length, 2, prefix);
    data = bufferSource(data, prefix, '2nd argument');
    algorithm = normalizeAlgorithm(algorithm, 'digest');
    return binding.hashOneShot(kSha[algorithm.name], data);
  },

  async generateKey(algorithm, extractable, usages) {
    checkThis(this);
    const prefix = "Failed to execute 'generateKey' on 'SubtleCrypto'";
    requireArgs(arguments.length, 3, prefix);
    usages = keyUsages(usages, prefix, '3rd argument');
    algorithm = normalizeAlgorithm(algorithm, 'generateKey');
    extractable = !!extractable;
    if (kSecretUsages[algorithm.name] !== undefined) {
      const key = generateSecret(algorithm, extractable, usages);
      if (key.usages.length === 0) {
        throw lazyDOMException('Usages cannot be empty when creating a key.', 'SyntaxError');
      }
      return key;
    }
    const pair = generatePair(algorithm, extractable, usages);
    if (pair.privateKey.usages.length === 0) {
      throw lazyDOMException('Usages cannot be empty when creating a key.', 'SyntaxError');
    }
    return pair;
  },

  async importKey(format, keyData, algorithm, extractable, usages) {
    checkThis(this);
    const prefix = "Failed to execute 'importKey' on 'SubtleCrypto'";
    requireArgs(arguments.length, 5, prefix);
    format = keyFormat(format, prefix, '1st argument');
    keyData = keyDataFor(format, keyData, prefix);
    usages = keyUsages(usages, prefix, '5th argument');
    algorithm = normalizeAlgorithm(algorithm, 'importKey');
    return importKeyOf(format, keyData, algorithm, !!extractable, usages);
  },

  async exportKey(format, key) {
    checkThis(this);
    const prefix = "Failed to execute 'exportKey' on 'SubtleCrypto'";
    requireArgs(arguments.length, 2, prefix);
    format = keyFormat(format, prefix, '1st argument');
    checkCryptoKey(key, prefix, '2nd argument');
    if (!key.extractable) throw lazyDOMException('key is not extractable', 'InvalidAccessException');
    return exportKeyData(format, key);
  },

  async sign(algorithm, key, data) {
    checkThis(this);
    const prefix = "Failed to execute 'sign' on 'SubtleCrypto'";
    requireArgs(arguments.length, 3, prefix);
    checkCryptoKey(key, prefix, '2nd argument');
    data = bufferSource(data, prefix, '3rd argument');
    algorithm = normalizeAlgorithm(algorithm, 'sign');
    checkSignatureKey(key, algorithm, 'sign');
    return signData(algorithm, key, data);
  },

  async verify(algorithm, key, signature, data) {
    checkThis(this);
    const prefix = "Failed to execute 'verify' on 'SubtleCrypto'";
    requireArgs(arguments.length, 4, prefix);
    checkCryptoKey(key, prefix, '2nd argument');
    signature = bufferSource(signature, prefix, '3rd argument');
    data = bufferSource(data, prefix, '4th argument');
    algorithm = normalizeAlgorithm(algorithm, 'verify');
    checkSignatureKey(key, algorithm, 'verify');
    return verifyData(algorithm, key, signature, data);
  },

  async encrypt(algorithm, key, data) {
    return cipherCall(this, 'encrypt', arguments.length, algorithm, key, data);
  },

  async decrypt(algorithm, key, data) {
    return cipherCall(this, 'decrypt', arguments.length, algorithm, key, data);
  },

  async deriveBits(algorithm, baseKey, length) {
    checkThis(this);
    const prefix = "Failed to execute 'deriveBits' on 'SubtleCrypto'";
    requireArgs(arguments.length, 2, prefix);
    checkCryptoKey(baseKey, prefix, '2nd argument');
    algorithm = normalizeAlgorithm(algorithm, 'deriveBits');
    if (!baseKey.usages.includes('deriveBits')) {
      throw lazyDOMException('baseKey does not have deriveBits usage', 'InvalidAccessError');
    }
    if (baseKey.algorithm.name !== algorithm.name) {
      throw lazyDOMException('Key algorithm mismatch', 'InvalidAccessError');
    }
    return deriveBitsOf(algorithm, baseKey, length);
  },

  async deriveKey(algorithm, baseKey, derivedKeyAlgorithm, extractable, usages) {
    checkThis(this);
    const prefix = "Failed to execute 'deriveKey' on 'SubtleCrypto'";
    requireArgs(arguments.length, 5, prefix);
    checkCryptoKey(baseKey, prefix, '2nd argument');
    usages = keyUsages(usages, prefix, '5th argument');
    algorithm = normalizeAlgorithm(algorithm, 'deriveBits');
    const importAlgorithm = normalizeAlgorithm(derivedKeyAlgorithm, 'importKey');
    if (!baseKey.usages.includes('deriveKey')) {
      throw lazyDOMException('baseKey does not have deriveKey usage', 'InvalidAccessError');
    }
    if (baseKey.algorithm.name !== algorithm.name) {
      throw lazyDOMException('Key algorithm mismatch', 'InvalidAccessError');
    }
    const length = keyLengthFor(normalizeAlgorithm(derivedKeyAlgorithm, 'get key length'));
    const bits = deriveBitsOf(algorithm, baseKey, length);
    return importKeyOf('raw', Buffer.from(bits), importAlgorithm, !!extractable, usages);
  },

  async wrapKey(format, key, wrappingKey, wrapAlgorithm) {
    checkThis(this);
    const prefix = "Failed to execute 'wrapKey' on 'SubtleCrypto'";
    requireArgs(arguments.length, 4, prefix);
    format = keyFormat(format, prefix, '1st argument');
    checkCryptoKey(key, prefix, '2nd argument');
    checkCryptoKey(wrappingKey, prefix, '3rd argument');
    let algorithm;
    try {
      algorithm = normalizeAlgorithm(wrapAlgorithm, 'wrapKey');
    } catch {
      algorithm = normalizeAlgorithm(wrapAlgorithm, 'encrypt');
    }
    checkOperationKey(wrappingKey, algorithm, 'wrapKey');
    if (!key.extractable) throw lazyDOMException('key is not extractable', 'InvalidAccessException');
    let bytes = exportKeyData(format, key);
    if (format === 'jwk') {
      let text = JSON.stringify(bytes);
      // AES-KW wraps whole 8-byte blocks: the JSON is padded with spaces.
      if (algorithm.name === 'AES-KW' && text.length % 8 !== 0) text += ' '.repeat(8 - (text.length % 8));
      bytes = Buffer.from(text);
    }
    else bytes = Buffer.from(bytes);
    if (algorithm.name === 'AES-KW') return aesKeyWrap(wrappingKey, bytes, true);
    return cipherData(algorithm, wrappingKey, bytes, true);
  },

  async unwrapKey(format, wrappedKey, unwrappingKey, unwrapAlgo, unwrappedKeyAlgo, extractable, usages) {
    checkThis(this);
    const prefix = "Failed to execute 'unwrapKey' on 'SubtleCrypto'";
    requireArgs(arguments.length, 7, prefix);
    format = keyFormat(format, prefix, '1st argument');
    wrappedKey = bufferSource(wrappedKey, prefix, '2nd argument');
    checkCryptoKey(unwrappingKey, prefix, '3rd argument');
    usages = keyUsages(usages, prefix, '7th argument');
    let algorithm;
    try {
      algorithm = normalizeAlgorithm(unwrapAlgo, 'unwrapKey');
    } catch {
      algorithm = normalizeAlgorithm(unwrapAlgo, 'decrypt');
    }
    const importAlgorithm = normalizeAlgorithm(unwrappedKeyAlgo, 'importKey');
    checkOperationKey(unwrappingKey, algorithm, 'unwrapKey');
    const raw = Buffer.from(algorithm.name === 'AES-KW' ?
      aesKeyWrap(unwrappingKey, wrappedKey, false) : cipherData(algorithm, unwrappingKey, wrappedKey, false));
    let keyData = raw;
    if (format === 'jwk') {
      try {
        keyData = JSON.parse(raw.toString('utf8'));
      } catch (err) {
        throw lazyDOMException('Invalid wrapped JWK key', { name: 'DataError', cause: err });
      }
    }
    return importKeyOf(format, keyData, importAlgorithm, !!extractable, usages);
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

// --- Crypto -----------------------------------------------------------------

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
  InternalCryptoKey,
  SubtleCrypto,
  crypto,
  isCryptoKey,
};
