'use strict';
const out = (x) => JSON.stringify(x);
const te = new TextEncoder();
console.log(te.encoding, Array.from(te.encode('hé€\u{1F600}\ud800')), te.encode() instanceof Uint8Array, Buffer.isBuffer(te.encode('a')));
for (const n of [0, 1, 2, 3, 5, 8]) { const d = new Uint8Array(n); const r = te.encodeInto('aé€\u{1F600}', d); console.log(n, out(r), Array.from(d)); }
const bytes = [0xef, 0xbb, 0xbf, 0x68, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0xff, 0xed, 0xa0, 0x80, 0xe2, 0x82];
for (const [label, opts] of [['utf-8', {}], ['utf8', { ignoreBOM: true }], [' UTF-8 ', {}], ['utf-16le', {}], ['latin1', {}], ['ascii', {}], ['utf-16be', {}]]) {
  const d = new TextDecoder(label, opts);
  console.log(label, d.encoding, d.fatal, d.ignoreBOM, out(d.decode(new Uint8Array(bytes))), out(d.decode(new Uint8Array(bytes).buffer)));
  let s = '';
  for (const b of bytes) s += d.decode(new Uint8Array([b]), { stream: true });
  s += d.decode();
  console.log('  stream', out(s));
}
const f = new TextDecoder('utf-8', { fatal: true });
try { f.decode(new Uint8Array([0xff])); } catch (e) { console.log(e.code, e.name, e.message); }
console.log(out(f.decode(new Uint8Array([0xe2, 0x82]), { stream: true })), out(f.decode(new Uint8Array([0xac]))));
try { f.decode(new Uint8Array([0xe2]), { stream: false }); } catch (e) { console.log(e.code, e.message); }
try { new TextDecoder('nope'); } catch (e) { console.log(e.code, e.name, e.message); }
try { new TextDecoder().decode('str'); } catch (e) { console.log(e.code, e.message); }
console.log(out(new TextDecoder('utf-16le').decode(new Uint8Array([0x3d, 0xd8, 0x00, 0xde, 0x41]))));
console.log(out(new TextDecoder('windows-1252').decode(new Uint8Array([0x80, 0x81, 0x9f, 0xe9]))));
console.log(Object.prototype.toString.call(te), Object.prototype.toString.call(new TextDecoder()));
