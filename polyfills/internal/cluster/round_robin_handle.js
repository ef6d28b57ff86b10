// SCHED_RR: the primary owns the listening socket, accepts connections and
// hands each one to a free worker (a 'newconn' message carrying the handle).
'use strict';

const assert = require('internal/assert');
const { sendHelper } = require('internal/cluster/utils');

let net;

function RoundRobinHandle(key, address, { port, fd, flags, backlog, readableAll, writableAll }) {
  if (net === undefined) net = require('net');
  const { constants } = internalBinding('tcp_wrap');
  this.key = key;
  this.all = new Map();     // worker id -> worker that shares this server
  this.free = new Map();    // workers waiting for a connection, in order
  this.handles = [];        // accepted connections nobody took yet
  this.handle = null;
  this.server = net.createServer(assert.fail);

  if (fd >= 0) {
    this.server.listen({ fd, backlog });
  } else if (port >= 0) {
    this.server.listen({
      port,
      host: address,
      ipv6Only: Boolean(flags & constants.UV_TCP_IPV6ONLY),
      backlog,
    });
  } else {
    this.server.listen({ path: address, backlog, readableAll, writableAll });
  }

  // From now on the primary keeps the bare handle; its connections are
  // distributed, never turned into sockets here.
  this.server.once('listening', () => {
    this.handle = this.server._handle;
    this.handle.onconnection = (err, handle) => this.distribute(err, handle);
    this.server._handle = null;
    this.server = null;
  });
}

RoundRobinHandle.prototype.add = function add(worker, send) {
  assert(this.all.has(worker.id) === false);
  this.all.set(worker.id, worker);

  const done = () => {
    if (this.handle.getsockname) {
      const out = {};
      this.handle.getsockname(out);
      send(null, { sockname: out }, null);
    } else {
      send(null, null, null);  // A pipe.
    }
    // Connections may already be waiting.
    this.handoff(worker);
  };

  if (this.server === null) return done();

  // Still binding.
  this.server.once('listening', done);
  this.server.once('error', (err) => {
    send(err.errno, null);
  });
};

RoundRobinHandle.prototype.remove = function remove(worker) {
  if (!this.all.delete(worker.id)) return false;

  this.free.delete(worker.id);

  if (this.all.size !== 0) return false;

  for (const handle of this.handles) handle.close();
  this.handles = [];

  if (this.handle) {
    this.handle.close();
    this.handle = null;
  } else if (this.server) {
    // The last worker left before the bind finished.
    this.server.removeAllListeners('listening');
    this.server.close();
    this.server = null;
  }
  return true;
};

RoundRobinHandle.prototype.distribute = function distribute(err, handle) {
  // A failed accept hands nothing.
  if (err) return;
  this.handles.push(handle);
  const first = this.free.entries().next();
  if (!first.done) {
    const [workerId, worker] = first.value;
    this.free.delete(workerId);
    this.handoff(worker);
  }
};

RoundRobinHandle.prototype.handoff = function handoff(worker) {
  // The worker closed (or is closing) this server.
  if (!this.all.has(worker.id)) return;

  if (this.handles.length === 0) {
    this.free.set(worker.id, worker);  // Ready for the next one.
    return;
  }
  const handle = this.handles.shift();

  const message = { act: 'newconn', key: this.key };

  sendHelper(worker.process, message, handle, (reply) => {
    if (reply.accepted) {
      handle.close();
    } else {
      // The worker is going away or full: someone else takes it.
      this.distribute(0, handle);
    }
    this.handoff(worker);
  });
};

module.exports = RoundRobinHandle;
