// A peer that does not read: write() returns false, writableLength grows,
// 'drain' fires once the peer reads everything.
'use strict';
const net = require('net');
const total = 8 * 1024 * 1024;
let received = 0;
let serverSock;
const server = net.createServer((sock) => {
  serverSock = sock;
  sock.pause();
  sock.on('data', (d) => { received += d.length; });
  sock.on('end', () => {
    console.log('server received', received === total);
    sock.end();
  });
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    const chunk = Buffer.alloc(64 * 1024, 'x');
    let written = 0;
    let sawFalse = false;
    let maxBuffered = 0;
    function pump() {
      while (written < total) {
        written += chunk.length;
        const ok = c.write(chunk);
        maxBuffered = Math.max(maxBuffered, c.writableLength);
        if (!ok) {
          if (!sawFalse) {
            sawFalse = true;
            console.log('write returned false');
            setTimeout(() => serverSock.resume(), 50);
          }
          c.once('drain', pump);
          return;
        }
      }
      console.log('all written, drain seen:', sawFalse, 'buffered while paused:', maxBuffered > 64 * 1024);
      c.end();
    }
    pump();
  });
  c.on('close', () => server.close(() => console.log('done')));
});
