// node:tls.  TLSSocket, Server and connect live in _tls_wrap, contexts in
// _tls_common; this module holds the defaults and the host name check.
'use strict';

const net = require('net');
const EventEmitter = require('events');
const {
  codes: {
    ERR_TLS_CERT_ALTNAME_INVALID,
    ERR_TLS_CERT_ALTNAME_FORMAT,
    ERR_OUT_OF_RANGE,
    ERR_TLS_INVALID_CONTEXT,
  },
} = require('internal/errors');
const { isArrayBufferView } = require('internal/util/types');
const binding = internalBinding('tls_wrap');
const _tls_common = require('_tls_common');
const _tls_wrap = require('_tls_wrap');

exports.CLIENT_RENEG_LIMIT = 3;
exports.CLIENT_RENEG_WINDOW = 600;
exports.DEFAULT_CIPHERS =
  'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:' +
  'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:' +
  'ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA256:' +
  'DHE-RSA-AES128-SHA256:ECDHE-RSA-AES256-SHA384:DHE-RSA-AES256-SHA384:ECDHE-RSA-AES256-SHA256:' +
  'DHE-RSA-AES256-SHA256:HIGH:!aNULL:!eNULL:!EXPORT:!DES:!RC4:!MD5:!PSK:!SRP:!CAMELLIA';
exports.DEFAULT_ECDH_CURVE = 'auto';
exports.DEFAULT_MIN_VERSION = process.execArgv.includes('--tls-min-v1.3') ? 'TLSv1.3' : 'TLSv1.2';
exports.DEFAULT_MAX_VERSION = process.execArgv.includes('--tls-max-v1.2') ? 'TLSv1.2' : 'TLSv1.3';

let ciphers = null;
exports.getCiphers = function getCiphers() {
  if (ciphers === null) {
    const names = new Set(binding.getCiphers().map((n) => n.toLowerCase()));
    ciphers = [...names].sort();
  }
  return ciphers.slice();
};

let roots = null;
Object.defineProperty(exports, 'rootCertificates', {
  __proto__: null,
  configurable: false,
  enumerable: true,
  get() {
    roots ??= Object.freeze(binding.rootCertificates());
    return roots;
  },
});

// ALPN protocol names as the wire wants them: each prefixed by its length.
exports.convertALPNProtocols = function convertALPNProtocols(protocols, out) {
  if (Array.isArray(protocols)) {
    const parts = [];
    for (const p of protocols) {
      const b = Buffer.from(p);
      if (b.length > 255) {
        throw new ERR_OUT_OF_RANGE(`The byte length of the protocol at index ${parts.length / 2} ` +
                                   'exceeds the maximum length.', '<= 255', b.length, true);
      }
      parts.push(Buffer.from([b.length]), b);
    }
    out.ALPNProtocols = Buffer.concat(parts);
  } else if (isArrayBufferView(protocols)) {
    out.ALPNProtocols = Buffer.from(protocols.buffer.slice(protocols.byteOffset,
                                                           protocols.byteOffset + protocols.byteLength));
  }
};

function withoutDot(name) {
  return name.endsWith('.') ? name.slice(0, -1) : name;
}

function labels(name) {
  return withoutDot(name).toLowerCase().split('.');
}

// RFC 6125 matching of one certificate name against the host's labels.
function nameMatches(host, pattern, allowWildcard) {
  if (!pattern) return false;
  const pat = labels(pattern);
  if (pat.length !== host.length || pat.includes('')) return false;
  if (pat.some((p) => /[^\u0021-\u007F]/u.test(p))) return false;
  for (let i = pat.length - 1; i > 0; i--) if (pat[i] !== host[i]) return false;
  const first = pat[0];
  const pieces = first.split('*', 3);
  // A-labels (punycode) are compared verbatim, never as wildcards.
  if (pieces.length === 1 || first.includes('xn--')) return host[0] === first;
  if (!allowWildcard || pieces.length > 2 || pat.length <= 2) return false;
  const [before, after] = pieces;
  const label = host[0];
  return before.length + after.length <= label.length &&
    label.startsWith(before) && label.endsWith(after);
}

// A subjectaltname string whose entries may be JSON-quoted (names with ', ').
const kQuoted = /^"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/;
function splitAltNames(text) {
  if (!text.includes('"')) return text.split(', ');
  const out = [];
  let token = '';
  let pos = 0;
  while (pos < text.length) {
    const comma = text.indexOf(',', pos);
    const quote = text.indexOf('"', pos);
    if (quote !== -1 && (comma === -1 || quote < comma)) {
      token += text.slice(pos, quote);
      const m = kQuoted.exec(text.slice(quote));
      if (!m) throw new ERR_TLS_CERT_ALTNAME_FORMAT();
      token += JSON.parse(m[0]);
      pos = quote + m[0].length;
    } else if (comma !== -1) {
      out.push(token + text.slice(pos, comma));
      token = '';
      pos = comma + 2;
    } else {
      token += text.slice(pos);
      pos = text.length;
    }
  }
  out.push(token);
  return out;
}

