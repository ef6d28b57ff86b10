// node:buffer — Buffer (a Uint8Array subclass), Blob, atob/btoa.
// Bulk encode/decode goes through internalBinding('buffer') (Python codecs);
// tiny ASCII strings take a JS fast path.
'use strict';

const binding = internalBinding('buffer');
const {
  codes: {
    ERR_BUFFER_OUT_OF_BOUNDS,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_BUFFER_SIZE,
    ERR_MISSING_ARGS,
    ERR_OUT_OF_RANGE,
    ERR_UNKNOWN_ENCODING,
    ERR_INVALID_STATE,
  },
} = require('internal/errors');
const {
  validateArray,
  validateNumber,
  validateString,
} = require('internal/validators');

const kMaxLength = 2 ** 32;
const kStringMaxLength = 536870888;
const constants = Object.defineProperties({}, {
  MAX_LENGTH: { value: kMaxLength, writable: false, enumerable: true },
  MAX_STRING_LENGTH: { value: kStringMaxLength, writable: false, enumerable: true },
});
const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');
let INSPECT_MAX_BYTES = 50;
const SMALL = 32;

const TypedArrayProto = Object.getPrototypeOf(Uint8Array.prototype);
const getTAToStringTag = Object.getOwnPropertyDescriptor(TypedArrayProto, Symbol.toStringTag).get;
function isUint8Array(v) { return getTAToStringTag.call(v) === 'Uint8Array'; }
// Brand checks (the byteLength getters throw on anything else), so an object
// that only inherits from ArrayBuffer.prototype is not taken for one.
const abByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
const sabByteLength = typeof SharedArrayBuffer === 'function' ?
  Object.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, 'byteLength').get : null;
function isAnyArrayBuffer(v) {
  if (v === null || typeof v !== 'object') return false;
  try {
    abByteLength.call(v);
    return true;
  } catch {
    // not an ArrayBuffer
  }
  if (sabByteLength === null) return false;
  try {
    sabByteLength.call(v);
    return true;
  } catch {
    return false;
  }
}

class FastBuffer extends Uint8Array {
  // eslint-disable-next-line no-useless-constructor
  constructor(bufferOrLength, byteOffset, length) {
    super(bufferOrLength, byteOffset, length);
  }
}

// ---------------------------------------------------------------- encodings

function normalizeEncoding(enc) {
  if (enc == null || enc === 'utf8' || enc === 'utf-8') return 'utf8';
  return slowCases(enc);
}

function slowCases(enc) {
  switch (`${enc}`.toLowerCase()) {
    case 'utf8': case 'utf-8': return 'utf8';
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 'utf16le';
    case 'latin1': case 'binary': return 'latin1';
    case 'base64': return 'base64';
    case 'base64url': return 'base64url';
    case 'hex': return 'hex';
    case 'ascii': return 'ascii';
    case '': return 'utf8';
    default: return undefined;
  }
}

// One regex test (run by the engine in C) instead of a JS loop per char:
// the common case of HTTP heads and bodies is short ASCII.
const kNonAscii = /[^\x00-\x7f]/;

function isAsciiString(s) {
  return !kNonAscii.test(s);
}

// Encoded bytes of `string` (a Uint8Array view, possibly of a fresh ArrayBuffer).
function encodeBytes(string, enc) {
  if (string.length < SMALL && (enc === 'utf8' || enc === 'latin1' || enc === 'ascii')) {
    if (enc !== 'utf8' || isAsciiString(string)) {
      const out = new Uint8Array(string.length);
      for (let i = 0; i < string.length; i++) out[i] = string.charCodeAt(i);
      return out;
    }
  }
  return new Uint8Array(binding.encode(string, enc));
}

