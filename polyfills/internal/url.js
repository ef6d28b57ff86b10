// WHATWG URL and URLSearchParams (the URL Standard's parser, written in JS),
// plus Node's file-URL helpers.
'use strict';

const {
  codes: {
    ERR_ARG_NOT_ITERABLE,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_FILE_URL_HOST,
    ERR_INVALID_FILE_URL_PATH,
    ERR_INVALID_THIS,
    ERR_INVALID_TUPLE,
    ERR_INVALID_URL,
    ERR_INVALID_URL_SCHEME,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');

const customInspect = Symbol.for('nodejs.util.inspect.custom');
const kContext = Symbol('context');
const kQuery = Symbol('query');
const kURL = Symbol('url');

let BufferMod;
function lazyBuffer() {
  if (BufferMod === undefined) BufferMod = require('buffer').Buffer;
  return BufferMod;
}
let punycodeMod;
function lazyPunycode() {
  if (punycodeMod === undefined) punycodeMod = require('punycode');
  return punycodeMod;
}

// The constructor's failure comes from Node's native parser: a plain TypeError
// (no "[code]" in its name) carrying code, input and base.
function parseError(input, base) {
  const err = new TypeError('Invalid URL');
  err.code = 'ERR_INVALID_URL';
  err.input = input;
  if (base !== undefined) err.base = base;
  return err;
}

// ------------------------------------------------------------ code points

const specialSchemes = { __proto__: null, 'ftp': 21, 'file': null, 'http': 80, 'https': 443, 'ws': 80, 'wss': 443 };
function isSpecialScheme(s) { return s in specialSchemes; }

function isAsciiAlpha(c) { return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a); }
function isAsciiDigit(c) { return c >= 0x30 && c <= 0x39; }
function isAsciiHex(c) { return isAsciiDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66); }
function isAsciiAlnum(c) { return isAsciiAlpha(c) || isAsciiDigit(c); }

function inC0(c) { return c < 0x20 || c > 0x7e; }
function inFragment(c) { return inC0(c) || c === 0x20 || c === 0x22 || c === 0x3c || c === 0x3e || c === 0x60; }
function inQuery(c) { return inC0(c) || c === 0x20 || c === 0x22 || c === 0x23 || c === 0x3c || c === 0x3e; }
function inSpecialQuery(c) { return inQuery(c) || c === 0x27; }
function inPath(c) { return inQuery(c) || c === 0x3f || c === 0x60 || c === 0x7b || c === 0x7d; }
function inUserinfo(c) {
  return inPath(c) || c === 0x2f || c === 0x3a || c === 0x3b || c === 0x3d || c === 0x40 ||
    (c >= 0x5b && c <= 0x5e) || c === 0x7c;
}
function inComponent(c) { return inUserinfo(c) || (c >= 0x24 && c <= 0x26) || c === 0x2b || c === 0x2c; }
function inUrlencoded(c) {
  return inComponent(c) || c === 0x21 || (c >= 0x27 && c <= 0x29) || c === 0x7e;
}

const hexUpper = [];
for (let i = 0; i < 256; i++) hexUpper.push(`%${i < 16 ? '0' : ''}${i.toString(16).toUpperCase()}`);

function utf8Bytes(cp) {
  if (cp < 0x80) return [cp];
  if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 63)];
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
}

function percentEncodeCp(cp, inSet) {
  if (!inSet(cp)) return String.fromCodePoint(cp);
  let out = '';
  for (const b of utf8Bytes(cp)) out += hexUpper[b];
  return out;
}

function percentEncodeString(str, inSet, spaceAsPlus = false) {
  let out = '';
  for (const ch of str) {
    const cp = ch.codePointAt(0);
    if (spaceAsPlus && cp === 0x20) out += '+';
    else out += percentEncodeCp(cp, inSet);
  }
  return out;
}

// Percent-decodes the UTF-8 form of `str` and returns the bytes.
function percentDecodeToBytes(str) {
  const Buffer = lazyBuffer();
  const input = Buffer.from(str, 'utf8');
  if (!str.includes('%')) return input;
  const out = Buffer.allocUnsafe(input.length);
  let j = 0;
  for (let i = 0; i < input.length; i++) {
    const b = input[i];
    if (b === 0x25 && i + 2 < input.length && isAsciiHex(input[i + 1]) && isAsciiHex(input[i + 2])) {
      out[j++] = parseInt(String.fromCharCode(input[i + 1], input[i + 2]), 16);
      i += 2;
    } else {
      out[j++] = b;
    }
  }
  return out.subarray(0, j);
}

function percentDecodeString(str) {
  return percentDecodeToBytes(str).toString('utf8');
}

