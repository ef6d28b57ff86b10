// Edits applied to vendored npm files as realm.js's requireDep loads them:
// readable-stream 4.x follows Node 18's streams; these bring the places
// Node 20's tests observe to Node 20's behaviour.  Each search string must
// be found (requireDep throws otherwise), so a package update that moves
// the code is noticed at once.
'use strict';

const kReadableEvents = 'close: undefined, error: undefined, data: undefined, end: undefined, ' +
  'readable: undefined';
const kWritableEvents = 'close: undefined, error: undefined, prefinish: undefined, ' +
  'finish: undefined, drain: undefined';
const kDuplexEvents = 'close: undefined, error: undefined, prefinish: undefined, ' +
  'finish: undefined, drain: undefined, data: undefined, end: undefined, readable: undefined';

// Node 20 takes any ArrayBufferView as a chunk.
const chunkTypes = [
  ["Stream._isUint8Array(chunk)", 'Stream._isArrayBufferView(chunk)'],
  ["['string', 'Buffer', 'Uint8Array']", "['string', 'Buffer', 'TypedArray', 'DataView']"],
];

// toWeb()/fromWeb(): the package leaves the web-streams adapters empty.
const webAdapters = [
  '  if (webStreamsAdapters === undefined) webStreamsAdapters = {}\n',
  "  if (webStreamsAdapters === undefined) webStreamsAdapters = require('node:internal/webstreams/adapters')\n",
];

