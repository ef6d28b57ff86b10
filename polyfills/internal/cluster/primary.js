// The primary side of node:cluster (Node 20's lib/internal/cluster/primary.js
// behaviour): fork() starts workers, answers their queryServer requests with
// a round-robin or shared listening handle, tracks their life cycle.
'use strict';

const assert = require('internal/assert');
const path = require('path');
const EventEmitter = require('events');
const Worker = require('internal/cluster/worker');
const { internal, sendHelper } = require('internal/cluster/utils');

const cluster = new EventEmitter();
const intercom = new EventEmitter();
const SCHED_NONE = 1;
const SCHED_RR = 2;

module.exports = cluster;

// key -> RoundRobinHandle or SharedHandle
const handles = new Map();
cluster.isWorker = false;
cluster.isMaster = true;  // Deprecated alias of isPrimary.
cluster.isPrimary = true;
cluster.Worker = Worker;
cluster.workers = {};
cluster.settings = {};
cluster.SCHED_NONE = SCHED_NONE;  // The kernel balances.
cluster.SCHED_RR = SCHED_RR;      // The primary balances.

let ids = 0;
let initialized = false;

let schedulingPolicy = process.env.NODE_CLUSTER_SCHED_POLICY;
if (schedulingPolicy === 'rr') {
  schedulingPolicy = SCHED_RR;
} else if (schedulingPolicy === 'none') {
  schedulingPolicy = SCHED_NONE;
} else if (process.platform === 'win32') {
  schedulingPolicy = SCHED_NONE;
} else {
  schedulingPolicy = SCHED_RR;
}

cluster.schedulingPolicy = schedulingPolicy;

cluster.setupPrimary = function setupPrimary(options) {
  const settings = {
    args: process.argv.slice(2),
    exec: process.argv[1],
    execArgv: process.execArgv,
    silent: false,
    ...cluster.settings,
    ...options,
  };

  // Separate V8 profile logs per process.
  if (settings.execArgv.some((s) => s.startsWith('--prof')) &&
      !settings.execArgv.some((s) => s.startsWith('--logfile='))) {
    settings.execArgv = [...settings.execArgv, '--logfile=v8-%p.log'];
  }

  cluster.settings = settings;

  if (initialized === true) return process.nextTick(setupSettingsNT, settings);

  initialized = true;
  // The policy is fixed from the first setup on.
  schedulingPolicy = cluster.schedulingPolicy;
  assert(schedulingPolicy === SCHED_NONE || schedulingPolicy === SCHED_RR,
         `Bad cluster.schedulingPolicy: ${schedulingPolicy}`);

  process.nextTick(setupSettingsNT, settings);
};

cluster.setupMaster = cluster.setupPrimary;

function setupSettingsNT(settings) {
  cluster.emit('setup', settings);
}

let ERR_SOCKET_BAD_PORT;

function createWorkerProcess(id, env) {
  const workerEnv = { ...process.env, ...env, NODE_UNIQUE_ID: `${id}` };
  const execArgv = [...cluster.settings.execArgv];

  if (cluster.settings.inspectPort === null) {
    if (ERR_SOCKET_BAD_PORT === undefined) {
      ERR_SOCKET_BAD_PORT = require('internal/errors').codes.ERR_SOCKET_BAD_PORT;
    }
    throw new ERR_SOCKET_BAD_PORT('Port', null, true);
  }

  const { fork } = require('child_process');
  return fork(cluster.settings.exec, cluster.settings.args, {
    cwd: cluster.settings.cwd,
    env: workerEnv,
    serialization: cluster.settings.serialization,
    silent: cluster.settings.silent,
    windowsHide: cluster.settings.windowsHide,
    execArgv,
    stdio: cluster.settings.stdio,
    gid: cluster.settings.gid,
    uid: cluster.settings.uid,
  });
}

function removeWorker(worker) {
  assert(worker);
  delete cluster.workers[worker.id];

  if (Object.keys(cluster.workers).length === 0) {
    assert(handles.size === 0, 'Resource leak detected.');
    intercom.emit('disconnect');
  }
}

function removeHandlesForWorker(worker) {
  assert(worker);

  for (const [key, handle] of [...handles]) {
    if (handle.remove(worker)) handles.delete(key);
  }
}

