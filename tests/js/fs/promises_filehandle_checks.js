'use strict';
// FileHandle methods: argument checks reject as Node's (read options object,
// chown ids, write encodings), a method on a non-handle rejects, and
// promises.lchmod exists but is not implemented off macOS.
const fs = require('fs');
const os = require('os');
const path = require('path');

const file = path.join(os.tmpdir(), `nodeshim-fh-${process.pid}.txt`);
const outcome = (p) => p.then((v) => 'ok', (e) => `${e.name} ${e.code}`);

(async () => {
  const h = await fs.promises.open(file, 'w+');
  try {
    console.log('read(0)', await outcome((async () => h.read(0, 0, 0, 0))()));
    console.log('read(null)', await outcome(h.read(null)));
    console.log('read({buffer: 1})', await outcome((async () => h.read({ buffer: 1 }))()));
    console.log('chown -2', await outcome(h.chown(-2, 0)));
    console.log('chown 1.5', await outcome(h.chown(1.5, 0)));
    console.log('write odd hex', await outcome(h.write('abc', 0, 'hex')));
    console.log('write even hex', (await h.write('abcd', 0, 'hex')).bytesWritten);
    console.log('stat on {}', await outcome(h.stat.call({})));
    console.log('writeSync odd hex', (() => {
      try { fs.writeSync(h.fd, 'a', 0, 'hex'); return 'ok'; } catch (e) { return e.code; }
    })());
    console.log('lchmod', typeof fs.promises.lchmod, await outcome(fs.promises.lchmod(file, 0o644)));
  } finally {
    await h.close();
    fs.unlinkSync(file);
  }
})();
