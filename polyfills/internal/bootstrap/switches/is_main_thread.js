// process.stdout / process.stderr: synchronous writes, as Node's are for
// files and pipes.  Once node:stream exists they are real Writables.
'use strict';

const pm = internalBinding('process_methods');

function createWritableStdioStream(fd) {
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
        pm.writeSync(fd, chunk);
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
  stream._type = pm.isatty(fd) ? 'tty' : 'fs';
  stream.isTTY = pm.isatty(fd) || undefined;
  stream._isStdio = true;
  stream.destroySoon = stream.destroy;
  // Node never really closes fd 1/2 from JS.
  stream._destroy = function(err, cb) { cb(err); };
  stream.columns = stream.isTTY ? 80 : undefined;
  return stream;
}

function createStdin() {
  const { Readable } = require('stream');
  const fs = internalBinding('fs');
  const stdin = new Readable({
    read(size) {
      const data = fs.read(0, 65536, -1);
      if (typeof data === 'number' || data.byteLength === 0) this.push(null);
      else this.push(Buffer.from(data));
    },
  });
  stdin.fd = 0;
  return stdin;
}

module.exports = { createWritableStdioStream, createStdin };
