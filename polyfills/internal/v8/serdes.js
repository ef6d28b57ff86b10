// V8's ValueSerializer/ValueDeserializer wire format (version 15, as written
// by Node 20), in JS: the Serializer and Deserializer classes that Node gets
// from internalBinding('serdes').  What can be cloned and how errors read
// follows V8: plain objects (own enumerable string keys, prototype dropped),
// arrays (dense or sparse), primitives and their wrappers, Date, RegExp, Map,
// Set, ArrayBuffer (fixed and resizable), typed arrays and DataView, Error
// objects; functions, symbols, proxies, promises, weak collections and other
// exotic objects throw "... could not be cloned.".  Instances of native handle
// classes are "host objects", handed to _writeHostObject as in Node.
// Known byte-level difference: V8 picks the dense array form from its
// internal elements kind; here an array is dense when it has no holes.
'use strict';

const types = require('internal/util/types');

const kLatestVersion = 15;
const kMinimumVersion = 13;

const T = {
  version: 0xff, padding: 0x00, verifyObjectCount: 0x3f, theHole: 0x2d,
  undefined: 0x5f, null: 0x30, true: 0x54, false: 0x46,
  int32: 0x49, uint32: 0x55, double: 0x4e, bigint: 0x5a,
  utf8String: 0x53, oneByteString: 0x22, twoByteString: 0x63,
  objectReference: 0x5e, beginObject: 0x6f, endObject: 0x7b,
  beginSparseArray: 0x61, endSparseArray: 0x40, beginDenseArray: 0x41, endDenseArray: 0x24,
  date: 0x44, trueObject: 0x79, falseObject: 0x78, numberObject: 0x6e, bigintObject: 0x7a,
  stringObject: 0x73, regexp: 0x52, beginMap: 0x3b, endMap: 0x3a, beginSet: 0x27, endSet: 0x2c,
  arrayBuffer: 0x42, resizableArrayBuffer: 0x7e, arrayBufferTransfer: 0x74,
  arrayBufferView: 0x56, sharedArrayBuffer: 0x75, hostObject: 0x5c, error: 0x72,
};

// ArrayBufferView subtags, by the view's [Symbol.toStringTag].
const viewTags = {
  Int8Array: 0x62, Uint8Array: 0x42, Uint8ClampedArray: 0x43, Int16Array: 0x77,
  Uint16Array: 0x57, Int32Array: 0x64, Uint32Array: 0x44, Float16Array: 0x68,
  Float32Array: 0x66, Float64Array: 0x46, BigInt64Array: 0x71, BigUint64Array: 0x51,
  DataView: 0x3f,
};
const viewConstructors = new Map();
for (const name of Object.keys(viewTags)) {
  if (typeof globalThis[name] === 'function') viewConstructors.set(viewTags[name], globalThis[name]);
}

// Error prototypes and fields.
const errorTags = {
  EvalError: 0x45, RangeError: 0x52, ReferenceError: 0x46, SyntaxError: 0x53,
  TypeError: 0x54, URIError: 0x55,
};
const errorByTag = new Map(Object.entries(errorTags).map(([name, tag]) => [tag, globalThis[name]]));
const kErrorMessage = 0x6d;
const kErrorStack = 0x73;
const kErrorCause = 0x63;
const kErrorEnd = 0x2e;

// RegExp flag bits.
const regexpFlags = [['g', 1], ['i', 2], ['m', 4], ['y', 8], ['u', 16], ['s', 32], ['d', 128], ['v', 256]];
const kRegExpLinear = 64;

let hostObjectSymbol;
function isHostObject(value) {
  if (hostObjectSymbol === undefined) {
    hostObjectSymbol = internalBinding('util').privateSymbols.host_object_private_symbol || null;
  }
  return hostObjectSymbol !== null && value[hostObjectSymbol] === true;
}

const f64 = new Float64Array(1);
const f64Bytes = new Uint8Array(f64.buffer);
const bigWords = new BigUint64Array(1);
const bigWordBytes = new Uint8Array(bigWords.buffer);

function isOneByte(string) {
  for (let i = 0; i < string.length; i++) {
    if (string.charCodeAt(i) > 0xff) return false;
  }
  return true;
}

