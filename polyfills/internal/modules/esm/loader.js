// ES modules on QuickJS's module loader.
//
// QuickJS asks the host for a module by its normalized name and resolves
// only relative names itself, against the importer's name.  So every module
// is named by an absolute path (or `node:<id>` for builtins), and before a
// module is compiled its static specifiers are rewritten to those names with
// Node's resolution.  CommonJS files and builtins are imported through small
// generated facade modules: default export = module.exports, plus a named
// export for each own enumerable key, as Node's cjs-module-lexer would find.
'use strict';

const path = require('path');
const realm = require('internal/bootstrap/realm');
const { Module } = require('internal/modules/cjs/loader');
const fsb = internalBinding('fs');
const esmBinding = internalBinding('builtins');

const kRequire = Symbol.for('nodeshim.esm.require');
const kBuiltin = Symbol.for('nodeshim.esm.builtin');
const kMeta = Symbol.for('nodeshim.esm.meta');
const identifier = /^[A-Za-z_$][\w$]*$/;

function defineHidden(name, value) {
  Object.defineProperty(globalThis, name, { value, configurable: true, enumerable: false, writable: false });
}
defineHidden(kRequire, (filename) => Module._load(filename, null, false));
defineHidden(kBuiltin, (id) => {
  const { Module: M } = require('internal/modules/cjs/loader');
  if (!M.isBuiltin(`node:${id}`) && !(realm.exposeInternals && realm.builtinIds.has(id))) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_UNKNOWN_BUILTIN_MODULE(`node:${id}`);
  }
  return realm.requireBuiltin(id);
});
function pathToFileURL(filename) {
  try {
    return require('url').pathToFileURL(filename);
  } catch {
    // Before node:url is available: enough for import.meta.url.
    return { href: `file://${encodeURI(filename).replace(/[?#]/g, encodeURIComponent)}` };
  }
}

defineHidden(kMeta, (meta, filename) => {
  if (filename.startsWith('data:')) {
    meta.url = filename;
    meta.resolve = (specifier) => {
      const resolved = resolve(specifier, filename);
      return resolved.startsWith('node:') || resolved.startsWith('data:') ? resolved : pathToFileURL(resolved).href;
    };
    return;
  }
  meta.url = pathToFileURL(filename).href;
  meta.filename = filename;
  meta.dirname = path.dirname(filename);
  meta.resolve = (specifier) => {
    const resolved = resolve(specifier, filename);
    return resolved.startsWith('node:') ? resolved : pathToFileURL(resolved).href;
  };
});

function facade(exprSource, value) {
  const names = [];
  if (value !== null && (typeof value === 'object' || typeof value === 'function')) {
    for (const key of Object.keys(value)) {
      if (identifier.test(key) && key !== 'default') names.push(key);
    }
  }
  let src = `const m = ${exprSource};\nexport default m;\n`;
  if (names.length) {
    src += `export const { ${names.join(', ')} } = m;\n`;
  }
  return src;
}

function throwingModule(err) {
  // The error surfaces when the importing graph evaluates, with its code.
  const key = `nodeshim.esm.error.${Math.random()}`;
  globalThis[Symbol.for(key)] = err;
  return `throw globalThis[Symbol.for(${JSON.stringify(key)})];\n`;
}

function fileURLToPathMaybe(specifier) {
  if (specifier.startsWith('file:')) return require('url').fileURLToPath(specifier);
  return specifier;
}

// Node's ESM resolution differs from CommonJS (no extension probing for
// relative paths); we accept CommonJS's, a superset, so programs that work
// on Node work here.
function resolve(specifier, parentFilename) {
  if (specifier.startsWith('node:')) return specifier;
  if (specifier.startsWith('data:')) return specifier;
  if (parentFilename.startsWith('data:') && !Module.isBuiltin(specifier) &&
      !/^[a-z][a-z0-9+.-]*:/i.test(specifier)) {
    // A data: URL is not hierarchical: nothing resolves against it.
    const { codes } = require('internal/errors');
    throw new codes.ERR_UNSUPPORTED_RESOLVE_REQUEST(specifier, parentFilename);
  }
  if (specifier.startsWith('python:')) return specifier;
  if (Module.isBuiltin(specifier)) return `node:${specifier}`;
  if (realm.exposeInternals && realm.builtinIds.has(specifier)) return `node:${specifier}`;
  specifier = fileURLToPathMaybe(specifier);
  const parent = new Module(parentFilename, null);
  parent.filename = parentFilename;
  parent.paths = Module._nodeModulePaths(path.dirname(parentFilename));
  try {
    return Module._resolveFilename(specifier, parent, false);
  } catch (err) {
    if (err && err.code === 'MODULE_NOT_FOUND') {
      const e = new Error(`Cannot find ${specifier.startsWith('.') || specifier.startsWith('/') ? 'module' : 'package'} '${
        specifier.startsWith('.') ? path.resolve(path.dirname(parentFilename), specifier) : specifier}' imported from ${parentFilename}`);
      e.code = 'ERR_MODULE_NOT_FOUND';
      throw e;
    }
    throw err;
  }
}

// Static import/export specifiers: `from '...'`, `import '...'`, and
// literal `import('...')`.
const kSpecifier = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"\n]+)\2/g;

