// Bridges between Node streams and web streams: Readable/Writable/Duplex
// toWeb() and fromWeb().
'use strict';

const { Buffer } = require('buffer');
const {
  AbortError,
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_STREAM_PREMATURE_CLOSE },
} = require('internal/errors');
const { validateBoolean, validateObject } = require('internal/validators');
const { createDeferred } = require('internal/webstreams/util');
const { ReadableStream, isReadableStream } = require('internal/webstreams/readablestream');
const { WritableStream, isWritableStream } = require('internal/webstreams/writablestream');
const { CountQueuingStrategy } = require('internal/webstreams/queuingstrategies');

let streamLib;
function lazyStream() {
  streamLib ??= require('stream');
  return streamLib;
}

// Destroys with an AbortError when no error is given and the stream has not
// finished (internal/streams/destroy's destroyer).
function destroy(stream, err) {
  require('internal/streams/destroy').destroyer(stream, err);
}

let streamUtils;
function utils() {
  streamUtils ??= require('internal/streams/utils');
  return streamUtils;
}

function isDestroyed(stream) {
  return utils().isDestroyed(stream);
}

function isReadableNode(stream) {
  return !!utils().isReadable(stream);
}

function isWritableNode(stream) {
  return !!utils().isWritable(stream);
}

function prematureToAbort(error) {
  if (error?.code === 'ERR_STREAM_PREMATURE_CLOSE') return new AbortError(undefined, { cause: error });
  return error;
}

function newReadableStreamFromStreamReadable(streamReadable, options = {}) {
  if (typeof streamReadable?._readableState !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('streamReadable', 'stream.Readable', streamReadable);
  }
  validateObject(options, 'options');
  if (isDestroyed(streamReadable) || !isReadableNode(streamReadable)) {
    const readable = new ReadableStream();
    readable.cancel();
    return readable;
  }
  const objectMode = streamReadable.readableObjectMode;
  const highWaterMark = streamReadable.readableHighWaterMark;
  let strategy = options.strategy;
  if (strategy === undefined) {
    strategy = objectMode ? new CountQueuingStrategy({ highWaterMark }) :
      { highWaterMark, size(chunk) { return chunk.byteLength; } };
  }

  let controller;
  let closed = false;

  function onData(chunk) {
    if (closed) return;
    if (Buffer.isBuffer(chunk) && !objectMode) chunk = new Uint8Array(chunk);
    controller.enqueue(chunk);
    if (controller.desiredSize <= 0) streamReadable.pause();
  }

  function onFinished(error) {
    cleanup();
    if (closed) return;
    closed = true;
    error = prematureToAbort(error);
    if (error != null) {
      controller.error(error);
      return;
    }
    controller.close();
  }

  streamReadable.on('data', onData);
  const cleanup = lazyStream().finished(streamReadable, onFinished);
  streamReadable.pause();

  return new ReadableStream({
    start(c) { controller = c; },
    pull() { streamReadable.resume(); },
    cancel(reason) {
      closed = true;
      destroy(streamReadable, reason);
    },
  }, strategy);
}

function newStreamReadableFromReadableStream(readableStream, options = {}) {
  if (!isReadableStream(readableStream)) {
    throw new ERR_INVALID_ARG_TYPE('readableStream', 'ReadableStream', readableStream);
  }
  validateObject(options, 'options');
  const { highWaterMark, encoding, objectMode = false, signal } = options;
  if (encoding !== undefined && !Buffer.isEncoding(encoding)) {
    throw new ERR_INVALID_ARG_VALUE('options.encoding', encoding);
  }
  validateBoolean(objectMode, 'options.objectMode');

  const reader = readableStream.getReader();
  let closed = false;

  const readable = new (lazyStream().Readable)({
    objectMode,
    highWaterMark,
    encoding,
    signal,
    read() {
      reader.read().then((chunk) => {
        if (chunk.done) readable.push(null);
        else readable.push(chunk.value);
      }, (error) => destroy(readable, error));
    },
    destroy(error, callback) {
      function done() {
        try {
          callback(error);
        } catch (err) {
          process.nextTick(() => { throw err; });
        }
      }
      if (!closed) {
        reader.cancel(error).then(done, done);
        return;
      }
      done();
    },
  });

  reader.closed.then(() => { closed = true; }, (error) => {
    closed = true;
    destroy(readable, error);
  });
  return readable;
}

