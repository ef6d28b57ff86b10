'use strict';
// FileHandle: operations on a closed handle reject with EBADF and the
// operation's syscall; close() while an operation is in flight waits for it;
// fs.promises readFile/writeFile/truncate close their handle; writeFile
// rejects (not throws) for an aborted signal.
const fsp = require('fs/promises');
const path = require('path');
const os = require('os');
const fs = require('fs');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodeshim-fh-'));
const file = path.join(dir, 'f.txt');

(async () => {
  await fsp.writeFile(file, 'hello world');
  console.log((await fsp.readFile(file, 'utf8')));
  await fsp.truncate(file, 5);
  console.log((await fsp.readFile(file, 'utf8')));

  const fh = await fsp.open(file, 'r+');
  const reading = fh.read(Buffer.alloc(5), 0, 5, 0);
  const closing = fh.close();
  console.log('fd kept while reading', fh.fd !== -1);
  const { bytesRead, buffer } = await reading;
  console.log('read during close', bytesRead, buffer.toString());
  await closing;
  for (const [name, op] of [['stat', () => fh.stat()], ['truncate', () => fh.truncate()],
    ['read', () => fh.read()], ['writeFile', () => fh.writeFile('x')], ['sync', () => fh.sync()]]) {
    await op().catch((e) => console.log(name, e.code, e.syscall));
  }
  console.log('second close', await fh.close());

  const fh2 = await fsp.open(file, 'w');
  const ac = new AbortController();
  ac.abort();
  const p = fh2.writeFile('data', { signal: ac.signal });
  console.log('is promise', p instanceof Promise);
  await p.catch((e) => console.log('aborted', e.name));
  await fh2.close();
  try {
    await fsp.writeFile(file, 42);
  } catch (e) {
    console.log('bad data', e.code);
  }
})().finally(() => fs.rmSync(dir, { recursive: true, force: true }));
