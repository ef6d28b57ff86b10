'use strict';
// A worker's stdout/stderr: chunks of worker.stdout/stderr, piped on to the
// parent's unless stdout/stderr: true; stdin: true feeds its process.stdin
// (else it is an ended stream).
const { Worker } = require('worker_threads');

const echo = new Worker(`
  console.log('stdout is a TTY:', process.stdout.isTTY === true);
  let input = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk) => { input += chunk; });
  process.stdin.on('end', () => {
    process.stdout.write('worker read: ' + JSON.stringify(input) + '\\n');
    console.error('to stderr');
  });
`, { eval: true, stdin: true, stdout: true, stderr: true });
let out = '';
let err = '';
echo.stdout.on('data', (chunk) => { out += chunk; });
echo.stderr.on('data', (chunk) => { err += chunk; });
echo.stdin.write('hello ');
echo.stdin.end(Buffer.from('worker'));
echo.on('exit', (code) => {
  console.log('echo exit', code, JSON.stringify(out), JSON.stringify(err));
  const plain = new Worker(`
    process.stdin.on('data', () => console.log('unexpected stdin data'));
    process.stdin.on('end', () => console.log('worker stdin ended'));
    console.log('through the parent');
  `, { eval: true });
  let chunks = 0;
  plain.stdout.on('data', () => chunks++);
  plain.on('exit', (c) => console.log('plain exit', c, 'stdout chunks seen:', chunks > 0));
});
