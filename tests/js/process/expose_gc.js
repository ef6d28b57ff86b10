'use strict';
// --expose-gc: a global gc() that collects unreachable cycles (a
// FinalizationRegistry sees them go); without the flag there is no gc.
const { spawnSync } = require('child_process');

if (process.argv[2] === 'child') {
  const d = Object.getOwnPropertyDescriptor(globalThis, 'gc');
  console.log(typeof gc, d.writable, d.enumerable, d.configurable, gc());
  console.log(gc({ type: 'major', execution: 'async' }) instanceof Promise);
  const registry = new FinalizationRegistry((held) => console.log('collected', held));
  (function makeCycle() {
    const a = {};
    a.self = a;
    registry.register(a, 'cycle');
  })();
  gc();
  setTimeout(() => console.log('after'), 100);
} else if (process.argv[2] === 'plain') {
  console.log(typeof globalThis.gc);
} else {
  for (const flags of [['--expose-gc'], ['--expose_gc'], []]) {
    const r = spawnSync(process.execPath, [...flags, __filename, flags.length ? 'child' : 'plain'],
                        { encoding: 'utf8' });
    console.log(flags.join(' ') || '(none)', JSON.stringify(r.stdout), r.status);
  }
}
