const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodeshim-fs-'));
const f = path.join(dir, 'a.txt');
fs.writeFileSync(f, 'hello\n');
fs.appendFileSync(f, 'world\n');
console.log(fs.readFileSync(f, 'utf8'));
console.log(fs.readFileSync(f).length, fs.existsSync(f), fs.existsSync(f + 'x'));
const st = fs.statSync(f);
console.log(st.isFile(), st.isDirectory(), st.size, typeof st.mtimeMs, st.mtime instanceof Date);
fs.mkdirSync(path.join(dir, 'sub/deep'), { recursive: true });
console.log(fs.readdirSync(dir));
console.log(fs.readdirSync(dir, { withFileTypes: true }).map((d) => [d.name, d.isDirectory()]));
try { fs.readFileSync(path.join(dir, 'nope')); } catch (e) { console.log(e.message.replace(dir, 'DIR'), e.code, e.errno, e.syscall); }
try { fs.readFileSync(dir); } catch (e) { console.log(e.message, e.code, e.errno, e.syscall, e.path); }
try { fs.rmSync(path.join(dir, 'sub')); } catch (e) { console.log(e.message.replace(dir, 'DIR'), e.code, e.name); }
try { fs.mkdirSync(dir); } catch (e) { console.log(e.message.replace(dir, 'DIR'), e.code); }
try { fs.readFileSync(123456); } catch (e) { console.log(e.message, e.code); }
try { fs.readFileSync({}); } catch (e) { console.log(e.message, e.code); }
try { fs.openSync(f, 'zz'); } catch (e) { console.log(e.message, e.code); }
fs.readFile(f, 'utf8', (err, data) => {
  console.log('async', err, JSON.stringify(data));
  fs.stat(dir, (err, s) => {
    console.log('stat', err, s.isDirectory());
    fs.promises.readFile(f, 'utf8').then((d) => {
      console.log('promise', JSON.stringify(d));
      fs.rmSync(dir, { recursive: true, force: true });
      console.log(fs.existsSync(dir));
    });
  });
});
setImmediate(() => console.log('immediate'));
process.nextTick(() => console.log('tick'));
