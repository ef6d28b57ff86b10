// node:_tls_wrap: TLSSocket, tls.Server and tls.connect.  A TLSSocket is a
// net.Socket whose handle is a TLSWrap (internalBinding('tls_wrap')) over
// the transport: a TCP/Pipe handle it opens itself, the handle of a
// connected net.Socket, or a JSStreamSocket over any other Duplex.
'use strict';

const net = require('net');
const EventEmitter = require('events');
const common = require('_tls_common');
const JSStreamSocket = require('internal/js_stream_socket');
const { owner_symbol } = require('internal/async_hooks').symbols;
const { kReinitializeHandle } = require('internal/net');
const {
  ConnResetException,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_MULTIPLE_CALLBACK,
    ERR_SOCKET_CLOSED,
    ERR_TLS_ALPN_CALLBACK_INVALID_RESULT,
    ERR_TLS_ALPN_CALLBACK_WITH_PROTOCOLS,
    ERR_TLS_DH_PARAM_SIZE,
    ERR_TLS_HANDSHAKE_TIMEOUT,
    ERR_TLS_INVALID_CONTEXT,
    ERR_TLS_RENEGOTIATION_DISABLED,
    ERR_TLS_REQUIRED_SERVER_NAME,
    ERR_TLS_SESSION_ATTACK,
    ERR_TLS_SNI_FROM_SERVER,
    ERR_TLS_INVALID_STATE,
  },
} = require('internal/errors');
const {
  validateBuffer,
  validateFunction,
  validateInt32,
  validateNumber,
  validateObject,
  validateString,
  validateUint32,
} = require('internal/validators');
const { isArrayBufferView } = require('internal/util/types');
const { TCP, constants: TCPConstants } = internalBinding('tcp_wrap');
const { Pipe, constants: PipeConstants } = internalBinding('pipe_wrap');
const tlsBinding = internalBinding('tls_wrap');

const kConnectOptions = Symbol('connect-options');
const kDisableRenegotiation = Symbol('disable-renegotiation');
const kErrorEmitted = Symbol('error-emitted');
const kHandshakeTimeout = Symbol('handshake-timeout');
const kRes = Symbol('res');
const kSNICallback = Symbol('snicallback');
const kALPNCallback = Symbol('alpncallback');
const kEnableTrace = Symbol('enableTrace');
const kPskCallback = Symbol('pskcallback');
const kPskIdentityHint = Symbol('pskidentityhint');
const kPendingSession = Symbol('pendingSession');
const kIsVerified = Symbol('verified');
const kListening = Symbol('listening');

let ipServernameWarned = false;

function tls() { return require('tls'); }

function alpnList(wire) {
  const list = [];
  for (let i = 0; i < wire.length;) {
    const n = wire[i];
    list.push(wire.toString('latin1', i + 1, i + 1 + n));
    i += 1 + n;
  }
  return list;
}

// -- callbacks the TLSWrap calls (this = the wrap) --

function onhandshakedone() {
  const owner = this[owner_symbol];
  if (owner) owner._finishInit();
}

function onnewsessionclient(session) {
  const owner = this[owner_symbol];
  if (!owner) return;
  if (owner[kIsVerified]) owner.emit('session', session);
  else owner[kPendingSession] = session;
}

function onerror(err) {
  const owner = this[owner_symbol];
  if (!owner || owner._hadError) return;
  owner._hadError = true;
  if (!owner._secureEstablished) {
    // The socket must still be usable by 'tlsClientError' listeners.
    owner._closeAfterHandlingError = true;
    owner.destroy(err);
  } else if (owner._tlsOptions?.isServer && owner._rejectUnauthorized &&
             /peer did not return a certificate/.test(err.message)) {
    owner.destroy();
  } else {
    owner._emitTLSError(err);
  }
}

// The server's SNI callback answers with a SecureContext (or nothing, for
// the default one) before the handshake goes on.
function loadSNI(owner) {
  return (servername, go) => {
    let once = false;
    owner.servername = servername;
    owner._SNICallback(servername, (err, context) => {
      if (once) return owner.destroy(new ERR_MULTIPLE_CALLBACK());
      once = true;
      if (err) return owner.destroy(err);
      if (owner._handle === null) return owner.destroy(new ERR_SOCKET_CLOSED());
      let native = null;
      if (context) {
        const inner = context.context || context;
        if (!(inner instanceof tlsBinding.SecureContext)) {
          owner.destroy(new Error('Invalid SNI context'));
          return;
        }
        native = inner;
      }
      owner.servername = servername;
      go(native);
    });
  };
}

