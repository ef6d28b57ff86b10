// CompressionStream and DecompressionStream: a node:zlib stream seen as a
// WHATWG readable/writable pair.
'use strict';

const { newReadableWritablePairFromDuplex } = require('internal/webstreams/adapters');
const { codes: { ERR_INVALID_ARG_VALUE, ERR_INVALID_THIS } } = require('internal/errors');
const { customInspectSymbol: kInspect } = require('internal/util');

function checkFormat(format) {
  if (format !== 'deflate' && format !== 'deflate-raw' && format !== 'gzip') {
    throw new ERR_INVALID_ARG_VALUE('format', format);
  }
}
const kPair = Symbol('kPair');

let zlib;
function lazyZlib() {
  zlib ??= require('zlib');
  return zlib;
}

function pairOf(self, name) {
  if (self?.[kPair] === undefined) throw new ERR_INVALID_THIS(name);
  return self[kPair];
}

function inspectPair(name, pair, depth, options) {
  const { inspect } = require('internal/util/inspect');
  const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
  return `${name} ${inspect({ readable: pair.readable, writable: pair.writable }, opts)}`;
}

class CompressionStream {
  constructor(format) {
    checkFormat(format);
    const z = lazyZlib();
    const handle = format === 'deflate' ? z.createDeflate() :
      format === 'gzip' ? z.createGzip() : z.createDeflateRaw();
    this[kPair] = newReadableWritablePairFromDuplex(handle);
  }

  get readable() {
    return pairOf(this, 'CompressionStream').readable;
  }

  get writable() {
    return pairOf(this, 'CompressionStream').writable;
  }

  [kInspect](depth, options) {
    if (depth < 0) return this;
    return inspectPair('CompressionStream', pairOf(this, 'CompressionStream'), depth, options);
  }
}

class DecompressionStream {
  constructor(format) {
    checkFormat(format);
    const z = lazyZlib();
    const handle = format === 'deflate' ? z.createInflate() :
      format === 'gzip' ? z.createGunzip() : z.createInflateRaw();
    this[kPair] = newReadableWritablePairFromDuplex(handle);
  }

  get readable() {
    return pairOf(this, 'DecompressionStream').readable;
  }

  get writable() {
    return pairOf(this, 'DecompressionStream').writable;
  }

  [kInspect](depth, options) {
    if (depth < 0) return this;
    return inspectPair('DecompressionStream', pairOf(this, 'DecompressionStream'), depth, options);
  }
}

for (const C of [CompressionStream, DecompressionStream]) {
  Object.defineProperty(C.prototype, Symbol.toStringTag, {
    __proto__: null, value: C.name, configurable: true,
  });
  for (const name of ['readable', 'writable']) {
    const desc = Object.getOwnPropertyDescriptor(C.prototype, name);
    desc.enumerable = true;
    Object.defineProperty(C.prototype, name, desc);
  }
}

module.exports = { CompressionStream, DecompressionStream };
