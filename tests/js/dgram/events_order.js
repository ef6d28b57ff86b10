// Event order of a dgram exchange: listening, send callbacks, message with
// rinfo, close; implicit bind on first send; connect/disconnect.
'use strict';
const dgram = require('dgram');

const log = [];
const server = dgram.createSocket('udp4');
const client = dgram.createSocket({ type: 'udp4' });

server.on('listening', () => {
  log.push('server listening');
  const { address, family } = server.address();
  log.push(`server address ${address} ${family}`);
  const port = server.address().port;
  // Implicit bind: no bind() on the client.
  client.on('listening', () => log.push('client listening (implicit bind)'));
  client.send('one', port, '127.0.0.1', (err, bytes) => {
    log.push(`send one: ${err} ${bytes}`);
    client.send([Buffer.from('tw'), 'o'], port, '127.0.0.1', (err2, bytes2) => {
      log.push(`send two: ${err2} ${bytes2}`);
    });
  });
});

let count = 0;
server.on('message', (msg, rinfo) => {
  count++;
  log.push(`message ${msg} size=${rinfo.size} family=${rinfo.family} ` +
           `address=${rinfo.address} fromClient=${rinfo.port === client.address().port}`);
  log.push(`keys ${Object.keys(rinfo).join(',')}`);
  if (count === 2) {
    client.connect(server.address().port, '127.0.0.1', () => {
      log.push('client connect');
      const remote = client.remoteAddress();
      log.push(`remote ${remote.address} ${remote.family} ${remote.port === server.address().port}`);
      try {
        client.send('x', server.address().port, '127.0.0.1');
      } catch (e) {
        log.push(`${e.code} ${e.message}`);
      }
      try {
        client.connect(1, '127.0.0.1');
      } catch (e) {
        log.push(`${e.code} ${e.message}`);
      }
      client.send('three', (err, n) => log.push(`connected send: ${err} ${n}`));
    });
  } else if (count === 3) {
    client.disconnect();
    try {
      client.remoteAddress();
    } catch (e) {
      log.push(`${e.code} ${e.message}`);
    }
    try {
      client.disconnect();
    } catch (e) {
      log.push(`${e.code} ${e.message}`);
    }
    client.close(() => log.push('client close cb'));
    server.close();
  }
});

server.on('close', () => {
  log.push('server close');
  setImmediate(() => {
    try {
      server.address();
    } catch (e) {
      log.push(`${e.code} ${e.message}`);
    }
    try {
      server.close();
    } catch (e) {
      log.push(`${e.code} ${e.message}`);
    }
  });
});

server.bind(0, '127.0.0.1', () => log.push('bind callback'));
process.on('exit', () => console.log(log.join('\n')));
