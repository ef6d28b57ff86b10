// node:fs over internalBinding('fs').  The binding is synchronous: the
// callback API validates its arguments at once (throwing as Node does), then
// runs the operation as a request completing in the loop's poll phase, as a
// libuv threadpool request would.
'use strict';

const binding = internalBinding('fs');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_FS_EISDIR,
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');
const {
  validateBoolean,
  validateFunction,
  validateInteger,
  validateInt32,
  validateObject,
  kValidateObjectAllowNullable,
  validateString,
  validateUint32,
} = require('internal/validators');
const utils = require('internal/fs/utils');
const {
  check,
  copyObject,
  Dirent,
  encodeResult,
  getOptions,
  getStatsFromBinding,
  getValidatedFd,
  getValidatedPath,
  getValidMode,
  kMaxUserId,
  parseFileMode,
  pathString,
  bindingPath,
  Stats,
  stringToFlags,
  stringToSymlinkType,
  toUnixTimestamp,
  uvError,
  validateBufferArray,
  validateOffsetLengthRead,
  validateOffsetLengthWrite,
  validatePosition,
  normalizeRmOptions,
  validateRmdirOptions: normalizeRmdirOptions,
} = utils;
const { Buffer } = require('buffer');
const pathModule = require('path');

const bindingConstants = internalBinding('constants').fs;
const constants = Object.freeze({
  UV_FS_SYMLINK_DIR: 1,
  UV_FS_SYMLINK_JUNCTION: 2,
  O_RDONLY: bindingConstants.O_RDONLY,
  O_WRONLY: bindingConstants.O_WRONLY,
  O_RDWR: bindingConstants.O_RDWR,
  ...utils.constants,
  EXTENSIONLESS_FORMAT_JAVASCRIPT: 0,
  EXTENSIONLESS_FORMAT_WASM: 1,
  S_IFMT: 0o170000,
  S_IFREG: 0o100000,
  S_IFDIR: 0o040000,
  S_IFCHR: 0o020000,
  S_IFBLK: 0o060000,
  S_IFIFO: 0o010000,
  S_IFLNK: 0o120000,
  S_IFSOCK: 0o140000,
  O_CREAT: bindingConstants.O_CREAT,
  O_EXCL: bindingConstants.O_EXCL,
  UV_FS_O_FILEMAP: 0,
  O_NOCTTY: bindingConstants.O_NOCTTY,
  O_TRUNC: bindingConstants.O_TRUNC,
  O_APPEND: bindingConstants.O_APPEND,
  O_DIRECTORY: bindingConstants.O_DIRECTORY,
  O_NOATIME: bindingConstants.O_NOATIME,
  O_NOFOLLOW: bindingConstants.O_NOFOLLOW,
  O_SYNC: bindingConstants.O_SYNC,
  O_DSYNC: bindingConstants.O_DSYNC,
  O_DIRECT: bindingConstants.O_DIRECT,
  O_NONBLOCK: bindingConstants.O_NONBLOCK,
  S_IRWXU: 0o700, S_IRUSR: 0o400, S_IWUSR: 0o200, S_IXUSR: 0o100,
  S_IRWXG: 0o70, S_IRGRP: 0o40, S_IWGRP: 0o20, S_IXGRP: 0o10,
  S_IRWXO: 0o7, S_IROTH: 0o4, S_IWOTH: 0o2, S_IXOTH: 0o1,
  F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1,
  UV_FS_COPYFILE_EXCL: 1,
  COPYFILE_EXCL: 1,
  UV_FS_COPYFILE_FICLONE: 2,
  COPYFILE_FICLONE: 2,
  UV_FS_COPYFILE_FICLONE_FORCE: 4,
  COPYFILE_FICLONE_FORCE: 4,
});
const { F_OK, R_OK, W_OK, X_OK, O_WRONLY, O_SYMLINK } = constants;

const kIoMaxLength = 2 ** 31 - 1;
const kReadFileBufferLength = 512 * 1024;

// ---------------------------------------------------------------------------
// Callback plumbing

const { state: asyncFrameState, runInFrame } = require('internal/async_context_frame');

const { AsyncWrap, Providers } = internalBinding('async_wrap');
const {
  emitBefore, emitAfter, symbols: { async_id_symbol, trigger_async_id_symbol },
} = require('internal/async_hooks');

// Each request is an async resource (init/before/after/destroy hooks).
class FSReqCallback extends AsyncWrap {
  constructor() { super(Providers.FSREQCALLBACK); }
}
class FSReqPromise extends AsyncWrap {
  constructor() { super(Providers.FSREQPROMISE); }
}

// Completions run as their request, in the async context (AsyncLocalStorage,
// domain) of the call, as Node's FSReqCallback does.
function deferInFrame(fn, req = new FSReqCallback()) {
  const frame = asyncFrameState.current;
  binding.defer(() => {
    const asyncId = req[async_id_symbol];
    emitBefore(asyncId, req[trigger_async_id_symbol], req);
    try {
      if (frame === undefined) fn();
      else runInFrame(frame, fn, undefined, undefined);
    } finally {
      req.emitDestroy();
      emitAfter(asyncId);
    }
  });
}

function makeCallback(cb) {
  validateFunction(cb, 'cb');
  return (...args) => Reflect.apply(cb, undefined, args);
}

// Runs work() as a request completing in the poll phase; cb(err, result),
// or cb(null) alone when there is no result (as Node's FSReqCallback).
function defer(cb, work) {
  deferInFrame(() => {
    let result;
    try {
      result = work();
    } catch (err) {
      cb(err);
      return;
    }
    if (result === undefined) cb(null);
    else cb(null, result);
  });
}

function maybeCallback(cb) {
  validateFunction(cb, 'cb');
  return cb;
}

// ---------------------------------------------------------------------------
// Implementations on validated arguments (throw Node's errors)

function doOpen(path, flags, mode) {
  return check(binding.open(bindingPath(path), flags, mode), 'open', pathString(path));
}

function doClose(fd) {
  check(binding.close(fd), 'close');
}

// A worker's unmanaged fds (fs.open/openSync, not FileHandles) close when it
// ends (trackUnmanagedFds); the binding keeps count of them.
let workerBinding;
function fdTracker() {
  workerBinding ??= internalBinding('worker');
  return workerBinding.tracksFds ? workerBinding : null;
}

function trackOpened(fd) {
  const tracker = fdTracker();
  if (tracker !== null && !tracker.trackFd(fd)) {
    process.emitWarning(`File descriptor ${fd} opened in unmanaged mode twice`);
  }
  return fd;
}

function trackClosed(fd) {
  const tracker = fdTracker();
  if (tracker !== null && !tracker.untrackFd(fd)) {
    process.emitWarning(`File descriptor ${fd} closed but not opened in unmanaged mode`);
  }
}

function doRead(fd, buffer, offset, length, position) {
  if (length === 0) return 0;
  const pos = typeof position === 'bigint' ? Number(position) : position;
  const data = check(binding.read(fd, length, Number.isSafeInteger(pos) ? pos : -1), 'read');
  const bytes = new Uint8Array(data);
  const target = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  target.set(bytes, offset);
  return bytes.length;
}

