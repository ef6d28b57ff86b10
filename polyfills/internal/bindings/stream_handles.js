// The JS classes of internalBinding('stream_wrap'), ('tcp_wrap'),
// ('pipe_wrap') and ('tty_wrap').  Each handle object wraps one Python StreamHandle
// (js_bindings/stream_wrap.py) held under kNative; the methods are Node's
// (tcp_wrap.cc, pipe_wrap.cc, stream_wrap.cc) with the same return values:
// 0 or a negative errno.  Evaluated as function (native, internalBinding).
'use strict';

const kNative = Symbol('kNative');

// Node's streamBaseState slots (stream_base.h).  Reads do not use them here:
// onread receives (nread, arrayBuffer) directly.  Writes set kBytesWritten and
// kLastWriteWasAsync, which lib/internal/stream_base_commons reads.
const kReadBytesOrError = 0;
const kArrayBufferOffset = 1;
const kBytesWritten = 2;
const kLastWriteWasAsync = 3;
const streamBaseState = new Int32Array(5);

// Handles and requests are AsyncWraps: an async id, init/destroy hooks, and
// the async context (AsyncLocalStorage) makeCallback restores.
const { AsyncWrap, ReqWrap, Providers, initResource, kProvider } = internalBinding('async_wrap');
const kAsyncFrame = Symbol.for('nodeshim.asyncFrame');

class WriteWrap extends ReqWrap { constructor() { super(Providers.WRITEWRAP); } }
class ShutdownWrap extends ReqWrap { constructor() { super(Providers.SHUTDOWNWRAP); } }
class TCPConnectWrap extends ReqWrap { constructor() { super(Providers.TCPCONNECTWRAP); } }
class PipeConnectWrap extends ReqWrap { constructor() { super(Providers.PIPECONNECTWRAP); } }

// A writev() batch as Buffers: `chunks` is all buffers, or (allBuffers
// false) [chunk, encoding, ...] pairs whose strings are encoded here.  Shared
// by every stream handle (TCP/Pipe/TTY here, JSStream, TLSWrap).
function writevBuffers(chunks, allBuffers) {
  const { Buffer } = globalThis;
  const view = (c) => (c instanceof Buffer ? c : Buffer.from(c.buffer, c.byteOffset, c.byteLength));
  const list = [];
  if (allBuffers) {
    for (let i = 0; i < chunks.length; i++) list.push(view(chunks[i]));
  } else {
    for (let i = 0; i < chunks.length; i += 2) {
      const chunk = chunks[i];
      list.push(typeof chunk === 'string' ? Buffer.from(chunk, chunks[i + 1]) : view(chunk));
    }
  }
  return list;
}

function finishWrite(result) {
  if (result < 0) {
    streamBaseState[kBytesWritten] = 0;
    streamBaseState[kLastWriteWasAsync] = 0;
    return result;
  }
  streamBaseState[kBytesWritten] = Math.floor(result / 2);
  streamBaseState[kLastWriteWasAsync] = result % 2;
  return 0;
}

const kNonAscii = /[^\x00-\x7f]/;

// [chunk, encoding, ...] -> one string with the same UTF-8 bytes, or null.
function joinUtf8(chunks) {
  let text = '';
  for (let i = 0; i < chunks.length; i += 2) {
    const chunk = chunks[i];
    if (typeof chunk !== 'string') return null;
    const enc = chunks[i + 1];
    if (enc !== 'utf8' && enc !== 'utf-8' &&
        !((enc === 'latin1' || enc === 'binary' || enc === 'ascii') && !kNonAscii.test(chunk))) {
      return null;
    }
    text += chunk;
  }
  return text;
}

