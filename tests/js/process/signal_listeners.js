'use strict';
// process.on('SIG...'): delivery, removal, and the loop's liveness.
const net = require('net');

let count = 0;
function onUsr2(sig) {
  count++;
  console.log('got', sig, count);
  if (count === 2) {
    process.removeListener('SIGUSR2', onUsr2);
    // no listener left: the default action (ignore, for SIGWINCH) again
    process.kill(process.pid, 'SIGWINCH');
    server.close(() => console.log('closed'));
  } else {
    process.kill(process.pid, 'SIGUSR2');
  }
}
process.on('SIGUSR2', onUsr2);
process.once('SIGHUP', (sig) => console.log('once', sig, process.listenerCount('SIGHUP')));

// a listening server keeps the loop (and I/O) running meanwhile
const server = net.createServer().listen(0, () => {
  process.kill(process.pid, 'SIGHUP');
  process.kill(process.pid, 'SIGUSR2');
});

try {
  process.on('SIGKILL', () => {});
} catch (err) {
  console.log(err.code, err.syscall);
}
process.removeAllListeners('SIGKILL');