function doWrite(fd, buffer, offset, length, position) {
  const view = new Uint8Array(buffer.buffer, buffer.byteOffset + offset, length);
  const pos = typeof position === 'bigint' ? Number(position) : position;
  return check(binding.write(fd, view, Number.isSafeInteger(pos) ? pos : -1), 'write');
}

function doReadAll(fd) {
  const chunks = [];
  let total = 0;
  for (;;) {
    const data = check(binding.read(fd, kReadFileBufferLength, -1), 'read');
    if (data.byteLength === 0) break;
    chunks.push(Buffer.from(data));
    total += data.byteLength;
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}

function doStat(path, follow, bigint, throwIfNoEntry = true) {
  const p = pathString(path);
  const result = binding.stat(bindingPath(path), follow);
  if (typeof result === 'number') {
    if (!throwIfNoEntry && (result === -2 || result === -20)) return undefined;
    throw uvError(result, follow ? 'stat' : 'lstat', p);
  }
  return getStatsFromBinding(result, bigint);
}

function doFstat(fd, bigint) {
  return getStatsFromBinding(check(binding.fstat(fd), 'fstat'), bigint);
}

// ---------------------------------------------------------------------------
// access / exists

function accessSync(path, mode) {
  path = getValidatedPath(path);
  mode = getValidMode(mode, 'access');
  check(binding.access(pathString(path), mode), 'access', pathString(path));
}

function access(path, mode, callback) {
  if (typeof mode === 'function') {
    callback = mode;
    mode = F_OK;
  }
  path = getValidatedPath(path);
  mode = getValidMode(mode, 'access');
  callback = makeCallback(callback);
  defer(callback, () => { check(binding.access(pathString(path), mode), 'access', pathString(path)); });
}

function existsSync(path) {
  try {
    path = getValidatedPath(path);
  } catch {
    return false;
  }
  return binding.access(pathString(path), F_OK) === 0;
}

function exists(path, callback) {
  validateFunction(callback, 'cb');
  let ok = true;
  try {
    path = getValidatedPath(path);
  } catch {
    ok = false;
  }
  deferInFrame(() => callback(ok && binding.access(pathString(path), F_OK) === 0));
}
Object.defineProperty(exists, Symbol.for('nodejs.util.promisify.custom'), {
  __proto__: null,
  value: function exists(path) {
    return new Promise((resolve) => fs.exists(path, resolve));
  },
});

// ---------------------------------------------------------------------------
// open / close / read / write

function openSync(path, flags, mode) {
  path = getValidatedPath(path);
  flags = stringToFlags(flags);
  mode = parseFileMode(mode, 'mode', 0o666);
  return trackOpened(doOpen(path, flags, mode));
}

function open(path, flags, mode, callback) {
  path = getValidatedPath(path);
  if (arguments.length < 3) {
    callback = flags;
    flags = 'r';
    mode = 0o666;
  } else if (typeof mode === 'function') {
    callback = mode;
    mode = 0o666;
  } else {
    mode = parseFileMode(mode, 'mode', 0o666);
  }
  const flagsNumber = stringToFlags(flags);
  callback = makeCallback(callback);
  defer(callback, () => trackOpened(doOpen(path, flagsNumber, mode)));
}

function closeSync(fd) {
  fd = getValidatedFd(fd);
  trackClosed(fd);
  doClose(fd);
}

function defaultCloseCallback(err) {
  if (err != null) throw err;
}

function close(fd, callback = defaultCloseCallback) {
  fd = getValidatedFd(fd);
  if (callback !== defaultCloseCallback) callback = makeCallback(callback);
  defer(callback, () => {
    trackClosed(fd);
    doClose(fd);
  });
}

function validateReadArgs(fd, buffer, offsetOrOptions, length, position, isSync) {
  fd = getValidatedFd(fd);
  let offset = offsetOrOptions;
  if (arguments.length <= 3 || typeof offsetOrOptions === 'object') {
    if (offsetOrOptions !== undefined) {
      validateObject(offsetOrOptions, 'options', kValidateObjectAllowNullable);
    }
    const options = offsetOrOptions ?? {};
    ({ offset = 0, length = buffer?.byteLength - offset, position = null } = options);
  }
  if (!ArrayBuffer.isView(buffer)) {
    throw new ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView'], buffer);
  }
  if (offset == null) {
    offset = 0;
  } else {
    validateInteger(offset, 'offset', 0);
  }
  length |= 0;
  if (length === 0) return { fd, buffer, offset, length: 0, position: null, empty: true };
  if (buffer.byteLength === 0) {
    throw new ERR_INVALID_ARG_VALUE('buffer', buffer, 'is empty and cannot be written');
  }
  validateOffsetLengthRead(offset, length, buffer.byteLength);
  if (position == null) position = -1;
  validatePosition(position, 'position', length);
  return { fd, buffer, offset, length, position };
}

function readSync(fd, buffer, offsetOrOptions, length, position) {
  const a = arguments.length <= 3 ?
    validateReadArgs(fd, buffer, offsetOrOptions) :
    validateReadArgs(fd, buffer, offsetOrOptions, length, position, true);
  if (a.empty) return 0;
  return doRead(a.fd, a.buffer, a.offset, a.length, a.position);
}

function read(fd, buffer, offsetOrOptions, length, position, callback) {
  fd = getValidatedFd(fd);
  let a;
  if (arguments.length <= 4) {
    if (arguments.length === 4) {
      // fd, buffer, options, callback
      callback = length;
      a = validateReadArgs(fd, buffer, offsetOrOptions);
    } else if (arguments.length === 3) {
      // fd, bufferOrOptions, callback
      callback = offsetOrOptions;
      if (ArrayBuffer.isView(buffer)) {
        a = validateReadArgs(fd, buffer, {});
      } else {
        if (buffer !== undefined) validateObject(buffer, 'options', kValidateObjectAllowNullable);
        const options = buffer ?? {};
        const buf = options.buffer === undefined ? Buffer.alloc(16384) : options.buffer;
        a = validateReadArgs(fd, buf, options);
      }
    } else {
      // fd, callback
      callback = buffer;
      a = validateReadArgs(fd, Buffer.alloc(16384), {});
    }
  } else {
    a = validateReadArgs(fd, buffer, offsetOrOptions, length, position, false);
  }
  validateFunction(callback, 'cb');
  const buf = a.buffer;
  if (a.empty) {
    process.nextTick(() => callback(null, 0, buf));
    return;
  }
  deferInFrame(() => {
    let n;
    try {
      n = doRead(a.fd, buf, a.offset, a.length, a.position);
    } catch (err) {
      callback(err);
      return;
    }
    callback(null, n, buf);
  });
}
Object.defineProperty(read, require('internal/util').customPromisifyArgs, {
  __proto__: null, value: ['bytesRead', 'buffer'], enumerable: false,
});

function validateWriteArgs(fd, buffer, offsetOrOptions, length, position) {
  fd = getValidatedFd(fd);
  if (ArrayBuffer.isView(buffer)) {
    let offset = offsetOrOptions;
    if (offset !== null && typeof offset === 'object') {
      ({ offset = 0, length = buffer.byteLength - offset, position = null } = offsetOrOptions);
    }
    if (offset == null || typeof offset === 'function') {
      offset = 0;
    } else {
      validateInteger(offset, 'offset', 0);
    }
    if (typeof length !== 'number') length = buffer.byteLength - offset;
    if (typeof position !== 'number' && typeof position !== 'bigint') position = null;
    validateOffsetLengthWrite(offset, length, buffer.byteLength);
    return { fd, buffer, offset, length, position };
  }
  if (typeof buffer !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
  }
  // fd, string, position, encoding
  require('internal/validators').validateEncoding(buffer, length);
  let encoding = length;
  position = offsetOrOptions;
  if (typeof position !== 'number') position = null;
  if (typeof encoding !== 'string') encoding = 'utf8';
  const data = Buffer.from(buffer, encoding);
  return { fd, buffer: data, offset: 0, length: data.byteLength, position, string: buffer };
}

function writeSync(fd, buffer, offsetOrOptions, length, position) {
  const a = validateWriteArgs(fd, buffer, offsetOrOptions, length, position);
  return doWrite(a.fd, a.buffer, a.offset, a.length, a.position);
}

function write(fd, buffer, offsetOrOptions, length, position, callback) {
  const args = Array.prototype.slice.call(arguments);
  callback = maybeCallback(args.pop());
  const a = validateWriteArgs(...args);
  const result = a.string !== undefined ? a.string : buffer;
  deferInFrame(() => {
    let n;
    try {
      n = doWrite(a.fd, a.buffer, a.offset, a.length, a.position);
    } catch (err) {
      callback(err);
      return;
    }
    callback(null, n, result);
  });
}
Object.defineProperty(write, require('internal/util').customPromisifyArgs, {
  __proto__: null, value: ['bytesWritten', 'buffer'], enumerable: false,
});

function readvSync(fd, buffers, position) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  if (typeof position !== 'number') position = null;
  let total = 0;
  for (const buf of buffers) {
    const n = doRead(fd, buf, 0, buf.byteLength, position);
    total += n;
    if (position !== null) position += n;
    if (n < buf.byteLength) break;
  }
  return total;
}

