'use strict';
// The CommonJS loader's less common paths: cycles, extension handlers,
// wrapper patching, deprecations, resolution errors.
const fs = require('fs');
const os = require('os');
const path = require('path');
const Module = require('module');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodeshim-loader-'));
const rel = (s) => String(s).split(dir).join('<tmp>');
const write = (name, text) => {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
};

const warnings = [];
process.on('warning', (w) => warnings.push(`${w.name} ${w.code || ''} ${rel(w.message)}`));

// A read of a property the unfinished module has not exported (only that).
write('cyc-a.js', "exports.early = 1; require('./cyc-b.js'); exports.late = 2;");
write('cyc-b.js', "const a = require('./cyc-a.js'); module.exports = [a.early, a.missing, a.__esModule, typeof a.toString];");
const a = require(path.join(dir, 'cyc-a.js'));
console.log(require(path.join(dir, 'cyc-b.js')), Object.getPrototypeOf(a) === Object.prototype, a.other);

// The longest registered extension wins; a dotfile's leading dot is no extension.
write('thing.foo.bar', 'module.exports = "plain";');
write('.bar', 'module.exports = "dotfile";');
require.extensions['.foo.bar'] = (m, f) => { m.exports = `foo.bar handler for ${path.basename(f)}`; };
require.extensions['.bar'] = (m, f) => { m.exports = `bar handler for ${path.basename(f)}`; };
console.log(require(path.join(dir, 'thing.foo.bar')), require(path.join(dir, '.bar')));
delete require.extensions['.foo.bar'];
delete require.extensions['.bar'];

// A patched wrapper is used for modules loaded afterwards.
const original = Module.wrapper[0];
Module.wrapper[0] += 'exports.injected = true;';
write('wrapped.js', 'exports.own = 1;');
console.log(require(path.join(dir, 'wrapped.js')));
Module.wrapper[0] = original;

// An invalid "main" falls back to index.js with DEP0128.
write('badmain/package.json', '{"main": "nope.js"}');
write('badmain/index.js', 'module.exports = "index";');
console.log(require(path.join(dir, 'badmain')));

// Resolution errors and builtins.
for (const bad of [1, null, {}]) {
  try { require.resolve(bad); } catch (e) { console.log(e.code, e.message); }
  try { require.resolve.paths(bad); } catch (e) { console.log(e.code, e.message); }
}
try { require.resolve('node:no-such-builtin'); } catch (e) { console.log(e.code); }
try { require('node:no-such-builtin'); } catch (e) { console.log(e.code, e.message); }
console.log(require.resolve('node:fs'), require.resolve.paths('node:fs'), Module.isBuiltin('sys'),
            Module.builtinModules.includes('sys'), Module.isBuiltin('node:test'), Module.isBuiltin('test'));
console.log(Module._stat(dir), Module._stat(path.join(dir, 'wrapped.js')), Module._stat(path.join(dir, 'none')) < 0);

// A file that is no shared object, as dlopen reports it.
write('short.node', 'abc');
try { require(path.join(dir, 'short.node')); } catch (e) { console.log(e.code, rel(e.message)); }

// A file created after a failed require is found by the next one.
const later = path.join(dir, 'later.json');
try { require(later); } catch (e) { console.log(e.code); }
fs.writeFileSync(later, '[1]');
console.log(require(later));

// A relative require keeps working after the requiring module's directory is gone.
write('top.js', 'module.exports = 42;');
const getTop = require(write('sub/get.js', "module.exports = () => require('../top.js');"));
fs.rmSync(path.join(dir, 'sub'), { recursive: true });
console.log(getTop());

console.log(module.parent, Object.hasOwn(module, 'parent'), 'parent' in module);
console.log(Object.hasOwn(require, 'main'), Object.hasOwn(require, 'cache'), require.main === module);

process.on('exit', () => {
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(warnings.join('\n'));
});
require('sys');
