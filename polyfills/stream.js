// node:stream — Node's own streams implementation, as the Node.js project
// publishes it on npm (`readable-stream`, pinned in polyfills/package.json),
// loaded with our buffer/events/string_decoder/errors (see realm.js requireDep
// and internal/deps/patches for the Node 20 differences).
'use strict';

const { requireDep } = require('internal/bootstrap/realm');

const Stream = requireDep('readable-stream/lib/stream.js');

Stream._isArrayBufferView = function isArrayBufferView(value) {
  return ArrayBuffer.isView(value);
};
Stream._uint8ArrayToBuffer = function _uint8ArrayToBuffer(chunk) {
  const { Buffer } = require('buffer');
  return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
};

// Node 20 streams are async-disposable on the writable side too.
if (typeof Stream.Writable.prototype[Symbol.asyncDispose] !== 'function') {
  Stream.Writable.prototype[Symbol.asyncDispose] = function() {
    let error;
    if (!this.destroyed) {
      const { AbortError } = require('internal/errors');
      error = this.writableFinished ? null : new AbortError();
      this.destroy(error);
    }
    return new Promise((resolve, reject) => {
      Stream.finished(this, (err) => (err && err !== error ? reject(err) : resolve(null)));
    });
  };
}

let duplexPair;
Object.defineProperty(Stream, 'duplexPair', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    duplexPair ??= require('internal/streams/duplexpair');
    return duplexPair;
  },
  set(value) {
    Object.defineProperty(Stream, 'duplexPair', {
      __proto__: null, value, writable: true, enumerable: true, configurable: true,
    });
  },
});

module.exports = Stream;
