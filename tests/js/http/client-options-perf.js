// Client options and observability: URL objects extended with request
// options, localAddress without localPort, TimeoutOverflowWarning from
// setTimeout, _http_common.methods order, setHeaders with a Headers object,
// 'http' and 'net' PerformanceObserver entries, and when a 'data' listener
// added by the request handler sees the body (nextTicks run between the
// parser's body and message-complete callbacks on a socket read).
'use strict';
const http = require('http');
const { PerformanceObserver } = require('perf_hooks');

const perf = [];
const obs = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    perf.push(`${e.entryType}:${e.name}:${typeof e.duration}:` +
      (e.entryType === 'http' ? `${e.detail.req.method}:${e.detail.res.statusCode}` : `${typeof e.detail.port}`));
  }
});
obs.observe({ entryTypes: ['http', 'net'] });

process.on('warning', (w) => console.log('warning', w.name, w.message.split('\n')[0]));

console.log('methods', require('_http_common').methods.slice(0, 6).join(','));
console.log('METHODS', http.METHODS.slice(0, 6).join(','));

const server = http.createServer((req, res) => {
  const order = [];
  req.once('data', (d) => {
    order.push(`data ${d.length} complete=${req.complete}`);
    req.pause();
    res.setHeaders(new Headers({ 'x-a': '1', 'set-cookie': 'k=v' }));
    res.end(`${req.url} foo=${req.headers.foo} ${order.join(';')}`);
    res.on('finish', () => console.log('server dumped', req._dumped));
  });
});

function get(options, body) {
  return new Promise((resolve) => {
    const req = http.request(options, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { text += d; });
      res.on('end', () => {
        console.log(res.statusCode, res.headers['x-a'], JSON.stringify(res.headers['set-cookie']), text);
        resolve();
      });
    });
    req.on('error', (e) => { console.log('error', e.code); resolve(); });
    req.end(body);
    return req;
  });
}

server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  const url = new URL(`http://127.0.0.1:${port}/u?q=1`);
  url.headers = { foo: 'bar' };
  url.method = 'POST';
  url.agent = false;
  await get(url, 'body-from-url');

  const req = http.request({ port, host: '127.0.0.1', method: 'POST', path: '/t', localAddress: '127.0.0.1', agent: false });
  req.setTimeout(2 ** 40);
  await new Promise((resolve) => {
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => { console.log('localAddress ok', req.socket.localAddress); resolve(); });
    });
    req.end('x'.repeat(1024));
  });
  server.close();
  setImmediate(() => setImmediate(() => {
    console.log(perf.sort().join('\n'));
  }));
});
