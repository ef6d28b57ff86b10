// Brotli after its end, trailing bytes, params() on an ended stream, destroy
// while a write is in progress.
'use strict';
const zlib = require('zlib');
const { constants: C } = zlib;
const steps = [];
const next = () => { const s = steps.shift(); if (s) setImmediate(s); };
function track(s, label) {
  const chunks = [];
  s.on('data', (d) => chunks.push(d));
  s.on('error', (e) => console.log(label, 'error', e.code, e.errno, e.message));
  s.on('end', () => console.log(label, 'end', Buffer.concat(chunks).length, s.bytesWritten));
  s.on('close', () => { console.log(label, 'close'); next(); });
  return chunks;
}
steps.push(() => {
  const b = zlib.createBrotliCompress();
  track(b, 'brotli-finish-then-write');
  b.write('abc');
  b.flush(C.BROTLI_OPERATION_FINISH, () => { b.write('more'); b.end(); });
});
steps.push(() => {
  const b = zlib.createBrotliDecompress();
  track(b, 'brotli-extra');
  b.write(Buffer.concat([zlib.brotliCompressSync('hello'), Buffer.from('extra')]));
  b.end(Buffer.from('more'));
});
steps.push(() => {
  // Only the message: the brotli package does not say which format error it met.
  const b = zlib.createBrotliDecompress();
  b.on('error', (e) => { console.log('brotli-garbage', e.message); next(); });
  b.end(Buffer.from('this is not brotli data at all, no'));
});
steps.push(() => {
  const b = zlib.createInflateRaw();
  track(b, 'raw-extra');
  b.end(Buffer.concat([zlib.deflateRawSync('hello'), Buffer.from('extra')]));
});
steps.push(() => {
  const d = zlib.createDeflate();
  track(d, 'params-after-end');
  d.end('abc', () => {
    try { d.params(1, 0, () => console.log('params cb')); } catch (e) { console.log('params threw', e.code, e.message); }
  });
});
steps.push(() => {
  const d = zlib.createGzip();
  track(d, 'destroy-mid');
  d.write(Buffer.alloc(200000, 'a'), () => console.log('write cb'));
  d.destroy();
});
next();