function canonicalIP(ip) {
  const v = net.isIP(ip);
  if (v === 4) return ip.split('.').map(Number).join('.');
  if (v !== 6) return undefined;
  // Expand then compress as inet_ntop does.
  let [head, tail] = ip.toLowerCase().split('::');
  const conv = (s) => (s ? s.split(':') : []).flatMap((g) => {
    if (g.includes('.')) {
      const b = g.split('.').map(Number);
      return [((b[0] << 8) | b[1]).toString(16), ((b[2] << 8) | b[3]).toString(16)];
    }
    return [parseInt(g, 16).toString(16)];
  });
  const h = conv(head);
  const t = tail === undefined ? [] : conv(tail);
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  let best = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (groups[i] !== '0') { i++; continue; }
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > bestLen && j - i > 1) { best = i; bestLen = j - i; }
    i = j;
  }
  if (best < 0) return groups.join(':');
  return groups.slice(0, best).join(':') + '::' + groups.slice(best + bestLen).join(':');
}

exports.checkServerIdentity = function checkServerIdentity(hostname, cert) {
  const subject = cert.subject;
  const altNames = cert.subjectaltname;
  const dnsNames = [];
  const ips = [];
  hostname = '' + hostname;
  if (altNames) {
    for (const name of splitAltNames(altNames)) {
      if (name.startsWith('DNS:')) dnsNames.push(name.slice(4));
      else if (name.startsWith('IP Address:')) ips.push(canonicalIP(name.slice(11)));
    }
  }
  hostname = withoutDot(hostname);
  let ok = false;
  let reason = 'Unknown reason';
  if (net.isIP(hostname)) {
    ok = ips.includes(canonicalIP(hostname));
    if (!ok) reason = `IP: ${hostname} is not in the cert's list: ${ips.join(', ')}`;
  } else if (dnsNames.length > 0 || subject?.CN) {
    const host = labels(hostname);
    const test = (pattern) => nameMatches(host, pattern, true);
    if (dnsNames.length > 0) {
      ok = dnsNames.some(test);
      if (!ok) reason = `Host: ${hostname}. is not in the cert's altnames: ${altNames}`;
    } else {
      const cn = subject.CN;
      ok = Array.isArray(cn) ? cn.some(test) : (cn ? test(cn) : false);
      if (!ok) reason = `Host: ${hostname}. is not cert's CN: ${cn}`;
    }
  } else {
    reason = 'Cert does not contain a DNS name';
  }
  if (!ok) return new ERR_TLS_CERT_ALTNAME_INVALID(reason, hostname, cert);
};

exports.createSecureContext = _tls_common.createSecureContext;
exports.SecureContext = _tls_common.SecureContext;
exports.TLSSocket = _tls_wrap.TLSSocket;
exports.Server = _tls_wrap.Server;
exports.createServer = _tls_wrap.createServer;
exports.connect = _tls_wrap.connect;

// The deprecated pair: 'encrypted' is the ciphertext side, 'cleartext' a
// TLSSocket over the other end of an in-memory duplex pair.
class SecurePair extends EventEmitter {
  constructor(secureContext, isServer = false, requestCert = !isServer,
              rejectUnauthorized = false, options = {}) {
    super();
    secureContext ??= _tls_common.createSecureContext();
    if (!(secureContext instanceof _tls_common.SecureContext)) {
      throw new ERR_TLS_INVALID_CONTEXT('context');
    }
    const [socket1, socket2] = require('stream').duplexPair();
    this.server = options.server;
    this.credentials = secureContext;
    this.encrypted = socket1;
    this.cleartext = new _tls_wrap.TLSSocket(socket2, {
      secureContext, isServer, requestCert, rejectUnauthorized, ...options,
    });
    this.cleartext.once('secure', () => this.emit('secure'));
  }

  destroy() {
    this.cleartext.destroy();
    this.encrypted.destroy();
  }
}

let securePairWarned = false;
exports.createSecurePair = function createSecurePair(...args) {
  if (!securePairWarned) {
    securePairWarned = true;
    process.emitWarning('tls.createSecurePair() is deprecated. Please use tls.TLSSocket instead.',
                        'DeprecationWarning', 'DEP0064');
  }
  return new SecurePair(...args);
};
