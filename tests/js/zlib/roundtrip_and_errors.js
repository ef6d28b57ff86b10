// Round trips through every format, Node's error objects for bad input,
// gzip members, trailing data, maxOutputLength and the info option.
'use strict';
const zlib = require('zlib');

const text = Buffer.from(Array.from({ length: 2000 }, (_, i) => `row ${i} ${'xy'.repeat(i % 9)}\n`).join(''));

function show(label, err) {
  console.log(label, err.name, err.code, err.errno, JSON.stringify(err.message));
}

for (const [c, d] of [['deflateSync', 'inflateSync'], ['gzipSync', 'gunzipSync'],
  ['deflateRawSync', 'inflateRawSync'], ['gzipSync', 'unzipSync'], ['deflateSync', 'unzipSync'],
  ['brotliCompressSync', 'brotliDecompressSync']]) {
  const packed = zlib[c](text);
  console.log(c, d, zlib[d](packed).equals(text), Buffer.isBuffer(packed));
}

for (const [fn, input] of [['inflateSync', Buffer.from('garbage')], ['gunzipSync', Buffer.from('garbage')],
  ['inflateSync', zlib.deflateSync(text).subarray(0, 50)], ['gunzipSync', Buffer.alloc(0)],
  ['inflateRawSync', Buffer.from([0xff, 0xff, 0xff])], ['brotliDecompressSync', zlib.brotliCompressSync(text).subarray(0, 20)],
  ['unzipSync', Buffer.from([0x1f, 0x8b, 0x08, 0x00])]]) {
  try {
    zlib[fn](input);
    console.log(fn, 'no error');
  } catch (err) {
    show(fn, err);
  }
}

const members = Buffer.concat([zlib.gzipSync('abc'), zlib.gzipSync('def'), Buffer.alloc(4)]);
console.log('members', zlib.gunzipSync(members).toString(), zlib.unzipSync(members).toString());
try {
  zlib.gunzipSync(Buffer.concat([zlib.gzipSync('abc'), Buffer.from('xyz')]));
} catch (err) {
  show('trailing', err);
}
console.log('inflate ignores trailing', zlib.inflateSync(Buffer.concat([zlib.deflateSync('abc'), Buffer.from('xyz')])).toString());

try {
  zlib.inflateSync(zlib.deflateSync(Buffer.alloc(100000)), { maxOutputLength: 1000 });
} catch (err) {
  show('maxOutputLength', err);
}
const info = zlib.deflateSync('hello', { info: true });
console.log('info', Object.keys(info), info.engine.constructor.name, info.engine.bytesWritten,
            info.engine._closed, info.engine._handle);

console.log('truncated with sync flush', zlib.inflateSync(zlib.deflateSync(text).subarray(0, 200),
                                                          { finishFlush: zlib.constants.Z_SYNC_FLUSH }).length > 0);
console.log('windowBits 0', zlib.inflateSync(zlib.deflateSync(text, { windowBits: 10 }), { windowBits: 0 }).equals(text));
try {
  zlib.inflateSync(zlib.deflateSync(text, { windowBits: 15 }), { windowBits: 9 });
} catch (err) {
  show('window too small', err);
}
const dict = Buffer.from('row xyxyxy');
console.log('dictionary', zlib.inflateSync(zlib.deflateSync(text, { dictionary: dict }), { dictionary: dict }).equals(text));
console.log('raw dictionary', zlib.inflateRawSync(zlib.deflateRawSync(text, { dictionary: dict }), { dictionary: dict }).equals(text));
try {
  zlib.inflateSync(zlib.deflateSync(text, { dictionary: dict }));
} catch (err) {
  show('no dictionary', err);
}

// Asynchronous calls one after another: their relative order is not fixed in Node.
const asyncSteps = [
  (done) => zlib.gunzip(zlib.gzipSync(Buffer.alloc(100000)), { maxOutputLength: 1000 }, (err, res) => {
    show('async maxOutputLength', err);
    console.log('result', res);
    done();
  }),
  (done) => zlib.inflate(zlib.deflateSync(text), (err, out) => { console.log('async inflate', err, out.equals(text)); done(); }),
  (done) => zlib.gunzip(Buffer.from('not gzip'), (err, out) => { show('async gunzip', err); console.log(out); done(); }),
  (done) => zlib.deflate(new Uint16Array([1, 2, 3]), (err, out) => { console.log('typed array', zlib.inflateSync(out)); done(); }),
  (done) => zlib.deflate(new DataView(new ArrayBuffer(4)), (err, out) => { console.log('dataview', zlib.inflateSync(out)); done(); }),
  (done) => zlib.deflate(new ArrayBuffer(3), (err, out) => { console.log('arraybuffer', zlib.inflateSync(out)); done(); }),
  // Large enough that the binding works in a worker thread.
  (done) => {
    const big = Buffer.concat(Array.from({ length: 40 }, () => text));
    zlib.gzip(big, (err, packed) => zlib.gunzip(packed, { chunkSize: 1 << 16 }, (err2, back) => {
      console.log('large async', err, err2, back.equals(big));
      done();
    }));
  },
  (done) => zlib.brotliCompress(text, (err, out) => zlib.brotliDecompress(out, (err2, back) => {
    console.log('brotli async', err, err2, back.equals(text));
    done();
  })),
];
(function run() {
  const step = asyncSteps.shift();
  if (step) step(run);
})();
