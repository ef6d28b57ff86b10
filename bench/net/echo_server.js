// Echo server for interop and benchmarks: node echo_server.js [port|0] prints the port.
'use strict';
const net = require('net');
const server = net.createServer((sock) => {
  sock.on('error', () => {});
  sock.pipe(sock);
});
server.listen(Number(process.argv[2] || 0), '127.0.0.1', () => {
  console.log(server.address().port);
});
process.on('SIGTERM', () => process.exit(0));
