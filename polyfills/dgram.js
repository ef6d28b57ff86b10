// node:dgram — UDP sockets over internalBinding('udp_wrap').  The structure
// and names follow Node 20's lib/dgram.js (bind states, the queue of work that
// waits for the implicit bind, connect states) so behaviour diffs function by
// function; the handle contract is in js_bindings/bindings.d.ts.
'use strict';

const EventEmitter = require('events');
const { Buffer } = require('buffer');
const {
  ErrnoException,
  ExceptionWithHostPort,
  codes: {
    ERR_BUFFER_OUT_OF_BOUNDS,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_FD_TYPE,
    ERR_MISSING_ARGS,
    ERR_SOCKET_ALREADY_BOUND,
    ERR_SOCKET_BAD_BUFFER_SIZE,
    ERR_SOCKET_BUFFER_SIZE,
    ERR_SOCKET_DGRAM_IS_CONNECTED,
    ERR_SOCKET_DGRAM_NOT_CONNECTED,
    ERR_SOCKET_DGRAM_NOT_RUNNING,
  },
} = require('internal/errors');
const {
  isInt32,
  validateAbortSignal,
  validateNumber,
  validatePort,
  validateString,
  validateUint32,
} = require('internal/validators');
const { deprecate, promisify } = require('internal/util');
const { isArrayBufferView } = require('internal/util/types');
const {
  defaultTriggerAsyncIdScope,
  symbols: { async_id_symbol, owner_symbol },
} = require('internal/async_hooks');
const {
  guessHandleType,
  kStateSymbol,
  _createSocketHandle,
  newHandle,
} = require('internal/dgram');
const dc = require('diagnostics_channel');

const {
  constants: { UV_UDP_IPV6ONLY, UV_UDP_REUSEADDR },
  UDP,
  SendWrap,
} = internalBinding('udp_wrap');

const udpSocketChannel = dc.channel('udp.socket');

const BIND_STATE_UNBOUND = 0;
const BIND_STATE_BINDING = 1;
const BIND_STATE_BOUND = 2;

const CONNECT_STATE_DISCONNECTED = 0;
const CONNECT_STATE_CONNECTING = 1;
const CONNECT_STATE_CONNECTED = 2;

const RECV_BUFFER = true;
const SEND_BUFFER = false;

const kBufferTypes = ['Buffer', 'TypedArray', 'DataView', 'string'];

function errnoException(err, syscall, original) {
  return new ErrnoException(err, syscall, original);
}

function exceptionWithHostPort(err, syscall, address, port) {
  return new ExceptionWithHostPort(err, syscall, address, port);
}

// -- Socket -------------------------------------------------------------------

function Socket(type, listener) {
  EventEmitter.call(this);

  let options;
  let lookup;
  let recvBufferSize;
  let sendBufferSize;
  if (type !== null && typeof type === 'object') {
    options = type;
    type = options.type;
    lookup = options.lookup;
    if (options.recvBufferSize) validateUint32(options.recvBufferSize, 'options.recvBufferSize');
    if (options.sendBufferSize) validateUint32(options.sendBufferSize, 'options.sendBufferSize');
    recvBufferSize = options.recvBufferSize;
    sendBufferSize = options.sendBufferSize;
  }

  const handle = newHandle(type, lookup);
  handle[owner_symbol] = this;

  this[async_id_symbol] = handle.getAsyncId();
  this.type = type;

  if (typeof listener === 'function') this.on('message', listener);

  this[kStateSymbol] = {
    handle,
    receiving: false,
    bindState: BIND_STATE_UNBOUND,
    connectState: CONNECT_STATE_DISCONNECTED,
    queue: undefined,
    reuseAddr: options && options.reuseAddr,
    ipv6Only: options && options.ipv6Only,
    recvBufferSize,
    sendBufferSize,
  };

  if (options?.signal !== undefined) {
    const { signal } = options;
    validateAbortSignal(signal, 'options.signal');
    const closeOnAbort = () => {
      if (this[kStateSymbol].handle) this.close();
    };
    if (signal.aborted) {
      closeOnAbort();
    } else {
      const disposable = EventEmitter.addAbortListener(signal, closeOnAbort);
      this.once('close', disposable[Symbol.dispose]);
    }
  }

  if (udpSocketChannel.hasSubscribers) udpSocketChannel.publish({ socket: this });
}
Object.setPrototypeOf(Socket.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Socket, EventEmitter);

