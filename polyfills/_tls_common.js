// node:_tls_common: SecureContext and createSecureContext.  The options are
// checked here as Node checks them; the OpenSSL work is the binding's.
'use strict';

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_TLS_INVALID_PROTOCOL_VERSION,
    ERR_TLS_PROTOCOL_VERSION_CONFLICT,
    ERR_INVALID_ARG_VALUE,
  },
} = require('internal/errors');
const { validateString, validateInteger, validateObject } = require('internal/validators');
const { isArrayBufferView } = require('internal/util/types');
const binding = internalBinding('tls_wrap');

const kVersions = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];
// secureProtocol names and the one version each pins.
const kSecureProtocols = {
  TLSv1_method: 'TLSv1', TLSv1_client_method: 'TLSv1', TLSv1_server_method: 'TLSv1',
  TLSv1_1_method: 'TLSv1.1', TLSv1_1_client_method: 'TLSv1.1', TLSv1_1_server_method: 'TLSv1.1',
  TLSv1_2_method: 'TLSv1.2', TLSv1_2_client_method: 'TLSv1.2', TLSv1_2_server_method: 'TLSv1.2',
};

function toV(which, v, def) {
  if (v == null) v = def;
  if (v === 'TLSv1.3' || v === 'TLSv1.2' || v === 'TLSv1.1' || v === 'TLSv1') return v;
  throw new ERR_TLS_INVALID_PROTOCOL_VERSION(v, which);
}

function SecureContext(secureProtocol, secureOptions, minVersion, maxVersion) {
  if (!(this instanceof SecureContext)) {
    return new SecureContext(secureProtocol, secureOptions, minVersion, maxVersion);
  }
  const tls = require('tls');
  if (secureProtocol) {
    validateString(secureProtocol, 'secureProtocol');
    if (minVersion != null) throw new ERR_TLS_PROTOCOL_VERSION_CONFLICT(minVersion, secureProtocol);
    if (maxVersion != null) throw new ERR_TLS_PROTOCOL_VERSION_CONFLICT(maxVersion, secureProtocol);
  }
  const min = toV('minimum', minVersion, tls.DEFAULT_MIN_VERSION);
  const max = toV('maximum', maxVersion, tls.DEFAULT_MAX_VERSION);
  this.context = new binding.SecureContext();
  let lo = min;
  let hi = max;
  if (secureProtocol) {
    if (secureProtocol in kSecureProtocols) {
      lo = hi = kSecureProtocols[secureProtocol];
    } else if (!/^(TLS|SSLv23)(_client|_server)?_method$/.test(secureProtocol)) {
      const m = /^(SSLv[23])_/.exec(secureProtocol);
      const err = new TypeError(m ? `${m[1]} methods disabled` : `Unknown method: ${secureProtocol}`);
      err.code = 'ERR_TLS_INVALID_PROTOCOL_METHOD';
      throw err;
    } else {
      lo = 'TLSv1';
      hi = 'TLSv1.3';
    }
  }
  const err = this.context.setProtocols(lo, hi);
  if (err) throw err;
  if (secureOptions) {
    validateInteger(secureOptions, 'secureOptions');
    this.context.setOptions(secureOptions);
  }
}

function validateKeyOrCertOption(name, value) {
  if (typeof value !== 'string' && !isArrayBufferView(value)) {
    throw new ERR_INVALID_ARG_TYPE(`options.${name}`,
                                   ['string', 'Buffer', 'TypedArray', 'DataView'], value);
  }
}

function asText(v) {
  if (typeof v === 'string') return v;
  return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('latin1');
}

function asList(name, v) {
  if (v === undefined || v === null) return [];
  const list = Array.isArray(v) ? v : [v];
  for (const item of list) validateKeyOrCertOption(name, item);
  return list;
}

