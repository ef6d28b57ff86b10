'use strict';
// _construct: the stream counts as constructed one tick after the callback,
// and buffered writes start in that same tick; fs.WriteStream writes in order
// when written from its 'open' handler and a later tick.
const { Writable } = require('stream');
const fs = require('fs');
const path = require('path');
const os = require('os');

const log = [];
const w = new Writable({
  construct(cb) {
    setImmediate(() => {
      cb();
      log.push('after cb constructed=' + w._writableState.constructed);
      process.nextTick(() => log.push('next tick writing=' + w._writableState.writing));
    });
  },
  write(c, e, cb) { log.push('write ' + c); setImmediate(cb); },
});
w.write('a');
w.end(() => {
  console.log(log.join('\n'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodeshim-construct-'));
  const file = path.join(dir, 'out.txt');
  const ws = fs.createWriteStream(file);
  ws.on('open', () => {
    ws.write('hello');
    process.nextTick(() => { ws.write('world'); ws.end(); });
  });
  ws.on('close', () => {
    console.log(fs.readFileSync(file, 'utf8'));
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
