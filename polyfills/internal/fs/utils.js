// Shared pieces of node:fs: Stats, Dirent, flag/mode/path/option validation
// and the error a failed binding call becomes.
'use strict';

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_OUT_OF_RANGE,
    ERR_FS_INVALID_SYMLINK_TYPE,
  },
  uvException,
} = require('internal/errors');
const {
  validateAbortSignal,
  validateBoolean,
  validateInteger,
  validateInt32,
  validateObject,
  validateUint32,
  parseFileMode,
} = require('internal/validators');

const fsConstants = internalBinding('constants').fs;
const {
  O_APPEND, O_CREAT, O_EXCL, O_RDONLY, O_RDWR, O_SYNC, O_TRUNC, O_WRONLY,
  S_IFMT, S_IFREG, S_IFDIR, S_IFCHR, S_IFBLK, S_IFIFO, S_IFLNK, S_IFSOCK,
} = fsConstants;

const UV_DIRENT_UNKNOWN = 0;
const UV_DIRENT_FILE = 1;
const UV_DIRENT_DIR = 2;
const UV_DIRENT_LINK = 3;
const UV_DIRENT_FIFO = 4;
const UV_DIRENT_SOCKET = 5;
const UV_DIRENT_CHAR = 6;
const UV_DIRENT_BLOCK = 7;

const kType = Symbol('type');
const kStats = Symbol('stats');
const kMaxUserId = 2 ** 32 - 1;

let BufferCtor;
function lazyBuffer() {
  if (BufferCtor === undefined) BufferCtor = require('buffer').Buffer;
  return BufferCtor;
}

// ---------------------------------------------------------------------------
// Errors from the binding: a negative errno becomes Node's uvException.

function uvError(errno, syscall, path, dest) {
  // Node's fs binding fills its context as errno, code, syscall, path, dest:
  // the error's own keys come out in that order (code is set by uvException).
  const ctx = { errno, code: undefined, syscall };
  if (path !== undefined) ctx.path = path;
  if (dest !== undefined) ctx.dest = dest;
  const err = uvException(ctx);
  if (Error.captureStackTrace) Error.captureStackTrace(err, uvError);
  return err;
}

// Calls a binding function; negative numbers are errors.
function check(result, syscall, path, dest) {
  if (typeof result === 'number' && result < 0) throw uvError(result, syscall, path, dest);
  return result;
}

// ---------------------------------------------------------------------------
// Dirent

class Dirent {
  constructor(name, type, path) {
    this.name = name;
    this.parentPath = path;
    this.path = path;
    this[kType] = type;
  }

  isDirectory() { return this[kType] === UV_DIRENT_DIR; }
  isFile() { return this[kType] === UV_DIRENT_FILE; }
  isBlockDevice() { return this[kType] === UV_DIRENT_BLOCK; }
  isCharacterDevice() { return this[kType] === UV_DIRENT_CHAR; }
  isSymbolicLink() { return this[kType] === UV_DIRENT_LINK; }
  isFIFO() { return this[kType] === UV_DIRENT_FIFO; }
  isSocket() { return this[kType] === UV_DIRENT_SOCKET; }
}

class DirentFromStats extends Dirent {
  constructor(name, stats, path) {
    super(name, null, path);
    this[kStats] = stats;
  }
}
for (const name of Reflect.ownKeys(Dirent.prototype)) {
  if (name === 'constructor') continue;
  DirentFromStats.prototype[name] = function() {
    return this[kStats][name]();
  };
}

// A folder's entry path, keeping Buffers as Buffers (names may not be UTF-8).
function joinEntryPath(path, name) {
  const B = lazyBuffer();
  if (typeof path === 'string' && typeof name === 'string') {
    return path.endsWith('/') ? path + name : `${path}/${name}`;
  }
  if ((typeof path === 'string' || B.isBuffer(path)) && B.isBuffer(name)) {
    const base = B.from(path);
    const parts = base[base.length - 1] === 0x2f ? [base, name] : [base, B.from('/'), name];
    return B.concat(parts);
  }
  if (B.isBuffer(path) && typeof name === 'string') {
    return B.concat([path, B.from('/'), B.from(name)]);
  }
  throw new ERR_INVALID_ARG_TYPE('path', ['string', 'Buffer'], path);
}

