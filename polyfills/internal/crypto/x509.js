'use strict';

// X509Certificate over a certificate parsed in Python.  Fields are read
// once and cached, as Node's are.

const { Buffer } = require('buffer');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const { validateBoolean, validateObject, validateString } = require('internal/validators');
const { isArrayBufferView } = require('internal/util/types');
const { kEmptyObject } = require('internal/util');
const { inspect } = require('internal/util/inspect');
const {
  JSTransferable, kClone, kDeserialize, markTransferMode,
} = require('internal/worker/js_transferable');
const { binding, kHandle, opensslError } = require('internal/crypto/util');
const { KeyObjectHandle, PublicKeyObject, isKeyObject } = require('internal/crypto/keys');

const kInternalState = Symbol('kInternalState');
const kBlank = Symbol('kBlank');

// X509_CHECK_FLAG_* bits.
const kAlwaysCheckSubject = 0x1;
const kNoWildcards = 0x2;
const kNoPartialWildcards = 0x4;
const kMultiLabelWildcards = 0x8;
const kSingleLabelSubdomains = 0x10;
const kNeverCheckSubject = 0x20;

function isX509Certificate(value) {
  return value != null && value[kInternalState] !== undefined;
}

function checkFlags(options = kEmptyObject) {
  validateObject(options, 'options');
  const {
    subject = 'default',
    wildcards = true,
    partialWildcards = true,
    multiLabelWildcards = false,
    singleLabelSubdomains = false,
  } = { ...options };
  validateString(subject, 'options.subject');
  validateBoolean(wildcards, 'options.wildcards');
  validateBoolean(partialWildcards, 'options.partialWildcards');
  validateBoolean(multiLabelWildcards, 'options.multiLabelWildcards');
  validateBoolean(singleLabelSubdomains, 'options.singleLabelSubdomains');
  let flags = 0;
  if (subject === 'always') flags |= kAlwaysCheckSubject;
  else if (subject === 'never') flags |= kNeverCheckSubject;
  else if (subject !== 'default') throw new ERR_INVALID_ARG_VALUE('options.subject', subject);
  if (!wildcards) flags |= kNoWildcards;
  if (!partialWildcards) flags |= kNoPartialWildcards;
  if (multiLabelWildcards) flags |= kMultiLabelWildcards;
  if (singleLabelSubdomains) flags |= kSingleLabelSubdomains;
  return flags;
}

function parse(bytes) {
  const handle = binding.x509Parse(bytes);
  if (Array.isArray(handle)) throw opensslError(handle);
  return handle;
}

// C++-side argument checks in Node: TypeErrors with this code.
function invalidValue(message) {
  const err = new TypeError(message);
  err.code = 'ERR_INVALID_ARG_VALUE';
  return err;
}

function checkNoNul(value, what) {
  if (value.includes('\0')) throw invalidValue(`Invalid ${what}`);
}

function field(cert, name) {
  const state = cert[kInternalState];
  if (!state.has('info')) state.set('info', binding.x509Info(cert[kHandle]));
  const value = state.get('info')[name];
  return value === null ? undefined : value;
}

class X509Certificate extends JSTransferable {
  constructor(buffer) {
    if (buffer !== kBlank) {
      if (typeof buffer === 'string') buffer = Buffer.from(buffer);
      if (!isArrayBufferView(buffer)) {
        throw new ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
      }
    }
    super();
    markTransferMode(this, true, false);
    this[kInternalState] = new Map();
    if (buffer !== kBlank) this[kHandle] = parse(buffer);
  }

