// tty streams where the fds are not terminals: stdout here is a pipe from
// the test harness; a regular file is refused as uv_tty_init refuses it.
'use strict';
const tty = require('tty');
const fs = require('fs');
const path = require('path');
const os = require('os');

console.log('exports', Object.keys(tty).sort().join(','));
console.log('isatty', [1, 2, -1, 1.5, '1', 2 ** 31, NaN, null].map((v) => tty.isatty(v)).join(','));
console.log('stdout', process.stdout.isTTY, process.stdout instanceof tty.WriteStream);

console.log('WriteStream proto', Object.getOwnPropertyNames(tty.WriteStream.prototype).join(','));
console.log('ReadStream proto', Object.getOwnPropertyNames(tty.ReadStream.prototype).join(','));
console.log('inherits', Object.getPrototypeOf(tty.WriteStream) === require('net').Socket,
            tty.WriteStream.prototype instanceof require('net').Socket);

// A pipe is accepted: a stream with no window size.
const ws = new tty.WriteStream(1);
console.log('pipe ws', ws.isTTY, ws.columns, ws.rows, ws.getWindowSize(), ws.readable, ws.writable);
ws.write('written through a tty.WriteStream\n');
const called = tty.WriteStream(1);
console.log('without new', called instanceof tty.WriteStream);

function show(fn) {
  try {
    fn();
    console.log('no error');
  } catch (err) {
    console.log(err.name, err.code, err.message, JSON.stringify(err.info), err.errno, err.syscall);
  }
}
show(() => new tty.WriteStream(-1));
show(() => new tty.ReadStream(-1));
show(() => new tty.WriteStream(1.5));
show(() => new tty.WriteStream('1'));
const file = path.join(os.tmpdir(), `nodeshim-tty-${process.pid}.txt`);
fs.writeFileSync(file, 'x');
const fd = fs.openSync(file, 'r');
show(() => new tty.WriteStream(fd));
show(() => new tty.ReadStream(fd));
fs.closeSync(fd);
fs.unlinkSync(file);

// hasColors validates its count.
show(() => ws.hasColors(1));
show(() => ws.hasColors('16'));
show(() => ws.hasColors(1.5));
console.log('hasColors', ws.hasColors(2, {}), ws.hasColors(4, {}), ws.hasColors(256, { TERM: 'xterm-256color' }),
            ws.hasColors(257, { TERM: 'xterm-256color' }), ws.hasColors({ COLORTERM: 'truecolor' }),
            ws.hasColors(2 ** 24, { COLORTERM: 'truecolor' }));

// The readline helpers write ANSI sequences to the stream and return true.
const seen = [];
const sink = Object.create(tty.WriteStream.prototype);
sink.write = (data, cb) => { seen.push(JSON.stringify(data)); if (typeof cb === 'function') cb(); return true; };
console.log('cursor', sink.cursorTo(3, 4), sink.moveCursor(-1, 2), sink.clearLine(0), sink.clearScreenDown());
console.log(seen.join(' '));
ws.destroy();
