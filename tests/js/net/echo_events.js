// Client-side event order, echo, byte counts, addresses (no ports printed).
'use strict';
const net = require('net');
const log = [];
const server = net.createServer((sock) => {
  sock.on('data', (d) => sock.write(d));
  sock.on('end', () => sock.end());
});
server.listen(0, '127.0.0.1', () => {
  const addr = server.address();
  console.log('server', addr.address, addr.family, typeof addr.port, server.listening);
  const c = net.connect({ port: addr.port, host: '127.0.0.1' });
  console.log('initial', c.readyState, c.pending, c.connecting);
  for (const ev of ['lookup', 'connect', 'ready', 'end', 'finish', 'close']) {
    c.on(ev, (...args) => log.push(ev + (ev === 'close' ? ' ' + args[0] : '')));
  }
  const chunks = [];
  c.on('data', (d) => {
    chunks.push(d);
    if (Buffer.concat(chunks).length === 11) c.end();
  });
  c.on('connect', () => {
    console.log('connected', c.readyState, c.pending, c.connecting, c.remoteAddress, c.remoteFamily,
                c.remotePort === addr.port, c.localAddress, typeof c.localPort);
    c.write('hello ');
    c.write(Buffer.from('world'));
  });
  c.on('close', () => {
    console.log('data', Buffer.concat(chunks).toString());
    console.log('bytes', c.bytesRead, c.bytesWritten, c.readyState);
    console.log(log.join(','));
    server.close(() => console.log('server closed'));
  });
});