function newWritableStreamFromStreamWritable(streamWritable) {
  if (typeof streamWritable?._writableState !== 'object' &&
      !utils().isWritableNodeStream(streamWritable)) {
    throw new ERR_INVALID_ARG_TYPE('streamWritable', 'stream.Writable', streamWritable);
  }
  if (isDestroyed(streamWritable) || !isWritableNode(streamWritable)) {
    const writable = new WritableStream();
    writable.close();
    return writable;
  }
  const highWaterMark = streamWritable.writableHighWaterMark;
  const strategy = streamWritable.writableObjectMode ?
    new CountQueuingStrategy({ highWaterMark }) : { highWaterMark };

  let controller;
  let backpressure;
  let closed;

  function onDrain() {
    if (backpressure !== undefined) backpressure.resolve();
  }

  const cleanup = lazyStream().finished(streamWritable, (error) => {
    error = prematureToAbort(error);
    cleanup();
    // No unhandled 'error' from the Node side once the web side owns it.
    streamWritable.on('error', () => {});
    if (error != null) {
      if (backpressure !== undefined) backpressure.reject(error);
      if (closed !== undefined) {
        closed.reject(error);
        closed = undefined;
      }
      controller?.error(error);
      controller = undefined;
      return;
    }
    if (closed !== undefined) {
      closed.resolve();
      closed = undefined;
      return;
    }
    controller?.error(new AbortError());
    controller = undefined;
  });

  streamWritable.on('drain', onDrain);

  return new WritableStream({
    start(c) { controller = c; },
    write(chunk) {
      if (streamWritable.writableNeedDrain || !streamWritable.write(chunk)) {
        backpressure = createDeferred();
        return backpressure.promise.finally(() => { backpressure = undefined; });
      }
    },
    abort(reason) {
      destroy(streamWritable, reason);
    },
    close() {
      if (closed === undefined && !streamWritable.writableEnded) {
        closed = createDeferred();
        streamWritable.end();
        return closed.promise;
      }
      controller = undefined;
      return Promise.resolve();
    },
  }, strategy);
}