Object.defineProperty(readv, require('internal/util').customPromisifyArgs, {
  __proto__: null, value: ['bytesRead', 'buffers'], enumerable: false,
});
Object.defineProperty(writev, require('internal/util').customPromisifyArgs, {
  __proto__: null, value: ['bytesWritten', 'buffers'], enumerable: false,
});

function readv(fd, buffers, position, callback) {
  if (typeof position === 'function') {
    callback = position;
    position = null;
  }
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  callback = maybeCallback(callback);
  deferInFrame(() => {
    let n;
    try {
      n = readvSync(fd, buffers, position);
    } catch (err) {
      callback(err);
      return;
    }
    callback(null, n, buffers);
  });
}

function writevSync(fd, buffers, position) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  if (buffers.length === 0) return 0;
  if (typeof position !== 'number') position = null;
  // One write of the gathered bytes (the binding takes one buffer).
  const data = Buffer.concat(buffers.map((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength)));
  return doWrite(fd, data, 0, data.byteLength, position);
}

function writev(fd, buffers, position, callback) {
  if (typeof position === 'function') {
    callback = position;
    position = null;
  }
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  callback = maybeCallback(callback);
  if (buffers.length === 0) {
    process.nextTick(callback, null, 0, buffers);
    return;
  }
  deferInFrame(() => {
    let n;
    try {
      n = writevSync(fd, buffers, position);
    } catch (err) {
      callback(err);
      return;
    }
    callback(null, n, buffers);
  });
}

// ---------------------------------------------------------------------------
// readFile / writeFile / appendFile

function isFd(path) {
  return typeof path === 'number';
}

function readFileImpl(path, options) {
  const flag = options.flag || 'r';
  const isUserFd = isFd(path);
  const fd = isUserFd ? getValidatedFd(path) : doOpen(path, stringToFlags(flag), 0o666);
  let buffer;
  try {
    const st = check(binding.fstat(fd), 'fstat');
    if ((st[1] & 0o170000) === 0o040000) {
      throw uvError(-21, 'read');
    }
    if ((st[1] & 0o170000) === 0o100000 && st[8] > kIoMaxLength) {
      const { codes: { ERR_FS_FILE_TOO_LARGE } } = require('internal/errors');
      throw new ERR_FS_FILE_TOO_LARGE(st[8]);
    }
    buffer = doReadAll(fd);
  } finally {
    if (!isUserFd) binding.close(fd);
  }
  if (options.encoding && options.encoding !== 'buffer') return buffer.toString(options.encoding);
  return buffer;
}

function readFileSync(path, options) {
  options = getOptions(options, { flag: 'r' });
  if (!isFd(path)) path = getValidatedPath(path);
  else getValidatedFd(path);
  return readFileImpl(path, options);
}

function readFile(path, options, callback) {
  callback = maybeCallback(callback || options);
  options = getOptions(options, { flag: 'r' });
  if (!isFd(path)) path = getValidatedPath(path);
  else getValidatedFd(path);
  if (options.signal?.aborted) {
    const { AbortError } = require('internal/errors');
    const err = new AbortError(undefined, { cause: options.signal.reason });
    process.nextTick(callback, err);
    return;
  }
  const signal = options.signal;
  deferInFrame(() => {
    if (signal?.aborted) {
      const { AbortError } = require('internal/errors');
      callback(new AbortError(undefined, { cause: signal.reason }));
      return;
    }
    let data;
    try {
      data = readFileImpl(path, options);
    } catch (err) {
      callback(err);
      return;
    }
    callback(null, data);
  });
}