function briefDescription(value) {
  if (typeof value === 'symbol') return String(value);
  if (typeof value === 'function') return Function.prototype.toString.call(value);
  let name = 'Object';
  if (!types.isProxy(value)) {
    // V8 names the nearest constructor on the prototype chain.
    for (let o = value; o !== null; o = Object.getPrototypeOf(o)) {
      const desc = Reflect.getOwnPropertyDescriptor(o, 'constructor');
      if (desc !== undefined && typeof desc.value === 'function' && desc.value.name) {
        name = desc.value.name;
        break;
      }
    }
  }
  return `#<${name}>`;
}

class SerializerMethods {
  _nsInit() {
    this._nsBuffer = new Uint8Array(64);
    this._nsLength = 0;
    this._nsIds = new Map();
    this._nsNextId = 0;
    this._nsTransfers = new Map();
    this._nsViewsAsHost = false;
  }

  // -- raw output -----------------------------------------------------------

  _nsReserve(n) {
    const need = this._nsLength + n;
    if (need > this._nsBuffer.length) {
      const grown = new Uint8Array(Math.max(need, this._nsBuffer.length * 2));
      grown.set(this._nsBuffer.subarray(0, this._nsLength));
      this._nsBuffer = grown;
    }
  }

  _nsByte(b) {
    this._nsReserve(1);
    this._nsBuffer[this._nsLength++] = b;
  }

  _nsBytes(bytes) {
    this._nsReserve(bytes.length);
    this._nsBuffer.set(bytes, this._nsLength);
    this._nsLength += bytes.length;
  }

  _nsVarint(n) {
    // n is a non-negative integer below 2**53
    do {
      let b = n % 128;
      n = Math.floor(n / 128);
      if (n > 0) b |= 0x80;
      this._nsByte(b);
    } while (n > 0);
  }

  _nsZigZag(n) {
    this._nsVarint(n < 0 ? -2 * n - 1 : 2 * n);
  }

  _nsDouble(d) {
    f64[0] = d;
    this._nsBytes(f64Bytes);
  }

  // -- public API (Node's Serializer) -------------------------------------

  writeHeader() {
    this._nsByte(T.version);
    this._nsVarint(kLatestVersion);
  }

  writeValue(value) {
    this._nsWriteObject(value);
    return true;
  }

  releaseBuffer() {
    const { Buffer } = require('buffer');
    // A Buffer that owns exactly the output (not a slice of a pool).
    const out = Buffer.from(this._nsBuffer.buffer.slice(0, this._nsLength));
    this._nsBuffer = new Uint8Array(64);
    this._nsLength = 0;
    return out;
  }

  transferArrayBuffer(id, arrayBuffer) {
    id = Number(id) >>> 0;
    if (!types.isArrayBuffer(arrayBuffer)) throw invalidArgType('arrayBuffer must be an ArrayBuffer');
    this._nsTransfers.set(arrayBuffer, id);
  }

  writeUint32(value) {
    this._nsVarint(Number(value) >>> 0);
  }

  writeUint64(hi, lo) {
    hi = Number(hi) >>> 0;
    lo = Number(lo) >>> 0;
    let n = (BigInt(hi) << 32n) | BigInt(lo);
    do {
      let b = Number(n & 0x7fn);
      n >>= 7n;
      if (n > 0n) b |= 0x80;
      this._nsByte(b);
    } while (n > 0n);
  }

  writeDouble(value) {
    this._nsDouble(Number(value));
  }

  writeRawBytes(source) {
    if (!ArrayBuffer.isView(source)) {
      throw invalidArgType('source must be a TypedArray or a DataView');
    }
    this._nsBytes(new Uint8Array(source.buffer, source.byteOffset, source.byteLength));
  }

  _setTreatArrayBufferViewsAsHostObjects(flag) {
    this._nsViewsAsHost = Boolean(flag);
  }

  // -- values ---------------------------------------------------------------

  _nsThrowCloneError(message) {
    const make = this._getDataCloneError;
    throw typeof make === 'function' ? Reflect.apply(make, this, [message]) : new Error(message);
  }

