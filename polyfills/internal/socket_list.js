// Bookkeeping for sockets a server handed to another process over IPC
// (Node's lib/internal/socket_list.js): the sender asks the receiver how many
// of them are still open and waits for them to close.
'use strict';

const { codes: { ERR_CHILD_CLOSED_BEFORE_REPLY } } = require('internal/errors');
const EventEmitter = require('events');

// The sending side: one per (child, server key).
class SocketListSend extends EventEmitter {
  constructor(child, key) {
    super();
    this.key = key;
    this.child = child;
    child.once('exit', () => this.emit('exit', this));
  }

  _request(msg, cmd, swallowErrors, callback) {
    const self = this;

    if (!this.child.connected) return onclose();
    this.child._send(msg, undefined, swallowErrors);

    function onclose() {
      self.child.removeListener('internalMessage', onreply);
      callback(new ERR_CHILD_CLOSED_BEFORE_REPLY());
    }

    function onreply(msg) {
      if (!(msg.cmd === cmd && msg.key === self.key)) return;
      self.child.removeListener('disconnect', onclose);
      self.child.removeListener('internalMessage', onreply);
      callback(null, msg);
    }

    this.child.once('disconnect', onclose);
    this.child.on('internalMessage', onreply);
  }

  close(callback) {
    this._request({ cmd: 'NODE_SOCKET_NOTIFY_CLOSE', key: this.key },
                  'NODE_SOCKET_CLOSED', true, callback);
  }

  getConnections(callback) {
    this._request({ cmd: 'NODE_SOCKET_GET_COUNT', key: this.key },
                  'NODE_SOCKET_COUNT', false, (err, msg) => {
                    if (err) return callback(err);
                    callback(null, msg.count);
                  });
  }
}

// The receiving side: counts the sockets it got for one server key.
class SocketListReceive extends EventEmitter {
  constructor(child, key) {
    super();
    this.connections = 0;
    this.key = key;
    this.child = child;

    function onempty(self) {
      if (!self.child.connected) return;
      self.child._send({ cmd: 'NODE_SOCKET_CLOSED', key: self.key }, undefined, true);
    }

    this.child.on('internalMessage', (msg) => {
      if (msg.key !== this.key) return;
      if (msg.cmd === 'NODE_SOCKET_NOTIFY_CLOSE') {
        if (this.connections === 0) return onempty(this);
        this.once('empty', onempty);
      } else if (msg.cmd === 'NODE_SOCKET_GET_COUNT') {
        if (!this.child.connected) return;
        this.child._send({ cmd: 'NODE_SOCKET_COUNT', key: this.key, count: this.connections });
      }
    });
  }

  add(obj) {
    this.connections++;
    obj.socket.once('close', () => {
      this.connections--;
      if (this.connections === 0) this.emit('empty', this);
    });
  }
}

module.exports = { SocketListSend, SocketListReceive };