function onSocketCloseDestroySSL() {
  setImmediate(() => this._destroySSL());
  this[kRes] = null;
}

// -- TLSSocket --

function TLSSocket(socket, opts) {
  const tlsOptions = { ...opts };
  if (tlsOptions.ALPNProtocols) tls().convertALPNProtocols(tlsOptions.ALPNProtocols, tlsOptions);
  this._tlsOptions = tlsOptions;
  this._secureEstablished = false;
  this._securePending = false;
  this._newSessionPending = false;
  this._controlReleased = false;
  this.secureConnecting = true;
  this._SNICallback = null;
  this.servername = null;
  this.alpnProtocol = null;
  this.authorized = false;
  this.authorizationError = null;
  this[kRes] = null;
  this[kIsVerified] = false;
  this[kPendingSession] = null;

  let wrap;
  if ((socket instanceof net.Socket && socket._handle) || !socket) {
    wrap = socket;
  } else {
    wrap = new JSStreamSocket(socket);
  }

  net.Socket.call(this, {
    handle: this._wrapHandle(wrap),
    allowHalfOpen: socket ? socket.allowHalfOpen : tlsOptions.allowHalfOpen,
    pauseOnCreate: tlsOptions.pauseOnConnect,
    manualStart: true,
    highWaterMark: tlsOptions.highWaterMark,
    onread: !socket ? tlsOptions.onread : null,
    signal: tlsOptions.signal,
  });

  this.ssl = this._handle;
  this.on('error', this._tlsError);
  this._init(socket, wrap);
  process.nextTick(initRead, this, socket);
}
Object.setPrototypeOf(TLSSocket.prototype, net.Socket.prototype);
Object.setPrototypeOf(TLSSocket, net.Socket);

function initRead(tlsSocket, socket) {
  if (!tlsSocket._handle) return;
  // Bytes the transport had read before we took it over.
  if (socket?.readableLength) {
    let buf;
    while ((buf = socket.read()) !== null) tlsSocket._handle._onCipherRead(buf.length, buf);
  }
  tlsSocket.read(0);
}

TLSSocket.prototype._wrapHandle = function(wrap, handle) {
  const options = this._tlsOptions;
  if (!handle) handle = options.pipe ? new Pipe(PipeConstants.SOCKET) : new TCP(TCPConstants.SOCKET);
  if (!wrap) handle[owner_symbol] = this;
  if (wrap) handle = wrap._handle;

  const context = options.secureContext || options.credentials || common.createSecureContext(options);
  if (!context.context) throw new ERR_TLS_INVALID_CONTEXT('context');
  if (options.ALPNProtocols) {
    const err = context.context.setALPN(alpnList(options.ALPNProtocols));
    if (err) throw err;
  }
  const res = tlsBinding.wrap(handle, context.context, !!options.isServer);
  res._parent = handle;
  res._parentWrap = wrap;
  res._secureContext = context;
  this[kRes] = res;
  return res;
};

TLSSocket.prototype[kReinitializeHandle] = function reinitializeHandle(handle) {
  const servername = this._handle ? this._handle._servername : null;
  const session = this._handle ? this._handle._session : null;
  const wrapped = this._wrapHandle(null, handle);
  // net closes the handle in place and installs this one.
  net.Socket.prototype[kReinitializeHandle].call(this, wrapped);
  this.ssl = this._handle;
  this._init(null, null);
  if (servername) this._handle.setServername(servername);
  if (session) this._handle.setSession(session);
};

