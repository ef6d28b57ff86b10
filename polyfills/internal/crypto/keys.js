'use strict';

// KeyObject and its secret-key form.  A key's material sits in a
// KeyObjectHandle (for a secret key, a private copy of its bytes).

const { Buffer } = require('buffer');
const {
  codes: {
    ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
  },
} = require('internal/errors');
const { validateObject, validateOneOf } = require('internal/validators');
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/util/types');
const { getArrayBufferOrView, kHandle, kKeyObject } = require('internal/crypto/util');

const kKeyType = Symbol('kKeyType');

class KeyObjectHandle {
  constructor(bytes) {
    const view = ArrayBuffer.isView(bytes) ?
      new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : new Uint8Array(bytes);
    this.bytes = Buffer.from(view);
  }

  equals(other) {
    return other instanceof KeyObjectHandle && this.bytes.equals(other.bytes);
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
  KeyObject,
  KeyObjectHandle,
  SecretKeyObject,
  createSecretKey,
  isKeyObject,
  isCryptoKey,
  prepareSecretKey,
};
