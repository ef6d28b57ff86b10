'use strict';
// fs.read/readSync option validation, opendir bufferSize and closed/concurrent
// Dir errors, mkdir -p through '..' segments.
const fs = require('fs');
const path = require('path');
const os = require('os');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodeshim-edges-'));
const file = path.join(dir, 'x.txt');
fs.writeFileSync(file, 'xyz\n');
const fd = fs.openSync(file, 'r');
const code = (fn) => { try { fn(); return 'ok'; } catch (e) { return e.code; } };

console.log('read {buffer:null}', code(() => fs.read(fd, { buffer: null }, () => {})));
console.log('readSync {buffer:null}', code(() => fs.readSync(fd, { buffer: null })));
for (const opt of [false, true, 1, 'x']) {
  console.log('readSync options', JSON.stringify(opt), code(() => fs.readSync(fd, Buffer.alloc(4), opt)));
}
for (const opt of [null, undefined, {}, { position: 0 }]) {
  console.log('readSync options', String(JSON.stringify(opt)), code(() => fs.readSync(fd, Buffer.alloc(4), opt)));
}
fs.closeSync(fd);

for (const bufferSize of [-1, 0, 0.5, Infinity, '', '1', null, 1, 64]) {
  console.log('opendir bufferSize', String(bufferSize),
              code(() => fs.opendirSync(dir, { bufferSize }).closeSync()));
}
const d = fs.opendirSync(dir);
d.read(() => setImmediate(() => {
  d.closeSync();
  d.close((err) => {
    console.log('close after close', err.code);
    const target = `${dir}/a/../b/c`;
    fs.mkdirSync(target, { recursive: true });
    console.log('mkdirp through ..', fs.existsSync(target), fs.existsSync(path.join(dir, 'a')));
    fs.rmSync(dir, { recursive: true, force: true });
  });
}));
console.log('closeSync during read', code(() => d.closeSync()));
console.log('readSync during read', code(() => d.readSync()));
