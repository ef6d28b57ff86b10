// SCHED_NONE: the primary binds the socket once and sends the listening
// handle itself to every worker asking for it; the kernel spreads the
// connections.
'use strict';

const assert = require('internal/assert');

function SharedHandle(key, address, { port, addressType, fd, flags }) {
  this.key = key;
  this.workers = new Map();
  this.handle = null;
  this.errno = 0;

  let rval;
  if (addressType === 'udp4' || addressType === 'udp6') {
    rval = require('internal/dgram')._createSocketHandle(address, port, addressType, fd, flags);
  } else {
    rval = require('net')._createServerHandle(address, port, addressType, fd, flags);
  }

  if (typeof rval === 'number') this.errno = rval;
  else this.handle = rval;
}

SharedHandle.prototype.add = function add(worker, send) {
  assert(!this.workers.has(worker.id));
  this.workers.set(worker.id, worker);
  send(this.errno, null, this.handle);
};

SharedHandle.prototype.remove = function remove(worker) {
  if (!this.workers.has(worker.id)) return false;

  this.workers.delete(worker.id);

  if (this.workers.size !== 0) return false;

  if (this.handle) this.handle.close();
  this.handle = null;
  return true;
};

module.exports = SharedHandle;
