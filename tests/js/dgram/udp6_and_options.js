// udp6 over ::1, ipv6Only, reuseAddr, custom lookup, AbortSignal, ref/unref,
// empty datagrams and Symbol.asyncDispose.
'use strict';
const dgram = require('dgram');
const { once } = require('events');

async function main() {
  const a = dgram.createSocket({ type: 'udp6', ipv6Only: true });
  a.bind(0, '::1');
  await once(a, 'listening');
  const addr = a.address();
  console.log('udp6 address', addr.address, addr.family);

  const b = dgram.createSocket('udp6');
  const got = once(a, 'message');
  b.send(Buffer.alloc(0), addr.port, '::1');
  const [msg, rinfo] = await got;
  console.log('empty datagram', msg.length, rinfo.size, rinfo.family, rinfo.address);

  // reuseAddr: two sockets on one port.
  const r1 = dgram.createSocket({ type: 'udp4', reuseAddr: true });
  r1.bind(0, '127.0.0.1');
  await once(r1, 'listening');
  const r2 = dgram.createSocket({ type: 'udp4', reuseAddr: true });
  r2.bind(r1.address().port, '127.0.0.1');
  await once(r2, 'listening');
  console.log('reuseAddr same port', r1.address().port === r2.address().port);
  r1.close();
  r2.close();

  // Custom lookup: called for the bind address and for sends.
  const seen = [];
  const c = dgram.createSocket({
    type: 'udp4',
    lookup(host, family, cb) {
      seen.push(`${host}/${family}`);
      cb(null, '127.0.0.1', 4);
    },
  });
  // The lookup answers synchronously: 'listening' comes inside bind().
  const listening = once(c, 'listening');
  c.bind(0, 'my-host');
  await listening;
  const echo = once(c, 'message');
  c.send('hi', c.address().port, 'other-host');
  const [m2] = await echo;
  console.log('custom lookup', seen.join(' '), String(m2));
  c.close();

  // AbortSignal closes the socket.
  const ac = new AbortController();
  const d = dgram.createSocket({ type: 'udp4', signal: ac.signal });
  d.bind(0, '127.0.0.1');
  await once(d, 'listening');
  const closed = once(d, 'close');
  ac.abort();
  await closed;
  console.log('aborted -> closed');

  const pre = new AbortController();
  pre.abort();
  const e = dgram.createSocket({ type: 'udp4', signal: pre.signal });
  try {
    e.bind(0);
  } catch (err) {
    console.log('pre-aborted', err.code);
  }

  // asyncDispose.
  const f = dgram.createSocket('udp4');
  f.bind(0, '127.0.0.1');
  await once(f, 'listening');
  await f[Symbol.asyncDispose]();
  console.log('disposed', typeof f[Symbol.asyncDispose]);
  await f[Symbol.asyncDispose]();

  b.close();
  a.close();

  // An unref'd bound socket does not keep the process alive.
  const g = dgram.createSocket('udp4');
  g.bind(0, '127.0.0.1', () => {
    console.log('unref returns socket', g.unref() === g, g.ref() === g);
    g.unref();
  });
}

main();
process.on('exit', () => console.log('exit'));