function createSocket(type, listener) {
  return new Socket(type, listener);
}

function healthCheck(socket) {
  if (!socket[kStateSymbol].handle) throw new ERR_SOCKET_DGRAM_NOT_RUNNING();
}

function startListening(socket) {
  const state = socket[kStateSymbol];
  state.handle.onmessage = onMessage;
  state.handle.onerror = onError;
  state.handle.recvStart();
  state.receiving = true;
  state.bindState = BIND_STATE_BOUND;

  if (state.recvBufferSize) bufferSize(socket, state.recvBufferSize, RECV_BUFFER);
  if (state.sendBufferSize) bufferSize(socket, state.sendBufferSize, SEND_BUFFER);

  socket.emit('listening');
}

function stopReceiving(socket) {
  const state = socket[kStateSymbol];
  if (!state.receiving) return;
  state.handle.recvStop();
  state.receiving = false;
}

function replaceHandle(socket, handle) {
  const state = socket[kStateSymbol];
  const previous = state.handle;
  if (!previous.hasRef() && typeof handle.unref === 'function') handle.unref();
  handle.lookup = previous.lookup;
  handle.bind = previous.bind;
  handle.send = previous.send;
  handle[owner_symbol] = socket;
  previous.close();
  state.handle = handle;
}

function bufferSize(socket, size, which) {
  if (size >>> 0 !== size) throw new ERR_SOCKET_BAD_BUFFER_SIZE();
  const ctx = {};
  const result = socket[kStateSymbol].handle.bufferSize(size, which, ctx);
  if (result === undefined) throw new ERR_SOCKET_BUFFER_SIZE(ctx);
  return result;
}

// A cluster worker's socket: the primary binds it (or has it bound) and
// sends the handle.
let cluster;
function bindServerHandle(socket, options, errCb) {
  const state = socket[kStateSymbol];
  cluster._getServer(socket, options, (err, handle) => {
    if (err) {
      // Closed meanwhile: the error goes nowhere.
      if (state.handle) errCb(err);
      return;
    }
    // Closed meanwhile.
    if (!state.handle) {
      handle.close();
      return;
    }
    replaceHandle(socket, handle);
    startListening(socket);
  });
}

// -- bind -----------------------------------------------------------------------

Socket.prototype.bind = function(port_, address_ /* , callback */) {
  let port = port_;

  healthCheck(this);
  const state = this[kStateSymbol];

  if (state.bindState !== BIND_STATE_UNBOUND) throw new ERR_SOCKET_ALREADY_BOUND();

  state.bindState = BIND_STATE_BINDING;

  const cb = arguments.length && arguments[arguments.length - 1];
  if (typeof cb === 'function') {
    // The callback is a one-shot 'listening' listener that an 'error' first
    // takes away.
    const socket = this;
    const forget = () => {
      socket.removeListener('error', forget);
      socket.removeListener('listening', onListening);
    };
    const onListening = function() {
      forget();
      cb.call(this);
    };
    this.on('error', forget);
    this.on('listening', onListening);
  }

  // A UDP handle to adopt.
  if (port !== null && typeof port === 'object' && typeof port.recvStart === 'function') {
    replaceHandle(this, port);
    startListening(this);
    return this;
  }

  // An existing descriptor.
  if (port !== null && typeof port === 'object' && isInt32(port.fd) && port.fd > 0) {
    const fd = port.fd;
    if (cluster === undefined) cluster = require('cluster');
    // A cluster worker gets the socket through the primary.
    if (cluster.isWorker && !port.exclusive) {
      bindServerHandle(this, {
        address: null, port: null, addressType: this.type, fd, flags: null,
      }, (err) => {
        state.bindState = BIND_STATE_UNBOUND;
        this.emit('error', errnoException(err, 'open'));
      });
      return this;
    }
    const type = guessHandleType(fd);
    if (type !== 'UDP') throw new ERR_INVALID_FD_TYPE(type);
    const err = state.handle.open(fd);
    if (err) throw errnoException(err, 'open');
    startListening(this);
    return this;
  }

  let address;
  let exclusive = false;
  if (port !== null && typeof port === 'object') {
    address = port.address || '';
    exclusive = !!port.exclusive;
    port = port.port;
  } else {
    address = typeof address_ === 'function' ? '' : address_;
  }

  // No address: every interface.
  if (!address) address = this.type === 'udp4' ? '0.0.0.0' : '::';

  state.handle.lookup(address, (err, ip) => {
    if (!state.handle) return; // closed while resolving

    if (err) {
      state.bindState = BIND_STATE_UNBOUND;
      this.emit('error', err);
      return;
    }

    let flags = 0;
    if (state.reuseAddr) flags |= UV_UDP_REUSEADDR;
    if (state.ipv6Only) flags |= UV_UDP_IPV6ONLY;

    if (cluster === undefined) cluster = require('cluster');
    if (cluster.isWorker && !exclusive) {
      bindServerHandle(this, {
        address: ip, port, addressType: this.type, fd: -1, flags,
      }, (err) => {
        state.bindState = BIND_STATE_UNBOUND;
        this.emit('error', exceptionWithHostPort(err, 'bind', ip, port));
      });
      return;
    }

    const bindErr = state.handle.bind(ip, port || 0, flags);
    if (bindErr) {
      const ex = exceptionWithHostPort(bindErr, 'bind', ip, port);
      state.bindState = BIND_STATE_UNBOUND;
      this.emit('error', ex);
      return;
    }

    startListening(this);
  });

  return this;
};

