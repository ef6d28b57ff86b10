'use strict';
// Buffer argument checks: brand-checked ArrayBuffers, BigInt writes of
// non-BigInts, offset required by writeIntLE/BE, the DEP0005 warning.
const show = (fn) => {
  try {
    console.log('ok', fn());
  } catch (e) {
    console.log(e.name, e.code, e.code ? e.message : '');
  }
};

function AB() {}
Object.setPrototypeOf(AB, ArrayBuffer);
Object.setPrototypeOf(AB.prototype, ArrayBuffer.prototype);
show(() => Buffer.from(new AB()));
show(() => Buffer.from(new ArrayBuffer(3)).length);

const b = Buffer.alloc(8);
show(() => b.writeBigInt64LE('bad', 0));
show(() => b.writeBigUInt64BE(5, 0));
show(() => b.writeBigInt64LE(-1n, 0) && b.toString('hex'));
show(() => b.writeIntLE(1, undefined, 3));
show(() => b.writeUIntBE(1, undefined, 3));
show(() => b.writeIntLE(1, 0, 3));

process.on('warning', (w) => console.log('warning', w.name, w.code, w.message));
new Buffer(2);
Buffer(3);
setImmediate(() => console.log('done'));