  _nsWriteObject(value) {
    switch (typeof value) {
      case 'undefined': return this._nsByte(T.undefined);
      case 'boolean': return this._nsByte(value ? T.true : T.false);
      case 'number':
        if (Number.isInteger(value) && value >= -0x80000000 && value <= 0x7fffffff &&
            !Object.is(value, -0)) {
          this._nsByte(T.int32);
          return this._nsZigZag(value);
        }
        this._nsByte(T.double);
        return this._nsDouble(value);
      case 'bigint':
        this._nsByte(T.bigint);
        return this._nsBigInt(value);
      case 'string':
        return this._nsString(value);
      case 'object':
        if (value === null) return this._nsByte(T.null);
        return this._nsWriteReceiver(value);
      default:
        // symbols, functions
        return this._nsThrowCloneError(`${briefDescription(value)} could not be cloned.`);
    }
  }

  _nsBigInt(value) {
    const negative = value < 0n;
    let magnitude = negative ? -value : value;
    const words = [];
    while (magnitude > 0n) {
      words.push(magnitude & 0xffffffffffffffffn);
      magnitude >>= 64n;
    }
    this._nsVarint(words.length * 8 * 2 + (negative ? 1 : 0));
    for (const w of words) {
      bigWords[0] = w;
      this._nsBytes(bigWordBytes);
    }
  }

  _nsString(string) {
    if (isOneByte(string)) {
      this._nsByte(T.oneByteString);
      this._nsVarint(string.length);
      this._nsReserve(string.length);
      for (let i = 0; i < string.length; i++) this._nsBuffer[this._nsLength++] = string.charCodeAt(i);
      return;
    }
    const byteLength = string.length * 2;
    // The UTF-16 payload starts at an even offset, so a reader can use it in place.
    let varintLength = 1;
    for (let n = byteLength; n >= 128; n = Math.floor(n / 128)) varintLength++;
    if ((this._nsLength + 1 + varintLength) & 1) this._nsByte(T.padding);
    this._nsByte(T.twoByteString);
    this._nsVarint(byteLength);
    this._nsReserve(byteLength);
    for (let i = 0; i < string.length; i++) {
      const c = string.charCodeAt(i);
      this._nsBuffer[this._nsLength++] = c & 0xff;
      this._nsBuffer[this._nsLength++] = c >> 8;
    }
  }

  _nsWriteReceiver(value) {
    // A view's buffer is written first (and numbered before the view).
    if (ArrayBuffer.isView(value) && !this._nsIds.has(value) && !this._nsViewsAsHost) {
      this._nsWriteReceiver(value.buffer);
    }
    const seen = this._nsIds.get(value);
    if (seen !== undefined) {
      this._nsByte(T.objectReference);
      return this._nsVarint(seen);
    }
    this._nsIds.set(value, this._nsNextId++);

    if (types.isProxy(value)) return this._nsThrowCloneError('#<Object> could not be cloned.');
    if (Array.isArray(value)) return this._nsArray(value);
    if (ArrayBuffer.isView(value)) {
      if (this._nsViewsAsHost) return this._nsHostObject(value);
      return this._nsView(value);
    }
    if (types.isArrayBuffer(value)) return this._nsArrayBuffer(value);
    if (types.isDate(value)) {
      this._nsByte(T.date);
      return this._nsDouble(Date.prototype.getTime.call(value));
    }
    if (types.isBoxedPrimitive(value)) return this._nsBoxed(value);
    if (types.isRegExp(value)) return this._nsRegExp(value);
    if (types.isMap(value)) {
      const entries = [...Map.prototype.entries.call(value)];
      this._nsByte(T.beginMap);
      for (const [k, v] of entries) {
        this._nsWriteObject(k);
        this._nsWriteObject(v);
      }
      this._nsByte(T.endMap);
      return this._nsVarint(entries.length * 2);
    }
    if (types.isSet(value)) {
      const items = [...Set.prototype.values.call(value)];
      this._nsByte(T.beginSet);
      for (const v of items) this._nsWriteObject(v);
      this._nsByte(T.endSet);
      return this._nsVarint(items.length);
    }
    if (types.isNativeError(value)) return this._nsError(value);
    if (types.isSharedArrayBuffer(value)) {
      const getId = this._getSharedArrayBufferId;
      if (typeof getId !== 'function') {
        return this._nsThrowCloneError(`${briefDescription(value)} could not be cloned.`);
      }
      this._nsByte(T.sharedArrayBuffer);
      return this._nsVarint(Number(Reflect.apply(getId, this, [value])) >>> 0);
    }
    // A subclass may treat more objects as host objects (its delegate's
    // IsHostObject, as Node's message serializer for JS transferables).
    if (isHostObject(value) || (typeof this._nsIsHostObject === 'function' && this._nsIsHostObject(value))) {
      return this._nsHostObject(value);
    }
    if (!isPlainKind(value)) {
      return this._nsThrowCloneError(`${briefDescription(value)} could not be cloned.`);
    }
    this._nsByte(T.beginObject);
    const count = this._nsProperties(value, Object.keys(value));
    this._nsByte(T.endObject);
    return this._nsVarint(count);
  }

