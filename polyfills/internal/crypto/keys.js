'use strict';

// KeyObject and its secret-key form.  A key's material sits in a
// KeyObjectHandle (for a secret key, a private copy of its bytes).

const { Buffer } = require('buffer');
const {
  codes: {
    ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS,
    ERR_CRYPTO_INVALID_JWK,
    ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
  },
} = require('internal/errors');
const { validateObject, validateOneOf, validateString } = require('internal/validators');
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/util/types');
const {
  binding, getArrayBufferOrView, kHandle, kKeyObject, nativeError, opensslError,
} = require('internal/crypto/util');

const kKeyType = Symbol('kKeyType');

// A secret key's bytes, or an asymmetric key's native handle.
class KeyObjectHandle {
  constructor(bytes, native = null) {
    if (native !== null) {
      this.native = native;
      return;
    }
    const view = ArrayBuffer.isView(bytes) ?
      new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : new Uint8Array(bytes);
    this.bytes = Buffer.from(view);
  }

  equals(other) {
    if (!(other instanceof KeyObjectHandle)) return false;
    if (this.native !== undefined) {
      return other.native !== undefined && binding.keyEquals(this.native, other.native);
    }
    return other.bytes !== undefined && this.bytes.equals(other.bytes);
  }
}

class KeyObject {
  constructor(type, handle) {
    if (type !== 'secret' && type !== 'public' && type !== 'private') {
      throw new ERR_INVALID_ARG_VALUE('type', type);
    }
    if (typeof handle !== 'object' || !(handle instanceof KeyObjectHandle)) {
      throw new ERR_INVALID_ARG_TYPE('handle', 'object', handle);
    }
    this[kKeyType] = type;
    Object.defineProperty(this, kHandle, {
      __proto__: null, value: handle, enumerable: false, configurable: false, writable: false,
    });
  }

  get type() { return this[kKeyType]; }

  static from(key) {
    if (!isCryptoKey(key)) throw new ERR_INVALID_ARG_TYPE('key', 'CryptoKey', key);
    return key[kKeyObject];
  }

  equals(otherKeyObject) {
    if (!isKeyObject(otherKeyObject)) {
      throw new ERR_INVALID_ARG_TYPE('otherKeyObject', 'KeyObject', otherKeyObject);
    }
    return otherKeyObject.type === this.type && this[kHandle].equals(otherKeyObject[kHandle]);
  }
}
Object.defineProperty(KeyObject.prototype, Symbol.toStringTag, {
  __proto__: null, configurable: true, value: 'KeyObject',
});

class SecretKeyObject extends KeyObject {
  constructor(handle) {
    super('secret', handle);
  }

  get symmetricKeySize() { return this[kHandle].bytes.length; }

  export(options) {
    if (options !== undefined) {
      validateObject(options, 'options');
      validateOneOf(options.format, 'options.format', [undefined, 'buffer', 'jwk']);
      if (options.format === 'jwk') {
        return { kty: 'oct', k: this[kHandle].bytes.toString('base64url') };
      }
    }
    return Buffer.from(this[kHandle].bytes);
  }
}

const kAsymmetricKeyType = Symbol('kAsymmetricKeyType');
const kAsymmetricKeyDetails = Symbol('kAsymmetricKeyDetails');

function bytesToBigInt(arrayBuffer) {
  const hex = Buffer.from(arrayBuffer).toString('hex');
  return BigInt(hex === '' ? '0' : `0x${hex}`);
}

class AsymmetricKeyObject extends KeyObject {
  get asymmetricKeyType() {
    return this[kAsymmetricKeyType] ??= binding.keyType(this[kHandle].native);
  }

  get asymmetricKeyDetails() {
    switch (this.asymmetricKeyType) {
      case 'rsa':
      case 'rsa-pss':
      case 'dsa':
      case 'ec': {
        if (this[kAsymmetricKeyDetails] === undefined) {
          const details = { ...binding.keyDetails(this[kHandle].native) };
          if (details.publicExponent !== undefined) {
            details.publicExponent = bytesToBigInt(details.publicExponent);
          }
          this[kAsymmetricKeyDetails] = details;
        }
        return { ...this[kAsymmetricKeyDetails] };
      }
      default:
        return {};
    }
  }
}

