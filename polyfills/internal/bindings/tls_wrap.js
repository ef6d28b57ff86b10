// internalBinding('tls_wrap'): TLSWrap, the stream handle of a TLSSocket, and
// SecureContext.  A TLSWrap sits on a transport handle (TCP, Pipe or a
// JSStream over any Duplex): it takes the transport's reads (ciphertext),
// feeds them to the OpenSSL object held by Python (js_bindings/tls_wrap.py)
// and hands the plaintext to its own onread; writes go the other way.  It
// speaks the stream-handle contract net.Socket expects (readStart/readStop/
// write*/shutdown/close, onread, req.oncomplete) and calls its owner's
// onhandshakedone()/onerror()/onnewsession() as Node's C++ TLSWrap does.
// Evaluated as function (native, internalBinding).
'use strict';

const uv = internalBinding('uv');
const {
  WriteWrap, ShutdownWrap, streamBaseState, kBytesWritten, kLastWriteWasAsync, writevBuffers,
} = internalBinding('stream_wrap');

const { AsyncWrap, Providers } = internalBinding('async_wrap');

function toU8(buf) {
  return new Uint8Array(buf);
}

function makeError(e) {
  const err = new Error(e.message);
  if (e.library) err.library = e.library;
  if (e.reason) err.reason = e.reason;
  if (e.code) err.code = e.code;
  return err;
}

class SecureContext {
  #brand = true;

  constructor() {
    this.native = native.ctxNew();
    this.certPem = null;
  }

  // The native context, brand-checked as a native method checks its receiver
  // (test-crypto: a method moved onto another object throws Illegal invocation).
  get _external() {
    return SecureContext.#of(this);
  }

