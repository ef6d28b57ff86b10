'use strict';
// Script cachedData: produced data is accepted back by a Script of the same
// source, which runs as the source would; other data is rejected.
const vm = require('vm');

const source = 'globalThis.seen = (globalThis.seen || 0) + 1; if (fail) throw new Error("boom " + seen); seen';
const first = new vm.Script(source, { produceCachedData: true });
console.log(first.cachedDataProduced, Buffer.isBuffer(first.cachedData), first.cachedData.length > 0);
const data = first.createCachedData();

const again = new vm.Script(source, { cachedData: data });
console.log(again.cachedDataRejected);
globalThis.fail = false;
console.log(again.runInThisContext(), again.runInThisContext());
const ctx = vm.createContext({ fail: true });
try {
  again.runInContext(ctx);
} catch (err) {
  console.log(err instanceof Error, err.message, ctx.seen);
}
for (const view of [new Uint8Array(data), new DataView(data.buffer, data.byteOffset, data.byteLength)]) {
  console.log(new vm.Script(source, { cachedData: view }).cachedDataRejected);
}

// (V8 consults cached data only for a source it has not compiled yet.)
console.log(new vm.Script(`${source} // another`, { cachedData: data }).cachedDataRejected);
const other = new vm.Script('"other"', { cachedData: Buffer.from('not a cache') });
console.log(other.cachedDataRejected, other.runInThisContext());
