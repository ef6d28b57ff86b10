'use strict';
// Garbage-collection helpers. Tests using them run with --expose-gc, which
// provides global.gc(). Collection is observed with a FinalizationRegistry.

const registry = new FinalizationRegistry((listener) => listener.ongc());

function onGC(obj, gcListener) {
  registry.register(obj, gcListener);
}

function nextImmediate() {
  return new Promise((resolve) => setImmediate(resolve));
}

async function gcUntil(name, condition, maxCount = 10, gcOptions) {
  if (typeof name === 'function') {
    gcOptions = maxCount;
    maxCount = condition;
    condition = name;
    name = undefined;
  }
  if (typeof maxCount !== 'number') maxCount = 10;
  for (let n = 0; n < maxCount; n++) {
    await nextImmediate();
    if (gcOptions) await globalThis.gc(gcOptions);
    else await globalThis.gc();
    if (condition()) return;
  }
  throw new Error(`Test ${name || 'condition'} failed after ${maxCount} garbage collections`);
}

// Calls fn `repeat` times, yielding to the event loop every `waitTime` ms,
// then resolves.
function runAndBreathe(fn, repeat, waitTime = 20) {
  return new Promise((resolve, reject) => {
    let left = repeat;
    const step = async () => {
      try {
        for (let i = 0; i < 10 && left > 0; i++, left--) await fn();
      } catch (err) {
        reject(err);
        return;
      }
      if (left > 0) setTimeout(step, waitTime);
      else resolve();
    };
    step();
  });
}

// Creates objects with fn() until some of them are collected (or gives up).
async function checkIfCollectable(fn, maxCount = 4096, generations = 10, logEvery = 128) {
  let collected = 0;
  const reg = new FinalizationRegistry(() => { collected++; });
  for (let g = 0; g < generations && collected === 0; g++) {
    for (let i = 0; i < maxCount / generations; i++) {
      const obj = await fn(i);
      if (obj !== null && (typeof obj === 'object' || typeof obj === 'function'))
        reg.register(obj, i);
      if (logEvery && i % logEvery === 0) await nextImmediate();
    }
    if (globalThis.gc) await globalThis.gc();
    await nextImmediate();
  }
  if (collected === 0) throw new Error('No objects were collected');
}

async function checkIfCollectableByCounting(fn, ctor, count, waitTime = 20) {
  const { queryObjects } = require('v8');
  const before = queryObjects(ctor, { format: 'count' });
  await runAndBreathe(() => fn(), count, waitTime);
  if (globalThis.gc) await globalThis.gc();
  const after = queryObjects(ctor, { format: 'count' });
  if (after - before >= count) throw new Error(`${ctor.name} instances were not collected`);
}



module.exports = {
  checkIfCollectable,
  checkIfCollectableByCounting,
  gcUntil,
  onGC,
  runAndBreathe,
};