// WebIDL USVString conversion, with V8's message for symbols.
function toUSV(v) {
  if (typeof v === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
  return toWellFormed(`${v}`);
}

function toWellFormed(s) {
  if (typeof s.toWellFormed === 'function') return s.toWellFormed();
  return s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

// ------------------------------------------------------------ hosts

const FAILURE = Symbol('failure');

function isForbiddenHostCp(c) {
  return c === 0 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x20 || c === 0x23 ||
    c === 0x2f || c === 0x3a || c === 0x3c || c === 0x3e || c === 0x3f || c === 0x40 ||
    c === 0x5b || c === 0x5c || c === 0x5d || c === 0x5e || c === 0x7c;
}
function isForbiddenDomainCp(c) {
  return isForbiddenHostCp(c) || (c >= 0 && c <= 0x1f) || c === 0x25 || c === 0x7f;
}

function parseIPv6(input) {
  const address = [0, 0, 0, 0, 0, 0, 0, 0];
  let pieceIndex = 0;
  let compress = null;
  let p = 0;
  const cps = Array.from(input, (ch) => ch.codePointAt(0));
  const at = (i) => cps[i];
  if (at(p) === 0x3a) {
    if (at(p + 1) !== 0x3a) return FAILURE;
    p += 2;
    pieceIndex++;
    compress = pieceIndex;
  }
  while (at(p) !== undefined) {
    if (pieceIndex === 8) return FAILURE;
    if (at(p) === 0x3a) {
      if (compress !== null) return FAILURE;
      p++;
      pieceIndex++;
      compress = pieceIndex;
      continue;
    }
    let value = 0;
    let length = 0;
    while (length < 4 && at(p) !== undefined && isAsciiHex(at(p))) {
      value = value * 0x10 + parseInt(String.fromCharCode(at(p)), 16);
      p++;
      length++;
    }
    if (at(p) === 0x2e) {
      if (length === 0) return FAILURE;
      p -= length;
      if (pieceIndex > 6) return FAILURE;
      let numbersSeen = 0;
      while (at(p) !== undefined) {
        let ipv4Piece = null;
        if (numbersSeen > 0) {
          if (at(p) === 0x2e && numbersSeen < 4) p++;
          else return FAILURE;
        }
        if (at(p) === undefined || !isAsciiDigit(at(p))) return FAILURE;
        while (at(p) !== undefined && isAsciiDigit(at(p))) {
          const number = at(p) - 0x30;
          if (ipv4Piece === null) ipv4Piece = number;
          else if (ipv4Piece === 0) return FAILURE;
          else ipv4Piece = ipv4Piece * 10 + number;
          if (ipv4Piece > 255) return FAILURE;
          p++;
        }
        address[pieceIndex] = address[pieceIndex] * 0x100 + ipv4Piece;
        numbersSeen++;
        if (numbersSeen === 2 || numbersSeen === 4) pieceIndex++;
      }
      if (numbersSeen !== 4) return FAILURE;
      break;
    } else if (at(p) === 0x3a) {
      p++;
      if (at(p) === undefined) return FAILURE;
    } else if (at(p) !== undefined) {
      return FAILURE;
    }
    address[pieceIndex] = value;
    pieceIndex++;
  }
  if (compress !== null) {
    let swaps = pieceIndex - compress;
    pieceIndex = 7;
    while (pieceIndex !== 0 && swaps > 0) {
      const tmp = address[compress + swaps - 1];
      address[compress + swaps - 1] = address[pieceIndex];
      address[pieceIndex] = tmp;
      pieceIndex--;
      swaps--;
    }
  } else if (pieceIndex !== 8) {
    return FAILURE;
  }
  return address;
}

function serializeIPv6(address) {
  // Find the first longest run of two or more zero pieces.
  let bestStart = null;
  let bestLen = 1;
  let curStart = null;
  let curLen = 0;
  for (let i = 0; i < 8; i++) {
    if (address[i] === 0) {
      if (curStart === null) { curStart = i; curLen = 1; } else curLen++;
      if (curLen > bestLen) { bestLen = curLen; bestStart = curStart; }
    } else {
      curStart = null;
      curLen = 0;
    }
  }
  let out = '';
  let ignore0 = false;
  for (let i = 0; i < 8; i++) {
    if (ignore0 && address[i] === 0) continue;
    ignore0 = false;
    if (bestStart === i) {
      out += i === 0 ? '::' : ':';
      ignore0 = true;
      continue;
    }
    out += address[i].toString(16);
    if (i !== 7) out += ':';
  }
  return `[${out}]`;
}

function parseIPv4Number(s) {
  if (s === '') return FAILURE;
  let R = 10;
  if (s.length >= 2 && (s.startsWith('0x') || s.startsWith('0X'))) {
    s = s.slice(2);
    R = 16;
  } else if (s.length >= 2 && s[0] === '0') {
    s = s.slice(1);
    R = 8;
  }
  if (s === '') return 0;
  const re = R === 10 ? /^[0-9]+$/ : R === 16 ? /^[0-9a-fA-F]+$/ : /^[0-7]+$/;
  if (!re.test(s)) return FAILURE;
  return parseInt(s, R);
}

function endsInANumber(input) {
  const parts = input.split('.');
  if (parts[parts.length - 1] === '') {
    if (parts.length === 1) return false;
    parts.pop();
  }
  const last = parts[parts.length - 1];
  if (last !== '' && /^[0-9]+$/.test(last)) return true;
  return parseIPv4Number(last) !== FAILURE;
}

function parseIPv4(input) {
  const parts = input.split('.');
  if (parts[parts.length - 1] === '' && parts.length > 1) parts.pop();
  if (parts.length > 4) return FAILURE;
  const numbers = [];
  for (const part of parts) {
    const n = parseIPv4Number(part);
    if (n === FAILURE) return FAILURE;
    numbers.push(n);
  }
  for (let i = 0; i < numbers.length - 1; i++) if (numbers[i] > 255) return FAILURE;
  if (numbers[numbers.length - 1] >= 256 ** (5 - numbers.length)) return FAILURE;
  let ipv4 = numbers[numbers.length - 1];
  for (let i = 0; i < numbers.length - 1; i++) ipv4 += numbers[i] * 256 ** (3 - i);
  return ipv4;
}

function serializeIPv4(n) {
  const out = [];
  for (let i = 0; i < 4; i++) {
    out.unshift(String(n % 256));
    n = Math.floor(n / 256);
  }
  return out.join('.');
}

let urlBinding;
function domainToASCIIInternal(domain, beStrict = false) {
  if (urlBinding === undefined) urlBinding = internalBinding('url');
  // Fast path: plain lowercase ASCII labels need no Unicode tables.
  if (/^[a-z0-9.-]*$/.test(domain) && !/(^|\.)xn--/.test(domain) && !beStrict) return domain;
  const result = urlBinding.toASCII(domain, beStrict);
  return result === null ? FAILURE : result;
}

function parseOpaqueHost(input) {
  for (const ch of input) {
    const c = ch.codePointAt(0);
    if (isForbiddenHostCp(c)) return FAILURE;
  }
  return percentEncodeString(input, inC0);
}

function parseHost(input, isOpaque) {
  if (input.startsWith('[')) {
    if (!input.endsWith(']')) return FAILURE;
    const addr = parseIPv6(input.slice(1, -1));
    if (addr === FAILURE) return FAILURE;
    return serializeIPv6(addr);
  }
  if (isOpaque) return parseOpaqueHost(input);
  const domain = percentDecodeString(input);
  const asciiDomain = domainToASCIIInternal(domain);
  if (asciiDomain === FAILURE || asciiDomain === '') return FAILURE;
  for (let i = 0; i < asciiDomain.length; i++) {
    if (isForbiddenDomainCp(asciiDomain.charCodeAt(i))) return FAILURE;
  }
  if (endsInANumber(asciiDomain)) {
    const ipv4 = parseIPv4(asciiDomain);
    if (ipv4 === FAILURE) return FAILURE;
    return serializeIPv4(ipv4);
  }
  return asciiDomain;
}

// ------------------------------------------------------------ URL record

function isWindowsDriveLetter(s, normalizedOnly = false) {
  return s.length === 2 && isAsciiAlpha(s.charCodeAt(0)) &&
    (s[1] === ':' || (!normalizedOnly && s[1] === '|'));
}
function startsWithWindowsDriveLetter(cps, p) {
  if (cps.length - p < 2) return false;
  if (!isAsciiAlpha(cps[p]) || (cps[p + 1] !== 0x3a && cps[p + 1] !== 0x7c)) return false;
  if (cps.length - p === 2) return true;
  const c = cps[p + 2];
  return c === 0x2f || c === 0x5c || c === 0x3f || c === 0x23;
}
function isSingleDot(s) { return s === '.' || s.toLowerCase() === '%2e'; }
function isDoubleDot(s) {
  switch (s.toLowerCase()) {
    case '..': case '.%2e': case '%2e.': case '%2e%2e': return true;
    default: return false;
  }
}

function newRecord() {
  return {
    scheme: '', username: '', password: '', host: null, port: null,
    path: [], opaque: false, query: null, fragment: null,
  };
}
function cloneRecord(r) {
  return { ...r, path: r.opaque ? r.path : r.path.slice() };
}

function shortenPath(url) {
  const path = url.path;
  if (url.scheme === 'file' && path.length === 1 && isWindowsDriveLetter(path[0], true)) return;
  path.pop();
}

function includesCredentials(url) { return url.username !== '' || url.password !== ''; }
function cannotHaveUsernamePasswordPort(url) {
  return url.host === null || url.host === '' || url.scheme === 'file';
}

const S = {
  SCHEME_START: 1, SCHEME: 2, NO_SCHEME: 3, SPECIAL_RELATIVE_OR_AUTHORITY: 4, PATH_OR_AUTHORITY: 5,
  RELATIVE: 6, RELATIVE_SLASH: 7, SPECIAL_AUTHORITY_SLASHES: 8, SPECIAL_AUTHORITY_IGNORE_SLASHES: 9,
  AUTHORITY: 10, HOST: 11, HOSTNAME: 12, PORT: 13, FILE: 14, FILE_SLASH: 15, FILE_HOST: 16,
  PATH_START: 17, PATH: 18, OPAQUE_PATH: 19, QUERY: 20, FRAGMENT: 21,
};

// The basic URL parser.  Returns a record, FAILURE, or (with a state
// override) undefined / FAILURE; `url` is modified in place for overrides.
// Fast path for the common shapes: an absolute http(s)/ws(s)/ftp URL with a
// plain ASCII domain, or a path-absolute reference against such a base, where
// no character needs percent-encoding and no dot segment needs resolving.
// Anything else (credentials, IPs, IDNA, backslashes, whitespace, dot
// segments, big ports) goes through the full state machine below.
const kFastAbsolute = new RegExp(
  '^(https?|wss?|ftp):\\/\\/((?:[A-Za-z0-9_-]+\\.)*[A-Za-z][A-Za-z0-9_-]*)(?::([0-9]{1,5}))?' +
  '(\\/[A-Za-z0-9\\-._~!$&\'()*+,;=:@\\/%]*)?' +
  '(\\?[A-Za-z0-9\\-._~!$&()*+,;=:@\\/?%]*)?' +
  '(#[A-Za-z0-9\\-._~!$&\'()*+,;=:@\\/?%#]*)?$');
const kFastRelative = new RegExp(
  '^(\\/(?!\\/)[A-Za-z0-9\\-._~!$&\'()*+,;=:@\\/%]*)' +
  '(\\?[A-Za-z0-9\\-._~!$&()*+,;=:@\\/?%]*)?' +
  '(#[A-Za-z0-9\\-._~!$&\'()*+,;=:@\\/?%#]*)?$');
const kDotSegment = /(?:^|\/)(?:\.|%2e)/i;

function fastPathRecord(path, query, fragment) {
  if (path !== undefined && kDotSegment.test(path)) return null;
  return {
    path: path === undefined ? [''] : path.slice(1).split('/'),
    query: query === undefined ? null : query.slice(1),
    fragment: fragment === undefined ? null : fragment.slice(1),
  };
}

function fastParse(input, base) {
  if (base === undefined) {
    const m = kFastAbsolute.exec(input);
    if (m === null) return null;
    const host = m[2].toLowerCase();
    if (host.startsWith('xn--') || host.includes('.xn--')) return null;
    const rest = fastPathRecord(m[4], m[5], m[6]);
    if (rest === null) return null;
    const scheme = m[1].toLowerCase();
    let port = null;
    if (m[3] !== undefined) {
      port = +m[3];
      if (port > 65535) return null;
      if (port === specialSchemes[scheme]) port = null;
    }
    return {
      scheme, username: '', password: '', host, port,
      path: rest.path, opaque: false, query: rest.query, fragment: rest.fragment,
    };
  }
  if (base.opaque || !(base.scheme in specialSchemes) || base.scheme === 'file') return null;
  const m = kFastRelative.exec(input);
  if (m === null) return null;
  const rest = fastPathRecord(m[1], m[2], m[3]);
  if (rest === null) return null;
  return {
    scheme: base.scheme, username: base.username, password: base.password,
    host: base.host, port: base.port,
    path: rest.path, opaque: false, query: rest.query, fragment: rest.fragment,
  };
}

function basicParse(input, base, url, stateOverride) {
  if (!url) {
    const fast = fastParse(input, base);
    if (fast !== null) return fast;
    url = newRecord();
    input = input.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  }
  input = input.replace(/[\t\n\r]/g, '');
  let state = stateOverride || S.SCHEME_START;
  let buffer = '';
  let atSignSeen = false;
  let insideBrackets = false;
  let passwordTokenSeen = false;
  const cps = Array.from(input, (ch) => ch.codePointAt(0));
  const len = cps.length;

  for (let p = 0; p <= len; p++) {
    const c = cps[p]; // undefined = EOF
    const ch = c === undefined ? '' : String.fromCodePoint(c);
    switch (state) {
      case S.SCHEME_START:
        if (c !== undefined && isAsciiAlpha(c)) {
          buffer += ch.toLowerCase();
          state = S.SCHEME;
        } else if (!stateOverride) {
          state = S.NO_SCHEME;
          p--;
        } else {
          return FAILURE;
        }
        break;

      case S.SCHEME:
        if (c !== undefined && (isAsciiAlnum(c) || c === 0x2b || c === 0x2d || c === 0x2e)) {
          buffer += ch.toLowerCase();
        } else if (c === 0x3a) {
          if (stateOverride) {
            if (isSpecialScheme(url.scheme) !== isSpecialScheme(buffer)) return;
            if ((includesCredentials(url) || url.port !== null) && buffer === 'file') return;
            if (url.scheme === 'file' && url.host === '') return;
          }
          url.scheme = buffer;
          if (stateOverride) {
            if (url.port === specialSchemes[url.scheme]) url.port = null;
            return;
          }
          buffer = '';
          if (url.scheme === 'file') {
            state = S.FILE;
          } else if (isSpecialScheme(url.scheme) && base && base.scheme === url.scheme) {
            state = S.SPECIAL_RELATIVE_OR_AUTHORITY;
          } else if (isSpecialScheme(url.scheme)) {
            state = S.SPECIAL_AUTHORITY_SLASHES;
          } else if (cps[p + 1] === 0x2f) {
            state = S.PATH_OR_AUTHORITY;
            p++;
          } else {
            url.opaque = true;
            url.path = '';
            state = S.OPAQUE_PATH;
          }
        } else if (!stateOverride) {
          buffer = '';
          state = S.NO_SCHEME;
          p = -1;
        } else {
          return FAILURE;
        }
        break;

      case S.NO_SCHEME:
        if (!base || (base.opaque && c !== 0x23)) return FAILURE;
        if (base.opaque && c === 0x23) {
          url.scheme = base.scheme;
          url.path = base.path;
          url.opaque = true;
          url.query = base.query;
          url.fragment = '';
          state = S.FRAGMENT;
        } else if (base.scheme !== 'file') {
          state = S.RELATIVE;
          p--;
        } else {
          state = S.FILE;
          p--;
        }
        break;

      case S.SPECIAL_RELATIVE_OR_AUTHORITY:
        if (c === 0x2f && cps[p + 1] === 0x2f) {
          state = S.SPECIAL_AUTHORITY_IGNORE_SLASHES;
          p++;
        } else {
          state = S.RELATIVE;
          p--;
        }
        break;

      case S.PATH_OR_AUTHORITY:
        if (c === 0x2f) {
          state = S.AUTHORITY;
        } else {
          state = S.PATH;
          p--;
        }
        break;

      case S.RELATIVE:
        url.scheme = base.scheme;
        if (c === 0x2f) {
          state = S.RELATIVE_SLASH;
        } else if (isSpecialScheme(url.scheme) && c === 0x5c) {
          state = S.RELATIVE_SLASH;
        } else {
          url.username = base.username;
          url.password = base.password;
          url.host = base.host;
          url.port = base.port;
          url.path = base.path.slice();
          url.query = base.query;
          if (c === 0x3f) {
            url.query = '';
            state = S.QUERY;
          } else if (c === 0x23) {
            url.fragment = '';
            state = S.FRAGMENT;
          } else if (c !== undefined) {
            url.query = null;
            shortenPath(url);
            state = S.PATH;
            p--;
          }
        }
        break;

      case S.RELATIVE_SLASH:
        if (isSpecialScheme(url.scheme) && (c === 0x2f || c === 0x5c)) {
          state = S.SPECIAL_AUTHORITY_IGNORE_SLASHES;
        } else if (c === 0x2f) {
          state = S.AUTHORITY;
        } else {
          url.username = base.username;
          url.password = base.password;
          url.host = base.host;
          url.port = base.port;
          state = S.PATH;
          p--;
        }
        break;

      case S.SPECIAL_AUTHORITY_SLASHES:
        if (c === 0x2f && cps[p + 1] === 0x2f) {
          state = S.SPECIAL_AUTHORITY_IGNORE_SLASHES;
          p++;
        } else {
          state = S.SPECIAL_AUTHORITY_IGNORE_SLASHES;
          p--;
        }
        break;

      case S.SPECIAL_AUTHORITY_IGNORE_SLASHES:
        if (c !== 0x2f && c !== 0x5c) {
          state = S.AUTHORITY;
          p--;
        }
        break;

      case S.AUTHORITY:
        if (c === 0x40) {
          if (atSignSeen) buffer = `%40${buffer}`;
          atSignSeen = true;
          for (const bch of buffer) {
            const bc = bch.codePointAt(0);
            if (bc === 0x3a && !passwordTokenSeen) {
              passwordTokenSeen = true;
              continue;
            }
            const enc = percentEncodeCp(bc, inUserinfo);
            if (passwordTokenSeen) url.password += enc;
            else url.username += enc;
          }
          buffer = '';
        } else if (c === undefined || c === 0x2f || c === 0x3f || c === 0x23 ||
                   (isSpecialScheme(url.scheme) && c === 0x5c)) {
          if (atSignSeen && buffer === '') return FAILURE;
          p -= Array.from(buffer).length + 1;
          buffer = '';
          state = S.HOST;
        } else {
          buffer += ch;
        }
        break;

      case S.HOST:
      case S.HOSTNAME:
        if (stateOverride && url.scheme === 'file') {
          p--;
          state = S.FILE_HOST;
        } else if (c === 0x3a && !insideBrackets) {
          if (buffer === '') return FAILURE;
          if (stateOverride === S.HOSTNAME) return FAILURE;
          const host = parseHost(buffer, !isSpecialScheme(url.scheme));
          if (host === FAILURE) return FAILURE;
          url.host = host;
          buffer = '';
          state = S.PORT;
        } else if (c === undefined || c === 0x2f || c === 0x3f || c === 0x23 ||
                   (isSpecialScheme(url.scheme) && c === 0x5c)) {
          p--;
          if (isSpecialScheme(url.scheme) && buffer === '') return FAILURE;
          if (stateOverride && buffer === '' &&
              (includesCredentials(url) || url.port !== null)) {
            return FAILURE;
          }
          const host = parseHost(buffer, !isSpecialScheme(url.scheme));
          if (host === FAILURE) return FAILURE;
          url.host = host;
          buffer = '';
          state = S.PATH_START;
          if (stateOverride) return;
        } else {
          if (c === 0x5b) insideBrackets = true;
          if (c === 0x5d) insideBrackets = false;
          buffer += ch;
        }
        break;

      case S.PORT:
        if (c !== undefined && isAsciiDigit(c)) {
          buffer += ch;
        } else if (c === undefined || c === 0x2f || c === 0x3f || c === 0x23 ||
                   (isSpecialScheme(url.scheme) && c === 0x5c) || stateOverride) {
          if (buffer !== '') {
            const port = parseInt(buffer, 10);
            if (port > 65535) return FAILURE;
            url.port = specialSchemes[url.scheme] === port ? null : port;
            buffer = '';
          }
          if (stateOverride) return;
          state = S.PATH_START;
          p--;
        } else {
          return FAILURE;
        }
        break;

      case S.FILE:
        url.scheme = 'file';
        url.host = '';
        if (c === 0x2f || c === 0x5c) {
          state = S.FILE_SLASH;
        } else if (base && base.scheme === 'file') {
          url.host = base.host;
          url.path = base.path.slice();
          url.query = base.query;
          if (c === 0x3f) {
            url.query = '';
            state = S.QUERY;
          } else if (c === 0x23) {
            url.fragment = '';
            state = S.FRAGMENT;
          } else if (c !== undefined) {
            url.query = null;
            if (!startsWithWindowsDriveLetter(cps, p)) {
              shortenPath(url);
            } else {
              url.path = [];
            }
            state = S.PATH;
            p--;
          }
        } else {
          state = S.PATH;
          p--;
        }
        break;

      case S.FILE_SLASH:
        if (c === 0x2f || c === 0x5c) {
          state = S.FILE_HOST;
        } else {
          if (base && base.scheme === 'file') {
            url.host = base.host;
            if (!startsWithWindowsDriveLetter(cps, p) && base.path.length > 0 &&
                isWindowsDriveLetter(base.path[0], true)) {
              url.path.push(base.path[0]);
            }
          }
          state = S.PATH;
          p--;
        }
        break;

      case S.FILE_HOST:
        if (c === undefined || c === 0x2f || c === 0x5c || c === 0x3f || c === 0x23) {
          p--;
          if (!stateOverride && isWindowsDriveLetter(buffer)) {
            state = S.PATH;
          } else if (buffer === '') {
            url.host = '';
            if (stateOverride) return;
            state = S.PATH_START;
          } else {
            let host = parseHost(buffer, false);
            if (host === FAILURE) return FAILURE;
            if (host === 'localhost') host = '';
            url.host = host;
            if (stateOverride) return;
            buffer = '';
            state = S.PATH_START;
          }
        } else {
          buffer += ch;
        }
        break;

      case S.PATH_START:
        if (isSpecialScheme(url.scheme)) {
          state = S.PATH;
          if (c !== 0x2f && c !== 0x5c) p--;
        } else if (!stateOverride && c === 0x3f) {
          url.query = '';
          state = S.QUERY;
        } else if (!stateOverride && c === 0x23) {
          url.fragment = '';
          state = S.FRAGMENT;
        } else if (c !== undefined) {
          state = S.PATH;
          if (c !== 0x2f) p--;
        } else if (stateOverride && url.host === null) {
          url.path.push('');
        }
        break;

      case S.PATH: {
        const special = isSpecialScheme(url.scheme);
        if (c === undefined || c === 0x2f || (special && c === 0x5c) ||
            (!stateOverride && (c === 0x3f || c === 0x23))) {
          if (isDoubleDot(buffer)) {
            shortenPath(url);
            if (c !== 0x2f && !(special && c === 0x5c)) url.path.push('');
          } else if (isSingleDot(buffer) && c !== 0x2f && !(special && c === 0x5c)) {
            url.path.push('');
          } else if (!isSingleDot(buffer)) {
            if (url.scheme === 'file' && url.path.length === 0 && isWindowsDriveLetter(buffer)) {
              buffer = `${buffer[0]}:`;
            }
            url.path.push(buffer);
          }
          buffer = '';
          if (c === 0x3f) {
            url.query = '';
            state = S.QUERY;
          }
          if (c === 0x23) {
            url.fragment = '';
            state = S.FRAGMENT;
          }
        } else {
          buffer += percentEncodeCp(c, inPath);
        }
        break;
      }

      case S.OPAQUE_PATH:
        if (c === 0x3f) {
          url.query = '';
          state = S.QUERY;
        } else if (c === 0x23) {
          url.fragment = '';
          state = S.FRAGMENT;
        } else if (c !== undefined) {
          url.path += percentEncodeCp(c, inC0);
        }
        break;

      case S.QUERY:
        if ((!stateOverride && c === 0x23) || c === undefined) {
          const set = isSpecialScheme(url.scheme) ? inSpecialQuery : inQuery;
          url.query += percentEncodeString(buffer, set);
          buffer = '';
          if (c === 0x23) {
            url.fragment = '';
            state = S.FRAGMENT;
          }
        } else {
          buffer += ch;
        }
        break;

      case S.FRAGMENT:
        if (c !== undefined) url.fragment += percentEncodeCp(c, inFragment);
        break;
    }
  }
  return url;
}

function serializePath(url) {
  if (url.opaque) return url.path;
  let out = '';
  // Indexed: a program may have removed Array.prototype[Symbol.iterator].
  for (let i = 0; i < url.path.length; i++) out += `/${url.path[i]}`;
  return out;
}

function serializeURL(url, excludeFragment = false) {
  let out = `${url.scheme}:`;
  if (url.host !== null) {
    out += '//';
    if (includesCredentials(url)) {
      out += url.username;
      if (url.password !== '') out += `:${url.password}`;
      out += '@';
    }
    out += url.host;
    if (url.port !== null) out += `:${url.port}`;
  } else if (!url.opaque && url.path.length > 1 && url.path[0] === '') {
    out += '/.';
  }
  out += serializePath(url);
  if (url.query !== null) out += `?${url.query}`;
  if (!excludeFragment && url.fragment !== null) out += `#${url.fragment}`;
  return out;
}

function serializeOrigin(url) {
  switch (url.scheme) {
    case 'blob': {
      const inner = basicParse(serializePath(url));
      if (inner !== FAILURE && (inner.scheme === 'http' || inner.scheme === 'https')) {
        return serializeOrigin(inner);
      }
      return 'null';
    }
    case 'ftp': case 'http': case 'https': case 'ws': case 'wss':
      return `${url.scheme}://${url.host}${url.port !== null ? `:${url.port}` : ''}`;
    default:
      return 'null';
  }
}

// ------------------------------------------------------------ URLSearchParams

function parseUrlencoded(input) {
  const out = [];
  if (input === '') return out;
  for (const seq of input.split('&')) {
    if (seq === '') continue;
    const eq = seq.indexOf('=');
    let name;
    let value;
    if (eq >= 0) {
      name = seq.slice(0, eq);
      value = seq.slice(eq + 1);
    } else {
      name = seq;
      value = '';
    }
    name = name.includes('+') ? name.replace(/\+/g, ' ') : name;
    value = value.includes('+') ? value.replace(/\+/g, ' ') : value;
    out.push(decodeComponent(name), decodeComponent(value));
  }
  return out;
}

function decodeComponent(s) {
  if (!s.includes('%')) return toWellFormed(s);
  return percentDecodeString(s);
}

const noEscapeUrlencoded = new Int8Array(128);
for (let i = 0; i < 128; i++) noEscapeUrlencoded[i] = inUrlencoded(i) ? 0 : 1;

function encodeUrlencoded(s) {
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80 && noEscapeUrlencoded[c] === 1) continue;
    if (i > last) out += s.slice(last, i);
    if (c === 0x20) {
      out += '+';
    } else if (c < 0x80) {
      out += hexUpper[c];
    } else {
      let cp = c;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
        }
      }
      for (const b of utf8Bytes(cp)) out += hexUpper[b];
    }
    last = i + 1;
  }
  if (last === 0) return s;
  return out + s.slice(last);
}

