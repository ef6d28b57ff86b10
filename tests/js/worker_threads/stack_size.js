'use strict';
// resourceLimits.stackSizeMb sizes a worker's stack: a deeper recursion
// fits in more stack, and running out is V8's RangeError for the Worker.
const { Worker } = require('worker_threads');

function depthWith(stackSizeMb) {
  return new Promise((resolve) => {
    const depth = new Int32Array(new SharedArrayBuffer(4));
    new Worker(`
      const { workerData: depth } = require('worker_threads');
      function f() { depth[0]++; f(); }
      f();
    `, { eval: true, workerData: depth, resourceLimits: { stackSizeMb } })
      .on('error', (err) => resolve([err.name, err.message, depth[0]]));
  });
}

(async () => {
  const [name, message, small] = await depthWith(1);
  const [, , large] = await depthWith(2);
  const [, , huge] = await depthWith(32);
  console.log(name, message);
  console.log('2 MB goes deeper than 1 MB:', large > small * 1.4);
  console.log('32 MB goes deeper than 2 MB:', huge > large * 4);
})();