function dataToBuffer(data, encoding, name = 'data') {
  if (ArrayBuffer.isView(data)) {
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  }
  if (typeof data !== 'string') {
    throw new ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  return Buffer.from(data, encoding || 'utf8');
}

// Writes all of bytes; with options.keepOpen the descriptor it opened is
// returned open (for a flush before closing), else it is closed.
function writeFileImpl(path, bytes, options) {
  const flag = options.flag || 'w';
  const isUserFd = isFd(path);
  const fd = isUserFd ? path : doOpen(path, stringToFlags(flag), options.mode);
  let keep = false;
  try {
    let offset = 0;
    let length = bytes.byteLength;
    while (length > 0) {
      const n = doWrite(fd, bytes, offset, length, null);
      offset += n;
      length -= n;
    }
    keep = !!options.keepOpen;
  } finally {
    if (!isUserFd && !keep) binding.close(fd);
  }
  return fd;
}

function validateFlush(options) {
  const flush = options.flush ?? false;
  validateBoolean(flush, 'options.flush');
  return flush;
}

function writeFileSync(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
  const flush = validateFlush(options);
  const flag = options.flag || 'w';
  const isUserFd = isFd(path);
  if (!flush && typeof data === 'string' && (options.encoding === 'utf8' || options.encoding === 'utf-8')) {
    // Fast path: the text is encoded and written by the binding.
    if (isUserFd) getValidatedFd(path);
    else path = getValidatedPath(path);
    const mode = parseFileMode(options.mode, 'mode', 0o666);
    const fd = isUserFd ? path : doOpen(path, stringToFlags(flag), mode);
    try {
      check(binding.writeFileUtf8(fd, data), 'write');
    } finally {
      if (!isUserFd) binding.close(fd);
    }
    return;
  }
  const bytes = dataToBuffer(data, options.encoding);
  if (isUserFd) getValidatedFd(path);
  else path = getValidatedPath(path);
  // Through the module's own functions, as Node's (they may be replaced).
  const fd = isUserFd ? path : fs.openSync(path, flag, options.mode);
  try {
    let offset = 0;
    let length = bytes.byteLength;
    while (length > 0) {
      const written = fs.writeSync(fd, bytes, offset, length);
      offset += written;
      length -= written;
    }
    if (flush) fs.fsyncSync(fd);
  } finally {
    if (!isUserFd) fs.closeSync(fd);
  }
}

function writeFile(path, data, options, callback) {
  callback = maybeCallback(callback || options);
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
  const flush = validateFlush(options);
  const bytes = dataToBuffer(data, options.encoding);
  if (isFd(path)) getValidatedFd(path);
  else path = getValidatedPath(path);
  const mode = parseFileMode(options.mode, 'mode', 0o666);
  const opts = { ...options, mode, keepOpen: flush };
  const signal = options.signal;
  deferInFrame(() => {
    if (signal?.aborted) {
      const { AbortError } = require('internal/errors');
      callback(new AbortError(undefined, { cause: signal.reason }));
      return;
    }
    let fd;
    try {
      fd = writeFileImpl(path, bytes, opts);
    } catch (err) {
      callback(err);
      return;
    }
    if (!flush) {
      callback(null);
      return;
    }
    module.exports.fsync(fd, (syncErr) => {
      if (isFd(path)) {
        callback(syncErr ?? null);
        return;
      }
      const closeErr = binding.close(fd);
      callback(syncErr ?? (closeErr < 0 ? uvError(closeErr, 'close') : null));
    });
  });
}

function appendFileSync(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  options = copyObject(options);
  if (!options.flag || isFd(path)) options.flag = 'a';
  writeFileSync(path, data, options);
}

function appendFile(path, data, options, callback) {
  callback = maybeCallback(callback || options);
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  options = copyObject(options);
  if (!options.flag || isFd(path)) options.flag = 'a';
  writeFile(path, data, options, callback);
}

// ---------------------------------------------------------------------------
// stat

function statSync(path, options = { bigint: false, throwIfNoEntry: true }) {
  path = getValidatedPath(path);
  return doStat(path, true, options.bigint, options.throwIfNoEntry !== false);
}

function lstatSync(path, options = { bigint: false, throwIfNoEntry: true }) {
  path = getValidatedPath(path);
  return doStat(path, false, options.bigint, options.throwIfNoEntry !== false);
}

function fstatSync(fd, options = { bigint: false }) {
  fd = getValidatedFd(fd);
  return doFstat(fd, options.bigint);
}

function stat(path, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  defer(callback, () => doStat(path, true, options.bigint));
}

function lstat(path, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  defer(callback, () => doStat(path, false, options.bigint));
}

function fstat(fd, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  fd = getValidatedFd(fd);
  callback = makeCallback(callback);
  defer(callback, () => doFstat(fd, options.bigint));
}

function statfsImpl(path, bigint) {
  const r = check(binding.statfs(pathString(path)), 'statfs', pathString(path));
  const conv = bigint ? BigInt : Number;
  return new StatFs(...r.map(conv));
}

function StatFs(type, bsize, blocks, bfree, bavail, files, ffree) {
  this.type = type;
  this.bsize = bsize;
  this.blocks = blocks;
  this.bfree = bfree;
  this.bavail = bavail;
  this.files = files;
  this.ffree = ffree;
}

function statfsSync(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  return statfsImpl(path, options.bigint);
}

function statfs(path, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  defer(callback, () => statfsImpl(path, options.bigint));
}

// ---------------------------------------------------------------------------
// readdir / mkdir / mkdtemp / rmdir / rm / unlink / rename

// The binding gives names as UTF-8 text, or as bytes for another encoding.
function decodeName(name, encoding) {
  if (typeof name === 'string') return name;
  const buf = Buffer.from(name);
  return encoding === 'buffer' ? buf : buf.toString(encoding);
}

function readdirNames(p, encoding, withFileTypes) {
  return check(binding.readdir(bindingPath(p), encoding, withFileTypes), 'scandir', pathString(p));
}

function readdirImpl(path, options) {
  const p = pathString(path);
  if (options.recursive) return readdirRecursive(p, options);
  const enc = options.encoding;
  const result = readdirNames(path, enc, !!options.withFileTypes);
  if (!options.withFileTypes) return result.map((name) => decodeName(name, enc));
  return utils.getDirents(p, [result[0].map((name) => decodeName(name, enc)), result[1]]);
}

// An fs request object as Node's FSReqCallback: the binding calls
// oncomplete(negativeErrno) or oncomplete(null, result) from the poll phase,
// in the async context of the call.
function fsReq(oncomplete) {
  const frame = asyncFrameState.current;
  const req = new FSReqCallback();
  req.oncomplete = (...args) => {
    try {
      if (frame === undefined) Reflect.apply(oncomplete, undefined, args);
      else runInFrame(frame, oncomplete, undefined, args);
    } finally {
      req.emitDestroy();
    }
  };
  return req;
}

// The request form of readdir (non-recursive): callback(err, namesOrDirents).
function readdirAsync(path, options, callback) {
  const p = pathString(path);
  const enc = options.encoding;
  const withFileTypes = !!options.withFileTypes;
  binding.readdir(bindingPath(path), enc, withFileTypes, fsReq((err, result) => {
    if (typeof err === 'number') err = uvError(err, 'scandir', p);
    if (err) {
      callback(err);
      return;
    }
    if (!withFileTypes) {
      callback(null, result.map((name) => decodeName(name, enc)));
      return;
    }
    utils.getDirents(p, [result[0].map((name) => decodeName(name, enc)), result[1]], callback);
  }));
}

function readdirRecursive(root, options) {
  const result = [];
  const queue = [[root, '']];
  while (queue.length) {
    const [dir, rel] = queue.shift();
    const [names, types] = readdirNames(dir, 'utf8', true);
    for (let i = 0; i < names.length; i++) {
      const relName = rel ? pathModule.join(rel, names[i]) : names[i];
      if (options.withFileTypes) {
        result.push(utils.getDirent(dir, encodeResult(names[i], options.encoding), types[i]));
      } else {
        result.push(encodeResult(relName, options.encoding));
      }
      let type = types[i];
      if (type === utils.constants.UV_DIRENT_UNKNOWN) {
        type = doStat(pathModule.join(dir, names[i]), false).isDirectory() ?
          utils.constants.UV_DIRENT_DIR : type;
      }
      if (type === utils.constants.UV_DIRENT_DIR) {
        queue.push([pathModule.join(dir, names[i]), relName]);
      }
    }
  }
  return result;
}

function readdirSync(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path);
  if (options.recursive != null) validateBoolean(options.recursive, 'options.recursive');
  return readdirImpl(path, options);
}

