'use strict';
// Leaving a for-await over a Readable with break: the stream is destroyed
// (or kept, with destroyOnReturn: false) by the time the next line runs.
const { Readable } = require('stream');

function source() {
  return Readable.from((async function* () {
    await null;
    yield 'a';
    await null;
    yield 'b';
  })());
}

(async () => {
  const r1 = source();
  for await (const chunk of r1) {
    console.log('chunk', chunk);
    break;
  }
  console.log('default destroyed', r1.destroyed);

  const r2 = source();
  for await (const chunk of r2.iterator({ destroyOnReturn: false })) {
    console.log('chunk', chunk);
    break;
  }
  console.log('kept destroyed', r2.destroyed);
  for await (const chunk of r2) console.log('rest', chunk);

  const r3 = source();
  const it = r3[Symbol.asyncIterator]();
  // return() before the first next(): nothing started, nothing destroyed.
  console.log(await it.return(), r3.destroyed);
})();
