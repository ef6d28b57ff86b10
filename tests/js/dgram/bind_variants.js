// bind() forms: (cb), (port, cb), (options, cb); a wrong-family address;
// close() while the implicit bind is pending; send callbacks and 'close' order.
'use strict';
const dgram = require('dgram');

const steps = [];
function next() {
  const step = steps.shift();
  if (step) step();
}

steps.push(() => {
  const s = dgram.createSocket('udp4');
  s.bind(() => {
    const a = s.address();
    console.log('bind(cb)', a.address, a.family, a.port > 0);
    s.close(next);
  });
});

steps.push(() => {
  const s = dgram.createSocket('udp4');
  s.bind({ port: 0, address: '127.0.0.1', exclusive: true }, () => {
    console.log('bind(options, cb)', s.address().address);
    s.close(next);
  });
});

steps.push(() => {
  const s = dgram.createSocket('udp6');
  s.bind(0, () => {
    console.log('udp6 bind(port, cb)', s.address().address, s.address().family);
    s.close(next);
  });
});

steps.push(() => {
  const s = dgram.createSocket('udp4');
  s.on('error', (err) => {
    console.log('wrong family', err.code, err.syscall, err.address);
    s.close(next);
  });
  s.bind(0, '::1');
});

steps.push(() => {
  const s = dgram.createSocket('udp4');
  const events = [];
  s.on('listening', () => events.push('listening'));
  s.on('close', () => {
    events.push('close');
    console.log('close during implicit bind', events.join(' '));
    next();
  });
  s.send('x', 9, '127.0.0.1', (err) => events.push(`send cb ${err}`));
  s.close(() => events.push('close cb'));
});

steps.push(() => {
  const s = dgram.createSocket('udp4');
  const r = dgram.createSocket('udp4');
  r.bind(0, '127.0.0.1', () => {
    const port = r.address().port;
    const order = [];
    let got = 0;
    r.on('message', (m) => {
      order.push(`msg ${m}`);
      if (++got === 3) {
        console.log('send order', order.join(', '));
        s.close();
        r.close(next);
      }
    });
    for (const word of ['a', 'b', 'c']) {
      s.send(word, port, '127.0.0.1', (err, n) => order.push(`cb ${word} ${err} ${n}`));
    }
  });
});

next();
process.on('exit', () => console.log('done', steps.length));