cluster.fork = function fork(env) {
  cluster.setupPrimary();
  const id = ++ids;
  const workerProcess = createWorkerProcess(id, env);
  const worker = new Worker({ id, process: workerProcess });

  worker.on('message', function(message, handle) {
    cluster.emit('message', this, message, handle);
  });

  worker.process.once('exit', (exitCode, signalCode) => {
    // A worker still connected stays listed until it disconnects.
    if (!worker.isConnected()) {
      removeHandlesForWorker(worker);
      removeWorker(worker);
    }

    worker.exitedAfterDisconnect = !!worker.exitedAfterDisconnect;
    worker.state = 'dead';
    worker.emit('exit', exitCode, signalCode);
    cluster.emit('exit', worker, exitCode, signalCode);
  });

  worker.process.once('disconnect', () => {
    // Its servers are gone with the channel.
    removeHandlesForWorker(worker);

    // A worker still running stays listed until it exits.
    if (worker.isDead()) removeWorker(worker);

    worker.exitedAfterDisconnect = !!worker.exitedAfterDisconnect;
    worker.state = 'disconnected';
    worker.emit('disconnect');
    cluster.emit('disconnect', worker);
  });

  worker.process.on('internalMessage', internal(worker, onmessage));
  process.nextTick(emitForkNT, worker);
  cluster.workers[worker.id] = worker;
  return worker;
};

function emitForkNT(worker) {
  cluster.emit('fork', worker);
}

cluster.disconnect = function disconnect(cb) {
  const workers = Object.keys(cluster.workers);

  if (workers.length === 0) {
    process.nextTick(() => intercom.emit('disconnect'));
  } else {
    for (const worker of Object.values(cluster.workers)) {
      if (worker.isConnected()) worker.disconnect();
    }
  }

  if (typeof cb === 'function') intercom.once('disconnect', cb);
};

const methodMessageMapping = {
  close,
  exitedAfterDisconnect,
  listening,
  online,
  queryServer,
};

function onmessage(message, handle) {
  const worker = this;
  const fn = methodMessageMapping[message.act];
  if (typeof fn === 'function') fn(worker, message);
}

function online(worker) {
  worker.state = 'online';
  worker.emit('online');
  cluster.emit('online', worker);
}

function exitedAfterDisconnect(worker, message) {
  worker.exitedAfterDisconnect = true;
  send(worker, { ack: message.seq });
}

let RoundRobinHandle;
let SharedHandle;

function queryServer(worker, message) {
  // A worker on its way out gets no new servers.
  if (worker.exitedAfterDisconnect) return;

  const key = `${message.address}:${message.port}:${message.addressType}:` +
              `${message.fd}:${message.index}`;
  let handle = handles.get(key);

  if (handle === undefined) {
    let address = message.address;

    // Unix socket paths are limited to ~100 bytes: use the shorter form.
    if (message.port < 0 && typeof address === 'string' && process.platform !== 'win32') {
      address = path.relative(process.cwd(), address);
      if (message.address.length < address.length) address = message.address;
    }

    // Datagrams have no connections to hand round.
    if (schedulingPolicy !== SCHED_RR ||
        message.addressType === 'udp4' ||
        message.addressType === 'udp6') {
      if (SharedHandle === undefined) SharedHandle = require('internal/cluster/shared_handle');
      handle = new SharedHandle(key, address, message);
    } else {
      if (RoundRobinHandle === undefined) {
        RoundRobinHandle = require('internal/cluster/round_robin_handle');
      }
      handle = new RoundRobinHandle(key, address, message);
    }

    handles.set(key, handle);
  }

  // Server data (TLS session ticket keys) of the first worker.
  if (!handle.data) handle.data = message.data;

  handle.add(worker, (errno, reply, handle) => {
    const { data } = handles.get(key);

    // A failed bind is forgotten, so that another worker may retry.
    if (errno) handles.delete(key);

    send(worker, {
      errno,
      key,
      ack: message.seq,
      data,
      ...reply,
    }, handle);
  });
}

function listening(worker, message) {
  const info = {
    addressType: message.addressType,
    address: message.address,
    port: message.port,
    fd: message.fd,
  };

  worker.state = 'listening';
  worker.emit('listening', info);
  cluster.emit('listening', worker, info);
}

// A worker closed a server. Its handle may already be gone with
// removeHandlesForWorker().
function close(worker, message) {
  const key = message.key;
  const handle = handles.get(key);

  if (handle && handle.remove(worker)) handles.delete(key);
}

function send(worker, message, handle, cb) {
  return sendHelper(worker.process, message, handle, cb);
}

Worker.prototype.disconnect = function disconnect() {
  this.exitedAfterDisconnect = true;
  send(this, { act: 'disconnect' });
  removeHandlesForWorker(this);
  removeWorker(this);
  return this;
};

Worker.prototype.destroy = function destroy(signo) {
  const proc = this.process;
  const signal = signo || 'SIGTERM';

  proc.kill(signal);
};
