'use strict';
// Sending a net.Server and a net.Socket to a forked child over IPC, the
// message order around handles, and getConnections/close across processes.
const { fork, spawn } = require('child_process');
const net = require('net');

if (process.argv[2] === 'child') {
  process.on('message', (msg, handle) => {
    if (msg.kind === 'server') {
      handle.on('connection', (socket) => {
        socket.end('child served\n');
        handle.close();
      });
      process.send({ got: 'server', isServer: handle instanceof net.Server });
    } else if (msg.kind === 'socket') {
      process.send({ got: 'socket', isSocket: handle instanceof net.Socket, n: msg.n });
      handle.end(`child says bye ${msg.n}\n`);
    } else {
      process.send({ got: msg });
    }
  });
} else {
  const child = fork(__filename, ['child']);
  const log = [];
  child.on('message', (m) => log.push(JSON.stringify(m)));

  const server = net.createServer((socket) => {
    child.send({ kind: 'socket', n: 1 }, socket);
    child.send('after the handle');
  });

  server.listen(0, '127.0.0.1', () => {
    const client = net.connect(server.address().port, '127.0.0.1');
    let data = '';
    client.setEncoding('utf8');
    client.on('data', (d) => { data += d; });
    client.on('close', () => {
      console.log('client got', JSON.stringify(data));
      console.log('own connections', server._connections);
      server.getConnections((err, count) => {
        console.log('connections', err, typeof count);
        server.close(() => {
          console.log('server closed');
          // A listening server travels too; a connection then reaches the child.
          const second = net.createServer(() => {});
          second.listen(0, '127.0.0.1', () => {
            child.send({ kind: 'server' }, second);
            const port = second.address().port;
            child.once('message', () => {
              second.close();
              const c2 = net.connect(port, '127.0.0.1');
              let d2 = '';
              c2.setEncoding('utf8');
              c2.on('data', (d) => { d2 += d; });
              c2.on('close', () => {
                console.log('second client got', JSON.stringify(d2));
                console.log('messages', log);
                // Sending something that is not a handle is an error.
                try {
                  child.send('x', {});
                } catch (err) {
                  console.log(err.code, err.message);
                }
                child.disconnect();
              });
            });
          });
        });
      });
    });
  });
}