  [inspect.custom](depth, options) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `X509Certificate ${inspect({
      subject: this.subject,
      subjectAltName: this.subjectAltName,
      issuer: this.issuer,
      infoAccess: this.infoAccess,
      validFrom: this.validFrom,
      validTo: this.validTo,
      fingerprint: this.fingerprint,
      fingerprint256: this.fingerprint256,
      fingerprint512: this.fingerprint512,
      keyUsage: this.keyUsage,
      serialNumber: this.serialNumber,
    }, opts)}`;
  }

  // Clones travel as DER and are parsed again on arrival.
  [kClone]() {
    return {
      data: { der: this.raw },
      deserializeInfo: 'internal/crypto/x509:InternalX509Certificate',
    };
  }

  [kDeserialize]({ der }) {
    this[kHandle] = parse(der);
  }

  get subject() { return field(this, 'subject'); }
  get subjectAltName() { return field(this, 'subjectAltName'); }
  get issuer() { return field(this, 'issuer'); }
  get issuerCertificate() { return undefined; }
  get infoAccess() { return field(this, 'infoAccess'); }
  get validFrom() { return field(this, 'validFrom'); }
  get validTo() { return field(this, 'validTo'); }
  get fingerprint() { return field(this, 'fingerprint'); }
  get fingerprint256() { return field(this, 'fingerprint256'); }
  get fingerprint512() { return field(this, 'fingerprint512'); }
  get keyUsage() {
    const value = field(this, 'keyUsage');
    return value === undefined ? undefined : [...value];
  }
  get serialNumber() { return field(this, 'serialNumber'); }
  get raw() {
    const state = this[kInternalState];
    if (!state.has('raw')) state.set('raw', Buffer.from(field(this, 'raw')));
    return state.get('raw');
  }
  get ca() { return field(this, 'ca'); }

  get publicKey() {
    const state = this[kInternalState];
    if (!state.has('publicKey')) {
      const native = binding.x509PublicKey(this[kHandle]);
      if (Array.isArray(native)) throw opensslError(native);
      state.set('publicKey', new PublicKeyObject(new KeyObjectHandle(null, native)));
    }
    return state.get('publicKey');
  }

  toString() { return field(this, 'pem'); }
  toJSON() { return this.toString(); }

  checkHost(name, options) {
    validateString(name, 'name');
    const flags = checkFlags(options);
    checkNoNul(name, 'name');
    return binding.x509CheckHost(this[kHandle], name, flags) ?? undefined;
  }

  checkEmail(email, options) {
    validateString(email, 'email');
    const flags = checkFlags(options);
    checkNoNul(email, 'email');
    return binding.x509CheckEmail(this[kHandle], email, flags) ?? undefined;
  }

  checkIP(ip, options) {
    validateString(ip, 'ip');
    checkFlags(options);
    const result = binding.x509CheckIP(this[kHandle], ip);
    if (result === false) throw invalidValue('Invalid IP');
    return result ?? undefined;
  }

  checkIssued(otherCert) {
    if (!isX509Certificate(otherCert)) {
      throw new ERR_INVALID_ARG_TYPE('otherCert', 'X509Certificate', otherCert);
    }
    return binding.x509CheckIssued(this[kHandle], otherCert[kHandle]);
  }

  checkPrivateKey(pkey) {
    if (!isKeyObject(pkey)) throw new ERR_INVALID_ARG_TYPE('pkey', 'KeyObject', pkey);
    if (pkey.type !== 'private') throw new ERR_INVALID_ARG_VALUE('pkey', pkey);
    return binding.x509CheckPrivateKey(this[kHandle], pkey[kHandle].native);
  }

  verify(pkey) {
    if (!isKeyObject(pkey)) throw new ERR_INVALID_ARG_TYPE('pkey', 'KeyObject', pkey);
    if (pkey.type !== 'public') throw new ERR_INVALID_ARG_VALUE('pkey', pkey);
    return binding.x509Verify(this[kHandle], pkey[kHandle].native);
  }

  toLegacyObject() {
    const legacy = { ...binding.x509Legacy(this[kHandle]) };
    legacy.raw = Buffer.from(legacy.raw);
    if (legacy.pubkey !== undefined) legacy.pubkey = Buffer.from(legacy.pubkey);
    for (const key of ['subject', 'issuer']) legacy[key] = Object.assign({ __proto__: null }, legacy[key]);
    if (legacy.ext_key_usage !== undefined) legacy.ext_key_usage = [...legacy.ext_key_usage];
    return require('_tls_common').translatePeerCertificate(legacy);
  }
}

// What a clone is made as on the receiving side, before its DER arrives.
class InternalX509Certificate extends X509Certificate {
  constructor() {
    super(kBlank);
  }
}
InternalX509Certificate.prototype.constructor = X509Certificate;

module.exports = { X509Certificate, InternalX509Certificate, isX509Certificate };