function configSecureContext(sc, options) {
  const ctx = sc.context;
  const { ca, cert, key, pfx, passphrase, ciphers, ecdhCurve, dhparam, crl, sessionIdContext, sessionTimeout,
          sigalgs, privateKeyIdentifier, privateKeyEngine } = options;

  // Node's order: ca, then cert, then key.
  if (ca) {
    for (const c of asList('ca', ca)) {
      const e = ctx.addCACert(asText(c));
      if (e) throw e;
    }
  } else {
    ctx.addRootCerts();
  }

  const certs = cert ? asList('cert', cert) : [];
  const keys = [];
  if (key) {
    if (Array.isArray(key)) {
      for (const k of key) {
        // Only inside an array may a key come as { pem, passphrase }.
        const pem = (k !== null && typeof k === 'object' && !isArrayBufferView(k)) ? k.pem : k;
        validateKeyOrCertOption('key', pem);
        const pw = (k !== null && typeof k === 'object' && !isArrayBufferView(k) && k.passphrase !== undefined) ?
          k.passphrase : passphrase;
        keys.push([asText(pem), pw]);
      }
    } else {
      validateKeyOrCertOption('key', key);
      keys.push([asText(key), passphrase]);
    }
  }
  if (passphrase !== undefined && passphrase !== null) validateString(passphrase, 'options.passphrase');
  for (const [, pw] of keys) if (pw !== undefined && pw !== null) validateString(pw, 'options.passphrase');
  if (privateKeyIdentifier != null || privateKeyEngine != null) {
    if (privateKeyIdentifier != null) validateString(privateKeyIdentifier, 'options.privateKeyIdentifier');
    if (privateKeyEngine != null) validateString(privateKeyEngine, 'options.privateKeyEngine');
  }
  if (certs.length) ctx.certPem = asText(certs[0]);
  // Each key goes with the certificate of the same type: try the pairs.
  for (const [k, pw] of keys) {
    let lastErr = null;
    let ok = certs.length === 0;
    for (const c of certs) {
      const e = ctx.setCertKey(asText(c), k, pw === undefined ? null : pw);
      if (!e) { ok = true; break; }
      lastErr = e;
    }
    // A key whose type no certificate has is kept by OpenSSL, not refused.
    if (!ok && lastErr && lastErr.code !== 'ERR_SSL_NO_CERTIFICATE_ASSIGNED') throw lastErr;
  }

  if (sigalgs != null) {
    validateString(sigalgs, 'options.sigalgs');
    if (sigalgs === '') throw new ERR_INVALID_ARG_VALUE('options.sigalgs', sigalgs);
  }

  if (ciphers !== undefined && ciphers !== null) validateString(ciphers, 'options.ciphers');
  const list = (ciphers || require('tls').DEFAULT_CIPHERS).split(':');
  const legacy = list.filter((c) => c.length > 0 && !c.startsWith('TLS_')).join(':');
  const suites = list.filter((c) => c.length > 0 && c.startsWith('TLS_')).join(':');
  // No suite for either protocol version: no handshake could ever succeed.
  if (legacy === '' && suites === '') throw new ERR_INVALID_ARG_VALUE('options.ciphers', list);
  if (suites !== '') {
    const e = ctx.setCipherSuites(suites);
    if (e) throw e;
  }
  {
    // '' clears the TLS 1.2 ciphers (TLS 1.3 suites only).
    const e = ctx.setCiphers(legacy);
    // Only exclusions ('!X', '-X') may leave no TLS 1.2 cipher: TLS 1.3 remains.
    const onlyExclusions = legacy.split(':').every((c) => c[0] === '!' || c[0] === '-');
    if (e && !(onlyExclusions && suites !== '' && e.code === 'ERR_SSL_NO_CIPHER_MATCH')) throw e;
  }

  if (ecdhCurve != null) {
    validateString(ecdhCurve, 'options.ecdhCurve');
    const e = ctx.setECDHCurve(ecdhCurve);
    if (e) throw e;
  }
  if (dhparam !== undefined && dhparam !== null) {
    validateKeyOrCertOption('dhparam', dhparam);
    if (asText(dhparam) !== 'auto') {
      const e = ctx.setDHParam(Buffer.from(asText(dhparam), 'latin1'));
      if (e) throw e;
    }
  }
  if (crl) asList('crl', crl);

  if (pfx) {
    for (const p of (Array.isArray(pfx) ? pfx : [pfx])) {
      const buf = p?.buf !== undefined ? p.buf : p;
      validateKeyOrCertOption('pfx', buf);
      const pw = p?.passphrase !== undefined ? p.passphrase : passphrase;
      const r = binding.pkcs12ToPem(typeof buf === 'string' ? Buffer.from(buf) : buf, pw ?? null);
      if (!Array.isArray(r)) throw new Error(r.message);
      const [k, c, extra] = r;
      for (const x of extra) ctx.addCACert(Buffer.from(x).toString('latin1'));
      if (!k) throw new Error('Unable to load private key from PFX data');
      if (!c) throw new Error('Unable to load certificate from PFX data');
      {
        const certText = Buffer.from(c).toString('latin1');
        ctx.certPem ??= certText;
        const e = ctx.setCertKey(certText, Buffer.from(k).toString('latin1'), null);
        if (e) throw e;
      }
    }
  }

  if (sessionIdContext != null || sessionTimeout != null) {
    if (sessionTimeout != null) validateInteger(sessionTimeout, 'options.sessionTimeout');
    ctx.setSessionParams(sessionIdContext ?? null, sessionTimeout ?? null);
  }
}

function createSecureContext(options) {
  if (!options) options = {};
  else validateObject(options, 'options');
  const { honorCipherOrder, minVersion, maxVersion, secureProtocol } = options;
  let { secureOptions } = options;
  if (honorCipherOrder) secureOptions |= 0x400000; // SSL_OP_CIPHER_SERVER_PREFERENCE
  const c = new SecureContext(secureProtocol, secureOptions, minVersion, maxVersion);
  configSecureContext(c, options);
  return c;
}

function translatePeerCertificate(c) {
  if (!c) return null;
  if (c.issuerCertificate != null && c.issuerCertificate !== c) {
    c.issuerCertificate = translatePeerCertificate(c.issuerCertificate);
  }
  if (c.infoAccess != null) {
    // 'OCSP - URI:http://x\n...' -> { 'OCSP - URI': ['http://x'] } (no
    // prototype: the keys come from the certificate).
    const text = c.infoAccess;
    const info = { __proto__: null };
    for (const line of String(text).split('\n')) {
      const colon = line.indexOf(':');
      if (colon === -1) continue;
      const key = line.slice(0, colon);
      const value = line.slice(colon + 1);
      if (key in info) info[key].push(value);
      else info[key] = [value];
    }
    c.infoAccess = info;
  }
  return c;
}

module.exports = {
  SecureContext,
  createSecureContext,
  translatePeerCertificate,
  kVersions,
};