function readdir(path, options, callback) {
  callback = makeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options);
  path = getValidatedPath(path);
  if (options.recursive != null) validateBoolean(options.recursive, 'options.recursive');
  if (options.recursive) defer(callback, () => readdirImpl(path, options));
  else readdirAsync(path, { encoding: options.encoding, withFileTypes: options.withFileTypes }, callback);
}

function parseMkdirOptions(options) {
  let mode = 0o777;
  let recursive = false;
  if (typeof options === 'number' || typeof options === 'string') {
    mode = parseFileMode(options, 'mode');
  } else if (options) {
    if (options.recursive !== undefined) recursive = options.recursive;
    if (options.mode !== undefined) mode = parseFileMode(options.mode, 'options.mode');
  }
  validateBoolean(recursive, 'options.recursive');
  return { mode, recursive };
}

function mkdirImpl(path, mode, recursive) {
  const p = pathString(path);
  if (recursive) {
    const r = binding.mkdirp(p, mode);
    if (typeof r === 'number' && r < 0) throw uvError(r, 'mkdir', p);
    return r === null ? undefined : r;
  }
  check(binding.mkdir(p, mode), 'mkdir', p);
  return undefined;
}

function mkdirSync(path, options) {
  const { mode, recursive } = parseMkdirOptions(options);
  path = getValidatedPath(path);
  return mkdirImpl(path, mode, recursive);
}

function mkdir(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  const { mode, recursive } = parseMkdirOptions(options);
  path = getValidatedPath(path);
  callback = makeCallback(callback);
  defer(callback, () => mkdirImpl(path, mode, recursive));
}

function mkdtempImpl(prefix, options) {
  const p = pathString(prefix);
  const r = check(binding.mkdtemp(p), 'mkdtemp', `${p}XXXXXX`);
  return encodeResult(r, options.encoding);
}

let nonPortableTemplateWarn = true;
function warnOnNonPortableTemplate(template) {
  // Templates ending in X are handled differently from one platform to another.
  if (nonPortableTemplateWarn && pathString(template).endsWith('X')) {
    process.emitWarning('mkdtemp() templates ending with X are not portable. ' +
                        'For details see: https://nodejs.org/api/fs.html');
    nonPortableTemplateWarn = false;
  }
}

function mkdtempSync(prefix, options) {
  options = getOptions(options);
  prefix = getValidatedPath(prefix, 'prefix');
  warnOnNonPortableTemplate(prefix);
  return mkdtempImpl(prefix, options);
}

function mkdtemp(prefix, options, callback) {
  callback = makeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options);
  prefix = getValidatedPath(prefix, 'prefix');
  warnOnNonPortableTemplate(prefix);
  defer(callback, () => mkdtempImpl(prefix, options));
}

function rmdirImpl(path, options) {
  const p = pathString(path);
  if (options && options.recursive) {
    const st = binding.stat(p, false);
    if (typeof st === 'number') throw uvError(st, 'stat', p);
    if ((st[1] & 0o170000) !== 0o040000) throw uvError(-20, 'rmdir', p);
    rmRecursive(p, { maxRetries: 0 });
    return;
  }
  check(binding.rmdir(bindingPath(path)), 'rmdir', p);
}

let recursiveRmdirWarned = false;
function validateRmdirOptions(options) {
  if (options === undefined) return undefined;
  const out = normalizeRmdirOptions(options);
  if (out.recursive && !recursiveRmdirWarned) {
    recursiveRmdirWarned = true;
    process.emitWarning(
      'In future versions of Node.js, fs.rmdir(path, { recursive: true }) ' +
      'will be removed. Use fs.rm(path, { recursive: true }) instead',
      'DeprecationWarning', 'DEP0147');
  }
  return out;
}

function rmdirSync(path, options) {
  path = getValidatedPath(path);
  options = validateRmdirOptions(options);
  rmdirImpl(path, options);
}

function rmdir(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  options = validateRmdirOptions(options);
  defer(callback, () => rmdirImpl(path, options));
}

// p: a string, or a Buffer below a folder whose entry names are not UTF-8.
function rmRecursive(p) {
  const st = binding.stat(bindingPath(p), false);
  if (typeof st === 'number') throw uvError(st, 'lstat', pathString(p));
  if ((st[1] & 0o170000) === 0o040000) {
    const names = readdirNames(p, 'buffer', false);
    for (const name of names) {
      const buf = Buffer.from(name);
      const text = buf.toString();
      // Names that survive a UTF-8 round trip go on as strings.
      const child = typeof p === 'string' && Buffer.byteLength(text) === buf.length && !text.includes('\ufffd') ?
        pathModule.join(p, text) : utils.joinEntryPath(p, buf);
      rmRecursive(child);
    }
    // Through the module, as Node's rimraf: a patched fs.rmdirSync sees the
    // emptied folders, without the recursive option.
    fs.rmdirSync(p);
  } else {
    check(binding.unlink(bindingPath(p)), 'unlink', pathString(p));
  }
}

function rmImpl(path, options) {
  const p = pathString(path);
  const st = binding.stat(p, false);
  if (typeof st === 'number') {
    if (st === -2 && options.force) return;
    throw uvError(st, 'lstat', p);
  }
  if ((st[1] & 0o170000) === 0o040000 && !options.recursive) {
    throw new ERR_FS_EISDIR({
      code: 'EISDIR',
      message: 'is a directory',
      path: p,
      syscall: 'rm',
      errno: 21,
    });
  }
  rmRecursive(p);
}

function rmSync(path, options) {
  path = getValidatedPath(path);
  options = normalizeRmOptions(options);
  rmImpl(path, options);
}

function rm(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  options = normalizeRmOptions(options);
  defer(callback, () => rmImpl(path, options));
}

function unlinkSync(path) {
  path = getValidatedPath(path);
  check(binding.unlink(pathString(path)), 'unlink', pathString(path));
}

function unlink(path, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  defer(callback, () => { check(binding.unlink(pathString(path)), 'unlink', pathString(path)); });
}

function renameSync(oldPath, newPath) {
  oldPath = getValidatedPath(oldPath, 'oldPath');
  newPath = getValidatedPath(newPath, 'newPath');
  check(binding.rename(pathString(oldPath), pathString(newPath)), 'rename',
        pathString(oldPath), pathString(newPath));
}

