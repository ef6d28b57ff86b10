'use strict';
// fs.watch on a directory (rename/change events with names), file watch,
// recursive watch of a new subfolder, fs.promises.watch with an AbortSignal,
// watchFile/unwatchFile 'stop', ENOENT errors.
const fs = require('fs');
const path = require('path');
const os = require('os');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodeshim-watch-'));
const done = () => fs.rmSync(dir, { recursive: true, force: true });

try {
  fs.watch(path.join(dir, 'missing'));
} catch (e) {
  console.log('missing:', e.code, e.syscall);
}

async function steps() {
  // Directory watch: the created file's name.
  await new Promise((resolve) => {
    const w = fs.watch(dir, (eventType, filename) => {
      if (filename !== 'a.txt') return;
      console.log('dir event for', filename);
      w.close();
    });
    w.on('close', resolve);
    setTimeout(() => fs.writeFileSync(path.join(dir, 'a.txt'), 'x'), 10);
  });

  // File watch: 'change' with the file's basename.
  await new Promise((resolve) => {
    const file = path.join(dir, 'a.txt');
    const w = fs.watch(file, { encoding: 'buffer' }, (eventType, filename) => {
      console.log('file event', eventType, Buffer.isBuffer(filename), filename.toString());
      w.close();
      resolve();
    });
    setTimeout(() => fs.appendFileSync(file, 'y'), 10);
  });

  // Recursive: a file in a folder created after the watch started.
  await new Promise((resolve) => {
    const w = fs.watch(dir, { recursive: true }, (eventType, filename) => {
      if (filename === path.join('sub', 'b.txt')) {
        console.log('recursive event for', filename);
        w.close();
        resolve();
      }
    });
    setTimeout(() => {
      fs.mkdirSync(path.join(dir, 'sub'));
      setTimeout(() => fs.writeFileSync(path.join(dir, 'sub', 'b.txt'), 'z'), 20);
    }, 10);
  });

  // fs.promises.watch ends with an AbortError.
  const ac = new AbortController();
  setTimeout(() => fs.writeFileSync(path.join(dir, 'c.txt'), 'c'), 10);
  try {
    for await (const { filename } of fs.promises.watch(dir, { signal: ac.signal })) {
      if (filename === 'c.txt') {
        console.log('promises event for', filename);
        ac.abort();
      }
    }
  } catch (e) {
    console.log('promises watch ended:', e.name);
  }

  // watchFile / unwatchFile.
  await new Promise((resolve) => {
    const target = path.join(dir, 'polled');
    fs.writeFileSync(target, 'p');
    const w = fs.watchFile(target, { interval: 10 }, (curr, prev) => {
      console.log('watchFile change', curr.size, prev.size);
      fs.unwatchFile(target);
    });
    w.on('stop', () => {
      console.log('watchFile stop');
      resolve();
    });
    setTimeout(() => fs.appendFileSync(target, 'pp'), 50);
  });
}

steps().finally(done);
