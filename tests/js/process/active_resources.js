'use strict';
// getActiveResourcesInfo(): ref'd timers and immediates by name; handles with
// their owners in _getActiveHandles().  Each step starts the next one, so the
// output does not depend on timing.
const net = require('net');
const count = (name) => process.getActiveResourcesInfo().filter((t) => t === name).length;

console.log('start', count('Timeout'), count('Immediate'));
setImmediate(() => {
  console.log('in immediate', count('Immediate'));
  const u = setTimeout(() => {}, 1);
  u.unref();
  const t = setTimeout(() => {
    console.log('in timeout', count('Timeout'));
    clearTimeout(t);
    console.log('after clear', count('Timeout'));
    let n = 0;
    const iv = setInterval(() => {
      console.log('in interval', count('Timeout'));
      if (++n === 2) {
        clearInterval(iv);
        startServer();
      }
    }, 1);
  }, 1);
  console.log('one ref timer', count('Timeout'));
});
console.log('immediates', count('Immediate'));

function startServer() {
  const server = net.createServer((c) => {
    console.log('server handles', count('TCPServerWrap'), count('TCPSocketWrap'));
    console.log('owners', process._getActiveHandles().includes(server),
                process._getActiveHandles().includes(c));
    c.destroy();
    server.close();
  }).listen(0, () => {
    net.connect(server.address().port).on('error', () => {}).on('close', () => {
      setImmediate(() => console.log('end', count('TCPServerWrap'), count('TCPSocketWrap')));
    });
  });
}
