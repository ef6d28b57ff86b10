'use strict';
// NODE_PRESERVE_SYMLINKS=1 acts as --preserve-symlinks: a module reached
// through a symlinked folder keeps the linked path (and a second copy).
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nodeshim-preserve-'));
try {
  fs.mkdirSync(path.join(root, 'real'));
  fs.writeFileSync(path.join(root, 'real', 'mod.js'), 'module.exports = __filename;');
  fs.symlinkSync(path.join(root, 'real'), path.join(root, 'link'), 'dir');
  const main = path.join(root, 'main.js');
  fs.writeFileSync(main, `
    const a = require('./real/mod.js');
    const b = require('./link/mod.js');
    console.log(require('path').relative(__dirname, b), a === b);
  `);
  for (const env of [{}, { NODE_PRESERVE_SYMLINKS: '1' }, { NODE_PRESERVE_SYMLINKS: '0' }]) {
    const r = spawnSync(process.execPath, [main], { env: { ...process.env, ...env } });
    console.log(JSON.stringify(env), r.status, r.stdout.toString().trim());
  }
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}
