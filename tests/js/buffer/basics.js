'use strict';
const { Buffer, kMaxLength, kStringMaxLength, constants, isUtf8, isAscii, SlowBuffer } = require('buffer');
const hex = (b) => b.toString('hex');
function t(name, fn) {
  try { const r = fn(); console.log(name, typeof r === 'string' ? JSON.stringify(r) : (r instanceof Uint8Array ? `<${hex(r)}>` : String(r))); }
  catch (e) { console.log(name, 'THROW', e.name, e.code, e.message); }
}
const encs = ['utf8', 'utf-8', 'UCS2', 'ucs-2', 'utf16le', 'latin1', 'binary', 'ascii', 'base64', 'base64url', 'hex'];
const strs = ['', 'a', 'hello world', 'héllo', '€uro', '\u{1F600} smile', 'a\ud800b', '\udc00x\ud800', 'YWJj', 'Zm9v\nYmFy==', 'aGk_-w', 'abzz', '0102fz', 'abc', ' \t', 'YW\u0141Jj', 'a\u0162', 'YWJj\u00e9'];
for (const e of encs) {
  for (const s of strs) {
    t(`from(${JSON.stringify(s)},${e})`, () => Buffer.from(s, e));
    t(`byteLength(${JSON.stringify(s)},${e})`, () => Buffer.byteLength(s, e));
  }
}
const bytes = Buffer.from([0x68, 0xc3, 0xa9, 0xed, 0xa0, 0x80, 0xf0, 0x9f, 0x98, 0x80, 0xff, 0x41, 0xe2, 0x82, 0x0a, 0x00, 0x80, 0xc0, 0xaf]);
for (const e of encs) {
  t(`toString(${e})`, () => bytes.toString(e));
  t(`toString(${e},1,7)`, () => bytes.toString(e, 1, 7));
}
t('toString bad enc', () => bytes.toString('nope'));
t('toString start>end', () => bytes.toString('utf8', 5, 2));
t('toString neg', () => bytes.toString('hex', -3, 100));
const big = 'x€y\u{1F600}'.repeat(5000);
t('big utf8 roundtrip', () => Buffer.from(big).toString() === big);
t('big b64 roundtrip', () => Buffer.from(Buffer.from(big).toString('base64'), 'base64').toString() === big);
t('big hex roundtrip', () => Buffer.from(Buffer.from(big).toString('hex'), 'hex').toString() === big);
t('big ucs2 roundtrip', () => Buffer.from(big, 'ucs2').toString('ucs2') === big);
t('big len', () => Buffer.byteLength(big));
t('alloc', () => Buffer.alloc(5));
t('alloc fill', () => Buffer.alloc(5, 'ab'));
t('alloc fill hex', () => Buffer.alloc(5, 'abcd', 'hex'));
t('alloc fill num', () => Buffer.alloc(3, 257));
t('alloc fill buf', () => Buffer.alloc(7, Buffer.from([1, 2, 3])));
t('alloc neg', () => Buffer.alloc(-1));
t('alloc str', () => Buffer.alloc('5'));
t('alloc NaN', () => Buffer.alloc(NaN));
t('alloc bad fill', () => Buffer.alloc(4, 'zz', 'hex'));
t('allocUnsafe', () => Buffer.allocUnsafe(3).length);
t('allocUnsafeSlow', () => Buffer.allocUnsafeSlow(3).length);
t('SlowBuffer', () => SlowBuffer(3).length);
t('from array', () => Buffer.from([1, 2, 256, -1, 'x', 3.7]));
t('from arraybuffer', () => { const ab = new Uint8Array([1, 2, 3, 4, 5]).buffer; return Buffer.from(ab, 1, 3); });
t('from ab oob', () => Buffer.from(new ArrayBuffer(4), 5));
t('from ab len oob', () => Buffer.from(new ArrayBuffer(4), 1, 4));
t('from ab neg len', () => Buffer.from(new ArrayBuffer(4), 1, -4).length);
t('from buffer', () => Buffer.from(Buffer.from('xyz')));
t('from obj valueOf', () => Buffer.from(new String('abc')));
t('from toPrimitive', () => Buffer.from({ [Symbol.toPrimitive]() { return 'prim'; } }));
t('from json', () => Buffer.from({ type: 'Buffer', data: [9, 8] }));
t('from arraylike', () => Buffer.from({ length: 2, 0: 5, 1: 6 }));
t('from number', () => Buffer.from(5));
t('from null', () => Buffer.from(null));
t('from bad enc', () => Buffer.from('x', 'bogus'));
t('of', () => Buffer.of(1, 2, 3));
t('concat', () => Buffer.concat([Buffer.from('ab'), new Uint8Array([99]), Buffer.from('d')]));
t('concat len', () => Buffer.concat([Buffer.from('ab'), Buffer.from('cd')], 6));
t('concat short', () => Buffer.concat([Buffer.from('ab'), Buffer.from('cd')], 3));
t('concat bad', () => Buffer.concat([Buffer.from('ab'), 'x']));
t('concat notarray', () => Buffer.concat('x'));
t('compare', () => Buffer.compare(Buffer.from('a'), Buffer.from('b')));
t('compare2', () => [Buffer.from('abc').compare(Buffer.from('abd')), Buffer.from('b').compare(Buffer.from('abc')), Buffer.from('abc').compare(Buffer.from('xabcx'), 1, 4)].join());
t('compare bad', () => Buffer.compare('a', Buffer.from('b')));
t('compare range', () => Buffer.from('abc').compare(Buffer.from('abc'), -1));
t('equals', () => Buffer.from('abc').equals(Buffer.from('abc')));
t('equals bad', () => Buffer.from('abc').equals('abc'));
t('isBuffer', () => [Buffer.isBuffer(Buffer.alloc(1)), Buffer.isBuffer(new Uint8Array(1))].join());
t('isEncoding', () => ['utf8', 'UTF-16LE', 'binary', 'foo', '', 1].map(Buffer.isEncoding).join());
t('byteLength ab', () => Buffer.byteLength(new ArrayBuffer(7)));
t('byteLength bad', () => Buffer.byteLength(5));
t('consts', () => [kMaxLength, kStringMaxLength, constants.MAX_LENGTH, Buffer.poolSize].join());
t('isUtf8', () => [isUtf8(Buffer.from('é')), isUtf8(Buffer.from([0xff])), isAscii(Buffer.from('a')), isAscii(Buffer.from('é'))].join());
t('isUtf8 bad', () => isUtf8('x'));
t('toJSON', () => JSON.stringify(Buffer.from('hi')));
t('toJSON empty', () => JSON.stringify(Buffer.alloc(0)));
t('inspect', () => Buffer.from('hello')[Symbol.for('nodejs.util.inspect.custom')]());
t('inspect long', () => Buffer.alloc(60, 1)[Symbol.for('nodejs.util.inspect.custom')]());
t('inspect 51', () => Buffer.alloc(51, 1)[Symbol.for('nodejs.util.inspect.custom')]());
t('inspect empty', () => Buffer.alloc(0)[Symbol.for('nodejs.util.inspect.custom')]());
t('ctor', () => [Buffer.from('a').constructor === Buffer, Buffer.from('a') instanceof Uint8Array, Object.getPrototypeOf(Buffer) === Uint8Array].join());
t('new Buffer', () => new Buffer(3));
t('Buffer str', () => Buffer('abc'));
t('Buffer num enc', () => Buffer(3, 'utf8'));
t('parent', () => Buffer.from('a').parent instanceof ArrayBuffer);