  // Writes key/value pairs of the keys still present and enumerable (a getter
  // may remove later ones); array-index keys are written as numbers.
  _nsProperties(object, keys) {
    let count = 0;
    for (const key of keys) {
      const desc = Reflect.getOwnPropertyDescriptor(object, key);
      if (desc === undefined || !desc.enumerable) continue;
      const value = object[key];
      const index = arrayIndex(key);
      this._nsWriteObject(index === -1 ? key : index);
      this._nsWriteObject(value);
      count++;
    }
    return count;
  }

  _nsArray(array) {
    const length = array.length;
    let dense = true;
    for (let i = 0; i < length; i++) {
      if (!Object.prototype.hasOwnProperty.call(array, i)) {
        dense = false;
        break;
      }
    }
    const keys = Object.keys(array);
    if (dense) {
      this._nsByte(T.beginDenseArray);
      this._nsVarint(length);
      for (let i = 0; i < length; i++) {
        if (Object.prototype.hasOwnProperty.call(array, i)) this._nsWriteObject(array[i]);
        else this._nsByte(T.theHole);
      }
      const count = this._nsProperties(array, keys.filter((k) => arrayIndex(k) === -1));
      this._nsByte(T.endDenseArray);
      this._nsVarint(count);
      return this._nsVarint(length);
    }
    this._nsByte(T.beginSparseArray);
    this._nsVarint(length);
    const count = this._nsProperties(array, keys);
    this._nsByte(T.endSparseArray);
    this._nsVarint(count);
    return this._nsVarint(length);
  }

  _nsArrayBuffer(buffer) {
    const transferId = this._nsTransfers.get(buffer);
    if (transferId !== undefined) {
      this._nsByte(T.arrayBufferTransfer);
      return this._nsVarint(transferId);
    }
    if (buffer.detached) {
      return this._nsThrowCloneError('An ArrayBuffer is detached and could not be cloned.');
    }
    const bytes = new Uint8Array(buffer);
    if (buffer.resizable) {
      this._nsByte(T.resizableArrayBuffer);
      this._nsVarint(buffer.byteLength);
      this._nsVarint(buffer.maxByteLength);
    } else {
      this._nsByte(T.arrayBuffer);
      this._nsVarint(buffer.byteLength);
    }
    this._nsBytes(bytes);
  }

  _nsView(view) {
    const tag = viewTags[types.isDataView(view) ? 'DataView' : view[Symbol.toStringTag]];
    if (tag === undefined) return this._nsThrowCloneError(`${briefDescription(view)} could not be cloned.`);
    this._nsByte(T.arrayBufferView);
    this._nsByte(tag);
    this._nsVarint(view.byteOffset);
    this._nsVarint(view.byteLength);
    // bit 1: backed by a resizable buffer (length tracking is not observable here)
    this._nsVarint(view.buffer.resizable ? 2 : 0);
  }

  _nsBoxed(value) {
    if (types.isBooleanObject(value)) return this._nsByte(Boolean.prototype.valueOf.call(value) ? T.trueObject : T.falseObject);
    if (types.isNumberObject(value)) {
      this._nsByte(T.numberObject);
      return this._nsDouble(Number.prototype.valueOf.call(value));
    }
    if (types.isBigIntObject(value)) {
      this._nsByte(T.bigintObject);
      return this._nsBigInt(BigInt.prototype.valueOf.call(value));
    }
    if (types.isStringObject(value)) {
      this._nsByte(T.stringObject);
      return this._nsString(String.prototype.valueOf.call(value));
    }
    return this._nsThrowCloneError(`${briefDescription(value)} could not be cloned.`);
  }

