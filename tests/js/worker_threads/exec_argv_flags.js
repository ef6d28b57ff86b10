'use strict';
// Worker execArgv: V8's (process-wide) flags are refused; --input-type and
// --[no-]experimental-detect-module decide how eval'd source runs.  A
// worker's servers close with it.
const fs = require('fs');
const { Worker } = require('worker_threads');

for (const flag of ['--expose-gc', '--stack-size=100', '--harmony', '--stack-trace-limit=5', '--trace-warnings']) {
  try {
    new Worker('', { eval: true, execArgv: [flag] }).terminate();
    console.log(flag, 'accepted');
  } catch (err) {
    console.log(flag, err.code, err.message);
  }
}

const runs = [
  ['--input-type=module'],
  ['--input-type=commonjs'],
  ['--experimental-detect-module'],
  ['--no-experimental-detect-module'],
];
const results = [];
let left = runs.length + 1;
function done() {
  if (--left === 0) console.log(results.sort().join('\n'));
}
for (const execArgv of runs) {
  new Worker('export {}; require("worker_threads").parentPort?.postMessage(1); console.log("ran")', { eval: true, execArgv })
    .on('error', (err) => results.push(`${execArgv}: ${err.name}`))
    .on('exit', (code) => {
      results.push(`${execArgv}: exit ${code}`);
      done();
    });
}

const server = new Worker(`
  const { createServer } = require('net');
  const server = createServer().listen(0);
  require('worker_threads').parentPort.postMessage(server._handle.fd);
  server.unref();
`, { eval: true });
let fd;
server.on('message', (value) => { fd = value; });
server.on('exit', () => {
  try {
    fs.fstatSync(fd);
    results.push('server fd still open');
  } catch (err) {
    results.push(`server fd after exit: ${err.code}`);
  }
  done();
});