TLSSocket.prototype._init = function(socket, wrap) {
  const options = this._tlsOptions;
  const ssl = this._handle;
  this.server = options.server;

  // Clients always verify the server; servers only when asked.
  const requestCert = !!options.requestCert || !options.isServer;
  const rejectUnauthorized = !!options.rejectUnauthorized;
  this._requestCert = requestCert;
  this._rejectUnauthorized = rejectUnauthorized;
  if (requestCert || rejectUnauthorized) ssl.setVerifyMode(requestCert, rejectUnauthorized);

  if (options.isServer) {
    if (options.SNICallback && typeof options.SNICallback !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('options.SNICallback', 'function', options.SNICallback);
    }
    ssl.onhandshakedone = onhandshakedone;
    ssl.lastHandshakeTime = 0;
    ssl.handshakes = 0;
    this._SNICallback = options.SNICallback;
    if (options.ALPNCallback) {
      const callback = options.ALPNCallback;
      ssl.setALPNHandler((servername, protocols) => {
        const chosen = callback.call(this, { servername, protocols });
        // undefined: none of the client's protocols (a fatal alert).
        if (chosen === undefined) return undefined;
        if (!protocols.includes(chosen)) {
          // Uncaught, as from inside the handshake; the connection is reset.
          const err = new ERR_TLS_ALPN_CALLBACK_INVALID_RESULT(chosen, protocols);
          this.destroy();
          throw err;
        }
        return chosen;
      });
    }
    if (options.SNICallback &&
        (options.SNICallback !== SNICallback || this.server?._contexts.length)) {
      ssl.setSNIHandler(loadSNI(this));
    }
  } else {
    ssl.onhandshakedone = () => this._finishInit();
    if (options.session) ssl.setSession(options.session);
    ssl.onnewsession = onnewsessionclient;
  }
  ssl.onerror = onerror;
  if (options.isServer) {
    ssl.onkeylog = (line) => {
      if (this.server) this.server.emit('keylog', line, this);
    };
    if (this.server?.listenerCount('keylog') > 0) ssl.enableKeylogCallback();
  } else {
    ssl.onkeylog = (line) => this.emit('keylog', line);
    if (this.listenerCount('keylog') > 0) ssl.enableKeylogCallback();
  }
  // Listeners on the socket itself: once, though a handle may be replaced.
  if (!this[kListening]) {
    this[kListening] = true;
    // After 'close', .ssl is gone (a tick later, as Node frees it).
    this.on('close', onSocketCloseDestroySSL);
    if (!options.isServer) {
      const onNewListener = (event) => {
        if (event !== 'keylog') return;
        this._handle?.enableKeylogCallback?.();
        this.removeListener('newListener', onNewListener);
      };
      this.on('newListener', onNewListener);
    }
  }

  if (options.handshakeTimeout > 0) this.setTimeout(options.handshakeTimeout, this._handleTimeout);

  if (socket instanceof net.Socket) {
    this._parent = socket;
    this.connecting = socket.connecting || !socket._handle;
    socket.once('connect', () => {
      this.connecting = false;
      this.emit('connect');
    });
    // The transport's handle closes with ours: the socket that owned it
    // ends too (a server counts its connections by those).
    ssl.onparentclose = () => {
      if (socket.destroyed) return;
      if (socket._handle === ssl._parent) socket._handle = null;
      socket.destroy();
    };
    // And the other way: the transport's end is ours.
    socket.once('close', () => {
      if (!this.destroyed) this.destroy();
    });
  }

  if (wrap) {
    wrap.on('error', (err) => this._emitTLSError(err));
  } else if (!socket) {
    this.connecting = true;
  }
};

TLSSocket.prototype.renegotiate = function(options, callback) {
  validateObject(options, 'options');
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (this.destroyed) return;
  const err = this[kDisableRenegotiation] ?
    new ERR_TLS_RENEGOTIATION_DISABLED() :
    Object.assign(new Error('error:0A00019A:SSL routines::no renegotiation'),
                  { code: 'ERR_SSL_NO_RENEGOTIATION', library: 'SSL routines', reason: 'no renegotiation' });
  if (callback) process.nextTick(callback, err);
  return false;
};

TLSSocket.prototype.disableRenegotiation = function() {
  this[kDisableRenegotiation] = true;
};

TLSSocket.prototype.exportKeyingMaterial = function(length, label, context) {
  validateUint32(length, 'length', true);
  validateString(label, 'label');
  if (context !== undefined) validateBuffer(context, 'context');
  if (!this._secureEstablished) throw new ERR_TLS_INVALID_STATE();
  const err = new Error('exportKeyingMaterial is not supported by nodeshim');
  err.code = 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM';
  throw err;
};

