'use strict';
// Callbacks of operations without a result get (err) only; fs errors list
// errno, code, syscall, path, dest in that order.
const fs = require('fs');
const path = require('path');
const os = require('os');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodeshim-arity-'));
const f = path.join(dir, 'f');
fs.writeFileSync(f, 'x');
const fd = fs.openSync(f, 'r+');

function batch(ops, next) {
  const lines = [];
  let pending = ops.length;
  for (const [name, run] of ops) {
    run((...args) => {
      const first = args[0] === null ? 'null' : Object.keys(args[0]).join(',');
      lines.push(`${name} ${args.length} ${first}`);
      if (--pending === 0) {
        console.log(lines.sort().join('\n'));
        next();
      }
    });
  }
}

batch([
  ['fsync', (cb) => fs.fsync(fd, cb)],
  ['fdatasync', (cb) => fs.fdatasync(fd, cb)],
  ['ftruncate', (cb) => fs.ftruncate(fd, cb)],
  ['chmod', (cb) => fs.chmod(f, 0o644, cb)],
  ['access', (cb) => fs.access(f, cb)],
  ['utimes', (cb) => fs.utimes(f, 1, 1, cb)],
  ['mkdir', (cb) => fs.mkdir(path.join(dir, 'd'), cb)],
  ['mkdir-recursive', (cb) => fs.mkdir(path.join(dir, 'r', 's'), { recursive: true }, cb)],
  ['unlink-missing', (cb) => fs.unlink(path.join(dir, 'nope'), cb)],
  ['rename-missing', (cb) => fs.rename(path.join(dir, 'nope'), path.join(dir, 'x'), cb)],
], () => batch([
  ['rmdir', (cb) => fs.rmdir(path.join(dir, 'd'), cb)],
  ['close', (cb) => fs.close(fd, cb)],
  ['rename', (cb) => fs.rename(f, f + '3', cb)],
], () => fs.rmSync(dir, { recursive: true, force: true })));
