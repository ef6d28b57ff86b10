// The benchmark's transfer server, run unchanged by node and by nodeshim:
// GET /download -> 1 MiB; POST -> the number of body bytes read; anything
// else -> the hello answer of examples/hello-server.js.  PORT, HOST as there.
'use strict';
const http = require('node:http');

const port = Number(process.env.PORT || 8000);
const host = process.env.HOST || '127.0.0.1';
const download = Buffer.alloc(1 << 20, 'x');

const server = http.createServer((req, res) => {
  if (req.method === 'POST') {
    let n = 0;
    req.on('data', (chunk) => { n += chunk.length; });
    req.on('end', () => {
      const body = `${n}\n`;
      res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(body) });
      res.end(body);
    });
    return;
  }
  if (req.url === '/download') {
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': download.length });
    res.end(download);
    return;
  }
  const body = `Hello from ${process.release.name} ${process.version} at ${req.url}\n`;
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
});

server.listen(port, host, () => {
  console.log(`listening on http://${host}:${server.address().port}/`);
});
