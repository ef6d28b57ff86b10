// fs.promises: the same implementations as node:fs, settled in the poll
// phase; FileHandle wraps a file descriptor.
'use strict';

const fs = require('fs');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_STATE },
  AbortError,
  aggregateTwoErrors,
} = require('internal/errors');
const { validateBoolean, validateFunction, validateInteger, validateObject, validateString } =
  require('internal/validators');
const utils = require('internal/fs/utils');
const {
  getOptions, getValidatedPath, getValidatedFd, getValidMode, parseFileMode, pathString,
  stringToFlags, stringToSymlinkType, toUnixTimestamp, normalizeRmOptions, copyObject,
  validateBufferArray, check, uvError,
} = utils;
const { Buffer } = require('buffer');
const EventEmitter = require('events');

const internals = fs[Symbol.for('nodeshim.fs.internals')];
const { binding } = internals;

// A promise settled from the poll phase with work()'s result (settled by
// an async resource of its own, as Node's FSReqPromise).
function later(work) {
  return new Promise((resolve, reject) => {
    internals.deferPromiseReq(() => {
      let result;
      try {
        result = work();
      } catch (err) {
        reject(err);
        return;
      }
      resolve(result);
    });
  });
}

function checkAborted(signal) {
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });
}

const kFd = Symbol('kFd');
const kClosePromise = Symbol('kClosePromise');
const kRefs = Symbol('kRefs');

const kCloseResolve = Symbol('kCloseResolve');
const kCloseReject = Symbol('kCloseReject');
const kUnref = Symbol('kUnref');
const kRef = Symbol('kRef');
const {
  markTransferMode, kTransfer, kDeserialize,
} = require('internal/worker/js_transferable');

// A FileHandle collected while open closes its descriptor and warns, as
// Node's native FileHandle does in its destructor.
let gcCloser;
let warnedGcClose = false;
function closeOnGc(fd) {
  binding.close(fd);
  const warn = () => {
    process.emitWarning(`Closing file descriptor ${fd} on garbage collection`);
    if (!warnedGcClose) {
      warnedGcClose = true;
      process.emitWarning(
        'Closing a FileHandle object on garbage collection is deprecated. ' +
        'Please close FileHandle objects explicitly using ' +
        'FileHandle.prototype.close(). In the future, an error will be ' +
        'thrown if a file descriptor is closed during garbage collection.',
        'DeprecationWarning', 'DEP0137');
    }
  };
  setImmediate(warn).unref();
}

function watchFd(handle, fd) {
  handle[kFd] = fd;
  if (typeof fd !== 'number' || fd < 0) return;
  gcCloser ??= new FinalizationRegistry(closeOnGc);
  gcCloser.register(handle, fd, handle);
}

function forgetFd(handle) {
  handle[kFd] = -1;
  gcCloser?.unregister(handle);
}

// Runs work(fd) from the poll phase, holding a reference on the handle;
// `syscall` names the operation in the error for a closed handle.  A method
// called on something else rejects, as Node's.
function fsCall(handle, syscall, work) {
  if (handle === null || typeof handle !== 'object' || handle[kRefs] === undefined) {
    const { codes } = require('internal/errors');
    return Promise.reject(new codes.ERR_INTERNAL_ASSERTION('handle must be an instance of FileHandle'));
  }
  let fd;
  try {
    fd = handle.fd;
  } catch (err) {
    return Promise.reject(err);
  }
  if (fd === -1) {
    const err = new Error('file closed');
    err.code = 'EBADF';
    err.syscall = syscall;
    return Promise.reject(err);
  }
  handle[kRefs]++;
  return later(() => work(fd)).finally(() => handle[kUnref]());
}

class FileHandle extends EventEmitter {
  constructor(fd) {
    super();
    watchFd(this, fd);
    this[kRefs] = 1;
    // postMessage() transfers it (to a thread of this process: the same fd).
    markTransferMode(this, false, true);
    this[kClosePromise] = null;
    this[kCloseResolve] = undefined;
    this[kCloseReject] = undefined;
    // An own property, as Node's: close() may be replaced per handle.
    this.close = () => {
      if (this[kFd] === -1) return Promise.resolve();
      if (this[kClosePromise]) return this[kClosePromise];
      this[kRefs]--;
      let promise;
      if (this[kRefs] === 0) {
        const fd = this[kFd];
        forgetFd(this);
        promise = later(() => { check(binding.close(fd), 'close'); });
      } else {
        // Operations in flight: the descriptor closes when the last one ends.
        promise = new Promise((resolve, reject) => {
          this[kCloseResolve] = resolve;
          this[kCloseReject] = reject;
        });
      }
      this[kClosePromise] = promise.finally(() => {
        this[kClosePromise] = null;
        this[kCloseResolve] = undefined;
        this[kCloseReject] = undefined;
      });
      this.emit('close');
      return this[kClosePromise];
    };
  }