// -- work that waits for the implicit bind -------------------------------------

function enqueue(socket, work) {
  const state = socket[kStateSymbol];
  if (state.queue === undefined) {
    state.queue = [];
    socket.once(EventEmitter.errorMonitor, onListenError);
    socket.once('listening', onListenSuccess);
  }
  state.queue.push(work);
}

function onListenSuccess() {
  this.removeListener(EventEmitter.errorMonitor, onListenError);
  const state = this[kStateSymbol];
  const queue = state.queue;
  state.queue = undefined;
  for (const work of queue) work();
}

function onListenError() {
  this.removeListener('listening', onListenSuccess);
  this[kStateSymbol].queue = undefined;
}

// -- connect --------------------------------------------------------------------

Socket.prototype.connect = function(port, address, callback) {
  port = validatePort(port, 'Port', false);
  if (typeof address === 'function') {
    callback = address;
    address = '';
  } else if (address === undefined) {
    address = '';
  }

  validateString(address, 'address');

  const state = this[kStateSymbol];

  if (state.connectState !== CONNECT_STATE_DISCONNECTED) throw new ERR_SOCKET_DGRAM_IS_CONNECTED();

  state.connectState = CONNECT_STATE_CONNECTING;
  if (state.bindState === BIND_STATE_UNBOUND) this.bind({ port: 0, exclusive: true }, null);

  if (state.bindState !== BIND_STATE_BOUND) {
    enqueue(this, () => startConnect(this, port, address, callback));
    return;
  }

  startConnect(this, port, address, callback);
};

function startConnect(socket, port, address, callback) {
  const state = socket[kStateSymbol];
  if (callback) socket.once('connect', callback);

  state.handle.lookup(address, (ex, ip) => {
    defaultTriggerAsyncIdScope(socket[async_id_symbol], finishConnect,
                               ex, socket, ip, address, port, callback);
  });
}

function finishConnect(ex, socket, ip, address, port, callback) {
  const state = socket[kStateSymbol];
  if (!state.handle) return;

  if (!ex) {
    const err = state.handle.connect(ip, port);
    if (err) ex = exceptionWithHostPort(err, 'connect', address, port);
  }

  if (ex) {
    state.connectState = CONNECT_STATE_DISCONNECTED;
    process.nextTick(() => {
      if (callback) {
        socket.removeListener('connect', callback);
        callback(ex);
      } else {
        socket.emit('error', ex);
      }
    });
    return;
  }

  state.connectState = CONNECT_STATE_CONNECTED;
  process.nextTick(() => socket.emit('connect'));
}

Socket.prototype.disconnect = function() {
  const state = this[kStateSymbol];
  if (state.connectState !== CONNECT_STATE_CONNECTED) throw new ERR_SOCKET_DGRAM_NOT_CONNECTED();

  const err = state.handle.disconnect();
  if (err) throw errnoException(err, 'connect');
  state.connectState = CONNECT_STATE_DISCONNECTED;
};

