// Option and argument checks: Node's error codes and messages.
'use strict';
const zlib = require('zlib');

function attempt(label, fn) {
  try {
    fn();
    console.log(label, 'ok');
  } catch (err) {
    console.log(label, err.name, err.code, err.message);
  }
}

attempt('chunkSize', () => zlib.createDeflate({ chunkSize: 10 }));
attempt('chunkSize NaN', () => zlib.createDeflate({ chunkSize: NaN }));
attempt('windowBits str', () => zlib.createDeflate({ windowBits: '9' }));
attempt('windowBits inf', () => zlib.createDeflate({ windowBits: Infinity }));
attempt('gzip windowBits 8', () => zlib.createGzip({ windowBits: 8 }));
attempt('raw windowBits 8', () => zlib.createDeflateRaw({ windowBits: 8 }));
attempt('inflate windowBits 0', () => zlib.createInflate({ windowBits: 0 }));
attempt('level', () => zlib.createDeflate({ level: 10 }));
attempt('memLevel', () => zlib.createDeflate({ memLevel: 0 }));
attempt('strategy', () => zlib.createDeflate({ strategy: 5 }));
attempt('flush', () => zlib.createDeflate({ flush: 6 }));
attempt('finishFlush', () => zlib.createDeflate({ finishFlush: -1 }));
attempt('maxOutputLength', () => zlib.createInflate({ maxOutputLength: 0 }));
attempt('dictionary', () => zlib.createDeflate({ dictionary: 'abc' }));
attempt('brotli param', () => zlib.createBrotliCompress({ params: { 99: 1 } }));
attempt('brotli value', () => zlib.createBrotliCompress({ params: { 1: 'x' } }));
attempt('brotli bool flag', () => zlib.createBrotliCompress({ params: { 4: 3 } }));
attempt('brotli flush', () => zlib.createBrotliCompress({ flush: zlib.constants.Z_FINISH }));
attempt('input type', () => zlib.deflateSync(42));
attempt('callback', () => zlib.deflate('x'));
attempt('params level', () => zlib.createDeflate().params(12, 0, () => {}));
attempt('crc32 type', () => zlib.crc32(12));
attempt('crc32 value', () => zlib.crc32('a', -1));
attempt('without new', () => console.log(zlib.Deflate() instanceof zlib.Deflate, zlib.Gunzip() instanceof zlib.Gunzip));

console.log('crc32', zlib.crc32('hello'), zlib.crc32(Buffer.from('world'), zlib.crc32('hello ')),
            zlib.crc32(new Uint8Array(0)), zlib.crc32('', 7));
console.log('codes', zlib.codes.Z_DATA_ERROR, zlib.codes[-3], Object.isFrozen(zlib.codes));
console.log('legacy', zlib.Z_SYNC_FLUSH, zlib.GUNZIP, zlib.BROTLI_OPERATION_FLUSH, Object.keys(zlib).includes('Z_OK'));
console.log('constants', Object.keys(zlib.constants).filter((k) => k !== 'ZLIB_VERNUM').join(','));
console.log('exports', Object.keys(zlib).join(','));
const d = zlib.createDeflate({ level: 3, strategy: 1 });
console.log('fields', d._level, d._strategy, d._chunkSize, d._defaultFlushFlag, d._finishFlushFlag,
            d._defaultFullFlushFlag, d._maxOutputLength, d.bytesWritten, d._closed);
console.log('inheritance', d instanceof require('stream').Transform, Object.getPrototypeOf(zlib.Deflate.prototype) ===
            Object.getPrototypeOf(zlib.Inflate.prototype));
