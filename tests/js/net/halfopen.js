// allowHalfOpen: the server keeps writing after the client's FIN.
'use strict';
const net = require('net');
const server = net.createServer({ allowHalfOpen: true }, (sock) => {
  let got = '';
  sock.setEncoding('utf8');
  sock.on('data', (d) => { got += d; });
  sock.on('end', () => {
    console.log('server end', got, sock.writable, sock.readyState);
    sock.write('late reply');
    sock.end(() => console.log('server finished'));
  });
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    c.end('request');
  });
  c.setEncoding('utf8');
  let reply = '';
  c.on('data', (d) => { reply += d; });
  c.on('end', () => console.log('client end', reply));
  c.on('close', () => {
    console.log('client close');
    server.close();
  });
});
