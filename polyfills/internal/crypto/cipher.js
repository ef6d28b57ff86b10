'use strict';

// Cipheriv / Decipheriv (and the deprecated password-based Cipher /
// Decipher): LazyTransform streams over a cipher context in Python.  The
// context's state machine (what may be called when) is Node's CipherBase.

const { Buffer } = require('buffer');
const LazyTransform = require('internal/streams/lazy_transform');
const { StringDecoder } = require('string_decoder');
const {
  codes: {
    ERR_CRYPTO_INVALID_STATE,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_UNKNOWN_ENCODING,
  },
} = require('internal/errors');
const {
  validateInt32, validateObject, validateString,
} = require('internal/validators');
const { isArrayBufferView } = require('internal/util/types');
const { normalizeEncoding } = require('internal/util');
const {
  binding, getArrayBufferOrView, kHandle, nativeError, opensslError, updateInput,
} = require('internal/crypto/util');
const {
  prepareSecretKey, preparePrivateKey, preparePublicOrPrivateKey,
} = require('internal/crypto/keys');

// RSA_PKCS1_PADDING / RSA_PKCS1_OAEP_PADDING
const kPKCS1 = 1;
const kOAEP = 4;

function rsaFunction(op, defaultPadding, needsPrivate) {
  return (options, buffer) => {
    const padding = options.padding || defaultPadding;
    const { oaepHash, encoding } = options;
    let { oaepLabel } = options;
    if (oaepHash !== undefined) validateString(oaepHash, 'key.oaepHash');
    if (oaepLabel !== undefined) oaepLabel = getArrayBufferOrView(oaepLabel, 'key.oaepLabel', encoding);
    buffer = getArrayBufferOrView(buffer, 'buffer', encoding);
    if (op === 'privateDecrypt' && padding === kPKCS1) {
      // Node 20.19 refuses PKCS#1 v1.5 decryption (CVE-2023-46809, Marvin).
      throw new ERR_INVALID_ARG_VALUE('padding', padding,
        'RSA_PKCS1_PADDING is no longer supported for private decryption, ' +
        'this can be reverted with --security-revert=CVE-2023-46809');
    }
    if (oaepHash !== undefined && binding.digestSize(oaepHash) < 0) {
      const err = new Error('Invalid digest used');
      err.code = 'ERR_OSSL_EVP_INVALID_DIGEST';
      throw err;
    }
    // The key is parsed last, as Node's native side does.
    const handle = needsPrivate ? preparePrivateKey(options) : preparePublicOrPrivateKey(options);
    const out = binding.rsaCrypt(op, handle.native, buffer, padding, oaepHash ?? null, oaepLabel ?? null);
    if (Array.isArray(out)) throw opensslError(out);
    return Buffer.from(out);
  };
}

const publicEncrypt = rsaFunction('publicEncrypt', kOAEP, false);
const publicDecrypt = rsaFunction('publicDecrypt', kPKCS1, false);
const privateEncrypt = rsaFunction('privateEncrypt', kPKCS1, true);
const privateDecrypt = rsaFunction('privateDecrypt', kOAEP, true);

const kGcmTagLengths = [4, 8, 12, 13, 14, 15, 16];

function uintOption(options, key) {
  const value = options == null ? undefined : options[key];
  if (value == null) return -1;
  if (value >>> 0 !== value) throw new ERR_INVALID_ARG_VALUE(`options.${key}`, value);
  return value;
}

function stringOption(options, key) {
  const value = options == null ? undefined : options[key];
  if (value !== undefined) validateString(value, `options.${key}`);
  return value;
}

function invalidTagLength(length) {
  return nativeError('ERR_CRYPTO_INVALID_AUTH_TAG', `Invalid authentication tag length: ${length}`);
}

