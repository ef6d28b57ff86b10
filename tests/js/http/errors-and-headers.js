// OutgoingMessage header API and the errors Node throws, without a network.
'use strict';
const http = require('http');

function tryIt(label, fn) {
  try {
    const r = fn();
    console.log(label, 'ok', r === undefined ? '' : JSON.stringify(r));
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}

const msg = new http.OutgoingMessage();
tryIt('set', () => { msg.setHeader('X-A', 'a'); return msg.getHeader('x-a'); });
tryIt('append', () => { msg.appendHeader('X-A', ['b', 'c']); return msg.getHeader('x-a'); });
tryIt('names', () => msg.getHeaderNames());
tryIt('raw', () => { msg.setHeader('Content-TYPE', 'x'); return msg.getRawHeaderNames(); });
tryIt('has', () => [msg.hasHeader('content-type'), msg.hasHeader('nope')]);
tryIt('headers', () => Object.entries(msg.getHeaders()));
tryIt('remove', () => { msg.removeHeader('content-type'); return msg.getHeaderNames(); });
tryIt('setHeaders', () => { msg.setHeaders(new Map([['a', '1'], ['set-cookie', ['x', 'y']]])); return msg.getHeaders()['set-cookie']; });
tryIt('bad name', () => msg.setHeader('bad name', 'x'));
tryIt('empty name', () => msg.setHeader('', 'x'));
tryIt('bad value', () => msg.setHeader('x-b', 'a\nb'));
tryIt('undef value', () => msg.setHeader('x-b', undefined));
tryIt('getHeader type', () => msg.getHeader(1));
tryIt('validateHeaderName', () => http.validateHeaderName('a:b'));
tryIt('validateHeaderValue', () => http.validateHeaderValue('a', '\u0000'));
tryIt('implicit', () => msg._implicitHeader());
tryIt('write null', () => msg.write(null));
tryIt('write number', () => msg.write(1));
tryIt('headersSent', () => msg.headersSent);
tryIt('writable props', () => [msg.writableEnded, msg.writableFinished, msg.writableLength,
                                msg.writableCorked, msg.writableHighWaterMark]);
tryIt('trailers', () => { msg.addTrailers({ 'X-T': 'v' }); return msg._trailer; });
tryIt('bad trailer', () => msg.addTrailers({ 'X-T': 'v\r' }));

tryIt('METHODS', () => [http.METHODS.length, http.METHODS.slice(0, 5)]);
tryIt('STATUS', () => [http.STATUS_CODES[200], http.STATUS_CODES[418], http.STATUS_CODES[431]]);
tryIt('maxHeaderSize', () => http.maxHeaderSize);
tryIt('globalAgent', () => [http.globalAgent.keepAlive, http.globalAgent.options.timeout,
                            http.globalAgent.scheduling, http.globalAgent.maxSockets]);
tryIt('agent name', () => new http.Agent().getName({ host: 'h', port: 1, localAddress: 'l', family: 4 }));
tryIt('agent sched', () => new http.Agent({ scheduling: 'x' }));
tryIt('unescaped', () => http.request({ path: '/a b', agent: false }));
tryIt('bad method', () => http.request({ method: 'G ET' }));
tryIt('bad protocol', () => http.request('https://example.com/'));
tryIt('bad agent', () => http.request({ agent: 1 }));
tryIt('server opts', () => http.createServer({ headersTimeout: 10, requestTimeout: 5 }));
const srv = http.createServer();
tryIt('server defaults', () => [srv.headersTimeout, srv.requestTimeout, srv.keepAliveTimeout,
                                srv.timeout, srv.maxHeadersCount, srv.maxRequestsPerSocket,
                                srv.requireHostHeader, srv.connectionsCheckingInterval]);
