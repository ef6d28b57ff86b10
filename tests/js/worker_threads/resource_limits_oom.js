// A worker that outgrows resourceLimits ends with exit code 1 and its
// Worker's ERR_WORKER_OUT_OF_MEMORY error (nothing printed by the worker).
'use strict';
const { Worker } = require('worker_threads');
const w = new Worker(`const a = []; while (true) a.push([a, 'x'.repeat(100)]);`, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 } });
w.on('error', (e) => console.log('error', e.name, e.code, e.message));
w.on('exit', (c) => console.log('exit', c));