// Node's CipherBase: the binding's context plus the rules of its use.
class CipherContext {
  constructor(name, key, iv, tagLength, encrypt) {
    const info = binding.cipherInfo(name);
    if (info === null) throw nativeError('ERR_CRYPTO_UNKNOWN_CIPHER');
    const [mode, keyLength, ivLength] = info;
    this.mode = mode;
    this.encrypt = encrypt;
    this.aead = mode === 'gcm' || mode === 'ccm' || mode === 'poly1305';
    const ivSize = iv === null ? 0 : iv.byteLength;
    if (key.byteLength !== keyLength) throw nativeError('ERR_CRYPTO_INVALID_KEYLEN');
    let ivOk;
    if (mode === 'gcm') ivOk = ivSize > 0;
    else if (mode === 'ccm') ivOk = ivSize >= 7 && ivSize <= 13;
    else if (mode === 'poly1305') ivOk = ivSize >= 1 && ivSize <= 12;
    else ivOk = ivSize === ivLength && (iv !== null || ivLength === 0);
    if (!ivOk) throw nativeError('ERR_CRYPTO_INVALID_IV');
    if (mode === 'poly1305' && ivSize < 12) {
      // OpenSSL left-pads a short ChaCha20-Poly1305 nonce with zeros.
      const padded = new Uint8Array(12);
      padded.set(iv, 12 - ivSize);
      iv = padded;
    }
    if (mode === 'ccm' && tagLength === -1) {
      throw nativeError('ERR_CRYPTO_INVALID_AUTH_TAG', `authTagLength required for ${name}`);
    }
    if (tagLength !== -1 && this.aead) {
      const valid = mode === 'gcm' ? kGcmTagLengths.includes(tagLength) :
        mode === 'ccm' ? tagLength >= 4 && tagLength <= 16 && tagLength % 2 === 0 :
          tagLength >= 1 && tagLength <= 16;
      if (!valid) throw invalidTagLength(tagLength);
    }
    this.tagLength = tagLength;
    this.state = binding.cipherNew(name, key, iv, encrypt, tagLength === -1 ? 16 : tagLength);
    this.finished = false;
    this.tagSet = false;
    this.updated = false;
  }

  update(data) {
    if (this.finished) throw new Error('Trying to add data in unsupported state');
    this.updated = true;
    // OpenSSL takes a C int length (and GCM a little headroom on top).
    if (data.byteLength >= 2 ** 31 - 1) {
      const err = new RangeError('data is too big');
      err.code = 'ERR_OUT_OF_RANGE';
      throw err;
    }
    const out = binding.cipherUpdate(this.state, data);
    if (Array.isArray(out)) throw opensslError(out);
    return Buffer.from(out);
  }

  final() {
    if (this.finished) throw nativeError('ERR_CRYPTO_INVALID_STATE');
    this.finished = true;
    const out = binding.cipherFinal(this.state);
    if (out === 'auth') throw new Error('Unsupported state or unable to authenticate data');
    if (Array.isArray(out)) throw opensslError(out);
    return Buffer.from(out);
  }

  setAutoPadding(on) {
    if (this.finished) return false;
    binding.cipherSetAutoPadding(this.state, on);
    return true;
  }

  getAuthTag() {
    if (!this.encrypt || !this.finished || !this.aead) return undefined;
    return Buffer.from(binding.cipherGetAuthTag(this.state));
  }

  setAuthTag(tag) {
    if (this.encrypt || !this.aead || this.finished || this.tagSet) return false;
    const length = tag.byteLength;
    let valid;
    if (this.mode === 'gcm') {
      valid = this.tagLength === -1 ? kGcmTagLengths.includes(length) : length === this.tagLength;
      if (valid && this.tagLength === -1 && length !== 16 &&
          require('internal/options').getOptionValue('--pending-deprecation')) {
        process.emitWarning('Using AES-GCM authentication tags of less than 128 bits without ' +
                            'specifying the authTagLength option when initializing decryption is ' +
                            'deprecated.', 'DeprecationWarning', 'DEP0182');
      }
    } else if (this.mode === 'ccm') {
      valid = length === this.tagLength;
    } else {
      valid = length >= 1 && length <= 16 && (this.tagLength === -1 || length === this.tagLength);
    }
    if (!valid) throw invalidTagLength(length);
    this.tagSet = true;
    binding.cipherSetAuthTag(this.state, tag);
    return true;
  }

