'use strict';
const { Worker } = require('worker_threads');

for (const options of [{ execArgv: ['--foo'] }, { execArgv: ['--title=x'] },
  { env: { NODE_OPTIONS: '--nope' } }, { execArgv: 'x' }]) {
  try {
    new Worker('1', { eval: true, ...options });
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
const w = new Worker('console.log(process.execArgv)', { eval: true, execArgv: ['--no-warnings', '--'] });
w.on('exit', (code) => console.log('exit', code));
