const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodeshim-fsstream-'));
const f = path.join(dir, 'big.txt');
const events = [];
const ws = fs.createWriteStream(f);
ws.on('open', (fd) => events.push('w-open ' + typeof fd));
ws.on('ready', () => events.push('w-ready'));
ws.on('finish', () => events.push('w-finish'));
ws.on('close', () => {
  events.push('w-close ' + ws.bytesWritten);
  const rs = fs.createReadStream(f, { highWaterMark: 1000, encoding: 'utf8' });
  let n = 0;
  rs.on('open', () => events.push('r-open'));
  rs.on('ready', () => events.push('r-ready'));
  rs.on('data', (c) => { n++; });
  rs.on('end', () => events.push('r-end ' + n + ' ' + rs.bytesRead));
  rs.on('close', () => {
    events.push('r-close');
    const part = fs.createReadStream(f, { start: 10, end: 19 });
    part.on('data', (c) => events.push('part ' + c.toString()));
    part.on('close', () => {
      const bad = fs.createReadStream(path.join(dir, 'missing'));
      bad.on('error', (e) => {
        events.push('error ' + e.code + ' ' + e.syscall);
        console.log(events.join('\n'));
        fs.rmSync(dir, { recursive: true });
      });
    });
  });
});
for (let i = 0; i < 100; i++) ws.write('line ' + String(i).padStart(4, '0') + '\n');
ws.end('last\n');
