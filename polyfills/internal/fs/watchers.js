// fs.watch (FSWatcher over internalBinding('fs_event_wrap')), fs.promises.watch,
// and fs.watchFile's StatWatcher (stat polling with libuv fs_poll's rules).
'use strict';

const EventEmitter = require('events');
const { Buffer } = require('buffer');
const {
  AbortError,
  UVException,
  codes: { ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const {
  validateAbortSignal, validateBoolean, validateObject, validateUint32,
} = require('internal/validators');
const { getValidatedPath, getStatsFromBinding } = require('internal/fs/utils');

const kFSWatchStart = Symbol('kFSWatchStart');
const kFSStatWatcherStart = Symbol('kFSStatWatcherStart');
const kEncoding = Symbol('kEncoding');

let FSEvent;
function lazyFSEvent() {
  FSEvent ??= internalBinding('fs_event_wrap').FSEvent;
  return FSEvent;
}

function pathToString(path) {
  return Buffer.isBuffer(path) ? path.toString() : `${path}`;
}

function decodeFilename(filename, encoding) {
  if (filename === null || filename === undefined) return filename;
  if (filename instanceof ArrayBuffer) {
    const buf = Buffer.from(filename);
    return encoding === 'buffer' ? buf : buf.toString(encoding);
  }
  if (encoding === 'buffer') return Buffer.from(filename, 'utf8');
  if (encoding && encoding !== 'utf8' && encoding !== 'utf-8') {
    return Buffer.from(filename, 'utf8').toString(encoding);
  }
  return filename;
}

function watchError(errno, path, message) {
  const err = new UVException({ errno, syscall: 'watch', path, message });
  err.filename = path;
  return err;
}

function emitCloseNT(self) {
  self.emit('close');
}

class FSWatcher extends EventEmitter {
  constructor() {
    super();
    this._handle = new (lazyFSEvent())();
    this[kEncoding] = 'utf8';
    this._handle.onchange = (status, eventType, filename) => {
      if (status < 0) {
        if (this._handle !== null) {
          this._handle.close();
          this._handle = null;
        }
        const error = new UVException({ errno: status, syscall: 'watch', path: filename });
        error.filename = filename;
        this.emit('error', error);
      } else {
        this.emit('change', eventType, decodeFilename(filename, this[kEncoding]));
      }
    };
  }

  [kFSWatchStart](filename, persistent, recursive, encoding) {
    if (this._handle === null) return;
    if (this._handle.initialized) return;
    filename = getValidatedPath(filename, 'filename');
    this[kEncoding] = encoding ?? 'utf8';
    const err = this._handle.start(pathToString(filename), persistent, recursive, this[kEncoding]);
    if (err) {
      const error = watchError(err, filename);
      this._handle.close();
      this._handle = null;
      throw error;
    }
  }

  close() {
    if (this._handle === null) return;
    this._handle.close();
    this._handle = null;
    process.nextTick(emitCloseNT, this);
  }

  ref() {
    if (this._handle) this._handle.ref();
    return this;
  }

  unref() {
    if (this._handle) this._handle.unref();
    return this;
  }

  [Symbol.dispose]() {
    this.close();
  }
}

// fs.promises.watch: an async iterator of { eventType, filename }.
async function* watch(filename, options = {}) {
  const path = getValidatedPath(filename);
  validateObject(options, 'options');
  const { persistent = true, recursive = false, encoding = 'utf8', signal } = options;
  validateBoolean(persistent, 'options.persistent');
  validateBoolean(recursive, 'options.recursive');
  validateAbortSignal(signal, 'options.signal');
  if (encoding && !Buffer.isEncoding(encoding) && encoding !== 'buffer') {
    throw new ERR_INVALID_ARG_VALUE('encoding', encoding, 'is invalid encoding');
  }
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });

  const handle = new (lazyFSEvent())();
  const queue = [];
  let failure = null;
  let wake = null;
  const notify = () => {
    if (wake !== null) {
      const w = wake;
      wake = null;
      w();
    }
  };
  const oncancel = () => {
    handle.close();
    failure = new AbortError(undefined, { cause: signal?.reason });
    notify();
  };
  try {
    signal?.addEventListener('abort', oncancel, { once: true });
    handle.onchange = (status, eventType, name) => {
      if (status < 0) {
        failure = watchError(status, name);
        handle.close();
      } else {
        queue.push({ eventType, filename: decodeFilename(name, encoding) });
      }
      notify();
    };
    const err = handle.start(pathToString(path), persistent, recursive, encoding);
    if (err) {
      handle.close();
      throw watchError(err, filename, 'Failed to start watch');
    }
    while (true) {
      if (queue.length) {
        yield queue.shift();
        continue;
      }
      if (failure !== null) throw failure;
      if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });
      await new Promise((resolve) => { wake = resolve; });
    }
  } finally {
    handle.close();
    signal?.removeEventListener('abort', oncancel);
  }
}

