// IPv6 loopback.
'use strict';
const net = require('net');
const server = net.createServer((sock) => {
  console.log('server sees', sock.remoteAddress, sock.remoteFamily);
  sock.end('v6');
});
server.listen(0, '::1', () => {
  const a = server.address();
  console.log('listening', a.address, a.family);
  const c = net.connect({ port: a.port, host: '::1' });
  let got = '';
  c.on('data', (d) => { got += d; });
  c.on('close', () => {
    console.log('got', got);
    server.close();
  });
});