function serializeParams(list) {
  let out = '';
  for (let i = 0; i < list.length; i += 2) {
    if (i) out += '&';
    out += `${encodeUrlencoded(list[i])}=${encodeUrlencoded(list[i + 1])}`;
  }
  return out;
}

function isURLSearchParams(self) {
  return self != null && self[kQuery] !== undefined && Array.isArray(self[kQuery]);
}

class URLSearchParams {
  constructor(init = undefined) {
    this[kQuery] = [];
    this[kURL] = null;
    Object.defineProperty(this, kQuery, { enumerable: false, writable: true });
    Object.defineProperty(this, kURL, { enumerable: false, writable: true });
    if (init === undefined || init === null) {
      // nothing
    } else if (typeof init === 'object' || typeof init === 'function') {
      const method = init[Symbol.iterator];
      if (method === this[Symbol.iterator] && isURLSearchParams(init)) {
        this[kQuery] = init[kQuery].slice();
      } else if (method != null) {
        if (typeof method !== 'function') throw new ERR_ARG_NOT_ITERABLE('Query pairs');
        for (const pair of init) {
          if (pair == null || (typeof pair !== 'object' && typeof pair !== 'function') ||
              typeof pair[Symbol.iterator] !== 'function') {
            throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          }
          const arr = Array.from(pair);
          if (arr.length !== 2) throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          this[kQuery].push(toUSV(arr[0]), toUSV(arr[1]));
        }
      } else {
        for (const key of Reflect.ownKeys(init)) {
          const d = Reflect.getOwnPropertyDescriptor(init, key);
          if (d !== undefined && d.enumerable) {
            if (typeof key === 'symbol') {
              throw new TypeError('Cannot convert a Symbol value to a string');
            }
            const typedKey = toWellFormed(key);
            const typedValue = toUSV(init[key]);
            this[kQuery].push(typedKey, typedValue);
          }
        }
      }
    } else {
      init = toUSV(init);
      this[kQuery] = parseUrlencoded(init[0] === '?' ? init.slice(1) : init);
    }
  }

