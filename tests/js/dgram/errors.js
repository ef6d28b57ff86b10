// Argument validation and errors of node:dgram, synchronous and through callbacks.
'use strict';
const dgram = require('dgram');

function attempt(label, fn) {
  try {
    const r = fn();
    console.log(label, 'ok', r === undefined ? '' : typeof r);
  } catch (e) {
    console.log(label, e.name, e.code, e.message.split('\n')[0]);
  }
}

attempt('bad type', () => dgram.createSocket('udp5'));
attempt('no type', () => dgram.createSocket({}));
attempt('bad lookup', () => dgram.createSocket({ type: 'udp4', lookup: 1 }));
attempt('bad recv size', () => dgram.createSocket({ type: 'udp4', recvBufferSize: 'x' }));

const s = dgram.createSocket('udp4');
attempt('unbound address', () => s.address());
attempt('unbound setBroadcast', () => s.setBroadcast(true));
attempt('unbound setTTL', () => s.setTTL(5));
attempt('unbound getRecvBufferSize', () => s.getRecvBufferSize());
attempt('setTTL string', () => s.setTTL('5'));
attempt('send no port', () => s.send('x'));
attempt('send port 0', () => s.send('x', 0, '127.0.0.1'));
attempt('send bad port', () => s.send('x', 65536, '127.0.0.1'));
attempt('send bad buffer', () => s.send(5, 1234, '127.0.0.1'));
attempt('send bad list', () => s.send([1], 1234, '127.0.0.1'));
attempt('send oob offset', () => s.send(Buffer.alloc(4), 5, 1, 1234, '127.0.0.1'));
attempt('send oob length', () => s.send(Buffer.alloc(4), 2, 3, 1234, '127.0.0.1'));
attempt('send bad address', () => s.send('x', 1234, 5));
attempt('connect bad port', () => s.connect(0));
attempt('connect bad address', () => s.connect(1234, 5));
attempt('disconnect unconnected', () => s.disconnect());
attempt('remoteAddress unconnected', () => s.remoteAddress());
attempt('addMembership none', () => s.addMembership());
attempt('setMulticastInterface number', () => s.setMulticastInterface(1));
attempt('setRecvBufferSize negative', () => s.setRecvBufferSize(-1));
attempt('sendto bad offset', () => s.sendto('x', 'a', 1, 1, '127.0.0.1'));

s.bind(0, '127.0.0.1', () => {
  attempt('bind twice', () => s.bind(0));
  attempt('setTTL 0', () => s.setTTL(0));
  attempt('setTTL 64', () => s.setTTL(64));
  attempt('setMulticastTTL 256', () => s.setMulticastTTL(256));
  attempt('setMulticastTTL 8', () => s.setMulticastTTL(8));
  attempt('setMulticastLoopback', () => s.setMulticastLoopback(true));
  attempt('setBroadcast', () => s.setBroadcast(true));
  attempt('setMulticastInterface bad', () => s.setMulticastInterface('not-an-ip'));
  attempt('addMembership bad', () => s.addMembership('not-an-ip'));
  attempt('setRecvBufferSize', () => s.setRecvBufferSize(8192));
  console.log('recv buffer doubled', s.getRecvBufferSize() === 16384);
  console.log('send queue', s.getSendQueueSize(), s.getSendQueueCount());

  // EADDRINUSE from a second bind of the same address.
  const port = s.address().port;
  const other = dgram.createSocket('udp4');
  other.on('error', (err) => {
    console.log('bind error', err.code, err.syscall, err.message.replace(String(port), 'PORT'),
                err.address, err.port === port);
    other.close();
    // A send error goes to the callback.
    const big = Buffer.alloc(70000);
    s.send(big, port, '127.0.0.1', (e) => {
      console.log('msgsize', e && e.code, e && e.syscall, e && e.message.replace(String(port), 'PORT'));
      // A DNS failure goes to the callback too.
      s.send('x', port, 'does-not-exist.invalid', (e2) => {
        console.log('lookup error', e2 && e2.code, e2 && e2.syscall);
        s.close();
      });
    });
  });
  other.bind(port, '127.0.0.1');
});