// -- send -----------------------------------------------------------------------

Socket.prototype.sendto = function(buffer, offset, length, port, address, callback) {
  validateNumber(offset, 'offset');
  validateNumber(length, 'length');
  validateNumber(port, 'port');
  validateString(address, 'address');

  this.send(buffer, offset, length, port, address, callback);
};

// buffer[offset, offset + length) as a Buffer sharing its memory.
function sliceBuffer(buffer, offset, length) {
  if (typeof buffer === 'string') {
    buffer = Buffer.from(buffer);
  } else if (!isArrayBufferView(buffer)) {
    throw new ERR_INVALID_ARG_TYPE('buffer', kBufferTypes, buffer);
  }

  offset >>>= 0;
  length >>>= 0;
  if (offset > buffer.byteLength) throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
  if (offset + length > buffer.byteLength) throw new ERR_BUFFER_OUT_OF_BOUNDS('length');

  return Buffer.from(buffer.buffer, buffer.byteOffset + offset, length);
}

// Strings and views to Buffers, or null when an item is neither.
function toBufferList(list) {
  const out = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (typeof item === 'string') out[i] = Buffer.from(item);
    else if (isArrayBufferView(item)) out[i] = Buffer.from(item.buffer, item.byteOffset, item.byteLength);
    else return null;
  }
  return out;
}

// Accepted forms:
//   unconnected: send(buf, offset, length, port[, address][, cb])
//                send(bufOrList, port[, address][, cb])
//   connected:   send(buf, offset, length[, cb]) / send(bufOrList[, cb])
Socket.prototype.send = function(buffer, offset, length, port, address, callback) {
  const state = this[kStateSymbol];
  const connected = state.connectState === CONNECT_STATE_CONNECTED;
  let list;

  if (!connected) {
    if (address || (port && typeof port !== 'function')) {
      buffer = sliceBuffer(buffer, offset, length);
    } else {
      callback = port;
      port = offset;
      address = length;
    }
  } else {
    if (typeof length === 'number') {
      buffer = sliceBuffer(buffer, offset, length);
      if (typeof port === 'function') {
        callback = port;
        port = null;
      }
    } else {
      callback = offset;
    }

    if (port || address) throw new ERR_SOCKET_DGRAM_IS_CONNECTED();
  }

  if (!Array.isArray(buffer)) {
    if (typeof buffer === 'string') {
      list = [Buffer.from(buffer)];
    } else if (!isArrayBufferView(buffer)) {
      throw new ERR_INVALID_ARG_TYPE('buffer', kBufferTypes, buffer);
    } else {
      list = [buffer];
    }
  } else if (!(list = toBufferList(buffer))) {
    throw new ERR_INVALID_ARG_TYPE('buffer list arguments', kBufferTypes, buffer);
  }

  if (!connected) port = validatePort(port, 'Port', false);

  if (typeof callback !== 'function') callback = undefined;

  if (typeof address === 'function') {
    callback = address;
    address = undefined;
  } else if (address != null) {
    validateString(address, 'address');
  }

  healthCheck(this);

  if (state.bindState === BIND_STATE_UNBOUND) this.bind({ port: 0, exclusive: true }, null);

  if (list.length === 0) list.push(Buffer.alloc(0));

  // Not bound yet: send once 'listening' comes.
  if (state.bindState !== BIND_STATE_BOUND) {
    enqueue(this, this.send.bind(this, list, port, address, callback));
    return;
  }

  const afterDns = (ex, ip) => {
    defaultTriggerAsyncIdScope(this[async_id_symbol], doSend,
                               ex, this, ip, list, address, port, callback);
  };

  if (!connected) {
    state.handle.lookup(address, afterDns);
  } else {
    afterDns(null, null);
  }
};