  get size() {
    if (!isURLSearchParams(this)) throw new ERR_INVALID_THIS('URLSearchParams');
    return this[kQuery].length / 2;
  }

  append(name, value) {
    if (!isURLSearchParams(this)) throw new ERR_INVALID_THIS('URLSearchParams');
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('name', 'value');
    this[kQuery].push(toUSV(name), toUSV(value));
    update(this);
  }

  delete(name, value = undefined) {
    if (!isURLSearchParams(this)) throw new ERR_INVALID_THIS('URLSearchParams');
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this[kQuery];
    name = toUSV(name);
    if (value !== undefined) {
      value = toUSV(value);
      for (let i = 0; i < list.length;) {
        if (list[i] === name && list[i + 1] === value) list.splice(i, 2);
        else i += 2;
      }
    } else {
      for (let i = 0; i < list.length;) {
        if (list[i] === name) list.splice(i, 2);
        else i += 2;
      }
    }
    update(this);
  }

  get(name) {
    if (!isURLSearchParams(this)) throw new ERR_INVALID_THIS('URLSearchParams');
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this[kQuery];
    name = toUSV(name);
    for (let i = 0; i < list.length; i += 2) if (list[i] === name) return list[i + 1];
    return null;
  }

  getAll(name) {
    if (!isURLSearchParams(this)) throw new ERR_INVALID_THIS('URLSearchParams');
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this[kQuery];
    const values = [];
    name = toUSV(name);
    for (let i = 0; i < list.length; i += 2) if (list[i] === name) values.push(list[i + 1]);
    return values;
  }