  get fd() { return this[kFd]; }

  [kTransfer]() {
    if (this[kClosePromise] || this[kRefs] > 1) {
      const { DOMException } = require('internal/per_context/domexception');
      throw new DOMException('Cannot transfer FileHandle while in use', 'DataCloneError');
    }
    const fd = this[kFd];
    // Closed here without closing the descriptor (and without 'close').
    forgetFd(this);
    this[kRefs] = 0;
    return { data: { fd }, deserializeInfo: 'internal/fs/promises:FileHandle' };
  }

  [kDeserialize]({ fd }) {
    watchFd(this, fd);
    this[kRefs] = 1;
  }

  // A stream over the handle holds it open (and makes it untransferable).
  [kRef]() {
    this[kRefs]++;
  }

  [kUnref]() {
    this[kRefs]--;
    if (this[kRefs] === 0) {
      const fd = this[kFd];
      forgetFd(this);
      later(() => { check(binding.close(fd), 'close'); })
        .then(this[kCloseResolve], this[kCloseReject]);
    }
  }

  getAsyncId() { return -1; }

  appendFile(data, options) {
    options = getOptions(options, { encoding: 'utf8', flag: 'a' });
    return this.writeFile(data, options);
  }

  chmod(mode) {
    mode = parseFileMode(mode, 'mode');
    return fsCall(this, 'fchmod', (fd) => { check(binding.fchmod(fd, mode), 'fchmod'); });
  }

  chown(uid, gid) {
    try {
      const { kMaxUserId } = require('internal/fs/utils');
      validateInteger(uid, 'uid', -1, kMaxUserId);
      validateInteger(gid, 'gid', -1, kMaxUserId);
    } catch (err) {
      return Promise.reject(err);
    }
    return fsCall(this, 'fchown', (fd) => { check(binding.fchown(fd, uid, gid), 'fchown'); });
  }

  datasync() {
    return fsCall(this, 'fdatasync', (fd) => { check(binding.fdatasync(fd), 'fdatasync'); });
  }

  sync() {
    return fsCall(this, 'fsync', (fd) => { check(binding.fsync(fd), 'fsync'); });
  }

  read(buffer, offset, length, position) {
    if (!ArrayBuffer.isView(buffer)) {
      // read(options): an object (or nothing) naming the buffer and range.
      try {
        if (buffer !== undefined) {
          const { kValidateObjectAllowNullable } = require('internal/validators');
          validateObject(buffer, 'options', kValidateObjectAllowNullable);
        }
        ({ buffer = Buffer.alloc(16384), offset = 0, length = buffer.byteLength - offset,
           position = null } = buffer ?? {});
        if (!ArrayBuffer.isView(buffer)) {
          throw new ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView'], buffer);
        }
      } catch (err) {
        return Promise.reject(err);
      }
    }
    if (offset !== null && typeof offset === 'object') {
      ({ offset = 0, length = buffer.byteLength - offset, position = null } = offset);
    }
    if (offset == null) offset = 0;
    if (length == null) length = buffer.byteLength - offset;
    return fsCall(this, 'read', (fd) => {
      const bytesRead = length === 0 ? 0 : fs.readSync(fd, buffer, offset, length, position);
      return { bytesRead, buffer };
    });
  }

  readv(buffers, position) {
    validateBufferArray(buffers);
    return fsCall(this, 'readv', (fd) => ({ bytesRead: fs.readvSync(fd, buffers, position), buffers }));
  }

  readFile(options) {
    options = getOptions(options, { flag: 'r' });
    checkAborted(options.signal);
    return fsCall(this, 'readFile', (fd) => {
      checkAborted(options.signal);
      return internals.readFileImpl(fd, options);
    });
  }

  readLines(options) {
    const { Interface } = require('readline');
    return new Interface({ input: this.createReadStream(options), crlfDelay: Infinity });
  }

  stat(options) {
    return fsCall(this, 'fstat', (fd) => internals.doFstat(fd, options?.bigint));
  }

  truncate(len = 0) {
    return fsCall(this, 'ftruncate', (fd) => fs.ftruncateSync(fd, len));
  }

  utimes(atime, mtime) {
    return fsCall(this, 'futimes', (fd) => fs.futimesSync(fd, atime, mtime));
  }

