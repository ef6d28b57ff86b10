// fs.cp / fs.cpSync / fs.promises.cp: Node's copy algorithm (checks on the
// src/dest pair, parents, then a walk by file type).  The walk is written
// once as a generator that yields each filesystem step; cpSyncFn runs the
// steps with the sync fs calls, internal/fs/cp/cp's cpFn with fs.promises.
'use strict';

const path = require('path');
const {
  codes: {
    ERR_FS_CP_DIR_TO_NON_DIR, ERR_FS_CP_EEXIST, ERR_FS_CP_EINVAL, ERR_FS_CP_FIFO_PIPE,
    ERR_FS_CP_NON_DIR_TO_DIR, ERR_FS_CP_SOCKET, ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY,
    ERR_FS_CP_UNKNOWN, ERR_FS_EISDIR, ERR_INVALID_RETURN_VALUE,
  },
} = require('internal/errors');

const EINVAL = 22;
const EISDIR = 21;
const ENOTDIR = 20;
const EEXIST = 17;

function cpError(Ctor, message, where, errno, code) {
  return new Ctor({ message, path: where, syscall: 'cp', errno, code });
}

function areIdentical(srcStat, destStat) {
  return destStat.ino && destStat.dev && destStat.ino === srcStat.ino &&
    destStat.dev === srcStat.dev;
}

// Whether dest lies inside src (or is src), by path components.
function isSrcSubdir(src, dest) {
  const srcParts = path.resolve(src).split(path.sep).filter(Boolean);
  const destParts = path.resolve(dest).split(path.sep).filter(Boolean);
  return srcParts.every((part, i) => destParts[i] === part);
}

// Each step: yield [operation, ...args]; the runner answers with its result
// or throws its error into the generator.
function* checkPaths(src, dest, opts) {
  if (opts.filter) {
    const include = yield ['filter', src, dest];
    if (!include) return { skipped: true };
  }
  const statOp = opts.dereference ? 'statBig' : 'lstatBig';
  const srcStat = yield [statOp, src];
  const destStat = yield [statOp + 'OrNull', dest];
  if (destStat) {
    if (areIdentical(srcStat, destStat)) {
      throw cpError(ERR_FS_CP_EINVAL, 'src and dest cannot be the same', dest, EINVAL, 'EINVAL');
    }
    if (srcStat.isDirectory() && !destStat.isDirectory()) {
      throw cpError(ERR_FS_CP_DIR_TO_NON_DIR,
                    `cannot overwrite directory ${src} with non-directory ${dest}`, dest, EISDIR, 'EISDIR');
    }
    if (!srcStat.isDirectory() && destStat.isDirectory()) {
      throw cpError(ERR_FS_CP_NON_DIR_TO_DIR,
                    `cannot overwrite non-directory ${src} with directory ${dest}`, dest, ENOTDIR, 'ENOTDIR');
    }
  }
  if (srcStat.isDirectory() && isSrcSubdir(src, dest)) {
    throw cpError(ERR_FS_CP_EINVAL, `cannot copy ${src} to a subdirectory of self ${dest}`,
                  dest, EINVAL, 'EINVAL');
  }
  return { srcStat, destStat, skipped: false };
}

// No ancestor of dest may be src itself.
function* checkParentPaths(src, srcStat, dest) {
  const srcParent = path.resolve(path.dirname(src));
  let destParent = path.resolve(path.dirname(dest));
  while (destParent !== srcParent && destParent !== path.parse(destParent).root) {
    const destStat = yield ['statBigOrNull', destParent];
    if (!destStat) return;
    if (areIdentical(srcStat, destStat)) {
      throw cpError(ERR_FS_CP_EINVAL, `cannot copy ${src} to a subdirectory of self ${dest}`,
                    dest, EINVAL, 'EINVAL');
    }
    destParent = path.resolve(path.dirname(destParent));
  }
}

function* copyItem(destStat, src, dest, opts) {
  const srcStat = yield [opts.dereference ? 'stat' : 'lstat', src];
  if (srcStat.isDirectory()) {
    if (!opts.recursive) {
      throw cpError(ERR_FS_EISDIR, `Recursive option is required to copy a directory: ${src}`,
                    src, EISDIR, 'EISDIR');
    }
    if (!destStat) {
      yield ['mkdir', dest];
      yield* copyDir(src, dest, opts);
      yield ['chmod', dest, srcStat.mode];
    } else {
      yield* copyDir(src, dest, opts);
    }
  } else if (srcStat.isFile() || srcStat.isCharacterDevice() || srcStat.isBlockDevice()) {
    if (destStat) {
      if (opts.force) {
        yield ['unlink', dest];
      } else {
        if (opts.errorOnExist) {
          throw cpError(ERR_FS_CP_EEXIST, `${dest} already exists`, dest, EEXIST, 'EEXIST');
        }
        return;
      }
    }
    yield ['copyFile', src, dest, opts.mode];
    if (opts.preserveTimestamps) {
      // utimes needs write access; a read-only source made a read-only copy.
      if ((srcStat.mode & 0o200) === 0) yield ['chmod', dest, srcStat.mode | 0o200];
      const current = yield ['stat', src];
      yield ['utimes', dest, current.atime, current.mtime];
    }
    yield ['chmod', dest, srcStat.mode];
  } else if (srcStat.isSymbolicLink()) {
    yield* copyLink(destStat, src, dest, opts);
  } else if (srcStat.isSocket()) {
    throw cpError(ERR_FS_CP_SOCKET, `cannot copy a socket file: ${dest}`, dest, EINVAL, 'EINVAL');
  } else if (srcStat.isFIFO()) {
    throw cpError(ERR_FS_CP_FIFO_PIPE, `cannot copy a FIFO pipe: ${dest}`, dest, EINVAL, 'EINVAL');
  } else {
    throw cpError(ERR_FS_CP_UNKNOWN, `cannot copy an unknown file type: ${dest}`, dest, EINVAL, 'EINVAL');
  }
}

