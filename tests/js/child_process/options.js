'use strict';
// spawn options: stdio forms, extra pipes, env, cwd, shell, argv0, timeout,
// AbortSignal, unref, and argument validation errors.
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const node = process.execPath;

function collect(child) {
  return new Promise((resolve) => {
    let out = '';
    let err = '';
    if (child.stdout) child.stdout.on('data', (d) => { out += d; });
    if (child.stderr) child.stderr.on('data', (d) => { err += d; });
    child.on('close', (code, signal) => resolve({ out, err, code, signal }));
  });
}

(async () => {
  let r = await collect(spawn(node, ['-e', 'require("fs").writeSync(3, "on fd 3\\n"); console.log("out")'],
                              { stdio: ['pipe', 'pipe', 'pipe', 'pipe'] }));
  console.log('pipe on fd 3', JSON.stringify(r));
  {
    const child = spawn('sh', ['-c', 'echo fd3 >&3; echo fd4 >&4'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
    let three = '';
    let four = '';
    child.stdio[3].on('data', (d) => { three += d; });
    child.stdio[4].on('data', (d) => { four += d; });
    const res = await collect(child);
    console.log('extra pipes', JSON.stringify(three), JSON.stringify(four), res.code);
  }

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cp-options-'));
  const file = path.join(tmp, 'out.txt');
  const fd = fs.openSync(file, 'w');
  r = await collect(spawn(node, ['-e', 'console.log("into a file")'], { stdio: ['ignore', fd, 'inherit'] }));
  fs.closeSync(fd);
  console.log('fd stdio', JSON.stringify(fs.readFileSync(file, 'utf8')), r.code);

  r = await collect(spawn(node, ['-e', 'console.log(process.cwd() === require("fs").realpathSync(process.argv[1]))', tmp],
                          { cwd: tmp }));
  console.log('cwd', r.out.trim());
  fs.rmSync(tmp, { recursive: true, force: true });

  r = await collect(spawn(node, ['-e', 'console.log(process.env.ONE, process.env.TWO, Object.keys(process.env).includes("HOME"))'],
                          { env: { ONE: '1', TWO: 'two' } }));
  console.log('env', r.out.trim());

  r = await collect(spawn('echo "$((3 * 3))" | tr 9 n', { shell: true }));
  console.log('shell', JSON.stringify(r));
  r = await collect(spawn('echo', ['a', 'b'], { shell: '/bin/sh' }));
  console.log('shell path', JSON.stringify(r));

  r = await collect(spawn('sh', ['-c', 'echo $0'], { argv0: 'custom-zero' }));
  console.log('argv0', r.out.trim());

  r = await collect(spawn(node, ['-e', 'setInterval(() => {}, 1000)'], { timeout: 100 }));
  console.log('timeout', r.code, r.signal);

  {
    const ac = new AbortController();
    const child = spawn(node, ['-e', 'setInterval(() => {}, 1000)'], { signal: ac.signal });
    child.on('error', (err) => console.log('abort error', err.name, err.code, err.message, err.cause === 'why'));
    setTimeout(() => ac.abort('why'), 50);
    r = await collect(child);
    console.log('aborted', r.code, r.signal, child.killed);
  }
  {
    const child = spawn(node, ['-e', 'setInterval(() => {}, 1000)'],
                        { signal: AbortSignal.abort(), killSignal: 'SIGKILL' });
    child.on('error', (err) => console.log('pre-aborted error', err.name));
    r = await collect(child);
    console.log('pre-aborted', r.code, r.signal);
  }

  const bad = [
    () => spawn(''),
    () => spawn(42),
    () => spawn(node, 'not-an-array'),
    () => spawn(node, [], { cwd: 42 }),
    () => spawn(node, [], { detached: 'yes' }),
    () => spawn(node, [], { uid: 1.5 }),
    () => spawn(node, [], { shell: 5 }),
    () => spawn(node, [], { stdio: 'bogus' }),
    () => spawn(node, [], { stdio: ['pipe', 'pipe', 'pipe', 'ipc', 'ipc'] }),
    () => spawn(node, ['a\u0000b']),
    () => spawn(node, [], { timeout: -1 }),
    () => spawn(node, [], { killSignal: 'SIGNOPE' }),
    () => spawn(node, [], { signal: 'nope' }),
    () => spawn(node, [], { serialization: 'xml' }),
    () => spawn(node, [], { env: { A: 'x\u0000' } }),
  ];
  for (const fn of bad) {
    try {
      fn();
      console.log('no error');
    } catch (err) {
      console.log(err.name, err.code, err.message);
    }
  }

  // An unref'd child does not keep the parent alive.
  const child = spawn(node, ['-e', 'setTimeout(() => {}, 5000)'], { stdio: 'ignore' });
  child.unref();
  process.on('exit', () => console.log('parent exits before the unref\'d child'));
})();