  _nsRegExp(re) {
    this._nsByte(T.regexp);
    this._nsString(re.source);
    const flags = re.flags;
    let bits = 0;
    for (const [letter, bit] of regexpFlags) if (flags.includes(letter)) bits |= bit;
    this._nsVarint(bits);
  }

  _nsError(error) {
    this._nsByte(T.error);
    const name = `${error.name}`;
    if (Object.prototype.hasOwnProperty.call(errorTags, name)) this._nsVarint(errorTags[name]);
    const message = Reflect.getOwnPropertyDescriptor(error, 'message');
    if (message !== undefined && 'value' in message) {
      this._nsVarint(kErrorMessage);
      this._nsString(`${message.value}`);
    }
    const cause = Reflect.getOwnPropertyDescriptor(error, 'cause');
    if (cause !== undefined && 'value' in cause) {
      this._nsVarint(kErrorCause);
      this._nsWriteObject(cause.value);
    }
    const stack = error.stack;
    if (typeof stack === 'string') {
      this._nsVarint(kErrorStack);
      this._nsString(stack);
    }
    this._nsVarint(kErrorEnd);
  }

  _nsHostObject(value) {
    this._nsByte(T.hostObject);
    const write = this._writeHostObject;
    if (typeof write !== 'function') {
      return this._nsThrowCloneError(`${briefDescription(value)} could not be cloned.`);
    }
    Reflect.apply(write, this, [value]);
  }
}

// Objects V8 serializes as plain: ordinary objects of any prototype, but not
// exotic ones (promises, weak collections, iterators, generators, arguments,
// module namespaces, WeakRef...).
function isPlainKind(value) {
  if (types.isPromise(value) || types.isWeakMap(value) || types.isWeakSet(value) ||
      types.isMapIterator(value) || types.isSetIterator(value) || types.isGeneratorObject(value) ||
      types.isArgumentsObject(value) || types.isModuleNamespaceObject(value)) return false;
  if (value === globalThis) return false;
  for (const check of [WeakRef.prototype.deref, FinalizationRegistry.prototype.unregister]) {
    try {
      Reflect.apply(check, value, [{}]);
      return false;
    } catch {
      // not of that kind
    }
  }
  return true;
}

function arrayIndex(key) {
  if (typeof key !== 'string' || key.length === 0 || key.length > 10) return -1;
  const n = Number(key);
  if (!Number.isInteger(n) || n < 0 || n > 0xfffffffe || `${n}` !== key) return -1;
  return n;
}

function invalidArgType(message) {
  // As Node's native THROW_ERR_INVALID_ARG_TYPE: the message as given, the code an own property.
  const err = new TypeError(message);
  err.code = 'ERR_INVALID_ARG_TYPE';
  return err;
}

function constructCallRequired(name) {
  const err = new TypeError(`Class constructor ${name} cannot be invoked without 'new'`);
  err.code = 'ERR_CONSTRUCT_CALL_REQUIRED';
  return err;
}

// Malformed input, reported by readValue as V8 does.
class DataError extends Error {}

class DeserializerMethods {
  _nsInit(buffer) {
    if (!ArrayBuffer.isView(buffer)) throw invalidArgType('buffer must be a TypedArray or a DataView');
    this._nsData = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    this._nsPos = 0;
    this._nsVersion = 0;
    this._nsObjects = new Map();
    this._nsNextId = 0;
    this._nsTransfers = new Map();
    Object.defineProperty(this, 'buffer', {
      value: buffer, writable: true, enumerable: true, configurable: true,
    });
  }

  // -- raw input ------------------------------------------------------------

  _nsReadVarint() {
    let result = 0;
    let scale = 1;
    for (;;) {
      if (this._nsPos >= this._nsData.length) throw new DataError();
      const b = this._nsData[this._nsPos++];
      result += (b & 0x7f) * scale;
      scale *= 128;
      if ((b & 0x80) === 0) return result;
    }
  }

  _nsReadDouble() {
    if (this._nsPos + 8 > this._nsData.length) throw new DataError();
    f64Bytes.set(this._nsData.subarray(this._nsPos, this._nsPos + 8));
    this._nsPos += 8;
    return f64[0];
  }

