// Raw bytes against the server: exact response heads (Date removed), pipelining,
// 100-continue, 417, missing Host, bad requests, HTTP/1.0, upgrade.
'use strict';
const http = require('http');
const net = require('net');

const server = http.createServer((req, res) => {
  if (req.url === '/chunk') {
    res.write('ab');
    res.end('c');
  } else if (req.url === '/raw') {
    res.setHeader('X-Set', '1');
    res.writeHead(200, 'Fine', ['X-Raw', 'a', 'X-Raw', 'b']);
    res.end();
  } else {
    let n = 0;
    req.on('data', (d) => { n += d.length; });
    req.on('end', () => res.end(`${req.method} ${req.url} ${n}`));
  }
});
server.on('upgrade', (req, socket, head) => {
  console.log('upgrade', req.headers.upgrade, JSON.stringify(head.toString()));
  socket.end('HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\nConnection: Upgrade\r\n\r\nhi');
});

function raw(text) {
  return new Promise((resolve) => {
    const s = net.connect(server.address().port, '127.0.0.1', () => s.end(text));
    let out = '';
    s.setEncoding('latin1');
    s.on('data', (d) => { out += d; });
    s.on('close', () => {
      console.log('---');
      console.log(out.replace(/Date: [^\r]*\r\n/g, 'Date: X\r\n').replace(/\r\n/g, '|'));
      resolve();
    });
  });
}

server.listen(0, '127.0.0.1', async () => {
  await raw('GET /a HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  await raw('GET /1 HTTP/1.1\r\nHost: x\r\n\r\nGET /2 HTTP/1.1\r\nHost: x\r\n\r\nGET /chunk HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  await raw('POST /p HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\nConnection: close\r\n\r\nhello');
  await raw('GET /e HTTP/1.1\r\nHost: x\r\nExpect: other\r\n\r\n');
  await raw('GET /nohost HTTP/1.1\r\n\r\n');
  await raw('GET /old HTTP/1.0\r\n\r\n');
  await raw('GET /raw HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  await raw('BAD\r\n\r\n');
  await raw('POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n3\r\nabc\r\n0\r\n\r\n');
  await raw('GET /u HTTP/1.1\r\nHost: x\r\nUpgrade: x\r\nConnection: Upgrade\r\n\r\nextra');
  server.close(() => console.log('closed'));
});