function exportJwk(handle) {
  const jwk = binding.keyExportJwk(handle.native);
  if (Array.isArray(jwk) && jwk[0] === 'curve') {
    const err = new Error(`Unsupported JWK EC curve: ${jwk[1]}.`);
    err.code = 'ERR_CRYPTO_JWK_UNSUPPORTED_CURVE';
    throw err;
  }
  if (jwk === 'type') {
    const err = new Error('Unsupported JWK Key Type.');
    err.code = 'ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE';
    throw err;
  }
  return { ...jwk };
}

function exportKey(handle, format, type, cipher, passphrase) {
  if (cipher != null && binding.cipherInfo(cipher) === null) {
    throw nativeError('ERR_CRYPTO_UNKNOWN_CIPHER');
  }
  const out = binding.keyExport(handle.native, format, type, cipher ?? null, passphrase ?? null);
  return format === 'pem' ? Buffer.from(out).toString('latin1') : Buffer.from(out);
}

class PublicKeyObject extends AsymmetricKeyObject {
  constructor(handle) {
    super('public', handle);
  }

  export(options) {
    if (options && options.format === 'jwk') return exportJwk(this[kHandle]);
    const { format, type } = parseKeyEncoding(options, this.asymmetricKeyType, true);
    return exportKey(this[kHandle], format, type);
  }
}

class PrivateKeyObject extends AsymmetricKeyObject {
  constructor(handle) {
    super('private', handle);
  }

  export(options) {
    if (options && options.format === 'jwk') {
      if (options.passphrase !== undefined) {
        throw new ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS('jwk', 'does not support encryption');
      }
      return exportJwk(this[kHandle]);
    }
    const { format, type, cipher, passphrase } =
      parseKeyEncoding(options, this.asymmetricKeyType, false);
    return exportKey(this[kHandle], format, type, cipher, passphrase);
  }
}

function isStringOrBuffer(value) {
  return typeof value === 'string' || isArrayBufferView(value) || isAnyArrayBuffer(value);
}

const kEncodingNames = { pkcs1: 'pkcs1', spki: 'spki', pkcs8: 'pkcs8', sec1: 'sec1' };

// Node's parseKeyEncoding: `keyType` undefined means an input encoding
// (defaults apply); `isPublic` true/false narrows the allowed types.
function parseKeyEncoding(enc, keyType, isPublic, objName) {
  validateObject(enc, 'options');
  const opt = (name) => (objName === undefined ? `options.${name}` : `options.${objName}.${name}`);
  const isInput = keyType === undefined;
  let format = enc.format;
  if (format === undefined && isInput) format = 'pem';
  else if (format !== 'pem' && format !== 'der' && format !== 'jwk') {
    throw new ERR_INVALID_ARG_VALUE(opt('format'), format);
  }
  const required = (!isInput || format === 'der') && format !== 'jwk';
  const typeStr = enc.type;
  let type;
  if (typeStr === undefined && !required) {
    type = undefined;
  } else if (typeStr === 'pkcs1') {
    if (keyType !== undefined && keyType !== 'rsa') {
      throw new ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS(typeStr, 'can only be used for RSA keys');
    }
    type = 'pkcs1';
  } else if (typeStr === 'spki' && isPublic !== false) {
    type = 'spki';
  } else if (typeStr === 'pkcs8' && isPublic !== true) {
    type = 'pkcs8';
  } else if (typeStr === 'sec1' && isPublic !== true) {
    if (keyType !== undefined && keyType !== 'ec') {
      throw new ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS(typeStr, 'can only be used for EC keys');
    }
    type = 'sec1';
  } else {
    throw new ERR_INVALID_ARG_VALUE(opt('type'), typeStr);
  }
  let cipher, passphrase, encoding;
  if (isPublic !== true) {
    ({ cipher, passphrase, encoding } = enc);
    if (!isInput) {
      if (cipher != null) {
        if (typeof cipher !== 'string') throw new ERR_INVALID_ARG_VALUE(opt('cipher'), cipher);
        if (format === 'der' && (type === 'pkcs1' || type === 'sec1')) {
          throw new ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS(kEncodingNames[type], 'does not support encryption');
        }
      } else if (passphrase !== undefined) {
        throw new ERR_INVALID_ARG_VALUE(opt('cipher'), cipher);
      }
    }
    if ((isInput && passphrase !== undefined && !isStringOrBuffer(passphrase)) ||
        (!isInput && cipher != null && !isStringOrBuffer(passphrase))) {
      throw new ERR_INVALID_ARG_VALUE(opt('passphrase'), passphrase);
    }
  }
  if (passphrase !== undefined) passphrase = getArrayBufferOrView(passphrase, 'key.passphrase', encoding);
  return { format, type, cipher, passphrase };
}

