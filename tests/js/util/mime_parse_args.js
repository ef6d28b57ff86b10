// util.MIMEType/MIMEParams parsing and serialization; util.parseArgs tokens, errors, allowNegative.
const { MIMEType, MIMEParams, parseArgs } = require('util');
const m = new MIMEType('Text/HTML; Charset="utf-8"; a=b;c="x\\"y"; ;  d ;e=');
console.log(String(m), m.essence, m.type, m.subtype, [...m.params], JSON.stringify(m));
m.params.set('q', 'has space');
console.log(`${m}`, `${m.params}`);
for (const bad of ['', 'text', 'text/', '/x', 'te xt/html', 'text/ht ml']) {
  try { new MIMEType(bad); } catch (e) { console.log(e.code, e.message); }
}
console.log(parseArgs({ args: ['-f', 'x', '--bar', 'pos', '-abc', '--n=3', '--', '--z'],
  options: { foo: { type: 'string', short: 'f' }, bar: { type: 'boolean' }, a: { type: 'boolean' }, b: { type: 'boolean' }, c: { type: 'boolean' }, n: { type: 'string', multiple: true }, d: { type: 'string', default: 'dflt' } },
  allowPositionals: true, tokens: true }));
try { parseArgs({ args: ['--nope'] }); } catch (e) { console.log(e.code, e.message); }
try { parseArgs({ args: ['--s'], options: { s: { type: 'string' } } }); } catch (e) { console.log(e.code, e.message); }
try { parseArgs({ args: ['-s', '-x'], options: { s: { type: 'string', short: 's' } } }); } catch (e) { console.log(e.code, e.message); }
try { parseArgs({ args: ['pos'] }); } catch (e) { console.log(e.code, e.message); }
console.log(parseArgs({ args: ['--no-color'], options: { color: { type: 'boolean' } }, allowNegative: true }));
