// process.binding's allow list, process.report's shape, and node -p seeing
// the builtins as globals.
'use strict';
const { spawnSync } = require('child_process');

process.on('warning', (w) => console.log('warning', w.name, w.code, w.message));

const { HTTPParser } = process.binding('http_parser');
console.log('HTTPParser', typeof HTTPParser, typeof HTTPParser.kOnHeadersComplete);
console.log('uv', typeof process.binding('uv').errname);
for (const name of ['foo', 'worker', 'process_methods']) {
  try {
    process.binding(name);
    console.log(name, 'ok');
  } catch (e) {
    console.log(name, e.name, e.code, e.message);
  }
}

const report = process.report.getReport();
console.log('report', Object.keys(report).slice(0, 7).join(','));
console.log('header', report.header.nodejsVersion === process.version, report.header.processId === process.pid);
console.log('libuv', Array.isArray(report.libuv));

const child = spawnSync(process.execPath, ['--max-http-header-size=10', '-p',
  '[http.maxHeaderSize, typeof fs.readFileSync, require("os") === os].join(" ")'], { encoding: 'utf8' });
console.log('child', child.status, child.stdout.trim());
setImmediate(() => {});
