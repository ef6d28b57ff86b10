// The JS side of internalBinding('http_parser') (js_bindings/http_parser.py):
// Node's HTTPParser and ConnectionsList classes.  Each HTTPParser wraps one
// Python Parser under kNative.  Callbacks are looked up on the JS object by
// index (parser[kOnHeadersComplete] = fn) when Python reaches them, through
// guard(), which keeps a thrown error so execute()/finish() can rethrow the
// very same value (the engine would only carry its message).
// Evaluated as function (native).
'use strict';

const kNative = Symbol('kNative');
const kList = Symbol('kConnectionsList');
const THREW = '\u0000nodeshim:threw';
const C = native.constants;
const { AsyncWrap, Providers, emitBefore, emitAfter, async_id_symbol, trigger_async_id_symbol } =
  native.asyncWrap;
// The resource initialize() was given: parser callbacks run as it.
const kResource = Symbol('kResource');

let stashed;

function guard(parser, index, a, b, c, d, e, f, g, h, i) {
  // A callback removed meanwhile (freeParser in a nextTick between the
  // callbacks of a consumed read) is skipped, as the C++ parser does.
  if (typeof parser[index] !== 'function') return 0;
  const asyncId = parser[async_id_symbol];
  if (asyncId > 0) emitBefore(asyncId, parser[trigger_async_id_symbol], parser[kResource]);
  try {
    switch (index) {
      case 2: return parser[2](a, b, c, d, e, f, g, h, i);
      case 3: return parser[3](Buffer.from(a));
      case 1: return parser[1](a, b);
      default: return parser[index]();
    }
  } catch (err) {
    stashed = err;
    return THREW;
  } finally {
    if (asyncId > 0) emitAfter(asyncId);
  }
}

// this: the stream handle (its async context is restored by makeCallback).
function onConsumedRead(parser) {
  const r = native.executePending(parser[kNative], maskOf(parser));
  let ret = r;
  if (typeof r !== 'number') {
    if (r === null) rethrow();
    ret = parseError(r);
  }
  const cb = parser[C.kOnExecute];
  if (typeof cb !== 'function') return;
  const asyncId = parser[async_id_symbol];
  if (!(asyncId > 0)) {
    cb.call(parser, ret);
    return;
  }
  emitBefore(asyncId, parser[trigger_async_id_symbol], parser[kResource]);
  try {
    cb.call(parser, ret);
  } finally {
    emitAfter(asyncId);
  }
}

function rethrow() {
  const err = stashed;
  stashed = undefined;
  throw err;
}

// Which callbacks are installed, one bit per index (kOnMessageBegin ..
// kOnExecute): Python calls into JS only for those.
function maskOf(p) {
  return (typeof p[0] === 'function' ? 1 : 0) |
    (typeof p[1] === 'function' ? 2 : 0) |
    (typeof p[2] === 'function' ? 4 : 0) |
    (typeof p[3] === 'function' ? 8 : 0) |
    (typeof p[4] === 'function' ? 16 : 0);
}

// [code, reason, bytesParsed] -> the Error node_http_parser.cc builds;
// _http_common's prepareError adds rawPacket and the full message.
function parseError(triple) {
  const err = new Error('Parse Error');
  err.bytesParsed = triple[2];
  err.code = triple[0];
  err.reason = triple[1];
  return err;
}

// Methods called on something that is not an HTTPParser throw, as V8's
// receiver check on the native methods does.
function nativeOf(self) {
  const p = self != null ? self[kNative] : undefined;
  if (p === undefined) throw new TypeError('Illegal invocation');
  return p;
}

// A parser is an async resource from initialize() (one id per message
// stream it is set up for) to free()/close().
class HTTPParser extends AsyncWrap {
  constructor() {
    super(Providers.NONE);
    this[kNative] = native.newParser(this, guard);
    this[kList] = null;
  }

  initialize(type, resource, maxHeaderSize, lenientFlags, connections) {
    this.asyncReset(resource, (type | 0) === C.REQUEST ? Providers.HTTPINCOMINGMESSAGE :
      Providers.HTTPCLIENTREQUEST);
    this[kResource] = resource;
    if (this[kList] !== null) this[kList][kList].delete(this);
    const list = connections instanceof ConnectionsList ? connections : null;
    this[kList] = list;
    native.initialize(nativeOf(this), type | 0, +maxHeaderSize || 0, lenientFlags | 0, list !== null);
    if (list !== null) list[kList].add(this);
  }

  execute(buffer) {
    const r = native.execute(nativeOf(this), buffer, maskOf(this));
    if (typeof r === 'number') return r;
    if (r === null) rethrow();
    return parseError(r);
  }

  finish() {
    const r = native.finish(nativeOf(this), maskOf(this));
    if (r === null || r === undefined) return undefined;
    if (r === false) rethrow();
    return parseError(r);
  }

  close() { this.emitDestroy(); }
  free() { this.emitDestroy(); }

  remove() {
    if (this[kList] !== null) {
      this[kList][kList].delete(this);
      this[kList] = null;
    }
    native.remove(this[kNative]);
  }

  pause() { native.pause(this[kNative]); }
  resume() { native.resume(this[kNative]); }

  // The fast path of node_http_parser.cc's Consume: the Python stream handle
  // hands each read to the Python parser, which runs onConsumedRead through
  // MakeCallback on the handle; the socket emits no 'data' for those bytes.
  // EOF and read errors still reach the socket (its onread).
  consume(handle) {
    const stream = handle != null ? handle._externalStream : undefined;
    if (stream !== undefined) native.consume(this[kNative], stream, onConsumedRead);
  }

  unconsume() { native.unconsume(this[kNative]); }

  getCurrentBuffer() { return Buffer.from(native.getCurrentBuffer(this[kNative])); }
  duration() { return native.duration(this[kNative]); }
  headersCompleted() { return native.headersCompleted(this[kNative]); }
}

for (const key of Object.keys(C)) {
  Object.defineProperty(HTTPParser, key, { value: C[key], enumerable: true });
}

// Node's server keeps its connections here for headersTimeout/requestTimeout
// (server.js checks expired() on a timer); the timing lives in Python.
class ConnectionsList {
  constructor() {
    this[kList] = new Set();
  }

  all() {
    const list = Array.from(this[kList]);
    const starts = new Map();
    for (const p of list) starts.set(p, native.timing(p[kNative])[0]);
    return list.sort((a, b) => starts.get(a) - starts.get(b));
  }

  idle() {
    return this.all().filter((p) => native.timing(p[kNative])[0] === 0);
  }

  active() {
    return this.all().filter((p) => native.isActive(p[kNative]));
  }

  expired(headersTimeout, requestTimeout) {
    const list = this.all();
    const idx = native.expired(list.map((p) => p[kNative]), headersTimeout >>> 0, requestTimeout >>> 0);
    return idx.map((i) => list[i]);
  }
}

return {
  HTTPParser,
  ConnectionsList,
  methods: native.methods,
  allMethods: native.allMethods,
  // Not in Node's binding: whether --insecure-http-parser was given.
  insecure: !!native.insecure,
};
