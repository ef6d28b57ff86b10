'use strict';
// Observe writes to process.stdout / process.stderr (and count them) while
// still passing them through.

const saved = {};

function hijack(name, listener) {
  const stream = process[name];
  const original = saved[name] = stream.write;
  stream.writeTimes = 0;
  stream.write = function(chunk, callback) {
    try {
      listener(chunk);
    } catch (err) {
      process.nextTick(() => { throw err; });
    }
    original.call(stream, chunk, callback);
    stream.writeTimes++;
  };
}

function restore(name) {
  process[name].write = saved[name];
  delete process[name].writeTimes;
}

module.exports = {
  hijackStdout: (listener) => hijack('stdout', listener),
  hijackStderr: (listener) => hijack('stderr', listener),
  restoreStdout: () => restore('stdout'),
  restoreStderr: () => restore('stderr'),
};