function rewriteSpecifiers(source, filename) {
  return source.replace(kSpecifier, (match, lead, quote, specifier) => {
    let resolved;
    try {
      resolved = resolve(specifier, filename);
    } catch (err) {
      if (!lead.includes('(')) throw err; // static: the graph cannot link
      return match; // dynamic import(): rejects when it runs
    }
    return `${lead}${JSON.stringify(resolved)}`;
  });
}

function isESMFile(filename) {
  if (filename.endsWith('.mjs')) return true;
  if (filename.endsWith('.cjs') || filename.endsWith('.json')) return false;
  const { readPackageScope } = require('internal/modules/cjs/loader');
  const scope = readPackageScope(filename);
  return !!(scope && scope.data.type === 'module');
}

function esmSource(filename, source = fsb.readFileUtf8(filename)) {
  if (typeof source === 'number') {
    const { UVException } = require('internal/errors');
    throw new UVException({ errno: source, syscall: 'open', path: filename });
  }
  if (source.startsWith('#!')) source = '//' + source.slice(2);
  // Same first line: import.meta gets Node's fields without moving lines.
  return `globalThis[Symbol.for('nodeshim.esm.meta')](import.meta, ${JSON.stringify(filename)});` +
    rewriteSpecifiers(source, filename);
}

// `data:[<media type>][;base64],<data>` with a JavaScript media type: the
// source of an ES module named by the URL itself.
function dataURLSource(url) {
  const match = /^data:([^,]*?)(;base64)?,/is.exec(url);
  const mime = match ? match[1].split(';')[0].trim().toLowerCase() : '';
  if (!match || !/^(text|application)\/javascript$/.test(mime)) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_UNKNOWN_MODULE_FORMAT(mime || 'text/plain', url);
  }
  const body = url.slice(match[0].length);
  const { Buffer } = require('buffer');
  const source = match[2] ?
    Buffer.from(decodeURIComponent(body), 'base64').toString('utf8') :
    Buffer.from(body.replace(/%([0-9a-f]{2})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16))), 'latin1')
      .toString('utf8');
  return source;
}

// Called by the host's QuickJS module loader with a normalized name.
function loadModuleSource(name) {
  try {
    if (name.startsWith('node:')) {
      const id = name.slice(5);
      const value = globalThis[kBuiltin](id);
      return facade(`globalThis[Symbol.for('nodeshim.esm.builtin')](${JSON.stringify(id)})`, value);
    }
    if (name.startsWith('python:')) {
      const value = globalThis[kRequire](name);
      return facade(`globalThis[Symbol.for('nodeshim.esm.require')](${JSON.stringify(name)})`, value);
    }
    if (name.startsWith('data:')) return esmSource(name, dataURLSource(name));
    const filename = fileURLToPathMaybe(name);
    if (isESMFile(filename)) return esmSource(filename);
    if (fsb.internalModuleStat(filename) !== 0) {
      return throwingModule(Object.assign(new Error(`Cannot find module '${filename}'`), { code: 'ERR_MODULE_NOT_FOUND' }));
    }
    const value = globalThis[kRequire](filename);
    return facade(`globalThis[Symbol.for('nodeshim.esm.require')](${JSON.stringify(filename)})`, value);
  } catch (err) {
    return throwingModule(err);
  }
}

// `source` given: module text that is not read from `filename` (--eval with
// --input-type=module).
function runModule(filename, source) {
  source = esmSource(filename, source);
  const result = esmBinding.evalModule(source, filename);
  if (Array.isArray(result)) {
    const [name, message, location] = result;
    const Ctor = globalThis[name] || SyntaxError;
    const err = new Ctor(message);
    if (typeof location === 'string' && location) {
      Object.defineProperty(err, 'stack', { value: `${name}: ${message}\n${location.split('\n')[0]}`, configurable: true, writable: true });
    }
    throw err;
  }
  return result;
}

// Exit code of a process whose main module's top-level await never settled.
const kUnsettledTopLevelAwait = 13;

function runMainESM(filename, source) {
  // The loop ran dry while the main module still awaited: as Node, exit 13
  // (a listener before the module's own 'exit' listeners).
  function unsettled() {
    if (process.exitCode !== undefined) return;
    process.exitCode = kUnsettledTopLevelAwait;
    if (internalBinding('worker').isMainThread) {
      const url = filename.startsWith('data:') ? filename : pathToFileURL(filename).href;
      process._rawDebug(`Warning: Detected unsettled top-level await at ${url}`);
    }
  }
  process.on('exit', unsettled);
  let promise;
  try {
    promise = runModule(filename, source);
  } finally {
    if (!promise || typeof promise.then !== 'function') process.off('exit', unsettled);
  }
  if (promise && typeof promise.then === 'function') {
    promise.then(() => process.off('exit', unsettled), (err) => {
      process.off('exit', unsettled);
      require('internal/process/execution').triggerUncaughtException(err, true);
    });
  }
}

// `require()` of an ES module file (Node 20 refuses it).
function requireESM(module, filename) {
  const { codes } = require('internal/errors');
  if (codes.ERR_REQUIRE_ESM) throw new codes.ERR_REQUIRE_ESM(filename, true);
  const err = new Error(`require() of ES Module ${filename} not supported.`);
  err.code = 'ERR_REQUIRE_ESM';
  throw err;
}

module.exports = { loadModuleSource, runMainESM, runModule, requireESM, resolve, isESMFile, dataURLSource };
