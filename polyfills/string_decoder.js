// node:string_decoder — decodes Buffers to strings, holding back incomplete
// multi-byte characters between writes the way Node's native decoder does.
'use strict';

const { Buffer } = require('buffer');
const { normalizeEncoding: normalizeEnc, sliceString } = require('buffer')._internal;
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_THIS, ERR_UNKNOWN_ENCODING },
} = require('internal/errors');

// State layout (a small Buffer, like Node's native decoder state).
const kIncompleteCharactersStart = 0;
const kIncompleteCharactersEnd = 4;
const kMissingBytes = 4;
const kBufferedBytes = 5;
const kEncodingField = 6;
const kSize = 7;

const kNativeDecoder = Symbol('kNativeDecoder');
const encodings = ['ascii', 'base64', 'base64url', 'hex', 'latin1', 'utf16le', 'utf8'];

function normalizeEncoding(enc) {
  const nenc = normalizeEnc(enc);
  if (nenc === undefined) {
    if (!Buffer.isEncoding(enc)) throw new ERR_UNKNOWN_ENCODING(enc);
    return enc;
  }
  return nenc;
}

function makeString(bytes, start, end, enc) {
  if (end <= start) return '';
  return sliceString(bytes, enc, start, end);
}

function decode(state, enc, buf) {
  let data = buf instanceof Uint8Array ? buf :
    new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  let start = 0;
  let nread = data.length;
  let prepend = null;

  if (enc === 'utf8' || enc === 'utf16le' || enc === 'base64' || enc === 'base64url') {
    if (state[kMissingBytes] > 0) {
      if (enc === 'utf8') {
        for (let i = 0; i < nread && i < state[kMissingBytes]; ++i) {
          if ((data[start + i] & 0xC0) !== 0x80) {
            // Not a continuation byte: finish the incomplete character here.
            state[kMissingBytes] = 0;
            state.set(data.subarray(start, start + i), state[kBufferedBytes]);
            state[kBufferedBytes] += i;
            start += i;
            nread -= i;
            break;
          }
        }
      }
      const found = Math.min(nread, state[kMissingBytes]);
      state.set(data.subarray(start, start + found), state[kBufferedBytes]);
      start += found;
      nread -= found;
      state[kMissingBytes] -= found;
      state[kBufferedBytes] += found;
      if (state[kMissingBytes] === 0) {
        prepend = makeString(state, 0, state[kBufferedBytes], enc);
        state[kBufferedBytes] = 0;
      }
    }

    if (nread === 0) {
      return prepend !== null ? prepend : '';
    }

    if (enc === 'utf8' && (data[start + nread - 1] & 0x80)) {
      for (let i = start + nread - 1; ; --i) {
        state[kBufferedBytes]++;
        if ((data[i] & 0xC0) === 0x80) {
          if (state[kBufferedBytes] >= 4 || i === start) {
            state[kBufferedBytes] = 0;
            break;
          }
        } else {
          if ((data[i] & 0xE0) === 0xC0) state[kMissingBytes] = 2;
          else if ((data[i] & 0xF0) === 0xE0) state[kMissingBytes] = 3;
          else if ((data[i] & 0xF8) === 0xF0) state[kMissingBytes] = 4;
          else {
            state[kBufferedBytes] = 0;
            break;
          }
          if (state[kBufferedBytes] >= state[kMissingBytes]) {
            state[kMissingBytes] = 0;
            state[kBufferedBytes] = 0;
          }
          state[kMissingBytes] -= state[kBufferedBytes];
          break;
        }
      }
    } else if (enc === 'utf16le') {
      if ((nread % 2) === 1) {
        state[kBufferedBytes] = 1;
        state[kMissingBytes] = 1;
      } else if ((data[start + nread - 1] & 0xFC) === 0xD8) {
        state[kBufferedBytes] = 2;
        state[kMissingBytes] = 2;
      }
    } else if (enc === 'base64' || enc === 'base64url') {
      state[kBufferedBytes] = nread % 3;
      if (state[kBufferedBytes] > 0) state[kMissingBytes] = 3 - state[kBufferedBytes];
    }

    if (state[kBufferedBytes] > 0) {
      nread -= state[kBufferedBytes];
      state.set(data.subarray(start + nread, start + nread + state[kBufferedBytes]), 0);
    }
    const body = nread > 0 ? makeString(data, start, start + nread, enc) : '';
    return prepend !== null ? prepend + body : body;
  }
  return makeString(data, 0, data.length, enc);
}

function flush(state, enc) {
  if (enc === 'utf16le' && state[kBufferedBytes] % 2 === 1) {
    state[kMissingBytes]--;
    state[kBufferedBytes]--;
  }
  if (state[kBufferedBytes] === 0) return '';
  const ret = makeString(state, 0, state[kBufferedBytes], enc);
  state[kMissingBytes] = 0;
  state[kBufferedBytes] = 0;
  return ret;
}

function StringDecoder(encoding) {
  this.encoding = normalizeEncoding(encoding);
  this[kNativeDecoder] = Buffer.alloc(kSize);
  this[kNativeDecoder][kEncodingField] = encodings.indexOf(this.encoding);
}

StringDecoder.prototype.write = function write(buf) {
  if (typeof buf === 'string') return buf;
  if (!ArrayBuffer.isView(buf)) {
    throw new ERR_INVALID_ARG_TYPE('buf', ['Buffer', 'TypedArray', 'DataView'], buf);
  }
  if (!this[kNativeDecoder]) throw new ERR_INVALID_THIS('StringDecoder');
  return decode(this[kNativeDecoder], this.encoding, buf);
};

StringDecoder.prototype.end = function end(buf) {
  let ret = '';
  if (buf !== undefined) ret = this.write(buf);
  if (this[kNativeDecoder][kBufferedBytes] > 0) ret += flush(this[kNativeDecoder], this.encoding);
  return ret;
};

StringDecoder.prototype.text = function text(buf, offset) {
  this[kNativeDecoder][kMissingBytes] = 0;
  this[kNativeDecoder][kBufferedBytes] = 0;
  return this.write(buf.slice(offset));
};

Object.defineProperties(StringDecoder.prototype, {
  lastChar: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      return this[kNativeDecoder].subarray(kIncompleteCharactersStart, kIncompleteCharactersEnd);
    },
  },
  lastNeed: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() { return this[kNativeDecoder][kMissingBytes]; },
  },
  lastTotal: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() { return this[kNativeDecoder][kBufferedBytes] + this[kNativeDecoder][kMissingBytes]; },
  },
});

module.exports = { StringDecoder };
