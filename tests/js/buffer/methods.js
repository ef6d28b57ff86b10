'use strict';
const { Buffer, atob, btoa, Blob } = require('buffer');
function show(r) {
  if (typeof r === 'string') return JSON.stringify(r);
  if (r instanceof Uint8Array) return `<${Buffer.from(r.buffer, r.byteOffset, r.length).toString('hex')}>`;
  if (typeof r === 'bigint') return `${r}n`;
  if (Array.isArray(r)) return `[${r.map(show).join(',')}]`;
  return String(r);
}
function t(name, fn) {
  try { console.log(name, show(fn())); } catch (e) { console.log(name, 'THROW', e.name, e.code, e.message.replace(/%s /, '')); }
}
const b = Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 0xff, 0x80, 0x7f, 0]);
for (const m of ['readUInt8', 'readInt8', 'readUInt16LE', 'readUInt16BE', 'readInt16LE', 'readInt16BE',
  'readUInt32LE', 'readUInt32BE', 'readInt32LE', 'readInt32BE', 'readFloatLE', 'readFloatBE',
  'readDoubleLE', 'readDoubleBE', 'readBigUInt64LE', 'readBigUInt64BE', 'readBigInt64LE', 'readBigInt64BE',
  'readUint8', 'readUint32LE', 'readBigUint64LE']) {
  for (const off of [undefined, 0, 1, 4, 8, 11, 12, -1, 1.5, '1', NaN]) t(`${m}(${off})`, () => b[m](off));
}
for (const m of ['readUIntLE', 'readUIntBE', 'readIntLE', 'readIntBE']) {
  for (const [o, l] of [[0, 1], [0, 3], [1, 6], [2, 5], [7, 6], [0, 7], [0, 0], [undefined, 2], [0, undefined], [0, 1.5]]) {
    t(`${m}(${o},${l})`, () => b[m](o, l));
  }
}
const w = () => Buffer.alloc(10);
for (const [m, vals] of [['writeUInt8', [0, 255, 256, -1, 3.7, NaN, '12']], ['writeInt8', [-128, 127, 128, -129]],
  ['writeUInt16LE', [0xffff, 0x10000, -1]], ['writeUInt16BE', [0x1234]], ['writeInt16LE', [-32768, 32768]], ['writeInt16BE', [-2]],
  ['writeUInt32LE', [0xffffffff, 2 ** 32, -1]], ['writeUInt32BE', [0xdeadbeef]], ['writeInt32LE', [-1, 2 ** 31]], ['writeInt32BE', [-(2 ** 31)]],
  ['writeFloatLE', [1.5, NaN, Infinity]], ['writeFloatBE', [-0.1]], ['writeDoubleLE', [Math.PI]], ['writeDoubleBE', [1e300]],
  ['writeBigUInt64LE', [0n, 2n ** 64n - 1n, 2n ** 64n, -1n]], ['writeBigUInt64BE', [123n]], ['writeBigInt64LE', [-1n, 2n ** 63n]], ['writeBigInt64BE', [-(2n ** 63n)]]]) {
  for (const v of vals) {
    for (const off of [undefined, 0, 2, 9, -1, 2.5]) {
      t(`${m}(${show(v)},${off})`, () => { const x = w(); const r = x[m](v, off); return [r, x]; });
    }
  }
}
for (const m of ['writeUIntLE', 'writeUIntBE', 'writeIntLE', 'writeIntBE']) {
  for (const [v, o, l] of [[0x123456, 0, 3], [-1, 0, 6], [0xffffffffffff, 2, 6], [2 ** 48, 0, 6], [-(2 ** 47) - 1, 0, 6], [0x1234567890, 0, 5], [1, 0, 7], [1, 0, undefined], [256, 0, 1], [1, 8, 3]]) {
    t(`${m}(${v},${o},${l})`, () => { const x = w(); const r = x[m](v, o, l); return [r, x]; });
  }
}
const h = Buffer.from('this is a buffer with a test in it, a test');
for (const [v, o, e] of [['a', undefined], ['test'], ['test', 20], ['test', -5], ['test', -100], ['test', 100], ['', undefined], ['', 100], ['', -3],
  [97], [97 + 256], [Buffer.from('buffer')], [Buffer.alloc(0)], ['74657374', 0, 'hex'], ['dGVzdA==', 'base64'], ['test', 'latin1'], ['test', 'ucs2'], ['t', 'nope'], [{}],
  ['test', '5'], ['a', NaN], ['a', null], ['a', 3.9]]) {
  t(`indexOf(${show(v)},${o},${e})`, () => h.indexOf(v, o, e));
  t(`lastIndexOf(${show(v)},${o},${e})`, () => h.lastIndexOf(v, o, e));
  t(`includes(${show(v)},${o},${e})`, () => h.includes(v, o, e));
}
const u = Buffer.from('abcabc', 'ucs2');
t('ucs2 indexOf', () => [u.indexOf('b', 0, 'ucs2'), u.lastIndexOf('c', undefined, 'ucs2'), u.indexOf('bc', 3, 'ucs2')]);
const bigHay = Buffer.alloc(100000, 'xyz'); bigHay.write('needle', 77777);
t('big indexOf', () => [bigHay.indexOf('needle'), bigHay.lastIndexOf('needle'), bigHay.indexOf('needle', 80000), bigHay.lastIndexOf('needle', 77000), bigHay.indexOf(Buffer.from('zx'), 50000)]);
for (const args of [[0], ['ab'], ['ab', 2], ['ab', 2, 5], ['abc', 'hex'], ['61', 1, 'hex'], ['zz', 'hex'], [''], [Buffer.from([9, 8])], [true], [-1], [260], ['é', 'latin1'], ['€'], ['x', -1], ['x', 0, 20], ['x', 'bogus'], ['x', 1, 1], [Buffer.alloc(0)]]) {
  t(`fill(${args.map(show)})`, () => Buffer.alloc(7).fill(...args));
}
for (const args of [['hello'], ['hello', 2], ['hello', 2, 2], ['héllo', 4], ['€€€', 0, 5], ['abcd', 'hex'], ['abcd', 1, 'hex'], ['abc', 0, 3, 'ucs2'], ['x', 8], ['x', -1], ['x', 1.5], ['x', 0, 99], ['x', 'nope'], ['YWJjZGVmZ2hp', 'base64'], ['\u{1F600}', 5], ['ab', 0, 'latin1']]) {
  t(`write(${args.map(show)})`, () => { const x = Buffer.alloc(8); const r = x.write(...args); return [r, x]; });
}
t('write nonstring', () => Buffer.alloc(4).write(5));
for (const args of [[], [1], [1, 3], [-2], [-2, -1], [2, 1], [100], [undefined, 3], ['1', '3'], [NaN, 2]]) {
  t(`slice(${args})`, () => Buffer.from('abcdef').slice(...args));
  t(`subarray(${args})`, () => Buffer.from('abcdef').subarray(...args));
}
t('slice shares', () => { const a = Buffer.from('abc'); a.slice(1)[0] = 0x7a; return a.toString(); });
t('subarray is Buffer', () => Buffer.isBuffer(Buffer.from('abc').subarray(1)));
for (const args of [[], [2], [2, 1], [2, 1, 3], [0, 10], [0, 0, 100], [-1], [0, -1], [0, 0, -1], [20]]) {
  t(`copy(${args})`, () => { const s = Buffer.from('abcdef'); const tg = Buffer.alloc(5, '.'); const r = s.copy(tg, ...args); return [r, tg]; });
}
t('copy bad', () => Buffer.from('a').copy('x'));
t('copy u16', () => { const tg = new Uint16Array(2); Buffer.from([1, 2, 3, 4]).copy(tg); return Array.from(tg); });
t('swap16', () => Buffer.from([1, 2, 3, 4]).swap16());
t('swap32', () => Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]).swap32());
t('swap64', () => Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]).swap64());
t('swap16 bad', () => Buffer.from([1, 2, 3]).swap16());
t('swap32 bad', () => Buffer.from([1, 2, 3]).swap32());
t('swap64 bad', () => Buffer.from([1, 2, 3]).swap64());
t('swap16 big', () => { const x = Buffer.alloc(10000); for (let i = 0; i < x.length; i++) x[i] = i & 255; x.swap16(); return [x[0], x[1], x[9998], x[9999]]; });
t('swap64 big', () => { const x = Buffer.alloc(8192); for (let i = 0; i < x.length; i++) x[i] = i & 255; x.swap64(); return [x[0], x[7], x[8184], x[8191]]; });
t('atob', () => atob(' YW Jj\n'));
t('atob pad', () => atob('YQ=='));
t('atob bad', () => { try { atob('YQ=a'); } catch (e) { return `${e.name}:${e.message}:${e instanceof Error}`; } });
t('atob bad2', () => { try { atob('Y'); } catch (e) { return `${e.name}:${e.message}`; } });
t('atob bad3', () => { try { atob('Y€'); } catch (e) { return `${e.name}:${e.message}`; } });
t('atob none', () => atob());
t('atob undefined', () => atob(undefined));
t('atob null', () => atob(null));
t('btoa', () => btoa('héllo'));
t('btoa bad', () => { try { btoa('€'); } catch (e) { return `${e.name}:${e.message}`; } });
t('btoa num', () => btoa(123));
const blob = new Blob(['ab', Buffer.from('cd'), new Uint8Array([101]).buffer], { type: 'Text/Plain' });
t('blob', () => [blob.size, blob.type, Object.prototype.toString.call(blob)]);
t('blob slice', () => { const s = blob.slice(1, -1, 'x/y'); return [s.size, s.type]; });
blob.text().then((s) => console.log('blob text', s));
blob.slice(-2).arrayBuffer().then((ab) => console.log('blob ab', ab.byteLength, Buffer.from(ab).toString()));
t('blob bad', () => new Blob('abc'));
t('toString big', () => Buffer.alloc(100000, 'é').toString('latin1').length);
t('toLocaleString', () => Buffer.from('x').toLocaleString());
t('Uint aliases', () => [typeof Buffer.prototype.readUint16LE, typeof Buffer.prototype.writeUint32BE, typeof Buffer.prototype.readBigUint64BE, typeof Buffer.prototype.writeBigUint64LE]);
t('methods', () => ['utf8Slice', 'latin1Write', 'hexSlice', 'ucs2Slice', 'base64Write', 'asciiSlice'].map((m) => typeof Buffer.prototype[m]));
t('latin1Slice', () => Buffer.from('héllo', 'latin1').latin1Slice(1, 3));
t('hexWrite', () => { const x = Buffer.alloc(4); return [x.hexWrite('abcd', 1), x]; });