  _nsRead(n) {
    if (n > this._nsData.length - this._nsPos) throw new DataError();
    const out = this._nsData.subarray(this._nsPos, this._nsPos + n);
    this._nsPos += n;
    return out;
  }

  _nsPeekTag() {
    let pos = this._nsPos;
    while (pos < this._nsData.length && this._nsData[pos] === T.padding) pos++;
    return pos < this._nsData.length ? this._nsData[pos] : -1;
  }

  _nsReadTag() {
    for (;;) {
      if (this._nsPos >= this._nsData.length) throw new DataError();
      const tag = this._nsData[this._nsPos++];
      if (tag !== T.padding) return tag;
    }
  }

  // -- public API (Node's Deserializer) -------------------------------------

  readHeader() {
    if (this._nsPeekTag() === T.version) {
      this._nsReadTag();
      let version;
      try {
        version = this._nsReadVarint();
      } catch {
        version = -1;
      }
      this._nsVersion = version;
      if (version >= kMinimumVersion && version <= kLatestVersion) return true;
    }
    throw new Error('Unable to deserialize cloned data due to invalid or unsupported version.');
  }

  readValue() {
    try {
      return this._nsReadObject();
    } catch (e) {
      if (e instanceof DataError) throw new Error('Unable to deserialize cloned data.');
      throw e;
    }
  }

  getWireFormatVersion() {
    return this._nsVersion;
  }

  transferArrayBuffer(id, arrayBuffer) {
    id = Number(id) >>> 0;
    if (!types.isAnyArrayBuffer(arrayBuffer)) {
      throw invalidArgType('arrayBuffer must be an ArrayBuffer or SharedArrayBuffer');
    }
    this._nsTransfers.set(id, arrayBuffer);
  }

  readUint32() {
    try {
      return this._nsReadVarint() >>> 0;
    } catch {
      throw new Error('ReadUint32() failed');
    }
  }

  readUint64() {
    let n = 0n;
    let shift = 0n;
    for (;;) {
      if (this._nsPos >= this._nsData.length) throw new Error('ReadUint64() failed');
      const b = this._nsData[this._nsPos++];
      n |= BigInt(b & 0x7f) << shift;
      shift += 7n;
      if ((b & 0x80) === 0) break;
    }
    n &= 0xffffffffffffffffn;
    return [Number(n >> 32n), Number(n & 0xffffffffn)];
  }

  readDouble() {
    try {
      return this._nsReadDouble();
    } catch {
      throw new Error('ReadDouble() failed');
    }
  }

  _readRawBytes(length) {
    const start = this._nsPos;
    try {
      this._nsRead(Number(length) >>> 0);
    } catch {
      throw new Error('ReadRawBytes() failed');
    }
    return start;
  }

  // -- values ---------------------------------------------------------------

  _nsAdd(id, value) {
    this._nsObjects.set(id, value);
    return value;
  }

  _nsReadObject() {
    let result = this._nsReadObjectInner();
    // A view follows the buffer it is on, whichever way the buffer was written.
    if (types.isAnyArrayBuffer(result) && this._nsPeekTag() === T.arrayBufferView) {
      this._nsReadTag();
      result = this._nsReadView(result);
    }
    return result;
  }

