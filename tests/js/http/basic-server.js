// Server + client round trips: GET, POST with a chunked body, HEAD, 204/304,
// keep-alive reuse, headers as Node folds them.
'use strict';
const http = require('http');

const server = http.createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (d) => { body += d; });
  req.on('end', () => {
    console.log('server', req.method, req.url, req.httpVersion, JSON.stringify(body),
                req.headers['transfer-encoding'] || '-', req.headers['x-multi'] || '-',
                req.headers.cookie || '-');
    if (req.url === '/204') { res.statusCode = 204; res.end(); return; }
    if (req.url === '/304') { res.writeHead(304); res.end(); return; }
    if (req.url === '/chunked') {
      res.setHeader('X-Kind', 'chunked');
      res.write('part1,');
      res.write(Buffer.from('part2,'));
      res.end('end');
      return;
    }
    res.setHeader('Content-Type', 'text/plain');
    res.setHeader('Set-Cookie', ['a=1', 'b=2']);
    res.writeHead(201, { 'X-Extra': 'yes' });
    res.end(`got ${body.length}`);
  });
});

function request(opts, body) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.address().port, ...opts }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { data += d; });
      res.on('end', () => {
        const h = { ...res.headers };
        delete h.date;
        console.log('client', res.statusCode, res.statusMessage, JSON.stringify(h), JSON.stringify(data),
                    'reused', req.reusedSocket);
        resolve();
      });
    });
    req.on('error', reject);
    if (body) for (const b of body) req.write(b);
    req.end();
  });
}

server.listen(0, '127.0.0.1', async () => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  await request({ path: '/a', agent });
  await request({ path: '/post', method: 'POST', agent, headers: { 'X-Multi': ['1', '2'], Cookie: ['x=1', 'y=2'] } },
                ['hello ', 'world']);
  await request({ path: '/head', method: 'HEAD', agent });
  await request({ path: '/204', agent });
  await request({ path: '/chunked', agent });
  await request({ path: '/304', agent: false });
  agent.destroy();
  server.close(() => console.log('closed'));
});