// Dirents of a binding's [names, types]; an UNKNOWN type (a file system
// without d_type) is resolved by an lstat of the entry, as Node does.
// Without a callback the lstats are synchronous and the Dirents returned.
function getDirents(path, [names, types], callback) {
  const fs = require('fs');
  if (typeof callback !== 'function') {
    return names.map((name, i) => {
      if (types[i] !== UV_DIRENT_UNKNOWN) return new Dirent(name, types[i], path);
      return new DirentFromStats(name, fs.lstatSync(joinEntryPath(path, name)), path);
    });
  }
  const out = new Array(names.length);
  let pending = 1;
  let failed = false;
  const done = () => {
    if (--pending === 0 && !failed) callback(null, out);
  };
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    if (types[i] !== UV_DIRENT_UNKNOWN) {
      out[i] = new Dirent(name, types[i], path);
      continue;
    }
    let entryPath;
    try {
      entryPath = joinEntryPath(path, name);
    } catch (err) {
      failed = true;
      callback(err);
      return;
    }
    pending++;
    fs.lstat(entryPath, (err, stats) => {
      if (failed) return;
      if (err) {
        failed = true;
        callback(err);
        return;
      }
      out[i] = new DirentFromStats(name, stats, path);
      done();
    });
  }
  done();
}

function getDirent(path, name, type, callback) {
  const fs = require('fs');
  if (typeof callback !== 'function') {
    if (type !== UV_DIRENT_UNKNOWN) return new Dirent(name, type, path);
    return new DirentFromStats(name, fs.lstatSync(joinEntryPath(path, name)), path);
  }
  if (type !== UV_DIRENT_UNKNOWN) {
    callback(null, new Dirent(name, type, path));
    return;
  }
  let entryPath;
  try {
    entryPath = joinEntryPath(path, name);
  } catch (err) {
    callback(err);
    return;
  }
  fs.lstat(entryPath, (err, stats) => {
    if (err) callback(err);
    else callback(null, new DirentFromStats(name, stats, path));
  });
}

// ---------------------------------------------------------------------------
// Stats

function StatsBase(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks) {
  this.dev = dev;
  this.mode = mode;
  this.nlink = nlink;
  this.uid = uid;
  this.gid = gid;
  this.rdev = rdev;
  this.blksize = blksize;
  this.ino = ino;
  this.size = size;
  this.blocks = blocks;
}

StatsBase.prototype.isDirectory = function() { return this._checkModeProperty(S_IFDIR); };
StatsBase.prototype.isFile = function() { return this._checkModeProperty(S_IFREG); };
StatsBase.prototype.isBlockDevice = function() { return this._checkModeProperty(S_IFBLK); };
StatsBase.prototype.isCharacterDevice = function() { return this._checkModeProperty(S_IFCHR); };
StatsBase.prototype.isSymbolicLink = function() { return this._checkModeProperty(S_IFLNK); };
StatsBase.prototype.isFIFO = function() { return this._checkModeProperty(S_IFIFO); };
StatsBase.prototype.isSocket = function() { return this._checkModeProperty(S_IFSOCK); };

function dateFromMs(ms) {
  return new Date(Math.round(Number(ms)));
}

function Stats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
               atimeMs, mtimeMs, ctimeMs, birthtimeMs) {
  StatsBase.call(this, dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks);
  this.atimeMs = atimeMs;
  this.mtimeMs = mtimeMs;
  this.ctimeMs = ctimeMs;
  this.birthtimeMs = birthtimeMs;
  this.atime = dateFromMs(atimeMs);
  this.mtime = dateFromMs(mtimeMs);
  this.ctime = dateFromMs(ctimeMs);
  this.birthtime = dateFromMs(birthtimeMs);
}
Object.setPrototypeOf(Stats.prototype, StatsBase.prototype);
Object.setPrototypeOf(Stats, StatsBase);
Stats.prototype.isFile = StatsBase.prototype.isFile;
Stats.prototype._checkModeProperty = function(property) {
  return (this.mode & S_IFMT) === property;
};

const kNsPerMsBigInt = 10n ** 6n;
function BigIntStats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
                     atimeNs, mtimeNs, ctimeNs, birthtimeNs) {
  StatsBase.call(this, dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks);
  this.atimeMs = atimeNs / kNsPerMsBigInt;
  this.mtimeMs = mtimeNs / kNsPerMsBigInt;
  this.ctimeMs = ctimeNs / kNsPerMsBigInt;
  this.birthtimeMs = birthtimeNs / kNsPerMsBigInt;
  this.atimeNs = atimeNs;
  this.mtimeNs = mtimeNs;
  this.ctimeNs = ctimeNs;
  this.birthtimeNs = birthtimeNs;
  this.atime = dateFromMs(this.atimeMs);
  this.mtime = dateFromMs(this.mtimeMs);
  this.ctime = dateFromMs(this.ctimeMs);
  this.birthtime = dateFromMs(this.birthtimeMs);
}
Object.setPrototypeOf(BigIntStats.prototype, StatsBase.prototype);
Object.setPrototypeOf(BigIntStats, StatsBase);
BigIntStats.prototype._checkModeProperty = function(property) {
  return (this.mode & BigInt(S_IFMT)) === BigInt(property);
};

