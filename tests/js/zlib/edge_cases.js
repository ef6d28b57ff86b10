// Edge cases of the stream life cycle: writes after a finish flush, flush kinds,
// reset, params, close, trailing bytes after a stream, gzip members.
'use strict';
const zlib = require('zlib');
const { constants: C } = zlib;
const steps = [];
const next = () => { const s = steps.shift(); if (s) setImmediate(s); };
function track(s, label) {
  const chunks = [];
  s.on('data', (d) => chunks.push(d));
  s.on('error', (e) => console.log(label, 'error', e.code, e.message));
  s.on('end', () => console.log(label, 'end', Buffer.concat(chunks).length, s.bytesWritten));
  s.on('close', () => { console.log(label, 'close'); next(); });
  return chunks;
}
steps.push(() => {
  const d = zlib.createDeflate();
  const chunks = track(d, 'finish-then-write');
  d.write('abc');
  d.flush(C.Z_FINISH, () => {
    console.log('flushed', Buffer.concat(chunks).length);
    d.write('more', (err) => console.log('write cb', err));
    d.end();
  });
});
steps.push(() => {
  const d = zlib.createDeflate({ flush: C.Z_SYNC_FLUSH });
  const chunks = track(d, 'syncflush-default');
  d.write('abc', () => { console.log('after write', Buffer.concat(chunks).length > 2); d.end(); });
});
steps.push(() => {
  const d = zlib.createDeflateRaw();
  const chunks = track(d, 'block/partial');
  d.write('hello hello hello');
  d.flush(C.Z_BLOCK, () => {
    d.flush(C.Z_PARTIAL_FLUSH, () => {
      console.log('partial decodes', zlib.inflateRawSync(Buffer.concat(chunks), { finishFlush: C.Z_SYNC_FLUSH }).toString());
      d.end();
    });
  });
});
steps.push(() => {
  const i = zlib.createInflate();
  track(i, 'inflate-reset');
  const packed = zlib.deflateSync('hello world');
  i.write(packed.subarray(0, 5), () => {
    i.reset();
    i.end(packed);
  });
});
steps.push(() => {
  const d = zlib.createDeflate({ level: 3 });
  d.params(3, 0, () => { console.log('same params cb'); d.end('x'); });
  track(d, 'same-params');
});
steps.push(() => {
  const g = zlib.createGzip();
  track(g, 'write-after-end');
  g.end('x');
  g.write('y', (err) => console.log('cb', err && err.code));
});
steps.push(() => {
  const b = zlib.createBrotliCompress();
  const chunks = track(b, 'brotli-flush');
  b.write('hello brotli');
  b.flush(() => {
    console.log('brotli flushed decodes', zlib.brotliDecompressSync(Buffer.concat(chunks), { finishFlush: C.BROTLI_OPERATION_FLUSH }).toString());
    b.end();
  });
});
steps.push(() => {
  const u = zlib.createUnzip();
  track(u, 'unzip-garbage-after-gzip');
  u.end(Buffer.concat([zlib.gzipSync('abc'), Buffer.from('garbage')]));
});
steps.push(() => {
  const u = zlib.createInflate();
  track(u, 'empty-end');
  u.end();
});
steps.push(() => {
  const d = zlib.createDeflate();
  const r = d._processChunk(Buffer.from('sync chunk'), C.Z_FINISH);
  console.log('_processChunk', zlib.inflateSync(r).toString(), d._closed);
  const d2 = zlib.createDeflate();
  d2._processChunk(Buffer.from('cb chunk'), C.Z_FINISH, () => { console.log('_processChunk cb'); next(); });
});
steps.push(() => {
  try { zlib.createDeflate().close(); } catch (e) { console.log(e); }
  const d = zlib.createDeflate();
  d.close(() => console.log('close cb'));
  d.close();
  try { d.reset(); } catch (e) { console.log('reset closed', e.message); }
  setTimeout(next, 10);
});
steps.push(() => {
  const g = zlib.createGunzip();
  track(g, 'gunzip-trailing-zero-then-more');
  g.write(Buffer.concat([zlib.gzipSync('abc'), Buffer.alloc(3)]));
  g.end(zlib.gzipSync('def'));
});
next();
