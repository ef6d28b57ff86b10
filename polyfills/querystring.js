// node:querystring — parse and stringify URL query strings.
'use strict';

const { Buffer } = require('buffer');
const {
  codes: { ERR_INVALID_URI },
} = require('internal/errors');

const hexTable = [];
for (let i = 0; i < 256; i++) hexTable.push(`%${i < 16 ? '0' : ''}${i.toString(16).toUpperCase()}`);

const unhexTable = new Int8Array(256).fill(-1);
for (let i = 0; i < 10; i++) unhexTable[48 + i] = i;
for (let i = 0; i < 6; i++) {
  unhexTable[65 + i] = 10 + i;
  unhexTable[97 + i] = 10 + i;
}

// Characters escape() leaves alone: A-Z a-z 0-9 - . _ ~ ! ' ( ) *
const noEscape = new Int8Array(128);
for (let i = 0; i < 128; i++) {
  noEscape[i] = /[A-Za-z0-9\-._~!'()*]/.test(String.fromCharCode(i)) ? 1 : 0;
}

function unescapeBuffer(s, decodeSpaces) {
  const out = Buffer.allocUnsafe(s.length);
  let index = 0;
  let outIndex = 0;
  let currentChar;
  let hexHigh;
  let hexLow;
  const maxLength = s.length - 2;
  let hasHex = false;
  while (index < s.length) {
    currentChar = s.charCodeAt(index);
    if (currentChar === 43 && decodeSpaces) {
      out[outIndex++] = 32;
      index++;
      continue;
    }
    if (currentChar === 37 && index < maxLength) {
      currentChar = s.charCodeAt(++index);
      hexHigh = currentChar < 256 ? unhexTable[currentChar] : -1;
      if (!(hexHigh >= 0)) {
        out[outIndex++] = 37;
        continue;
      } else {
        const nextChar = s.charCodeAt(++index);
        hexLow = nextChar < 256 ? unhexTable[nextChar] : -1;
        if (!(hexLow >= 0)) {
          out[outIndex++] = 37;
          index--;
        } else {
          hasHex = true;
          currentChar = hexHigh * 16 + hexLow;
        }
      }
    }
    out[outIndex++] = currentChar;
    index++;
  }
  return hasHex ? out.slice(0, outIndex) : out;
}

function qsUnescape(s, decodeSpaces) {
  try {
    return decodeURIComponent(s);
  } catch {
    return QueryString.unescapeBuffer(s, decodeSpaces).toString();
  }
}

function encodeStr(str, noEscapeTable, table) {
  const len = str.length;
  if (len === 0) return '';
  let out = '';
  let lastPos = 0;
  let i = 0;
  outer:
  for (; i < len; i++) {
    let c = str.charCodeAt(i);
    while (c < 0x80) {
      if (noEscapeTable[c] !== 1) {
        if (lastPos < i) out += str.slice(lastPos, i);
        lastPos = i + 1;
        out += table[c];
      }
      if (++i === len) break outer;
      c = str.charCodeAt(i);
    }
    if (lastPos < i) out += str.slice(lastPos, i);
    if (c < 0x800) {
      lastPos = i + 1;
      out += table[0xC0 | (c >> 6)] + table[0x80 | (c & 0x3F)];
      continue;
    }
    if (c < 0xD800 || c >= 0xE000) {
      lastPos = i + 1;
      out += table[0xE0 | (c >> 12)] + table[0x80 | ((c >> 6) & 0x3F)] + table[0x80 | (c & 0x3F)];
      continue;
    }
    ++i;
    if (i >= len) throw new ERR_INVALID_URI();
    const c2 = str.charCodeAt(i) & 0x3FF;
    lastPos = i + 1;
    c = 0x10000 + (((c & 0x3FF) << 10) | c2);
    out += table[0xF0 | (c >> 18)] + table[0x80 | ((c >> 12) & 0x3F)] +
      table[0x80 | ((c >> 6) & 0x3F)] + table[0x80 | (c & 0x3F)];
  }
  if (lastPos === 0) return str;
  if (lastPos < len) return out + str.slice(lastPos);
  return out;
}

function qsEscape(str) {
  if (typeof str !== 'string') {
    if (typeof str === 'object') str = String(str);
    else str += '';
  }
  return encodeStr(str, noEscape, hexTable);
}

function stringifyPrimitive(v) {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && isFinite(v)) return `${v}`;
  if (typeof v === 'bigint') return `${v}`;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}

