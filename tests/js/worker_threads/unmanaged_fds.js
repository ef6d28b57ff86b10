'use strict';
// trackUnmanagedFds (default true): fds a worker opened with fs.open/openSync
// and left open close when it ends; a close of an fd it did not open warns.
const fs = require('fs');
const { Worker } = require('worker_threads');
const { once } = require('events');

const opener = `
  const fs = require('fs');
  const { parentPort } = require('worker_threads');
  fs.open(${JSON.stringify(__filename)}, (err, fd) => parentPort.postMessage(fd));
`;
const closer = `
  const fs = require('fs');
  const { parentPort } = require('worker_threads');
  process.on('warning', (w) => parentPort.postMessage('warning: ' + w.message.replace(/\\d+/, 'N')));
  parentPort.once('message', (fd) => fs.closeSync(fd));
`;

(async () => {
  for (const trackUnmanagedFds of [undefined, false]) {
    const w = new Worker(opener, { eval: true, trackUnmanagedFds });
    const [fd] = await once(w, 'message');
    await once(w, 'exit');
    try {
      fs.fstatSync(fd);
      console.log(trackUnmanagedFds, 'fd still open');
      fs.closeSync(fd);
    } catch (err) {
      console.log(trackUnmanagedFds, 'fd closed with the worker:', err.code);
    }
  }
  const w = new Worker(closer, { eval: true });
  const other = fs.openSync(__filename);
  w.postMessage(other);
  const [warning] = await once(w, 'message');
  console.log(warning);
  await once(w, 'exit');
})();
