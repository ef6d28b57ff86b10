'use strict';
// writeFile/appendFile { flush }: validated as a boolean; true syncs the file
// (through fs.fsyncSync / fs.fsync / FileHandle.sync) before closing it.
const fs = require('fs');
const path = require('path');
const os = require('os');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodeshim-flush-'));
const file = path.join(dir, 'f.txt');
for (const v of ['true', 0, {}, null]) {
  try {
    fs.writeFileSync(file, 'x', { flush: v });
  } catch (e) {
    console.log('flush', JSON.stringify(v), e.code);
  }
}
const realSync = fs.fsyncSync;
let syncs = 0;
fs.fsyncSync = (fd) => { syncs++; return realSync(fd); };
fs.writeFileSync(file, 'a', { flush: true });
fs.appendFileSync(file, 'b', { flush: true });
fs.writeFileSync(path.join(dir, 'g'), 'c', { flush: false });
fs.fsyncSync = realSync;
console.log('sync flushes', syncs, fs.readFileSync(file, 'utf8'));
const realFsync = fs.fsync;
let asyncSyncs = 0;
fs.fsync = (fd, cb) => { asyncSyncs++; return realFsync(fd, cb); };
fs.appendFile(file, 'c', { flush: true }, (err) => {
  fs.fsync = realFsync;
  console.log('async flush', err, asyncSyncs, fs.readFileSync(file, 'utf8'));
  fs.promises.writeFile(file, 'd', { flush: true }).then(() => {
    console.log('promises flush', fs.readFileSync(file, 'utf8'));
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
