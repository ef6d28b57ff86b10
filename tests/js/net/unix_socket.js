// Unix domain sockets: listen(path), connect({ path }), address() is the path.
'use strict';
const net = require('net');
const os = require('os');
const path = require('path');
const fs = require('fs');
const sockPath = path.join(os.tmpdir(), `nodeshim-net-${process.pid}.sock`);
try { fs.unlinkSync(sockPath); } catch {}
const server = net.createServer((sock) => {
  sock.pipe(sock);
});
server.listen(sockPath, () => {
  console.log('address is path', server.address() === sockPath);
  const c = net.connect({ path: sockPath }, () => {
    console.log('connected', c.remoteAddress === undefined || typeof c.remoteAddress);
    c.end('over unix');
  });
  let got = '';
  c.on('data', (d) => { got += d; });
  c.on('end', () => console.log('echo', got));
  c.on('close', () => server.close(() => {
    console.log('closed, socket file removed:', !fs.existsSync(sockPath));
  }));
});
const bad = net.connect({ path: sockPath + '.missing' });
bad.on('error', (e) => console.log('missing path', e.code, e.syscall));
