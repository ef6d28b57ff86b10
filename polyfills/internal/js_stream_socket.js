// JSStreamSocket: a net.Socket whose handle is a JS stream (any Duplex), for
// code that needs a socket-shaped object over a plain stream (TLS/HTTP over a
// Duplex, tests).  The handle is internalBinding('js_stream').JSStream, which
// forwards each operation to the owning JSStreamSocket.
'use strict';

const { Socket } = require('net');
const uv = internalBinding('uv');
const { JSStream, kClosed } = internalBinding('js_stream');
const { owner_symbol } = require('internal/async_hooks').symbols;
const { codes: { ERR_STREAM_WRAP } } = require('internal/errors');

const kCurrentWriteRequest = Symbol('kCurrentWriteRequest');
const kCurrentShutdownRequest = Symbol('kCurrentShutdownRequest');
const kPendingShutdownRequest = Symbol('kPendingShutdownRequest');

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
