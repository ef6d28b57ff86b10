'use strict';
// exec() / execFile(): callbacks, error properties, maxBuffer, timeout,
// encodings and util.promisify.
const { exec, execFile } = require('child_process');
const util = require('util');

const node = process.execPath;
const q = JSON.stringify(node);

function show(name, err, stdout, stderr) {
  const e = err && {
    message: err.message.replace(node, 'NODE').replace(q, 'NODE'),
    code: err.code, killed: err.killed, signal: err.signal,
    cmd: err.cmd && err.cmd.replace(node, 'NODE').replace(q, 'NODE'),
    name: err.name,
  };
  console.log(name, JSON.stringify({ e, stdout: String(stdout), stderr: String(stderr),
                                     type: Buffer.isBuffer(stdout) ? 'buffer' : typeof stdout }));
}

(async () => {
  const step = (fn) => new Promise((resolve) => fn(resolve));

  await step((done) => execFile(node, ['-e', 'console.log("a"); console.error("b")'], (err, so, se) => {
    show('execFile', err, so, se); done();
  }));
  await step((done) => execFile(node, ['-e', 'process.exit(4)'], (err, so, se) => {
    show('execFile-code', err, so, se); done();
  }));
  await step((done) => exec(`${q} -e "console.log(1 + 1)"`, (err, so, se) => {
    show('exec', err, so, se); done();
  }));
  await step((done) => exec('echo $((6 * 7)); echo shell-err >&2; exit 5', (err, so, se) => {
    show('exec-shell-fail', err, so, se); done();
  }));
  await step((done) => exec('echo hello', { encoding: 'buffer' }, (err, so, se) => {
    show('exec-buffer', err, so, se); done();
  }));
  await step((done) => exec('echo hello', { encoding: 'hex' }, (err, so, se) => {
    show('exec-hex', err, so, se); done();
  }));
  await step((done) => execFile(node, ['-e', 'console.log("x".repeat(100))'], { maxBuffer: 10 },
                                (err, so, se) => { show('maxBuffer', err, so, se); done(); }));
  await step((done) => execFile(node, ['-e', 'setTimeout(() => {}, 10000)'], { timeout: 200 },
                                (err, so, se) => { show('timeout', err, so, se); done(); }));
  await step((done) => execFile(node, ['-e', 'setTimeout(() => {}, 10000)'],
                                { timeout: 200, killSignal: 'SIGKILL' },
                                (err, so, se) => { show('timeout-kill', err, so, se); done(); }));
  await step((done) => execFile('nodeshim-no-such-file', (err, so, se) => {
    console.log('enoent', err.message, err.code, err.errno, err.syscall, err.path, err.spawnargs, err.cmd);
    done();
  }));
  await step((done) => exec('echo $FOO-$BAR', { env: { FOO: 'foo', BAR: 'bar', PATH: process.env.PATH } },
                            (err, so) => { show('env', err, so, ''); done(); }));
  await step((done) => exec('pwd', { cwd: '/' }, (err, so) => { show('cwd', err, so, ''); done(); }));

  const execAsync = util.promisify(exec);
  const r = await execAsync('echo promised');
  console.log('promisified', JSON.stringify(r));
  try {
    await util.promisify(execFile)(node, ['-e', 'console.log("o"); process.exit(2)']);
  } catch (err) {
    console.log('promisified-error', err.code, JSON.stringify(err.stdout), JSON.stringify(err.stderr));
  }
  const p = execAsync('echo child');
  console.log('promise.child', typeof p.child.pid);
  await p;
})();