// The binding's stat array: dev mode nlink uid gid rdev blksize ino size
// blocks atimeMs mtimeMs ctimeMs birthtimeMs.
function getStatsFromBinding(arr, bigint = false) {
  if (bigint) {
    const ints = arr.slice(0, 10).map((v) => BigInt(Math.trunc(v)));
    const ns = arr.slice(10, 14).map((ms) => BigInt(Math.round(ms * 1e6)));
    return new BigIntStats(...ints, ...ns);
  }
  return new Stats(...arr);
}

// ---------------------------------------------------------------------------
// Flags, modes, paths, options

function stringToFlags(flags, name = 'flags') {
  if (typeof flags === 'number') return flags;
  if (flags == null) return O_RDONLY;
  switch (flags) {
    case 'r': return O_RDONLY;
    case 'rs': // Fall through.
    case 'sr': return O_RDONLY | O_SYNC;
    case 'r+': return O_RDWR;
    case 'rs+': // Fall through.
    case 'sr+': return O_RDWR | O_SYNC;
    case 'w': return O_TRUNC | O_CREAT | O_WRONLY;
    case 'wx': // Fall through.
    case 'xw': return O_TRUNC | O_CREAT | O_WRONLY | O_EXCL;
    case 'w+': return O_TRUNC | O_CREAT | O_RDWR;
    case 'wx+': // Fall through.
    case 'xw+': return O_TRUNC | O_CREAT | O_RDWR | O_EXCL;
    case 'a': return O_APPEND | O_CREAT | O_WRONLY;
    case 'ax': // Fall through.
    case 'xa': return O_APPEND | O_CREAT | O_WRONLY | O_EXCL;
    case 'as': // Fall through.
    case 'sa': return O_APPEND | O_CREAT | O_WRONLY | O_SYNC;
    case 'a+': return O_APPEND | O_CREAT | O_RDWR;
    case 'ax+': // Fall through.
    case 'xa+': return O_APPEND | O_CREAT | O_RDWR | O_EXCL;
    case 'as+': // Fall through.
    case 'sa+': return O_APPEND | O_CREAT | O_RDWR | O_SYNC;
  }
  throw new ERR_INVALID_ARG_VALUE('flags', flags);
}

function isURLLike(value) {
  return value != null && typeof value === 'object' &&
    typeof value.href === 'string' && typeof value.protocol === 'string' &&
    value.auth === undefined && value.path === undefined;
}

function fileURLToPath(url) {
  let internalUrl;
  try {
    internalUrl = require('internal/url');
  } catch {
    // internal/url not available: the plain conversion below.
  }
  // Its errors (a host on POSIX, encoded slashes) reach the caller.
  if (internalUrl && typeof internalUrl.fileURLToPath === 'function') return internalUrl.fileURLToPath(url);
  if (url.protocol !== 'file:') {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_URL_SCHEME('file');
  }
  return decodeURIComponent(url.pathname);
}

function toPathIfFileURL(fileURLOrPath) {
  if (!isURLLike(fileURLOrPath)) return fileURLOrPath;
  return fileURLToPath(fileURLOrPath);
}

function isUint8Array(value) {
  return value instanceof Uint8Array;
}

function validatePath(path, propName = 'path') {
  if (typeof path !== 'string' && !isUint8Array(path)) {
    throw new ERR_INVALID_ARG_TYPE(propName, ['string', 'Buffer', 'URL'], path);
  }
  const hasNul = typeof path === 'string' ? path.includes('\u0000') : path.indexOf(0) !== -1;
  if (hasNul) {
    throw new ERR_INVALID_ARG_VALUE(propName, path,
                                    'must be a string, Uint8Array, or URL without null bytes');
  }
}

// The path as the binding takes it (a string).
function getValidatedPath(fileURLOrPath, propName = 'path') {
  const path = toPathIfFileURL(fileURLOrPath);
  validatePath(path, propName);
  return path;
}

function pathString(path) {
  return typeof path === 'string' ? path : lazyBuffer().from(path).toString();
}

