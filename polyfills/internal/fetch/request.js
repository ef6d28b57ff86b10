// The Fetch standard's Request.
'use strict';

const { Headers } = require('internal/fetch/headers');
const { kBody, extractBody, cloneBody, mixinBody, bodyUsed } = require('internal/fetch/body');

const kState = Symbol('request state');
const kHeaders = Symbol('headers');
const kSignal = Symbol('signal');

const kForbiddenMethods = new Set(['CONNECT', 'TRACE', 'TRACK']);
const kNormalizedMethods = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH']);
const kToken = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

function brandCheck(self) {
  if (self === null || typeof self !== 'object' || self[kState] === undefined) {
    throw new TypeError('Illegal invocation');
  }
}

function oneOf(name, value, allowed) {
  if (value === undefined) return undefined;
  value = `${value}`;
  if (!allowed.includes(value)) {
    throw new TypeError(`Request constructor: ${value} is not an accepted type. ` +
                        `Expected one of ${allowed.join(', ')}.`);
  }
  return value;
}

class Request {
  constructor(input, init = undefined) {
    if (arguments.length < 1) {
      throw new TypeError('Request constructor: 1 argument required, but only 0 present.');
    }
    if (init !== undefined && init !== null && typeof init !== 'object') {
      throw new TypeError("Request constructor: Expected init to be an object.");
    }
    init ??= {};
    let state;
    let inputBody = null;
    let inputSignal = null;
    if (input instanceof Request) {
      state = { ...input[kState] };
      inputBody = input[kBody];
      inputSignal = input[kSignal];
    } else {
      let url;
      try {
        url = new URL(`${input}`);
      } catch (err) {
        throw new TypeError(`Failed to parse URL from ${input}`, { cause: err });
      }
      if (url.username || url.password) {
        throw new TypeError('Request cannot be constructed from a URL that includes credentials: ' + input);
      }
      state = {
        url: url.href, method: 'GET', redirect: 'follow', mode: 'cors', credentials: 'same-origin',
        cache: 'default', referrer: 'about:client', referrerPolicy: '', integrity: '',
        keepalive: false, duplex: 'half',
      };
    }
    if (init.method !== undefined) {
      let method = `${init.method}`;
      if (!kToken.test(method)) throw new TypeError(`'${method}' is not a valid HTTP method.`);
      const upper = method.toUpperCase();
      if (kForbiddenMethods.has(upper)) throw new TypeError(`'${method}' HTTP method is unsupported.`);
      if (kNormalizedMethods.has(upper)) method = upper;
      state.method = method;
    }
    state.redirect = oneOf('redirect', init.redirect, ['follow', 'manual', 'error']) ?? state.redirect;
    state.mode = oneOf('mode', init.mode, ['navigate', 'same-origin', 'no-cors', 'cors']) ?? state.mode;
    if (state.mode === 'navigate') {
      throw new TypeError("Request constructor: invalid request mode navigate.");
    }
    state.credentials = oneOf('credentials', init.credentials, ['omit', 'same-origin', 'include']) ??
      state.credentials;
    state.cache = oneOf('cache', init.cache,
                        ['default', 'no-store', 'reload', 'no-cache', 'force-cache', 'only-if-cached']) ??
      state.cache;
    if (init.integrity !== undefined) state.integrity = `${init.integrity}`;
    if (init.keepalive !== undefined) state.keepalive = Boolean(init.keepalive);
    if (init.referrer !== undefined) state.referrer = `${init.referrer}` === '' ? '' : `${init.referrer}`;
    this[kState] = state;

    // The signal follows the given one (or the input request's).
    const signal = init.signal !== undefined ? init.signal : inputSignal;
    if (signal !== null && signal !== undefined) {
      const { validateAbortSignal } = require('internal/validators');
      try {
        validateAbortSignal(signal, 'init.signal');
      } catch {
        throw new TypeError("Failed to construct 'Request': member signal is not of type AbortSignal.");
      }
    }
    const controller = new AbortController();
    if (signal) {
      if (signal.aborted) {
        controller.abort(signal.reason);
      } else {
        const follow = () => controller.abort(signal.reason);
        signal.addEventListener('abort', follow, { once: true });
      }
    }
    this[kSignal] = controller.signal;

    this[kHeaders] = new Headers(init.headers !== undefined ? init.headers :
      (input instanceof Request ? input[kHeaders] : undefined));

    const bodyInit = init.body;
    if ((bodyInit !== undefined && bodyInit !== null) || inputBody !== null) {
      if (state.method === 'GET' || state.method === 'HEAD') {
        throw new TypeError('Request with GET/HEAD method cannot have body.');
      }
    }
    let body = null;
    if (bodyInit !== undefined && bodyInit !== null) {
      body = extractBody(bodyInit);
      if (body.stream != null && init.duplex === undefined) {
        throw new TypeError('RequestInit: duplex option is required when sending a body.');
      }
      if (body.type !== null && !this[kHeaders].has('content-type')) {
        this[kHeaders].append('content-type', body.type);
      }
    } else if (inputBody !== null) {
      if (bodyUsed(inputBody)) {
        throw new TypeError('Cannot construct a Request with a Request object that has already been used.');
      }
      body = inputBody;
      input[kBody] = { ...inputBody, used: true };
    }
    this[kBody] = body;
  }

  get method() { brandCheck(this); return this[kState].method; }
  get url() { brandCheck(this); return this[kState].url; }
  get headers() { brandCheck(this); return this[kHeaders]; }
  get destination() { brandCheck(this); return ''; }
  get referrer() {
    brandCheck(this);
    const r = this[kState].referrer;
    return r === 'about:client' ? 'about:client' : r;
  }

  get referrerPolicy() { brandCheck(this); return this[kState].referrerPolicy; }
  get mode() { brandCheck(this); return this[kState].mode; }
  get credentials() { brandCheck(this); return this[kState].credentials; }
  get cache() { brandCheck(this); return this[kState].cache; }
  get redirect() { brandCheck(this); return this[kState].redirect; }
  get integrity() { brandCheck(this); return this[kState].integrity; }
  get keepalive() { brandCheck(this); return this[kState].keepalive; }
  get isReloadNavigation() { brandCheck(this); return false; }
  get isHistoryNavigation() { brandCheck(this); return false; }
  get signal() { brandCheck(this); return this[kSignal]; }
  get duplex() { brandCheck(this); return 'half'; }

  clone() {
    brandCheck(this);
    if (bodyUsed(this[kBody])) throw new TypeError('Request.clone: Body has already been consumed.');
    const copy = new Request(this.url, {
      method: this.method, headers: this[kHeaders], signal: this[kSignal],
    });
    Object.assign(copy[kState], this[kState]);
    copy[kBody] = cloneBody(this[kBody]);
    return copy;
  }

  get [Symbol.toStringTag]() { return 'Request'; }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options) {
    const { inspect } = require('internal/util/inspect');
    if (depth < 0) return 'Request';
    return `Request ${inspect({
      method: this.method, url: this.url, headers: this.headers, destination: this.destination,
      referrer: this.referrer, referrerPolicy: this.referrerPolicy, mode: this.mode,
      credentials: this.credentials, cache: this.cache, redirect: this.redirect,
      integrity: this.integrity, keepalive: this.keepalive, isReloadNavigation: false,
      isHistoryNavigation: false, signal: this.signal,
    }, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }
}

mixinBody(Request, brandCheck, (self) => self[kHeaders].get('content-type'));

module.exports = { Request, kBody };