TLSSocket.prototype.setMaxSendFragment = function(size) {
  validateInt32(size, 'size');
  return this._handle.setMaxSendFragment(size) === 1;
};

TLSSocket.prototype._handleTimeout = function() {
  this._emitTLSError(new ERR_TLS_HANDSHAKE_TIMEOUT());
};

TLSSocket.prototype._emitTLSError = function(err) {
  const e = this._tlsError(err);
  if (e) this.emit('error', e);
};

TLSSocket.prototype._tlsError = function(err) {
  this.emit('_tlsError', err);
  if (this._controlReleased) return err;
  return null;
};

TLSSocket.prototype._releaseControl = function() {
  if (this._controlReleased) return false;
  this._controlReleased = true;
  this.removeListener('error', this._tlsError);
  return true;
};

TLSSocket.prototype._finishInit = function() {
  if (!this._handle) return;
  this.alpnProtocol = this._handle.getALPNNegotiatedProtocol();
  if (this.servername === null) this.servername = this._handle.getServername();
  this._secureEstablished = true;
  if (this._tlsOptions.handshakeTimeout > 0) this.setTimeout(0, this._handleTimeout);
  this.emit('secure');
};

TLSSocket.prototype._start = function() {
  if (this.connecting) {
    this.once('connect', this._start);
    return;
  }
  if (!this._handle) return;
  this._handle.start();
};

TLSSocket.prototype.setServername = function(name) {
  validateString(name, 'name');
  if (this._tlsOptions.isServer) throw new ERR_TLS_SNI_FROM_SERVER();
  this._handle.setServername(name);
};

TLSSocket.prototype.setSession = function(session) {
  if (typeof session === 'string') session = Buffer.from(session, 'latin1');
  this._handle.setSession(session);
};

TLSSocket.prototype.getPeerCertificate = function(detailed) {
  if (this._handle) {
    return common.translatePeerCertificate(this._handle.getPeerCertificate(detailed)) || {};
  }
  return null;
};

TLSSocket.prototype.getCertificate = function() {
  if (!this._handle) return null;
  const ctx = this._handle._secureContext?.context;
  if (!ctx || !ctx.certPem) return {};
  const der = tlsBinding.pemToDer(ctx.certPem);
  return (der.length && tlsBinding.certObject(der[0])) || {};
};

TLSSocket.prototype.getPeerX509Certificate = function() {
  const c = this._handle?.getPeerCertificate(false);
  if (!c) return undefined;
  const { X509Certificate } = require('crypto');
  return new X509Certificate(c.raw);
};

TLSSocket.prototype.getX509Certificate = function() {
  const c = this.getCertificate();
  if (!c || !c.raw) return undefined;
  const { X509Certificate } = require('crypto');
  return new X509Certificate(c.raw);
};

// Getters that need the handshake to have happened.
for (const method of ['getCipher', 'getSharedSigalgs', 'getEphemeralKeyInfo', 'getFinished',
                      'getPeerFinished', 'getProtocol', 'getSession', 'getTLSTicket',
                      'isSessionReused']) {
  TLSSocket.prototype[method] = function() {
    if (!this._handle) return null;
    switch (method) {
      case 'getSharedSigalgs': return [];
      case 'getEphemeralKeyInfo': return this._tlsOptions.isServer ? null : {};
      case 'getProtocol': return this._handle.getProtocol();
      default: return this._handle[method]();
    }
  };
}

TLSSocket.prototype.enableTrace = function() {};

TLSSocket.prototype._destroySSL = function _destroySSL() {
  if (!this.ssl) return;
  this.ssl = null;
  this[kRes] = null;
};

// Every TLSSocket is encrypted; net.Socket has no such property.
TLSSocket.prototype.encrypted = true;

TLSSocket.prototype.setKeyCert = function(context) {
  if (!(context instanceof common.SecureContext)) context = common.createSecureContext(context);
  this._handle._context = context.context;
};

// -- tls.Server --

