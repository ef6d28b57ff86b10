// ArrayStream: a duplex-looking Stream a test feeds lines into (run(lines)
// emits each as a 'data' chunk ending in '\n'); writes go nowhere.
'use strict';

const { Stream } = require('stream');

function ArrayStream() {
  this.run = (lines) => {
    for (const line of lines) this.emit('data', `${line}\n`);
  };
}
Object.setPrototypeOf(ArrayStream.prototype, Stream.prototype);
Object.setPrototypeOf(ArrayStream, Stream);

const ignore = () => {};
Object.assign(ArrayStream.prototype, {
  readable: true,
  writable: true,
  pause: ignore,
  resume: ignore,
  write: ignore,
});

module.exports = ArrayStream;
