// Stream behaviour: chunk boundaries, flush kinds, params, bytesWritten,
// reset, close during data, pipes and CompressionStream.
'use strict';
const zlib = require('zlib');
const { pipeline, Readable } = require('stream');

const text = Buffer.from(Array.from({ length: 5000 }, (_, i) => `entry ${i} ${'q'.repeat(i % 13)}\n`).join(''));

function collect(stream, label, done) {
  const sizes = [];
  stream.on('data', (d) => sizes.push(d.length));
  stream.on('end', () => {
    console.log(label, sizes.length, sizes.slice(0, 4).join(' '), sizes.reduce((a, b) => a + b, 0));
    if (done) done();
  });
}

const steps = [];
const next = () => { const s = steps.shift(); if (s) s(); };

steps.push(() => {
  const inf = zlib.createInflate({ chunkSize: 1024 });
  collect(inf, 'inflate chunks', next);
  inf.end(zlib.deflateSync(text));
});

steps.push(() => {
  // Fed in pieces: only the total is comparable (zlib builds differ in how
  // much output each piece releases).
  const inf = zlib.createGunzip({ chunkSize: 4096 });
  let total = 0;
  inf.on('data', (d) => { total += d.length; });
  inf.on('end', () => { console.log('gunzip pieces', total); next(); });
  const packed = zlib.gzipSync(text);
  for (let i = 0; i < packed.length; i += 777) inf.write(packed.subarray(i, i + 777));
  inf.end();
});

steps.push(() => {
  // Each flush makes everything written so far decodable.
  const def = zlib.createDeflate();
  const out = [];
  def.on('data', (d) => out.push(d));
  def.write('first part ');
  def.flush(zlib.constants.Z_SYNC_FLUSH, () => {
    const got = zlib.inflateSync(Buffer.concat(out), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
    console.log('after sync flush', JSON.stringify(got.toString()), def.bytesWritten);
    def.params(9, zlib.constants.Z_FILTERED, () => {
      console.log('params', def._level, def._strategy);
      def.write('second part');
      def.flush(() => {
        def.end('!');
        def.on('end', () => {
          console.log('whole', JSON.stringify(zlib.inflateSync(Buffer.concat(out)).toString()), def.bytesWritten);
          next();
        });
      });
    });
  });
});

steps.push(() => {
  // Input the compressor holds (not yet flushed) is dropped by reset().
  const def = zlib.createDeflateRaw();
  const out = [];
  def.on('data', (d) => out.push(d));
  def.write('abc', () => {
    def.reset();
    def.end('xyz');
    def.on('end', () => {
      console.log('after reset', zlib.inflateRawSync(Buffer.concat(out)).toString());
      next();
    });
  });
});

steps.push(() => {
  const inf = zlib.createInflate({ chunkSize: 64 });
  let n = 0;
  inf.on('data', () => { if (++n === 2) inf.close(() => console.log('closed in data', n, inf._handle, inf.destroyed)); });
  inf.on('close', () => setImmediate(next));
  inf.end(zlib.deflateSync(text));
});

steps.push(() => {
  const inf = zlib.createInflate();
  inf.on('error', (err) => {
    console.log('stream error', err.code, err.errno, err.message, inf.destroyed);
    next();
  });
  inf.end(Buffer.from('definitely not zlib'));
});

steps.push(() => {
  const inf = zlib.createInflate();
  collect(inf, 'extra after end', () => { console.log('bytesWritten', inf.bytesWritten); next(); });
  inf.write(Buffer.concat([zlib.deflateSync('hello'), Buffer.from('extra')]));
});

steps.push(() => {
  pipeline(Readable.from([text.subarray(0, 30000), text.subarray(30000)]), zlib.createGzip(),
           zlib.createGunzip(), zlib.createBrotliCompress(), zlib.createBrotliDecompress(),
           async function(source) {
             const parts = [];
             for await (const c of source) parts.push(c);
             console.log('pipeline', Buffer.concat(parts).equals(text));
           }, (err) => { console.log('pipeline done', err); next(); });
});

steps.push(async () => {
  for (const format of ['gzip', 'deflate', 'deflate-raw']) {
    const parts = [];
    for await (const c of new Blob([text]).stream().pipeThrough(new CompressionStream(format))
      .pipeThrough(new DecompressionStream(format))) parts.push(c);
    console.log('web', format, Buffer.concat(parts).equals(text));
  }
  try {
    new CompressionStream('br');
  } catch (err) {
    console.log(err.code, err.message);
  }
  console.log(Object.prototype.toString.call(new DecompressionStream('gzip')));
  const ds = new DecompressionStream('gzip');
  const writer = ds.writable.getWriter();
  writer.write(new Uint8Array([1, 2, 3])).catch(() => {});
  writer.close().catch(() => {});
  try {
    for await (const c of ds.readable) console.log(c);
  } catch (err) {
    console.log('web error', err.code, err.message);
  }
  next();
});

next();
