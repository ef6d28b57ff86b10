// node:v8 on QuickJS.  What is real here: heap figures from QuickJS's own
// memory accounting (internalBinding('v8'); V8-only figures are 0 and the
// "spaces" are QuickJS's allocation categories), V8's serialization format
// (internal/v8/serdes), cachedDataVersionTag (a hash of the engine version
// and the flags set), setFlagsFromString (validated and recorded; no V8 flag
// changes QuickJS's behaviour, so none has an effect), startupSnapshot (never
// building one), takeCoverage/stopCoverage (no coverage collection, as Node
// without NODE_V8_COVERAGE).  Heap snapshots, GC profiling, promise hooks and
// queryObjects need engine support QuickJS does not have and are absent.
'use strict';

const { Buffer } = require('buffer');
const { validateString, validateFunction } = require('internal/validators');
const { codes } = require('internal/errors');
const { Serializer, Deserializer } = require('internal/v8/serdes');

const binding = internalBinding('v8');

function getHeapStatistics() {
  return { ...binding.heapStatistics() };
}

function getHeapSpaceStatistics() {
  return binding.heapSpaceStatistics().map((s) => ({
    space_name: s[0],
    space_size: s[1],
    space_used_size: s[2],
    space_available_size: s[3],
    physical_space_size: s[4],
  }));
}

function getHeapCodeStatistics() {
  return { ...binding.heapCodeStatistics() };
}

// name -> value of each flag given to setFlagsFromString, the last one winning.
const flags = new Map();

function setFlagsFromString(flagString) {
  validateString(flagString, 'flags');
  for (const token of flagString.split(/\s+/)) {
    if (!token.startsWith('-')) continue;
    let name = token.replace(/^--?/, '').replace(/_/g, '-');
    let value = 'true';
    const eq = name.indexOf('=');
    if (eq !== -1) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    } else if (name.startsWith('no')) {
      name = name.slice(name.startsWith('no-') ? 3 : 2);
      value = 'false';
    }
    flags.set(name, value);
  }
}

// FNV-1a over the engine's version and the flags: code cached under one tag
// is only valid for the same engine build and flags, as with V8's tag.
function cachedDataVersionTag() {
  const text = [binding.engineVersion, ...[...flags].sort().map(([k, v]) => `${k}=${v}`)].join('\n');
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

// The views that DefaultSerializer writes as host objects, by index on the
// wire (Node's numbering: Buffer is 10).
const arrayBufferViewTypes = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array,
  Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array, DataView, Buffer,
  BigInt64Array, BigUint64Array];
const arrayBufferViewIndex = new Map();
arrayBufferViewTypes.forEach((ctor, i) => {
  if (ctor !== Buffer) arrayBufferViewIndex.set(ctor.name, i);
});

Serializer.prototype._getDataCloneError = Error;

Deserializer.prototype.readRawBytes = function readRawBytes(length) {
  const offset = this._readRawBytes(length);
  return Buffer.from(this.buffer.buffer, this.buffer.byteOffset + offset, length);
};

class DefaultSerializer extends Serializer {
  constructor() {
    super();
    // Buffers often sit on a shared pool: writing only the view's bytes keeps
    // the rest of the pool out of the output.
    this._setTreatArrayBufferViewsAsHostObjects(true);
  }

  _writeHostObject(view) {
    let index = 10;
    if (view.constructor !== Buffer) {
      const tag = ArrayBuffer.isView(view) ?
        (require('internal/util/types').isDataView(view) ? 'DataView' : view[Symbol.toStringTag]) :
        undefined;
      index = arrayBufferViewIndex.get(tag);
      if (index === undefined) {
        const { inspect } = require('internal/util/inspect');
        throw new this._getDataCloneError(`Unserializable host object: ${inspect(view)}`);
      }
    }
    this.writeUint32(index);
    this.writeUint32(view.byteLength);
    this.writeRawBytes(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
  }
}

class DefaultDeserializer extends Deserializer {
  _readHostObject() {
    const Ctor = arrayBufferViewTypes[this.readUint32()];
    const byteLength = this.readUint32();
    const offset = this._readRawBytes(byteLength);
    const size = Ctor.BYTES_PER_ELEMENT || 1;
    const start = this.buffer.byteOffset + offset;
    if (start % size === 0) {
      if (Ctor === Buffer) return Buffer.from(this.buffer.buffer, start, byteLength);
      return new Ctor(this.buffer.buffer, start, byteLength / size);
    }
    // Misaligned for the element size: copy to fresh memory first.
    const copy = Buffer.allocUnsafe(byteLength);
    copy.set(new Uint8Array(this.buffer.buffer, start, byteLength));
    if (Ctor === Buffer) return copy;
    return new Ctor(copy.buffer, copy.byteOffset, byteLength / size);
  }
}

function serialize(value) {
  const ser = new DefaultSerializer();
  ser.writeHeader();
  ser.writeValue(value);
  return ser.releaseBuffer();
}

function deserialize(buffer) {
  const der = new DefaultDeserializer(buffer);
  der.readHeader();
  return der.readValue();
}

// nodeshim cannot build startup snapshots, so this process never is one.
function throwIfNotBuildingSnapshot() {
  throw new codes.ERR_NOT_BUILDING_SNAPSHOT();
}
const startupSnapshot = {
  addSerializeCallback(callback, data) { // eslint-disable-line no-unused-vars
    throwIfNotBuildingSnapshot();
    validateFunction(callback, 'callback');
  },
  addDeserializeCallback(callback, data) { // eslint-disable-line no-unused-vars
    throwIfNotBuildingSnapshot();
    validateFunction(callback, 'callback');
  },
  setDeserializeMainFunction(callback, data) { // eslint-disable-line no-unused-vars
    throwIfNotBuildingSnapshot();
    validateFunction(callback, 'callback');
  },
  // Node 20 answers with the 0/1 flag from its binding, not a boolean.
  isBuildingSnapshot() {
    return 0;
  },
};

// Without NODE_V8_COVERAGE Node's are no-ops too; nodeshim collects no coverage.
function takeCoverage() {}
function stopCoverage() {}

module.exports = {
  cachedDataVersionTag,
  getHeapStatistics,
  getHeapSpaceStatistics,
  getHeapCodeStatistics,
  setFlagsFromString,
  Serializer,
  Deserializer,
  DefaultSerializer,
  DefaultDeserializer,
  deserialize,
  takeCoverage,
  stopCoverage,
  serialize,
  startupSnapshot,
};