function onServerSocketSecure() {
  if (this._requestCert) {
    const verifyError = this._handle.verifyError();
    if (verifyError) {
      this.authorizationError = verifyError.code;
      if (this._rejectUnauthorized) this.destroy();
    } else {
      this.authorized = true;
    }
  }
  if (!this.destroyed && this._releaseControl()) {
    this._tlsOptions.server.emit('secureConnection', this);
  }
}

function onSocketTLSError(err) {
  if (!this._controlReleased && !this[kErrorEmitted]) {
    this[kErrorEmitted] = true;
    this._tlsOptions.server.emit('tlsClientError', err, this);
  }
}

function onSocketClose(err) {
  if (err) return;
  if (!this._controlReleased && !this[kErrorEmitted]) {
    this[kErrorEmitted] = true;
    this._tlsOptions.server.emit('tlsClientError', new ConnResetException('socket hang up'), this);
  }
}

function tlsConnectionListener(rawSocket) {
  const socket = new TLSSocket(rawSocket, {
    secureContext: this._sharedCreds,
    isServer: true,
    server: this,
    requestCert: this.requestCert,
    rejectUnauthorized: this.rejectUnauthorized,
    handshakeTimeout: this[kHandshakeTimeout],
    ALPNProtocols: this.ALPNProtocols,
    ALPNCallback: this.ALPNCallback,
    SNICallback: this[kSNICallback] || SNICallback,
    enableTrace: this[kEnableTrace],
    pauseOnConnect: this.pauseOnConnect,
  });
  socket.on('secure', onServerSocketSecure);
  socket[kErrorEmitted] = false;
  socket.on('close', onSocketClose);
  socket.on('_tlsError', onSocketTLSError);
}

function SNICallback(servername, callback) {
  const contexts = this.server._contexts;
  for (let i = contexts.length - 1; i >= 0; i--) {
    if (contexts[i][0].test(servername)) {
      callback(null, contexts[i][1]);
      return;
    }
  }
  callback(null, undefined);
}

function Server(options, listener) {
  if (!(this instanceof Server)) return new Server(options, listener);
  if (typeof options === 'function') {
    listener = options;
    options = {};
  } else if (options == null || typeof options === 'object') {
    options ??= {};
  } else {
    throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }

  this._contexts = [];
  this.requestCert = options.requestCert === true;
  this.rejectUnauthorized = options.rejectUnauthorized !== false;
  this.ALPNCallback = options.ALPNCallback;
  if (this.ALPNCallback) {
    validateFunction(this.ALPNCallback, 'options.ALPNCallback');
    if (options.ALPNProtocols) throw new ERR_TLS_ALPN_CALLBACK_WITH_PROTOCOLS();
  }
  if (options.sessionTimeout) {
    validateInt32(options.sessionTimeout, 'options.sessionTimeout');
    this.sessionTimeout = options.sessionTimeout;
  }
  if (options.ticketKeys) {
    validateBuffer(options.ticketKeys, 'options.ticketKeys');
    if (options.ticketKeys.byteLength !== 48) {
      throw new ERR_INVALID_ARG_VALUE('options.ticketKeys', options.ticketKeys.byteLength,
                                      'must be exactly 48 bytes');
    }
    this.ticketKeys = options.ticketKeys;
  }
  if (options.ALPNProtocols) tls().convertALPNProtocols(options.ALPNProtocols, this);

  this.setSecureContext(options);

  this[kHandshakeTimeout] = options.handshakeTimeout || (120 * 1000);
  this[kSNICallback] = options.SNICallback;
  this[kPskCallback] = options.pskCallback;
  this[kPskIdentityHint] = options.pskIdentityHint;
  validateNumber(this[kHandshakeTimeout], 'options.handshakeTimeout');
  if (this[kSNICallback] && typeof this[kSNICallback] !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('options.SNICallback', 'Function', options.SNICallback);
  }
  if (this[kPskCallback]) validateFunction(this[kPskCallback], 'options.pskCallback');
  if (this[kPskIdentityHint]) validateString(this[kPskIdentityHint], 'options.pskIdentityHint');

  net.Server.call(this, options, tlsConnectionListener);
  if (listener) this.on('secureConnection', listener);
  this[kEnableTrace] = options.enableTrace;
}
Object.setPrototypeOf(Server.prototype, net.Server.prototype);
Object.setPrototypeOf(Server, net.Server);

