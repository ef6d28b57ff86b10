// WHATWG TextEncoder / TextDecoder over internalBinding('buffer').
'use strict';

const binding = internalBinding('buffer');
const {
  codes: {
    ERR_ENCODING_INVALID_ENCODED_DATA,
    ERR_ENCODING_NOT_SUPPORTED,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
  },
} = require('internal/errors');

const customInspect = Symbol.for('nodejs.util.inspect.custom');
const kState = Symbol('kState');

// The Encoding Standard's label table: each line is an encoding name followed by
// its other labels.
const labelTable = `
utf-8 unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf8 x-unicode20utf8
ibm866 866 cp866 csibm866
iso-8859-2 csisolatin2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 l2 latin2
iso-8859-3 csisolatin3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 iso_8859-3:1988 l3 latin3
iso-8859-4 csisolatin4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 iso_8859-4:1988 l4 latin4
iso-8859-5 csisolatincyrillic cyrillic iso-ir-144 iso8859-5 iso88595 iso_8859-5 iso_8859-5:1988
iso-8859-6 arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 iso-8859-6-e
  iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6 iso_8859-6:1987
iso-8859-7 csisolatingreek ecma-118 elot_928 greek greek8 iso-ir-126 iso8859-7 iso88597
  iso_8859-7 iso_8859-7:1987 sun_eu_greek
iso-8859-8 csiso88598e csisolatinhebrew hebrew iso-8859-8-e iso-ir-138 iso8859-8 iso88598
  iso_8859-8 iso_8859-8:1988 visual
iso-8859-8-i csiso88598i logical
iso-8859-10 csisolatin6 iso-ir-157 iso8859-10 iso885910 l6 latin6
iso-8859-13 iso8859-13 iso885913
iso-8859-14 iso8859-14 iso885914
iso-8859-15 csisolatin9 iso8859-15 iso885915 iso_8859-15 l9
iso-8859-16
koi8-r cskoi8r koi koi8 koi8_r
koi8-u koi8-ru
macintosh csmacintosh mac x-mac-roman
windows-874 dos-874 iso-8859-11 iso8859-11 iso885911 tis-620
windows-1250 cp1250 x-cp1250
windows-1251 cp1251 x-cp1251
windows-1252 ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100
  iso8859-1 iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii x-cp1252
windows-1253 cp1253 x-cp1253
windows-1254 cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9
  iso_8859-9:1989 l5 latin5 x-cp1254
windows-1255 cp1255 x-cp1255
windows-1256 cp1256 x-cp1256
windows-1257 cp1257 x-cp1257
windows-1258 cp1258 x-cp1258
x-mac-cyrillic x-mac-ukrainian
gbk chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 iso-ir-58 x-gbk
gb18030
big5 big5-hkscs cn-big5 csbig5 x-x-big5
euc-jp cseucpkdfmtjapanese x-euc-jp
iso-2022-jp csiso2022jp
shift_jis csshiftjis ms932 ms_kanji shift-jis sjis windows-31j x-sjis
euc-kr cseuckr csksc56011987 iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 ksc5601
  ksc_5601 windows-949
replacement csiso2022kr hz-gb-2312 iso-2022-cn iso-2022-cn-ext iso-2022-kr
utf-16be unicodefffe
utf-16le csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16
x-user-defined
`;

const labels = { __proto__: null };
{
  let current;
  for (const line of labelTable.split('\n')) {
    const words = line.split(' ').filter(Boolean);
    if (words.length === 0) continue;
    if (!line.startsWith(' ')) current = words[0];
    for (const w of words) labels[w] = current;
  }
}

// Known to the Encoding Standard but, as in Node, not decodable.
const unsupported = new Set(['replacement', 'x-user-defined', 'iso-8859-16']);

function getEncodingFromLabel(label) {
  const enc = labels[label];
  if (enc !== undefined) return enc;
  return labels[`${label}`.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '').toLowerCase()];
}

function isAnyArrayBuffer(v) {
  const tag = Object.prototype.toString.call(v);
  return tag === '[object ArrayBuffer]' || tag === '[object SharedArrayBuffer]';
}

