'use strict';
// Writable encoding argument in object/byte mode, defaultEncoding checks,
// Duplex cork-then-destroy, finished() waiting for in-flight writes.
const { Writable, Duplex, finished } = require('stream');

const seen = [];
const obj = new Writable({ objectMode: true, write(c, e, cb) { seen.push(String(e)); cb(); } });
obj.write('a');
obj.write('b', 'hex');
obj.write('c', () => {});
obj.write('d', 'bogus');
obj.end(new Uint8Array(1));
const bytes = new Writable({ decodeStrings: false, write(c, e, cb) { seen.push(e + ':' + typeof c); cb(); } });
bytes.write('x');
bytes.write(Buffer.from('y'));
bytes.write(new Uint8Array(1));
try { bytes.write('z', 'bogus'); } catch (e) { seen.push(e.code); }
for (const mode of [false, true]) {
  try {
    new Writable({ objectMode: mode, defaultEncoding: 'nope' });
  } catch (e) { seen.push(e.code); }
}
console.log(seen.join(' '));

const d = new Duplex({ read() {}, write(c, e, cb) { cb(); } });
d.cork();
d.write('foo', (err) => console.log('corked write cb:', err && err.code));
d.on('close', () => console.log('duplex closed'));
d.destroy();

let done = false;
const d2 = new Duplex({ write(c, e, cb) { setImmediate(() => { done = true; cb(); }); } });
d2.end('foo');
finished(d2, { readable: false }, (err) => {
  console.log('finished', !!err, done, d2._writableState.pendingcb);
});

const w = new Writable({ final(cb) { cb(); cb(); } });
w.on('error', (e) => console.log('final twice:', e.code, e instanceof Error));
w.on('finish', () => console.log('finish'));
w.end();
