'use strict';
const { StringDecoder } = require('string_decoder');
const inputs = [
  [0xe2, 0x82, 0xac], [0xf0, 0x9f, 0x98, 0x80], [0x61, 0xe2], [0x82, 0xac, 0x62], [0xc3], [0x41], [0xe2, 0x41],
  [0xed, 0xa0], [0x80], [0xff, 0xfe], [0xf0, 0x9f], [0x98], [0x80, 0x80, 0x80, 0x80], [0x3d, 0xd8], [0x00, 0xde], [0x61, 0x00, 0x62],
];
const out = (s) => JSON.stringify(s);
for (const enc of ['utf8', 'utf-8', 'ucs2', 'utf16le', 'base64', 'base64url', 'hex', 'latin1', 'binary', 'ascii']) {
  const d = new StringDecoder(enc);
  const parts = [d.encoding];
  for (const inp of inputs) {
    parts.push(out(d.write(Buffer.from(inp))) + `/${d.lastNeed}/${d.lastTotal}/${d.lastChar.toString('hex')}`);
  }
  parts.push(out(d.end()));
  console.log(parts.join(' '));
  // byte-by-byte
  const all = Buffer.concat(inputs.map((x) => Buffer.from(x)));
  const d2 = new StringDecoder(enc);
  let s = '';
  for (const b of all) s += d2.write(Buffer.from([b]));
  s += d2.end();
  console.log(enc, 'bytewise', out(s));
  for (let cut = 0; cut <= all.length; cut += 3) {
    const d3 = new StringDecoder(enc);
    console.log(enc, 'cut', cut, out(d3.write(all.subarray(0, cut)) + d3.end(all.subarray(cut))));
  }
}
const d = new StringDecoder('utf8');
console.log(out(d.write('str')), out(d.text(Buffer.from('héllo'), 2)), out(d.end(Buffer.from([0xe2]))), out(d.end()));
console.log(out(new StringDecoder().encoding), out(new StringDecoder('UTF-16LE').encoding));
try { new StringDecoder('nope'); } catch (e) { console.log(e.code, e.name); }
try { new StringDecoder('utf8').write(null); } catch (e) { console.log(e.code, e.message); }
console.log(out(new StringDecoder('utf8').write(new Uint16Array([0x8461]))));
console.log(out(new StringDecoder('hex').end(Buffer.from([1, 255]))));