const kContextOptions = ['pfx', 'key', 'passphrase', 'cert', 'clientCertEngine', 'ca', 'minVersion',
                         'maxVersion', 'secureProtocol', 'crl', 'sigalgs', 'ciphers', 'ecdhCurve',
                         'dhparam', 'honorCipherOrder', 'secureOptions', 'privateKeyIdentifier',
                         'privateKeyEngine'];

Server.prototype.setSecureContext = function(options) {
  validateObject(options, 'options');
  for (const name of kContextOptions) {
    if (options[name] !== undefined) this[name] = options[name];
    else if (name === 'ciphers' || name === 'ecdhCurve') this[name] = options[name];
  }
  // A server follows its own cipher order unless told otherwise.
  this.honorCipherOrder = options.honorCipherOrder !== undefined ? !!options.honorCipherOrder : true;
  if (options.sessionIdContext) {
    this.sessionIdContext = options.sessionIdContext;
  } else {
    this.sessionIdContext = 'nodeshim' + process.argv.join(' ').length.toString(16);
  }
  if (options.sessionTimeout) this.sessionTimeout = options.sessionTimeout;
  if (options.ticketKeys) this.ticketKeys = options.ticketKeys;
  const ctxOptions = {};
  for (const name of kContextOptions) ctxOptions[name] = this[name];
  ctxOptions.sessionIdContext = this.sessionIdContext;
  if (this.sessionTimeout !== undefined) ctxOptions.sessionTimeout = this.sessionTimeout;
  this._sharedCreds = common.createSecureContext(ctxOptions);
  if (this.ticketKeys) this._sharedCreds.context.setTicketKeys(this.ticketKeys);
};

let setOptionsWarned = false;
Server.prototype.setOptions = function setOptions(options) {
  if (!setOptionsWarned) {
    setOptionsWarned = true;
    process.emitWarning('Server.prototype.setOptions() is deprecated', 'DeprecationWarning', 'DEP0122');
  }
  this.requestCert = options.requestCert === true;
  this.rejectUnauthorized = options.rejectUnauthorized !== false;
  for (const name of kContextOptions) {
    if (options[name] !== undefined) this[name] = options[name];
  }
  if (options.clientCertEngine) this.clientCertEngine = options.clientCertEngine;
  if (options.sessionIdContext) this.sessionIdContext = options.sessionIdContext;
  if (options.ALPNProtocols) tls().convertALPNProtocols(options.ALPNProtocols, this);
};

Server.prototype._getServerData = function() {
  return { ticketKeys: this.getTicketKeys().toString('hex') };
};

Server.prototype._setServerData = function(data) {
  this.setTicketKeys(Buffer.from(data.ticketKeys, 'hex'));
};

Server.prototype.getTicketKeys = function() {
  return this._sharedCreds.context.getTicketKeys();
};

Server.prototype.setTicketKeys = function(keys) {
  validateBuffer(keys);
  if (keys.byteLength !== 48) throw new TypeError('Session ticket keys must be a 48-byte buffer');
  this._sharedCreds.context.setTicketKeys(keys);
};

Server.prototype.addContext = function(servername, context) {
  if (!servername) throw new ERR_TLS_REQUIRED_SERVER_NAME();
  const re = new RegExp('^' + servername.replace(/([.^$+?\-\\[\]{}])/g, '\\$1')
    .replace(/\*/g, '[^.]*') + '$');
  const secureContext = context instanceof common.SecureContext ? context : common.createSecureContext(context);
  this._contexts.push([re, secureContext]);
};

Server.prototype[EventEmitter.captureRejectionSymbol] = function(err, event, sock) {
  switch (event) {
    case 'secureConnection':
      sock.destroy(err);
      break;
    default:
      net.Server.prototype[EventEmitter.captureRejectionSymbol].call(this, err, event, sock);
  }
};

function createServer(options, listener) {
  return new Server(options, listener);
}

// -- tls.connect --

function normalizeConnectArgs(listArgs) {
  const args = net._normalizeArgs(listArgs);
  const options = args[0];
  const cb = args[1];
  if (listArgs[1] !== null && typeof listArgs[1] === 'object') {
    Object.assign(options, listArgs[1]);
  } else if (listArgs[2] !== null && typeof listArgs[2] === 'object') {
    Object.assign(options, listArgs[2]);
  }
  return cb ? [options, cb] : [options];
}

