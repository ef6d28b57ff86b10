'use strict';
// A module given on stdin with --input-type=module runs as ESM: import
// works, and an unsettled top-level await exits with 13.
const { spawnSync } = require('child_process');

const ok = spawnSync(process.execPath, ['--input-type=module'], {
  input: 'import { basename } from "node:path"; console.log(basename("/a/b.txt"), typeof require);',
});
console.log(ok.status, ok.stdout.toString().trim());

const stuck = spawnSync(process.execPath, ['--input-type=module'], {
  input: 'import { aborted } from "node:util"; await aborted(new AbortController().signal, {});',
});
console.log(stuck.status);
