// How IPC messages travel over the channel (Node 20's
// lib/internal/child_process/serialization.js).
//
// 'json': one JSON text per line, as Node writes it, so a nodeshim child
// and a node parent (or the reverse) understand each other.
// 'advanced': Node uses the V8 serializer with a 4-byte length prefix; here
// each message is a length-prefixed JSON text of a tagged encoding that keeps
// what the structured clone algorithm keeps (undefined, NaN, BigInt, Date,
// RegExp, Map, Set, Buffers and typed arrays, Errors, shared references).
// Both ends must be nodeshim for this mode.
'use strict';

const { StringDecoder } = require('string_decoder');
const { Buffer } = require('buffer');

const {
  streamBaseState, kBytesWritten, kLastWriteWasAsync,
} = internalBinding('stream_wrap');
const ipcNative = internalBinding('process_wrap')._ipc;

// A write whose first byte carries the descriptor of `handle`, with the
// stream write contract (0 or -errno; streamBaseState says if it queued).
function writeWithHandle(channel, req, data, handle) {
  const result = ipcNative.writeWithHandle(channel, req, data, handle);
  if (result < 0) {
    streamBaseState[kBytesWritten] = 0;
    streamBaseState[kLastWriteWasAsync] = 0;
    return result;
  }
  streamBaseState[kBytesWritten] = Math.floor(result / 2);
  streamBaseState[kLastWriteWasAsync] = result % 2;
  return 0;
}

const kMessageBuffer = Symbol('kMessageBuffer');
const kMessageBufferSize = Symbol('kMessageBufferSize');
const kJSONBuffer = Symbol('kJSONBuffer');
const kStringDecoder = Symbol('kStringDecoder');

const json = {
  initMessageChannel(channel) {
    channel[kJSONBuffer] = '';
    channel[kStringDecoder] = undefined;
  },

  *parseChannelMessages(channel, readData) {
    if (readData.length === 0) return;
    if (channel[kStringDecoder] === undefined) channel[kStringDecoder] = new StringDecoder('utf8');
    const chunks = channel[kStringDecoder].write(Buffer.from(readData.buffer, readData.byteOffset,
                                                             readData.byteLength)).split('\n');
    const numCompleteChunks = chunks.length - 1;
    // The text after the last newline is the start of the next message.
    const incompleteChunk = chunks[numCompleteChunks];
    if (numCompleteChunks === 0) {
      channel[kJSONBuffer] += incompleteChunk;
    } else {
      chunks[0] = channel[kJSONBuffer] + chunks[0];
      channel[kJSONBuffer] = incompleteChunk;
      channel.buffering = incompleteChunk.length !== 0;
      for (let i = 0; i < numCompleteChunks; i++) yield JSON.parse(chunks[i]);
    }
    channel.buffering = channel[kJSONBuffer].length !== 0;
  },

  writeChannelMessage(channel, req, message, handle) {
    const string = JSON.stringify(message) + '\n';
    if (handle) return writeWithHandle(channel, req, string, handle);
    return channel.writeUtf8String(req, string);
  },
};

// -- 'advanced' -------------------------------------------------------------

const typedArrays = {
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
  Float32Array, Float64Array, BigInt64Array, BigUint64Array,
};

function encode(value, seen, blobs) {
  switch (typeof value) {
    case 'undefined': return { $: 'u' };
    case 'number':
      if (Number.isNaN(value)) return { $: 'n', v: 'NaN' };
      if (value === Infinity) return { $: 'n', v: 'Infinity' };
      if (value === -Infinity) return { $: 'n', v: '-Infinity' };
      if (Object.is(value, -0)) return { $: 'n', v: '-0' };
      return value;
    case 'bigint': return { $: 'b', v: value.toString() };
    case 'string':
    case 'boolean':
      return value;
    case 'function':
    case 'symbol': {
      const err = new Error(`${String(value)} could not be cloned.`);
      err.name = 'DataCloneError';
      throw err;
    }
    default:
      break;
  }
  if (value === null) return null;
  if (seen.has(value)) return { $: 'ref', v: seen.get(value) };
  seen.set(value, seen.size);
  if (Array.isArray(value)) return { $: 'a', v: value.map((v) => encode(v, seen, blobs)) };
  if (value instanceof Date) return { $: 'd', v: value.getTime() };
  if (value instanceof RegExp) return { $: 'r', v: value.source, f: value.flags };
  if (value instanceof Map) {
    return { $: 'm', v: [...value].map(([k, v]) => [encode(k, seen, blobs), encode(v, seen, blobs)]) };
  }
  if (value instanceof Set) return { $: 's', v: [...value].map((v) => encode(v, seen, blobs)) };
  if (value instanceof ArrayBuffer) {
    blobs.push(Buffer.from(value));
    return { $: 'ab', n: value.byteLength };
  }
  if (ArrayBuffer.isView(value)) {
    blobs.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
    // Node's Buffers arrive as Uint8Arrays, as the V8 serializer gives them.
    let name = value.constructor && value.constructor.name;
    if (value instanceof DataView) name = 'DataView';
    else if (Buffer.isBuffer(value)) name = 'Buffer';
    else if (!typedArrays[name]) name = 'Uint8Array';
    return { $: 't', c: name, n: value.byteLength };
  }
  if (value instanceof Error) {
    return { $: 'e', n: value.name, m: value.message, s: value.stack };
  }
  const out = {};
  for (const key of Object.keys(value)) out[key] = encode(value[key], seen, blobs);
  return { $: 'o', v: out };
}