function toU8(input) {
  if (isAnyArrayBuffer(input)) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  // Node's native decoder reports this with its own wording.
  const err = new TypeError('The "list" argument must be an instance of SharedArrayBuffer, ' +
                            'ArrayBuffer or ArrayBufferView.');
  err.code = 'ERR_INVALID_ARG_TYPE';
  throw err;
}

class TextEncoder {
  get encoding() {
    if (!(this instanceof TextEncoder)) throw new ERR_INVALID_THIS('TextEncoder');
    return 'utf-8';
  }

  encode(input = '') {
    if (!(this instanceof TextEncoder)) throw new ERR_INVALID_THIS('TextEncoder');
    const s = `${input}`;
    if (s.length === 0) return new Uint8Array(0);
    return new Uint8Array(binding.encode(s, 'utf8'));
  }

  encodeInto(src, dest) {
    if (!(this instanceof TextEncoder)) throw new ERR_INVALID_THIS('TextEncoder');
    if (typeof src !== 'string') throw new ERR_INVALID_ARG_TYPE('src', 'string', src);
    if (Object.prototype.toString.call(dest) !== '[object Uint8Array]') {
      throw new ERR_INVALID_ARG_TYPE('dest', 'Uint8Array', dest);
    }
    const room = dest.length;
    let read = 0;
    let written = 0;
    for (let i = 0; i < src.length; i++) {
      const c = src.charCodeAt(i);
      let n;
      let units = 1;
      if (c < 0x80) n = 1;
      else if (c < 0x800) n = 2;
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < src.length &&
               (src.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { n = 4; units = 2; }
      else n = 3;
      if (written + n > room) break;
      written += n;
      read += units;
      if (units === 2) i++;
    }
    if (written > 0) {
      dest.set(new Uint8Array(binding.encode(src.slice(0, read), 'utf8')), 0);
    }
    return { read, written };
  }

  [customInspect](depth, opts) {
    if (!(this instanceof TextEncoder)) throw new ERR_INVALID_THIS('TextEncoder');
    if (typeof depth === 'number' && depth < 0) return this;
    const { inspect } = require('internal/util/inspect');
    return `TextEncoder ${inspect({ encoding: 'utf-8' }, opts)}`;
  }
}

Object.defineProperty(TextEncoder.prototype, Symbol.toStringTag, {
  __proto__: null, configurable: true, value: 'TextEncoder',
});
for (const k of ['encoding', 'encode', 'encodeInto']) {
  const d = Object.getOwnPropertyDescriptor(TextEncoder.prototype, k);
  d.enumerable = true;
  Object.defineProperty(TextEncoder.prototype, k, d);
}

// Length of a trailing incomplete-but-valid UTF-8 sequence.
function utf8PendingTail(u8) {
  const len = u8.length;
  for (let i = len - 1; i >= 0 && i >= len - 3; i--) {
    const b = u8[i];
    if ((b & 0xc0) === 0x80) continue;
    let need = 0;
    if (b >= 0xc2 && b <= 0xdf) need = 2;
    else if (b >= 0xe0 && b <= 0xef) need = 3;
    else if (b >= 0xf0 && b <= 0xf4) need = 4;
    const have = len - i;
    if (need === 0 || have >= need) return 0;
    for (let j = i + 1; j < len; j++) {
      const c = u8[j];
      let lo = 0x80;
      let hi = 0xbf;
      if (j === i + 1) {
        if (b === 0xe0) lo = 0xa0;
        else if (b === 0xed) hi = 0x9f;
        else if (b === 0xf0) lo = 0x90;
        else if (b === 0xf4) hi = 0x8f;
      }
      if (c < lo || c > hi) return 0;
    }
    return have;
  }
  return 0;
}

class TextDecoder {
  constructor(encoding = 'utf-8', options = {}) {
    encoding = `${encoding}`;
    if (options !== undefined && options !== null && typeof options !== 'object' &&
        typeof options !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
    }
    const enc = getEncodingFromLabel(encoding);
    if (enc === undefined) throw new ERR_ENCODING_NOT_SUPPORTED(encoding);
    if (unsupported.has(enc)) throw new ERR_ENCODING_NOT_SUPPORTED(enc);
    const opts = options || {};
    this[kState] = {
      encoding: enc,
      fatal: Boolean(opts.fatal),
      ignoreBOM: Boolean(opts.ignoreBOM),
      pending: null,
      bomSeen: false,
    };
    Object.defineProperty(this, kState, { enumerable: false });
  }