function rename(oldPath, newPath, callback) {
  callback = makeCallback(callback);
  oldPath = getValidatedPath(oldPath, 'oldPath');
  newPath = getValidatedPath(newPath, 'newPath');
  defer(callback, () => {
    check(binding.rename(pathString(oldPath), pathString(newPath)), 'rename',
          pathString(oldPath), pathString(newPath));
  });
}

// ---------------------------------------------------------------------------
// copyFile / cp

function copyFileImpl(src, dest, mode) {
  check(binding.copyFile(pathString(src), pathString(dest), mode), 'copyfile',
        pathString(src), pathString(dest));
}

function copyFileSync(src, dest, mode) {
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  copyFileImpl(src, dest, getValidMode(mode, 'copyFile'));
}

function copyFile(src, dest, mode, callback) {
  if (typeof mode === 'function') {
    callback = mode;
    mode = 0;
  }
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  mode = getValidMode(mode, 'copyFile');
  callback = makeCallback(callback);
  defer(callback, () => copyFileImpl(src, dest, mode));
}

function cpSync(src, dest, options) {
  options = require('internal/fs/utils').validateCpOptions(options);
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  require('internal/fs/cp/cp-sync').cpSyncFn(pathString(src), pathString(dest), options);
}

function cp(src, dest, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = makeCallback(callback);
  options = require('internal/fs/utils').validateCpOptions(options);
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  require('internal/fs/cp/cp').cpFn(pathString(src), pathString(dest), options).then(
    () => process.nextTick(callback, null),
    (err) => process.nextTick(callback, err));
}

// ---------------------------------------------------------------------------
// links

function symlinkSync(target, path, type) {
  stringToSymlinkType(type);
  target = getValidatedPath(target, 'target');
  path = getValidatedPath(path);
  check(binding.symlink(pathString(target), pathString(path)), 'symlink',
        pathString(target), pathString(path));
}

function symlink(target, path, type, callback) {
  if (typeof type === 'function') {
    callback = type;
    type = undefined;
  }
  callback = makeCallback(callback);
  stringToSymlinkType(type);
  target = getValidatedPath(target, 'target');
  path = getValidatedPath(path);
  defer(callback, () => {
    check(binding.symlink(pathString(target), pathString(path)), 'symlink',
          pathString(target), pathString(path));
  });
}

function linkSync(existingPath, newPath) {
  existingPath = getValidatedPath(existingPath, 'existingPath');
  newPath = getValidatedPath(newPath, 'newPath');
  check(binding.link(pathString(existingPath), pathString(newPath)), 'link',
        pathString(existingPath), pathString(newPath));
}

function link(existingPath, newPath, callback) {
  callback = makeCallback(callback);
  existingPath = getValidatedPath(existingPath, 'existingPath');
  newPath = getValidatedPath(newPath, 'newPath');
  defer(callback, () => {
    check(binding.link(pathString(existingPath), pathString(newPath)), 'link',
          pathString(existingPath), pathString(newPath));
  });
}

function readlinkImpl(path, options) {
  const p = pathString(path);
  return encodeResult(check(binding.readlink(p), 'readlink', p), options.encoding);
}

function readlinkSync(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path, 'oldPath');
  return readlinkImpl(path, options);
}

function readlink(path, options, callback) {
  callback = makeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options);
  path = getValidatedPath(path, 'oldPath');
  defer(callback, () => readlinkImpl(path, options));
}

function realpathImpl(path, options) {
  const p = pathString(path);
  return encodeResult(check(binding.realpath(p), 'lstat', p), options.encoding);
}

function realpathSync(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path);
  return realpathImpl(path, options);
}
realpathSync.native = function(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path);
  const p = pathString(path);
  return encodeResult(check(binding.realpath(p), 'realpath', p), options.encoding);
};

function realpath(path, options, callback) {
  callback = makeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options);
  path = getValidatedPath(path);
  defer(callback, () => realpathImpl(path, options));
}
realpath.native = function(path, options, callback) {
  callback = makeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options);
  path = getValidatedPath(path);
  defer(callback, () => realpathSync.native(path, options));
};

// ---------------------------------------------------------------------------
// chmod / chown / truncate / utimes / fsync

function chmodSync(path, mode) {
  path = getValidatedPath(path);
  mode = parseFileMode(mode, 'mode');
  check(binding.chmod(pathString(path), mode), 'chmod', pathString(path));
}

function chmod(path, mode, callback) {
  path = getValidatedPath(path);
  mode = parseFileMode(mode, 'mode');
  callback = makeCallback(callback);
  defer(callback, () => { check(binding.chmod(pathString(path), mode), 'chmod', pathString(path)); });
}

function fchmodSync(fd, mode) {
  fd = getValidatedFd(fd);
  mode = parseFileMode(mode, 'mode');
  check(binding.fchmod(fd, mode), 'fchmod');
}

function fchmod(fd, mode, callback) {
  fd = getValidatedFd(fd);
  mode = parseFileMode(mode, 'mode');
  callback = makeCallback(callback);
  defer(callback, () => { check(binding.fchmod(fd, mode), 'fchmod'); });
}

function validateIds(uid, gid) {
  validateInteger(uid, 'uid', -1, kMaxUserId);
  validateInteger(gid, 'gid', -1, kMaxUserId);
}

function chownSync(path, uid, gid) {
  path = getValidatedPath(path);
  validateIds(uid, gid);
  check(binding.chown(pathString(path), uid, gid), 'chown', pathString(path));
}

function chown(path, uid, gid, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  validateIds(uid, gid);
  defer(callback, () => { check(binding.chown(pathString(path), uid, gid), 'chown', pathString(path)); });
}

function lchownSync(path, uid, gid) {
  path = getValidatedPath(path);
  validateIds(uid, gid);
  check(binding.lchown(pathString(path), uid, gid), 'lchown', pathString(path));
}

function lchown(path, uid, gid, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  validateIds(uid, gid);
  defer(callback, () => { check(binding.lchown(pathString(path), uid, gid), 'lchown', pathString(path)); });
}

function fchownSync(fd, uid, gid) {
  fd = getValidatedFd(fd);
  validateIds(uid, gid);
  check(binding.fchown(fd, uid, gid), 'fchown');
}

function fchown(fd, uid, gid, callback) {
  fd = getValidatedFd(fd);
  validateIds(uid, gid);
  callback = makeCallback(callback);
  defer(callback, () => { check(binding.fchown(fd, uid, gid), 'fchown'); });
}

let truncateWarned = false;
function showTruncateDeprecation() {
  if (truncateWarned) return;
  truncateWarned = true;
  process.emitWarning('Using fs.truncate with a file descriptor is deprecated. Please use ' +
                      'fs.ftruncate with a file descriptor instead.', 'DeprecationWarning', 'DEP0081');
}

function truncateSync(path, len) {
  if (typeof path === 'number') {
    showTruncateDeprecation();
    return ftruncateSync(path, len);
  }
  if (len === undefined) len = 0;
  path = getValidatedPath(path);
  validateInteger(len, 'len');
  len = Math.max(0, len);
  check(binding.truncate(pathString(path), len), 'open', pathString(path));
}

