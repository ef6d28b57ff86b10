// ES modules: builtins, CommonJS interop, import.meta, dynamic import.
import path from 'node:path';
import { join } from 'path';
import cjs, { name } from './fixtures/cjs/a.js';
import * as ns from './fixtures/esm/lib.mjs';
console.log(path.join('a', 'b') === join('a', 'b'), cjs.name, name);
console.log(ns.value, ns.default);
console.log(path.basename(import.meta.filename), import.meta.url.startsWith('file:///'));
const dyn = await import('./fixtures/esm/lib.mjs');
console.log(dyn === ns || dyn.value === ns.value);
