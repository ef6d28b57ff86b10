// The worker side of node:cluster (Node 20's lib/internal/cluster/child.js
// behaviour): servers ask the primary for their listening handle
// (queryServer), round-robin connections arrive as 'newconn' messages.
'use strict';

const assert = require('internal/assert');
const path = require('path');
const EventEmitter = require('events');
const { owner_symbol } = require('internal/async_hooks').symbols;
const Worker = require('internal/cluster/worker');
const { internal, sendHelper } = require('internal/cluster/utils');

const kNoFailure = 0;
const TIMEOUT_MAX = 2 ** 31 - 1;

const cluster = new EventEmitter();
// key -> the handle (shared or faux round-robin) of a server of this worker
const handles = new Map();
// address:port:addressType:fd -> { nextIndex, set } of the servers using it
const indexes = new Map();
function noop() {}

module.exports = cluster;

cluster.isWorker = true;
cluster.isMaster = false;  // Deprecated alias of isPrimary.
cluster.isPrimary = false;
cluster.worker = null;
cluster.Worker = Worker;

cluster._setupWorker = function _setupWorker() {
  const worker = new Worker({
    id: +process.env.NODE_UNIQUE_ID | 0,
    process,
    state: 'online',
  });

  cluster.worker = worker;

  process.once('disconnect', () => {
    worker.emit('disconnect');

    // The primary went away without asking: nothing left to do here.
    if (!worker.exitedAfterDisconnect) process.exit(kNoFailure);
  });

  process.on('internalMessage', internal(worker, onmessage));
  send({ act: 'online' });

  function onmessage(message, handle) {
    if (message.act === 'newconn') {
      onconnection(message, handle);
    } else if (message.act === 'disconnect') {
      Reflect.apply(_disconnect, worker, [true]);
    }
  }
};

// `obj` is a net.Server (or a dgram.Socket).
cluster._getServer = function _getServer(obj, options, cb) {
  let address = options.address;

  // Unix socket paths travel absolute.
  if (options.port < 0 && typeof address === 'string' && process.platform !== 'win32') {
    address = path.resolve(address);
  }

  const indexesKey = [address, options.port, options.addressType, options.fd].join(':');

  let indexSet = indexes.get(indexesKey);
  if (indexSet === undefined) {
    indexSet = { nextIndex: 0, set: new Set() };
    indexes.set(indexesKey, indexSet);
  }
  const index = indexSet.nextIndex++;
  indexSet.set.add(index);

  const message = {
    act: 'queryServer',
    index,
    data: null,
    ...options,
  };

  message.address = address;

  // Server data shared through the primary (TLS ticket keys).
  if (obj._getServerData) message.data = obj._getServerData();

  send(message, (reply, handle) => {
    if (typeof obj._setServerData === 'function') obj._setServerData(reply.data);

    if (handle) {
      shared(reply, { handle, indexesKey, index }, cb);
    } else {
      rr(reply, { indexesKey, index }, cb);
    }
  });

  obj.once('listening', () => {
    // A server closed right away has nothing to report.
    if (!indexes.has(indexesKey)) return;
    cluster.worker.state = 'listening';
    const address = obj.address();
    message.act = 'listening';
    message.port = (address && address.port) || options.port;
    send(message);
  });
};

function removeIndexesKey(indexesKey, index) {
  const indexSet = indexes.get(indexesKey);
  if (!indexSet) return;

  indexSet.set.delete(index);
  if (indexSet.set.size === 0) indexes.delete(indexesKey);
}

// SCHED_NONE: the real listening handle; the primary hears when it closes.
function shared(message, { handle, indexesKey, index }, cb) {
  const key = message.key;
  const close = handle.close;

  handle.close = function() {
    send({ act: 'close', key });
    handles.delete(key);
    removeIndexesKey(indexesKey, index);
    return Reflect.apply(close, handle, arguments);
  };
  assert(handles.has(key) === false);
  handles.set(key, handle);
  cb(message.errno, handle);
}

// SCHED_RR: a stand-in handle; connections come from the primary. An
// interval keeps the process alive while the server is ref'd.
function rr(message, { indexesKey, index }, cb) {
  if (message.errno) return cb(message.errno, null);

  let key = message.key;
  let fakeHandle = null;

  function ref() {
    if (!fakeHandle) fakeHandle = setInterval(noop, TIMEOUT_MAX);
  }

  function unref() {
    if (fakeHandle) {
      clearInterval(fakeHandle);
      fakeHandle = null;
    }
  }

  function listen(backlog) {
    return 0;
  }

  function close() {
    // net.Server treats close() as synchronous; connections still arriving
    // before the primary hears of it are sent back (see onconnection).
    if (key === undefined) return;
    unref();
    send({ act: 'close', key });
    handles.delete(key);
    removeIndexesKey(indexesKey, index);
    key = undefined;
  }

  function getsockname(out) {
    if (key) Object.assign(out, message.sockname);
    return 0;
  }

  const handle = { close, listen, ref, unref };
  handle.ref();
  if (message.sockname) handle.getsockname = getsockname;  // TCP only.

  assert(handles.has(key) === false);
  handles.set(key, handle);
  cb(0, handle);
}

// A connection handed over by the primary.
function onconnection(message, handle) {
  const key = message.key;
  const server = handles.get(key);
  let accepted = server !== undefined;

  if (accepted && server[owner_symbol]) {
    const self = server[owner_symbol];
    if (self.maxConnections != null && self._connections >= self.maxConnections) {
      accepted = false;
    }
  }

  send({ ack: message.seq, accepted });

  if (accepted) {
    server.onconnection(0, handle);
  } else {
    handle.close();
  }
}

function send(message, cb) {
  return sendHelper(process, message, null, cb);
}

function _disconnect(primaryInitiated) {
  this.exitedAfterDisconnect = true;
  let waitingCount = 1;

  function checkWaitingCount() {
    waitingCount--;

    if (waitingCount === 0) {
      // Asked by the worker itself: the primary must know first that this
      // exit is expected.
      if (primaryInitiated) {
        process.disconnect();
      } else {
        send({ act: 'exitedAfterDisconnect' }, () => process.disconnect());
      }
    }
  }

  for (const handle of handles.values()) {
    waitingCount++;

    if (handle[owner_symbol]) {
      handle[owner_symbol].close(checkWaitingCount);
    } else {
      handle.close(checkWaitingCount);
    }
  }

  handles.clear();
  checkWaitingCount();
}

Worker.prototype.disconnect = function disconnect() {
  if (this.state !== 'disconnecting' && this.state !== 'destroying') {
    this.state = 'disconnecting';
    Reflect.apply(_disconnect, this, []);
  }

  return this;
};

Worker.prototype.destroy = function destroy() {
  if (this.state === 'destroying') return;

  this.exitedAfterDisconnect = true;
  if (!this.isConnected()) {
    process.exit(kNoFailure);
  } else {
    this.state = 'destroying';
    send({ act: 'exitedAfterDisconnect' }, () => process.disconnect());
    process.once('disconnect', () => process.exit(kNoFailure));
  }
};
