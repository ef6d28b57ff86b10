// fetch(): the Fetch standard's HTTP fetch over node:http / node:https
// (redirects, decoding, abort), plus data: URLs.  Failures are undici's
// TypeError('fetch failed') with the reason as `cause`.
'use strict';

const { Buffer } = require('buffer');
const { Request, kBody } = require('internal/fetch/request');
const { makeNetworkResponse, kRedirectStatus, kNullBodyStatus } = require('internal/fetch/response');

function fetchFailed(cause) {
  return new TypeError('fetch failed', { cause });
}

// data:[<mediatype>][;base64],<data>
function fetchDataUrl(url) {
  const text = url.href.slice('data:'.length).replace(/#.*$/, '');
  const comma = text.indexOf(',');
  if (comma === -1) throw new Error('invalid data: URL');
  let mime = text.slice(0, comma).trim();
  let data = Buffer.from(decodeURIComponent(text.slice(comma + 1).replace(/%(?![0-9a-fA-F]{2})/g, '%25')), 'latin1');
  const base64 = /;\s*base64\s*$/i.test(mime);
  if (base64) {
    mime = mime.replace(/;\s*base64\s*$/i, '');
    data = Buffer.from(data.toString('latin1').replace(/[\t\n\f\r ]/g, ''), 'base64');
  }
  if (mime === '' || mime.startsWith(';')) mime = `text/plain${mime || ';charset=US-ASCII'}`;
  return makeNetworkResponse({
    status: 200, statusText: 'OK', rawHeaders: ['content-type', mime], urlList: [url.href],
    body: { bytes: data, type: null },
  });
}

const kDropOnRedirectToGet = ['content-type', 'content-length', 'content-encoding',
  'content-language', 'content-location'];
const kDropCrossOrigin = ['authorization', 'cookie', 'proxy-authorization'];

function fetch(input, init = undefined) {
  return new Promise((resolve, reject) => {
    let request;
    try {
      request = new Request(input, init);
    } catch (err) {
      reject(err);
      return;
    }
    const signal = request.signal;
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const ctx = {
      request,
      method: request.method,
      headers: [...request.headers],
      body: request[kBody],
      urlList: [request.url],
      redirects: 0,
      settled: false,
      clientRequest: null,
      responseStream: null,
    };
    const finish = (fn, value) => {
      if (ctx.settled) return;
      ctx.settled = true;
      fn(value);
    };
    ctx.resolve = (response) => finish(resolve, response);
    ctx.reject = (err) => {
      if (ctx.settled) return;
      if (ctx.clientRequest !== null) ctx.clientRequest.destroy();
      finish(reject, err);
    };
    const onAbort = () => {
      const reason = signal.reason;
      if (ctx.clientRequest !== null) ctx.clientRequest.destroy();
      if (ctx.responseStream !== null) ctx.responseStream.destroy(reason);
      ctx.reject(reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    if (request[kBody] !== null) {
      // Used from here on, as a sent request body is.
      request[kBody] = { ...request[kBody], used: true };
    }
    step(ctx);
  });
}

function step(ctx) {
  const url = new URL(ctx.urlList[ctx.urlList.length - 1]);
  if (url.protocol === 'data:') {
    try {
      ctx.resolve(fetchDataUrl(url));
    } catch (err) {
      ctx.reject(fetchFailed(err));
    }
    return;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    ctx.reject(fetchFailed(new Error('not implemented... yet...')));
    return;
  }
  const body = ctx.body;
  if (body !== null && body.blob !== undefined && body.bytes === undefined) {
    body.blob.arrayBuffer().then((ab) => {
      ctx.body = { bytes: Buffer.from(ab), type: body.type };
      step(ctx);
    }, (err) => ctx.reject(fetchFailed(err)));
    return;
  }
  sendRequest(ctx, url);
}

function sendRequest(ctx, url) {
  const headers = {};
  for (const [name, value] of ctx.headers) headers[name] = value;
  const defaults = {
    'accept': '*/*',
    'accept-language': '*',
    'sec-fetch-mode': 'cors',
    'user-agent': 'node',
    'accept-encoding': 'gzip, deflate',
  };
  for (const name of Object.keys(defaults)) {
    if (!(name in headers)) headers[name] = defaults[name];
  }
  const body = ctx.body;
  if (body !== null && body.bytes !== undefined) {
    if (!('content-length' in headers)) headers['content-length'] = `${body.bytes.byteLength}`;
  } else if (body === null && (ctx.method === 'POST' || ctx.method === 'PUT')) {
    headers['content-length'] = '0';
  }

  const transport = url.protocol === 'https:' ? require('https') : require('http');
  let req;
  try {
    req = transport.request(url, { method: ctx.method, headers });
  } catch (err) {
    ctx.reject(fetchFailed(err));
    return;
  }
  ctx.clientRequest = req;
  req.on('error', (err) => ctx.reject(fetchFailed(err)));
  req.on('response', (res) => onResponse(ctx, url, res));

  if (body === null) {
    req.end();
  } else if (body.bytes !== undefined) {
    req.end(body.bytes);
  } else {
    pumpStream(ctx, req, body.stream);
  }
}

async function pumpStream(ctx, req, stream) {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      if (!(value instanceof Uint8Array)) throw new TypeError('Received non-Uint8Array chunk');
      if (!req.write(value)) await new Promise((resolve) => req.once('drain', resolve));
    }
    req.end();
  } catch (err) {
    ctx.reject(fetchFailed(err));
  }
}

function onResponse(ctx, url, res) {
  ctx.clientRequest = null;
  const status = res.statusCode;
  const location = res.headers.location;
  if (kRedirectStatus.has(status) && location !== undefined && ctx.request.redirect !== 'manual') {
    res.resume();
    if (ctx.request.redirect === 'error') {
      ctx.reject(fetchFailed(new Error('unexpected redirect')));
      return;
    }
    let next;
    try {
      next = new URL(location, url);
    } catch (err) {
      ctx.reject(fetchFailed(err));
      return;
    }
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
      ctx.reject(fetchFailed(new Error('URL scheme must be a HTTP(S) scheme')));
      return;
    }
    if (++ctx.redirects > 20) {
      ctx.reject(fetchFailed(new Error('redirect count exceeded')));
      return;
    }
    if (ctx.body !== null && ctx.body.stream != null && status !== 303) {
      ctx.reject(fetchFailed(new Error('Cannot follow a redirect with a streamed request body')));
      return;
    }
    if ((status === 303 && ctx.method !== 'GET' && ctx.method !== 'HEAD') ||
        ((status === 301 || status === 302) && ctx.method === 'POST')) {
      ctx.method = 'GET';
      ctx.body = null;
      ctx.headers = ctx.headers.filter(([name]) => !kDropOnRedirectToGet.includes(name));
    }
    if (next.origin !== url.origin) {
      ctx.headers = ctx.headers.filter(([name]) => !kDropCrossOrigin.includes(name));
    }
    ctx.urlList.push(next.href);
    step(ctx);
    return;
  }

  let body = null;
  if (ctx.method !== 'HEAD' && !kNullBodyStatus.has(status)) {
    let stream = res;
    const coding = `${res.headers['content-encoding'] ?? ''}`.trim().toLowerCase();
    const zlib = coding ? require('zlib') : null;
    let decoder = null;
    const lenient = zlib && { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };
    if (coding === 'gzip' || coding === 'x-gzip') decoder = zlib.createGunzip(lenient);
    else if (coding === 'deflate') decoder = zlib.createInflate(lenient);
    else if (coding === 'br') decoder = zlib.createBrotliDecompress();
    if (decoder !== null) {
      require('stream').pipeline(res, decoder, () => {});
      stream = decoder;
    }
    ctx.responseStream = stream;
    const { newReadableStreamFromStreamReadable } = require('internal/webstreams/adapters');
    body = { stream: newReadableStreamFromStreamReadable(stream), type: null };
  } else {
    res.resume();
  }
  ctx.resolve(makeNetworkResponse({
    status,
    statusText: res.statusMessage ?? '',
    rawHeaders: res.rawHeaders,
    urlList: ctx.urlList,
    body,
  }));
}

module.exports = { fetch };
