// node:tty — terminal streams: net.Sockets over a TTY handle
// (internalBinding('tty_wrap'), js_bindings/tty_wrap.py).
'use strict';

const net = require('net');
const { TTY, isTTY } = internalBinding('tty_wrap');
const {
  ErrnoException,
  codes: { ERR_INVALID_FD, ERR_TTY_INIT_FAILED },
} = require('internal/errors');
const { getColorDepth, hasColors } = require('internal/tty');

let readline;
function lazyReadline() {
  readline ??= require('readline');
  return readline;
}

function isatty(fd) {
  return Number.isInteger(fd) && fd >= 0 && fd <= 2147483647 && isTTY(fd);
}

// Both stream kinds take an int32 fd >= 0 and open the handle the same way.
function openHandle(fd) {
  if (fd >> 0 !== fd || fd < 0) throw new ERR_INVALID_FD(fd);
  const ctx = {};
  const handle = new TTY(fd, ctx);
  if (ctx.code !== undefined) throw new ERR_TTY_INIT_FAILED(ctx);
  return handle;
}

function ReadStream(fd, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(fd, options);
  const handle = openHandle(fd);
  // Nothing is read until someone listens (manualStart), and nothing is
  // buffered ahead of the reader: keystrokes are for whoever reads next.
  net.Socket.call(this, {
    readableHighWaterMark: 0,
    handle,
    manualStart: true,
    ...options,
  });
  this.isRaw = false;
  this.isTTY = true;
}
Object.setPrototypeOf(ReadStream.prototype, net.Socket.prototype);
Object.setPrototypeOf(ReadStream, net.Socket);

ReadStream.prototype.setRawMode = function setRawMode(flag) {
  flag = !!flag;
  const err = this._handle?.setRawMode(flag);
  if (err) {
    this.emit('error', new ErrnoException(err, 'setRawMode'));
    return this;
  }
  this.isRaw = flag;
  return this;
};

function WriteStream(fd) {
  if (!(this instanceof WriteStream)) return new WriteStream(fd);
  const handle = openHandle(fd);
  net.Socket.call(this, {
    readableHighWaterMark: 0,
    handle,
    manualStart: true,
  });
  // Terminal output is written before write() returns, so that stdout and
  // stderr lines neither interleave nor get lost at exit.
  this._handle.setBlocking(true);
  const size = [0, 0];
  const err = this._handle.getWindowSize(size);
  if (!err) {
    this.columns = size[0];
    this.rows = size[1];
  }
}
Object.setPrototypeOf(WriteStream.prototype, net.Socket.prototype);
Object.setPrototypeOf(WriteStream, net.Socket);

WriteStream.prototype.isTTY = true;
WriteStream.prototype.getColorDepth = getColorDepth;
WriteStream.prototype.hasColors = hasColors;

// Re-reads the window size (after SIGWINCH); 'resize' only on a change.
WriteStream.prototype._refreshSize = function _refreshSize() {
  const size = [0, 0];
  const err = this._handle.getWindowSize(size);
  if (err) {
    this.emit('error', new ErrnoException(err, 'getWindowSize'));
    return;
  }
  if (this.columns !== size[0] || this.rows !== size[1]) {
    this.columns = size[0];
    this.rows = size[1];
    this.emit('resize');
  }
};

// The cursor helpers are readline's, looked up on each call so that they
// follow the module's exports.
WriteStream.prototype.cursorTo = function cursorTo(x, y, cb) {
  return lazyReadline().cursorTo(this, x, y, cb);
};
WriteStream.prototype.moveCursor = function moveCursor(dx, dy, cb) {
  return lazyReadline().moveCursor(this, dx, dy, cb);
};
WriteStream.prototype.clearLine = function clearLine(dir, cb) {
  return lazyReadline().clearLine(this, dir, cb);
};
WriteStream.prototype.clearScreenDown = function clearScreenDown(cb) {
  return lazyReadline().clearScreenDown(this, cb);
};
WriteStream.prototype.getWindowSize = function getWindowSize() {
  return [this.columns, this.rows];
};

module.exports = { isatty, ReadStream, WriteStream };