  has(name, value = undefined) {
    if (!isURLSearchParams(this)) throw new ERR_INVALID_THIS('URLSearchParams');
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this[kQuery];
    name = toUSV(name);
    if (value !== undefined) value = toUSV(value);
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name && (value === undefined || list[i + 1] === value)) return true;
    }
    return false;
  }

  set(name, value) {
    if (!isURLSearchParams(this)) throw new ERR_INVALID_THIS('URLSearchParams');
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('name', 'value');
    const list = this[kQuery];
    name = toUSV(name);
    value = toUSV(value);
    let found = false;
    for (let i = 0; i < list.length;) {
      if (list[i] === name) {
        if (!found) {
          list[i + 1] = value;
          found = true;
          i += 2;
        } else {
          list.splice(i, 2);
        }
      } else {
        i += 2;
      }
    }
    if (!found) list.push(name, value);
    update(this);
  }

  sort() {
    if (!isURLSearchParams(this)) throw new ERR_INVALID_THIS('URLSearchParams');
    const a = this[kQuery];
    const pairs = [];
    for (let i = 0; i < a.length; i += 2) pairs.push([a[i], a[i + 1]]);
    // Stable sort by UTF-16 code units of the name.
    pairs.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    this[kQuery] = pairs.flat();
    update(this);
  }

  forEach(callback, thisArg = undefined) {
    if (!isURLSearchParams(this)) throw new ERR_INVALID_THIS('URLSearchParams');
    if (typeof callback !== 'function') throw new ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
    let list = this[kQuery];
    let i = 0;
    while (i < list.length) {
      const key = list[i];
      const value = list[i + 1];
      callback.call(thisArg, value, key, this);
      list = this[kQuery];
      i += 2;
    }
  }

  entries() {
    if (!isURLSearchParams(this)) throw new ERR_INVALID_THIS('URLSearchParams');
    return createSearchParamsIterator(this, 'key+value');
  }

  keys() {
    if (!isURLSearchParams(this)) throw new ERR_INVALID_THIS('URLSearchParams');
    return createSearchParamsIterator(this, 'key');
  }

  values() {
    if (!isURLSearchParams(this)) throw new ERR_INVALID_THIS('URLSearchParams');
    return createSearchParamsIterator(this, 'value');
  }

  toString() {
    if (!isURLSearchParams(this)) throw new ERR_INVALID_THIS('URLSearchParams');
    return serializeParams(this[kQuery]);
  }

  [customInspect](recurseTimes, ctx) {
    if (!isURLSearchParams(this)) throw new ERR_INVALID_THIS('URLSearchParams');
    if (typeof recurseTimes === 'number' && recurseTimes < 0) {
      return ctx.stylize('[Object]', 'special');
    }
    const { inspect } = require('internal/util/inspect');
    const separator = ', ';
    const innerOpts = { ...ctx };
    if (recurseTimes !== null) innerOpts.depth = recurseTimes - 1;
    const innerInspect = (v) => inspect(v, innerOpts);
    const list = this[kQuery];
    const output = [];
    for (let i = 0; i < list.length; i += 2) {
      output.push(`${innerInspect(list[i])} => ${innerInspect(list[i + 1])}`);
    }
    const length = output.reduce((prev, cur) => prev + cur.length + separator.length, -separator.length);
    if (length > ctx.breakLength) {
      return `${this.constructor.name} {\n  ${output.join(',\n  ')} }`;
    } else if (output.length) {
      return `${this.constructor.name} { ${output.join(separator)} }`;
    }
    return `${this.constructor.name} {}`;
  }
}