module.exports = {
  __proto__: null,
  'readable-stream/lib/internal/streams/readable.js': [
    webAdapters,
    // Common events pre-declared, in Node 20's order (eventNames() shows it).
    ['  this._readableState = new ReadableState(options, this, isDuplex)',
     `  if (this._events === undefined) this._events = { ${kReadableEvents} }\n` +
     '  this._readableState = new ReadableState(options, this, isDuplex)'],
    ...chunkTypes,
    // Node 20 rejects an unknown defaultEncoding at construction.
    ["  this.defaultEncoding = (options && options.defaultEncoding) || 'utf8'",
     '  this.defaultEncoding = (options && options.defaultEncoding) || \'utf8\'\n' +
     '  if (!Buffer.isEncoding(this.defaultEncoding)) {\n' +
     '    throw new (require(\'../../ours/errors\').codes.ERR_UNKNOWN_ENCODING)(this.defaultEncoding)\n' +
     '  }'],
    // QuickJS's for-await does not await return() on break, so the
    // iterator's cleanup (destroy) would run after the code that follows the
    // loop: return() on an iterator paused at a yield runs it at once.
    ['  const iter = createAsyncIterator(stream, options)\n',
     '  const early = { atYield: false, close: null }\n' +
     '  const iter = createAsyncIterator(stream, options, early)\n' +
     '  const genReturn = iter.return\n' +
     '  Object.defineProperty(iter, \'return\', { __proto__: null, configurable: true, writable: true,\n' +
     '    value: function (value) {\n' +
     '      if (early.atYield && early.close) early.close()\n' +
     '      return genReturn.call(this, value)\n' +
     '    } })\n'],
    ['async function* createAsyncIterator(stream, options) {\n',
     'async function* createAsyncIterator(stream, options, early) {\n'],
    ['      if (chunk !== null) {\n        yield chunk\n',
     '      if (chunk !== null) {\n        early.atYield = true\n        yield chunk\n        early.atYield = false\n'],
    ['  try {\n    while (true) {\n      const chunk = stream.destroyed ? null : stream.read()\n',
     '  let closed = false\n' +
     '  early.close = () => {\n' +
     '    if (closed) return\n' +
     '    closed = true\n' +
     '    if ((error || (options === null || options === undefined ? undefined : options.destroyOnReturn) !== false) &&\n' +
     '        (error === undefined || stream._readableState.autoDestroy)) {\n' +
     '      destroyImpl.destroyer(stream, null)\n' +
     '    } else {\n' +
     '      stream.off(\'readable\', next)\n' +
     '      cleanup()\n' +
     '    }\n' +
     '  }\n' +
     '  try {\n    while (true) {\n      const chunk = stream.destroyed ? null : stream.read()\n'],
    ['  } finally {\n    if (\n      (error || (options === null || options === undefined ? undefined : options.destroyOnReturn) !== false) &&\n' +
     '      (error === undefined || stream._readableState.autoDestroy)\n    ) {\n      destroyImpl.destroyer(stream, null)\n' +
     '    } else {\n      stream.off(\'readable\', next)\n      cleanup()\n    }\n  }\n',
     '  } finally {\n    early.close()\n  }\n'],
  ],
  'readable-stream/lib/internal/streams/writable.js': [
    webAdapters,
    // write(cb) and end(cb) callbacks get null on success.
    ['    state.pendingcb--\n    cb()\n', '    state.pendingcb--\n    cb(null)\n'],
    ["    onfinishCallbacks[i]()\n  }\n  stream.emit('finish')",
     "    onfinishCallbacks[i](null)\n  }\n  stream.emit('finish')"],
    ['  this._writableState = new WritableState(options, this, isDuplex)',
     `  if (this._events === undefined) this._events = { ${kWritableEvents} }\n` +
     '  this._writableState = new WritableState(options, this, isDuplex)'],
    ...chunkTypes,
    // Node 20: an object-mode stream passes the encoding argument through as
    // given (undefined / null with a callback, unvalidated); only byte streams
    // default and check it.
    ['    cb = encoding\n    encoding = state.defaultEncoding\n  } else {\n' +
     '    if (!encoding) encoding = state.defaultEncoding\n' +
     "    else if (encoding !== 'buffer' && !Buffer.isEncoding(encoding)) throw new ERR_UNKNOWN_ENCODING(encoding)\n",
     '    cb = encoding\n    encoding = state.objectMode ? null : state.defaultEncoding\n  } else {\n' +
     '    if (state.objectMode) {\n      // passed through\n    } else if (!encoding) encoding = state.defaultEncoding\n' +
     "    else if (encoding !== 'buffer' && !Buffer.isEncoding(encoding)) throw new ERR_UNKNOWN_ENCODING(encoding)\n"],
    // Node 20 rejects an unknown defaultEncoding at construction.
    ["  this.defaultEncoding = (options && options.defaultEncoding) || 'utf8'",
     "  this.defaultEncoding = (options && options.defaultEncoding) || 'utf8'\n" +
     '  if (!Buffer.isEncoding(this.defaultEncoding)) throw new ERR_UNKNOWN_ENCODING(this.defaultEncoding)'],
    // A second callback from _final is ERR_MULTIPLE_CALLBACK (an error class).
    ['err !== null && err !== undefined ? err : ERR_MULTIPLE_CALLBACK()',
     'err !== null && err !== undefined ? err : new ERR_MULTIPLE_CALLBACK()'],
  ],
  'readable-stream/lib/internal/streams/end-of-stream.js': [
    // finished(stream, { readable: false }) on an ended stream still waits
    // for writes in flight (Node 20 checks pendingcb).
    ['    (writableFinished || isWritable(stream) === false)\n  ) {',
     '    (writableFinished || isWritable(stream) === false) &&\n' +
     '    (wState == null || wState.pendingcb === undefined || wState.pendingcb === 0)\n  ) {'],
  ],
  'readable-stream/lib/internal/streams/destroy.js': [
    // Node 20: the construct callback marks the stream constructed one tick
    // later and flushes buffered writes/reads in that same tick.
    ['    } else {\n      process.nextTick(emitConstructNT, stream)\n    }\n  }\n  try {',
     '    } else {\n      emitConstructNT(stream)\n    }\n  }\n  try {'],
  ],
  'readable-stream/lib/internal/streams/duplex.js': [
    webAdapters,
    ['  if (!(this instanceof Duplex)) return new Duplex(options)\n',
     '  if (!(this instanceof Duplex)) return new Duplex(options)\n' +
     `  if (this._events === undefined) this._events = { ${kDuplexEvents} }\n`],
    // A Duplex destroyed while writes are corked fails their callbacks
    // (ERR_STREAM_DESTROYED), as a Writable does: Node 20 uses Writable's destroy.
    ['    if (!Duplex.prototype[method]) Duplex.prototype[method] = Writable.prototype[method]\n  }\n}\n',
     '    if (!Duplex.prototype[method]) Duplex.prototype[method] = Writable.prototype[method]\n  }\n}\n' +
     'Duplex.prototype.destroy = Writable.prototype.destroy\n'],
  ],
};