function doSend(ex, socket, ip, list, address, port, callback) {
  const state = socket[kStateSymbol];

  if (ex) {
    if (typeof callback === 'function') {
      process.nextTick(callback, ex);
      return;
    }
    process.nextTick(() => socket.emit('error', ex));
    return;
  } else if (!state.handle) {
    return;
  }

  const req = new SendWrap();
  req.list = list; // kept alive until the send completes
  req.address = address;
  req.port = port;
  if (callback) {
    req.callback = callback;
    req.oncomplete = afterSend;
  }

  let err;
  if (port) err = state.handle.send(req, list, list.length, port, ip, !!callback);
  else err = state.handle.send(req, list, list.length, !!callback);

  if (err >= 1) {
    // Sent synchronously: the binding returns the size + 1.
    if (callback) process.nextTick(callback, null, err - 1);
    return;
  }

  // Errors reach only a callback; without one they are dropped.
  if (err && callback) {
    const ex = exceptionWithHostPort(err, 'send', address, port);
    process.nextTick(callback, ex);
  }
}

function afterSend(err, sent) {
  err = err ? exceptionWithHostPort(err, 'send', this.address, this.port) : null;
  this.callback(err, sent);
}

// -- close ----------------------------------------------------------------------

Socket.prototype.close = function(callback) {
  const state = this[kStateSymbol];
  const queue = state.queue;

  if (typeof callback === 'function') this.on('close', callback);

  // Still binding: close after the queued work.
  if (queue !== undefined) {
    queue.push(this.close.bind(this));
    return this;
  }

  healthCheck(this);
  stopReceiving(this);
  state.handle.close();
  state.handle = null;
  defaultTriggerAsyncIdScope(this[async_id_symbol], process.nextTick, socketCloseNT, this);

  return this;
};

Socket.prototype[Symbol.asyncDispose] = async function() {
  if (!this[kStateSymbol].handle) return;
  return promisify(this.close).call(this);
};

function socketCloseNT(socket) {
  socket.emit('close');
}

// -- addresses and options -----------------------------------------------------

Socket.prototype.address = function() {
  healthCheck(this);

  const out = {};
  const err = this[kStateSymbol].handle.getsockname(out);
  if (err) throw errnoException(err, 'getsockname');
  return out;
};

Socket.prototype.remoteAddress = function() {
  healthCheck(this);

  const state = this[kStateSymbol];
  if (state.connectState !== CONNECT_STATE_CONNECTED) throw new ERR_SOCKET_DGRAM_NOT_CONNECTED();

  const out = {};
  const err = state.handle.getpeername(out);
  if (err) throw errnoException(err, 'getpeername');
  return out;
};

Socket.prototype.setBroadcast = function(arg) {
  const err = this[kStateSymbol].handle.setBroadcast(arg ? 1 : 0);
  if (err) throw errnoException(err, 'setBroadcast');
};

Socket.prototype.setTTL = function(ttl) {
  validateNumber(ttl, 'ttl');
  const err = this[kStateSymbol].handle.setTTL(ttl);
  if (err) throw errnoException(err, 'setTTL');
  return ttl;
};

Socket.prototype.setMulticastTTL = function(ttl) {
  validateNumber(ttl, 'ttl');
  const err = this[kStateSymbol].handle.setMulticastTTL(ttl);
  if (err) throw errnoException(err, 'setMulticastTTL');
  return ttl;
};

Socket.prototype.setMulticastLoopback = function(arg) {
  const err = this[kStateSymbol].handle.setMulticastLoopback(arg ? 1 : 0);
  if (err) throw errnoException(err, 'setMulticastLoopback');
  return arg; // returned as given (0.4 compatibility)
};

Socket.prototype.setMulticastInterface = function(interfaceAddress) {
  healthCheck(this);
  validateString(interfaceAddress, 'interfaceAddress');

  const err = this[kStateSymbol].handle.setMulticastInterface(interfaceAddress);
  if (err) throw errnoException(err, 'setMulticastInterface');
};

Socket.prototype.addMembership = function(multicastAddress, interfaceAddress) {
  healthCheck(this);
  if (!multicastAddress) throw new ERR_MISSING_ARGS('multicastAddress');

  const err = this[kStateSymbol].handle.addMembership(multicastAddress, interfaceAddress);
  if (err) throw errnoException(err, 'addMembership');
};

Socket.prototype.dropMembership = function(multicastAddress, interfaceAddress) {
  healthCheck(this);
  if (!multicastAddress) throw new ERR_MISSING_ARGS('multicastAddress');

  const err = this[kStateSymbol].handle.dropMembership(multicastAddress, interfaceAddress);
  if (err) throw errnoException(err, 'dropMembership');
};

