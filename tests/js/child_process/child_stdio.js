'use strict';
// A child's own stdio over pipes: reading stdin to its end, stdin that is
// never read, EPIPE when the parent stops reading, exit and close order.
const { spawn } = require('child_process');

const node = process.execPath;

function run(name, args, feed) {
  return new Promise((resolve) => {
    const child = spawn(node, args);
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    if (feed) feed(child);
    child.on('close', (code, signal) => {
      // How much arrived before the parent stopped reading depends on timing.
      if (name === 'epipe') out = out.length > 0 ? 'some' : 'none';
      console.log(name, JSON.stringify({ out, err, code, signal }));
      resolve();
    });
  });
}

(async () => {
  await run('upper', ['-e', `
    let text = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (d) => { text += d; });
    process.stdin.on('end', () => console.log(text.toUpperCase(), process.stdin.constructor.name));
  `], (child) => {
    child.stdin.write('abc\n');
    setTimeout(() => child.stdin.end('def\n'), 50);
  });

  await run('unread stdin', ['-e', 'console.log("exits without reading stdin")'], () => {});

  await run('stdin end at once', ['-e', `
    process.stdin.on('data', () => console.log('data?'));
    process.stdin.on('end', () => console.log('end'));
  `], (child) => child.stdin.end());

  await run('epipe', ['-e', `
    process.stdout.on('error', (e) => { console.error(e.code, e.syscall); process.exit(3); });
    setInterval(() => process.stdout.write('x'.repeat(1000)), 5);
  `], (child) => {
    child.stdout.once('data', () => child.stdout.destroy());
  });

  await run('stderr and exit code', ['-e', 'console.error("to stderr"); process.exitCode = 4']);
})();