function truncate(path, len, callback) {
  if (typeof path === 'number') {
    showTruncateDeprecation();
    return ftruncate(path, len, callback);
  }
  if (typeof len === 'function') {
    callback = len;
    len = 0;
  } else if (len === undefined) {
    len = 0;
  }
  validateInteger(len, 'len');
  len = Math.max(0, len);
  callback = maybeCallback(callback);
  path = getValidatedPath(path);
  defer(callback, () => { check(binding.truncate(pathString(path), len), 'open', pathString(path)); });
}

function ftruncateSync(fd, len = 0) {
  fd = getValidatedFd(fd);
  validateInteger(len, 'len');
  len = Math.max(0, len);
  check(binding.ftruncate(fd, len), 'ftruncate');
}

function ftruncate(fd, len = 0, callback) {
  if (typeof len === 'function') {
    callback = len;
    len = 0;
  }
  fd = getValidatedFd(fd);
  validateInteger(len, 'len');
  len = Math.max(0, len);
  callback = makeCallback(callback);
  defer(callback, () => { check(binding.ftruncate(fd, len), 'ftruncate'); });
}

// On converted times (seconds): a Date before 1970 is a negative number here,
// which the public functions would take as "now".
function utimesImpl(path, atime, mtime) {
  check(binding.utimes(pathString(path), atime, mtime), 'utime', pathString(path));
}

function lutimesImpl(path, atime, mtime) {
  check(binding.lutimes(pathString(path), atime, mtime), 'lutime', pathString(path));
}

function futimesImpl(fd, atime, mtime) {
  check(binding.futimes(fd, atime, mtime), 'futime');
}

function utimesSync(path, atime, mtime) {
  path = getValidatedPath(path);
  utimesImpl(path, toUnixTimestamp(atime, 'atime'), toUnixTimestamp(mtime, 'mtime'));
}

function utimes(path, atime, mtime, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  const a = toUnixTimestamp(atime, 'atime');
  const m = toUnixTimestamp(mtime, 'mtime');
  defer(callback, () => utimesImpl(path, a, m));
}

function lutimesSync(path, atime, mtime) {
  path = getValidatedPath(path);
  lutimesImpl(path, toUnixTimestamp(atime, 'atime'), toUnixTimestamp(mtime, 'mtime'));
}

function lutimes(path, atime, mtime, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  const a = toUnixTimestamp(atime, 'atime');
  const m = toUnixTimestamp(mtime, 'mtime');
  defer(callback, () => lutimesImpl(path, a, m));
}

function futimesSync(fd, atime, mtime) {
  fd = getValidatedFd(fd);
  futimesImpl(fd, toUnixTimestamp(atime, 'atime'), toUnixTimestamp(mtime, 'mtime'));
}

function futimes(fd, atime, mtime, callback) {
  fd = getValidatedFd(fd);
  const a = toUnixTimestamp(atime, 'atime');
  const m = toUnixTimestamp(mtime, 'mtime');
  callback = makeCallback(callback);
  defer(callback, () => futimesImpl(fd, a, m));
}

function fsyncSync(fd) {
  fd = getValidatedFd(fd);
  check(binding.fsync(fd), 'fsync');
}

function fsync(fd, callback) {
  fd = getValidatedFd(fd);
  callback = makeCallback(callback);
  defer(callback, () => { check(binding.fsync(fd), 'fsync'); });
}

function fdatasyncSync(fd) {
  fd = getValidatedFd(fd);
  check(binding.fdatasync(fd), 'fdatasync');
}

function fdatasync(fd, callback) {
  fd = getValidatedFd(fd);
  callback = makeCallback(callback);
  defer(callback, () => { check(binding.fdatasync(fd), 'fdatasync'); });
}

// ---------------------------------------------------------------------------
// Dir (opendir)

class Dir {
  #path;
  #entries;
  #closed = false;
  #options;

  constructor(path, entries, options) {
    if (path === undefined) {
      const { codes } = require('internal/errors');
      throw new codes.ERR_MISSING_ARGS('handle');
    }
    this.#path = path;
    this.#entries = entries;
    this.#options = options;
  }

  get path() { return this.#path; }

  #pending = 0;

  #checkOpen() {
    if (this.#closed) {
      const { codes } = require('internal/errors');
      throw new codes.ERR_DIR_CLOSED();
    }
  }

