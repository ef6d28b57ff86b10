// A worker's UDP socket is bound by the primary and handed over (datagram
// sockets are always shared, whatever the policy); the primary sends to it.
'use strict';
const cluster = require('cluster');
const dgram = require('dgram');

if (cluster.isPrimary) {
  const guard = setTimeout(() => {
    console.log('timed out');
    for (const w of Object.values(cluster.workers)) w.process.kill();
    process.exit(1);
  }, 15000);
  const worker = cluster.fork();
  worker.on('listening', (addr) => {
    console.log('listening', addr.address, addr.addressType, typeof addr.port);
    const client = dgram.createSocket('udp4');
    let i = 0;
    (function next() {
      if (i === 3) return client.close();
      client.send(`packet ${i++}`, addr.port, '127.0.0.1', next);
    })();
  });
  worker.on('message', (msg) => {
    console.log('worker got', msg.join(', '));
    worker.disconnect();
  });
  worker.on('exit', (code, sig) => {
    clearTimeout(guard);
    console.log('exit', code, sig, worker.exitedAfterDisconnect);
  });
} else {
  const got = [];
  const socket = dgram.createSocket('udp4');
  socket.on('message', (buf) => {
    got.push(buf.toString());
    if (got.length === 3) process.send(got);
  });
  socket.bind(0, '127.0.0.1');
}