function takeBlob(refs, n) {
  const blobs = refs.blobs;
  const b = blobs.data.subarray(blobs.offset, blobs.offset + n);
  blobs.offset += n;
  // A copy: the message owns its memory, not the read buffer.
  const ab = new ArrayBuffer(n);
  new Uint8Array(ab).set(b);
  return ab;
}

function decode(node, refs) {
  if (node === null || typeof node !== 'object') return node;
  switch (node.$) {
    case 'u': return undefined;
    case 'n': return node.v === '-0' ? -0 : Number(node.v);
    case 'b': return BigInt(node.v);
    case 'ref': return refs[node.v];
    case 'a': {
      const arr = [];
      refs.push(arr);
      for (const v of node.v) arr.push(decode(v, refs));
      return arr;
    }
    case 'd': { const d = new Date(node.v); refs.push(d); return d; }
    case 'r': { const r = new RegExp(node.v, node.f); refs.push(r); return r; }
    case 'm': {
      const m = new Map();
      refs.push(m);
      for (const [k, v] of node.v) m.set(decode(k, refs), decode(v, refs));
      return m;
    }
    case 's': {
      const s = new Set();
      refs.push(s);
      for (const v of node.v) s.add(decode(v, refs));
      return s;
    }
    case 'ab': {
      const ab = takeBlob(refs, node.n);
      refs.push(ab);
      return ab;
    }
    case 't': {
      const ab = takeBlob(refs, node.n);
      let view;
      if (node.c === 'Buffer') {
        view = Buffer.from(ab);
      } else {
        const Ctor = node.c === 'DataView' ? DataView : typedArrays[node.c] || Uint8Array;
        view = new Ctor(ab);
      }
      refs.push(view);
      return view;
    }
    case 'e': {
      const Ctor = { EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError }[node.n] ||
        Error;
      const e = new Ctor(node.m);
      if (node.s !== undefined) e.stack = node.s;
      refs.push(e);
      return e;
    }
    case 'o': {
      const o = {};
      refs.push(o);
      for (const key of Object.keys(node.v)) o[key] = decode(node.v[key], refs);
      return o;
    }
    default:
      return node;
  }
}

// A frame: u32 body length, u32 JSON length, the JSON (UTF-8), then the
// bytes of every ArrayBuffer and view in the order the JSON meets them.
const advanced = {
  initMessageChannel(channel) {
    channel[kMessageBuffer] = [];
    channel[kMessageBufferSize] = 0;
    channel.buffering = false;
  },

  *parseChannelMessages(channel, readData) {
    if (readData.length === 0) return;
    channel[kMessageBuffer].push(Buffer.from(readData));
    channel[kMessageBufferSize] += readData.length;
    while (channel[kMessageBufferSize] >= 4) {
      const chunks = channel[kMessageBuffer];
      let head = chunks[0];
      if (head.length < 4) {
        head = Buffer.concat(chunks);
        channel[kMessageBuffer] = [head];
      }
      const size = head.readUInt32BE(0);
      if (channel[kMessageBufferSize] < 4 + size) break;
      const all = channel[kMessageBuffer].length === 1 ?
        channel[kMessageBuffer][0] : Buffer.concat(channel[kMessageBuffer]);
      const frame = all.subarray(4, 4 + size);
      const rest = all.subarray(4 + size);
      channel[kMessageBuffer] = rest.length ? [rest] : [];
      channel[kMessageBufferSize] = rest.length;
      channel.buffering = rest.length > 0;
      const jsonLength = frame.readUInt32BE(0);
      const refs = [];
      refs.blobs = { data: frame, offset: 4 + jsonLength };
      yield decode(JSON.parse(frame.toString('utf8', 4, 4 + jsonLength)), refs);
    }
    channel.buffering = channel[kMessageBufferSize] > 0;
  },

  writeChannelMessage(channel, req, message, handle) {
    const blobs = [];
    const json = Buffer.from(JSON.stringify(encode(message, new Map(), blobs)), 'utf8');
    let size = 4 + json.length;
    for (const b of blobs) size += b.length;
    const frame = Buffer.allocUnsafe(4 + size);
    frame.writeUInt32BE(size, 0);
    frame.writeUInt32BE(json.length, 4);
    json.copy(frame, 8);
    let offset = 8 + json.length;
    for (const b of blobs) {
      frame.set(b, offset);
      offset += b.length;
    }
    if (handle) return writeWithHandle(channel, req, frame, handle);
    return channel.writeBuffer(req, frame);
  },
};

module.exports = { advanced, json };
