'use strict';
// --redirect-warnings=file and NODE_REDIRECT_WARNINGS send warnings to a file;
// --disable-warning drops them by code or type.
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodeshim-warn-'));
const code = "process.emitWarning('one', 'DeprecationWarning', 'DEP1');" +
  "process.emitWarning('two', 'ExperimentalWarning');";
const clean = (text) => text.replace(/\(node:\d+\)/g, '(node:PID)');

function run(label, args, env) {
  const file = path.join(dir, `${label}.txt`);
  const r = spawnSync(process.execPath, [...args(file), '-e', code], {
    encoding: 'utf8', env: { ...process.env, ...env(file) },
  });
  const written = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '<no file>';
  console.log(label, r.status, JSON.stringify(clean(r.stderr)), JSON.stringify(clean(written)));
}

run('flag', (f) => [`--redirect-warnings=${f}`], () => ({}));
run('env', () => [], (f) => ({ NODE_REDIRECT_WARNINGS: f }));
run('disable', (f) => [`--redirect-warnings=${f}`, '--disable-warning=DEP1'], () => ({}));
run('disable-type', (f) => [`--redirect-warnings=${f}`, '--disable-warning', 'ExperimentalWarning'],
    () => ({}));
fs.rmSync(dir, { recursive: true });
