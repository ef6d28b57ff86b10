// The browser WebSocket client (Node 22's global, undici's behaviour) on the
// http client's upgrade path.  The opening handshake is an http.request with
// `Upgrade: websocket`; the upgraded net.Socket's bytes go to
// internalBinding('websocket') (wsproto), which answers with messages, control
// frames and the bytes to write back.  Validation and events follow the
// WHATWG WebSocket standard as undici implements it; where Node 20/22's undici
// fires no `close` after a failed handshake, this follows the standard (error,
// then close 1006).
'use strict';

const { EventTarget, Event, defineEventHandler, kTrustEvent } = require('internal/event_target');
const { DOMException } = require('internal/per_context/domexception');
const { URL } = require('internal/url');
const { Blob, Buffer } = require('buffer');
const { ERR_INVALID_THIS } = require('internal/errors').codes;

// Loaded on the first connection: touching the global (test/common's list of
// known globals does) must not import the framing library.
let binding;
let kText, kBinary, kClose, kFail;
function loadBinding() {
  if (binding === undefined) {
    binding = internalBinding('websocket');
    ({ kText, kBinary, kClose, kFail } = binding);
  }
  return binding;
}

const CONNECTING = 0;
const OPEN = 1;
const CLOSING = 2;
const CLOSED = 3;

// After both Close frames, the server should end the TCP connection; a server
// that does not is cut off after this long, so nothing keeps the loop alive.
const kCloseTimeoutMs = 5000;
// A server that accepts the connection but never answers the handshake fails
// it after undici's default headersTimeout, as on Node.
const kHandshakeTimeoutMs = 300e3;

function missingArgs(method, needed, got) {
  return new TypeError(`${method}: ${needed} argument required, but ${got} found.`);
}

// --- events -----------------------------------------------------------------

function eventInit(init) {
  if (init !== undefined && init !== null && typeof init !== 'object' && typeof init !== 'function') {
    throw new TypeError('The "eventInitDict" argument must be an object');
  }
  return init ?? {};
}

class MessageEvent extends Event {
  #data; #origin; #lastEventId; #source; #ports;

  constructor(type, init = undefined) {
    if (arguments.length === 0) throw new TypeError('MessageEvent constructor: 1 argument required, but only 0 present.');
    init = eventInit(init);
    super(type, init);
    this.#data = init.data === undefined ? null : init.data;
    this.#origin = init.origin === undefined ? '' : `${init.origin}`;
    this.#lastEventId = init.lastEventId === undefined ? '' : `${init.lastEventId}`;
    this.#source = init.source === undefined ? null : init.source;
    this.#ports = Object.freeze(init.ports === undefined ? [] : [...init.ports]);
  }