  static #of(self) {
    if (!(self !== null && typeof self === 'object' && #brand in self)) throw new TypeError('Illegal invocation');
    return self.native;
  }
  // Each returns null or Node's error.
  setCertKey(cert, key, passphrase) {
    const r = native.ctxSetCertKey(SecureContext.#of(this), cert, key, passphrase ?? null);
    return r ? makeError(r) : null;
  }
  addCACert(pem) {
    const r = native.ctxAddCA(SecureContext.#of(this), pem);
    if (r) return makeError(r);
    (this.caPems ??= []).push(pem);
    return null;
  }
  // The trusted certificates, parsed (for issuerCertificate beyond the peer's chain).
  caCerts() {
    if (!this._caCerts) {
      this._caCerts = [];
      for (const pem of this.caPems || []) {
        for (const der of native.pemToDer(pem)) {
          const c = certObject(der);
          if (c) this._caCerts.push(c);
        }
      }
    }
    return this._caCerts;
  }
  addRootCerts() { native.ctxAddRootCerts(SecureContext.#of(this)); }
  setCiphers(s) { const r = native.ctxSetCiphers(SecureContext.#of(this), s); return r ? makeError(r) : null; }
  setProtocols(min, max) {
    const r = native.ctxSetProtocols(SecureContext.#of(this), min, max);
    if (r) return makeError(r);
    this.minVersion = min;
    this.maxVersion = max;
    return null;
  }
  setCipherSuites(s) { const r = native.ctxSetCipherSuites(SecureContext.#of(this), s); return r ? makeError(r) : null; }
  setECDHCurve(s) { const r = native.ctxSetECDHCurve(SecureContext.#of(this), s); return r ? makeError(r) : null; }
  setDHParam(pem) { const r = native.ctxSetDHParam(SecureContext.#of(this), pem); return r ? makeError(r) : null; }
  setOptions(n) { native.ctxSetOptions(SecureContext.#of(this), n); }
  getTicketKeys() {
    const keys = native.ctxGetTicketKeys(SecureContext.#of(this));
    return keys ? globalThis.Buffer.from(keys) : globalThis.Buffer.alloc(48);
  }
  setTicketKeys(keys) { native.ctxSetTicketKeys(SecureContext.#of(this), keys); }
  setSessionParams(idContext, timeout) { native.ctxSetSessionParams(SecureContext.#of(this), idContext, timeout); }
  setALPN(list) { const r = native.ctxSetALPN(SecureContext.#of(this), list); return r ? makeError(r) : null; }
}

// Flags of a pump result (tls_wrap.py _pump).
const kHandshakeDone = 1;
const kCloseNotify = 2;

class TLSWrap extends AsyncWrap {
  constructor(parent, context, isServer) {
    super(Providers.TLSWRAP);
    this._parent = parent;
    this._context = context;
    this.isServer = isServer;
    this.reading = false;
    this.onread = null;
    this._conn = null;
    this._servername = null;
    this._session = null;
    this._requestCert = !isServer;
    this._rejectUnauthorized = false;
    this._established = false;
    this._started = false;
    this._pendingPlain = [];
    this._pendingEOF = false;
    this._pendingWrites = [];
    this._pendingShutdown = null;
    this._eof = false;
    this._closed = false;
    this._error = null;
    this._sniHandler = null;
    this._hello = null;
    this._sniWaiting = false;
    this._deferred = null;
    this._queued = 0;
    this._bytesRead = 0;
    this._bytesWritten = 0;
    this._inflight = false;
    this._outQueue = [];
    this._shutdownAfterWrites = null;
    if (parent) {
      parent.onread = (nread, buf) => this._onCipherRead(nread, buf);
      shareClose(parent);
    }
  }

  _ensure() {
    if (this._conn === null) {
      this._conn = native.connNew(this._context.native, this.isServer, this._servername,
                                  this._requestCert, this._rejectUnauthorized, this._session);
      if (this._maxSendFragment) native.connSetMaxSendFragment(this._conn, this._maxSendFragment);
      if (this._keylog) native.connEnableKeylog(this._conn);
    }
    return this._conn;
  }

  // -- configuration (before the handshake) --
  setVerifyMode(requestCert, rejectUnauthorized) {
    this._requestCert = requestCert;
    this._rejectUnauthorized = rejectUnauthorized;
  }
  setServername(name) { this._servername = name; }
  enableKeylogCallback() {
    this._keylog = true;
    if (this._conn !== null) native.connEnableKeylog(this._conn);
  }
  setMaxSendFragment(size) {
    if (size < 512 || size > 16384) return 0;
    this._maxSendFragment = size;
    return this._conn === null ? 1 : native.connSetMaxSendFragment(this._conn, size);
  }
  setSession(buf) { this._session = buf; }
  setSNIHandler(fn) { this._sniHandler = fn; }

  start() {
    if (this._started) return;
    this._started = true;
    this._handle(native.connReceive(this._ensure(), null));
  }

  // -- ciphertext in --
  _onCipherRead(nread, buf) {
    if (this._closed) return;
    if (nread > 0) {
      this._started = true;
      const data = buf.byteLength === nread ? buf : buf.slice(0, nread);
      if ((this._sniHandler || this._alpnHandler) && this._conn === null) {
        this._holdForSNI(new Uint8Array(data));
        return;
      }
      this._handle(native.connReceive(this._ensure(), data));
      return;
    }
    if (nread === uv.UV_EOF) {
      // A transport EOF without close_notify is still the end of the stream
      // for Node (it is not an SSL error).
      this._eof = true;
      this._emitRead(uv.UV_EOF);
      return;
    }
    if (nread < 0) this._emitRead(nread);
  }

  // A server with an SNI callback reads the name from the ClientHello
  // first and lets the (possibly asynchronous) callback pick the context
  // before OpenSSL sees a byte.
  _holdForSNI(chunk) {
    if (this._hello === null) {
      this._hello = chunk;
    } else {
      const joined = new Uint8Array(this._hello.length + chunk.length);
      joined.set(this._hello);
      joined.set(chunk, this._hello.length);
      this._hello = joined;
    }
    if (this._sniWaiting) return;
    const hello = parseClientHello(this._hello);
    if (hello === undefined) return; // incomplete
    this._sniWaiting = true;
    const go = (context) => {
      if (this._closed) return;
      if (context) this._context = context;
      const data = this._hello;
      this._hello = null;
      this._sniHandler = null;
      this._sniWaiting = false;
      const alpn = this._alpnHandler;
      this._alpnHandler = null;
      const conn = this._ensure();
      if (alpn && hello && hello.alpn.length) {
        native.connSetALPNChoice(conn, alpn(hello.servername || false, hello.alpn) ?? null);
      }
      this._handle(native.connReceive(conn, data.buffer));
    };
    if (!hello || hello.servername === null || !this._sniHandler) go(null);
    else this._sniHandler(hello.servername, go);
  }

  setALPNHandler(fn) { this._alpnHandler = fn; }

  _handle(result) {
    const [out, plain, flags, error, sessions, keylog] = result;
    if (keylog && typeof this.onkeylog === 'function') {
      for (const line of keylog) this.onkeylog(globalThis.Buffer.from(line));
    }
    if (error) {
      // The alert goes out first: the peer learns why.
      if (out) this._sendCipher(out, null);
      this._error = error;
      if (typeof this.onerror === 'function') this.onerror(makeError(error));
      return;
    }
    if (flags & kHandshakeDone) {
      this._established = true;
      // As Node, the owner judges the peer before our last handshake flight
      // leaves: a client that rejects the certificate never sends Finished.
      // What the callbacks write waits behind that flight.
      this._deferred = [];
      try {
        if (typeof this.onhandshakedone === 'function') this.onhandshakedone();
      } finally {
        const deferred = this._deferred;
        this._deferred = null;
        if (out) this._sendCipher(out, null);
        for (const [data, done] of deferred) {
          if (data === null) done();
          else this._sendCipher(data, done && ((status) => done(status, true)));
        }
      }
      this._emitSessions(sessions);
      this._flushWrites();
      if (!this.reading && this._parent.readStop && !this._closed) this._parent.readStop();
    } else {
      if (out) this._sendCipher(out, null);
      this._emitSessions(sessions);
    }
    if (plain) {
      for (const chunk of plain) {
        if (this._closed) break;
        this._bytesRead += chunk.byteLength;
        this._emitRead(chunk.byteLength, chunk);
      }
    }
    if (flags & kCloseNotify) this._emitRead(uv.UV_EOF);
  }

  _emitSessions(sessions) {
    if (!sessions || this.isServer || typeof this.onnewsession !== 'function') return;
    for (const sess of sessions) this.onnewsession(globalThis.Buffer.from(sess));
  }

  _emitRead(nread, buf) {
    if (nread === uv.UV_EOF) {
      if (this._pendingEOF) return;
      this._pendingEOF = true;
    }
    if (!this.reading || this._pendingPlain.length) {
      this._pendingPlain.push([nread, buf]);
      return;
    }
    if (typeof this.onread === 'function') this.onread(nread, buf);
  }

  // -- ciphertext out --
  // One write at a time goes to the transport (a JS stream takes no more);
  // what comes meanwhile leaves as one write when it completes.
  _sendCipher(data, done) {
    if (this._deferred) {
      this._deferred.push([data, done]);
      streamBaseState[kLastWriteWasAsync] = 1;
      return;
    }
    const parent = this._parent;
    if (this._closed || typeof parent.writeBuffer !== 'function') {
      if (done) done(uv.UV_EPIPE, false);
      return;
    }
    if (this._inflight) {
      this._outQueue.push([data, done]);
      this._queued += data.byteLength;
      streamBaseState[kLastWriteWasAsync] = 1;
      return;
    }
    this._writeOut(new Uint8Array(data), done ? [done] : [], false);
  }

  _writeOut(bytes, dones, queued) {
    const parent = this._parent;
    const req = new WriteWrap();
    req.handle = parent;
    const size = bytes.byteLength;
    req.oncomplete = (status) => {
      this._queued -= size;
      this._inflight = false;
      this._flushOut();
      for (const d of dones) d(status, true);
      if (!this._inflight && this._shutdownAfterWrites) {
        const shutdownReq = this._shutdownAfterWrites;
        this._shutdownAfterWrites = null;
        const err = this._shutdownParent(shutdownReq);
        if (err) shutdownReq.oncomplete(err);
      }
    };
    const err = parent.writeBuffer(req, bytes);
    if (err) {
      for (const d of dones) d(err, queued);
      return;
    }
    if (!streamBaseState[kLastWriteWasAsync]) {
      for (const d of dones) d(0, queued);
    } else {
      this._inflight = true;
      this._queued += size;
    }
  }

  _flushOut() {
    if (!this._outQueue.length || this._closed) return;
    const items = this._outQueue;
    this._outQueue = [];
    let total = 0;
    for (const [d] of items) total += d.byteLength;
    this._queued -= total;
    const bytes = new Uint8Array(total);
    let off = 0;
    for (const [d] of items) {
      bytes.set(new Uint8Array(d.buffer || d, d.byteOffset || 0, d.byteLength), off);
      off += d.byteLength;
    }
    this._writeOut(bytes, items.map(([, done]) => done).filter(Boolean), true);
    streamBaseState[kLastWriteWasAsync] = 1;
  }

  // -- the handle contract, seen from net.Socket --
  readStart() {
    this.reading = true;
    // On the next tick, as a socket's own held-back bytes are re-delivered:
    // they go first.
    if (this._pendingPlain.length && !this._flushScheduled) {
      this._flushScheduled = true;
      process.nextTick(() => {
        this._flushScheduled = false;
        while (this.reading && this._pendingPlain.length) {
          const [n, b] = this._pendingPlain.shift();
          if (typeof this.onread === 'function') this.onread(n, b);
        }
      });
    }
    if (this._parent.readStart && !this._eof) return this._parent.readStart();
    return 0;
  }

  readStop() {
    this.reading = false;
    if (this._established && this._parent.readStop) return this._parent.readStop();
    return 0;
  }

  _encrypt(req, bufs) {
    let bytes = 0;
    for (const b of bufs) bytes += b.length;
    this._bytesWritten += bytes;
    req.bytes = bytes;
    if (!this._established || this._pendingWrites.length) {
      this._pendingWrites.push([req, bufs]);
      // As SSL_write, a client's first write starts the handshake.
      if (!this.isServer && !this._started && !this._closed) this.start();
      streamBaseState[kBytesWritten] = bytes;
      streamBaseState[kLastWriteWasAsync] = 1;
      return 0;
    }
    return this._writeNow(req, bufs, bytes, false);
  }

  _writeNow(req, bufs, bytes, queued) {
    let data = bufs.length === 1 ? bufs[0] : globalThis.Buffer.concat(bufs);
    if (this._conn === null || this._closed) {
      if (queued) { req.oncomplete(uv.UV_EPIPE); return 0; }
      return uv.UV_EPIPE;
    }
    const [out, error] = native.connWrite(this._conn, data);
    let result = 0;
    let async = 0;
    if (out) {
      this._sendCipher(out, (status, wasAsync) => {
        if (wasAsync || queued) {
          if (typeof req.oncomplete === 'function') req.oncomplete(status);
        } else {
          result = status;
        }
      });
      async = streamBaseState[kLastWriteWasAsync];
    }
    streamBaseState[kBytesWritten] = bytes;
    streamBaseState[kLastWriteWasAsync] = queued ? 1 : async;
    if (queued && !out) req.oncomplete(0);
    if (error) {
      if (typeof this.onerror === 'function') this.onerror(makeError(error));
    }
    return result;
  }

  _flushWrites() {
    const pending = this._pendingWrites;
    this._pendingWrites = [];
    for (const [req, bufs] of pending) this._writeNow(req, bufs, req.bytes, true);
    if (this._pendingShutdown) {
      const req = this._pendingShutdown;
      this._pendingShutdown = null;
      this.shutdown(req);
    }
  }

  writeBuffer(req, data) {
    return this._encrypt(req, [globalThis.Buffer.from(data.buffer, data.byteOffset, data.byteLength)]);
  }

  writev(req, chunks, allBuffers) {
    const bufs = writevBuffers(chunks, allBuffers);
    return this._encrypt(req, bufs);
  }

  writeUtf8String(req, s) { return this._encrypt(req, [globalThis.Buffer.from(s, 'utf8')]); }
  writeAsciiString(req, s) { return this._encrypt(req, [globalThis.Buffer.from(s, 'ascii')]); }
  writeLatin1String(req, s) { return this._encrypt(req, [globalThis.Buffer.from(s, 'latin1')]); }
  writeUcs2String(req, s) { return this._encrypt(req, [globalThis.Buffer.from(s, 'ucs2')]); }

  shutdown(req) {
    req.handle = this;
    if (!this._established && this._pendingWrites.length) {
      this._pendingShutdown = req;
      return 0;
    }
    if (this._conn !== null) {
      const out = native.connShutdown(this._conn);
      if (out) this._sendCipher(out, null);
    }
    if (this._deferred) {
      this._deferred.push([null, () => {
        const err = this._shutdownParent(req);
        if (err) req.oncomplete(err);
      }]);
      return 0;
    }
    return this._shutdownParent(req);
  }

  _shutdownParent(req) {
    // After the ciphertext still waiting for the transport (close_notify).
    if (this._inflight || this._outQueue.length) {
      this._shutdownAfterWrites = req;
      return 0;
    }
    const parent = this._parent;
    if (typeof parent.shutdown !== 'function' || this._closed) {
      setImmediate(() => req.oncomplete(0));
      return 0;
    }
    const inner = new ShutdownWrap();
    inner.handle = parent;
    inner.oncomplete = (status) => req.oncomplete(status);
    return parent.shutdown(inner);
  }

  close(cb) {
    if (this._closed) return;
    this._closed = true;
    this.emitDestroy();
    const parent = this._parent;
    // Whatever was queued before the handshake finished cannot be sent now.
    const pending = this._pendingWrites;
    this._pendingWrites = [];
    if (pending.length) {
      setImmediate(() => {
        for (const [req] of pending) if (typeof req.oncomplete === 'function') req.oncomplete(uv.UV_ECANCELED);
      });
    }
    // The socket that owned the transport handle ends with it.
    if (typeof this.onparentclose === 'function') this.onparentclose();
    if (typeof parent.close === 'function') parent.close(cb);
    else if (typeof cb === 'function') setImmediate(cb);
  }

  // -- what TLSSocket asks after the handshake --
  _info() {
    if (this._conn === null || !this._established) return null;
    this._infoCache ??= native.connInfo(this._conn);
    return this._infoCache;
  }
  verifyError() {
    const info = this._info();
    if (!info || !info.verifyError) return null;
    const err = new Error(info.verifyError.message);
    err.code = info.verifyError.code;
    return err;
  }
  getProtocol() { const i = this._info(); return i ? i.protocol : null; }
  getCipher() { const i = this._info(); return i && i.cipher ? { ...i.cipher } : null; }
  getALPNNegotiatedProtocol() { const i = this._info(); return i ? i.alpn : false; }
  getServername() {
    if (this._established) { const i = this._info(); return i ? i.servername : false; }
    return this.isServer ? false : (this._servername || false);
  }
  isSessionReused() { const i = this._info(); return i ? i.reused : false; }
  getSession() {
    if (this._conn === null) return undefined;
    const s = native.connSession(this._conn);
    return s ? globalThis.Buffer.from(s) : undefined;
  }
  getTLSTicket() {
    if (this._conn === null) return undefined;
    const t = native.connTicket(this._conn);
    return t ? globalThis.Buffer.from(t) : undefined;
  }
  getFinished() {
    if (this._conn === null) return undefined;
    const s = native.connFinished(this._conn, false);
    return s ? globalThis.Buffer.from(s) : undefined;
  }
  getPeerFinished() {
    if (this._conn === null) return undefined;
    const s = native.connFinished(this._conn, true);
    return s ? globalThis.Buffer.from(s) : undefined;
  }
  getPeerCertificate(detailed) {
    if (this._conn === null) return null;
    const chain = native.connPeerChain(this._conn);
    return certChain(chain, detailed, this._context);
  }
  getPeerX509Certificate() { return undefined; }
  getX509Certificate() { return undefined; }

  // -- the transport's own methods --
  getpeername(out) { return this._parent.getpeername ? this._parent.getpeername(out) : uv.UV_EBADF; }
  getsockname(out) { return this._parent.getsockname ? this._parent.getsockname(out) : uv.UV_EBADF; }
  setNoDelay(v) { return this._parent.setNoDelay ? this._parent.setNoDelay(v) : 0; }
  setKeepAlive(v, d) { return this._parent.setKeepAlive ? this._parent.setKeepAlive(v, d) : 0; }
  connect(...args) { return this._parent.connect(...args); }
  connect6(...args) { return this._parent.connect6(...args); }
  bind(...args) { return this._parent.bind(...args); }
  bind6(...args) { return this._parent.bind6(...args); }
  open(fd) { return this._parent.open(fd); }
  ref() { if (this._parent.ref) this._parent.ref(); }
  unref() { if (this._parent.unref) this._parent.unref(); }
  hasRef() { return this._parent.hasRef ? this._parent.hasRef() : false; }
  useUserBuffer() {}
  // Plaintext counts, as for any stream handle.
  get bytesRead() { return this._bytesRead; }
  get bytesWritten() { return this._bytesWritten; }
  get fd() { return this._parent.fd; }
  // Ciphertext the transport has not taken yet.
  get writeQueueSize() { return this._queued; }
}

// The transport handle is closed by whichever of its two owners (the
// wrapped net.Socket, this TLSWrap) goes first; each close callback runs
// once it is closed.
function shareClose(handle) {
  const close = handle.close;
  if (typeof close !== 'function' || handle[kSharedClose]) return;
  handle[kSharedClose] = true;
  const waiting = [];
  let state = 0; // 0 open, 1 closing, 2 closed
  const done = () => {
    state = 2;
    for (const cb of waiting.splice(0)) cb();
  };
  handle.close = function(cb) {
    if (typeof cb === 'function') waiting.push(cb);
    if (state === 2) setImmediate(done);
    if (state !== 0) return;
    state = 1;
    close.call(this, done);
  };
}
const kSharedClose = Symbol('kSharedClose');

// What a server needs from a ClientHello before the handshake:
// { servername (string or null), alpn (the offered protocols) }, null when
// the bytes are no ClientHello, undefined while more bytes are needed.
function parseClientHello(data) {
  // Gather the handshake message from its records.
  const msg = [];
  let pos = 0;
  let need = -1;
  while (true) {
    if (pos + 5 > data.length) return undefined;
    if (data[pos] !== 22) return null;
    const len = (data[pos + 3] << 8) | data[pos + 4];
    if (pos + 5 + len > data.length) return undefined;
    for (let i = 0; i < len; i++) msg.push(data[pos + 5 + i]);
    pos += 5 + len;
    if (need < 0 && msg.length >= 4) {
      if (msg[0] !== 1) return null;
      need = 4 + ((msg[1] << 16) | (msg[2] << 8) | msg[3]);
    }
    if (need >= 0 && msg.length >= need) break;
  }
  let p = 4 + 2 + 32;
  const u16 = (i) => (msg[i] << 8) | msg[i + 1];
  const text = (from, n) => {
    let t = '';
    for (let i = 0; i < n; i++) t += String.fromCharCode(msg[from + i]);
    return t;
  };
  const out = { servername: null, alpn: [] };
  p += 1 + msg[p];
  p += 2 + u16(p);
  p += 1 + msg[p];
  if (p + 2 > need) return out;
  const end = p + 2 + u16(p);
  p += 2;
  while (p + 4 <= end) {
    const type = u16(p);
    const len = u16(p + 2);
    const body = p + 4;
    if (type === 0) { // server_name
      for (let q = body + 2; q + 3 <= body + len; q += 3 + u16(q + 1)) {
        if (msg[q] === 0) {
          out.servername = text(q + 3, u16(q + 1));
          break;
        }
      }
    } else if (type === 16) { // application_layer_protocol_negotiation
      for (let q = body + 2; q < body + len; q += 1 + msg[q]) out.alpn.push(text(q + 1, msg[q]));
    }
    p = body + len;
  }
  return out;
}

function nullProtoObject(pairs) {
  const o = { __proto__: null };
  for (const [k, v] of pairs) {
    if (k in o) {
      if (Array.isArray(o[k])) o[k].push(v);
      else o[k] = [o[k], v];
    } else {
      o[k] = v;
    }
  }
  return o;
}

function certObject(der) {
  const c = native.certParse(der);
  if (!c) return null;
  c.subject = nullProtoObject(c.subject);
  c.issuer = nullProtoObject(c.issuer);
  // As OpenSSL prints it; translatePeerCertificate makes the object.
  if (c.infoAccess) c.infoAccess = c.infoAccess.map(([k, v]) => `${k}:${v}\n`).join('');
  if (c.pubkey) c.pubkey = globalThis.Buffer.from(c.pubkey);
  c.raw = globalThis.Buffer.from(c.raw);
  return c;
}

function sameName(a, b) {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => String(a[k]) === String(b[k]));
}

function certChain(chain, detailed, context) {
  if (!chain || chain.length === 0) return null;
  const certs = chain.map(certObject);
  if (!detailed) {
    delete certs[0].issuerCertificate;
    return certs[0];
  }
  // Past what the peer sent, the issuers come from our trusted certificates.
  const trusted = context && context.caCerts ? context.caCerts() : [];
  for (let last = certs[certs.length - 1]; !sameName(last.subject, last.issuer);) {
    const issuer = trusted.find((t) => sameName(t.subject, last.issuer) &&
                                       !certs.some((c) => c.fingerprint256 === t.fingerprint256));
    if (!issuer) break;
    certs.push({ ...issuer });
    last = certs[certs.length - 1];
  }
  for (let i = 0; i < certs.length; i++) {
    const c = certs[i];
    if (i + 1 < certs.length) c.issuerCertificate = certs[i + 1];
    else if (sameName(c.subject, c.issuer)) c.issuerCertificate = c;
  }
  return certs[0];
}

function wrap(parent, context, isServer) {
  return new TLSWrap(parent, context, isServer);
}

return {
  TLSWrap,
  SecureContext,
  wrap,
  certObject,
  available: native.available,
  pemToDer: native.pemToDer,
  rootCertificates: native.rootCertificates,
  getCiphers: native.getCiphers,
  pkcs12ToPem: native.pkcs12ToPem,
};