Object.defineProperty(URLSearchParams.prototype, Symbol.iterator, {
  __proto__: null, configurable: true, writable: true, value: URLSearchParams.prototype.entries,
});
Object.defineProperty(URLSearchParams.prototype, Symbol.toStringTag, {
  __proto__: null, configurable: true, value: 'URLSearchParams',
});
// Re-add in Node's order (size first), enumerable.
for (const k of ['size', 'append', 'delete', 'get', 'getAll', 'has', 'set', 'sort', 'entries',
  'forEach', 'keys', 'values', 'toString']) {
  const d = Object.getOwnPropertyDescriptor(URLSearchParams.prototype, k);
  d.enumerable = true;
  delete URLSearchParams.prototype[k];
  Object.defineProperty(URLSearchParams.prototype, k, d);
}

const kIterState = Symbol('state');
const URLSearchParamsIteratorPrototype = Object.create(
  Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())));
Object.defineProperties(URLSearchParamsIteratorPrototype, {
  next: {
    __proto__: null, configurable: true, enumerable: true, writable: true,
    value: function next() {
      const state = this && this[kIterState];
      if (!state) throw new ERR_INVALID_THIS('URLSearchParamsIterator');
      const { target, kind } = state;
      const values = target[kQuery];
      const len = values.length;
      if (state.index >= len) return { value: undefined, done: true };
      const name = values[state.index];
      const value = values[state.index + 1];
      state.index += 2;
      let result;
      if (kind === 'key') result = name;
      else if (kind === 'value') result = value;
      else result = [name, value];
      return { value: result, done: false };
    },
  },
  [Symbol.toStringTag]: { __proto__: null, configurable: true, value: 'URLSearchParams Iterator' },
  [customInspect]: {
    __proto__: null, configurable: true, writable: true,
    value: function inspect(recurseTimes, ctx) {
      const state = this[kIterState];
      const { inspect: utilInspect } = require('internal/util/inspect');
      const innerOpts = { ...ctx };
      if (recurseTimes !== null) innerOpts.depth = recurseTimes - 1;
      const list = state.target[kQuery];
      const out = [];
      for (let i = state.index; i < list.length; i += 2) {
        if (state.kind === 'key') out.push(utilInspect(list[i], innerOpts));
        else if (state.kind === 'value') out.push(utilInspect(list[i + 1], innerOpts));
        else out.push(utilInspect([list[i], list[i + 1]], innerOpts));
      }
      const length = out.reduce((prev, cur) => prev + cur.length + 2, -2);
      if (length > ctx.breakLength) {
        return `URLSearchParams Iterator {\n  ${out.join(',\n  ')} }`;
      }
      return `URLSearchParams Iterator { ${out.join(', ')} }`;
    },
  },
});

function createSearchParamsIterator(target, kind) {
  const it = Object.create(URLSearchParamsIteratorPrototype);
  Object.defineProperty(it, kIterState, { value: { target, kind, index: 0 } });
  return it;
}

// Pushes a URLSearchParams change into its URL's query.
function update(params) {
  const url = params[kURL];
  if (!url) return;
  const serialized = serializeParams(params[kQuery]);
  url[kContext].query = serialized === '' ? null : serialized;
  if (serialized === '') stripTrailingSpacesFromOpaquePath(url[kContext]);
}

function stripTrailingSpacesFromOpaquePath(ctx) {
  if (!ctx.opaque) return;
  if (ctx.fragment !== null) return;
  if (ctx.query !== null) return;
  ctx.path = ctx.path.replace(/ +$/, '');
}

// ------------------------------------------------------------ URL

function isURL(self) {
  return self != null && typeof self === 'object' && self[kContext] !== undefined &&
    typeof self.href === 'string' && self.protocol !== undefined;
}

function isURLThis(self) {
  return self != null && Object.prototype.hasOwnProperty.call(self, kContext);
}

// Node's URL keeps its state in private fields, so V8 reports a brand
// check failure for a foreign receiver.
function notURL() {
  return new TypeError('Receiver must be an instance of class URL');
}

// The other accessors read the private state directly, so V8 words it as a
// private-member access.
function noContext() {
  return new TypeError(
    'Cannot read private member #context from an object whose class did not declare it');
}

function parseOrThrow(input, base) {
  let baseRecord;
  if (base !== undefined) {
    baseRecord = basicParse(`${base}`);
    if (baseRecord === FAILURE) throw parseError(`${input}`, `${base}`);
  }
  const rec = basicParse(`${input}`, baseRecord);
  if (rec === FAILURE) {
    throw parseError(`${input}`, base !== undefined ? `${base}` : undefined);
  }
  return rec;
}

class URL {
  constructor(input, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    input = toUSV(input);
    if (base !== undefined) base = toUSV(base);
    Object.defineProperty(this, kContext, {
      __proto__: null, value: parseOrThrow(input, base), writable: true, enumerable: false,
    });
    Object.defineProperty(this, kQuery, {
      __proto__: null, value: undefined, writable: true, enumerable: false,
    });
  }

  static parse(input, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    try {
      return new URL(input, base);
    } catch {
      return null;
    }
  }

  static canParse(url, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    url = `${url}`;
    let baseRecord;
    if (base !== undefined) {
      baseRecord = basicParse(`${base}`);
      if (baseRecord === FAILURE) return false;
    }
    return basicParse(url, baseRecord) !== FAILURE;
  }