function byteLengthUtf8(string) {
  if (string.length < SMALL * 4) {
    if (!kNonAscii.test(string)) return string.length;
    let n = 0;
    for (let i = 0; i < string.length; i++) {
      const c = string.charCodeAt(i);
      if (c < 0x80) n += 1;
      else if (c < 0x800) n += 2;
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < string.length &&
               (string.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { n += 4; i++; }
      else n += 3;
    }
    return n;
  }
  return binding.byteLengthUtf8(string);
}

function base64ByteLength(str, bytes) {
  if (str.charCodeAt(bytes - 1) === 0x3D) bytes--;
  if (bytes > 1 && str.charCodeAt(bytes - 1) === 0x3D) bytes--;
  return (bytes * 3) >>> 2;
}

function sliceString(buf, enc, start, end) {
  const len = end - start;
  if (len <= 0) return '';
  if (len > kStringMaxLength / 2) checkStringLength(enc, len);
  if (len < SMALL && (enc === 'utf8' || enc === 'latin1' || enc === 'ascii')) {
    let s = '';
    let ok = true;
    for (let i = start; i < end; i++) {
      const c = buf[i];
      if (c > 0x7f) {
        if (enc === 'latin1') { s += String.fromCharCode(c); continue; }
        if (enc === 'ascii') { s += String.fromCharCode(c & 0x7f); continue; }
        ok = false; break;
      }
      s += String.fromCharCode(c);
    }
    if (ok) return s;
  }
  if (enc === 'hex' && len < SMALL) {
    let s = '';
    for (let i = start; i < end; i++) s += hexTable[buf[i]];
    return s;
  }
  return binding.decode(new Uint8Array(buf.buffer, buf.byteOffset + start, len), enc, 0, len);
}

function checkStringLength(enc, len) {
  let out = len;
  if (enc === 'hex') out = len * 2;
  else if (enc === 'base64' || enc === 'base64url') out = Math.ceil(len / 3) * 4;
  else if (enc === 'utf16le') out = len / 2;
  if (out > kStringMaxLength) {
    const err = new Error(
      `Cannot create a string longer than 0x${kStringMaxLength.toString(16)} characters`);
    err.code = 'ERR_STRING_TOO_LONG';
    throw err;
  }
}

const hexTable = [];
for (let i = 0; i < 256; i++) hexTable.push((i < 16 ? '0' : '') + i.toString(16));

// Writes `string` encoded into buf at offset, at most `length` bytes, never
// splitting a character.  Returns the number of bytes written.
function writeString(buf, string, enc, offset, length) {
  if (typeof string !== 'string') {
    const err = new TypeError('argument must be a string');
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  if (offset === undefined) offset = 0;
  const room = buf.length - offset;
  if (length === undefined || length > room) length = room;
  if (length <= 0 || string.length === 0) return 0;
  let bytes;
  if (string.length < SMALL && enc !== 'base64' && enc !== 'base64url' && enc !== 'hex' &&
      enc !== 'utf16le') {
    bytes = encodeBytes(string, enc);
    if (bytes.length > length) bytes = new Uint8Array(binding.encodeLimit(string, enc, length));
  } else {
    bytes = new Uint8Array(binding.encodeLimit(string, enc, length));
  }
  buf.set(bytes, offset);
  return bytes.length;
}

function makeOps(enc, byteLength) {
  return {
    encoding: enc,
    encodingVal: enc,
    byteLength,
    write: (buf, string, offset, len) => writeString(buf, string, enc, offset, len),
    slice: (buf, start, end) => sliceString(buf, enc, start, end),
    indexOf: (buf, val, byteOffset, dir) =>
      indexOfBytes(buf, encodeBytes(val, enc), byteOffset, dir, enc === 'utf16le' ? 2 : 1),
  };
}

const encodingOps = {
  utf8: makeOps('utf8', byteLengthUtf8),
  utf16le: makeOps('utf16le', (s) => s.length * 2),
  latin1: makeOps('latin1', (s) => s.length),
  ascii: makeOps('ascii', (s) => s.length),
  base64: makeOps('base64', (s) => base64ByteLength(s, s.length)),
  base64url: makeOps('base64url', (s) => base64ByteLength(s, s.length)),
  hex: makeOps('hex', (s) => s.length >>> 1),
};

function getEncodingOps(encoding) {
  const n = slowCases(encoding);
  return n === undefined ? undefined : encodingOps[n];
}

// ---------------------------------------------------------------- pool

let poolSize, poolOffset, allocPool;
function createPool() {
  poolSize = Buffer.poolSize;
  allocPool = new ArrayBuffer(poolSize);
  // Shared by many Buffers: postMessage copies it instead of transferring.
  allocPool[internalBinding('util').privateSymbols.untransferable_object_private_symbol] = true;
  poolOffset = 0;
}
function alignPool() {
  if (poolOffset & 0x7) {
    poolOffset |= 0x7;
    poolOffset++;
  }
}

// QuickJS's ArrayBuffers end at 2 ** 31 - 1 bytes, below kMaxLength (V8's
// limit, which programs size against): a valid size past it fails as V8's
// allocation failure does, not with the engine's 'invalid array buffer length'.
const kEngineMaxByteLength = 2 ** 31 - 1;

function createUnsafeBuffer(size) {
  if (size > kEngineMaxByteLength) throw new RangeError('Array buffer allocation failed');
  return new FastBuffer(size);
}

function allocate(size) {
  if (size <= 0) return new FastBuffer();
  if (size < (Buffer.poolSize >>> 1)) {
    if (size > (poolSize - poolOffset)) createPool();
    const b = new FastBuffer(allocPool, poolOffset, size);
    poolOffset += size;
    alignPool();
    return b;
  }
  return createUnsafeBuffer(size);
}

function fromStringFast(string, ops) {
  if (string.length >= SMALL * 8 && ops.encoding !== 'utf16le') {
    // One crossing; the returned ArrayBuffer becomes the buffer's storage.
    return new FastBuffer(binding.encode(string, ops.encoding));
  }
  const bytes = encodeBytes(string, ops.encoding);
  const length = bytes.length;
  if (length >= (Buffer.poolSize >>> 1)) {
    const b = new FastBuffer(length);
    b.set(bytes);
    return b;
  }
  if (length > (poolSize - poolOffset)) createPool();
  const b = new FastBuffer(allocPool, poolOffset, length);
  b.set(bytes);
  poolOffset += length;
  alignPool();
  return b;
}

function fromString(string, encoding) {
  let ops;
  if (typeof encoding !== 'string' || encoding.length === 0) {
    if (string.length === 0) return new FastBuffer();
    ops = encodingOps.utf8;
  } else {
    ops = getEncodingOps(encoding);
    if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
    if (string.length === 0) return new FastBuffer();
  }
  return fromStringFast(string, ops);
}

function fromArrayBuffer(obj, byteOffset, length) {
  if (byteOffset === undefined) {
    byteOffset = 0;
  } else {
    byteOffset = +byteOffset;
    if (Number.isNaN(byteOffset)) byteOffset = 0;
  }
  const maxLength = obj.byteLength - byteOffset;
  if (maxLength < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
  if (length === undefined) {
    length = maxLength;
  } else {
    length = +length;
    if (length > 0) {
      if (length > maxLength) throw new ERR_BUFFER_OUT_OF_BOUNDS('length');
    } else {
      length = 0;
    }
  }
  return new FastBuffer(obj, byteOffset, length);
}

function fromArrayLike(obj) {
  if (obj.length <= 0) return new FastBuffer();
  if (obj.length < (Buffer.poolSize >>> 1)) {
    if (obj.length > (poolSize - poolOffset)) createPool();
    const b = new FastBuffer(allocPool, poolOffset, obj.length);
    b.set(obj, 0);
    poolOffset += obj.length;
    alignPool();
    return b;
  }
  return new FastBuffer(obj);
}

function fromObject(obj) {
  if (obj.length !== undefined || isAnyArrayBuffer(obj.buffer)) {
    if (typeof obj.length !== 'number') return new FastBuffer();
    return fromArrayLike(obj);
  }
  if (obj.type === 'Buffer' && Array.isArray(obj.data)) return fromArrayLike(obj.data);
}

// ---------------------------------------------------------------- Buffer

const bufferWarning = 'Buffer() is deprecated due to security and usability ' +
  'issues. Please use the Buffer.alloc(), Buffer.allocUnsafe(), or ' +
  'Buffer.from() methods instead.';
let bufferWarningEmitted = false;
let nodeModulesChecks = 0;

// DEP0005, once per process; calls from inside node_modules are spared unless
// pending deprecations are on (the stack walk stops after many calls).
function showFlaggedDeprecation() {
  if (bufferWarningEmitted || ++nodeModulesChecks > 10000) return;
  const pending = require('internal/options').getOptionValue('--pending-deprecation') ||
    process.env.NODE_PENDING_DEPRECATION === '1';
  if (!pending && require('internal/util').isInsideNodeModules()) return;
  bufferWarningEmitted = true;
  process.emitWarning(bufferWarning, 'DeprecationWarning', 'DEP0005');
}

function Buffer(arg, encodingOrOffset, length) {
  showFlaggedDeprecation();
  if (typeof arg === 'number') {
    if (typeof encodingOrOffset === 'string') {
      throw new ERR_INVALID_ARG_TYPE('string', 'string', arg);
    }
    return Buffer.alloc(arg);
  }
  return Buffer.from(arg, encodingOrOffset, length);
}

Buffer.from = function from(value, encodingOrOffset, length) {
  if (typeof value === 'string') return fromString(value, encodingOrOffset);
  if (typeof value === 'object' && value !== null) {
    if (isAnyArrayBuffer(value)) return fromArrayBuffer(value, encodingOrOffset, length);
    const valueOf = value.valueOf && value.valueOf();
    if (valueOf != null && valueOf !== value &&
        (typeof valueOf === 'string' || typeof valueOf === 'object')) {
      return from(valueOf, encodingOrOffset, length);
    }
    const b = fromObject(value);
    if (b) return b;
    if (typeof value[Symbol.toPrimitive] === 'function') {
      const primitive = value[Symbol.toPrimitive]('string');
      if (typeof primitive === 'string') return fromString(primitive, encodingOrOffset);
    }
  }
  throw new ERR_INVALID_ARG_TYPE(
    'first argument', ['string', 'Buffer', 'ArrayBuffer', 'Array', 'Array-like Object'], value);
};

Buffer.copyBytesFrom = function copyBytesFrom(view, offset, length) {
  if (!ArrayBuffer.isView(view) || Object.prototype.toString.call(view) === '[object DataView]') {
    throw new ERR_INVALID_ARG_TYPE('view', ['TypedArray'], view);
  }
  const viewLength = view.length;
  if (viewLength === 0) return Buffer.alloc(0);
  if (offset !== undefined || length !== undefined) {
    if (offset !== undefined) {
      validateInteger(offset, 'offset', 0);
      if (offset >= viewLength) return new FastBuffer();
    } else {
      offset = 0;
    }
    let end;
    if (length !== undefined) {
      validateInteger(length, 'length', 0);
      end = offset + length;
    } else {
      end = viewLength;
    }
    view = view.subarray(offset, end);
  }
  return fromArrayLike(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
};

function validateInteger(value, name, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
  return require('internal/validators').validateInteger(value, name, min, max);
}

Buffer.of = function of(...items) {
  const newObj = createUnsafeBuffer(items.length);
  for (let k = 0; k < items.length; k++) newObj[k] = items[k];
  return newObj;
};

Buffer.alloc = function alloc(size, fill, encoding) {
  validateNumber(size, 'size', 0, kMaxLength);
  if (fill !== undefined && fill !== 0 && size > 0) {
    const buf = createUnsafeBuffer(size);
    return _fill(buf, fill, 0, buf.length, encoding);
  }
  return createUnsafeBuffer(size);
};

Buffer.allocUnsafe = function allocUnsafe(size) {
  validateNumber(size, 'size', 0, kMaxLength);
  return allocate(size);
};

Buffer.allocUnsafeSlow = function allocUnsafeSlow(size) {
  validateNumber(size, 'size', 0, kMaxLength);
  return createUnsafeBuffer(size);
};

function SlowBuffer(size) {
  validateNumber(size, 'size', 0, kMaxLength);
  return createUnsafeBuffer(size);
}
Object.setPrototypeOf(SlowBuffer.prototype, Uint8Array.prototype);
Object.setPrototypeOf(SlowBuffer, Uint8Array);

Buffer.isBuffer = function isBuffer(b) { return b instanceof Buffer; };

function _compare(a, b) {
  const la = a.length;
  const lb = b.length;
  const n = Math.min(la, lb);
  if (n > 64) {
    const r = binding.compare(
      new Uint8Array(a.buffer, a.byteOffset, a.byteLength),
      new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
    return r;
  }
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return la < lb ? -1 : la > lb ? 1 : 0;
}

Buffer.compare = function compare(buf1, buf2) {
  if (!isUint8Array(buf1)) throw new ERR_INVALID_ARG_TYPE('buf1', ['Buffer', 'Uint8Array'], buf1);
  if (!isUint8Array(buf2)) throw new ERR_INVALID_ARG_TYPE('buf2', ['Buffer', 'Uint8Array'], buf2);
  if (buf1 === buf2) return 0;
  return _compare(buf1, buf2);
};

Buffer.isEncoding = function isEncoding(encoding) {
  return typeof encoding === 'string' && encoding.length !== 0 &&
    normalizeEncoding(encoding) !== undefined;
};
Buffer[Symbol.for('kIsEncodingSymbol')] = Buffer.isEncoding;

Buffer.concat = function concat(list, length) {
  validateArray(list, 'list');
  if (list.length === 0) return new FastBuffer();
  if (length === undefined) {
    length = 0;
    for (let i = 0; i < list.length; i++) {
      if (list[i].length) length += list[i].length;
    }
  } else {
    validateOffset(length, 'length');
  }
  const buffer = Buffer.allocUnsafe(length);
  let pos = 0;
  for (let i = 0; i < list.length; i++) {
    const buf = list[i];
    if (!isUint8Array(buf)) {
      throw new ERR_INVALID_ARG_TYPE(`list[${i}]`, ['Buffer', 'Uint8Array'], list[i]);
    }
    pos += _copyActual(buf, buffer, pos, 0, buf.length);
  }
  if (pos < length) buffer.fill(0, pos, length);
  return buffer;
};

function byteLength(string, encoding) {
  if (typeof string !== 'string') {
    if (ArrayBuffer.isView(string) || isAnyArrayBuffer(string)) return string.byteLength;
    throw new ERR_INVALID_ARG_TYPE('string', ['string', 'Buffer', 'ArrayBuffer'], string);
  }
  const len = string.length;
  const mustMatch = (arguments.length > 2 && arguments[2] === true);
  if (!mustMatch && len === 0) return 0;
  if (!encoding) return (mustMatch ? -1 : byteLengthUtf8(string));
  const ops = getEncodingOps(encoding);
  if (ops === undefined) return (mustMatch ? -1 : byteLengthUtf8(string));
  return ops.byteLength(string);
}
Buffer.byteLength = byteLength;

Buffer.poolSize = 8 * 1024;

Buffer.prototype = FastBuffer.prototype;
Object.defineProperty(FastBuffer.prototype, 'constructor', {
  __proto__: null, value: Buffer, writable: true, enumerable: false, configurable: true,
});
Object.setPrototypeOf(Buffer, Uint8Array);
// Derived buffers (map, filter, subarray ...) are made without the
// deprecated Buffer() constructor and its DEP0005 warning.
Object.defineProperty(Buffer, Symbol.species, {
  __proto__: null, get() { return FastBuffer; }, enumerable: false, configurable: true,
});
createPool();

const proto = Buffer.prototype;

Object.defineProperty(proto, 'parent', {
  __proto__: null, enumerable: true, configurable: true,
  get() {
    if (!(this instanceof Buffer)) return undefined;
    return this.buffer;
  },
});
Object.defineProperty(proto, 'offset', {
  __proto__: null, enumerable: true, configurable: true,
  get() {
    if (!(this instanceof Buffer)) return undefined;
    return this.byteOffset;
  },
});

for (const enc of ['utf8', 'latin1', 'ascii', 'hex', 'base64', 'base64url', 'ucs2', 'utf16le']) {
  const n = enc === 'ucs2' ? 'utf16le' : enc;
  proto[`${enc}Slice`] = function(start = 0, end = this.length) {
    if (start > this.length || end > this.length) throw new ERR_OUT_OF_RANGE('index', `>= 0 && <= ${this.length}`, start > this.length ? start : end);
    return sliceString(this, n, start, end);
  };
  proto[`${enc}Write`] = function(string, offset = 0, length = this.length - offset) {
    if (offset > this.length) throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
    return writeString(this, string, n, offset, length);
  };
}

proto.copy = function copy(target, targetStart, sourceStart, sourceEnd) {
  return copyImpl(this, target, targetStart, sourceStart, sourceEnd);
};

function toInteger(n, defaultVal) {
  n = +n;
  if (!Number.isNaN(n) && n >= Number.MIN_SAFE_INTEGER && n <= Number.MAX_SAFE_INTEGER) {
    return ((n % 1) === 0 ? n : Math.floor(n));
  }
  return defaultVal;
}

function copyImpl(source, target, targetStart, sourceStart, sourceEnd) {
  if (!isUint8Array(source)) throw new ERR_INVALID_ARG_TYPE('source', ['Buffer', 'Uint8Array'], source);
  if (!isUint8Array(target)) throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
  if (targetStart === undefined) {
    targetStart = 0;
  } else {
    targetStart = toInteger(targetStart, 0);
    if (targetStart < 0) throw new ERR_OUT_OF_RANGE('targetStart', '>= 0', targetStart);
  }
  if (sourceStart === undefined) {
    sourceStart = 0;
  } else {
    sourceStart = toInteger(sourceStart, 0);
    if (sourceStart < 0 || sourceStart > source.byteLength) {
      throw new ERR_OUT_OF_RANGE('sourceStart', `>= 0 && <= ${source.byteLength}`, sourceStart);
    }
  }
  if (sourceEnd === undefined) {
    sourceEnd = source.byteLength;
  } else {
    sourceEnd = toInteger(sourceEnd, 0);
    if (sourceEnd < 0) throw new ERR_OUT_OF_RANGE('sourceEnd', '>= 0', sourceEnd);
  }
  if (targetStart >= target.byteLength || sourceStart >= sourceEnd) return 0;
  return _copyActual(source, target, targetStart, sourceStart, sourceEnd);
}

function _copyActual(source, target, targetStart, sourceStart, sourceEnd) {
  if (sourceEnd - sourceStart > target.byteLength - targetStart) {
    sourceEnd = sourceStart + target.byteLength - targetStart;
  }
  let nb = sourceEnd - sourceStart;
  const sourceLen = source.byteLength - sourceStart;
  if (nb > sourceLen) nb = sourceLen;
  if (nb <= 0) return 0;
  const src = new Uint8Array(source.buffer, source.byteOffset + sourceStart, nb);
  const dst = isUint8Array(target) ? target :
    new Uint8Array(target.buffer, target.byteOffset, target.byteLength);
  dst.set(src, targetStart);
  return nb;
}

proto.toString = function toString(encoding, start, end) {
  if (arguments.length === 0) return sliceString(this, 'utf8', 0, this.length);
  const len = this.length;
  if (start <= 0) start = 0;
  else if (start >= len) return '';
  else start = Math.trunc(start) || 0;
  if (end === undefined || end > len) end = len;
  else end = Math.trunc(end) || 0;
  if (end <= start) return '';
  if (encoding === undefined) return sliceString(this, 'utf8', start, end);
  const ops = getEncodingOps(encoding);
  if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  return ops.slice(this, start, end);
};

proto.equals = function equals(otherBuffer) {
  if (!isUint8Array(otherBuffer)) {
    throw new ERR_INVALID_ARG_TYPE('otherBuffer', ['Buffer', 'Uint8Array'], otherBuffer);
  }
  if (this === otherBuffer) return true;
  const len = this.byteLength;
  if (len !== otherBuffer.byteLength) return false;
  return len === 0 || _compare(this, otherBuffer) === 0;
};

proto[customInspectSymbol] = function inspect(recurseTimes, ctx) {
  const max = INSPECT_MAX_BYTES;
  const actualMax = Math.min(max, this.length);
  const remaining = this.length - max;
  let str = sliceString(this, 'hex', 0, actualMax).replace(/(.{2})/g, '$1 ').trim();
  if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  if (ctx) {
    let extras = false;
    const obj = { __proto__: null };
    const keys = ctx.showHidden ? Object.getOwnPropertyNames(this) : Object.keys(this);
    for (const key of keys) {
      if (/^(0|[1-9][0-9]*)$/.test(key)) continue;
      extras = true;
      obj[key] = this[key];
    }
    if (ctx.showHidden) {
      for (const sym of Object.getOwnPropertySymbols(this)) { extras = true; obj[sym] = this[sym]; }
    } else {
      for (const sym of Object.getOwnPropertySymbols(this)) {
        if (Object.prototype.propertyIsEnumerable.call(this, sym)) { extras = true; obj[sym] = this[sym]; }
      }
    }
    if (extras) {
      const { inspect: utilInspect } = require('internal/util/inspect');
      if (this.length !== 0) str += ', ';
      str += utilInspect(obj, { ...ctx, breakLength: Infinity, compact: true }).slice(27, -2);
    }
  }
  return `<${this.constructor.name} ${str}>`;
};
proto.inspect = proto[customInspectSymbol];

proto.compare = function compare(target, targetStart, targetEnd, sourceStart, sourceEnd) {
  if (!isUint8Array(target)) throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
  if (arguments.length === 1) return _compare(this, target);
  if (targetStart === undefined) targetStart = 0;
  else validateOffset(targetStart, 'targetStart');
  if (targetEnd === undefined) targetEnd = target.length;
  else validateOffset(targetEnd, 'targetEnd', 0, target.length);
  if (sourceStart === undefined) sourceStart = 0;
  else validateOffset(sourceStart, 'sourceStart');
  if (sourceEnd === undefined) sourceEnd = this.length;
  else validateOffset(sourceEnd, 'sourceEnd', 0, this.length);
  if (sourceStart >= sourceEnd) return (targetStart >= targetEnd ? 0 : -1);
  if (targetStart >= targetEnd) return 1;
  if (sourceStart > this.length) throw new ERR_OUT_OF_RANGE('sourceStart', `<= ${this.length}`, sourceStart);
  if (targetStart > target.length) throw new ERR_OUT_OF_RANGE('targetStart', `<= ${target.length}`, targetStart);
  return _compare(this.subarray(sourceStart, sourceEnd), target.subarray(targetStart, targetEnd));
};

function indexOfOffset(length, offset, needleLength, isForward) {
  if (offset < 0) {
    if (offset + length >= 0) return length + offset;
    if (isForward || needleLength === 0) return 0;
    return -1;
  }
  if (offset + needleLength <= length) return offset;
  if (needleLength === 0) return length;
  if (isForward) return -1;
  return length - 1;
}

function asU8(v) {
  return isUint8Array(v) ? v : new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
}

function indexOfBytes(buffer, needle, byteOffset, dir, step = 1) {
  const hay = asU8(buffer);
  const hlen = hay.length;
  const nlen = needle.length;
  byteOffset = Math.trunc(byteOffset);
  const opt = indexOfOffset(hlen, byteOffset, nlen, dir);
  if (nlen === 0) return opt;
  if (hlen === 0) return -1;
  if (step === 2 && (hlen < 2 || nlen < 2)) return -1;
  if (opt <= -1) return -1;
  if ((dir && nlen + opt > hlen) || nlen > hlen) return -1;
  if (hlen <= 256 && step === 1) {
    if (dir) {
      outer: for (let i = opt; i + nlen <= hlen; i++) {
        for (let j = 0; j < nlen; j++) if (hay[i + j] !== needle[j]) continue outer;
        return i;
      }
    } else {
      outer2: for (let i = Math.min(opt, hlen - nlen); i >= 0; i--) {
        for (let j = 0; j < nlen; j++) if (hay[i + j] !== needle[j]) continue outer2;
        return i;
      }
    }
    return -1;
  }
  return binding.indexOf(hay, needle, dir ? opt : Math.min(opt, hlen - nlen), dir, step);
}

function indexOfNumber(buffer, val, byteOffset, dir) {
  const hay = asU8(buffer);
  const len = hay.length;
  const opt = indexOfOffset(len, Math.trunc(byteOffset), 1, dir);
  if (opt <= -1 || len === 0) return -1;
  val &= 0xff;
  if (dir) return Uint8Array.prototype.indexOf.call(hay, val, opt);
  return Uint8Array.prototype.lastIndexOf.call(hay, val, opt);
}

function bidirectionalIndexOf(buffer, val, byteOffset, encoding, dir) {
  if (!ArrayBuffer.isView(buffer)) {
    throw new ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView'], buffer);
  }
  if (typeof byteOffset === 'string') {
    encoding = byteOffset;
    byteOffset = undefined;
  } else if (byteOffset > 0x7fffffff) {
    byteOffset = 0x7fffffff;
  } else if (byteOffset < -0x80000000) {
    byteOffset = -0x80000000;
  }
  byteOffset = +byteOffset;
  if (Number.isNaN(byteOffset)) byteOffset = dir ? 0 : (buffer.length || buffer.byteLength);
  dir = !!dir;
  if (typeof val === 'number') return indexOfNumber(buffer, val >>> 0, byteOffset, dir);
  let ops;
  if (encoding === undefined) ops = encodingOps.utf8;
  else ops = getEncodingOps(encoding);
  if (typeof val === 'string') {
    if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
    return ops.indexOf(buffer, val, byteOffset, dir);
  }
  if (isUint8Array(val)) {
    const step = ops !== undefined && ops.encoding === 'utf16le' ? 2 : 1;
    return indexOfBytes(buffer, val, byteOffset, dir, step);
  }
  throw new ERR_INVALID_ARG_TYPE('value', ['number', 'string', 'Buffer', 'Uint8Array'], val);
}

proto.indexOf = function indexOf(val, byteOffset, encoding) {
  return bidirectionalIndexOf(this, val, byteOffset, encoding, true);
};
proto.lastIndexOf = function lastIndexOf(val, byteOffset, encoding) {
  return bidirectionalIndexOf(this, val, byteOffset, encoding, false);
};
proto.includes = function includes(val, byteOffset, encoding) {
  return this.indexOf(val, byteOffset, encoding) !== -1;
};

// The binding's own fill (Node's C++ one is reachable through
// internalBinding('buffer')): it range-checks start/end itself.
binding.fill = function fill(buf, value, start, end, encoding) {
  if (!(start >= 0 && start <= end && end <= buf.byteLength)) {
    const err = new RangeError('Index out of range');
    err.code = 'ERR_OUT_OF_RANGE';
    throw err;
  }
  return _fill(buf, value, start, end, encoding);
};

proto.fill = function fill(value, offset, end, encoding) {
  return _fill(this, value, offset, end, encoding);
};

function _fill(buf, value, offset, end, encoding) {
  if (typeof value === 'string') {
    if (offset === undefined || typeof offset === 'string') {
      encoding = offset;
      offset = 0;
      end = buf.length;
    } else if (typeof end === 'string') {
      encoding = end;
      end = buf.length;
    }
    const normalizedEncoding = normalizeEncoding(encoding);
    if (normalizedEncoding === undefined) {
      validateString(encoding, 'encoding');
      throw new ERR_UNKNOWN_ENCODING(encoding);
    }
    if (value.length === 0) {
      value = 0;
    } else if (value.length === 1) {
      if (normalizedEncoding === 'utf8') {
        const code = value.charCodeAt(0);
        if (code < 128) value = code;
      } else if (normalizedEncoding === 'latin1') {
        value = value.charCodeAt(0);
      }
    }
    encoding = normalizedEncoding;
  } else {
    encoding = undefined;
  }
  if (offset === undefined) {
    offset = 0;
    end = buf.length;
  } else {
    validateOffset(offset, 'offset');
    if (end === undefined) {
      end = buf.length;
    } else {
      validateOffset(end, 'end', 0, buf.length);
    }
    if (offset >= end) return buf;
  }
  if (typeof value === 'number') {
    const byteLen = buf.byteLength;
    const fillLength = end - offset;
    if (offset > end || fillLength + offset > byteLen) throw new ERR_BUFFER_OUT_OF_BOUNDS();
    Uint8Array.prototype.fill.call(asU8(buf), value, offset, end);
  } else {
    let bytes;
    if (typeof value === 'string') {
      bytes = encodeBytes(value, encoding);
    } else if (ArrayBuffer.isView(value)) {
      bytes = asU8(value);
    } else {
      Uint8Array.prototype.fill.call(asU8(buf), (value >>> 0) & 255, offset, end);
      return buf;
    }
    if (bytes.length === 0) throw new ERR_INVALID_ARG_VALUE('value', value);
    if (offset > buf.byteLength || end > buf.byteLength) throw new ERR_BUFFER_OUT_OF_BOUNDS();
    const target = asU8(buf);
    const total = end - offset;
    const n = Math.min(bytes.length, total);
    if (bytes.buffer === target.buffer) bytes = bytes.slice();
    target.set(n === bytes.length ? bytes : bytes.subarray(0, n), offset);
    let filled = n;
    while (filled < total) {
      const chunk = Math.min(filled, total - filled);
      target.copyWithin(offset + filled, offset, offset + chunk);
      filled += chunk;
    }
  }
  return buf;
}

proto.write = function write(string, offset, length, encoding) {
  if (offset === undefined) {
    return writeString(this, string, 'utf8', 0, this.length);
  }
  if (length === undefined && typeof offset === 'string') {
    encoding = offset;
    length = this.length;
    offset = 0;
  } else {
    validateOffset(offset, 'offset', 0, this.length);
    const remaining = this.length - offset;
    if (length === undefined) {
      length = remaining;
    } else if (typeof length === 'string') {
      encoding = length;
      length = remaining;
    } else {
      validateOffset(length, 'length', 0, this.length);
      if (length > remaining) length = remaining;
    }
  }
  if (!encoding || encoding === 'utf8') return writeString(this, string, 'utf8', offset, length);
  const ops = getEncodingOps(encoding);
  if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  return ops.write(this, string, offset, length);
};

proto.toJSON = function toJSON() {
  if (this.length > 0) {
    const data = new Array(this.length);
    for (let i = 0; i < this.length; ++i) data[i] = this[i];
    return { type: 'Buffer', data };
  }
  return { type: 'Buffer', data: [] };
};

function adjustOffset(offset, length) {
  offset = Math.trunc(offset);
  if (offset === 0 || Number.isNaN(offset)) return 0;
  if (offset < 0) {
    offset += length;
    return offset > 0 ? offset : 0;
  }
  if (offset < length) return offset;
  return length;
}

proto.subarray = function subarray(start, end) {
  const srcLength = this.length;
  start = adjustOffset(start, srcLength);
  end = end !== undefined ? adjustOffset(end, srcLength) : srcLength;
  const newLength = end > start ? end - start : 0;
  return new FastBuffer(this.buffer, this.byteOffset + start, newLength);
};
proto.slice = function slice(start, end) {
  return this.subarray(start, end);
};

function swap(b, n, m) {
  const i = b[n];
  b[n] = b[m];
  b[m] = i;
}

function bigSwap(buf, size) {
  const out = new Uint8Array(binding.swap(buf, size));
  buf.set(out);
  return buf;
}

proto.swap16 = function swap16() {
  const len = this.length;
  if (len % 2 !== 0) throw new ERR_INVALID_BUFFER_SIZE('16-bits');
  if (len < 4096) {
    for (let i = 0; i < len; i += 2) swap(this, i, i + 1);
    return this;
  }
  return bigSwap(this, 2);
};
proto.swap32 = function swap32() {
  const len = this.length;
  if (len % 4 !== 0) throw new ERR_INVALID_BUFFER_SIZE('32-bits');
  if (len < 4096) {
    for (let i = 0; i < len; i += 4) {
      swap(this, i, i + 3);
      swap(this, i + 1, i + 2);
    }
    return this;
  }
  return bigSwap(this, 4);
};
proto.swap64 = function swap64() {
  const len = this.length;
  if (len % 8 !== 0) throw new ERR_INVALID_BUFFER_SIZE('64-bits');
  if (len < 4096) {
    for (let i = 0; i < len; i += 8) {
      swap(this, i, i + 7);
      swap(this, i + 1, i + 6);
      swap(this, i + 2, i + 5);
      swap(this, i + 3, i + 4);
    }
    return this;
  }
  return bigSwap(this, 8);
};

proto.toLocaleString = proto.toString;

function validateOffset(value, name, min = 0, max = kMaxLength) {
  if (typeof value !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!Number.isInteger(value)) throw new ERR_OUT_OF_RANGE(name, 'an integer', value);
  if (value < min || value > max) throw new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
}

// ------------------------------------------------- numeric read/write

const float32Array = new Float32Array(1);
const uInt8Float32Array = new Uint8Array(float32Array.buffer);
const float64Array = new Float64Array(1);
const uInt8Float64Array = new Uint8Array(float64Array.buffer);
float32Array[0] = -1;
const bigEndian = uInt8Float32Array[3] === 0;

function checkBounds(buf, offset, byteLength) {
  validateNumber(offset, 'offset');
  if (buf[offset] === undefined || buf[offset + byteLength] === undefined) {
    boundsError(offset, buf.length - (byteLength + 1));
  }
}

function checkInt(value, min, max, buf, offset, byteLength) {
  if (value > max || value < min) {
    const n = typeof min === 'bigint' ? 'n' : '';
    let range;
    if (byteLength > 3) {
      if (min === 0 || min === 0n) {
        range = `>= 0${n} and < 2${n} ** ${(byteLength + 1) * 8}${n}`;
      } else {
        range = `>= -(2${n} ** ${(byteLength + 1) * 8 - 1}${n}) and < 2${n} ** ` +
                `${(byteLength + 1) * 8 - 1}${n}`;
      }
    } else {
      range = `>= ${min}${n} and <= ${max}${n}`;
    }
    throw new ERR_OUT_OF_RANGE('value', range, value);
  }
  checkBounds(buf, offset, byteLength);
}

function boundsError(value, length, type) {
  if (Math.floor(value) !== value) {
    validateNumber(value, type);
    throw new ERR_OUT_OF_RANGE(type || 'offset', 'an integer', value);
  }
  if (length < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS();
  throw new ERR_OUT_OF_RANGE(type || 'offset', `>= ${type ? 1 : 0} and <= ${length}`, value);
}

// Reads `size` bytes little- or big-endian as an unsigned number.
function readU(buf, offset, size, le) {
  if (offset === undefined) offset = 0;
  validateNumber(offset, 'offset');
  if (buf[offset] === undefined || buf[offset + size - 1] === undefined) {
    boundsError(offset, buf.length - size);
  }
  let val = 0;
  let mul = 1;
  if (le) {
    for (let i = 0; i < size; i++) { val += buf[offset + i] * mul; mul *= 0x100; }
  } else {
    for (let i = size - 1; i >= 0; i--) { val += buf[offset + i] * mul; mul *= 0x100; }
  }
  return val;
}
function readS(buf, offset, size, le) {
  const v = readU(buf, offset, size, le);
  const lim = 2 ** (size * 8 - 1);
  return v >= lim ? v - lim * 2 : v;
}

function writeU(buf, value, offset, size, le, min, max) {
  if (offset === undefined) offset = 0;
  value = +value;
  if (size === 1) {
    validateNumber(offset, 'offset');
    if (value > max || value < min) throw new ERR_OUT_OF_RANGE('value', `>= ${min} and <= ${max}`, value);
    if (buf[offset] === undefined) boundsError(offset, buf.length - 1);
    buf[offset] = value;
    return offset + 1;
  }
  checkInt(value, min, max, buf, offset, size - 1);
  let v = value;
  if (v < 0) v += 2 ** (size * 8);
  v = Math.trunc(v);
  // Writes NaN and fractional values the way the typed-array stores do.
  if (Number.isNaN(v)) v = 0;
  for (let i = 0; i < size; i++) {
    const byte = v % 0x100;
    buf[le ? offset + i : offset + size - 1 - i] = byte;
    v = (v - byte) / 0x100;
  }
  return offset + size;
}

const intRanges = {
  1: [-0x80, 0x7f, 0xff],
  2: [-0x8000, 0x7fff, 0xffff],
  3: [-0x800000, 0x7fffff, 0xffffff],
  4: [-0x80000000, 0x7fffffff, 0xffffffff],
  5: [-0x8000000000, 0x7fffffffff, 0xffffffffff],
  6: [-0x800000000000, 0x7fffffffffff, 0xffffffffffff],
};

for (const size of [1, 2, 4]) {
  const bits = size * 8;
  for (const le of size === 1 ? [true] : [true, false]) {
    const sfx = size === 1 ? '' : (le ? 'LE' : 'BE');
    const [smin, smax, umax] = intRanges[size];
    proto[`readUInt${bits}${sfx}`] = function(offset = 0) { return readU(this, offset, size, le); };
    proto[`readInt${bits}${sfx}`] = function(offset = 0) { return readS(this, offset, size, le); };
    proto[`writeUInt${bits}${sfx}`] = function(value, offset = 0) {
      return writeU(this, value, offset, size, le, 0, umax);
    };
    proto[`writeInt${bits}${sfx}`] = function(value, offset = 0) {
      return writeU(this, value, offset, size, le, smin, smax);
    };
  }
}

function byteLengthCheck(byteLength) {
  if (byteLength === undefined) throw new ERR_INVALID_ARG_TYPE('byteLength', 'number', byteLength);
  if (!(byteLength >= 1 && byteLength <= 6 && byteLength === Math.floor(byteLength))) {
    boundsError(byteLength, 6, 'byteLength');
  }
}

for (const le of [true, false]) {
  const sfx = le ? 'LE' : 'BE';
  proto[`readUInt${sfx}`] = function(offset, byteLength) {
    if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
    byteLengthCheck(byteLength);
    return readU(this, offset, byteLength, le);
  };
  proto[`readInt${sfx}`] = function(offset, byteLength) {
    if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
    byteLengthCheck(byteLength);
    return readS(this, offset, byteLength, le);
  };
  proto[`writeUInt${sfx}`] = function(value, offset, byteLength) {
    byteLengthCheck(byteLength);
    if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
    return writeU(this, value, offset, byteLength, le, 0, intRanges[byteLength][2]);
  };
  proto[`writeInt${sfx}`] = function(value, offset, byteLength) {
    byteLengthCheck(byteLength);
    if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
    const r = intRanges[byteLength];
    return writeU(this, value, offset, byteLength, le, r[0], r[1]);
  };
}

function readFloatGeneric(buf, offset, size, le) {
  if (offset === undefined) offset = 0;
  validateNumber(offset, 'offset');
  if (buf[offset] === undefined || buf[offset + size - 1] === undefined) {
    boundsError(offset, buf.length - size);
  }
  const u8 = size === 4 ? uInt8Float32Array : uInt8Float64Array;
  const native = le !== bigEndian;
  for (let i = 0; i < size; i++) u8[native ? i : size - 1 - i] = buf[offset + i];
  return size === 4 ? float32Array[0] : float64Array[0];
}

function writeFloatGeneric(buf, val, offset, size, le) {
  if (offset === undefined) offset = 0;
  val = +val;
  checkBounds(buf, offset, size - 1);
  let u8;
  if (size === 4) { float32Array[0] = val; u8 = uInt8Float32Array; } else { float64Array[0] = val; u8 = uInt8Float64Array; }
  const native = le !== bigEndian;
  for (let i = 0; i < size; i++) buf[offset + i] = u8[native ? i : size - 1 - i];
  return offset + size;
}

for (const le of [true, false]) {
  const sfx = le ? 'LE' : 'BE';
  proto[`readFloat${sfx}`] = function(offset = 0) { return readFloatGeneric(this, offset, 4, le); };
  proto[`readDouble${sfx}`] = function(offset = 0) { return readFloatGeneric(this, offset, 8, le); };
  proto[`writeFloat${sfx}`] = function(val, offset = 0) { return writeFloatGeneric(this, val, offset, 4, le); };
  proto[`writeDouble${sfx}`] = function(val, offset = 0) { return writeFloatGeneric(this, val, offset, 8, le); };

  proto[`readBigUInt64${sfx}`] = function(offset = 0) {
    validateNumber(offset, 'offset');
    if (this[offset] === undefined || this[offset + 7] === undefined) boundsError(offset, this.length - 8);
    let r = 0n;
    for (let i = 0; i < 8; i++) r = (r << 8n) | BigInt(this[offset + (le ? 7 - i : i)]);
    return r;
  };
  proto[`readBigInt64${sfx}`] = function(offset = 0) {
    const u = this[`readBigUInt64${sfx}`](offset);
    return BigInt.asIntN(64, u);
  };
  const writeBig = function(buf, value, offset, min, max) {
    checkInt(value, min, max, buf, offset, 7);
    // `&` with a BigInt throws a TypeError for anything but a BigInt.
    let v = value & 0xffffffffffffffffn;
    for (let i = 0; i < 8; i++) {
      buf[offset + (le ? i : 7 - i)] = Number(v & 0xffn);
      v >>= 8n;
    }
    return offset + 8;
  };
  proto[`writeBigUInt64${sfx}`] = function(value, offset = 0) {
    return writeBig(this, value, offset, 0n, 0xffffffffffffffffn);
  };
  proto[`writeBigInt64${sfx}`] = function(value, offset = 0) {
    return writeBig(this, value, offset, -(2n ** 63n), 2n ** 63n - 1n);
  };
}

// Lower-case `Uint` aliases.
for (const key of Object.getOwnPropertyNames(proto)) {
  if (/^(read|write)(Big)?UInt/.test(key)) {
    proto[key.replace('UInt', 'Uint')] = proto[key];
  }
}

// Node-style function names on the prototype methods.
for (const key of Object.getOwnPropertyNames(proto)) {
  const d = Object.getOwnPropertyDescriptor(proto, key);
  if (typeof d.value === 'function' && d.value.name !== key && key !== 'constructor' &&
      key !== 'inspect' && key !== 'toLocaleString' && key !== 'slice') {
    try { Object.defineProperty(d.value, 'name', { value: key, configurable: true }); } catch {}
  }
}

// ---------------------------------------------------------------- extras

function isUtf8(input) {
  if (ArrayBuffer.isView(input) || isAnyArrayBuffer(input)) {
    if (isAnyArrayBuffer(input) ? input.detached : (input.buffer && input.buffer.detached)) {
      throw new ERR_INVALID_STATE('Cannot validate on a detached buffer');
    }
    return binding.isUtf8(input);
  }
  throw new ERR_INVALID_ARG_TYPE('input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
}

function isAscii(input) {
  if (ArrayBuffer.isView(input) || isAnyArrayBuffer(input)) {
    if (isAnyArrayBuffer(input) ? input.detached : (input.buffer && input.buffer.detached)) {
      throw new ERR_INVALID_STATE('Cannot validate on a detached buffer');
    }
    return binding.isAscii(input);
  }
  throw new ERR_INVALID_ARG_TYPE('input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
}

let DOMExceptionCtor;
function lazyDOMException(message, name) {
  if (DOMExceptionCtor === undefined) {
    try {
      DOMExceptionCtor = require('internal/per_context/domexception').DOMException;
    } catch {
      try { DOMExceptionCtor = globalThis.DOMException; } catch { /* not available */ }
    }
    if (typeof DOMExceptionCtor !== 'function') {
      DOMExceptionCtor = class DOMException extends Error {
        constructor(msg = '', nm = 'Error') {
          super(msg);
          Object.defineProperty(this, 'name', { value: nm, configurable: true, writable: true });
        }
      };
    }
  }
  return new DOMExceptionCtor(message, name);
}

const kBase64Chars = /[^\t\n\f\r A-Za-z0-9+/=]/;

function atob(input) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('input');
  input = `${input}`;
  if (kBase64Chars.test(input)) throw lazyDOMException('Invalid character', 'InvalidCharacterError');
  let nonWs = 0;
  let equalCharCount = 0;
  for (let n = 0; n < input.length; n++) {
    const c = input.charCodeAt(n);
    if (c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d || c === 0x20) continue;
    nonWs++;
    if (c === 0x3d) {
      equalCharCount++;
    } else if (equalCharCount) {
      throw lazyDOMException('Invalid character', 'InvalidCharacterError');
    }
    if (equalCharCount > 2) throw lazyDOMException('Invalid character', 'InvalidCharacterError');
  }
  let reminder = nonWs % 4;
  if (!reminder) {
    reminder = (nonWs - equalCharCount) % 4;
  } else if (equalCharCount) {
    throw lazyDOMException('Invalid character', 'InvalidCharacterError');
  }
  if (reminder === 1) {
    throw lazyDOMException('The string to be decoded is not correctly encoded.',
                           'InvalidCharacterError');
  }
  return Buffer.from(input, 'base64').toString('latin1');
}

function btoa(input) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('input');
  input = `${input}`;
  for (let n = 0; n < input.length; n++) {
    if (input.charCodeAt(n) > 0xff) throw lazyDOMException('Invalid character', 'InvalidCharacterError');
  }
  return Buffer.from(input, 'latin1').toString('base64');
}

function transcode(source, fromEncoding, toEncoding) {
  if (!isUint8Array(source)) {
    throw new ERR_INVALID_ARG_TYPE('source', ['Buffer', 'Uint8Array'], source);
  }
  if (source.length === 0) return Buffer.alloc(0);
  const from = normalizeEncoding(fromEncoding) || fromEncoding;
  const to = normalizeEncoding(toEncoding) || toEncoding;
  const ok = ['utf8', 'utf16le', 'latin1', 'ascii'];
  if (!ok.includes(from) || !ok.includes(to)) {
    const err = new Error(`Unable to transcode Buffer [U_ILLEGAL_ARGUMENT_ERROR]`);
    err.code = 'U_ILLEGAL_ARGUMENT_ERROR';
    err.errno = 1;
    throw err;
  }
  let str = sliceString(source, from, 0, source.length);
  if (to === 'ascii' || to === 'latin1') {
    const lim = to === 'ascii' ? 0x7f : 0xff;
    str = str.replace(/[\s\S]/gu, (ch) => (ch.codePointAt(0) > lim ? '?' : ch));
  }
  return Buffer.from(str, to);
}

// ---------------------------------------------------------------- Blob

const kBytes = Symbol('kBytes');
const kType = Symbol('kType');

class Blob {
  constructor(sources = [], options) {
    if (sources === null || typeof sources[Symbol.iterator] !== 'function' ||
        typeof sources === 'string') {
      throw new ERR_INVALID_ARG_TYPE('sources', 'a sequence', sources);
    }
    if (options !== undefined && (options === null || typeof options !== 'object') &&
        typeof options !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    const { type = '', endings = 'transparent' } = options || {};
    const end = `${endings}`;
    if (end !== 'transparent' && end !== 'native') {
      throw new ERR_INVALID_ARG_VALUE('options.endings', endings);
    }
    const parts = [];
    let length = 0;
    for (const source of sources) {
      let u8;
      if (isAnyArrayBuffer(source)) u8 = new Uint8Array(source.slice(0));
      else if (ArrayBuffer.isView(source)) u8 = new Uint8Array(source.buffer.slice(source.byteOffset, source.byteOffset + source.byteLength));
      else if (source instanceof Blob) u8 = source[kBytes];
      else {
        let s = `${source}`;
        if (end === 'native') s = s.replace(/\r?\n/g, '\n');
        u8 = encodeBytes(s, 'utf8');
      }
      parts.push(u8);
      length += u8.length;
    }
    const all = new Uint8Array(length);
    let pos = 0;
    for (const p of parts) { all.set(p, pos); pos += p.length; }
    this[kBytes] = all;
    let t = `${type}`;
    this[kType] = /[^\u0020-\u007E]/.test(t) ? '' : t.toLowerCase();
  }

  get size() {
    if (!(this instanceof Blob)) throw new (require('internal/errors').codes.ERR_INVALID_THIS)('Blob');
    return this[kBytes].length;
  }

  get type() {
    if (!(this instanceof Blob)) throw new (require('internal/errors').codes.ERR_INVALID_THIS)('Blob');
    return this[kType];
  }

  slice(start = 0, end = this[kBytes].length, contentType = '') {
    const size = this[kBytes].length;
    if (start < 0) start = Math.max(size + start, 0);
    else start = Math.min(start, size);
    if (end < 0) end = Math.max(size + end, 0);
    else end = Math.min(end, size);
    const b = new Blob([], { type: contentType });
    b[kBytes] = this[kBytes].slice(start, Math.max(start, end));
    return b;
  }

  async text() {
    if (!(this instanceof Blob)) throw new (require('internal/errors').codes.ERR_INVALID_THIS)('Blob');
    const ab = await this.arrayBuffer();
    return sliceString(new Uint8Array(ab), 'utf8', 0, ab.byteLength);
  }

  arrayBuffer() {
    if (!(this instanceof Blob)) {
      return Promise.reject(new (require('internal/errors').codes.ERR_INVALID_THIS)('Blob'));
    }
    const u8 = this[kBytes];
    return Promise.resolve(u8.buffer.slice(u8.byteOffset, u8.byteOffset + u8.length));
  }

  stream() {
    const { ReadableStream } = require('internal/webstreams/readablestream');
    const bytes = this[kBytes];
    return new ReadableStream({
      type: 'bytes',
      start(c) { if (bytes.length) c.enqueue(bytes.slice()); c.close(); },
    });
  }

  [customInspectSymbol](depth, options) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    const { inspect } = require('internal/util/inspect');
    return `Blob ${inspect({ size: this.size, type: this.type }, opts)}`;
  }
}
Object.defineProperty(Blob.prototype, Symbol.toStringTag, {
  __proto__: null, configurable: true, value: 'Blob',
});
for (const k of ['size', 'type', 'slice', 'text', 'arrayBuffer', 'stream']) {
  const d = Object.getOwnPropertyDescriptor(Blob.prototype, k);
  d.enumerable = true;
  Object.defineProperty(Blob.prototype, k, d);
}

class File extends Blob {
  constructor(fileBits, fileName, options = {}) {
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('fileBits', 'fileName');
    super(fileBits, options);
    this._name = `${fileName}`;
    let { lastModified } = options || {};
    if (lastModified !== undefined) {
      lastModified = +lastModified;
      if (Number.isNaN(lastModified)) lastModified = 0;
    } else {
      lastModified = Date.now();
    }
    this._lastModified = lastModified;
    Object.defineProperty(this, '_name', { enumerable: false });
    Object.defineProperty(this, '_lastModified', { enumerable: false });
  }
  get name() { return this._name; }
  get lastModified() { return this._lastModified; }
}
Object.defineProperty(File.prototype, Symbol.toStringTag, {
  __proto__: null, configurable: true, value: 'File',
});

function resolveObjectURL() { return undefined; }

module.exports = {
  Buffer,
  SlowBuffer,
  transcode,
  isUtf8,
  isAscii,
  kMaxLength,
  kStringMaxLength,
  btoa,
  atob,
  constants,
  INSPECT_MAX_BYTES,
  Blob,
  File,
  resolveObjectURL,
};

Object.defineProperty(module.exports, 'INSPECT_MAX_BYTES', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() { return INSPECT_MAX_BYTES; },
  set(val) {
    validateNumber(val, 'INSPECT_MAX_BYTES', 0);
    INSPECT_MAX_BYTES = val;
  },
});

// Shared with other builtins (string_decoder, internal/encoding).
Object.defineProperty(module.exports, '_internal', {
  __proto__: null, enumerable: false, value: {
    FastBuffer, normalizeEncoding, sliceString, encodeBytes, isUint8Array, isAnyArrayBuffer,
  },
});