class LibuvStreamWrap extends AsyncWrap {
  readStart() { return native.readStart(this[kNative]); }
  readStop() { return native.readStop(this[kNative]); }
  shutdown(req) { return native.shutdown(this[kNative], req); }
  useUserBuffer() {}
  setBlocking() { return 0; }
  writeBuffer(req, data) {
    if (!(data instanceof Uint8Array)) {
      // Node's C++ check, reached by write(string, 'buffer').
      const err = new TypeError('Second argument must be a buffer');
      err.code = 'ERR_INVALID_ARG_TYPE';
      throw err;
    }
    return finishWrite(native.writeBuffer(this[kNative], req, data));
  }
  writeUtf8String(req, string) {
    return finishWrite(native.writeBuffer(this[kNative], req, string));
  }
  writeAsciiString(req, string) { return this.writeLatin1String(req, string); }
  writeLatin1String(req, string) {
    return this.writeBuffer(req, globalThis.Buffer.from(string, 'latin1'));
  }
  writeUcs2String(req, string) {
    return this.writeBuffer(req, globalThis.Buffer.from(string, 'ucs2'));
  }
  writev(req, chunks, allBuffers) {
    if (!allBuffers) {
      // The usual HTTP case: strings only (head + body, then end()'s '').
      // When each one's bytes are its UTF-8 bytes, join them and cross once.
      const text = joinUtf8(chunks);
      if (text !== null) return this.writeUtf8String(req, text);
    }
    const list = writevBuffers(chunks, allBuffers);
    if (list.length === 1) return this.writeBuffer(req, list[0]);
    // Several pieces go to Python as they are (one gather write there), not
    // through a Buffer.concat copy: a head and a 1 MiB body stay apart.
    return finishWrite(native.writev(this[kNative], req, list));
  }
  close(cb) {
    native.close(this[kNative], AsyncWrap.closeCallback(this, typeof cb === 'function' ? cb : null));
  }
  ref() { native.ref(this[kNative]); }
  unref() { native.unref(this[kNative]); }
  hasRef() { return native.hasRef(this[kNative]); }
  get isStreamBase() { return true; }
  get fd() { return native.fd(this[kNative]); }
  get bytesRead() { return native.bytesRead(this[kNative]); }
  get bytesWritten() { return native.bytesWritten(this[kNative]); }
  get writeQueueSize() { return native.writeQueueSize(this[kNative]); }
  get _externalStream() { return this[kNative]; }
}

class TCP extends LibuvStreamWrap {
  constructor(type) {
    super(type === 1 ? Providers.TCPSERVERWRAP : Providers.TCPWRAP);
    this[kNative] = native.newTCP(type | 0);
    native.setJs(this[kNative], this);
    this.reading = false;
    this.onconnection = null;
  }
  open(fd) { return native.open(this[kNative], fd); }
  // Like TCPWrap::Bind's Int32Value: an absent port (localAddress without
  // localPort) binds port 0.
  bind(address, port, flags) { return native.tcpBind(this[kNative], address, port | 0, flags | 0); }
  bind6(address, port, flags) { return native.tcpBind6(this[kNative], address, port | 0, flags | 0); }
  listen(backlog) { return native.listen(this[kNative], backlog); }
  connect(req, address, port) { return native.tcpConnect(this[kNative], req, address, port >>> 0); }
  connect6(req, address, port) { return native.tcpConnect6(this[kNative], req, address, port >>> 0); }
  getsockname(out) { return fillAddress(native.tcpAddress(this[kNative], false), out); }
  getpeername(out) { return fillAddress(native.tcpAddress(this[kNative], true), out); }
  setNoDelay(enable) { return native.tcpSetNoDelay(this[kNative], !!enable); }
  setKeepAlive(enable, delay) { return native.tcpSetKeepAlive(this[kNative], !!enable, delay | 0); }
  setSimultaneousAccepts() {}
  reset(cb) { return native.reset(this[kNative], typeof cb === 'function' ? cb : null); }
}

function fillAddress(result, out) {
  if (typeof result === 'number') return result;
  out.address = result[0];
  out.family = result[1];
  out.port = result[2];
  return 0;
}