// ---------------------------------------------------------------------------
// StatWatcher (fs.watchFile)

const kZeroStats = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

function sameStats(a, b) {
  // The fields libuv's fs_poll compares.
  for (const i of [0, 1, 3, 4, 7, 8, 11, 12, 13]) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}

function emitStopNT(self) {
  self.emit('stop');
}

class StatWatcher extends EventEmitter {
  constructor(bigint) {
    super();
    this._handle = null;
    this._bigint = !!bigint;
    this._timer = null;
    this._status = 0;  // 0 before the first poll, 1 after a good stat, -errno after a failure
    this._prev = kZeroStats;
    this._path = undefined;
    this._persistent = true;
  }

  [kFSStatWatcherStart](filename, persistent, interval) {
    if (this._timer !== null) return;
    filename = getValidatedPath(filename, 'filename');
    validateUint32(interval, 'interval');
    this._path = pathToString(filename);
    this._persistent = persistent;
    const binding = internalBinding('fs');
    const poll = () => {
      const r = binding.stat(this._path, true);
      if (typeof r === 'number') {
        if (this._status !== r) {
          const prev = this._prev;
          this._prev = kZeroStats;
          this._status = r;
          this._emit(kZeroStats, prev);
        }
        return;
      }
      const curr = Array.from(r);
      if (this._status < 0 || (this._status !== 0 && !sameStats(this._prev, curr))) {
        this._emit(curr, this._prev);
      }
      this._prev = curr;
      this._status = 1;
    };
    // The handle is an async resource (STATWATCHER): 'change' listeners run
    // as it, not as the polling timer.
    const { initResource, Providers, async_id_symbol, trigger_async_id_symbol } =
      internalBinding('async_wrap');
    const handle = this._handle = { poll };
    initResource(handle, Providers.STATWATCHER);
    const { emitBefore, emitAfter } = require('internal/async_hooks');
    this._emitAs = (curr, prev) => {
      const asyncId = handle[async_id_symbol];
      emitBefore(asyncId, handle[trigger_async_id_symbol], handle);
      try {
        this.emit('change', getStatsFromBinding(curr, this._bigint),
                  getStatsFromBinding(prev, this._bigint));
      } finally {
        emitAfter(asyncId);
      }
    };
    this._timer = setInterval(poll, Math.max(1, interval));
    if (!persistent) this._timer.unref();
    // libuv stats once right away.
    setImmediate(() => {
      if (this._handle !== null) poll();
    }).unref();
  }

  _emit(curr, prev) {
    this._emitAs(curr, prev);
  }

  stop() {
    if (this._handle === null) return;
    clearInterval(this._timer);
    this._timer = null;
    require('internal/async_hooks').emitDestroy(
      this._handle[internalBinding('async_wrap').async_id_symbol]);
    this._handle = null;
    process.nextTick(emitStopNT, this);
  }

  ref() {
    if (this._timer !== null) this._timer.ref();
    return this;
  }

  unref() {
    if (this._timer !== null) this._timer.unref();
    return this;
  }
}


module.exports = {
  FSWatcher,
  StatWatcher,
  kFSWatchStart,
  kFSStatWatcherStart,
  watch,
};