const kCreatePrivate = 0;
const kCreatePublic = 1;
const kConsumePrivate = 2;
const kConsumePublic = 3;

function handleOf(keyObject, ctx) {
  if (ctx === kCreatePrivate) {
    throw new ERR_INVALID_ARG_TYPE('key', ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'],
                                   keyObject);
  }
  if (keyObject.type !== 'private') {
    if (ctx === kConsumePrivate || ctx === kCreatePublic) {
      throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(keyObject.type, 'private');
    }
    if (keyObject.type !== 'public') {
      throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(keyObject.type, 'private or public');
    }
  }
  return keyObject[kHandle];
}

const kJwkFields = ['kty', 'crv', 'x', 'y', 'd', 'n', 'e', 'p', 'q', 'dp', 'dq', 'qi'];

function handleFromJwk(key, ctx) {
  validateObject(key, 'key');
  validateOneOf(key.kty, 'key.kty', ['RSA', 'EC', 'OKP']);
  const isPublic = ctx === kConsumePublic || ctx === kCreatePublic;
  if (key.kty === 'OKP') {
    validateString(key.crv, 'key.crv');
    validateOneOf(key.crv, 'key.crv', ['Ed25519', 'Ed448', 'X25519', 'X448']);
    validateString(key.x, 'key.x');
    if (!isPublic) validateString(key.d, 'key.d');
    const size = { Ed25519: 32, X25519: 32, Ed448: 57, X448: 56 }[key.crv];
    if (Buffer.from(isPublic ? key.x : key.d, 'base64').byteLength !== size) {
      throw new ERR_CRYPTO_INVALID_JWK();
    }
  } else if (key.kty === 'EC') {
    validateString(key.crv, 'key.crv');
    validateOneOf(key.crv, 'key.crv', ['P-256', 'secp256k1', 'P-384', 'P-521']);
    validateString(key.x, 'key.x');
    validateString(key.y, 'key.y');
    if (!isPublic) validateString(key.d, 'key.d');
  } else {
    validateString(key.n, 'key.n');
    validateString(key.e, 'key.e');
    if (!isPublic) {
      for (const name of ['d', 'p', 'q', 'dp', 'dq', 'qi']) validateString(key[name], `key.${name}`);
    }
  }
  const fields = kJwkFields.map((name) => {
    if (name === 'd' && isPublic) return null;
    return typeof key[name] === 'string' ? key[name] : null;
  });
  const native = binding.keyFromJwk(isPublic ? 'public' : 'private', fields);
  if (native === null) throw new ERR_CRYPTO_INVALID_JWK();
  return new KeyObjectHandle(null, native);
}

function keyTypesFor(ctx) {
  return ctx === kCreatePrivate ? kKeyTypes.slice(0, 5) : kKeyTypes;
}

// What a key argument stands for: a handle ready to use, or the bytes and
// encoding of a key still to parse.
function prepareAsymmetricKey(key, ctx) {
  if (isKeyObject(key)) return { data: handleOf(key, ctx) };
  if (isCryptoKey(key)) return { data: handleOf(key[kKeyObject], ctx) };
  if (isStringOrBuffer(key)) return { format: 'pem', data: getArrayBufferOrView(key, 'key') };
  if (typeof key === 'object' && key !== null) {
    const { key: data, encoding, format } = key;
    if (isKeyObject(data)) return { data: handleOf(data, ctx) };
    if (isCryptoKey(data)) return { data: handleOf(data[kKeyObject], ctx) };
    if (format === 'jwk') {
      validateObject(data, 'key.key');
      return { data: handleFromJwk(data, ctx), format: 'jwk' };
    }
    if (!isStringOrBuffer(data)) throw new ERR_INVALID_ARG_TYPE('key.key', keyTypesFor(ctx), data);
    const isPublic = (ctx === kConsumePrivate || ctx === kCreatePrivate) ? false : undefined;
    return { data: getArrayBufferOrView(data, 'key', encoding), ...parseKeyEncoding(key, undefined, isPublic) };
  }
  throw new ERR_INVALID_ARG_TYPE('key', keyTypesFor(ctx), key);
}

