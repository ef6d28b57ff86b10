// JSStreamSocket: a net.Socket whose handle is a JS stream (any Duplex), for
// code that needs a socket-shaped object over a plain stream (TLS/HTTP over a
// Duplex, tests).  The handle (JSStream, a native class in Node) lives here in
// JS: it speaks the stream-handle contract of internal/stream_base_commons
// (readStart/readStop/shutdown/write*, onread, req.oncomplete) and forwards to
// the owning JSStreamSocket.
'use strict';

const { Buffer } = require('buffer');
const { Socket } = require('net');
const uv = internalBinding('uv');
const { streamBaseState, kBytesWritten, kLastWriteWasAsync } = internalBinding('stream_wrap');
const { owner_symbol } = require('internal/async_hooks').symbols;
const { codes: { ERR_STREAM_WRAP } } = require('internal/errors');

const kCurrentWriteRequest = Symbol('kCurrentWriteRequest');
const kCurrentShutdownRequest = Symbol('kCurrentShutdownRequest');
const kPendingShutdownRequest = Symbol('kPendingShutdownRequest');
const kClosed = Symbol('kClosed');

let nextAsyncId = 1;

class JSStream {
  constructor() {
    this[kClosed] = false;
    this.reading = false;
    this.onread = null;
    this.isClosing = null;
    this.onreadstart = null;
    this.onreadstop = null;
    this.onshutdown = null;
    this.onwrite = null;
  }

  readStart() {
    this.reading = true;
    return this.onreadstart();
  }

  readStop() {
    this.reading = false;
    return this.onreadstop();
  }

  shutdown(req) {
    req.handle = this;
    if (this[kClosed]) {
      setImmediate(() => req.oncomplete(uv.UV_ECANCELED));
      return 0;
    }
    return this.onshutdown(req);
  }

