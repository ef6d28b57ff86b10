// Client event orders: socket hang up, destroy(err), abort(), AbortSignal,
// timeout, 'information'/'continue', CONNECT, ECONNREFUSED.
'use strict';
const http = require('http');
const net = require('net');

const log = (...a) => console.log(...a);
const server = http.createServer((req, res) => {
  if (req.url === '/hangup') { req.socket.destroy(); return; }
  if (req.url === '/slow') { setTimeout(() => res.end('late'), 300); return; }
  if (req.url === '/info') { res.writeProcessing(); res.end('x'); return; }
  res.end('ok');
});
server.on('checkContinue', (req, res) => { log('server checkContinue'); res.writeContinue(); req.resume(); req.on('end', () => res.end('c')); });
server.on('connect', (req, socket, head) => {
  log('server connect', req.url);
  socket.end('HTTP/1.1 200 Connection Established\r\n\r\ntunnel');
});

function track(name, req) {
  for (const ev of ['socket', 'response', 'abort', 'timeout', 'close', 'finish', 'continue', 'information']) {
    req.on(ev, (arg) => log(name, ev, ev === 'information' ? arg.statusCode : ''));
  }
  req.on('error', (e) => log(name, 'error', e.name, e.code, e.message.replace(/:\d+/, ':PORT')));
}

function step(name, make) {
  return new Promise((resolve) => {
    const req = make();
    track(name, req);
    req.on('response', (res) => {
      res.on('data', () => {});
      res.on('end', () => log(name, 'res end', res.statusCode));
    });
    req.on('close', () => setTimeout(resolve, 20));
  });
}

server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  const opts = (path, extra) => ({ host: '127.0.0.1', port, path, agent: false, ...extra });
  await step('hangup', () => http.get(opts('/hangup')));
  await step('destroy', () => { const r = http.get(opts('/slow')); r.on('socket', () => r.destroy(new Error('boom'))); return r; });
  await step('abort', () => { const r = http.get(opts('/slow')); setTimeout(() => r.abort(), 50); return r; });
  await step('signal', () => { const ac = new AbortController(); const r = http.get(opts('/slow', { signal: ac.signal })); setTimeout(() => ac.abort(), 50); return r; });
  await step('timeout', () => { const r = http.get(opts('/slow', { timeout: 50 })); r.on('timeout', () => r.destroy()); return r; });
  await step('info', () => http.get(opts('/info')));
  await step('continue', () => { const r = http.request(opts('/c', { method: 'POST', headers: { Expect: '100-continue' } })); r.on('continue', () => r.end('body')); return r; });
  await step('connect', () => {
    const r = http.request(opts('example:80', { method: 'CONNECT' }));
    r.on('connect', (res, socket, head) => { log('connect', res.statusCode, JSON.stringify(head.toString())); socket.destroy(); });
    r.end();
    return r;
  });
  const dead = net.createServer().listen(0, '127.0.0.1', async () => {
    const p = dead.address().port;
    dead.close(async () => {
      await step('refused', () => http.get({ host: '127.0.0.1', port: p, agent: false }));
      server.close(() => log('closed'));
    });
  });
});