class Pipe extends LibuvStreamWrap {
  constructor(type) {
    super(type === 1 ? Providers.PIPESERVERWRAP : Providers.PIPEWRAP);
    this[kNative] = native.newPipe(type | 0);
    native.setJs(this[kNative], this);
    this.reading = false;
    this.onconnection = null;
  }
  open(fd) { return native.open(this[kNative], fd); }
  bind(name) { return native.pipeBind(this[kNative], name); }
  listen(backlog) { return native.listen(this[kNative], backlog); }
  connect(req, name) { return native.pipeConnect(this[kNative], req, name); }
  fchmod(mode) { return native.pipeFchmod(this[kNative], mode); }
  setPendingInstances() {}
}

class TTY extends LibuvStreamWrap {
  // As TTYWrap::New: a failed uv_tty_init leaves its error in ctx (tty.js
  // throws ERR_TTY_INIT_FAILED from it) and a handle that is never used.
  constructor(fd, ctx) {
    super(Providers.TTYWRAP);
    const nativeHandle = native.newTTY(fd | 0);
    this.reading = false;
    if (typeof nativeHandle === 'number') {
      if (ctx !== null && typeof ctx === 'object') {
        const [code, message] = internalBinding('uv').getErrorMap().get(nativeHandle) ||
          ['UNKNOWN', 'unknown error'];
        ctx.errno = nativeHandle;
        ctx.code = code;
        ctx.message = message;
        ctx.syscall = 'uv_tty_init';
      }
      return;
    }
    this[kNative] = nativeHandle;
    native.setJs(nativeHandle, this);
  }
  getWindowSize(out) {
    const size = native.ttyWindowSize(this[kNative]);
    if (typeof size === 'number') return size;
    out[0] = size[0];
    out[1] = size[1];
    return 0;
  }
  setRawMode(flag) { return native.ttySetRawMode(this[kNative], !!flag); }
}

// Trampolines Python calls with `this` set to the receiver.
native.init(
  function onread(nread, buffer) { return this.onread(nread, buffer); },
  // A request whose oncomplete was cleared (an abandoned connect attempt)
  // completes silently.
  // A request is destroyed once its completion ran.
  function writeDone(status, handle) {
    try {
      if (typeof this.oncomplete === 'function') this.oncomplete(status, handle, undefined);
    } finally {
      this.emitDestroy?.();
    }
  },
  function shutdownDone(status, handle) {
    try {
      if (typeof this.oncomplete === 'function') this.oncomplete(status);
    } finally {
      this.emitDestroy?.();
    }
  },
  function connectDone(status, handle, readable, writable) {
    try {
      if (typeof this.oncomplete === 'function') this.oncomplete(status, handle, this, readable, writable);
    } finally {
      this.emitDestroy?.();
    }
  },
  function onconnection(status, client) { return this.onconnection(status, client); },
  // The accepted handle of a server: a new resource triggered by the server.
  function wrapAccepted(server, nativeHandle) {
    const client = Object.create(Object.getPrototypeOf(server));
    client[kAsyncFrame] = server[kAsyncFrame];
    client[kProvider] = server instanceof TCP ? Providers.TCPWRAP : Providers.PIPEWRAP;
    initResource(client, client[kProvider], server.getAsyncId());
    client[kNative] = nativeHandle;
    client.reading = false;
    client.onconnection = null;
    return client;
  },
);

// Native handle classes in Node: node:v8 serializes them as host objects.
LibuvStreamWrap.prototype[internalBinding('util').privateSymbols.host_object_private_symbol] = true;

return {
  stream_wrap: {
    LibuvStreamWrap,
    ShutdownWrap,
    WriteWrap,
    streamBaseState,
    kReadBytesOrError,
    kArrayBufferOffset,
    kBytesWritten,
    kLastWriteWasAsync,
    writevBuffers,
  },
  tcp_wrap: {
    TCP,
    TCPConnectWrap,
    constants: { SOCKET: 0, SERVER: 1, UV_TCP_IPV6ONLY: 1 },
  },
  pipe_wrap: {
    Pipe,
    PipeConnectWrap,
    constants: { SOCKET: 0, SERVER: 1, IPC: 2, UV_READABLE: 1, UV_WRITABLE: 2 },
  },
  tty_wrap: {
    TTY,
    isTTY(fd) { return native.isTTY(fd); },
  },
};
