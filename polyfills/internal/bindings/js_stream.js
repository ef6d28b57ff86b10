// internalBinding('js_stream'): JSStream, the stream handle whose I/O is done
// by JS (internal/js_stream_socket wraps any Duplex in a net.Socket with it).
// It speaks the stream-handle contract of internal/stream_base_commons
// (readStart/readStop/shutdown/write*, onread, req.oncomplete) and forwards
// each operation to the on* functions its owner installs.  Evaluated as
// function (native, internalBinding).
'use strict';

const uv = internalBinding('uv');
const { streamBaseState, kBytesWritten, kLastWriteWasAsync, writevBuffers } = internalBinding('stream_wrap');
const kClosed = Symbol('kClosed');
const kExternal = Symbol('kExternal');
const { AsyncWrap, Providers, callAs } = internalBinding('async_wrap');

// A request completes as itself, and is destroyed after.
function complete(req, status) {
  try {
    if (typeof req.oncomplete === 'function') callAs(req, req.oncomplete, [status]);
  } finally {
    req.emitDestroy?.();
  }
}

class JSStream extends AsyncWrap {
  constructor() {
    super(Providers.JSSTREAM);
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
    return this.#write(req, [globalThis.Buffer.from(data.buffer, data.byteOffset, data.byteLength)]);
  }

  writev(req, chunks, allBuffers) {
    const bufs = writevBuffers(chunks, allBuffers);
    return this.#write(req, bufs);
  }

  writeUtf8String(req, s) { return this.#write(req, [globalThis.Buffer.from(s, 'utf8')]); }
  writeAsciiString(req, s) { return this.#write(req, [globalThis.Buffer.from(s, 'ascii')]); }
  writeLatin1String(req, s) { return this.#write(req, [globalThis.Buffer.from(s, 'latin1')]); }
  writeUcs2String(req, s) { return this.#write(req, [globalThis.Buffer.from(s, 'ucs2')]); }

  // Called by the owner when the JS stream has taken the data / ended.
  finishWrite(req, status) {
    complete(req, status);
  }

  finishShutdown(req, status) {
    complete(req, status);
  }

  // Reads reach the socket as callbacks of this handle.
  readBuffer(chunk) {
    if (typeof this.onread !== 'function') return;
    const copy = new Uint8Array(chunk.length);
    copy.set(chunk);
    callAs(this, this.onread, [chunk.length, copy.buffer]);
  }

  emitEOF() {
    if (typeof this.onread === 'function') callAs(this, this.onread, [uv.UV_EOF, undefined]);
  }

  close(cb) {
    this[kClosed] = true;
    this.emitDestroy();
    if (typeof cb === 'function') setImmediate(cb);
  }

  ref() {}
  unref() {}
  hasRef() { return false; }
  useUserBuffer() {}
  get isStreamBase() { return true; }
  // The native stream behind a StreamBase handle: an opaque external value.
  get _externalStream() {
    this[kExternal] ??= native.newExternal();
    return this[kExternal];
  }
}

// A native handle class in Node: node:v8 serializes it as a host object.
JSStream.prototype[internalBinding('util').privateSymbols.host_object_private_symbol] = true;

return { JSStream, kClosed };