function encodeStringified(v, encode) {
  if (typeof v === 'string') return (v.length ? encode(v) : '');
  if (typeof v === 'number' && isFinite(v)) {
    return (Math.abs(v) < 1e21 ? `${v}` : encode(`${v}`));
  }
  if (typeof v === 'bigint') return `${v}`;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}

function encodeStringifiedCustom(v, encode) {
  return encode(stringifyPrimitive(v));
}

function stringify(obj, sep, eq, options) {
  sep = sep || '&';
  eq = eq || '=';
  let encode = QueryString.escape;
  if (options && typeof options.encodeURIComponent === 'function') {
    encode = options.encodeURIComponent;
  }
  const convert = (encode === qsEscape ? encodeStringified : encodeStringifiedCustom);

  if (obj !== null && typeof obj === 'object') {
    const keys = Object.keys(obj);
    const len = keys.length;
    let fields = '';
    for (let i = 0; i < len; ++i) {
      const k = keys[i];
      const v = obj[k];
      let ks = convert(k, encode);
      ks += eq;
      if (Array.isArray(v)) {
        const vlen = v.length;
        if (vlen === 0) continue;
        if (fields) fields += sep;
        for (let j = 0; j < vlen; ++j) {
          if (j) fields += sep;
          fields += ks;
          fields += convert(v[j], encode);
        }
      } else {
        if (fields) fields += sep;
        fields += ks;
        fields += convert(v, encode);
      }
    }
    return fields;
  }
  return '';
}

function decodeStr(s, decoder) {
  try {
    return decoder(s);
  } catch {
    return QueryString.unescape(s, true);
  }
}

function addKeyVal(obj, key, value, keyEncoded, valEncoded, decode) {
  if (key.length > 0 && keyEncoded) key = decodeStr(key, decode);
  if (value.length > 0 && valEncoded) value = decodeStr(value, decode);
  if (obj[key] === undefined) {
    obj[key] = value;
  } else {
    const curValue = obj[key];
    if (curValue.pop) curValue[curValue.length] = value;
    else obj[key] = [curValue, value];
  }
}

const kEscape = /%[0-9a-fA-F]{2}/;

function parse(qs, sep, eq, options) {
  const obj = { __proto__: null };
  if (typeof qs !== 'string' || qs.length === 0) return obj;

  sep = sep ? `${sep}` : '&';
  eq = eq ? `${eq}` : '=';

  let pairs = 1000;
  if (options && typeof options.maxKeys === 'number') {
    pairs = options.maxKeys > 0 ? options.maxKeys : 0;
  }
  if (pairs === 0) pairs = Infinity;

  let decode = QueryString.unescape;
  if (options && typeof options.decodeURIComponent === 'function') {
    decode = options.decodeURIComponent;
  }
  const customDecode = (decode !== qsUnescape);

  let start = 0;
  while (start <= qs.length) {
    // An empty separator never matches: the whole string is one pair.
    let end = sep.length === 0 ? -1 : qs.indexOf(sep, start);
    if (end === -1) end = qs.length;
    const piece = qs.slice(start, end);
    start = end + sep.length;
    if (piece.length === 0) {
      // An empty piece between separators still uses up one of maxKeys.
      if (--pairs === 0 || end >= qs.length) break;
      continue;
    }
    const eqIdx = piece.indexOf(eq);
    let key;
    let value;
    if (eqIdx === -1) {
      key = piece;
      value = '';
    } else {
      key = piece.slice(0, eqIdx);
      value = piece.slice(eqIdx + eq.length);
    }
    // '+' means a space: it becomes '%20' and goes through the decoder.
    if (key.includes('+')) key = key.replace(/\+/g, '%20');
    if (value.includes('+')) value = value.replace(/\+/g, '%20');
    // Only a '%' followed by two hex digits makes a piece need decoding.
    const keyEncoded = customDecode || (key.includes('%') && kEscape.test(key));
    const valEncoded = customDecode || (value.includes('%') && kEscape.test(value));
    addKeyVal(obj, key, value, keyEncoded, valEncoded, decode);
    if (--pairs === 0) return obj;
    if (end >= qs.length) break;
  }
  return obj;
}

const QueryString = module.exports = {
  unescapeBuffer,
  unescape: qsUnescape,
  escape: qsEscape,
  stringify,
  encode: stringify,
  parse,
  decode: parse,
};
