'use strict';
// process.exit() unwinds the stack uncatchably: no catch or finally block
// runs, wherever the call sits (a plain call, a vm script, a required
// module, an uncaughtException or 'exit' listener, a timer, a promise job).
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const modes = {
  plain() { try { process.exit(3); } catch { say('caught'); } finally { say('finally'); } },
  vm() { try { require('vm').runInThisContext('process.exit(4)'); } catch (e) { say(`caught ${e}`); } },
  vmContext() {
    try { require('vm').runInNewContext('p.exit(5)', { p: process }); } catch (e) { say(`caught ${e}`); }
  },
  required() {
    const file = path.join(require('os').tmpdir(), `nodeshim-exit-${process.pid}.js`);
    fs.writeFileSync(file, 'process.exit(6)');
    process.on('exit', () => fs.unlinkSync(file));
    try { require(file); } catch (e) { say(`caught ${e}`); }
  },
  uncaught() {
    process.on('uncaughtException', () => { try { process.exit(7); } catch { say('caught'); } });
    throw new Error('boom');
  },
  timer() { setTimeout(() => { try { process.exit(8); } catch { say('caught'); } say('after'); }, 1); },
  promise() { Promise.resolve().then(() => { try { process.exit(9); } catch { say('caught'); } say('after'); }); },
  exitListener() {
    process.on('exit', () => { try { process.exit(10); } catch { say('caught'); } say('after'); });
  },
};

function say(text) { fs.writeSync(1, `${text}\n`); }

const mode = process.argv[2];
if (mode === undefined) {
  for (const name of Object.keys(modes)) {
    const child = spawnSync(process.execPath, [__filename, name], { encoding: 'utf8' });
    console.log(name, child.status, JSON.stringify(child.stdout));
  }
} else {
  process.on('exit', (code) => say(`exit ${code}`));
  modes[mode]();
  say(`end ${mode}`);
}