// A path as the binding takes it: a Buffer's own bytes (file names need not
// be UTF-8), a string as is.
function bindingPath(path) {
  return typeof path === 'string' ? path : lazyBuffer().from(path.buffer, path.byteOffset, path.byteLength);
}

function getValidatedFd(fd, propName = 'fd') {
  if (Object.is(fd, -0)) return 0;
  validateInt32(fd, propName, 0);
  return fd;
}

function assertEncoding(encoding) {
  if (encoding && !lazyBuffer().isEncoding(encoding)) {
    throw new ERR_INVALID_ARG_VALUE('encoding', encoding, 'is invalid encoding');
  }
}

function getOptions(options, defaultOptions = {}) {
  if (options == null || typeof options === 'function') return defaultOptions;
  if (typeof options === 'string') {
    defaultOptions = { ...defaultOptions };
    defaultOptions.encoding = options;
    options = defaultOptions;
  } else if (typeof options !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options', ['string', 'Object'], options);
  }
  if (options.encoding !== 'buffer') assertEncoding(options.encoding);
  if (options.signal !== undefined) validateAbortSignal(options.signal, 'options.signal');
  return options;
}

function copyObject(source) {
  const target = {};
  for (const key in source) target[key] = source[key];
  return target;
}

// A name/path from the binding in the requested encoding.
function encodeResult(value, encoding) {
  if (encoding === 'buffer') return lazyBuffer().from(value);
  if (!encoding || encoding === 'utf8' || encoding === 'utf-8') return value;
  return lazyBuffer().from(value).toString(encoding);
}

function toUnixTimestamp(time, name = 'time') {
  if (typeof time === 'string' && +time == time) return +time;
  if (Number.isFinite(time)) {
    if (time < 0) return Date.now() / 1000;
    return time;
  }
  if (time instanceof Date) return time.getTime() / 1000;
  throw new ERR_INVALID_ARG_TYPE(name, ['Date', 'Time in seconds'], time);
}

function validateOffsetLengthRead(offset, length, bufferLength) {
  if (offset < 0) throw new ERR_OUT_OF_RANGE('offset', '>= 0', offset);
  if (length < 0) throw new ERR_OUT_OF_RANGE('length', '>= 0', length);
  if (offset + length > bufferLength) {
    throw new ERR_OUT_OF_RANGE('length', `<= ${bufferLength - offset}`, length);
  }
}

function validateOffsetLengthWrite(offset, length, byteLength) {
  if (offset > byteLength) throw new ERR_OUT_OF_RANGE('offset', `<= ${byteLength}`, offset);
  if (length > byteLength - offset) {
    throw new ERR_OUT_OF_RANGE('length', `<= ${byteLength - offset}`, length);
  }
  if (length < 0) throw new ERR_OUT_OF_RANGE('length', '>= 0', length);
  validateInt32(length, 'length', 0);
}

function validatePosition(position, name = 'position', length) {
  if (typeof position === 'number') {
    validateInteger(position, name, -1);
  } else if (typeof position === 'bigint') {
    const maxPosition = 2n ** 63n - 1n - BigInt(length || 0);
    if (!(position >= -1n && position <= maxPosition)) {
      throw new ERR_OUT_OF_RANGE(name, `>= -1 && <= ${maxPosition}`, position);
    }
  } else {
    throw new ERR_INVALID_ARG_TYPE(name, ['integer', 'bigint'], position);
  }
}

function validateBufferArray(buffers, propName = 'buffers') {
  if (!Array.isArray(buffers)) {
    throw new ERR_INVALID_ARG_TYPE(propName, 'ArrayBufferView[]', buffers);
  }
  for (const b of buffers) {
    if (!ArrayBuffer.isView(b)) throw new ERR_INVALID_ARG_TYPE(propName, 'ArrayBufferView[]', buffers);
  }
  return buffers;
}

function stringToSymlinkType(type) {
  if (type === undefined || type === null) return 0;
  if (type === 'dir' || type === 'file' || type === 'junction') return 0;
  throw new ERR_FS_INVALID_SYMLINK_TYPE(type);
}

const defaultRmOptions = { recursive: false, force: false, retryDelay: 100, maxRetries: 0 };
const defaultRmdirOptions = { retryDelay: 100, maxRetries: 0, recursive: false };

function validateRmdirOptions(options, defaults = defaultRmdirOptions) {
  if (options === undefined) return { ...defaults };
  validateObject(options, 'options');
  // Keys given as undefined override the defaults, and then fail validation.
  options = { ...defaults, ...options };
  validateBoolean(options.recursive, 'options.recursive');
  validateInt32(options.retryDelay, 'options.retryDelay', 0);
  validateUint32(options.maxRetries, 'options.maxRetries');
  return options;
}