function onConnectSecure() {
  const options = this[kConnectOptions];
  let verifyError = this._handle.verifyError();
  if (!verifyError && !this.isSessionReused()) {
    const hostname = options.servername || options.host ||
      (options.socket && options.socket._host) || 'localhost';
    const cert = this.getPeerCertificate(true);
    verifyError = options.checkServerIdentity(hostname, cert);
  }
  if (verifyError) {
    this.authorized = false;
    this.authorizationError = verifyError.code || verifyError.message;
    if (options.rejectUnauthorized) {
      this.destroy(verifyError);
      return;
    }
    this.secureConnecting = false;
    this.emit('secureConnect');
  } else {
    this.authorized = true;
    this.secureConnecting = false;
    this.emit('secureConnect');
  }
  this[kIsVerified] = true;
  const session = this[kPendingSession];
  this[kPendingSession] = null;
  if (session) this.emit('session', session);
  this.removeListener('end', onConnectEnd);
}

function onConnectEnd() {
  if (!this._hadError) {
    const options = this[kConnectOptions];
    this._hadError = true;
    const error = new ConnResetException('Client network socket disconnected ' +
                                         'before secure TLS connection was established');
    error.path = options.path;
    error.host = options.host;
    error.port = options.port;
    error.localAddress = options.localAddress;
    this.destroy(error);
  }
}

function getAllowUnauthorized() {
  const allow = process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0';
  if (allow && !getAllowUnauthorized.warned) {
    getAllowUnauthorized.warned = true;
    process.emitWarning('Setting the NODE_TLS_REJECT_UNAUTHORIZED ' +
                        'environment variable to \'0\' makes TLS connections ' +
                        'and HTTPS requests insecure by disabling ' +
                        'certificate verification.');
  }
  return allow;
}

function connect(...args) {
  args = normalizeConnectArgs(args);
  let options = args[0];
  const cb = args[1];
  const allowUnauthorized = getAllowUnauthorized();

  options = {
    rejectUnauthorized: !allowUnauthorized,
    ciphers: tls().DEFAULT_CIPHERS,
    checkServerIdentity: tls().checkServerIdentity,
    minDHSize: 1024,
    ...options,
  };
  if (!options.keepAlive) options.singleUse = true;

  validateFunction(options.checkServerIdentity, 'options.checkServerIdentity');
  validateNumber(options.minDHSize, 'options.minDHSize', 1);

  const context = options.secureContext || common.createSecureContext(options);

  const tlssock = new TLSSocket(options.socket, {
    allowHalfOpen: options.allowHalfOpen,
    pipe: !!options.path,
    secureContext: context,
    isServer: false,
    requestCert: true,
    rejectUnauthorized: options.rejectUnauthorized !== false,
    session: options.session,
    ALPNProtocols: options.ALPNProtocols,
    requestOCSP: options.requestOCSP,
    enableTrace: options.enableTrace,
    pskCallback: options.pskCallback,
    highWaterMark: options.highWaterMark,
    onread: options.onread,
    signal: options.signal,
  });
  options.rejectUnauthorized = options.rejectUnauthorized !== false;

  tlssock[kConnectOptions] = options;
  if (cb) tlssock.once('secureConnect', cb);

  if (!options.socket) {
    if (options.timeout) tlssock.setTimeout(options.timeout);
    tlssock.connect(options, tlssock._start);
  }

  tlssock._releaseControl();

  if (options.session) tlssock.setSession(options.session);

  if (options.servername) {
    if (!ipServernameWarned && net.isIP(options.servername)) {
      process.emitWarning('Setting the TLS ServerName to an IP address is not permitted by ' +
                          'RFC 6066. This will be ignored in a future version.',
                          'DeprecationWarning', 'DEP0123');
      ipServernameWarned = true;
    }
    tlssock.setServername(options.servername);
  }

  if (options.socket) tlssock._start();

  tlssock.on('secure', onConnectSecure);
  tlssock.prependListener('end', onConnectEnd);
  return tlssock;
}

module.exports = {
  TLSSocket,
  Server,
  createServer,
  connect,
};
