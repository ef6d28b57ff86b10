// The entry points: a file, -e/--eval, -p/--print, or a script on stdin.
'use strict';

const path = require('path');

// node -e/-p: the public builtins are globals (`http`, `fs` ...), loaded on
// first use and replaceable by assignment, as Node's addBuiltinLibsToObject.
function addBuiltinLibsToObject(object) {
  const { Module } = require('internal/modules/cjs/loader');
  for (const name of Module.builtinModules) {
    if (name.startsWith('_') || name.includes('/') || name.startsWith('node:')) continue;
    if (Object.prototype.hasOwnProperty.call(object, name)) continue;
    const setReal = (value) => {
      Object.defineProperty(object, name, {
        __proto__: null, value, writable: true, enumerable: false, configurable: true,
      });
    };
    Object.defineProperty(object, name, {
      __proto__: null,
      configurable: true,
      enumerable: false,
      get() {
        const lib = require(name);
        setReal(lib);
        return lib;
      },
      set: setReal,
    });
  }
}

function evalScript(name, source, print) {
  addBuiltinLibsToObject(globalThis);
  const { Module } = require('internal/modules/cjs/loader');
  const realm = require('internal/bootstrap/realm');
  const module = new Module(name);
  module.filename = path.join(process.cwd(), name);
  module.paths = Module._nodeModulePaths(process.cwd());
  const { makeRequireFunction } = require('internal/modules/cjs/loader');
  const req = makeRequireFunction(module);
  // The body runs as a script (not a function) so `var` declarations and
  // the completion value behave as with node -e / -p.
  globalThis.module = module;
  globalThis.require = req;
  globalThis.exports = module.exports;
  globalThis.__filename = name;
  globalThis.__dirname = '.';
  realm.firstLineOffsets.set(name, 'try {'.length);
  let stashed;
  let didStash = false;
  globalThis[Symbol.for('nodeshim.stash')] = (e) => { stashed = e; didStash = true; };
  const [ok, result] = internalBinding('builtins').evalScript(source, name);
  delete globalThis[Symbol.for('nodeshim.stash')];
  if (!ok) {
    if (didStash) throw stashed;
    const err = new SyntaxError(result);
    throw err;
  }
  if (print) {
    const { log } = require('internal/console/global');
    log(result);
  }
  void realm;
}

function run(kind, value) {
  if (kind === 'worker') return require('internal/main/worker_thread').run();
  if (kind === 'eval' || kind === 'print') process._eval = value;
  require('internal/process/pre_execution').setupChildProcessIpcChannel();
  const preload = require('internal/options').getOptionValue('--require');
  if (preload.length > 0) require('internal/modules/cjs/loader').Module._preloadModules(preload);
  if (kind === 'file') {
    const { Module } = require('internal/modules/cjs/loader');
    process.argv[1] = path.resolve(value);
    require('internal/process/pre_execution').initializeClusterIPC();
    Module.runMain(process.argv[1]);
  } else if ((kind === 'eval' || kind === 'stdin') &&
             require('internal/options').getOptionValue('--input-type') === 'module') {
    // Node evaluates a module from stdin as it does one from --eval.
    require('internal/modules/esm/loader').runMainESM(path.join(process.cwd(), '[eval1]'), value);
  } else if (kind === 'eval') {
    evalScript('[eval]', value, false);
  } else if (kind === 'print') {
    evalScript('[eval]', value, true);
  } else if (kind === 'stdin') {
    evalScript('[stdin]', value, false);
  }
}

module.exports = { run, evalScript };
