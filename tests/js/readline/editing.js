'use strict';
// Keypress decoding and terminal line editing of node:readline.
const readline = require('readline');
const { PassThrough } = require('stream');

const input = new PassThrough();
const output = new PassThrough();
output.columns = 20;
const rl = readline.createInterface({ input, output, terminal: true, prompt: '> ', tabSize: 4 });
const keys = [];
input.on('keypress', (s, k) => keys.push(JSON.stringify([s, k])));

// escape sequences split over chunks, modifiers, rxvt codes
for (const ch of '\x1b[1;5C') input.write(ch);
input.write('\x1b[2$\x1bOa\x1b[[5~x\x1b[31m');
console.log(keys.join('\n'));

rl.on('line', (line) => console.log('line', JSON.stringify(line)));
rl.on('history', (h) => console.log('history', JSON.stringify(h)));

rl.write('the quick brown fox');
console.log(rl.cursor, rl.getCursorPos());
rl.write(null, { ctrl: true, name: 'a' });
rl.write(null, { meta: true, name: 'f' });
rl.write(null, { ctrl: true, name: 'k' });
console.log(JSON.stringify(rl.line), rl.cursor);
rl.write(null, { ctrl: true, name: 'a' });
rl.write(null, { ctrl: true, name: 'y' });
console.log(JSON.stringify(rl.line), rl.cursor);
rl.write(null, { sequence: '\x1f' });
console.log('undo', JSON.stringify(rl.line));
rl.write(null, { sequence: '\x1e' });
console.log('redo', JSON.stringify(rl.line));
rl.write(null, { ctrl: true, name: 'e' });
rl.write(null, { ctrl: true, name: 'w' });
console.log(JSON.stringify(rl.line), rl.getCursorPos());
rl.write(null, { ctrl: true, name: 'u' });
rl.write('谢谢\tab');
console.log(rl.getCursorPos());
rl.write('\n');
rl.write('second\n');
rl.write('s');
rl.write(null, { name: 'up' });
console.log('search', JSON.stringify(rl.line), rl.historyIndex);
rl.write(null, { name: 'up' });
console.log('search', JSON.stringify(rl.line), rl.historyIndex);
rl.close();

for (const [x, y] of [[1, 2], [3, undefined]]) {
  const out = [];
  readline.cursorTo({ write: (d) => out.push(d) }, x, y);
  console.log(JSON.stringify(out));
}
try {
  readline.cursorTo(output, undefined, 2);
} catch (err) {
  console.log(err.code);
}