  #write(req, bufs) {
    req.handle = this;
    let bytes = 0;
    for (const b of bufs) bytes += b.length;
    streamBaseState[kBytesWritten] = bytes;
    streamBaseState[kLastWriteWasAsync] = 1;
    req.bytes = bytes;
    return this.onwrite(req, bufs);
  }

  writeBuffer(req, data) {
    return this.#write(req, [Buffer.from(data.buffer, data.byteOffset, data.byteLength)]);
  }

  writev(req, chunks, allBuffers) {
    const bufs = [];
    if (allBuffers) {
      for (const c of chunks) bufs.push(Buffer.from(c.buffer, c.byteOffset, c.byteLength));
    } else {
      for (let i = 0; i < chunks.length; i += 2) {
        const c = chunks[i];
        bufs.push(typeof c === 'string' ? Buffer.from(c, chunks[i + 1]) : c);
      }
    }
    return this.#write(req, bufs);
  }

  writeUtf8String(req, s) { return this.#write(req, [Buffer.from(s, 'utf8')]); }
  writeAsciiString(req, s) { return this.#write(req, [Buffer.from(s, 'ascii')]); }
  writeLatin1String(req, s) { return this.#write(req, [Buffer.from(s, 'latin1')]); }
  writeUcs2String(req, s) { return this.#write(req, [Buffer.from(s, 'ucs2')]); }

  // Called by the owner when the JS stream has taken the data / ended.
  finishWrite(req, status) {
    if (typeof req.oncomplete === 'function') req.oncomplete(status);
  }

  finishShutdown(req, status) {
    if (typeof req.oncomplete === 'function') req.oncomplete(status);
  }

  readBuffer(chunk) {
    if (typeof this.onread !== 'function') return;
    const copy = new Uint8Array(chunk.length);
    copy.set(chunk);
    this.onread(chunk.length, copy.buffer);
  }

  emitEOF() {
    if (typeof this.onread === 'function') this.onread(uv.UV_EOF, undefined);
  }

  close(cb) {
    this[kClosed] = true;
    if (typeof cb === 'function') setImmediate(cb);
  }

  ref() {}
  unref() {}
  hasRef() { return false; }
  getAsyncId() {
    if (this._asyncId === undefined) this._asyncId = nextAsyncId++;
    return this._asyncId;
  }
  getProviderType() { return 0; }
  useUserBuffer() {}
}

function isClosing() { return this[owner_symbol].isClosing(); }
function onreadstart() { return this[owner_symbol].readStart(); }
function onreadstop() { return this[owner_symbol].readStop(); }
function onshutdown(req) { return this[owner_symbol].doShutdown(req); }
function onwrite(req, bufs) { return this[owner_symbol].doWrite(req, bufs); }

class JSStreamSocket extends Socket {
  constructor(stream) {
    const handle = new JSStream();
    handle.close = (cb) => {
      handle[kClosed] = true;
      this.doClose(cb);
    };
    handle.isClosing = isClosing;
    handle.onreadstart = onreadstart;
    handle.onreadstop = onreadstop;
    handle.onshutdown = onshutdown;
    handle.onwrite = onwrite;

    stream.pause();
    stream.on('error', (err) => this.emit('error', err));
    const ondata = (chunk) => {
      if (typeof chunk === 'string' || stream._readableState.objectMode === true) {
        // Text or objects cannot be turned into socket bytes.
        stream.pause();
        stream.removeListener('data', ondata);
        this.emit('error', new ERR_STREAM_WRAP());
        return;
      }
      if (this._handle) this._handle.readBuffer(chunk);
    };
    stream.on('data', ondata);
    stream.once('end', () => {
      if (this._handle) this._handle.emitEOF();
    });
    // The wrapped stream's errors were re-emitted above already.
    stream.once('close', () => this.destroy());

    super({ handle, manualStart: true });
    handle[owner_symbol] = this;
    this.stream = stream;
    this[kCurrentWriteRequest] = null;
    this[kCurrentShutdownRequest] = null;
    this[kPendingShutdownRequest] = null;
    this.readable = stream.readable;
    this.writable = stream.writable;

    this.read(0);
  }

  static get StreamWrap() {
    return JSStreamSocket;
  }

  isClosing() {
    return !this.readable || !this.writable;
  }

  readStart() {
    this.stream.resume();
    return 0;
  }

  readStop() {
    this.stream.pause();
    return 0;
  }

  doShutdown(req) {
    // A shutdown that arrives during a write runs when that write is done.
    if (this[kCurrentWriteRequest] !== null) {
      this[kPendingShutdownRequest] = req;
      return 0;
    }
    this[kCurrentShutdownRequest] = req;
    const handle = this._handle;
    setImmediate(() => {
      this.stream.end(() => this.finishShutdown(handle, 0));
    });
    return 0;
  }

  finishShutdown(handle, errCode) {
    if (this[kCurrentShutdownRequest] === null) return;
    const req = this[kCurrentShutdownRequest];
    this[kCurrentShutdownRequest] = null;
    (handle ?? req.handle).finishShutdown(req, errCode);
  }

  doWrite(req, bufs) {
    const handle = this._handle;
    const self = this;
    let pending = bufs.length;

    this.stream.cork();
    for (let i = 0; i < bufs.length; ++i) this.stream.write(bufs[i], done);
    this.stream.uncork();

    // Set only now: write() above may throw.
    this[kCurrentWriteRequest] = req;

    function done(err) {
      if (!err && --pending !== 0) return;
      pending = 0;
      let errCode = 0;
      if (err) errCode = uv[`UV_${err.code}`] || uv.UV_EPIPE;
      setImmediate(() => self.finishWrite(handle, errCode));
    }
    return 0;
  }

  finishWrite(handle, errCode) {
    if (this[kCurrentWriteRequest] === null) return;
    const req = this[kCurrentWriteRequest];
    this[kCurrentWriteRequest] = null;
    (handle ?? req.handle).finishWrite(req, errCode);
    if (this[kPendingShutdownRequest]) {
      const pendingReq = this[kPendingShutdownRequest];
      this[kPendingShutdownRequest] = null;
      this.doShutdown(pendingReq);
    }
  }

  doClose(cb) {
    const handle = this._handle;
    // Destroy the wrapped stream too, so that the other side of a wrapped
    // connection sees it end.
    this.stream.destroy();
    setImmediate(() => {
      this.finishWrite(handle, uv.UV_ECANCELED);
      this.finishShutdown(handle, uv.UV_ECANCELED);
      cb();
    });
  }
}

module.exports = JSStreamSocket;
