'use strict';
// node:repl over streams: results, multi-line input, _ and _error, commands.
const repl = require('repl');
const { PassThrough } = require('stream');

const input = new PassThrough();
const output = new PassThrough();
let out = '';
output.setEncoding('utf8');
output.on('data', (d) => { out += d; });

const r = repl.start({ input, output, prompt: '$ ', terminal: false });
r.defineCommand('hello', {
  help: 'Say hello',
  action(name) {
    this.output.write(`hello ${name}\n`);
    this.displayPrompt();
  },
});
r.on('exit', () => {
  console.log(out);
  console.log('context isolated:', typeof globalThis.answer);
});

for (const line of [
  '1 + 2',
  '_ * 10',
  'var answer = 42',
  'answer',
  'function add(a, b) {',
  '  return a + b;',
  '}',
  'add(2, 3)',
  '{ a: 1, b: [1, 2] }',
  '[1, 2,',
  '3]',
  'throw new RangeError("out")',
  '_error.message',
  'throw null',
  'nope',
  '.nosuch',
  '.hello world',
  'if (true) {',
  '.break',
  '.help',
  '_ = 5',
  '1',
  '_',
  '.clear',
  'typeof answer',
  '.exit',
]) input.write(`${line}\n`);
