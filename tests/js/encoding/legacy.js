'use strict';
// TextDecoder over the Encoding Standard's legacy encodings.
const bytes = (a) => new Uint8Array(a);
const cases = [
  ['ibm866', [0x41, 0x80, 0xa4]], ['latin2', [0xa1, 0xb1]], ['koi8-r', [0xc1, 0xc2]],
  ['mac', [0x80, 0x81]], ['cp1251', [0xc0, 0xff, 0x98]], ['windows-1253', [0x81, 0x41]],
  ['sjis', [0x82, 0xa0, 0x41]], ['euc-jp', [0xa4, 0xa2]], ['big5', [0xa4, 0xa4]],
  ['gb2312', [0xd6, 0xd0]], ['gb18030', [0x81, 0x30, 0x81, 0x30]], ['korean', [0xb0, 0xa1]],
  ['iso-2022-jp', [0x1b, 0x24, 0x42, 0x24, 0x22, 0x1b, 0x28, 0x42]],
];
for (const [label, b] of cases) {
  const d = new TextDecoder(label);
  console.log(label, d.encoding, JSON.stringify(d.decode(bytes(b))));
}
// A multi-byte character split between chunks.
const s = new TextDecoder('shift_jis');
console.log(JSON.stringify(s.decode(bytes([0x41, 0x82]), { stream: true }) + '|' + s.decode(bytes([0xa0]))));
for (const [label, b] of [['windows-1253', [0xff]], ['koi8-u', [0x80]]]) {
  try {
    console.log(label, JSON.stringify(new TextDecoder(label, { fatal: true }).decode(bytes(b))));
  } catch (e) { console.log(label, e.name, e.code, e.message); }
}
for (const label of ['replacement', 'x-user-defined', 'iso-8859-16', 'hz-gb-2312', 'nope']) {
  try { new TextDecoder(label); console.log(label, 'ok'); } catch (e) { console.log(label, e.name, e.code, e.message); }
}