  get data() { return this.#data; }
  get origin() { return this.#origin; }
  get lastEventId() { return this.#lastEventId; }
  get source() { return this.#source; }
  get ports() { return this.#ports; }
}

class CloseEvent extends Event {
  #wasClean; #code; #reason;

  constructor(type, init = undefined) {
    if (arguments.length === 0) throw new TypeError('CloseEvent constructor: 1 argument required, but only 0 present.');
    init = eventInit(init);
    super(type, init);
    this.#wasClean = !!init.wasClean;
    this.#code = init.code === undefined ? 0 : Number(init.code) & 0xffff;
    this.#reason = init.reason === undefined ? '' : `${init.reason}`;
  }

  get wasClean() { return this.#wasClean; }
  get code() { return this.#code; }
  get reason() { return this.#reason; }
}

class ErrorEvent extends Event {
  #message; #filename; #lineno; #colno; #error;

  constructor(type, init = undefined) {
    if (arguments.length === 0) throw new TypeError('ErrorEvent constructor: 1 argument required, but only 0 present.');
    init = eventInit(init);
    super(type, init);
    this.#message = init.message === undefined ? '' : `${init.message}`;
    this.#filename = init.filename === undefined ? '' : `${init.filename}`;
    this.#lineno = init.lineno >>> 0;
    this.#colno = init.colno >>> 0;
    this.#error = init.error;
  }

  get message() { return this.#message; }
  get filename() { return this.#filename; }
  get lineno() { return this.#lineno; }
  get colno() { return this.#colno; }
  get error() { return this.#error; }
}

for (const [cls, names] of [[MessageEvent, ['data', 'origin', 'lastEventId', 'source', 'ports']],
  [CloseEvent, ['wasClean', 'code', 'reason']],
  [ErrorEvent, ['message', 'filename', 'lineno', 'colno', 'error']]]) {
  for (const name of names) {
    Object.defineProperty(cls.prototype, name, { __proto__: null, enumerable: true });
  }
  Object.defineProperty(cls.prototype, Symbol.toStringTag, {
    __proto__: null, value: cls.name, configurable: true,
  });
}

// --- argument checks (WHATWG WebSocket, "new WebSocket(url, protocols)") ------

// RFC 7230 token characters.
const kToken = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

function parseURL(url) {
  let record;
  try {
    record = new URL(url);
  } catch (err) {
    throw new DOMException(`${err.name}: ${err.message}`, 'SyntaxError');
  }
  if (record.protocol === 'http:') record.protocol = 'ws:';
  else if (record.protocol === 'https:') record.protocol = 'wss:';
  if (record.protocol !== 'ws:' && record.protocol !== 'wss:') {
    throw new DOMException(`Expected a ws: or wss: protocol, got ${record.protocol}`, 'SyntaxError');
  }
  if (record.hash || record.href.endsWith('#')) {
    throw new DOMException('Got fragment', 'SyntaxError');
  }
  return record;
}

function toProtocols(protocols) {
  if (protocols !== null && typeof protocols === 'object' && typeof protocols[Symbol.iterator] !== 'function') {
    // WebSocketInit ({ protocols, headers, dispatcher }), as Node 22 accepts.
    protocols = protocols.protocols === undefined ? [] : protocols.protocols;
  }
  if (typeof protocols === 'string') return [protocols];
  if (protocols === undefined) return [];
  if (protocols === null || typeof protocols !== 'object') return [`${protocols}`];
  return Array.from(protocols, (p) => `${p}`);
}

function checkProtocols(list) {
  const seen = new Set();
  for (const p of list) {
    const lower = p.toLowerCase();
    if (!kToken.test(p) || seen.has(lower)) {
      throw new DOMException('Invalid Sec-WebSocket-Protocol value', 'SyntaxError');
    }
    seen.add(lower);
  }
}

// WebIDL `[Clamp] unsigned short`.
function clampCode(code) {
  let n = Number(code);
  if (Number.isNaN(n)) return 0;
  n = Math.min(Math.max(n, 0), 65535);
  const r = Math.round(n);
  // Round half to even, as WebIDL's clamp does.
  return Math.abs(n - Math.trunc(n)) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

// --- WebSocket ------------------------------------------------------------------

const states = new WeakMap();

function state(ws) {
  const s = states.get(ws);
  if (s === undefined) throw new ERR_INVALID_THIS('WebSocket');
  return s;
}

class WebSocket extends EventTarget {
  constructor(url, protocols = []) {
    if (arguments.length === 0) throw missingArgs('WebSocket constructor', 1, 0);
    super();
    const record = parseURL(`${url}`);
    const list = toProtocols(protocols);
    checkProtocols(list);
    states.set(this, {
      url: record.href,
      origin: record.origin,
      readyState: CONNECTING,
      binaryType: 'blob',
      bufferedAmount: 0,
      protocol: '',
      extensions: '',
      socket: null,
      req: null,
      framer: null,
      sentClose: false,
      receivedClose: false,
      closeInfo: null,       // [code, reason] of the peer's Close frame
      failed: false,
      closeTimer: null,
      sendQueue: null,       // pending Blob reads keep later sends in order
    });
    connect(this, record, list);
  }

  close(code = undefined, reason = undefined) {
    const s = state(this);
    if (code !== undefined) {
      code = clampCode(code);
      if (code !== 1000 && (code < 3000 || code > 4999)) {
        throw new DOMException('invalid code', 'InvalidAccessError');
      }
    }
    let reasonBytes = 0;
    if (reason !== undefined) {
      reason = `${reason}`.toWellFormed();
      reasonBytes = Buffer.byteLength(reason);
      if (reasonBytes > 123) {
        throw new DOMException(`Reason must be less than 123 bytes; received ${reasonBytes}`,
                               'SyntaxError');
      }
    }
    if (s.readyState === CLOSING || s.readyState === CLOSED) return;
    if (s.readyState === CONNECTING) {
      s.readyState = CLOSING;
      // As a fetch abort: the error comes after the current code, not inside close().
      process.nextTick(failConnection, this, 'Connection was closed before it was established.');
      return;
    }
    s.readyState = CLOSING;
    if (!s.sentClose) {
      const bytes = binding.close(s.framer, code === undefined ? (reason ? 1000 : null) : code,
                                  reason ?? '');
      s.sentClose = true;
      if (bytes !== null) s.socket.write(Buffer.from(bytes));
      armCloseTimer(s);
    }
  }

  send(data) {
    const s = state(this);
    if (arguments.length === 0) throw missingArgs('WebSocket.send', 1, 0);
    if (s.readyState === CONNECTING) {
      throw new DOMException('Sent before connected.', 'InvalidStateError');
    }
    let text = false;
    let size;
    if (typeof data === 'string') {
      // USVString: a lone surrogate goes out as U+FFFD.
      data = data.toWellFormed();
      text = true;
      size = Buffer.byteLength(data);
    } else if (data instanceof Blob) {
      size = data.size;
    } else if (ArrayBuffer.isView(data)) {
      data = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      size = data.byteLength;
    } else if (data instanceof ArrayBuffer || Object.prototype.toString.call(data) === '[object SharedArrayBuffer]') {
      size = data.byteLength;
    } else {
      data = `${data}`.toWellFormed();
      text = true;
      size = Buffer.byteLength(data);
    }
    if (s.readyState !== OPEN || s.sentClose) return;
    s.bufferedAmount += size;
    if (data instanceof Blob || s.sendQueue !== null) {
      const queue = s.sendQueue ??= [];
      const item = { ready: false, data, text, size };
      queue.push(item);
      if (data instanceof Blob) {
        data.arrayBuffer().then((ab) => {
          item.data = ab;
          item.ready = true;
          flushQueue(this);
        });
      } else {
        item.ready = true;
      }
      return;
    }
    writeMessage(this, data, text, size);
  }

  get readyState() { return state(this).readyState; }
  get bufferedAmount() { return state(this).bufferedAmount; }
  get url() { return state(this).url; }
  get extensions() { return state(this).extensions; }
  get protocol() { return state(this).protocol; }
}

function flushQueue(ws) {
  const s = states.get(ws);
  const queue = s.sendQueue;
  while (queue.length > 0 && queue[0].ready) {
    const item = queue.shift();
    if (s.socket !== null && !s.sentClose) writeMessage(ws, item.data, item.text, item.size);
  }
  if (queue.length === 0) s.sendQueue = null;
}

function writeMessage(ws, data, text, size) {
  const s = states.get(ws);
  const bytes = binding.send(s.framer, data, text);
  if (bytes === null) return;
  s.socket.write(Buffer.from(bytes), () => { s.bufferedAmount -= size; });
}

// Node's property order: methods, attributes, on* handlers, binaryType, constants.
for (const name of ['open', 'error', 'close', 'message']) defineEventHandler(WebSocket.prototype, name);
Object.defineProperty(WebSocket.prototype, 'binaryType', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() { return state(this).binaryType; },
  set(type) {
    const s = state(this);
    type = `${type}`;
    s.binaryType = type === 'arraybuffer' || type === 'blob' ? type : 'blob';
  },
});
for (const [name, value] of [['CONNECTING', CONNECTING], ['OPEN', OPEN], ['CLOSING', CLOSING],
  ['CLOSED', CLOSED]]) {
  const desc = { __proto__: null, value, writable: false, enumerable: true, configurable: false };
  Object.defineProperty(WebSocket, name, desc);
  Object.defineProperty(WebSocket.prototype, name, desc);
}
for (const name of ['close', 'send']) {
  Object.defineProperty(WebSocket.prototype, name, { __proto__: null, enumerable: true });
}
for (const name of ['url', 'readyState', 'bufferedAmount', 'extensions', 'protocol']) {
  Object.defineProperty(WebSocket.prototype, name, { __proto__: null, enumerable: true });
}
Object.defineProperty(WebSocket.prototype, Symbol.toStringTag, {
  __proto__: null, value: 'WebSocket', configurable: true,
});

// --- connection -------------------------------------------------------------------

let handshakeTimeout = kHandshakeTimeoutMs;

function connect(ws, record, protocols) {
  const s = states.get(ws);
  const http = require('http');
  const [key, accept] = loadBinding().newKey();
  const headers = {
    'sec-websocket-key': key,
    'sec-websocket-version': '13',
    'sec-websocket-extensions': binding.offer(),
    'connection': 'upgrade',
    'upgrade': 'websocket',
  };
  if (protocols.length > 0) headers['sec-websocket-protocol'] = protocols.join(', ');
  const target = new URL(record.href);
  // wss: is the same handshake over TLS (verified against the default CAs,
  // as undici does; NODE_TLS_REJECT_UNAUTHORIZED=0 relaxes it as for https).
  const secure = record.protocol === 'wss:';
  target.protocol = secure ? 'https:' : 'http:';
  const req = (secure ? require('https') : http).request(target, { headers, agent: false });
  s.req = req;
  req.on('upgrade', (res, socket, head) => {
    s.req = null;
    onUpgrade(ws, res, socket, head, accept, protocols);
  });
  req.on('response', (res) => {
    s.req = null;
    res.resume();
    res.socket?.destroy();
    failConnection(ws, 'Received network error or non-101 status code.');
  });
  req.on('error', () => {
    s.req = null;
    failConnection(ws, 'Received network error or non-101 status code.');
  });
  req.setTimeout(handshakeTimeout, () => {
    failConnection(ws, 'Received network error or non-101 status code.');
  });
  req.end();
}

function headerHasToken(value, token) {
  if (value === undefined) return false;
  return `${value}`.split(',').some((v) => v.trim().toLowerCase() === token);
}

function onUpgrade(ws, res, socket, head, accept, protocols) {
  const s = states.get(ws);
  s.socket = socket;
  socket.setTimeout(0);
  socket.on('error', () => {});
  socket.on('close', () => onSocketClose(ws));
  if (s.readyState !== CONNECTING) {
    socket.destroy();
    return;
  }
  const h = res.headers;
  let problem = null;
  if (res.statusCode !== 101) {
    problem = 'Received network error or non-101 status code.';
  } else if (protocols.length > 0 && h['sec-websocket-protocol'] === undefined) {
    problem = 'Server did not respond with sent protocols.';
  } else if (`${h.upgrade}`.toLowerCase() !== 'websocket') {
    problem = 'Server did not set Upgrade header to "websocket".';
  } else if (!headerHasToken(h.connection, 'upgrade')) {
    problem = 'Server did not set Connection header to "upgrade".';
  } else if (h['sec-websocket-accept'] !== accept) {
    problem = 'Incorrect hash received in Sec-WebSocket-Accept header.';
  } else if (h['sec-websocket-protocol'] !== undefined &&
             !protocols.includes(h['sec-websocket-protocol'])) {
    problem = 'Protocol was not set in the opening handshake.';
  }
  let framer = null;
  if (problem === null) {
    framer = binding.newFramer(h['sec-websocket-extensions'] ?? null);
    if (framer === null) problem = 'Received different permessage-deflate than the one set.';
  }
  if (problem !== null) {
    failConnection(ws, problem);
    return;
  }
  s.framer = framer;
  s.protocol = h['sec-websocket-protocol'] ?? '';
  s.extensions = h['sec-websocket-extensions'] ?? '';
  s.readyState = OPEN;
  socket.setNoDelay?.(true);
  socket.on('data', (chunk) => onData(ws, chunk));
  ws.dispatchEvent(new Event('open', { [kTrustEvent]: true }));
  if (head && head.length > 0) onData(ws, head);
}

function onData(ws, chunk) {
  const s = states.get(ws);
  if (s.framer === null || s.failed) return;
  const records = binding.receive(s.framer, chunk);
  if (records[0] !== null && !s.socket.destroyed) s.socket.write(Buffer.from(records[0]));
  for (let i = 1; i < records.length; i++) {
    const [kind, a, b] = records[i];
    if (kind === kText || kind === kBinary) {
      if (s.readyState !== OPEN) continue;
      let data = a;
      if (kind === kBinary && s.binaryType === 'blob') data = new Blob([a]);
      ws.dispatchEvent(new MessageEvent('message', { data, origin: s.origin, [kTrustEvent]: true }));
    } else if (kind === kClose) {
      s.receivedClose = true;
      s.closeInfo = [a, b];
      s.sentClose = true;
      s.readyState = CLOSING;
      armCloseTimer(s);
    } else if (kind === kFail) {
      failConnection(ws, a === 1007 ? 'Invalid UTF-8 received.' : b || 'Protocol error.');
      return;
    }
  }
}

// RFC 6455 7.1.1: after the Close frames the server ends TCP first; one that
// does not (or never answers our Close) is cut off, so nothing hangs.
function armCloseTimer(s) {
  if (s.closeTimer === null) s.closeTimer = setTimeout(() => s.socket.destroy(), kCloseTimeoutMs);
}

// WHATWG "fail the WebSocket connection": any Close frame for the peer is
// already queued by the framer; the socket goes, `error` now, `close` on the
// socket's close (code 1006, not clean).
function failConnection(ws, reason) {
  const s = states.get(ws);
  if (s.failed) return;
  s.failed = true;
  if (s.req !== null) {
    s.req.destroy();
    s.req = null;
  }
  const error = new Error(reason);
  ws.dispatchEvent(new ErrorEvent('error', { error, message: reason, [kTrustEvent]: true }));
  if (s.socket !== null) {
    // destroySoon: a Close frame (1002 ...) queued by the framer still goes out.
    if (!s.socket.destroyed) s.socket.destroySoon();
    armCloseTimer(s);
  } else {
    // The handshake never produced a socket (refused, non-101 answer).
    process.nextTick(onSocketClose, ws);
  }
}

function onSocketClose(ws) {
  const s = states.get(ws);
  if (s.readyState === CLOSED) return;
  if (s.closeTimer !== null) clearTimeout(s.closeTimer);
  const wasClean = s.sentClose && s.receivedClose && !s.failed;
  let code = 1006;
  let reason = '';
  if (s.receivedClose && !s.failed) [code, reason] = s.closeInfo;
  s.readyState = CLOSED;
  s.framer = null;
  ws.dispatchEvent(new CloseEvent('close', { wasClean, code, reason, [kTrustEvent]: true }));
}

module.exports = {
  WebSocket, MessageEvent, CloseEvent, ErrorEvent,
  // For tests (--expose-internals): a shorter handshake deadline.
  setHandshakeTimeout(ms) { handshakeTimeout = ms; },
};