Socket.prototype.addSourceSpecificMembership = function(sourceAddress, groupAddress,
                                                        interfaceAddress) {
  healthCheck(this);
  validateString(sourceAddress, 'sourceAddress');
  validateString(groupAddress, 'groupAddress');

  const err = this[kStateSymbol].handle.addSourceSpecificMembership(
    sourceAddress, groupAddress, interfaceAddress);
  if (err) throw errnoException(err, 'addSourceSpecificMembership');
};

Socket.prototype.dropSourceSpecificMembership = function(sourceAddress, groupAddress,
                                                         interfaceAddress) {
  healthCheck(this);
  validateString(sourceAddress, 'sourceAddress');
  validateString(groupAddress, 'groupAddress');

  const err = this[kStateSymbol].handle.dropSourceSpecificMembership(
    sourceAddress, groupAddress, interfaceAddress);
  if (err) throw errnoException(err, 'dropSourceSpecificMembership');
};

// -- incoming -------------------------------------------------------------------

function onMessage(nread, handle, buf, rinfo) {
  const socket = handle[owner_symbol];
  if (nread < 0) return socket.emit('error', errnoException(nread, 'recvmsg'));
  rinfo.size = buf.length;
  socket.emit('message', buf, rinfo);
}

function onError(nread, handle, error) {
  const socket = handle[owner_symbol];
  return socket.emit('error', error);
}

// -- ref, buffer sizes, queue -------------------------------------------------

Socket.prototype.ref = function() {
  const handle = this[kStateSymbol].handle;
  if (handle) handle.ref();
  return this;
};

Socket.prototype.unref = function() {
  const handle = this[kStateSymbol].handle;
  if (handle) handle.unref();
  return this;
};

Socket.prototype.setRecvBufferSize = function(size) {
  bufferSize(this, size, RECV_BUFFER);
};

Socket.prototype.setSendBufferSize = function(size) {
  bufferSize(this, size, SEND_BUFFER);
};

Socket.prototype.getRecvBufferSize = function() {
  return bufferSize(this, 0, RECV_BUFFER);
};

Socket.prototype.getSendBufferSize = function() {
  return bufferSize(this, 0, SEND_BUFFER);
};

Socket.prototype.getSendQueueSize = function() {
  return this[kStateSymbol].handle.getSendQueueSize();
};

Socket.prototype.getSendQueueCount = function() {
  return this[kStateSymbol].handle.getSendQueueCount();
};

// -- deprecated private API (DEP0112) ------------------------------------------

function deprecatedStateAccessor(name, key) {
  Object.defineProperty(Socket.prototype, name, {
    __proto__: null,
    configurable: true,
    enumerable: false,
    get: deprecate(function() {
      return this[kStateSymbol][key];
    }, `Socket.prototype.${name} is deprecated`, 'DEP0112'),
    set: deprecate(function(value) {
      this[kStateSymbol][key] = value;
    }, `Socket.prototype.${name} is deprecated`, 'DEP0112'),
  });
}

deprecatedStateAccessor('_handle', 'handle');
deprecatedStateAccessor('_receiving', 'receiving');
deprecatedStateAccessor('_bindState', 'bindState');
deprecatedStateAccessor('_queue', 'queue');
deprecatedStateAccessor('_reuseAddr', 'reuseAddr');

Socket.prototype._healthCheck = deprecate(function() {
  healthCheck(this);
}, 'Socket.prototype._healthCheck() is deprecated', 'DEP0112');

Socket.prototype._stopReceiving = deprecate(function() {
  stopReceiving(this);
}, 'Socket.prototype._stopReceiving() is deprecated', 'DEP0112');

// The handle's legacy `owner` alias of owner_symbol.
Object.defineProperty(UDP.prototype, 'owner', {
  __proto__: null,
  configurable: true,
  get() { return this[owner_symbol]; },
  set(value) { this[owner_symbol] = value; },
});

module.exports = {
  _createSocketHandle: deprecate(_createSocketHandle,
                                 'dgram._createSocketHandle() is deprecated', 'DEP0112'),
  createSocket,
  Socket,
};
