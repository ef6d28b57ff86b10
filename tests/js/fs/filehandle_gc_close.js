'use strict';
// A FileHandle dropped without close() has its descriptor closed when it is
// collected, with a warning naming the fd and DEP0137.
const { spawnSync } = require('child_process');

const child = `
  const fs = require('fs');
  let leakedFd;
  process.on('warning', (w) => {
    console.log(w.name, w.code || '-', w.message.replace(String(leakedFd), 'FD'));
  });
  async function leak() {
    const fh = await fs.promises.open(process.execPath, 'r');
    leakedFd = fh.fd;
  }
  leak().then(() => {
    setImmediate(() => {
      gc();
      setImmediate(() => setImmediate(() => console.log('done')));
    });
  });
`;
const r = spawnSync(process.execPath, ['--expose-gc', '-e', child]);
console.log(r.status, r.stdout.toString().trim().split('\n').sort().join('\n'));
