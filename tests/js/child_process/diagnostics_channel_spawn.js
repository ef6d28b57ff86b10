'use strict';
// Every ChildProcess is published on the 'child_process' channel as it is
// created, before it is spawned.
const dc = require('diagnostics_channel');
const { spawn, ChildProcess } = require('child_process');

const seen = [];
dc.subscribe('child_process', ({ process }) => {
  seen.push([process instanceof ChildProcess, typeof process.pid, process.spawnfile]);
});
const child = spawn(process.execPath, ['-e', '0']);
console.log('published synchronously', seen.length);
const bad = spawn('/nonexistent-binary-for-test');
bad.on('error', (err) => console.log('error', err.code));
child.on('exit', (code) => console.log('exit', code, JSON.stringify(seen)));
