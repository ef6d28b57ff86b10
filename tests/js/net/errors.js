// Synchronous validation errors and asynchronous socket errors, as Node reports them.
'use strict';
const net = require('net');
function tryIt(label, fn) {
  try {
    fn();
    console.log(label, 'no throw');
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
tryIt('bad port', () => net.connect(65536));
tryIt('negative port', () => net.connect(-1));
tryIt('no args', () => net.connect({}));
tryIt('bad localAddress', () => net.connect({ port: 80, localAddress: 'nope' }));
tryIt('bad listen port', () => net.createServer().listen(70000));
tryIt('bad listen options', () => net.createServer().listen({ foo: 1 }));
tryIt('bad autoSelectFamily', () => net.setDefaultAutoSelectFamily(1));
tryIt('bad timeout', () => new net.Socket().setTimeout(-1));
console.log('isIP', net.isIP('127.0.0.1'), net.isIP('::1'), net.isIP('1.2.3'), net.isIP('fe80::1%eth0'),
            net.isIPv4('10.0.0.256'), net.isIPv6('::ffff:1.2.3.4'), net.isIP('x'));
console.log('autoSelect', net.getDefaultAutoSelectFamily(), net.getDefaultAutoSelectFamilyAttemptTimeout());

const server = net.createServer();
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const dup = net.createServer();
  dup.on('error', (e) => {
    console.log('listen error', e.code, e.syscall, e.errno, e.message.replace(String(port), 'PORT'));
    server.close(() => {
      // Nothing listens on the port any more.
      const c = net.connect(port, '127.0.0.1');
      c.on('error', (err) => {
        console.log('connect error', err.code, err.syscall, err.address, err.port === port,
                    err.message.replace(String(port), 'PORT'));
      });
      c.on('close', (hadError) => console.log('close', hadError, c.destroyed));
    });
  });
  dup.listen(port, '127.0.0.1');
});
