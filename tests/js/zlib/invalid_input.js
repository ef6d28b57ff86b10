// What the convenience functions and write() do with input that is not bytes:
// the async form leaves it to the stream (null ends it), the sync form throws.
const zlib = require('zlib');
for (const v of [42, null, undefined, {}, [1, 2], true]) {
  try { zlib.deflate(v, () => console.log('cb called')); } catch (e) { console.log('async', e.code, e.message); }
  try { zlib.deflateSync(v); } catch (e) { console.log('sync', e.code, e.message); }
}
try { zlib.deflate('x', 'notfn'); } catch (e) { console.log(e.code, e.message); }
const d = zlib.createDeflate();
try { d.write(42); } catch (e) { console.log('write', e.code, e.message); }
zlib.deflate(new Float64Array([1.5]), (e, r) => console.log('f64', zlib.inflateSync(r).length));