// The option checks of rm, without looking at the path.
function normalizeRmOptions(options) {
  options = validateRmdirOptions(options, defaultRmOptions);
  validateBoolean(options.force, 'options.force');
  return options;
}

function rmPathCheck(path, options, expectDir, stats) {
  const isDirectory = stats?.isDirectory();
  if (expectDir && !isDirectory) return false;
  if (isDirectory && !options.recursive) {
    const { codes: { ERR_FS_EISDIR } } = require('internal/errors');
    return new ERR_FS_EISDIR({
      code: 'EISDIR', message: 'is a directory', path, syscall: 'rm', errno: 21,
    });
  }
  return options;
}

// Node's rm validation: options, then (unless forced) that the path exists
// and is not a directory unless recursive.
function validateRmOptionsSync(path, options, expectDir) {
  options = normalizeRmOptions(options);
  if (!options.force || expectDir) {
    path = getValidatedPath(path);
    const stats = require('fs').lstatSync(path, { throwIfNoEntry: !options.force });
    const r = rmPathCheck(pathString(path), options, expectDir, stats);
    if (r instanceof Error) throw r;
    return r;
  }
  return options;
}

function validateRmOptions(path, options, expectDir, cb) {
  options = normalizeRmOptions(options);
  path = getValidatedPath(path);
  require('fs').lstat(path, (err, stats) => {
    if (err) {
      if (options.force && err.code === 'ENOENT') return cb(null, options);
      return cb(err, options);
    }
    const r = rmPathCheck(pathString(path), options, expectDir, stats);
    if (r instanceof Error) return cb(r);
    cb(null, r);
  });
}

function getValidMode(mode, type) {
  let min = 0;
  let max = 7; // F_OK | R_OK | W_OK | X_OK
  let def = 0; // F_OK
  if (type === 'copyFile') {
    max = 7; // COPYFILE_EXCL | FICLONE | FICLONE_FORCE
    def = 0;
  }
  if (mode == null) return def;
  validateInteger(mode, 'mode', min, max);
  return mode;
}

const defaultCpOptions = {
  dereference: false,
  errorOnExist: false,
  filter: undefined,
  force: true,
  preserveTimestamps: false,
  recursive: false,
  verbatimSymlinks: false,
};

function validateCpOptions(options) {
  if (options === undefined) return { ...defaultCpOptions };
  validateObject(options, 'options');
  options = { ...defaultCpOptions, ...options };
  validateBoolean(options.dereference, 'options.dereference');
  validateBoolean(options.errorOnExist, 'options.errorOnExist');
  validateBoolean(options.force, 'options.force');
  validateBoolean(options.preserveTimestamps, 'options.preserveTimestamps');
  validateBoolean(options.recursive, 'options.recursive');
  validateBoolean(options.verbatimSymlinks, 'options.verbatimSymlinks');
  options.mode = getValidMode(options.mode, 'copyFile');
  if (options.dereference === true && options.verbatimSymlinks === true) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INCOMPATIBLE_OPTION_PAIR('dereference', 'verbatimSymlinks');
  }
  if (options.filter !== undefined) {
    require('internal/validators').validateFunction(options.filter, 'options.filter');
  }
  return options;
}

module.exports = {
  assertEncoding,
  validateCpOptions,
  BigIntStats,
  check,
  copyObject,
  Dirent,
  DirentFromStats,
  encodeResult,
  getDirent,
  getDirents,
  joinEntryPath,
  getOptions,
  getStatsFromBinding,
  getValidatedFd,
  getValidatedPath,
  getValidMode,
  kMaxUserId,
  kType,
  parseFileMode,
  pathString,
  bindingPath,
  Stats,
  stringToFlags,
  stringToSymlinkType,
  toPathIfFileURL,
  toUnixTimestamp,
  uvError,
  validateBufferArray,
  validateOffsetLengthRead,
  validateOffsetLengthWrite,
  validatePath,
  validatePosition,
  validateRmOptions,
  validateRmOptionsSync,
  validateRmdirOptions,
  normalizeRmOptions,
  constants: {
    UV_DIRENT_UNKNOWN, UV_DIRENT_FILE, UV_DIRENT_DIR, UV_DIRENT_LINK,
    UV_DIRENT_FIFO, UV_DIRENT_SOCKET, UV_DIRENT_CHAR, UV_DIRENT_BLOCK,
  },
};
