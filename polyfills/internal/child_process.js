// ChildProcess, the stdio table and the IPC channel (Node 20's
// lib/internal/child_process.js), over internalBinding('process_wrap'),
// ('pipe_wrap') and ('spawn_sync').
'use strict';

const {
  ErrnoException,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_HANDLE_TYPE,
    ERR_INVALID_SYNC_FORK_INPUT,
    ERR_IPC_CHANNEL_CLOSED,
    ERR_IPC_DISCONNECTED,
    ERR_IPC_ONE_PIPE,
    ERR_IPC_SYNC_FORK,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const {
  validateArray,
  validateObject,
  validateOneOf,
  validateString,
} = require('internal/validators');
const EventEmitter = require('events');
const childProcessChannel = require('diagnostics_channel').channel('child_process');
const net = require('net');
const { inspect } = require('internal/util/inspect');
const { convertToValidSignal, deprecate } = require('internal/util');
const { isArrayBufferView } = require('internal/util/types');

const processWrap = internalBinding('process_wrap');
const { Process } = processWrap;
const ipcNative = processWrap._ipc;
const {
  WriteWrap,
  kLastWriteWasAsync,
  streamBaseState,
} = internalBinding('stream_wrap');
const { Pipe, constants: PipeConstants } = internalBinding('pipe_wrap');
const { TCP, constants: TCPConstants } = internalBinding('tcp_wrap');
const { SocketListSend, SocketListReceive } = require('internal/socket_list');
const spawn_sync = internalBinding('spawn_sync');

const {
  UV_EACCES,
  UV_EAGAIN,
  UV_EINVAL,
  UV_EMFILE,
  UV_ENFILE,
  UV_ENOENT,
  UV_ENOSYS,
  UV_ESRCH,
} = internalBinding('uv');

const MAX_HANDLE_RETRANSMISSIONS = 3;
const kChannelHandle = Symbol('kChannelHandle');
const kIsUsedAsStdio = Symbol('kIsUsedAsStdio');
const kPendingMessages = Symbol('kPendingMessages');
const ownerSymbol = Symbol('owner_symbol');

function errnoException(err, syscall, original) {
  return new ErrnoException(err, syscall, original);
}

function nop() {}

let freeParser;
let HTTPParser;

// How each kind of sendable object becomes a native handle, and back.
const handleConversion = {
  'net.Native': {
    simultaneousAccepts: true,
    send(message, handle, options) {
      return handle;
    },
    got(message, handle, emit) {
      emit(handle);
    },
  },

  'net.Server': {
    simultaneousAccepts: true,
    send(message, server, options) {
      return server._handle;
    },
    got(message, handle, emit) {
      const server = new net.Server();
      server.listen(handle, () => {
        emit(server);
      });
    },
  },

  'net.Socket': {
    send(message, socket, options) {
      if (!socket._handle) return;

      // A connection of a server: the receiver counts it for the server's
      // getConnections() and close().
      if (socket.server) {
        message.key = socket.server._connectionKey;

        const firstTime = !this[kChannelHandle].sockets.send[message.key];
        const socketList = getSocketList('send', this, message.key);

        if (firstTime) socket.server._setupWorker(socketList);

        // The socket leaves this process.
        if (!options.keepOpen) socket.server._connections--;
      }

      const handle = socket._handle;

      // Unless kept open, the handle is closed once the other side has it.
      if (!options.keepOpen) {
        handle.onread = nop;
        socket._handle = null;
        socket.setTimeout(0);

        if (freeParser === undefined) freeParser = require('_http_common').freeParser;
        if (HTTPParser === undefined) HTTPParser = require('_http_common').HTTPParser;

        // An HTTP connection lets go of its parser.
        if (socket.parser && socket.parser instanceof HTTPParser) {
          freeParser(socket.parser, null, socket);
          if (socket._httpMessage) socket._httpMessage.detachSocket(socket);
        }
      }

      return handle;
    },

    postSend(message, handle, options, callback, target) {
      // Kept until NODE_HANDLE_ACK, then closed; closed now when the send
      // failed.
      if (handle && !options.keepOpen) {
        if (target) {
          target._pendingMessage = { callback, message, handle, options, retransmissions: 0 };
        } else {
          handle.close();
        }
      }
    },

    got(message, handle, emit) {
      const socket = new net.Socket({ handle, readable: true, writable: true });

      if (message.key) {
        const socketList = getSocketList('got', this, message.key);
        socketList.add({ socket });
      }

      emit(socket);
    },
  },
};

// UDP sockets and handles (cluster's shared datagram sockets).
let dgram;
let UDP;
function lazyDgram() {
  if (dgram === undefined) {
    dgram = require('dgram');
    UDP = internalBinding('udp_wrap').UDP;
  }
}

handleConversion['dgram.Native'] = {
  simultaneousAccepts: false,
  send(message, handle, options) {
    return handle;
  },
  got(message, handle, emit) {
    emit(handle);
  },
};

handleConversion['dgram.Socket'] = {
  simultaneousAccepts: false,
  send(message, socket, options) {
    message.dgramType = socket.type;
    return socket[require('internal/dgram').kStateSymbol].handle;
  },
  got(message, handle, emit) {
    lazyDgram();
    const socket = new dgram.Socket(message.dgramType);
    socket.bind(handle, () => {
      emit(socket);
    });
  },
};

function getSocketList(type, worker, key) {
  const sockets = worker[kChannelHandle].sockets[type];
  let socketList = sockets[key];
  if (!socketList) {
    const Construct = type === 'send' ? SocketListSend : SocketListReceive;
    socketList = sockets[key] = new Construct(worker, key);
  }
  return socketList;
}

// A descriptor that arrived over the channel, as a TCP or Pipe handle.
function takeReceivedHandle(channel) {
  const got = ipcNative.takeHandle(channel);
  if (!got) return undefined;
  const [fd, type] = got;
  let handle;
  if (type === 'UDP') {
    lazyDgram();
    handle = new UDP();
  } else {
    handle = type === 'TCP' ? new TCP(TCPConstants.SOCKET) : new Pipe(PipeConstants.SOCKET);
  }
  if (handle.open(fd) !== 0) return undefined;
  return handle;
}

// The three-slot shorthands of `stdio` ('pipe', 'ignore', 'inherit'), plus
// the IPC slot a fork adds.
function stdioStringToArray(stdio, channel) {
  const options = [];
  switch (stdio) {
    case 'ignore':
    case 'overlapped':
    case 'pipe':
      options.push(stdio, stdio, stdio);
      break;
    case 'inherit':
      options.push(0, 1, 2);
      break;
    default:
      throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
  }
  if (channel) options.push(channel);
  return options;
}

function ChildProcess() {
  EventEmitter.call(this);

  this._closesNeeded = 1;
  this._closesGot = 0;
  this.connected = false;

  this.signalCode = null;
  this.exitCode = null;
  this.killed = false;
  this.spawnfile = null;

  this._handle = new Process();
  this._handle[ownerSymbol] = this;

  this._handle.onexit = (exitCode, signalCode) => {
    if (signalCode) {
      this.signalCode = signalCode;
    } else {
      this.exitCode = exitCode;
    }

    if (this.stdin) this.stdin.destroy();

    this._handle.close();
    this._handle = null;

    if (exitCode < 0) {
      const syscall = this.spawnfile ? `spawn ${this.spawnfile}` : 'spawn';
      const err = errnoException(exitCode, syscall);
      if (this.spawnfile) err.path = this.spawnfile;
      err.spawnargs = this.spawnargs.slice(1);
      this.emit('error', err);
    } else {
      this.emit('exit', this.exitCode, this.signalCode);
    }

    // Streams nobody reads are drained on the next tick so that they reach
    // their end and 'close' can follow; the user had this tick to start
    // reading them.
    process.nextTick(flushStdio, this);

    maybeClose(this);
  };

  // Published as soon as the object exists, before spawn() (no pid yet).
  if (childProcessChannel.hasSubscribers) childProcessChannel.publish({ process: this });
}
Object.setPrototypeOf(ChildProcess.prototype, EventEmitter.prototype);
Object.setPrototypeOf(ChildProcess, EventEmitter);

function flushStdio(subprocess) {
  const stdio = subprocess.stdio;
  if (stdio == null) return;
  for (let i = 0; i < stdio.length; i++) {
    const stream = stdio[i];
    if (!stream || !stream.readable || stream[kIsUsedAsStdio]) continue;
    stream.resume();
  }
}

function createSocket(pipe, readable) {
  return net.Socket({ handle: pipe, readable });
}

function getHandleWrapType(stream) {
  if (stream instanceof Pipe) return 'pipe';
  if (stream instanceof TCP) return 'tcp';
  return false;
}

function closePendingHandle(target) {
  target._pendingMessage.handle.close();
  target._pendingMessage = null;
}

ChildProcess.prototype.spawn = function spawn(options) {
  validateObject(options, 'options');

  // No `stdio` option: three pipes.
  let stdio = options.stdio || 'pipe';
  stdio = getValidStdio(stdio, false);

  const ipc = stdio.ipc;
  const ipcFd = stdio.ipcFd;
  stdio = options.stdio = stdio.stdio;

  validateOneOf(options.serialization, 'options.serialization', [undefined, 'json', 'advanced']);
  const serialization = options.serialization || 'json';

  if (ipc !== undefined) {
    // The child finds its end of the channel through its environment.
    if (options.envPairs === undefined) options.envPairs = [];
    else validateArray(options.envPairs, 'options.envPairs');
    options.envPairs.push(`NODE_CHANNEL_FD=${ipcFd}`);
    options.envPairs.push(`NODE_CHANNEL_SERIALIZATION_MODE=${serialization}`);
  }

  validateString(options.file, 'options.file');
  this.spawnfile = options.file;

  if (options.args === undefined) {
    this.spawnargs = [];
  } else {
    validateArray(options.args, 'options.args');
    this.spawnargs = options.args;
  }

  const err = this._handle.spawn(options);

  // Errors of the run time are emitted, not thrown.
  if (err === UV_EACCES || err === UV_EAGAIN || err === UV_EMFILE || err === UV_ENFILE ||
      err === UV_ENOENT) {
    process.nextTick(onErrorNT, this, err);
    // Without file descriptors there is no stdio to set up.
    if (err === UV_EMFILE || err === UV_ENFILE) return err;
  } else if (err) {
    for (let i = 0; i < stdio.length; i++) {
      const stream = stdio[i];
      if (stream.type === 'pipe') stream.handle.close();
    }
    this._handle.close();
    this._handle = null;
    throw errnoException(err, 'spawn');
  } else {
    process.nextTick(onSpawnNT, this);
  }

  this.pid = this._handle.pid;

  for (let i = 0; i < stdio.length; i++) {
    const stream = stdio[i];
    if (stream.type === 'ignore') continue;

    if (stream.ipc) {
      this._closesNeeded++;
      continue;
    }

    // A stream handed to the child as is: stop reading it here, the child
    // reads it now.
    if (stream.type === 'wrap') {
      stream.handle.reading = false;
      stream.handle.readStop();
      stream._stdio.pause();
      stream._stdio.readableFlowing = false;
      stream._stdio._readableState.reading = false;
      stream._stdio[kIsUsedAsStdio] = true;
      continue;
    }

    if (stream.handle) {
      stream.socket = createSocket(this.pid !== 0 ? stream.handle : null, i > 0);
      if (i > 0 && this.pid !== 0) {
        this._closesNeeded++;
        stream.socket.on('close', () => {
          maybeClose(this);
        });
      }
    }
  }

  this.stdin = stdio.length >= 1 && stdio[0].socket !== undefined ? stdio[0].socket : null;
  this.stdout = stdio.length >= 2 && stdio[1].socket !== undefined ? stdio[1].socket : null;
  this.stderr = stdio.length >= 3 && stdio[2].socket !== undefined ? stdio[2].socket : null;

  this.stdio = [];
  for (let i = 0; i < stdio.length; i++) {
    this.stdio.push(stdio[i].socket === undefined ? null : stdio[i].socket);
  }

  if (ipc !== undefined) setupChannel(this, ipc, serialization);

  return err;
};

function onErrorNT(self, err) {
  self._handle.onexit(err);
}

function onSpawnNT(self) {
  self.emit('spawn');
}

ChildProcess.prototype.kill = function kill(sig) {
  const signal = sig === 0 ? sig : convertToValidSignal(sig === undefined ? 'SIGTERM' : sig);

  if (this._handle) {
    const err = this._handle.kill(signal);
    if (err === 0) {
      this.killed = true;
      return true;
    }
    if (err === UV_ESRCH) {
      // Already gone.
    } else if (err === UV_EINVAL || err === UV_ENOSYS) {
      throw errnoException(err, 'kill');
    } else {
      // Most likely EPERM.
      this.emit('error', errnoException(err, 'kill'));
    }
  }
  return false;
};

ChildProcess.prototype[Symbol.dispose || Symbol.for('nodejs.dispose')] = function() {
  if (!this.killed) this.kill();
};

ChildProcess.prototype.ref = function ref() {
  if (this._handle) this._handle.ref();
};

ChildProcess.prototype.unref = function unref() {
  if (this._handle) this._handle.unref();
};

// process.channel / subprocess.channel: refs the channel while someone
// listens for messages or a write is in flight, unless the user chose.
class Control extends EventEmitter {
  #channel = null;
  #refs = 0;
  #refExplicitlySet = false;

  constructor(channel) {
    super();
    this.#channel = channel;
    this[kPendingMessages] = [];
  }

  refCounted() {
    if (++this.#refs === 1 && !this.#refExplicitlySet) this.#channel.ref();
  }

  unrefCounted() {
    if (--this.#refs === 0 && !this.#refExplicitlySet) {
      this.#channel.unref();
      this.emit('unref');
    }
  }

  ref() {
    this.#refExplicitlySet = true;
    this.#channel.ref();
  }

  unref() {
    this.#refExplicitlySet = true;
    this.#channel.unref();
  }

  get fd() {
    return this.#channel ? this.#channel.fd : undefined;
  }
}

const channelDeprecationMsg = '_channel is deprecated. Use ChildProcess.channel instead.';

let serialization;
function setupChannel(target, channel, serializationMode) {
  const control = new Control(channel);
  target.channel = control;
  target[kChannelHandle] = channel;

  Object.defineProperty(target, '_channel', {
    __proto__: null,
    get: deprecate(() => target.channel, channelDeprecationMsg, 'DEP0129'),
    set: deprecate((val) => { target.channel = val; }, channelDeprecationMsg, 'DEP0129'),
    configurable: true,
    enumerable: false,
  });

  target._handleQueue = null;
  target._pendingMessage = null;

  if (serialization === undefined) serialization = require('internal/child_process/serialization');
  const { initMessageChannel, parseChannelMessages, writeChannelMessage } =
    serialization[serializationMode];

  let pendingHandle = null;
  initMessageChannel(channel);
  channel.pendingHandle = null;
  channel.onread = function onread(nread, buffer) {
    const recvHandle = ipcNative ? takeReceivedHandle(channel) : undefined;
    channel.pendingHandle = null;
    if (nread > 0 && buffer) {
      const pool = new Uint8Array(buffer, 0, nread);
      if (recvHandle) pendingHandle = recvHandle;
      for (const message of parseChannelMessages(channel, pool)) {
        // A descriptor travels with the chunk of its NODE_HANDLE message.
        if (isInternal(message)) {
          if (message.cmd === 'NODE_HANDLE') {
            handleMessage(message, pendingHandle, true);
            pendingHandle = null;
          } else {
            handleMessage(message, undefined, true);
          }
        } else {
          handleMessage(message, undefined, false);
        }
      }
    } else {
      this.buffering = false;
      target.disconnect();
      channel.onread = nop;
      channel.close();
      target.channel = null;
      maybeClose(target);
    }
  };

  // The socket lists of servers whose connections were sent or received.
  channel.sockets = { got: {}, send: {} };

  target.on('internalMessage', function(message, handle) {
    // The other side has the handle: send what waited for it.
    if (message.cmd === 'NODE_HANDLE_ACK' || message.cmd === 'NODE_HANDLE_NACK') {
      if (target._pendingMessage) {
        if (message.cmd === 'NODE_HANDLE_ACK') {
          closePendingHandle(target);
        } else if (target._pendingMessage.retransmissions++ === MAX_HANDLE_RETRANSMISSIONS) {
          closePendingHandle(target);
          process.emitWarning('Handle did not reach the receiving process correctly',
                              'SentHandleNotReceivedWarning');
        }
      }

      const queue = Array.isArray(target._handleQueue) ? target._handleQueue : [];
      target._handleQueue = null;

      if (target._pendingMessage) {
        target._send(target._pendingMessage.message, target._pendingMessage.handle,
                     target._pendingMessage.options, target._pendingMessage.callback);
      }

      for (let i = 0; i < queue.length; i++) {
        const args = queue[i];
        target._send(args.message, args.handle, args.options, args.callback);
      }

      // A disconnect asked while handles were in flight.
      if (!target.connected && target.channel && !target._handleQueue) target._disconnect();
      return;
    }

    if (message.cmd !== 'NODE_HANDLE') return;

    // The descriptor did not arrive (MSG_CTRUNC ...): the sender retries.
    if (!handle) return target._send({ cmd: 'NODE_HANDLE_NACK' }, null, true);

    // Acknowledge without failing: the user did not ask for this send.
    target._send({ cmd: 'NODE_HANDLE_ACK' }, null, true);

    const obj = handleConversion[message.type];
    obj.got.call(this, message, handle, (handle) => {
      handleMessage(message.msg, handle, isInternal(message.msg));
    });
  });

  // Messages that arrived before anyone listened are delivered when the
  // first 'message' listener comes.
  target.on('newListener', function() {
    process.nextTick(() => {
      if (!target.channel || !target.listenerCount('message')) return;
      const messages = target.channel[kPendingMessages];
      const { length } = messages;
      if (!length) return;
      for (let i = 0; i < length; i++) {
        Reflect.apply(target.emit, target, messages[i]);
      }
      target.channel[kPendingMessages] = [];
    });
  });

  target.send = function send(message, handle, options, callback) {
    if (typeof handle === 'function') {
      callback = handle;
      handle = undefined;
      options = undefined;
    } else if (typeof options === 'function') {
      callback = options;
      options = undefined;
    } else if (options !== undefined) {
      validateObject(options, 'options');
    }

    options = { swallowErrors: false, ...options };

    if (this.connected) {
      return this._send(message, handle, options, callback);
    }
    const ex = new ERR_IPC_CHANNEL_CLOSED();
    if (typeof callback === 'function') {
      process.nextTick(callback, ex);
    } else {
      process.nextTick(() => this.emit('error', ex));
    }
    return false;
  };

  target._send = function _send(message, handle, options, callback) {
    if (message === undefined) throw new ERR_MISSING_ARGS('message');

    // Only what the other side can parse is sent.
    if (typeof message !== 'string' && typeof message !== 'object' &&
        typeof message !== 'number' && typeof message !== 'boolean') {
      throw new ERR_INVALID_ARG_TYPE('message', ['string', 'object', 'number', 'boolean'], message);
    }

    if (typeof options === 'boolean') options = { swallowErrors: options };

    let obj;

    if (handle) {
      // The message goes inside a NODE_HANDLE envelope, with the descriptor.
      message = { cmd: 'NODE_HANDLE', type: null, msg: message };

      if (handle instanceof net.Socket) {
        message.type = 'net.Socket';
      } else if (handle instanceof net.Server) {
        message.type = 'net.Server';
      } else if (handle instanceof TCP || handle instanceof Pipe) {
        message.type = 'net.Native';
      } else if ((lazyDgram(), handle instanceof dgram.Socket)) {
        message.type = 'dgram.Socket';
      } else if (handle instanceof UDP) {
        message.type = 'dgram.Native';
      } else {
        throw new ERR_INVALID_HANDLE_TYPE();
      }

      // One handle in flight at a time: later sends wait for the ACK.
      if (this._handleQueue) {
        this._handleQueue.push({ callback, handle, options, message: message.msg });
        return this._handleQueue.length === 1;
      }

      obj = handleConversion[message.type];

      handle = Reflect.apply(handleConversion[message.type].send, target, [message, handle, options]);

      // Nothing native to send (a closed socket): the message goes alone.
      if (!handle) message = message.msg;
    } else if (this._handleQueue &&
               !(message && (message.cmd === 'NODE_HANDLE_ACK' ||
                             message.cmd === 'NODE_HANDLE_NACK'))) {
      // Keep the order: wait behind the handle in flight.
      this._handleQueue.push({ callback, handle: null, options, message });
      return this._handleQueue.length === 1;
    }

    const req = new WriteWrap();
    const err = writeChannelMessage(channel, req, message, handle);
    const wasAsyncWrite = streamBaseState[kLastWriteWasAsync];

    if (err === 0) {
      if (handle) {
        if (!this._handleQueue) this._handleQueue = [];
        if (obj && obj.postSend) obj.postSend(message, handle, options, callback, target);
      }

      if (wasAsyncWrite) {
        req.oncomplete = () => {
          control.unrefCounted();
          if (typeof callback === 'function') callback(null);
        };
        control.refCounted();
      } else if (typeof callback === 'function') {
        process.nextTick(callback, null);
      }
    } else {
      if (obj && obj.postSend) obj.postSend(message, handle, options, callback);
      if (options.swallowErrors) return channel.writeQueueSize < (65536 * 2);
      const ex = errnoException(err, 'write');
      if (typeof callback === 'function') {
        process.nextTick(callback, ex);
      } else {
        process.nextTick(() => this.emit('error', ex));
      }
    }

    // Ask the sender to pause when the reader is two reads behind.
    return channel.writeQueueSize < (65536 * 2);
  };

  // connected turns false as soon as disconnect() is asked; channel turns
  // null once the channel is really closed.
  target.connected = true;

  target.disconnect = function disconnect() {
    if (!this.connected) {
      this.emit('error', new ERR_IPC_DISCONNECTED());
      return;
    }
    this.connected = false;
    if (!this._handleQueue) this._disconnect();
  };

  target._disconnect = function _disconnect() {
    this.channel = null;
    this[kChannelHandle] = null;

    if (this._pendingMessage) closePendingHandle(this);

    let fired = false;
    function finish() {
      if (fired) return;
      fired = true;
      channel.close();
      target.emit('disconnect');
    }

    // A message still being read completes first.
    if (channel.buffering) {
      this.once('message', finish);
      this.once('internalMessage', finish);
      return;
    }

    process.nextTick(finish);
  };

  function emit(event, message, handle) {
    if (event === 'internalMessage' || target.listenerCount('message')) {
      target.emit(event, message, handle);
      return;
    }
    target.channel[kPendingMessages].push([event, message, handle]);
  }

  function handleMessage(message, handle, internal) {
    if (!target.channel) return;
    const eventName = internal ? 'internalMessage' : 'message';
    process.nextTick(emit, eventName, message, handle);
  }

  channel.readStart();
  return control;
}

const INTERNAL_PREFIX = 'NODE_';
function isInternal(message) {
  return message !== null &&
    typeof message === 'object' &&
    typeof message.cmd === 'string' &&
    message.cmd.length > INTERNAL_PREFIX.length &&
    message.cmd.slice(0, INTERNAL_PREFIX.length) === INTERNAL_PREFIX;
}

// The `stdio` option as the native layer wants it: one entry per child fd.
function getValidStdio(stdio, sync) {
  let ipc;
  let ipcFd;

  if (typeof stdio === 'string') {
    stdio = stdioStringToArray(stdio);
  } else if (!Array.isArray(stdio)) {
    throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
  }

  // At least three entries, without holes (reduce would skip them).
  while (stdio.length < 3) stdio.push(undefined);

  const acc = [];
  function cleanup() {
    for (let i = 0; i < acc.length; i++) {
      if ((acc[i].type === 'pipe' || acc[i].type === 'ipc') && acc[i].handle) acc[i].handle.close();
    }
  }
  for (let i = 0; i < stdio.length; i++) {
    let entry = stdio[i];
    if (entry == null) entry = i < 3 ? 'pipe' : 'ignore';

    if (entry === 'ignore') {
      acc.push({ type: 'ignore' });
    } else if (entry === 'pipe' || entry === 'overlapped' ||
               (typeof entry === 'number' && entry < 0)) {
      const a = {
        type: entry === 'overlapped' ? 'overlapped' : 'pipe',
        readable: i === 0,
        writable: i !== 0,
      };
      if (!sync) a.handle = new Pipe(PipeConstants.SOCKET);
      acc.push(a);
    } else if (entry === 'ipc') {
      if (sync || ipc !== undefined) {
        cleanup();
        if (!sync) throw new ERR_IPC_ONE_PIPE();
        else throw new ERR_IPC_SYNC_FORK();
      }
      ipc = new Pipe(PipeConstants.IPC);
      ipcFd = i;
      acc.push({ type: 'pipe', handle: ipc, ipc: true });
    } else if (entry === 'inherit') {
      acc.push({ type: 'inherit', fd: i });
    } else if (typeof entry === 'number' || typeof entry.fd === 'number') {
      acc.push({ type: 'fd', fd: typeof entry === 'number' ? entry : entry.fd });
    } else if (getHandleWrapType(entry) || getHandleWrapType(entry.handle) ||
               getHandleWrapType(entry._handle)) {
      const handle = getHandleWrapType(entry) ? entry :
        getHandleWrapType(entry.handle) ? entry.handle : entry._handle;
      acc.push({ type: 'wrap', wrapType: getHandleWrapType(handle), handle, _stdio: entry });
    } else if (isArrayBufferView(entry) || typeof entry === 'string') {
      if (!sync) {
        cleanup();
        throw new ERR_INVALID_SYNC_FORK_INPUT(inspect(entry));
      }
    } else {
      cleanup();
      throw new ERR_INVALID_ARG_VALUE('stdio', entry);
    }
  }

  return { stdio: acc, ipc, ipcFd };
}

function maybeClose(subprocess) {
  subprocess._closesGot++;
  if (subprocess._closesGot === subprocess._closesNeeded) {
    subprocess.emit('close', subprocess.exitCode, subprocess.signalCode);
  }
}

function spawnSync(options) {
  const result = spawn_sync.spawn(options);

  if (result.output && options.encoding && options.encoding !== 'buffer') {
    for (let i = 0; i < result.output.length; i++) {
      if (!result.output[i]) continue;
      result.output[i] = result.output[i].toString(options.encoding);
    }
  }

  result.stdout = result.output && result.output[1];
  result.stderr = result.output && result.output[2];

  if (result.error) {
    result.error = errnoException(result.error, `spawnSync ${options.file}`);
    result.error.path = options.file;
    result.error.spawnargs = options.args.slice(1);
  }

  return result;
}

module.exports = {
  ChildProcess,
  kChannelHandle,
  setupChannel,
  getValidStdio,
  stdioStringToArray,
  spawnSync,
};