function encodeChunk(chunk, encoding, decodeStrings, objectMode) {
  if (typeof chunk === 'string' && decodeStrings && !objectMode) {
    const buf = Buffer.from(chunk, encoding);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  return chunk;
}

// writev/write/final of a Node Writable or Duplex whose writes go to a
// WritableStream's writer (`self()`: the Node stream; `isClosed()`: the
// writer has closed).  A throwing callback destroys the stream instead of
// breaking the writer's promise chain.
function writerSink(writer, self, isClosed, decodeStrings, objectMode) {
  return {
    writev(chunks, callback) {
      function done(error) {
        const errors = Array.isArray(error) ? error.filter((e) => e) : (error ? [error] : []);
        try {
          callback(errors.length === 0 ? undefined : errors[0]);
        } catch (err) {
          process.nextTick(() => destroy(self(), err));
        }
      }
      writer.ready.then(
        () => Promise.all(chunks.map((data) => writer.write(data.chunk))).then(() => done(), done),
        done);
    },
    write(chunk, encoding, callback) {
      chunk = encodeChunk(chunk, encoding, decodeStrings, objectMode);
      function done(error) {
        try {
          callback(error);
        } catch (err) {
          destroy(self(), err);
        }
      }
      writer.ready.then(() => writer.write(chunk).then(() => done(), done), done);
    },
    final(callback) {
      function done(error) {
        try {
          callback(error);
        } catch (err) {
          process.nextTick(() => destroy(self(), err));
        }
      }
      if (!isClosed()) writer.close().then(() => done(), done);
    },
  };
}

function newStreamWritableFromWritableStream(writableStream, options = {}) {
  if (!isWritableStream(writableStream)) {
    throw new ERR_INVALID_ARG_TYPE('writableStream', 'WritableStream', writableStream);
  }
  validateObject(options, 'options');
  const { highWaterMark, decodeStrings = true, objectMode = false, signal } = options;
  validateBoolean(objectMode, 'options.objectMode');
  validateBoolean(decodeStrings, 'options.decodeStrings');

  const writer = writableStream.getWriter();
  let closed = false;

  const writable = new (lazyStream().Writable)({
    highWaterMark,
    objectMode,
    decodeStrings,
    signal,
    ...writerSink(writer, () => writable, () => closed, decodeStrings, objectMode),
    destroy(error, callback) {
      function done() {
        try {
          callback(error);
        } catch (err) {
          process.nextTick(() => { throw err; });
        }
      }
      if (!closed) {
        if (error != null) writer.abort(error).then(done, done);
        else writer.close().then(done, done);
        return;
      }
      done();
    },
  });

  writer.closed.then(() => {
    closed = true;
    if (!writable.writableEnded) destroy(writable, new ERR_STREAM_PREMATURE_CLOSE());
  }, (error) => {
    closed = true;
    destroy(writable, error);
  });
  return writable;
}

function newReadableWritablePairFromDuplex(duplex) {
  if (typeof duplex?._writableState !== 'object' || typeof duplex?._readableState !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('duplex', 'stream.Duplex', duplex);
  }
  if (isDestroyed(duplex)) {
    const writable = new WritableStream();
    const readable = new ReadableStream();
    writable.close();
    readable.cancel();
    return { readable, writable };
  }
  let writable;
  if (isWritableNode(duplex)) {
    writable = newWritableStreamFromStreamWritable(duplex);
  } else {
    writable = new WritableStream();
    writable.close();
  }
  let readable;
  if (isReadableNode(duplex)) {
    readable = newReadableStreamFromStreamReadable(duplex);
  } else {
    readable = new ReadableStream();
    readable.cancel();
  }
  return { writable, readable };
}

function newStreamDuplexFromReadableWritablePair(pair = {}, options = {}) {
  validateObject(pair, 'pair');
  const { readable: readableStream, writable: writableStream } = pair;
  if (!isReadableStream(readableStream)) {
    throw new ERR_INVALID_ARG_TYPE('pair.readable', 'ReadableStream', readableStream);
  }
  if (!isWritableStream(writableStream)) {
    throw new ERR_INVALID_ARG_TYPE('pair.writable', 'WritableStream', writableStream);
  }
  validateObject(options, 'options');
  const {
    allowHalfOpen = false, objectMode = false, encoding, decodeStrings = true, highWaterMark, signal,
  } = options;
  validateBoolean(objectMode, 'options.objectMode');
  if (encoding !== undefined && !Buffer.isEncoding(encoding)) {
    throw new ERR_INVALID_ARG_VALUE(encoding, 'options.encoding');
  }

  const writer = writableStream.getWriter();
  const reader = readableStream.getReader();
  let writableClosed = false;
  let readableClosed = false;

  const duplex = new (lazyStream().Duplex)({
    allowHalfOpen,
    highWaterMark,
    objectMode,
    encoding,
    decodeStrings,
    signal,
    ...writerSink(writer, () => duplex, () => writableClosed, decodeStrings, objectMode),
    read() {
      reader.read().then((chunk) => {
        if (chunk.done) duplex.push(null);
        else duplex.push(chunk.value);
      }, (error) => destroy(duplex, error));
    },
    destroy(error, callback) {
      function done() {
        try {
          callback(error);
        } catch (err) {
          process.nextTick(() => { throw err; });
        }
      }
      async function closeWriter() {
        if (!writableClosed) await writer.abort(error);
      }
      async function closeReader() {
        if (!readableClosed) await reader.cancel(error);
      }
      if (!writableClosed || !readableClosed) {
        Promise.all([closeWriter(), closeReader()]).then(done, done);
        return;
      }
      done();
    },
  });

  writer.closed.then(() => {
    writableClosed = true;
    if (!duplex.writableEnded) destroy(duplex, new ERR_STREAM_PREMATURE_CLOSE());
  }, (error) => {
    writableClosed = true;
    readableClosed = true;
    destroy(duplex, error);
  });

  reader.closed.then(() => { readableClosed = true; }, (error) => {
    writableClosed = true;
    readableClosed = true;
    destroy(duplex, error);
  });

  return duplex;
}

module.exports = {
  newReadableStreamFromStreamReadable,
  newStreamReadableFromReadableStream,
  newWritableStreamFromStreamWritable,
  newStreamWritableFromWritableStream,
  newReadableWritablePairFromDuplex,
  newStreamDuplexFromReadableWritablePair,
};