  get encoding() {
    if (!this || !this[kState]) throw new ERR_INVALID_THIS('TextDecoder');
    return this[kState].encoding;
  }

  get fatal() {
    if (!this || !this[kState]) throw new ERR_INVALID_THIS('TextDecoder');
    return this[kState].fatal;
  }

  get ignoreBOM() {
    if (!this || !this[kState]) throw new ERR_INVALID_THIS('TextDecoder');
    return this[kState].ignoreBOM;
  }

  decode(input = new Uint8Array(0), options = {}) {
    const st = this && this[kState];
    if (!st) throw new ERR_INVALID_THIS('TextDecoder');
    let u8 = toU8(input);
    const stream = Boolean(options && options.stream);
    if (st.pending !== null) {
      const joined = new Uint8Array(st.pending.length + u8.length);
      joined.set(st.pending, 0);
      joined.set(u8, st.pending.length);
      u8 = joined;
      st.pending = null;
    }
    const enc = st.encoding;
    if (stream) {
      let keep = 0;
      if (enc === 'utf-8') {
        keep = utf8PendingTail(u8);
      } else if (enc === 'utf-16le' || enc === 'utf-16be') {
        keep = u8.length % 2;
        const last = u8.length - keep - 2;
        if (last >= 0) {
          const hiByte = enc === 'utf-16le' ? u8[last + 1] : u8[last];
          if ((hiByte & 0xfc) === 0xd8) keep += 2;
        }
      }
      if (keep > 0) {
        st.pending = u8.slice(u8.length - keep);
        u8 = u8.subarray(0, u8.length - keep);
      }
    }
    let result;
    if (u8.length === 0) {
      result = '';
    } else if (enc === 'utf-8' || enc === 'utf-16le' || enc === 'utf-16be' ||
               enc === 'windows-1252') {
      result = binding.textDecode(u8, stream && enc === 'windows-1252' ? 'cp1252' : enc, st.fatal);
    } else {
      const out = binding.textDecodeLegacy(u8, enc, st.fatal, stream);
      result = out === null ? null : out[0];
      if (out !== null && out[1] > 0) st.pending = u8.slice(u8.length - out[1]);
    }
    if (result === null) {
      st.pending = null;
      st.bomSeen = false;
      throw new ERR_ENCODING_INVALID_ENCODED_DATA(enc, undefined);
    }
    if (!st.ignoreBOM && !st.bomSeen && result.length > 0) {
      if (enc !== 'windows-1252' && result.charCodeAt(0) === 0xfeff) result = result.slice(1);
      st.bomSeen = true;
    }
    if (!stream) {
      st.bomSeen = false;
      st.pending = null;
    }
    return result;
  }

  [customInspect](depth, opts) {
    if (typeof depth === 'number' && depth < 0) return this;
    const { inspect } = require('internal/util/inspect');
    const st = this[kState];
    const obj = { encoding: st.encoding, fatal: st.fatal, ignoreBOM: st.ignoreBOM };
    return `TextDecoder ${inspect(obj, opts)}`;
  }
}

Object.defineProperty(TextDecoder.prototype, Symbol.toStringTag, {
  __proto__: null, configurable: true, value: 'TextDecoder',
});
for (const k of ['encoding', 'fatal', 'ignoreBOM', 'decode']) {
  const d = Object.getOwnPropertyDescriptor(TextDecoder.prototype, k);
  d.enumerable = true;
  Object.defineProperty(TextDecoder.prototype, k, d);
}

module.exports = {
  getEncodingFromLabel,
  TextDecoder,
  TextEncoder,
};