function* copyDir(src, dest, opts) {
  const names = yield ['readdir', src];
  for (const name of names) {
    const srcItem = path.join(src, name);
    const destItem = path.join(dest, name);
    const { destStat, skipped } = yield* checkPaths(srcItem, destItem, opts);
    if (!skipped) yield* copyItem(destStat, srcItem, destItem, opts);
  }
}

function* copyLink(destStat, src, dest, opts) {
  let resolvedSrc = yield ['readlink', src];
  if (!opts.verbatimSymlinks && !path.isAbsolute(resolvedSrc)) {
    resolvedSrc = path.resolve(path.dirname(src), resolvedSrc);
  }
  if (!destStat) {
    yield ['symlink', resolvedSrc, dest];
    return;
  }
  let resolvedDest;
  try {
    resolvedDest = yield ['readlink', dest];
  } catch (err) {
    // dest is a file or folder, not a link: the symlink call reports it.
    if (err.code === 'EINVAL' || err.code === 'UNKNOWN') {
      yield ['symlink', resolvedSrc, dest];
      return;
    }
    throw err;
  }
  if (!path.isAbsolute(resolvedDest)) resolvedDest = path.resolve(path.dirname(dest), resolvedDest);
  if (isSrcSubdir(resolvedSrc, resolvedDest)) {
    throw cpError(ERR_FS_CP_EINVAL,
                  `cannot copy ${resolvedSrc} to a subdirectory of self ${resolvedDest}`, dest, EINVAL, 'EINVAL');
  }
  // Replacing dest would delete what the new link points into.
  const srcTarget = yield ['stat', src];
  if (srcTarget.isDirectory() && isSrcSubdir(resolvedDest, resolvedSrc)) {
    throw cpError(ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY,
                  `cannot overwrite ${resolvedDest} with ${resolvedSrc}`, dest, EINVAL, 'EINVAL');
  }
  yield ['unlink', dest];
  yield ['symlink', resolvedSrc, dest];
}

function* cpGenerator(src, dest, opts) {
  const { srcStat, destStat, skipped } = yield* checkPaths(src, dest, opts);
  if (skipped) return;
  yield* checkParentPaths(src, srcStat, dest);
  const destParent = path.dirname(dest);
  if (!(yield ['exists', destParent])) yield ['mkdirp', destParent];
  yield* copyItem(destStat, src, dest, opts);
}

function isPromise(value) {
  return value !== null && typeof value === 'object' && typeof value.then === 'function';
}

// The file operations the walk needs, over `call(name, ...args)`: fs's
// *Sync functions, or fs.promises' (internal/fs/cp/cp).  `orNull` makes a
// stat answer null for a missing path; `exists` differs between the two.
function fileOps(call, orNull, exists) {
  return {
    __proto__: null,
    statBig: (p) => call('stat', p, { bigint: true }),
    lstatBig: (p) => call('lstat', p, { bigint: true }),
    statBigOrNull: orNull((p) => call('stat', p, { bigint: true })),
    lstatBigOrNull: orNull((p) => call('lstat', p, { bigint: true })),
    stat: (p) => call('stat', p),
    lstat: (p) => call('lstat', p),
    exists,
    mkdir: (p) => call('mkdir', p),
    mkdirp: (p) => call('mkdir', p, { recursive: true }),
    chmod: (p, mode) => call('chmod', p, mode),
    unlink: (p) => call('unlink', p),
    copyFile: (s, d, mode) => call('copyFile', s, d, mode),
    utimes: (p, atime, mtime) => call('utimes', p, atime, mtime),
    readdir: (p) => call('readdir', p),
    readlink: (p) => call('readlink', p),
    symlink: (target, p) => call('symlink', target, p),
  };
}

function syncOps(fs, opts) {
  const orNull = (fn) => (p) => {
    try {
      return fn(p);
    } catch (err) {
      if (err.code === 'ENOENT') return null;
      throw err;
    }
  };
  const ops = fileOps((name, ...args) => fs[`${name}Sync`](...args), orNull, (p) => fs.existsSync(p));
  ops.filter = (src, dest) => {
    const include = opts.filter(src, dest);
    if (isPromise(include)) throw new ERR_INVALID_RETURN_VALUE('boolean', 'filter', include);
    return include;
  };
  return ops;
}

function cpSyncFn(src, dest, opts) {
  const ops = syncOps(require('fs'), opts);
  const gen = cpGenerator(src, dest, opts);
  let step = gen.next();
  while (!step.done) {
    const [op, ...args] = step.value;
    let result;
    try {
      result = ops[op](...args);
    } catch (err) {
      step = gen.throw(err);
      continue;
    }
    step = gen.next(result);
  }
}

module.exports = { cpSyncFn, cpGenerator, fileOps };