  static createObjectURL(obj) {
    const { Blob } = require('buffer');
    if (!(obj instanceof Blob)) throw new ERR_INVALID_ARG_TYPE('obj', 'Blob', obj);
    const id = `${Date.now().toString(16)}-${Math.random().toString(16).slice(2, 10)}`;
    blobStore.set(id, obj);
    return `blob:nodedata:${id}`;
  }

  static revokeObjectURL(url) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    const s = `${url}`;
    if (s.startsWith('blob:nodedata:')) blobStore.delete(s.slice('blob:nodedata:'.length));
  }

  [customInspect](depth, opts) {
    if (typeof depth === 'number' && depth < 0) return this;
    const { inspect } = require('internal/util/inspect');
    const constructor = (this && this.constructor) || URL;
    const obj = { __proto__: { constructor } };
    obj.href = this.href;
    obj.origin = this.origin;
    obj.protocol = this.protocol;
    obj.username = this.username;
    obj.password = this.password;
    obj.host = this.host;
    obj.hostname = this.hostname;
    obj.port = this.port;
    obj.pathname = this.pathname;
    obj.search = this.search;
    obj.searchParams = this.searchParams;
    obj.hash = this.hash;
    if (opts.showHidden) obj[kContext] = this[kContext];
    return `${constructor.name} ${inspect(obj, opts)}`;
  }

  toString() {
    if (!isURLThis(this)) throw notURL();
    return serializeURL(this[kContext]);
  }

  get href() {
    if (!isURLThis(this)) throw notURL();
    return serializeURL(this[kContext]);
  }

  set href(value) {
    if (!isURLThis(this)) throw noContext();
    value = toUSV(value);
    const rec = basicParse(value);
    if (rec === FAILURE) throw new ERR_INVALID_URL(value);
    this[kContext] = rec;
    syncSearchParams(this);
  }

  get origin() {
    if (!isURLThis(this)) throw noContext();
    return serializeOrigin(this[kContext]);
  }

  get protocol() {
    if (!isURLThis(this)) throw noContext();
    return `${this[kContext].scheme}:`;
  }

  set protocol(value) {
    if (!isURLThis(this)) throw noContext();
    basicParse(`${toUSV(value)}:`, undefined, this[kContext], S.SCHEME_START);
  }

  get username() {
    if (!isURLThis(this)) throw noContext();
    return this[kContext].username;
  }

  set username(value) {
    if (!isURLThis(this)) throw noContext();
    const ctx = this[kContext];
    if (cannotHaveUsernamePasswordPort(ctx)) return;
    ctx.username = percentEncodeString(toUSV(value), inUserinfo);
  }

  get password() {
    if (!isURLThis(this)) throw noContext();
    return this[kContext].password;
  }

  set password(value) {
    if (!isURLThis(this)) throw noContext();
    const ctx = this[kContext];
    if (cannotHaveUsernamePasswordPort(ctx)) return;
    ctx.password = percentEncodeString(toUSV(value), inUserinfo);
  }

  get host() {
    if (!isURLThis(this)) throw noContext();
    const ctx = this[kContext];
    if (ctx.host === null) return '';
    if (ctx.port === null) return ctx.host;
    return `${ctx.host}:${ctx.port}`;
  }

  set host(value) {
    if (!isURLThis(this)) throw noContext();
    const ctx = this[kContext];
    if (ctx.opaque) return;
    const copy = cloneRecord(ctx);
    if (basicParse(toUSV(value), undefined, copy, S.HOST) !== FAILURE) {
      this[kContext] = copy;
    }
  }

  get hostname() {
    if (!isURLThis(this)) throw noContext();
    const ctx = this[kContext];
    return ctx.host === null ? '' : ctx.host;
  }

  set hostname(value) {
    if (!isURLThis(this)) throw noContext();
    const ctx = this[kContext];
    if (ctx.opaque) return;
    const copy = cloneRecord(ctx);
    if (basicParse(toUSV(value), undefined, copy, S.HOSTNAME) !== FAILURE) {
      this[kContext] = copy;
    }
  }

  get port() {
    if (!isURLThis(this)) throw noContext();
    const ctx = this[kContext];
    return ctx.port === null ? '' : `${ctx.port}`;
  }

  set port(value) {
    if (!isURLThis(this)) throw noContext();
    const ctx = this[kContext];
    if (cannotHaveUsernamePasswordPort(ctx)) return;
    value = toUSV(value);
    if (value === '') {
      ctx.port = null;
      return;
    }
    const copy = cloneRecord(ctx);
    if (basicParse(value, undefined, copy, S.PORT) !== FAILURE) this[kContext] = copy;
  }

  get pathname() {
    if (!isURLThis(this)) throw noContext();
    return serializePath(this[kContext]);
  }

  set pathname(value) {
    if (!isURLThis(this)) throw noContext();
    const ctx = this[kContext];
    if (ctx.opaque) return;
    ctx.path = [];
    basicParse(toUSV(value), undefined, ctx, S.PATH_START);
  }

  get search() {
    if (!isURLThis(this)) throw notURL();
    const q = this[kContext].query;
    return q === null || q === '' ? '' : `?${q}`;
  }

  set search(value) {
    if (!isURLThis(this)) throw noContext();
    const ctx = this[kContext];
    value = toUSV(value);
    if (value === '') {
      ctx.query = null;
      stripTrailingSpacesFromOpaquePath(ctx);
    } else {
      const input = value[0] === '?' ? value.slice(1) : value;
      ctx.query = '';
      basicParse(input, undefined, ctx, S.QUERY);
    }
    syncSearchParams(this);
  }

  get searchParams() {
    if (!isURLThis(this)) throw noContext();
    if (this[kQuery] == null) {
      const params = new URLSearchParams();
      params[kURL] = this;
      this[kQuery] = params;
      syncSearchParams(this);
    }
    return this[kQuery];
  }

  get hash() {
    if (!isURLThis(this)) throw noContext();
    const f = this[kContext].fragment;
    return f === null || f === '' ? '' : `#${f}`;
  }

  set hash(value) {
    if (!isURLThis(this)) throw noContext();
    const ctx = this[kContext];
    value = toUSV(value);
    if (value === '') {
      ctx.fragment = null;
      stripTrailingSpacesFromOpaquePath(ctx);
      return;
    }
    const input = value[0] === '#' ? value.slice(1) : value;
    ctx.fragment = '';
    basicParse(input, undefined, ctx, S.FRAGMENT);
  }

  toJSON() {
    if (!isURLThis(this)) throw notURL();
    return serializeURL(this[kContext]);
  }
}

function syncSearchParams(url) {
  const params = url[kQuery];
  if (!params) return;
  const q = url[kContext].query;
  params[kQuery] = q ? parseUrlencoded(q) : [];
}

const blobStore = new Map();

Object.defineProperty(URL.prototype, Symbol.toStringTag, {
  __proto__: null, configurable: true, value: 'URL',
});
for (const k of ['toString', 'href', 'origin', 'protocol', 'username', 'password', 'host',
  'hostname', 'port', 'pathname', 'search', 'searchParams', 'hash', 'toJSON']) {
  const d = Object.getOwnPropertyDescriptor(URL.prototype, k);
  d.enumerable = true;
  Object.defineProperty(URL.prototype, k, d);
}
// Node's binding parses natively; ours hands the JS parser's check to the
// binding object, for code that calls internalBinding('url').canParse.
internalBinding('url').canParse = function canParse(input, base) {
  let baseRecord;
  if (base !== undefined) {
    baseRecord = basicParse(`${base}`);
    if (baseRecord === FAILURE) return false;
  }
  return basicParse(`${input}`, baseRecord) !== FAILURE;
};

