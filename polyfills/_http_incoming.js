// _http_incoming: IncomingMessage, the readable side of a request (server)
// or a response (client).
'use strict';

const { Readable, finished } = require('stream');

const kHeaders = Symbol('kHeaders');
const kHeadersDistinct = Symbol('kHeadersDistinct');
const kHeadersCount = Symbol('kHeadersCount');
const kTrailers = Symbol('kTrailers');
const kTrailersDistinct = Symbol('kTrailersDistinct');
const kTrailersCount = Symbol('kTrailersCount');

function readStart(socket) {
  if (socket && !socket._paused && socket.readable) socket.resume();
}

function readStop(socket) {
  if (socket) socket.pause();
}

function IncomingMessage(socket) {
  let options;
  if (socket) options = { highWaterMark: socket.readableHighWaterMark };
  Readable.call(this, options);

  this._readableState.readingMore = true;
  this.socket = socket;
  this.httpVersionMajor = null;
  this.httpVersionMinor = null;
  this.httpVersion = null;
  this.complete = false;
  this[kHeaders] = null;
  this[kHeadersCount] = 0;
  this.rawHeaders = [];
  this[kTrailers] = null;
  this[kTrailersCount] = 0;
  this.rawTrailers = [];
  this.joinDuplicateHeaders = false;
  this.aborted = false;
  this.upgrade = null;
  this.url = '';
  this.method = null;
  this.statusCode = null;
  this.statusMessage = null;
  this.client = socket;
  this._consuming = false;
  this._dumped = false;
}
Object.setPrototypeOf(IncomingMessage.prototype, Readable.prototype);
Object.setPrototypeOf(IncomingMessage, Readable);

Object.defineProperty(IncomingMessage.prototype, 'connection', {
  get() { return this.socket; },
  set(val) { this.socket = val; },
});

function lazyHeaders(kStore, kCount, rawName, distinct) {
  return {
    get() {
      if (!this[kStore]) {
        const dst = this[kStore] = {};
        const src = this[rawName];
        for (let i = 0; i < this[kCount]; i += 2) {
          if (distinct) this._addHeaderLineDistinct(src[i], src[i + 1], dst);
          else this._addHeaderLine(src[i], src[i + 1], dst);
        }
      }
      return this[kStore];
    },
    set(val) { this[kStore] = val; },
  };
}

Object.defineProperty(IncomingMessage.prototype, 'headers',
                      lazyHeaders(kHeaders, kHeadersCount, 'rawHeaders', false));
Object.defineProperty(IncomingMessage.prototype, 'headersDistinct',
                      lazyHeaders(kHeadersDistinct, kHeadersCount, 'rawHeaders', true));
Object.defineProperty(IncomingMessage.prototype, 'trailers',
                      lazyHeaders(kTrailers, kTrailersCount, 'rawTrailers', false));
Object.defineProperty(IncomingMessage.prototype, 'trailersDistinct',
                      lazyHeaders(kTrailersDistinct, kTrailersCount, 'rawTrailers', true));

IncomingMessage.prototype.setTimeout = function setTimeout(msecs, callback) {
  if (callback) this.on('timeout', callback);
  this.socket.setTimeout(msecs);
  return this;
};

IncomingMessage.prototype._read = function _read(n) {
  if (!this._consuming) {
    this._readableState.readingMore = false;
    this._consuming = true;
  }
  // Body chunks are pushed by the parser; reading only lets the socket flow.
  if (this.socket && this.socket.readable) readStart(this.socket);
};

function onError(self, error, cb) {
  // Errors reach the callback only when someone listens for them.
  if (self.listenerCount('error') === 0) cb();
  else cb(error);
}

IncomingMessage.prototype._destroy = function _destroy(err, cb) {
  if (!this.readableEnded || !this.complete) {
    this.aborted = true;
    this.emit('aborted');
  }
  if (this.socket && !this.socket.destroyed && this.aborted) {
    this.socket.destroy(err);
    const cleanup = finished(this.socket, (e) => {
      if (e && e.code === 'ERR_STREAM_PREMATURE_CLOSE') e = null;
      cleanup();
      process.nextTick(onError, this, e || err, cb);
    });
  } else {
    process.nextTick(onError, this, err, cb);
  }
};

IncomingMessage.prototype._addHeaderLines = function _addHeaderLines(headers, n) {
  if (!headers || !headers.length) return;
  let dest;
  if (this.complete) {
    this.rawTrailers = headers;
    this[kTrailersCount] = n;
    dest = this[kTrailers];
  } else {
    this.rawHeaders = headers;
    this[kHeadersCount] = n;
    dest = this[kHeaders];
  }
  if (dest) {
    for (let i = 0; i < n; i += 2) this._addHeaderLine(headers[i], headers[i + 1], dest);
  }
};

// How a repeated header is folded into `headers`: these keep the first value,
// set-cookie becomes an array, cookie joins with '; ', all others with ', '.
const FIRST_WINS = new Set([
  'age', 'authorization', 'content-length', 'content-type', 'etag', 'expires',
  'from', 'host', 'if-modified-since', 'if-unmodified-since', 'last-modified',
  'location', 'max-forwards', 'proxy-authorization', 'referer', 'retry-after',
  'server', 'user-agent',
]);

IncomingMessage.prototype._addHeaderLine = function _addHeaderLine(field, value, dest) {
  field = field.toLowerCase();
  if (field === 'set-cookie') {
    if (dest['set-cookie'] !== undefined) dest['set-cookie'].push(value);
    else dest['set-cookie'] = [value];
  } else if (FIRST_WINS.has(field)) {
    if (this.joinDuplicateHeaders) {
      if (dest[field] === undefined) dest[field] = value;
      else dest[field] += ', ' + value;
    } else if (dest[field] === undefined) {
      dest[field] = value;
    }
  } else if (typeof dest[field] === 'string') {
    dest[field] += (field === 'cookie' ? '; ' : ', ') + value;
  } else {
    dest[field] = value;
  }
};

IncomingMessage.prototype._addHeaderLineDistinct = function _addHeaderLineDistinct(field, value, dest) {
  field = field.toLowerCase();
  if (!dest[field]) dest[field] = [value];
  else dest[field].push(value);
};

IncomingMessage.prototype._dump = function _dump() {
  if (!this._dumped) {
    this._dumped = true;
    this.removeAllListeners('data');
    this.resume();
  }
};

module.exports = {
  IncomingMessage,
  readStart,
  readStop,
};
