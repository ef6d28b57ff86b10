'use strict';
// spawnSync / execSync / execFileSync: results, input, errors, timeout,
// maxBuffer, encodings and the errors they throw.
const { spawnSync, execSync, execFileSync } = require('child_process');

const node = process.execPath;
// Paths differ between runtimes: the executable prints as NODE.
const realLog = console.log;
console.log = (...args) => realLog(...args.map((a) => (typeof a === 'string' ? a.split(node).join('NODE') : a)));

function summary(r) {
  return {
    keys: Object.keys(r),
    status: r.status,
    signal: r.signal,
    output: r.output && r.output.map((o) => (o === null ? null : String(o))),
    stdout: r.stdout === undefined ? 'undefined' : r.stdout === null ? null : String(r.stdout),
    stderr: r.stderr === undefined ? 'undefined' : r.stderr === null ? null : String(r.stderr),
    pid: typeof r.pid,
    error: r.error && [r.error.message, r.error.code, r.error.errno, r.error.syscall, r.error.path,
                       r.error.spawnargs],
  };
}

console.log('plain', JSON.stringify(summary(spawnSync(node, ['-e', 'console.log("o"); console.error("e"); process.exit(3)']))));
console.log('input', JSON.stringify(summary(spawnSync(node, ['-e', 'process.stdin.pipe(process.stdout)'], { input: 'from parent' }))));
console.log('input-buffer', JSON.stringify(summary(spawnSync('cat', { input: Buffer.from('bytes') }))));
console.log('encoding', JSON.stringify(summary(spawnSync('echo', ['text'], { encoding: 'utf8' }))));
console.log('typeof stdout with encoding', typeof spawnSync('echo', ['t'], { encoding: 'utf8' }).stdout);
console.log('enoent', JSON.stringify(summary(spawnSync('nodeshim-missing-program', ['x']))));
console.log('timeout', JSON.stringify(summary(spawnSync(node, ['-e', 'setTimeout(() => {}, 10000)'], { timeout: 200 }))));
console.log('killSignal', JSON.stringify(summary(spawnSync(node, ['-e', 'setTimeout(() => {}, 10000)'], { timeout: 200, killSignal: 'SIGKILL' }))));
console.log('maxBuffer', JSON.stringify(summary(spawnSync(node, ['-e', 'process.stdout.write("x".repeat(64))'], { maxBuffer: 8 })).error));
console.log('stdio', JSON.stringify(summary(spawnSync('sh', ['-c', 'echo to-3 >&3; exit 0'], { stdio: ['pipe', 'pipe', 'pipe', 'pipe'] }))));
console.log('shell', JSON.stringify(summary(spawnSync('echo $((2 + 3))', { shell: true }))));
console.log('env', String(spawnSync('sh', ['-c', 'echo $ONLY'], { env: { ONLY: 'only' } }).stdout));
console.log('cwd', String(spawnSync('pwd', { cwd: '/' }).stdout));

console.log('execSync', JSON.stringify(String(execSync('echo sync-out'))));
console.log('execSync encoding', JSON.stringify(execSync('echo enc', { encoding: 'utf8' })));
console.log('execFileSync', JSON.stringify(String(execFileSync(node, ['-e', 'console.log(40 + 2)']))));
try {
  execSync('echo partial; echo failing >&2; exit 9', { stdio: 'pipe' });
} catch (err) {
  console.log('execSync throws', JSON.stringify(err.message), err.status, err.signal,
              String(err.stdout), String(err.stderr), Object.keys(err));
}
try {
  execFileSync('nodeshim-missing-program', ['arg']);
} catch (err) {
  console.log('execFileSync enoent', err.message, err.code, err.syscall, err.path, err.spawnargs,
              err.status, err.stdout, Object.keys(err));
}
try {
  execFileSync(node, ['-e', 'setTimeout(() => {}, 10000)'], { timeout: 200 });
} catch (err) {
  console.log('execFileSync timeout', err.code, err.signal, err.status);
}
