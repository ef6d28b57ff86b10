'use strict';
// readdir of names that are not UTF-8 (in each encoding, sync/callback/promise),
// rm of such a tree, copyFile's error order, rm option validation, utimes with
// dates before 1970, readFile/writeFile through replaced fs functions, and
// leaving a for-await over a Dir early.
const fs = require('fs');
const path = require('path');
const os = require('os');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodeshim-names-'));
const code = (fn) => { try { fn(); return 'ok'; } catch (e) { return `${e.code} ${e.syscall || ''}`; } };

// A file name of bytes 3d d8 04 dc: '=' then an invalid UTF-8 sequence.
const raw = Buffer.from([0x3d, 0xd8, 0x04, 0xdc]);
fs.closeSync(fs.openSync(Buffer.concat([Buffer.from(dir + '/'), raw]), 'w'));
fs.writeFileSync(path.join(dir, 'plain.txt'), 'x');
fs.mkdirSync(path.join(dir, 'sub'));

const show = (list) => list.map((n) => (Buffer.isBuffer(n) ? `<${n.toString('hex')}>` : JSON.stringify(n))).join(' ');
console.log('utf8', show(fs.readdirSync(dir)));
console.log('buffer', show(fs.readdirSync(dir, 'buffer')));
console.log('hex', show(fs.readdirSync(dir, { encoding: 'hex' })));
console.log('latin1', show(fs.readdirSync(dir, 'latin1')));
const dirents = fs.readdirSync(dir, { withFileTypes: true, encoding: 'buffer' });
console.log('dirents', dirents.map((d) => `${d.name.toString('hex')}:${d.isFile()}:${d.isDirectory()}`).join(' '));

console.log('copyFile missing src over existing dest',
            code(() => fs.copyFileSync(path.join(dir, 'nope'), path.join(dir, 'plain.txt'), fs.constants.COPYFILE_EXCL)));
console.log('copyFile EXCL', code(() => fs.copyFileSync(path.join(dir, 'plain.txt'), path.join(dir, 'sub'), fs.constants.COPYFILE_EXCL)));
for (const bad of [null, 'x', { recursive: 'yes' }, { force: 1 }, { maxRetries: -1 }]) {
  console.log('rmSync options', JSON.stringify(bad), code(() => fs.rmSync(path.join(dir, 'nope'), bad)));
}
console.log('rmSync dir without recursive', code(() => fs.rmSync(path.join(dir, 'sub'))));

const when = new Date(-40691);
fs.utimesSync(path.join(dir, 'plain.txt'), when, when);
console.log('utimesSync before 1970', fs.statSync(path.join(dir, 'plain.txt')).mtimeMs);

fs.readdir(dir, 'hex', (err, names) => {
  console.log('callback hex', err, names.join(' '));
  fs.utimes(path.join(dir, 'plain.txt'), new Date(-355), new Date(-355), (err) => {
    console.log('utimes before 1970', err, fs.statSync(path.join(dir, 'plain.txt')).mtimeMs);
    fs.promises.readdir(dir, { withFileTypes: true }).then(async (list) => {
      console.log('promise dirents', list.map((d) => `${JSON.stringify(d.name)}:${d.isDirectory()}`).join(' '));
      await fs.promises.utimes(path.join(dir, 'plain.txt'), new Date(-1000), new Date(-1000));
      console.log('promises.utimes before 1970', fs.statSync(path.join(dir, 'plain.txt')).mtimeMs);

      const d = await fs.promises.opendir(dir);
      for await (const entry of d) { // eslint-disable-line no-unused-vars
        break;
      }
      console.log('Dir after break', code(() => d.read()));

      // writeFileSync of bytes goes through the module's own functions.
      const calls = [];
      const saved = { openSync: fs.openSync, writeSync: fs.writeSync, closeSync: fs.closeSync };
      fs.openSync = (...a) => { calls.push('open'); return saved.openSync(...a); };
      fs.writeSync = (...a) => { calls.push('write'); return saved.writeSync(...a); };
      fs.closeSync = (...a) => { calls.push('close'); return saved.closeSync(...a); };
      fs.writeFileSync(path.join(dir, 'bytes.bin'), Buffer.from('abc'));
      fs.writeFileSync(path.join(dir, 'text.txt'), 'caf\u00e9 \ud800!');
      Object.assign(fs, saved);
      console.log('writeFileSync calls', calls.join(','));
      console.log('text with a lone surrogate', fs.readFileSync(path.join(dir, 'text.txt')).toString('hex'));

      fs.rmSync(dir, { recursive: true });
      console.log('removed', fs.existsSync(dir));
    });
  });
});