  setAAD(aad, plaintextLength) {
    if (!this.aead || this.finished || this.updated) return false;
    if (this.mode === 'ccm') {
      if (plaintextLength === -1) {
        throw new (require('internal/errors').codes.ERR_MISSING_OPTION)('options.plaintextLength');
      }
    }
    binding.cipherSetAAD(this.state, aad, plaintextLength);
    return true;
  }
}


function decoderFor(self, encoding) {
  const normalized = normalizeEncoding(encoding);
  if (self._decoder === null) {
    if (normalized === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
    self._decoder = new StringDecoder(encoding);
  } else if (self._decoder.encoding !== normalized) {
    if (normalized === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
    throw new Error('Cannot change encoding');
  }
  return self._decoder;
}

function initCipher(self, name, key, iv, options, encrypt) {
  const tagLength = uintOption(options, 'authTagLength');
  self[kHandle] = new CipherContext(name, key, iv, tagLength, encrypt);
  self._decoder = null;
  Reflect.apply(LazyTransform, self, [options]);
}

function initWithIV(self, name, key, iv, options, encrypt) {
  validateString(name, 'cipher');
  const encoding = stringOption(options, 'encoding');
  key = prepareSecretKey(key, encoding);
  iv = iv === null ? null : getArrayBufferOrView(iv, 'iv');
  initCipher(self, name, key, iv, options, encrypt);
}

// OpenSSL's EVP_BytesToKey with MD5, one round, no salt: how the
// deprecated createCipher() turns a password into key and IV.
function bytesToKey(name, password) {
  const info = binding.cipherInfo(name);
  if (info === null) throw nativeError('ERR_CRYPTO_UNKNOWN_CIPHER');
  const [, keyLength, ivLength] = info;
  const { Hash } = require('internal/crypto/hash');
  const parts = [];
  let total = 0;
  let previous = Buffer.alloc(0);
  while (total < keyLength + ivLength) {
    previous = new Hash('md5').update(previous).update(password).digest();
    parts.push(previous);
    total += previous.length;
  }
  const all = Buffer.concat(parts);
  return [all.subarray(0, keyLength), ivLength ? all.subarray(keyLength, keyLength + ivLength) : null];
}

function initWithPassword(self, name, password, options, encrypt) {
  validateString(name, 'cipher');
  password = getArrayBufferOrView(password, 'password');
  const [key, iv] = bytesToKey(name, password);
  // Without an IV every message would reuse one keystream.
  const { mode } = getCipherInfo(name) ?? {};
  if (encrypt && (mode === 'ctr' || mode === 'gcm' || mode === 'ccm' || mode === 'ocb' || mode === 'xts')) {
    process.emitWarning(`Use Cipheriv for counter mode of ${name}`);
  }
  initCipher(self, name, key, iv, options, encrypt);
}

const methods = {
  _transform(chunk, encoding, callback) {
    this.push(this[kHandle].update(updateInput(chunk, encoding)));
    callback();
  },

  _flush(callback) {
    try {
      this.push(this[kHandle].final());
    } catch (err) {
      callback(err);
      return;
    }
    callback();
  },

  update(data, inputEncoding, outputEncoding) {
    const out = this[kHandle].update(updateInput(data, inputEncoding));
    if (outputEncoding && outputEncoding !== 'buffer') {
      return decoderFor(this, outputEncoding).write(out);
    }
    return out;
  },

  final(outputEncoding) {
    const out = this[kHandle].final();
    if (outputEncoding && outputEncoding !== 'buffer') {
      return decoderFor(this, outputEncoding).end(out);
    }
    return out;
  },

  setAutoPadding(ap) {
    if (!this[kHandle].setAutoPadding(!!ap)) throw new ERR_CRYPTO_INVALID_STATE('setAutoPadding');
    return this;
  },

  setAAD(aadbuf, options) {
    const encoding = stringOption(options, 'encoding');
    const plaintextLength = uintOption(options, 'plaintextLength');
    aadbuf = getArrayBufferOrView(aadbuf, 'aadbuf', encoding);
    if (!this[kHandle].setAAD(aadbuf, plaintextLength)) throw new ERR_CRYPTO_INVALID_STATE('setAAD');
    return this;
  },
};

function getAuthTag() {
  const tag = this[kHandle].getAuthTag();
  if (tag === undefined) throw new ERR_CRYPTO_INVALID_STATE('getAuthTag');
  return tag;
}

function setAuthTag(tagbuf, encoding) {
  tagbuf = getArrayBufferOrView(tagbuf, 'buffer', encoding);
  if (!this[kHandle].setAuthTag(tagbuf)) throw new ERR_CRYPTO_INVALID_STATE('setAuthTag');
  return this;
}

function defineClass(ctor, encrypt) {
  Object.setPrototypeOf(ctor.prototype, LazyTransform.prototype);
  Object.setPrototypeOf(ctor, LazyTransform);
  for (const name of Object.keys(methods)) ctor.prototype[name] = methods[name];
  if (encrypt) ctor.prototype.getAuthTag = getAuthTag;
  else ctor.prototype.setAuthTag = setAuthTag;
}

function Cipher(cipher, password, options) {
  if (!(this instanceof Cipher)) return new Cipher(cipher, password, options);
  initWithPassword(this, cipher, password, options, true);
}
function Decipher(cipher, password, options) {
  if (!(this instanceof Decipher)) return new Decipher(cipher, password, options);
  initWithPassword(this, cipher, password, options, false);
}
function Cipheriv(cipher, key, iv, options) {
  if (!(this instanceof Cipheriv)) return new Cipheriv(cipher, key, iv, options);
  initWithIV(this, cipher, key, iv, options, true);
}
function Decipheriv(cipher, key, iv, options) {
  if (!(this instanceof Decipheriv)) return new Decipheriv(cipher, key, iv, options);
  initWithIV(this, cipher, key, iv, options, false);
}
defineClass(Cipher, true);
defineClass(Decipher, false);
defineClass(Cipheriv, true);
defineClass(Decipheriv, false);

function getCipherInfo(nameOrNid, options) {
  if (typeof nameOrNid !== 'string' && typeof nameOrNid !== 'number') {
    throw new ERR_INVALID_ARG_TYPE('nameOrNid', ['string', 'number'], nameOrNid);
  }
  if (typeof nameOrNid === 'number') validateInt32(nameOrNid, 'nameOrNid');
  let keyLength, ivLength;
  if (options !== undefined) {
    validateObject(options, 'options');
    ({ keyLength, ivLength } = options);
    if (keyLength !== undefined) validateInt32(keyLength, 'options.keyLength');
    if (ivLength !== undefined) validateInt32(ivLength, 'options.ivLength');
  }
  const info = binding.cipherInfo(nameOrNid);
  if (info === null) return undefined;
  const [mode, keyLen, ivLen, block, nid, name, infoMode] = info;
  if (keyLength !== undefined && keyLength !== keyLen) return undefined;
  if (ivLength !== undefined && ivLength !== ivLen) {
    // Only the AEAD modes take other IV sizes.
    if (mode === 'gcm' && ivLength < 1) return undefined;
    if (mode === 'ccm' && (ivLength < 7 || ivLength > 13)) return undefined;
    if (mode === 'poly1305' && (ivLength < 1 || ivLength > 12)) return undefined;
    if (mode !== 'gcm' && mode !== 'ccm' && mode !== 'poly1305') return undefined;
  }
  const result = { mode: infoMode, name, nid };
  if (infoMode !== 'stream') result.blockSize = block;
  if (ivLen !== 0) result.ivLength = ivLength !== undefined ? ivLength : ivLen;
  result.keyLength = keyLen;
  return result;
}

module.exports = {
  Cipher, Cipheriv, Decipher, Decipheriv, getCipherInfo,
  privateDecrypt, privateEncrypt, publicDecrypt, publicEncrypt,
};
