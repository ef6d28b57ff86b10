// process.stdout / process.stderr: synchronous writes, as Node's are for
// files and pipes.  Once node:stream exists they are real Writables.
'use strict';

const pm = internalBinding('process_methods');

function createWritableStdioStream(fd) {
  if (pm.guessHandleType(fd) === 'TTY') return createTTYStdioStream(fd);
  let stream;
  let Writable;
  try {
    ({ Writable } = require('stream'));
  } catch {
    Writable = null;
  }
  if (Writable) {
    stream = new Writable({
      decodeStrings: false,
      write(chunk, encoding, cb) {
        if (typeof chunk === 'string' && encoding !== 'utf8' && encoding !== 'utf-8' && encoding !== 'buffer') {
          chunk = Buffer.from(chunk, encoding);
        }
        const r = pm.writeSync(fd, chunk);
        if (r < 0) {
          // EPIPE when the reader went away: the stream's 'error', as Node's.
          const { ErrnoException } = require('internal/errors');
          cb(new ErrnoException(r, 'write'));
          return;
        }
        cb();
      },
    });
  } else {
    const EventEmitter = require('events');
    stream = new EventEmitter();
    stream.write = function write(chunk, encoding, cb) {
      if (typeof encoding === 'function') cb = encoding;
      pm.writeSync(fd, typeof chunk === 'string' ? chunk : chunk);
      if (typeof cb === 'function') process.nextTick(cb);
      return true;
    };
    stream.end = function end(chunk, encoding, cb) {
      if (chunk) stream.write(chunk, encoding);
      if (typeof cb === 'function') process.nextTick(cb);
    };
    stream.writable = true;
  }
  stream.fd = fd;
  // Write-only, as Node's SyncWriteStream / stdio socket.
  if (stream.readable === undefined) stream.readable = false;
  stream._type = pm.isatty(fd) ? 'tty' : 'fs';
  stream.isTTY = pm.isatty(fd) || undefined;
  stream._isStdio = true;
  // As on a net.Socket stdout: writes are synchronous here, so there is no
  // handle to (un)ref.
  if (typeof stream.ref !== 'function') stream.ref = function ref() { return this; };
  if (typeof stream.unref !== 'function') stream.unref = function unref() { return this; };
  stream.destroySoon = stream.destroy;
  // Node never really closes fd 1/2 from JS.
  // destroy() leaves it usable (Node's dummyDestroy), 'close' still observable.
  stream._destroy = function(err, cb) {
    cb(err);
    if (typeof this._undestroy === 'function') this._undestroy();
    if (this._writableState && !this._writableState.emitClose) {
      process.nextTick(() => { this.emit('close'); });
    }
  };
  stream.columns = stream.isTTY ? 80 : undefined;
  return stream;
}

// A terminal gets a tty.WriteStream, as in Node: its writes block until the
// terminal took them, it knows the window size and its colour depth.
function createTTYStdioStream(fd) {
  const stream = new (require('tty').WriteStream)(fd);
  stream._type = 'tty';
  stream.fd = fd;
  stream._isStdio = true;
  stream.destroySoon = stream.destroy;
  // The terminal stays open for the rest of the process (and its parent).
  stream._destroy = function(err, cb) {
    cb(err);
    this._undestroy();
    if (!this._writableState.emitClose) {
      process.nextTick(() => { this.emit('close'); });
    }
  };
  return stream;
}

// process.stdin as Node's getStdin(): a net.Socket over a Pipe or TCP handle
// when fd 0 is a pipe or a socket (a child's stdin from its parent, a shell
// pipeline), so reading it does not block the loop; files and terminals are
// read synchronously; a closed fd 0 is an ended stream.
function createStdin() {
  const fd = 0;
  const type = typeof pm.guessHandleType === 'function' ? pm.guessHandleType(fd) : 'FILE';
  let stdin;
  if (type === 'TTY') {
    stdin = new (require('tty').ReadStream)(fd);
  } else if (type === 'PIPE' || type === 'TCP') {
    const net = require('net');
    const handle = type === 'PIPE' ?
      new (internalBinding('pipe_wrap').Pipe)(internalBinding('pipe_wrap').constants.SOCKET) :
      new (internalBinding('tcp_wrap').TCP)(internalBinding('tcp_wrap').constants.SOCKET);
    const err = handle.open(fd);
    if (err === 0) {
      stdin = new net.Socket({ handle, readable: true, writable: false, manualStart: true });
      // Nothing can be written to stdin, so end() is a no-op.
      stdin._writableState.ended = true;
    }
  }
  if (stdin === undefined && type === 'UNKNOWN') {
    const { Readable } = require('stream');
    stdin = new Readable({ read() {} });
    stdin.push(null);
  }
  if (stdin === undefined) {
    const { Readable } = require('stream');
    const fs = internalBinding('fs');
    stdin = new Readable({
      read(size) {
        const data = fs.read(0, 65536, -1);
        if (typeof data === 'number' || data.byteLength === 0) this.push(null);
        else this.push(Buffer.from(data));
      },
    });
  }
  stdin.fd = fd;

  // stdin starts paused: the handle must not read until someone asks.
  if (stdin._handle && stdin._handle.readStop) {
    stdin._handle.reading = false;
    stdin._readableState.reading = false;
    stdin._handle.readStop();
  }

  // After pause() the handle stops too (a tick later, once the stream did),
  // so that the process can exit.
  stdin.on('pause', () => {
    process.nextTick(onpause);
  });
  function onpause() {
    if (!stdin._handle) return;
    if (stdin._handle.reading && !stdin.readableFlowing) {
      stdin._readableState.reading = false;
      stdin._handle.reading = false;
      stdin._handle.readStop();
    }
  }
  return stdin;
}

// process.on('SIGxxx'): the first listener of a signal starts a Signal handle
// (unref'd: listening alone keeps no process alive), the last one removed
// closes it and the signal's default action is back.
const signalWraps = new Map();

function signalNumber(type) {
  if (typeof type !== 'string') return undefined;
  const { signals } = internalBinding('process_methods');
  return Object.prototype.hasOwnProperty.call(signals, type) ? signals[type] : undefined;
}

function startListeningIfSignal(type) {
  const signum = signalNumber(type);
  if (signum === undefined || signalWraps.has(type)) return;
  const { Signal } = internalBinding('signal_wrap');
  const wrap = new Signal();
  wrap.unref();
  wrap.onsignal = process.emit.bind(process, type, type);
  const err = wrap.start(signum);
  if (err) {
    wrap.close();
    const { ErrnoException } = require('internal/errors');
    throw new ErrnoException(err, 'uv_signal_start');
  }
  signalWraps.set(type, wrap);
}

function stopListeningIfSignal(type) {
  const wrap = signalWraps.get(type);
  if (wrap !== undefined && process.listenerCount(type) === 0) {
    wrap.close();
    signalWraps.delete(type);
  }
}

function setupSignalHandlers(processObject) {
  processObject.on('newListener', startListeningIfSignal);
  processObject.on('removeListener', stopListeningIfSignal);
}

module.exports = { createWritableStdioStream, createStdin, setupSignalHandlers };
