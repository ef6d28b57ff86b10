// readline over streams: line splitting (LF, CR, CRLF across chunks), question(), async iterator, readline/promises.
const readline = require('readline');
const { PassThrough } = require('stream');
const input = new PassThrough();
const out = new PassThrough();
let written = '';
out.on('data', (d) => { written += d; });
const rl = readline.createInterface({ input, output: out, terminal: false });
rl.on('line', (l) => console.log('line', JSON.stringify(l)));
rl.on('close', () => console.log('close', JSON.stringify(written)));
rl.question('name? ', (a) => console.log('answer', a));
input.write('bob\nfoo\r');
input.write('\nbar\r\nbaz');
input.end();
(async () => {
  const i2 = new PassThrough();
  const r2 = readline.createInterface({ input: i2, crlfDelay: Infinity });
  i2.end('a\nb\n\nc');
  for await (const l of r2) console.log('iter', JSON.stringify(l));
  const rp = require('readline/promises');
  const i3 = new PassThrough(); const o3 = new PassThrough();
  const r3 = rp.createInterface({ input: i3, output: o3 });
  setTimeout(() => i3.write('yes\n'), 5);
  console.log('p answer', await r3.question('ok? '));
  r3.close();
  console.log(typeof readline.promises.Readline, readline.Interface.name, Object.keys(readline).sort().join());
})();