  write(buffer, offsetOrOptions, length, position) {
    if (ArrayBuffer.isView(buffer)) {
      let offset = offsetOrOptions;
      if (offset !== null && typeof offset === 'object') {
        ({ offset = 0, length = buffer.byteLength - offset, position = null } = offsetOrOptions);
      }
      if (offset == null) offset = 0;
      if (typeof length !== 'number') length = buffer.byteLength - offset;
      if (typeof position !== 'number') position = null;
      return fsCall(this, 'write', (fd) => ({
        bytesWritten: length === 0 ? 0 : fs.writeSync(fd, buffer, offset, length, position),
        buffer,
      }));
    }
    return fsCall(this, 'write', (fd) => ({
      bytesWritten: fs.writeSync(fd, buffer, offsetOrOptions, length),
      buffer,
    }));
  }

  writev(buffers, position) {
    validateBufferArray(buffers);
    return fsCall(this, 'writev', (fd) => ({ bytesWritten: fs.writevSync(fd, buffers, position), buffers }));
  }

  writeFile(data, options) {
    try {
      options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
      checkAborted(options.signal);
    } catch (err) {
      return Promise.reject(err);
    }
    const write = (bytes) => fsCall(this, 'writeFile', (fd) => {
      checkAborted(options.signal);
      internals.writeFileImpl(fd, bytes, options);
    });
    if (typeof data === 'string' || ArrayBuffer.isView(data)) {
      return write(internals.dataToBuffer(data, options.encoding));
    }
    return collectData(data, options.encoding).then(write);
  }

  async [Symbol.asyncDispose]() {
    return this.close();
  }

  createReadStream(options = undefined) {
    const { ReadStream } = require('internal/fs/streams');
    return new ReadStream(undefined, { ...options, fd: this });
  }

  createWriteStream(options = undefined) {
    const { WriteStream } = require('internal/fs/streams');
    return new WriteStream(undefined, { ...options, fd: this });
  }

  readableWebStream() {
    throw new ERR_INVALID_STATE('readableWebStream is not supported');
  }
}

async function access(path, mode) {
  path = getValidatedPath(path);
  mode = getValidMode(mode, 'access');
  return later(() => { check(binding.access(pathString(path), mode), 'access', pathString(path)); });
}

async function copyFile(src, dest, mode) {
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  mode = getValidMode(mode, 'copyFile');
  return later(() => internals.copyFileImpl(src, dest, mode));
}

async function cp(src, dest, options) {
  options = require('internal/fs/utils').validateCpOptions(options);
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  const { pathString } = require('internal/fs/utils');
  return require('internal/fs/cp/cp').cpFn(pathString(src), pathString(dest), options);
}

async function open(path, flags, mode) {
  path = getValidatedPath(path);
  const flagsNumber = stringToFlags(flags);
  mode = parseFileMode(mode, 'mode', 0o666);
  return later(() => new FileHandle(internals.doOpen(path, flagsNumber, mode)));
}

async function opendir(path, options) {
  path = getValidatedPath(path);
  options = getOptions(options, { encoding: 'utf8' });
  return later(() => internals.opendirImpl(path, options));
}

async function rename(oldPath, newPath) {
  oldPath = getValidatedPath(oldPath, 'oldPath');
  newPath = getValidatedPath(newPath, 'newPath');
  return later(() => fs.renameSync(oldPath, newPath));
}

async function truncate(path, len = 0) {
  const fh = await open(path, 'r+');
  return handleFdClose(fh.truncate(len), fh.close);
}

async function rm(path, options) {
  path = getValidatedPath(path);
  options = normalizeRmOptions(options);
  return later(() => internals.rmImpl(path, options));
}

async function rmdir(path, options) {
  path = getValidatedPath(path);
  return later(() => fs.rmdirSync(path, options));
}

async function mkdir(path, options) {
  path = getValidatedPath(path);
  return later(() => fs.mkdirSync(path, options));
}

