// Sends N length-prefixed messages of varying size and content, checks the
// echo byte for byte.  node interop_client.js PORT [N]
'use strict';
const net = require('net');
const port = Number(process.argv[2]);
const N = Number(process.argv[3] || 10000);

function message(i) {
  const len = 1 + ((i * 7919) % 4096);
  const buf = Buffer.alloc(len);
  let x = i * 2654435761 >>> 0;
  for (let k = 0; k < len; k++) {
    x = (x * 1103515245 + 12345) >>> 0;
    buf[k] = x >>> 24;
  }
  return buf;
}

const expected = [];
let expectedLength = 0;
const sock = net.connect(port, '127.0.0.1', () => {
  for (let i = 0; i < N; i++) {
    const m = message(i);
    expected.push(m);
    expectedLength += m.length;
    sock.write(m);
  }
  sock.end();
});
const received = [];
let receivedLength = 0;
sock.on('data', (d) => { received.push(d); receivedLength += d.length; });
sock.on('end', () => {
  const all = Buffer.concat(received);
  const want = Buffer.concat(expected);
  const ok = all.equals(want);
  console.log(JSON.stringify({ messages: N, bytes: receivedLength, expected: expectedLength, ok }));
  process.exitCode = ok ? 0 : 1;
});
sock.on('error', (e) => { console.log('error', e.message); process.exitCode = 2; });
