// Shared plumbing between a JS stream (net.Socket) and a native stream handle
// (internalBinding('tcp_wrap').TCP, Pipe): write requests, the read callback,
// the idle timeout.  Same roles and names as Node's module of this name.
//
// The read contract is simplified from Node's: the handle calls
// `handle.onread(nread, arrayBuffer)` (no shared streamBaseState for reads);
// nread < 0 is a libuv errno, UV_EOF at end of stream.  See bindings.d.ts.
'use strict';

const { Buffer } = require('buffer');
const {
  WriteWrap,
  kLastWriteWasAsync,
  kBytesWritten,
  kReadBytesOrError,
  streamBaseState,
} = internalBinding('stream_wrap');
const { UV_EOF } = internalBinding('uv');
const { ErrnoException, codes: { ERR_OUT_OF_RANGE } } = require('internal/errors');
const { validateFunction, validateNumber } = require('internal/validators');
const { setUnrefTimeout, TIMEOUT_MAX, kTimeout } = require('internal/timers');
const { clearTimeout } = require('timers');

// Shared with whoever else needs it (Node keeps these in internal/async_hooks).
const owner_symbol = Symbol.for('owner_symbol');
const kMaybeDestroy = Symbol('kMaybeDestroy');
const kUpdateTimer = Symbol('kUpdateTimer');
const kAfterAsyncWrite = Symbol('kAfterAsyncWrite');
const kHandle = Symbol('kHandle');
const kSession = Symbol('kSession');
const kBoundSession = Symbol('kBoundSession');
const kBuffer = Symbol('kBuffer');
const kBufferGen = Symbol('kBufferGen');
const kBufferCb = Symbol('kBufferCb');
const kPendingRead = Symbol('kPendingRead');

// Restart reading; bytes held back by a paused onread callback go first.
function readStartWithPending(handle) {
  const pending = handle[kPendingRead];
  if (pending !== undefined) {
    handle[kPendingRead] = undefined;
    process.nextTick(() => {
      if (typeof handle.onread === 'function') handle.onread(pending.length, pending.buffer);
    });
  }
  return handle.readStart();
}

function handleWriteReq(req, data, encoding) {
  const { handle } = req;
  switch (encoding) {
    case 'buffer': {
      const ret = handle.writeBuffer(req, data);
      if (streamBaseState[kLastWriteWasAsync]) req.buffer = data;
      return ret;
    }
    case 'latin1':
    case 'binary':
      return handle.writeLatin1String(req, data);
    case 'utf8':
    case 'utf-8':
      return handle.writeUtf8String(req, data);
    case 'ascii':
      return handle.writeAsciiString(req, data);
    case 'ucs2':
    case 'ucs-2':
    case 'utf16le':
    case 'utf-16le':
      return handle.writeUcs2String(req, data);
    default: {
      const buffer = Buffer.from(data, encoding);
      const ret = handle.writeBuffer(req, buffer);
      if (streamBaseState[kLastWriteWasAsync]) req.buffer = buffer;
      return ret;
    }
  }
}

function onWriteComplete(status) {
  let stream = this.handle[owner_symbol];
  if (!stream || stream.destroyed) {
    if (typeof this.callback === 'function') this.callback(null);
    return;
  }
  if (status < 0) {
    const ex = new ErrnoException(status, 'write', this.error);
    if (typeof this.callback === 'function') this.callback(ex);
    else stream.destroy(ex);
    return;
  }
  stream[kUpdateTimer]();
  stream[kAfterAsyncWrite]();
  if (typeof this.callback === 'function') this.callback(null);
}

function createWriteWrap(handle, callback) {
  const req = new WriteWrap();
  req.handle = handle;
  req.oncomplete = onWriteComplete;
  req.async = false;
  req.bytes = 0;
  req.buffer = null;
  req.callback = callback;
  return req;
}

function writevGeneric(self, data, cb) {
  const req = createWriteWrap(self[kHandle], cb);
  const allBuffers = data.allBuffers;
  let chunks;
  if (allBuffers) {
    chunks = data;
    for (let i = 0; i < data.length; i++) data[i] = data[i].chunk;
  } else {
    chunks = new Array(data.length << 1);
    for (let i = 0; i < data.length; i++) {
      const entry = data[i];
      chunks[i * 2] = entry.chunk;
      chunks[i * 2 + 1] = entry.encoding;
    }
  }
  const err = req.handle.writev(req, chunks, allBuffers);
  if (err === 0) req._chunks = chunks;
  afterWriteDispatched(req, err, cb);
  return req;
}

