// The Fetch standard's Response.
'use strict';

const { Headers } = require('internal/fetch/headers');
const { kBody, extractBody, cloneBody, mixinBody, bodyUsed } = require('internal/fetch/body');

const kState = Symbol('response state');
const kHeaders = Symbol('headers');
const kNullBodyStatus = new Set([101, 103, 204, 205, 304]);
const kRedirectStatus = new Set([301, 302, 303, 307, 308]);

function brandCheck(self) {
  if (self === null || typeof self !== 'object' || self[kState] === undefined) {
    throw new TypeError('Illegal invocation');
  }
}

function initResponse(response, init, body) {
  if (init === null || init === undefined) init = {};
  else if (typeof init !== 'object') {
    throw new TypeError("Response constructor: Expected init to be an object.");
  }
  const status = init.status === undefined ? 200 : Number(init.status);
  if (!Number.isInteger(status) || status < 200 || status > 599) {
    throw new RangeError('init["status"] must be in the range of 200 to 599, inclusive.');
  }
  const statusText = init.statusText === undefined ? '' : `${init.statusText}`;
  if (/[^\t\x20-\x7e\x80-\xff]/.test(statusText)) {
    throw new TypeError('Invalid statusText');
  }
  response[kState].status = status;
  response[kState].statusText = statusText;
  if (init.headers !== undefined) {
    for (const [name, value] of new Headers(init.headers)) response[kHeaders].append(name, value);
  }
  if (body !== null) {
    if (kNullBodyStatus.has(status)) {
      throw new TypeError(`Response constructor: Invalid response status code ${status}`);
    }
    response[kBody] = body;
    if (body.type !== null && !response[kHeaders].has('content-type')) {
      response[kHeaders].set('content-type', body.type);
    }
  }
}

class Response {
  constructor(body = null, init = undefined) {
    this[kState] = { type: 'default', status: 200, statusText: '', urlList: [], redirected: false };
    this[kHeaders] = new Headers();
    this[kBody] = null;
    initResponse(this, init, body === null || body === undefined ? null : extractBody(body));
  }

  static error() {
    const response = new Response();
    response[kState].type = 'error';
    response[kState].status = 0;
    return response;
  }

  static json(data, init = undefined) {
    const text = JSON.stringify(data);
    if (text === undefined) throw new TypeError('Value is not JSON serializable');
    const response = new Response();
    const body = extractBody(text);
    body.type = 'application/json';
    initResponse(response, init, body);
    return response;
  }

  static redirect(url, status = 302) {
    let parsed;
    try {
      parsed = new URL(`${url}`);
    } catch (err) {
      throw new TypeError(`Failed to parse URL from ${url}`, { cause: err });
    }
    if (!kRedirectStatus.has(status)) throw new RangeError(`Invalid status code ${status}`);
    const response = new Response();
    response[kState].status = status;
    response[kHeaders].set('location', parsed.href);
    return response;
  }

  get type() { brandCheck(this); return this[kState].type; }
  get url() {
    brandCheck(this);
    const list = this[kState].urlList;
    if (list.length === 0) return '';
    const url = new URL(list[list.length - 1]);
    url.hash = '';
    return url.href;
  }

  get redirected() { brandCheck(this); return this[kState].redirected; }
  get status() { brandCheck(this); return this[kState].status; }
  get ok() { brandCheck(this); return this[kState].status >= 200 && this[kState].status <= 299; }
  get statusText() { brandCheck(this); return this[kState].statusText; }
  get headers() { brandCheck(this); return this[kHeaders]; }

  clone() {
    brandCheck(this);
    if (bodyUsed(this[kBody])) {
      throw new TypeError('Response.clone: Body has already been consumed.');
    }
    const copy = new Response();
    Object.assign(copy[kState], this[kState], { urlList: [...this[kState].urlList] });
    for (const [name, value] of this[kHeaders]) copy[kHeaders].append(name, value);
    copy[kBody] = cloneBody(this[kBody]);
    return copy;
  }

  get [Symbol.toStringTag]() { return 'Response'; }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options) {
    const { inspect } = require('internal/util/inspect');
    if (depth < 0) return 'Response';
    return `Response ${inspect({
      status: this.status, statusText: this.statusText, headers: this.headers, body: this.body,
      bodyUsed: this.bodyUsed, ok: this.ok, redirected: this.redirected, type: this.type, url: this.url,
    }, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }
}

mixinBody(Response, brandCheck, (self) => self[kHeaders].get('content-type'));

for (const name of ['type', 'url', 'redirected', 'status', 'ok', 'statusText', 'headers', 'clone']) {
  Object.defineProperty(Response.prototype, name, { enumerable: true });
}

// A response made by fetch from what the server sent.
function makeNetworkResponse({ status, statusText, rawHeaders, urlList, body }) {
  const response = new Response();
  const state = response[kState];
  state.type = 'basic';
  state.status = status;
  state.statusText = statusText;
  state.urlList = urlList;
  state.redirected = urlList.length > 1;
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    try {
      response[kHeaders].append(rawHeaders[i], rawHeaders[i + 1]);
    } catch {
      // A field the Headers class refuses is dropped, as undici does.
    }
  }
  response[kBody] = body;
  return response;
}

module.exports = { Response, makeNetworkResponse, kRedirectStatus, kNullBodyStatus };
