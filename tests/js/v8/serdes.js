'use strict';
// node:v8's wire format byte for byte, round trips, the Serializer and
// Deserializer API and its errors, and the shape of the heap statistics.
const v8 = require('v8');
const util = require('util');

const shared = {};
const values = [
  1, -1, 2 ** 31 - 1, 2 ** 31, -0, 1.5, NaN, 123n, -(2n ** 64n), 0n,
  'abc', 'é', '中', ['a', '中', 'b'], '', undefined, null, true, false,
  { a: 1, 2: 3, 'x y': [] }, [1, 2], [1, , 3], new Array(2), Object.assign([1], { x: 2 }),
  new Map([[1, 2], ['k', { v: 1 }]]), new Set([1, 'a']), new Date(0), /a/gimsuyd, /b/,
  [Object(true), Object(false), Object(1), Object('s'), Object(2n)],
  new ArrayBuffer(2), new Uint8Array([1, 2]), Buffer.from([1, 2]), new BigInt64Array(1),
  new DataView(new ArrayBuffer(2)), new Float64Array([0.5]), new Int16Array([-1, 2]),
  [shared, shared], { __proto__: null, n: 1 }, new (class Foo { constructor() { this.a = 1; } })(),
  new ArrayBuffer(2, { maxByteLength: 4 }),
];
for (const value of values) {
  const bytes = v8.serialize(value);
  const back = v8.deserialize(bytes);
  console.log(bytes.toString('hex'), util.inspect(back, { depth: 4 }));
}

const errors = [new Error('plain'), new RangeError('r'), new TypeError('t', { cause: 'c' })];
for (const err of errors) {
  const back = v8.deserialize(v8.serialize(err));
  console.log(Object.getPrototypeOf(back).name, back.message, back.cause, typeof back.stack,
              back.stack === err.stack);
}

for (const bad of [function foo() {}, Symbol('s'), new Proxy({}, {}), new WeakMap(),
  Promise.resolve(), { nested: [() => 1] }]) {
  try {
    v8.serialize(bad);
  } catch (e) {
    console.log(e.constructor.name, e.message);
  }
}

// Plain Serializer: views are written with their buffer.
{
  const ser = new v8.Serializer();
  ser.writeHeader();
  const u8 = new Uint8Array([1, 2, 3, 4]);
  ser.writeValue([u8, u8.subarray(1, 3)]);
  ser.writeUint32(300);
  ser.writeUint64(1, 2);
  ser.writeDouble(-0.25);
  ser.writeRawBytes(Buffer.from('raw'));
  const buf = ser.releaseBuffer();
  console.log(buf.toString('hex'));
  const des = new v8.Deserializer(buf);
  console.log(des.readHeader(), des.getWireFormatVersion());
  const [a, b] = des.readValue();
  console.log(a, b, a.buffer === b.buffer);
  console.log(des.readUint32(), des.readUint64(), des.readDouble(), des.readRawBytes(3).toString());
  try {
    des.readDouble();
  } catch (e) {
    console.log(e.message);
  }
}

// Transferred buffers travel by id.
{
  const ab = new ArrayBuffer(4);
  const ser = new v8.Serializer();
  ser.writeHeader();
  ser.transferArrayBuffer(7, ab);
  ser.writeValue({ ab });
  const buf = ser.releaseBuffer();
  console.log(buf.toString('hex'));
  const des = new v8.Deserializer(buf);
  des.readHeader();
  const other = new ArrayBuffer(8);
  des.transferArrayBuffer(7, other);
  console.log(des.readValue().ab === other);
}

// A custom error factory and host-object hooks.
{
  const ser = new v8.DefaultSerializer();
  ser._getDataCloneError = (message) => new RangeError(`custom: ${message}`);
  try {
    ser.writeValue(() => {});
  } catch (e) {
    console.log(e.name, e.message);
  }
}

for (const make of [() => v8.Serializer(), () => v8.Deserializer(), () => new v8.Deserializer('x'),
  () => new v8.Serializer().writeRawBytes('x'), () => new v8.Serializer().transferArrayBuffer(1, {}),
  () => v8.deserialize(Buffer.from('ff0c4902', 'hex')), () => v8.deserialize(Buffer.from('4902', 'hex')),
  () => v8.deserialize(Buffer.from('ff0f6f', 'hex')), () => v8.deserialize(Buffer.from('ff0f5e05', 'hex')),
  () => v8.setFlagsFromString(1), () => v8.startupSnapshot.addSerializeCallback(() => {})]) {
  try {
    make();
    console.log('no error');
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
console.log(v8.deserialize(Buffer.from('ff0d6f2203666f6f5e007b01', 'hex')));
console.log(v8.startupSnapshot.isBuildingSnapshot());

const stats = v8.getHeapStatistics();
console.log(Object.keys(stats).join(), Object.values(stats).every((n) => typeof n === 'number'));
console.log(stats.used_heap_size > 0, stats.total_heap_size >= stats.used_heap_size,
            stats.heap_size_limit > stats.total_heap_size);
console.log(Object.keys(v8.getHeapCodeStatistics()).join());
const spaces = v8.getHeapSpaceStatistics();
console.log(spaces.length > 0, Object.keys(spaces[0]).join());
const tag = v8.cachedDataVersionTag();
console.log(typeof tag, tag === v8.cachedDataVersionTag());
v8.setFlagsFromString('--allow_natives_syntax');
console.log(tag !== v8.cachedDataVersionTag());