function writeGeneric(self, data, encoding, cb) {
  const req = createWriteWrap(self[kHandle], cb);
  const err = handleWriteReq(req, data, encoding);
  afterWriteDispatched(req, err, cb);
  return req;
}

function afterWriteDispatched(req, err, cb) {
  req.bytes = streamBaseState[kBytesWritten];
  req.async = !!streamBaseState[kLastWriteWasAsync];
  if (err !== 0) return cb(new ErrnoException(err, 'write', req.error));
  if (!req.async && typeof req.callback === 'function') req.callback();
}

function onStreamRead(nread, arrayBuffer) {
  // Node's own contract (a JS handle calling onread(arrayBuffer) with nread in
  // streamBaseState, as some tests do) is accepted too.
  if (typeof nread !== 'number') {
    arrayBuffer = nread;
    nread = streamBaseState[kReadBytesOrError];
  }
  const handle = this;
  const stream = this[owner_symbol];
  stream[kUpdateTimer]();

  if (nread > 0 && !stream.destroyed) {
    let ret;
    let result;
    const userBuf = stream[kBuffer];
    if (userBuf) {
      // libuv would have read into the user's buffer, at most its size per
      // callback: hand the chunk over in slices of that size.
      const view = new Uint8Array(arrayBuffer, 0, nread);
      let offset = 0;
      result = true;
      while (offset < nread && !stream.destroyed) {
        const buf = stream[kBuffer];
        const n = Math.min(nread - offset, buf.length);
        buf.set(view.subarray(offset, offset + n));
        offset += n;
        result = stream[kBufferCb](n, buf) !== false;
        const bufGen = stream[kBufferGen];
        if (bufGen !== null) {
          const nextBuf = bufGen();
          if (nextBuf instanceof Uint8Array) stream[kBuffer] = ret = nextBuf;
        }
        if ((!result || !handle.reading) && offset < nread) {
          // Paused mid-chunk: keep the rest for the next readStart.
          handle[kPendingRead] = view.slice(offset);
          break;
        }
      }
    } else {
      result = stream.push(Buffer.from(arrayBuffer, 0, nread));
    }
    if (!result) {
      handle.reading = false;
      if (!stream.destroyed) {
        const err = handle.readStop();
        if (err) stream.destroy(new ErrnoException(err, 'read'));
      }
    }
    return ret;
  }

  if (nread === 0) return;

  if (nread !== UV_EOF) {
    stream.destroy(new ErrnoException(nread, 'read'));
    return;
  }

  // End of stream: 'end' must come before 'close' (kMaybeDestroy).
  if (stream._readableState.endEmitted) {
    if (stream[kMaybeDestroy]) stream[kMaybeDestroy]();
  } else {
    if (stream[kMaybeDestroy]) stream.on('end', stream[kMaybeDestroy]);
    stream.push(null);
    stream.read(0);
  }
}

function getTimerDuration(msecs, name) {
  validateNumber(msecs, name);
  if (msecs < 0 || !Number.isFinite(msecs)) {
    throw new ERR_OUT_OF_RANGE(name, 'a non-negative finite number', msecs);
  }
  if (msecs > TIMEOUT_MAX) {
    process.emitWarning(`${msecs} does not fit into a 32-bit signed integer.` +
                        `\nTimer duration was truncated to ${TIMEOUT_MAX}.`,
                        'TimeoutOverflowWarning');
    return TIMEOUT_MAX;
  }
  return msecs;
}

function setStreamTimeout(msecs, callback) {
  if (this.destroyed) return this;
  this.timeout = msecs;
  msecs = getTimerDuration(msecs, 'msecs');
  clearTimeout(this[kTimeout]);
  if (msecs === 0) {
    if (callback !== undefined) {
      validateFunction(callback, 'callback');
      this.removeListener('timeout', callback);
    }
  } else {
    this[kTimeout] = setUnrefTimeout(this._onTimeout.bind(this), msecs);
    if (this[kSession]) this[kSession][kUpdateTimer]();
    if (this[kBoundSession]) this[kBoundSession][kUpdateTimer]();
    if (callback !== undefined) {
      validateFunction(callback, 'callback');
      this.once('timeout', callback);
    }
  }
  return this;
}

module.exports = {
  writevGeneric,
  writeGeneric,
  onStreamRead,
  kAfterAsyncWrite,
  kMaybeDestroy,
  kUpdateTimer,
  kHandle,
  kSession,
  kBoundSession,
  kTimeout,
  owner_symbol,
  setStreamTimeout,
  getTimerDuration,
  kBuffer,
  kBufferCb,
  kBufferGen,
  readStartWithPending,
};
