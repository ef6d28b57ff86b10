'use strict';
// spawn(): events in Node's order, exit codes and signals, stdio streams,
// and the error of a program that does not exist.
const { spawn } = require('child_process');
const assert = require('assert');

const node = process.execPath;

function run(name, args, options, onChild) {
  return new Promise((resolve) => {
    const events = [];
    const child = spawn(node, args, options);
    let out = '';
    let err = '';
    if (child.stdout) child.stdout.on('data', (d) => { out += d; });
    if (child.stderr) child.stderr.on('data', (d) => { err += d; });
    child.on('spawn', () => events.push('spawn'));
    child.on('exit', (code, signal) => events.push(`exit ${code} ${signal}`));
    child.on('close', (code, signal) => {
      events.push(`close ${code} ${signal}`);
      // Stack traces differ between engines: only the error line is compared.
      if (name === 'uncaught') err = err.split('\n').filter((l) => l.startsWith('Error')).join('\n');
      console.log(name, JSON.stringify({ events, out, err, exitCode: child.exitCode,
                                         signalCode: child.signalCode, killed: child.killed }));
      resolve();
    });
    if (onChild) onChild(child);
  });
}

(async () => {
  await run('ok', ['-e', 'console.log("hello"); console.error("oops")']);
  await run('code', ['-e', 'process.exitCode = 7']);
  await run('exit', ['-e', 'process.stdout.write("bye"); process.exit(3)']);
  await run('kill', ['-e', 'console.log("ready"); setInterval(() => {}, 1000)'], {}, (child) => {
    assert.strictEqual(typeof child.pid, 'number');
    child.stdout.once('data', () => {
      console.log('kill returns', child.kill());
      console.log('second kill', child.killed);
    });
  });
  await run('sigkill', ['-e', 'console.log("ready"); setInterval(() => {}, 1000)'], {}, (child) => {
    child.stdout.once('data', () => child.kill('SIGKILL'));
  });
  await run('stdin', ['-e', 'process.stdin.pipe(process.stdout)'], {}, (child) => {
    child.stdin.write('line one\n');
    child.stdin.end('line two\n');
  });
  await run('uncaught', ['-e', 'throw new Error("boom")'], {}, () => {});
  await run('stdio-array', ['-e', 'console.log(typeof process.stdin)'], { stdio: ['ignore', 'pipe', 'ignore'] },
            (child) => {
              console.log('stdio', child.stdio.map((s) => s === null ? null : typeof s));
              console.log('stdin/stderr', child.stdin, child.stderr);
            });

  // A missing program: 'error' (not thrown), then 'close' with the errno.
  await new Promise((resolve) => {
    const events = [];
    const child = spawn('nodeshim-does-not-exist', ['a', 'b']);
    console.log('pid', child.pid);
    child.on('spawn', () => events.push('spawn'));
    child.on('exit', () => events.push('exit'));
    child.on('error', (err) => {
      events.push('error');
      console.log('error', err.message, err.code, err.errno, err.syscall, err.path, err.spawnargs);
      console.log('error is Error', err instanceof Error, Object.keys(err));
    });
    child.on('close', (code, signal) => {
      events.push(`close ${code} ${signal}`);
      console.log('missing', events, child.exitCode, child.signalCode);
      resolve();
    });
  });
})();
