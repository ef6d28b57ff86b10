'use strict';
// fs.cp/cpSync/promises.cp: option validation, the src/dest checks and their
// error codes, filters (sync and async), symlinks, force/errorOnExist.
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nodeshim-cp-'));
const p = (...parts) => path.join(root, ...parts);
const code = (fn) => { try { fn(); return 'ok'; } catch (e) { return e.code; } };
const tree = (dir) => {
  const out = [];
  (function walk(d, rel) {
    for (const name of fs.readdirSync(d).sort()) {
      const full = path.join(d, name);
      const st = fs.lstatSync(full);
      const r = rel ? `${rel}/${name}` : name;
      if (st.isSymbolicLink()) out.push(`${r} -> ${path.relative(root, fs.readlinkSync(full))}`);
      else if (st.isDirectory()) { out.push(`${r}/`); walk(full, r); }
      else out.push(`${r} (${fs.readFileSync(full, 'utf8')})`);
    }
  })(dir, '');
  return out.join(', ');
};

(async () => {
  try {
    fs.mkdirSync(p('src', 'sub'), { recursive: true });
    fs.writeFileSync(p('src', 'a.txt'), 'A');
    fs.writeFileSync(p('src', 'sub', 'b.js'), 'B');
    fs.symlinkSync('a.txt', p('src', 'link'));

    console.log('validation', code(() => fs.cpSync(p('src'), p('x'), { recursive: 1 })),
                code(() => fs.cpSync(p('src'), p('x'), { dereference: true, verbatimSymlinks: true })),
                code(() => fs.cpSync(p('src'), p('x'), { mode: 8 })),
                code(() => fs.cpSync(p('src'), p('x'), () => {})),
                code(() => fs.cpSync(p('src'), p('x'), { filter: 'no' })));
    console.log('dir without recursive', code(() => fs.cpSync(p('src'), p('x'))));
    console.log('into itself', code(() => fs.cpSync(p('src'), p('src', 'sub', 'deeper'), { recursive: true })));
    console.log('same path', code(() => fs.cpSync(p('src', 'a.txt'), p('src', 'a.txt'))));

    fs.cpSync(p('src'), p('copy1'), { recursive: true });
    console.log('copy1', tree(p('copy1')));
    fs.cpSync(p('src'), p('copy2'), { recursive: true, verbatimSymlinks: true });
    console.log('copy2 link', fs.readlinkSync(p('copy2', 'link')));

    console.log('dir onto file', code(() => fs.cpSync(p('src'), p('copy1', 'a.txt'), { recursive: true })));
    console.log('file onto dir', code(() => fs.cpSync(p('src', 'a.txt'), p('copy1', 'sub'))));

    fs.writeFileSync(p('copy1', 'a.txt'), 'changed');
    fs.cpSync(p('src', 'a.txt'), p('copy1', 'a.txt'), { force: false });
    console.log('force false keeps', fs.readFileSync(p('copy1', 'a.txt'), 'utf8'));
    console.log('errorOnExist', code(() => fs.cpSync(p('src', 'a.txt'), p('copy1', 'a.txt'),
                                                       { force: false, errorOnExist: true })));
    fs.cpSync(p('src', 'a.txt'), p('copy1', 'a.txt'));
    console.log('force overwrites', fs.readFileSync(p('copy1', 'a.txt'), 'utf8'));

    console.log('async filter in cpSync', code(() => fs.cpSync(p('src'), p('x'), {
      recursive: true, filter: async () => true,
    })));
    fs.cpSync(p('src'), p('filtered'), {
      recursive: true, filter: (s) => !s.endsWith('.js'),
    });
    console.log('filtered', tree(p('filtered')));

    await fs.promises.cp(p('src'), p('copy3', 'nested'), {
      recursive: true, filter: async (s) => !s.endsWith('a.txt'),
    });
    console.log('promises with async filter', tree(p('copy3')));
    await fs.promises.cp(p('src'), p('x'), 'bad').catch((e) => console.log('promises bad options', e.code));

    fs.cp(p('src', 'a.txt'), p('copy4.txt'), (err) => {
      console.log('callback', err, fs.readFileSync(p('copy4.txt'), 'utf8'));
      fs.cp(p('src'), p('src', 'sub'), { recursive: true }, (err2) => {
        console.log('callback error', err2.code);
        fs.rmSync(root, { recursive: true, force: true });
      });
    });
  } catch (err) {
    fs.rmSync(root, { recursive: true, force: true });
    throw err;
  }
})();