for (const k of ['parse', 'canParse', 'createObjectURL', 'revokeObjectURL']) {
  const d = Object.getOwnPropertyDescriptor(URL, k);
  d.enumerable = true;
  Object.defineProperty(URL, k, d);
}

// ------------------------------------------------------------ helpers

function domainToASCII(domain) {
  if (arguments.length < 1) throw new ERR_MISSING_ARGS('domain');
  const r = basicParse(`ws://${domain}`);
  return r === FAILURE ? '' : r.host;
}

function domainToUnicode(domain) {
  if (arguments.length < 1) throw new ERR_MISSING_ARGS('domain');
  const r = basicParse(`ws://${domain}`);
  if (r === FAILURE) return '';
  return r.host.split('.').map((label) => {
    if (label.startsWith('xn--')) {
      try { return lazyPunycode().decode(label.slice(4)); } catch { return label; }
    }
    return label;
  }).join('.');
}

function getPathFromURLPosix(url) {
  if (url.hostname !== '') {
    throw new ERR_INVALID_FILE_URL_HOST(process.platform);
  }
  const pathname = url.pathname;
  for (let n = 0; n < pathname.length; n++) {
    if (pathname[n] === '%') {
      const third = pathname.codePointAt(n + 2) | 0x20;
      if (pathname[n + 1] === '2' && third === 102) {
        throw new ERR_INVALID_FILE_URL_PATH('must not include encoded / characters');
      }
    }
  }
  return decodeURIComponent(pathname);
}

function getPathFromURLWin32(url) {
  const hostname = url.hostname;
  let pathname = url.pathname;
  for (let n = 0; n < pathname.length; n++) {
    if (pathname[n] === '%') {
      const third = pathname.codePointAt(n + 2) | 0x20;
      if ((pathname[n + 1] === '2' && third === 102) || (pathname[n + 1] === '5' && third === 99)) {
        throw new ERR_INVALID_FILE_URL_PATH('must not include encoded \\ or / characters');
      }
    }
  }
  pathname = pathname.replace(/\//g, '\\');
  pathname = decodeURIComponent(pathname);
  if (hostname !== '') {
    return `\\\\${domainToUnicode(hostname)}${pathname}`;
  }
  const letter = pathname.codePointAt(1) | 0x20;
  const sep = pathname[2];
  if (letter < 97 || letter > 122 || sep !== ':') {
    throw new ERR_INVALID_FILE_URL_PATH('must be absolute');
  }
  return pathname.slice(1);
}

function fileURLToPath(path, options) {
  const windows = options && options.windows !== undefined ? !!options.windows : false;
  if (typeof path === 'string') path = new URL(path);
  else if (!isURL(path)) throw new ERR_INVALID_ARG_TYPE('path', ['string', 'URL'], path);
  if (path.protocol !== 'file:') throw new ERR_INVALID_URL_SCHEME('file');
  return windows ? getPathFromURLWin32(path) : getPathFromURLPosix(path);
}

// Characters a file path keeps literally in a file: URL; everything else
// (controls, space, "#%<>?[\]^`{|}~, DEL and non-ASCII as UTF-8) is
// percent-encoded.  On Windows the backslash is a separator, turned into '/'
// by the caller.
const kPathSafe = new Uint8Array(128);
for (const c of "!$&'()*+,-./0123456789:;=@ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz") {
  kPathSafe[c.charCodeAt(0)] = 1;
}

function encodePathChars(filepath, windows) {
  let out = '';
  let last = 0;
  for (let i = 0; i < filepath.length; i++) {
    const code = filepath.charCodeAt(i);
    if (code < 128 && (kPathSafe[code] === 1 || (windows && code === 92))) continue;
    out += filepath.slice(last, i);
    if (code < 128) {
      out += `%${code < 16 ? '0' : ''}${code.toString(16).toUpperCase()}`;
    } else {
      let ch = filepath[i];
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < filepath.length) {
        const next = filepath.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) ch += filepath[++i];
      }
      try {
        out += encodeURIComponent(ch);
      } catch {
        out += '%EF%BF%BD';  // a lone surrogate becomes U+FFFD
      }
    }
    last = i + 1;
  }
  return last === 0 ? filepath : out + filepath.slice(last);
}

function pathToFileURL(filepath, options) {
  const windows = options && options.windows !== undefined ? !!options.windows : false;
  const path = require('path');
  if (windows && filepath.startsWith('\\\\')) {
    const outURL = new URL('file://');
    const isExtendedUNC = filepath.startsWith('\\\\?\\UNC\\');
    const prefixLength = isExtendedUNC ? 8 : 2;
    const hostnameEndIndex = filepath.indexOf('\\', prefixLength);
    if (hostnameEndIndex === -1) {
      throw new ERR_INVALID_ARG_VALUE('path', filepath, 'Missing UNC resource path');
    }
    if (hostnameEndIndex === 2) {
      throw new ERR_INVALID_ARG_VALUE('path', filepath, 'Empty UNC servername');
    }
    const hostname = filepath.slice(prefixLength, hostnameEndIndex);
    outURL.hostname = domainToASCII(hostname);
    outURL.pathname = encodePathChars(filepath.slice(hostnameEndIndex).replace(/\\/g, '/'), windows);
    return outURL;
  }
  let resolved = windows ? path.win32.resolve(filepath) : path.posix.resolve(filepath);
  const sepCode = windows ? 92 : 47;
  const lastCode = filepath.charCodeAt(filepath.length - 1);
  if ((lastCode === 47 || (windows && lastCode === 92)) &&
      resolved[resolved.length - 1] !== path.sep) {
    resolved += '/';
  }
  void sepCode;
  resolved = encodePathChars(resolved, windows);
  if (windows) resolved = resolved.replace(/\\/g, '/');
  return new URL(`file://${resolved.startsWith('/') ? '' : '/'}${resolved}`);
}

function toPathIfFileURL(fileURLOrPath) {
  if (!isURL(fileURLOrPath)) return fileURLOrPath;
  return fileURLToPath(fileURLOrPath);
}

function urlToHttpOptions(url) {
  const { hostname, pathname, port, username, password, search } = url;
  const options = {
    __proto__: null,
    ...url,
    protocol: url.protocol,
    hostname: hostname && hostname[0] === '[' ? hostname.slice(1, -1) : hostname,
    hash: url.hash,
    search: search,
    pathname: pathname,
    path: `${pathname || ''}${search || ''}`,
    href: url.href,
  };
  if (port !== '') options.port = Number(port);
  if (username || password) {
    options.auth = `${decodeURIComponent(username)}:${decodeURIComponent(password)}`;
  }
  return options;
}

module.exports = {
  fileURLToPath,
  pathToFileURL,
  toPathIfFileURL,
  installObjectURLMethods() {},
  URL,
  URLSearchParams,
  domainToASCII,
  domainToUnicode,
  urlToHttpOptions,
  isURL,
  encodeStr: undefined,
  // Internal, for url.js and tests.
  basicParse,
  serializeURL,
  FAILURE,
  percentEncodeString,
  inUserinfo,
  unsafeProtocol: new Set(['javascript', 'javascript:']),
  hostlessProtocol: new Set(['javascript', 'javascript:']),
  slashedProtocol: new Set(['http', 'http:', 'https', 'https:', 'ftp', 'ftp:', 'gopher',
    'gopher:', 'file', 'file:', 'ws', 'ws:', 'wss', 'wss:']),
};
