// Parser strictness and leniency as llhttp: obs-fold and control characters
// in values only with insecureHTTPParser, Transfer-Encoding after chunked in a
// request is a 400 before the request handler runs.
'use strict';
const http = require('http');
const net = require('net');
const { duplexPair } = require('stream');

function rawServer(response) {
  return new Promise((resolve) => {
    const server = net.createServer((conn) => {
      conn.end(response);
      server.close();
    });
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

async function foldedResponse(insecure) {
  const body = 'hello';
  const server = await rawServer('HTTP/1.1 200 OK\r\nConnection: close\r\n' +
    `Content-Length: ${body.length}\r\nContent-Type: text/plain;\r\n x-a=1;\r\n\tname="b"\r\n\r\n` + body);
  await new Promise((resolve) => {
    http.get({ host: '127.0.0.1', port: server.address().port, insecureHTTPParser: insecure }, (res) => {
      console.log('folded', insecure, JSON.stringify(res.headers['content-type']));
      res.resume();
      res.on('end', resolve);
    }).on('error', (e) => {
      console.log('folded', insecure, 'error', e.code, e.message);
      resolve();
    });
  });
}

function controlCharRequest(insecure) {
  return new Promise((resolve) => {
    const server = http.createServer({ insecureHTTPParser: insecure }, (req, res) => {
      console.log('ctl handler', JSON.stringify(req.headers.hello));
      res.end('ok');
    });
    server.on('clientError', (err, socket) => {
      console.log('ctl clientError', err.code, err.reason);
      socket.destroy();
    });
    const [client, serverSide] = duplexPair();
    server.emit('connection', serverSide);
    let out = '';
    client.on('data', (d) => { out += d; });
    client.on('close', () => resolve(out.split('\r\n')[0]));
    client.on('end', () => { client.destroy(); });
    client.write('GET / HTTP/1.1\r\nHost: a\r\nHello: foo\x08bar\r\nConnection: close\r\n\r\n');
    setTimeout(() => { client.destroy(); }, 300);
  });
}

function smuggle(teLines) {
  return new Promise((resolve) => {
    const server = http.createServer((req, res) => {
      console.log('smuggle handler called', req.headers['transfer-encoding']);
      res.end();
    });
    server.on('clientError', (err, socket) => {
      console.log('smuggle clientError', err.code, err.reason);
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    });
    server.listen(0, '127.0.0.1', () => {
      const c = net.connect(server.address().port, '127.0.0.1');
      let out = '';
      c.setEncoding('latin1');
      c.on('data', (d) => { out += d; });
      c.on('end', () => {
        console.log('smuggle response', JSON.stringify(out.replace(/Date: [^\r]*/, 'Date: X')));
        server.close();
        resolve();
      });
      c.write(['POST / HTTP/1.1', 'Host: a', ...teLines, '', '1', 'A', '0', '', ''].join('\r\n'));
    });
  });
}

(async () => {
  await foldedResponse(true);
  await foldedResponse(false);
  console.log('ctl status', await controlCharRequest(true));
  console.log('ctl status', await controlCharRequest(false));
  await smuggle(['Transfer-Encoding: chunked', 'Transfer-Encoding: chunked-false']);
  await smuggle(['Transfer-Encoding: chunked, gzip']);
  await smuggle(['Transfer-Encoding: gzip', 'Transfer-Encoding: chunked', 'Connection: close']);
})();