// Parses prepared key bytes into a handle (`kind`: 'public' or 'private').
function parsePrepared(prepared, kind) {
  if (prepared.data instanceof KeyObjectHandle) return prepared.data;
  const native = binding.keyParse(kind, prepared.data, prepared.format, prepared.type ?? null,
                                  prepared.passphrase ?? null);
  if (native === 'passphrase') {
    const err = new TypeError('Passphrase required for encrypted key');
    err.code = 'ERR_MISSING_PASSPHRASE';
    throw err;
  }
  if (Array.isArray(native)) throw opensslError(native);
  return new KeyObjectHandle(null, native);
}

function createPublicKey(key) {
  const prepared = prepareAsymmetricKey(key, kCreatePublic);
  let handle = parsePrepared(prepared, 'public');
  if (prepared.data instanceof KeyObjectHandle && prepared.format !== 'jwk') {
    handle = new KeyObjectHandle(null, binding.keyPublic(handle.native));
  }
  return new PublicKeyObject(handle);
}

function createPrivateKey(key) {
  return new PrivateKeyObject(parsePrepared(prepareAsymmetricKey(key, kCreatePrivate), 'private'));
}

// A handle for signing/decrypting (private) or verifying/encrypting (either).
function preparePrivateKey(key) {
  return parsePrepared(prepareAsymmetricKey(key, kConsumePrivate), 'private');
}

// With `lazy`, arguments are checked now and the key is parsed when the
// returned function is called (Node parses keys natively, after the JS
// checks of the other arguments).
function preparePublicOrPrivateKey(key, lazy = false) {
  const prepared = prepareAsymmetricKey(key, kConsumePublic);
  if (lazy) return () => parseForUse(prepared);
  return parseForUse(prepared);
}

function parseForUse(prepared) {
  if (prepared.data instanceof KeyObjectHandle) return prepared.data;
  // PEM holding a private key is accepted wherever a public key is.
  const text = Buffer.from(prepared.data.buffer, prepared.data.byteOffset, prepared.data.byteLength);
  const isPrivate = prepared.format === 'pem' ? text.includes('PRIVATE KEY-----') :
    prepared.type === 'pkcs8' || prepared.type === 'sec1';
  return parsePrepared(prepared, isPrivate ? 'private' : 'public');
}

function isKeyObject(value) {
  return value != null && value[kKeyType] !== undefined && value instanceof KeyObject;
}

function isCryptoKey(value) {
  return value != null && value[kKeyObject] !== undefined;
}

const kKeyTypes = ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'string', 'KeyObject',
  'CryptoKey'];

// The bytes of a secret key given as a KeyObject, CryptoKey, string or
// buffer; `bufferOnly` refuses the key objects.
function prepareSecretKey(key, encoding, bufferOnly = false) {
  if (!bufferOnly) {
    const keyObject = isKeyObject(key) ? key : isCryptoKey(key) ? key[kKeyObject] : null;
    if (keyObject !== null) {
      if (keyObject.type !== 'secret') {
        throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(keyObject.type, 'secret');
      }
      return keyObject[kHandle].bytes;
    }
  }
  if (typeof key !== 'string' && !isArrayBufferView(key) && !isAnyArrayBuffer(key)) {
    throw new ERR_INVALID_ARG_TYPE('key', bufferOnly ? kKeyTypes.slice(0, 4) : kKeyTypes, key);
  }
  return getArrayBufferOrView(key, 'key', encoding);
}

function createSecretKey(key, encoding) {
  return new SecretKeyObject(new KeyObjectHandle(prepareSecretKey(key, encoding, true)));
}

module.exports = {
  PublicKeyObject,
  PrivateKeyObject,
  createPublicKey,
  createPrivateKey,
  parseKeyEncoding,
  preparePrivateKey,
  preparePublicOrPrivateKey,
  KeyObject,
  KeyObjectHandle,
  SecretKeyObject,
  createSecretKey,
  isKeyObject,
  isCryptoKey,
  prepareSecretKey,
};