  _nsReadString(tag) {
    switch (tag) {
      case T.oneByteString: {
        const bytes = this._nsRead(this._nsReadVarint());
        let s = '';
        for (let i = 0; i < bytes.length; i += 8192) {
          s += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192));
        }
        return s;
      }
      case T.twoByteString: {
        const length = this._nsReadVarint();
        if (length % 2 !== 0) throw new DataError();
        const bytes = this._nsRead(length);
        let s = '';
        for (let i = 0; i < bytes.length; i += 2) s += String.fromCharCode(bytes[i] | (bytes[i + 1] << 8));
        return s;
      }
      case T.utf8String: {
        const bytes = this._nsRead(this._nsReadVarint());
        return new TextDecoder().decode(bytes);
      }
      default:
        throw new DataError();
    }
  }

  _nsReadObjectInner() {
    const tag = this._nsReadTag();
    switch (tag) {
      case T.verifyObjectCount:
        this._nsReadVarint();
        return this._nsReadObject();
      case T.undefined: return undefined;
      case T.null: return null;
      case T.true: return true;
      case T.false: return false;
      case T.int32: {
        const z = this._nsReadVarint();
        return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
      }
      case T.uint32: return this._nsReadVarint() >>> 0;
      case T.double: return this._nsReadDouble();
      case T.bigint: return this._nsReadBigInt();
      case T.utf8String:
      case T.oneByteString:
      case T.twoByteString:
        return this._nsReadString(tag);
      case T.objectReference: {
        const id = this._nsReadVarint();
        if (!this._nsObjects.has(id)) throw new DataError();
        return this._nsObjects.get(id);
      }
      case T.beginObject: {
        const object = this._nsAdd(this._nsNextId++, {});
        const count = this._nsReadProperties(object, T.endObject);
        if (this._nsReadVarint() !== count) throw new DataError();
        return object;
      }
      case T.beginSparseArray: {
        const length = this._nsReadVarint();
        const array = this._nsAdd(this._nsNextId++, new Array(length));
        const count = this._nsReadProperties(array, T.endSparseArray);
        if (this._nsReadVarint() !== count || this._nsReadVarint() !== length) throw new DataError();
        return array;
      }
      case T.beginDenseArray: {
        const length = this._nsReadVarint();
        if (length > this._nsData.length - this._nsPos) throw new DataError();
        const array = this._nsAdd(this._nsNextId++, new Array(length));
        for (let i = 0; i < length; i++) {
          if (this._nsPeekTag() === T.theHole) {
            this._nsReadTag();
            continue;
          }
          array[i] = this._nsReadObject();
        }
        const count = this._nsReadProperties(array, T.endDenseArray);
        if (this._nsReadVarint() !== count || this._nsReadVarint() !== length) throw new DataError();
        return array;
      }
      case T.date: {
        const id = this._nsNextId++;
        return this._nsAdd(id, new Date(this._nsReadDouble()));
      }
      case T.trueObject: return this._nsAdd(this._nsNextId++, Object(true));
      case T.falseObject: return this._nsAdd(this._nsNextId++, Object(false));
      case T.numberObject: {
        const id = this._nsNextId++;
        return this._nsAdd(id, Object(this._nsReadDouble()));
      }
      case T.bigintObject: {
        const id = this._nsNextId++;
        return this._nsAdd(id, Object(this._nsReadBigInt()));
      }
      case T.stringObject: {
        const id = this._nsNextId++;
        return this._nsAdd(id, Object(this._nsReadString(this._nsReadTag())));
      }
      case T.regexp: {
        const id = this._nsNextId++;
        const source = this._nsReadString(this._nsReadTag());
        const bits = this._nsReadVarint();
        let flags = '';
        for (const [letter, bit] of regexpFlags) if (bits & bit) flags += letter;
        if (bits & kRegExpLinear) throw new DataError();
        let re;
        try {
          re = new RegExp(source, flags);
        } catch {
          throw new DataError();
        }
        return this._nsAdd(id, re);
      }
      case T.beginMap: {
        const map = this._nsAdd(this._nsNextId++, new Map());
        let n = 0;
        while (this._nsPeekTag() !== T.endMap) {
          const key = this._nsReadObject();
          const value = this._nsReadObject();
          Map.prototype.set.call(map, key, value);
          n += 2;
        }
        this._nsReadTag();
        if (this._nsReadVarint() !== n) throw new DataError();
        return map;
      }
      case T.beginSet: {
        const set = this._nsAdd(this._nsNextId++, new Set());
        let n = 0;
        while (this._nsPeekTag() !== T.endSet) {
          Set.prototype.add.call(set, this._nsReadObject());
          n++;
        }
        this._nsReadTag();
        if (this._nsReadVarint() !== n) throw new DataError();
        return set;
      }
      case T.arrayBuffer: {
        const id = this._nsNextId++;
        const bytes = this._nsRead(this._nsReadVarint());
        return this._nsAdd(id, bytes.slice().buffer);
      }
      case T.resizableArrayBuffer: {
        const id = this._nsNextId++;
        const byteLength = this._nsReadVarint();
        const maxByteLength = this._nsReadVarint();
        if (byteLength > maxByteLength) throw new DataError();
        const bytes = this._nsRead(byteLength);
        const buffer = new ArrayBuffer(byteLength, { maxByteLength });
        new Uint8Array(buffer).set(bytes);
        return this._nsAdd(id, buffer);
      }
      case T.arrayBufferTransfer: {
        const id = this._nsNextId++;
        const transferId = this._nsReadVarint();
        if (!this._nsTransfers.has(transferId)) throw new DataError();
        return this._nsAdd(id, this._nsTransfers.get(transferId));
      }
      case T.sharedArrayBuffer: {
        const id = this._nsNextId++;
        const transferId = this._nsReadVarint();
        if (!this._nsTransfers.has(transferId)) throw new DataError();
        return this._nsAdd(id, this._nsTransfers.get(transferId));
      }
      case T.error: return this._nsReadError();
      case T.hostObject: {
        const id = this._nsNextId++;
        const read = this._readHostObject;
        if (typeof read !== 'function') throw new DataError();
        const object = Reflect.apply(read, this, []);
        if (object === null || (typeof object !== 'object' && typeof object !== 'function')) {
          throw new TypeError('readHostObject must return an object');
        }
        return this._nsAdd(id, object);
      }
      default:
        throw new DataError();
    }
  }

  _nsReadBigInt() {
    const bitfield = this._nsReadVarint();
    const byteLength = Math.floor(bitfield / 2);
    const bytes = this._nsRead(byteLength);
    let n = 0n;
    for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i]);
    return bitfield & 1 ? -n : n;
  }

  _nsReadProperties(object, endTag) {
    let count = 0;
    while (this._nsPeekTag() !== endTag) {
      if (this._nsPeekTag() === -1) throw new DataError();
      const key = this._nsReadObject();
      if (typeof key !== 'string' && typeof key !== 'number') throw new DataError();
      const value = this._nsReadObject();
      Object.defineProperty(object, `${key}`, {
        value, writable: true, enumerable: true, configurable: true,
      });
      count++;
    }
    this._nsReadTag();
    return count;
  }

  _nsReadView(buffer) {
    const subtag = this._nsReadVarint();
    const byteOffset = this._nsReadVarint();
    const byteLength = this._nsReadVarint();
    if (this._nsVersion >= 14) this._nsReadVarint();  // flags
    const id = this._nsNextId++;
    const Ctor = viewConstructors.get(subtag);
    if (Ctor === undefined || byteOffset + byteLength > buffer.byteLength) throw new DataError();
    if (Ctor === DataView) return this._nsAdd(id, new DataView(buffer, byteOffset, byteLength));
    const size = Ctor.BYTES_PER_ELEMENT;
    if (byteOffset % size !== 0 || byteLength % size !== 0) throw new DataError();
    return this._nsAdd(id, new Ctor(buffer, byteOffset, byteLength / size));
  }

  _nsReadError() {
    const id = this._nsNextId++;
    let Ctor = Error;
    let message;
    let stack;
    let cause;
    let hasCause = false;
    for (;;) {
      const tag = this._nsReadVarint();
      if (tag === kErrorEnd) break;
      if (errorByTag.has(tag)) Ctor = errorByTag.get(tag);
      else if (tag === kErrorMessage) message = this._nsReadString(this._nsReadTag());
      else if (tag === kErrorStack) stack = this._nsReadString(this._nsReadTag());
      else if (tag === kErrorCause) {
        cause = this._nsReadObject();
        hasCause = true;
      } else throw new DataError();
    }
    const error = hasCause ? new Ctor(message, { cause }) : new Ctor(message);
    Object.defineProperty(error, 'stack', {
      value: stack, writable: true, enumerable: false, configurable: true,
    });
    return this._nsAdd(id, error);
  }
}

// Functions rather than classes: calling one without `new` throws Node's
// ERR_CONSTRUCT_CALL_REQUIRED, not the engine's own message.
function Serializer() {
  if (!new.target) throw constructCallRequired('Serializer');
  this._nsInit();
}

function Deserializer(buffer) {
  if (!new.target) throw constructCallRequired('Deserializer');
  this._nsInit(buffer);
}

for (const [target, source] of [[Serializer, SerializerMethods], [Deserializer, DeserializerMethods]]) {
  const descriptors = Object.getOwnPropertyDescriptors(source.prototype);
  delete descriptors.constructor;
  Object.defineProperties(target.prototype, descriptors);
}

module.exports = { Serializer, Deserializer };