  // Synchronous calls may not overlap an asynchronous read in flight.
  #checkNoPending() {
    if (this.#pending > 0) {
      const { codes } = require('internal/errors');
      throw new codes.ERR_DIR_CONCURRENT_OPERATION();
    }
  }

  readSync() {
    this.#checkOpen();
    this.#checkNoPending();
    return this.#entries.shift() ?? null;
  }

  read(callback) {
    this.#checkOpen();
    if (callback === undefined) {
      return new Promise((resolve, reject) => this.read((err, v) => (err ? reject(err) : resolve(v))));
    }
    validateFunction(callback, 'callback');
    this.#checkOpen();
    this.#pending++;
    defer(callback, () => {
      this.#pending--;
      return this.#entries.shift() ?? null;
    });
  }

  closeSync() {
    this.#checkOpen();
    this.#checkNoPending();
    this.#closed = true;
  }

  close(callback) {
    if (callback === undefined) {
      return new Promise((resolve, reject) => this.close((err) => (err ? reject(err) : resolve())));
    }
    validateFunction(callback, 'callback');
    if (this.#closed) {
      const { codes } = require('internal/errors');
      process.nextTick(callback, new codes.ERR_DIR_CLOSED());
      return;
    }
    this.#closed = true;
    defer(callback, () => undefined);
  }

  async* entries() {
    try {
      for (;;) {
        const entry = await this.read();
        if (entry === null) break;
        yield entry;
      }
    } finally {
      if (!this.#closed) await this.close();
    }
  }

  // Leaving a for-await loop early closes the Dir before the loop's next
  // statement (the engine does not await an async generator's return()).
  [Symbol.asyncIterator]() {
    const gen = this.entries();
    const closeNow = () => {
      if (!this.#closed) this.close().catch(() => {});
    };
    return {
      next: (value) => gen.next(value),
      return: (value) => {
        closeNow();
        return gen.return(value);
      },
      throw: (err) => {
        closeNow();
        return gen.throw(err);
      },
      [Symbol.asyncIterator]() { return this; },
    };
  }
}

function opendirImpl(path, options) {
  const entries = readdirImpl(path, { ...options, withFileTypes: true });
  return new Dir(pathString(path), entries, options);
}

function validateDirBufferSize(options) {
  validateUint32({ bufferSize: 32, ...options }.bufferSize, 'options.bufferSize', true);
}

function opendirSync(path, options) {
  path = getValidatedPath(path);
  options = getOptions(options, { encoding: 'utf8' });
  validateDirBufferSize(options);
  return opendirImpl(path, options);
}

function opendir(path, options, callback) {
  callback = typeof options === 'function' ? options : callback;
  validateFunction(callback, 'callback');
  path = getValidatedPath(path);
  options = getOptions(options, { encoding: 'utf8' });
  validateDirBufferSize(options);
  defer(callback, () => opendirImpl(path, options));
}

// ---------------------------------------------------------------------------
// watch / watchFile (internal/fs/watchers)

let lazyWatchers;
function watchers() {
  lazyWatchers ??= require('internal/fs/watchers');
  return lazyWatchers;
}

function watch(filename, options, listener) {
  if (typeof options === 'function') {
    listener = options;
  }
  options = getOptions(options);
  options = { ...options };
  if (options.persistent === undefined) options.persistent = true;
  if (options.recursive === undefined) options.recursive = false;
  validateBoolean(options.recursive, 'options.recursive');
  const w = watchers();
  const watcher = new w.FSWatcher();
  watcher[w.kFSWatchStart](filename, options.persistent, options.recursive, options.encoding);
  if (listener) watcher.addListener('change', listener);
  if (options.signal) {
    if (options.signal.aborted) {
      process.nextTick(() => watcher.close());
    } else {
      const onAbort = () => watcher.close();
      options.signal.addEventListener('abort', onAbort, { once: true });
      watcher.once('close', () => options.signal.removeEventListener('abort', onAbort));
    }
  }
  return watcher;
}

const statWatchers = new Map();
function watchFile(filename, options, listener) {
  filename = getValidatedPath(filename);
  filename = pathModule.resolve(pathString(filename));
  let stat;
  if (options === null || typeof options !== 'object') {
    listener = options;
    options = null;
  }
  options = { interval: 5007, persistent: true, ...options };
  validateFunction(listener, 'listener');
  const w = watchers();
  stat = statWatchers.get(filename);
  if (stat === undefined) {
    stat = new w.StatWatcher(options.bigint);
    statWatchers.set(filename, stat);
  }
  stat[w.kFSStatWatcherStart](filename, options.persistent, options.interval);
  stat.addListener('change', listener);
  return stat;
}

function unwatchFile(filename, listener) {
  filename = getValidatedPath(filename);
  filename = pathModule.resolve(pathString(filename));
  const stat = statWatchers.get(filename);
  if (stat === undefined) return;
  if (typeof listener === 'function') {
    stat.removeListener('change', listener);
  } else {
    stat.removeAllListeners('change');
  }
  if (stat.listenerCount('change') === 0) {
    stat.stop();
    statWatchers.delete(filename);
  }
}

// ---------------------------------------------------------------------------
// Streams and promises, loaded lazily.

let lazyStreams;
function streams() {
  if (lazyStreams === undefined) lazyStreams = require('internal/fs/streams');
  return lazyStreams;
}

function createReadStream(path, options) {
  return new (streams().ReadStream)(path, options);
}

function createWriteStream(path, options) {
  return new (streams().WriteStream)(path, options);
}

function openAsBlob(path, options = {}) {
  validateObject(options, 'options');
  const type = options.type || '';
  validateString(type, 'options.type');
  path = getValidatedPath(path);
  const data = readFileSync(path);
  const { Blob } = require('buffer');
  return Promise.resolve(new Blob([data], { type }));
}

const fs = module.exports = {
  appendFile,
  appendFileSync,
  access,
  accessSync,
  chown,
  chownSync,
  chmod,
  chmodSync,
  close,
  closeSync,
  copyFile,
  copyFileSync,
  cp,
  cpSync,
  createReadStream,
  createWriteStream,
  exists,
  existsSync,
  fchown,
  fchownSync,
  fchmod,
  fchmodSync,
  fdatasync,
  fdatasyncSync,
  fstat,
  fstatSync,
  fsync,
  fsyncSync,
  ftruncate,
  ftruncateSync,
  futimes,
  futimesSync,
  lchown,
  lchownSync,
  lchmod: undefined,
  lchmodSync: undefined,
  link,
  linkSync,
  lstat,
  lstatSync,
  lutimes,
  lutimesSync,
  mkdir,
  mkdirSync,
  mkdtemp,
  mkdtempSync,
  open,
  openSync,
  openAsBlob,
  readdir,
  readdirSync,
  read,
  readSync,
  readv,
  readvSync,
  readFile,
  readFileSync,
  readlink,
  readlinkSync,
  realpath,
  realpathSync,
  rename,
  renameSync,
  rm,
  rmSync,
  rmdir,
  rmdirSync,
  stat,
  statfs,
  statSync,
  statfsSync,
  symlink,
  symlinkSync,
  truncate,
  truncateSync,
  unwatchFile,
  unlink,
  unlinkSync,
  utimes,
  utimesSync,
  watch,
  watchFile,
  writeFile,
  writeFileSync,
  write,
  writeSync,
  writev,
  writevSync,
  Dirent,
  Stats,

  get ReadStream() { return streams().ReadStream; },
  set ReadStream(val) { Object.defineProperty(fs, 'ReadStream', { value: val, writable: true, configurable: true, enumerable: true }); },
  get WriteStream() { return streams().WriteStream; },
  set WriteStream(val) { Object.defineProperty(fs, 'WriteStream', { value: val, writable: true, configurable: true, enumerable: true }); },
  get FileReadStream() { return streams().ReadStream; },
  set FileReadStream(val) { Object.defineProperty(fs, 'FileReadStream', { value: val, writable: true, configurable: true, enumerable: true }); },
  get FileWriteStream() { return streams().WriteStream; },
  set FileWriteStream(val) { Object.defineProperty(fs, 'FileWriteStream', { value: val, writable: true, configurable: true, enumerable: true }); },

  _toUnixTimestamp: toUnixTimestamp,
  Dir,
  opendir,
  opendirSync,
  F_OK,
  R_OK,
  W_OK,
  X_OK,
  constants,
};

let promises;
Object.defineProperty(fs, 'promises', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    if (promises === undefined) promises = require('internal/fs/promises').exports;
    return promises;
  },
});

Object.defineProperties(fs, {
  F_OK: { __proto__: null, enumerable: false, value: F_OK },
  R_OK: { __proto__: null, enumerable: false, value: R_OK },
  W_OK: { __proto__: null, enumerable: false, value: W_OK },
  X_OK: { __proto__: null, enumerable: false, value: X_OK },
  constants: { __proto__: null, configurable: false, enumerable: true, value: constants },
});

// For internal/fs/promises and internal/fs/streams.
Object.defineProperty(fs, Symbol.for('nodeshim.fs.internals'), {
  __proto__: null,
  enumerable: false,
  value: {
    binding, check, doOpen, doClose, doRead, doWrite, doStat, doFstat, readFileImpl, writeFileImpl,
    dataToBuffer, readdirImpl, readdirAsync, mkdirImpl, mkdtempImpl, rmImpl, rmdirImpl, copyFileImpl,
    readlinkImpl, realpathImpl, statfsImpl, opendirImpl, defer, utimesImpl, lutimesImpl, futimesImpl,
    // fn() in the poll phase as an fs.promises request (FSREQPROMISE).
    deferPromiseReq(fn) { deferInFrame(fn, new FSReqPromise()); },
  },
});