async function readdir(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path);
  if (options.recursive != null) validateBoolean(options.recursive, 'options.recursive');
  if (options.recursive) return later(() => internals.readdirImpl(path, options));
  const opts = { encoding: options.encoding, withFileTypes: options.withFileTypes };
  return new Promise((resolve, reject) => {
    internals.readdirAsync(path, opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

async function readlink(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path, 'oldPath');
  return later(() => internals.readlinkImpl(path, options));
}

async function symlink(target, path, type) {
  stringToSymlinkType(type);
  target = getValidatedPath(target, 'target');
  path = getValidatedPath(path);
  return later(() => fs.symlinkSync(target, path, type));
}

async function lstat(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  return later(() => internals.doStat(path, false, options.bigint));
}

async function stat(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  return later(() => internals.doStat(path, true, options.bigint));
}

async function statfs(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  return later(() => internals.statfsImpl(path, options.bigint));
}

async function link(existingPath, newPath) {
  existingPath = getValidatedPath(existingPath, 'existingPath');
  newPath = getValidatedPath(newPath, 'newPath');
  return later(() => fs.linkSync(existingPath, newPath));
}

async function unlink(path) {
  path = getValidatedPath(path);
  return later(() => fs.unlinkSync(path));
}

async function chmod(path, mode) {
  path = getValidatedPath(path);
  mode = parseFileMode(mode, 'mode');
  return later(() => fs.chmodSync(path, mode));
}

// lchmod needs O_SYMLINK, which only macOS has.
async function lchmod(path, mode) {
  const { codes } = require('internal/errors');
  throw new codes.ERR_METHOD_NOT_IMPLEMENTED('lchmod()');
}

async function lchown(path, uid, gid) {
  path = getValidatedPath(path);
  return later(() => fs.lchownSync(path, uid, gid));
}

async function chown(path, uid, gid) {
  path = getValidatedPath(path);
  return later(() => fs.chownSync(path, uid, gid));
}

async function utimes(path, atime, mtime) {
  path = getValidatedPath(path);
  const a = toUnixTimestamp(atime, 'atime');
  const m = toUnixTimestamp(mtime, 'mtime');
  return later(() => internals.utimesImpl(path, a, m));
}

async function lutimes(path, atime, mtime) {
  path = getValidatedPath(path);
  const a = toUnixTimestamp(atime, 'atime');
  const m = toUnixTimestamp(mtime, 'mtime');
  return later(() => internals.lutimesImpl(path, a, m));
}

async function realpath(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path);
  return later(() => internals.realpathImpl(path, options));
}

async function mkdtemp(prefix, options) {
  options = getOptions(options);
  prefix = getValidatedPath(prefix, 'prefix');
  return later(() => internals.mkdtempImpl(prefix, options));
}

async function collectData(data, encoding) {
  if (typeof data === 'string' || ArrayBuffer.isView(data)) {
    return internals.dataToBuffer(data, encoding);
  }
  if (data != null && (typeof data[Symbol.asyncIterator] === 'function' ||
      typeof data[Symbol.iterator] === 'function')) {
    const chunks = [];
    for await (const chunk of data) {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, encoding) : Buffer.from(chunk));
    }
    return Buffer.concat(chunks);
  }
  throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView',
                                          'AsyncIterable', 'Iterable', 'Stream'], data);
}

// Settles as fileOp, after closeFunc() ran; a close failure joins the
// operation's error (AggregateError) or replaces the result.
function handleFdClose(fileOp, closeFunc) {
  return fileOp.then(
    (result) => closeFunc().then(() => result),
    (opError) => closeFunc().then(
      () => Promise.reject(opError),
      (closeError) => Promise.reject(aggregateTwoErrors(closeError, opError))));
}

function isCustomIterable(data) {
  return data != null && typeof data !== 'string' &&
    (typeof data[Symbol.asyncIterator] === 'function' || typeof data[Symbol.iterator] === 'function');
}

async function writeFile(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
  const flag = options.flag || 'w';
  const flush = options.flush ?? false;
  validateBoolean(flush, 'options.flush');
  if (!ArrayBuffer.isView(data) && !isCustomIterable(data)) {
    if (typeof data !== 'string') {
      throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
    }
    data = Buffer.from(data, options.encoding || 'utf8');
  }
  if (path instanceof FileHandle) return path.writeFile(data, options);
  checkAborted(options.signal);
  const fh = await open(path, flag, options.mode);
  let writeOp = fh.writeFile(data, options);
  if (flush) writeOp = writeOp.then((result) => fh.sync().then(() => result));
  return handleFdClose(writeOp, fh.close);
}

async function appendFile(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  options = copyObject(options);
  options.flag = options.flag || 'a';
  return writeFile(path, data, options);
}

async function readFile(path, options) {
  options = getOptions(options, { flag: 'r' });
  const flag = options.flag || 'r';
  if (path instanceof FileHandle) return path.readFile(options);
  checkAborted(options.signal);
  const fh = await open(path, flag, 0o666);
  return handleFdClose(fh.readFile(options), fh.close);
}

function watch(filename, options) {
  return require('internal/fs/watchers').watch(filename, options);
}

module.exports = {
  exports: {
    access,
    copyFile,
    cp,
    open,
    opendir,
    rename,
    truncate,
    rm,
    rmdir,
    mkdir,
    readdir,
    readlink,
    symlink,
    lstat,
    stat,
    statfs,
    link,
    unlink,
    chmod,
    lchmod,
    lchown,
    chown,
    utimes,
    lutimes,
    realpath,
    mkdtemp,
    writeFile,
    appendFile,
    readFile,
    watch,
    constants: fs.constants,
  },
  FileHandle,
  kRef,
  kUnref,
};
