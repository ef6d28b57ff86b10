// fs.cp / fs.promises.cp: the walk of internal/fs/cp/cp-sync run with
// fs.promises (a filter may return a promise here).
'use strict';

const { cpGenerator } = require('internal/fs/cp/cp-sync');

function asyncOps(fsp, opts) {
  const orNull = (fn) => async (p) => {
    try {
      return await fn(p);
    } catch (err) {
      if (err.code === 'ENOENT') return null;
      throw err;
    }
  };
  return {
    __proto__: null,
    filter: async (src, dest) => opts.filter(src, dest),
    statBig: (p) => fsp.stat(p, { bigint: true }),
    lstatBig: (p) => fsp.lstat(p, { bigint: true }),
    statBigOrNull: orNull((p) => fsp.stat(p, { bigint: true })),
    lstatBigOrNull: orNull((p) => fsp.lstat(p, { bigint: true })),
    stat: (p) => fsp.stat(p),
    lstat: (p) => fsp.lstat(p),
    exists: (p) => fsp.access(p).then(() => true, () => false),
    mkdir: (p) => fsp.mkdir(p),
    mkdirp: (p) => fsp.mkdir(p, { recursive: true }),
    chmod: (p, mode) => fsp.chmod(p, mode),
    unlink: (p) => fsp.unlink(p),
    copyFile: (s, d, mode) => fsp.copyFile(s, d, mode),
    utimes: (p, atime, mtime) => fsp.utimes(p, atime, mtime),
    readdir: (p) => fsp.readdir(p),
    readlink: (p) => fsp.readlink(p),
    symlink: (target, p) => fsp.symlink(target, p),
  };
}

async function cpFn(src, dest, opts) {
  const ops = asyncOps(require('fs').promises, opts);
  const gen = cpGenerator(src, dest, opts);
  let step = gen.next();
  while (!step.done) {
    const [op, ...args] = step.value;
    let result;
    try {
      result = await ops[op](...args);
    } catch (err) {
      step = gen.throw(err);
      continue;
    }
    step = gen.next(result);
  }
}

module.exports = { cpFn };
