// CommonJS modules as Node resolves and runs them: builtins (bare or node:),
// relative and absolute paths with extension and index probing, node_modules
// lookup, package.json main/exports, .json, cycles, require.cache,
// require.resolve, module/exports/__filename/__dirname, require.main.
'use strict';

const path = require('path');
const realm = require('internal/bootstrap/realm');
const fsb = internalBinding('fs');

const kIsMainSymbol = Symbol('kIsMainSymbol');
const kModuleParent = Symbol('kModuleParent');
const packageJsonCache = new Map();
const ObjectPrototype = Object.prototype;
const hasOwn = (obj, key) => Object.prototype.hasOwnProperty.call(obj, key);

// Stats are cached only while the entry module's body runs synchronously
// (as Node does), and only for paths that exist: a file created later in
// the program is then found by the next require.
let statCache = null;
let requireDepth = 0;

function stat(filename) {
  if (statCache !== null) {
    const cached = statCache.get(filename);
    if (cached !== undefined) return cached;
  }
  const result = fsb.internalModuleStat(filename);
  if (statCache !== null && result >= 0) statCache.set(filename, result);
  return result;
}

// "dir\0request" -> filename, for relative requests from a module's
// directory: a module keeps resolving them after its directory is removed.
const relativeResolveCache = { __proto__: null };

// Reading a property an unfinished module has not yet exported is usually a
// bug in a require cycle: the exports object of such a module gets this
// prototype until the module finishes, so the read is reported.
function emitCircularRequireWarning(prop) {
  process.emitWarning(`Accessing non-existent property '${String(prop)}' of module exports inside circular dependency`);
}
const CircularRequirePrototypeWarningProxy = new Proxy(ObjectPrototype, {
  __proto__: null,
  get(target, prop, receiver) {
    if (prop in target || prop === '__esModule') return Reflect.get(target, prop, receiver);
    emitCircularRequireWarning(prop);
    return undefined;
  },
  getOwnPropertyDescriptor(target, prop) {
    if (hasOwn(target, prop) || prop === '__esModule') return Reflect.getOwnPropertyDescriptor(target, prop);
    emitCircularRequireWarning(prop);
    return undefined;
  },
});

function isProxy(value) {
  return require('internal/util/types').isProxy(value);
}

function getExportsForCircularRequire(module) {
  const exports = module.exports;
  if (exports && !isProxy(exports) && Object.getPrototypeOf(exports) === ObjectPrototype &&
      !exports.__esModule) {
    Object.setPrototypeOf(exports, CircularRequirePrototypeWarningProxy);
  }
  return exports;
}

function restoreCircularPrototype(module) {
  const exports = module.exports;
  if (exports && !isProxy(exports) &&
      Object.getPrototypeOf(exports) === CircularRequirePrototypeWarningProxy) {
    Object.setPrototypeOf(exports, ObjectPrototype);
  }
}

function updateChildren(parent, child, scan) {
  const children = parent && parent.children;
  if (children && !(scan && children.includes(child))) children.push(child);
}

function Module(id = '', parent) {
  this.id = id;
  this.path = path.dirname(id);
  Object.defineProperty(this, 'exports', { __proto__: null, value: {}, writable: true, enumerable: true, configurable: true });
  this.filename = null;
  this.loaded = false;
  this.children = [];
  Object.defineProperty(this, kModuleParent, { __proto__: null, value: parent, writable: true, enumerable: false, configurable: true });
  updateChildren(parent, this, false);
  this.paths = undefined;
}

// module.parent: an accessor, deprecated (DEP0144) under --pending-deprecation
// since a cached module keeps whichever module required it first.
function getModuleParent() {
  return this[kModuleParent];
}
function setModuleParent(value) {
  this[kModuleParent] = value;
}
{
  let get = getModuleParent;
  let set = setModuleParent;
  if (require('internal/options').getOptionValue('--pending-deprecation')) {
    const { deprecate } = require('internal/util');
    const msg = 'module.parent is deprecated due to accuracy issues. Please use ' +
      'require.main to find program entry point instead.';
    get = deprecate(getModuleParent, msg, 'DEP0144');
    set = deprecate(setModuleParent, msg, 'DEP0144');
  }
  Object.defineProperty(Module.prototype, 'parent', {
    __proto__: null, get, set, enumerable: false, configurable: true,
  });
}

Module._cache = { __proto__: null };
Module._pathCache = { __proto__: null };
Module._extensions = { __proto__: null };
Module.globalPaths = [];
// Builtins that exist only under the node: scheme ('test' is a package
// name on npm): require('test') looks on disk, as in Node.
const kSchemeOnly = new Set(['test', 'test/reporters', 'sea', 'sqlite']);
Module.builtinModules = [...realm.builtinIds].filter(
  (id) => realm.canBeRequiredByUsers(id) && !kSchemeOnly.has(id));
Module.isBuiltin = function isBuiltin(id) {
  if (typeof id !== 'string') return false;
  if (id.startsWith('node:')) return realm.canBeRequiredByUsers(id.slice(5));
  return realm.canBeRequiredByUsers(id) && !kSchemeOnly.has(id);
};
// Module.wrap and Module.wrapper may be replaced or mutated by programs
// (to inject code into every module): once either is touched, modules are
// compiled from the wrapped source text instead of as a function body.
let wrapper = ['(function (exports, require, module, __filename, __dirname) { ', '\n});'];
let wrap = function wrap(script) {
  return Module.wrapper[0] + script + Module.wrapper[1];
};
const kDefaultWrapper = wrapper.slice();
let wrapPatched = false;
Object.defineProperty(Module, 'wrap', {
  __proto__: null,
  get() { return wrap; },
  set(value) { wrapPatched = true; wrap = value; },
  enumerable: true,
  configurable: true,
});
Object.defineProperty(Module, 'wrapper', {
  __proto__: null,
  get() { return wrapper; },
  set(value) { wrapPatched = true; wrapper = value; },
  enumerable: true,
  configurable: true,
});
function wrapperChanged() {
  return wrapPatched || wrapper.length !== 2 || wrapper[0] !== kDefaultWrapper[0] ||
    wrapper[1] !== kDefaultWrapper[1];
}
Module.Module = Module;
Module._stat = function _stat(filename) {
  return fsb.internalModuleStat(path.resolve(String(filename)));
};

function loadBuiltin(id) {
  if (!realm.canBeRequiredByUsers(id) && !(realm.exposeInternals && realm.builtinIds.has(id))) {
    return undefined;
  }
  return { exports: realm.requireBuiltin(id) };
}

Module._nodeModulePaths = function(from) {
  from = path.resolve(from);
  if (from === '/') return ['/node_modules'];
  const paths = [];
  const parts = from.split('/');
  for (let i = parts.length; i > 0; i--) {
    if (parts[i - 1] === 'node_modules') continue;
    const dir = parts.slice(0, i).join('/') || '/';
    paths.push(dir === '/' ? '/node_modules' : `${dir}/node_modules`);
  }
  if (!paths.includes('/node_modules')) paths.push('/node_modules');
  return paths;
};

function readPackage(dir) {
  const jsonPath = path.resolve(dir, 'package.json');
  const cached = packageJsonCache.get(jsonPath);
  if (cached !== undefined) return cached;
  const text = fsb.readFileUtf8(jsonPath);
  let result = null;
  if (typeof text === 'string') {
    try {
      const parsed = JSON.parse(text);
      // Only own fields: a program may have put accessors on Object.prototype.
      const field = (key) => (parsed !== null && typeof parsed === 'object' && hasOwn(parsed, key) ?
        parsed[key] : undefined);
      result = {
        __proto__: null,
        name: field('name'),
        main: field('main'),
        exports: field('exports'),
        type: field('type'),
        imports: field('imports'),
        path: jsonPath,
      };
    } catch (err) {
      err.path = jsonPath;
      err.message = `Error parsing ${jsonPath}: ${err.message}`;
      throw err;
    }
  }
  packageJsonCache.set(jsonPath, result);
  return result;
}

function readPackageScope(checkPath) {
  let dir = path.dirname(checkPath);
  for (;;) {
    if (dir.endsWith('/node_modules')) return false;
    const pkg = readPackage(dir);
    if (pkg) return { data: pkg, path: dir };
    const parent = path.dirname(dir);
    if (parent === dir) return false;
    dir = parent;
  }
}

// A module is known by its real path unless --preserve-symlinks (for the
// entry point: --preserve-symlinks-main) keeps the path it was found at.
function keepsSymlinks(isMain) {
  const { getOptionValue } = require('internal/options');
  return getOptionValue(isMain ? '--preserve-symlinks-main' : '--preserve-symlinks');
}

function toModulePath(requestPath, isMain) {
  if (keepsSymlinks(isMain)) return path.resolve(requestPath);
  const real = fsb.realpath(requestPath);
  return typeof real === 'string' ? real : requestPath;
}

function tryFile(requestPath, isMain) {
  if (stat(requestPath) !== 0) return false;
  return toModulePath(requestPath, isMain);
}

function tryExtensions(p, exts, isMain) {
  for (let i = 0; i < exts.length; i++) {
    const filename = tryFile(p + exts[i], isMain);
    if (filename) return filename;
  }
  return false;
}

function tryPackage(requestPath, exts, isMain, originalPath) {
  const pkg = readPackage(requestPath);
  const main = pkg && pkg.main;
  if (!main) return tryExtensions(path.resolve(requestPath, 'index'), exts, isMain);
  const filename = path.resolve(requestPath, main);
  let actual = tryFile(filename, isMain) || tryExtensions(filename, exts, isMain) ||
    tryExtensions(path.resolve(filename, 'index'), exts, isMain);
  if (actual === false) {
    actual = tryExtensions(path.resolve(requestPath, 'index'), exts, isMain);
    if (!actual) {
      const err = new Error(`Cannot find module '${filename}'. Please verify that the package.json has a valid "main" entry`);
      err.code = 'MODULE_NOT_FOUND';
      err.path = path.resolve(requestPath, 'package.json');
      err.requestPath = originalPath;
      throw err;
    }
    const jsonPath = path.resolve(requestPath, 'package.json');
    process.emitWarning(
      `Invalid 'main' field in '${jsonPath}' of '${main}'. ` +
        'Please either fix that or report it to the module author',
      'DeprecationWarning', 'DEP0128');
  }
  return actual;
}

// package.json "exports": conditions require/node/default, subpaths and
// "*" patterns (enough for the packages nodeshim users install).
function resolveExportsTarget(target, subpathRest, conditions) {
  if (typeof target === 'string') {
    return subpathRest === undefined ? target : target.replace(/\*/g, subpathRest);
  }
  if (Array.isArray(target)) {
    for (let i = 0; i < target.length; i++) {
      const r = resolveExportsTarget(target[i], subpathRest, conditions);
      if (r) return r;
    }
    return null;
  }
  if (target && typeof target === 'object') {
    const keys = Object.keys(target);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (key === 'default' || conditions.includes(key)) {
        const r = resolveExportsTarget(target[key], subpathRest, conditions);
        if (r) return r;
      }
    }
  }
  return null;
}

function resolvePackageExports(pkgDir, subpath, exportsField, conditions, request) {
  let map = exportsField;
  if (typeof map === 'string' || Array.isArray(map) ||
      (map && typeof map === 'object' && !Object.keys(map).some((k) => k.startsWith('.')))) {
    map = { '.': map };
  }
  let resolved = null;
  if (Object.prototype.hasOwnProperty.call(map, subpath)) {
    resolved = resolveExportsTarget(map[subpath], undefined, conditions);
  } else {
    let bestKey = '';
    const keys = Object.keys(map);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const star = key.indexOf('*');
      if (star === -1) continue;
      const prefix = key.slice(0, star);
      const suffix = key.slice(star + 1);
      if (subpath.startsWith(prefix) && subpath.endsWith(suffix) && subpath.length >= key.length &&
          key.length > bestKey.length) {
        bestKey = key;
      }
    }
    if (bestKey) {
      const star = bestKey.indexOf('*');
      const rest = subpath.slice(star, subpath.length - (bestKey.length - star - 1));
      resolved = resolveExportsTarget(map[bestKey], rest, conditions);
    }
  }
  if (!resolved) {
    const err = new Error(subpath === '.' ?
      `No "exports" main defined in ${path.join(pkgDir, 'package.json')}` :
      `Package subpath '${subpath}' is not defined by "exports" in ${path.join(pkgDir, 'package.json')}`);
    err.code = 'ERR_PACKAGE_PATH_NOT_EXPORTED';
    throw err;
  }
  return path.resolve(pkgDir, resolved);
}

const kExtensions = ['.js', '.json', '.node'];

Module._findPath = function(request, paths, isMain, conditions = ['require', 'node']) {
  const absoluteRequest = path.isAbsolute(request);
  if (absoluteRequest) paths = [''];
  else if (!paths || paths.length === 0) return false;
  const exts = Object.keys(Module._extensions);
  const trailingSlash = request.endsWith('/') || /(?:^|\/)\.?\.$/.test(request);
  // A relative request leading out of the directory does not need the
  // directory itself to exist any more.
  const insidePath = !(request === '..' || request.startsWith('../'));
  for (let i = 0; i < paths.length; i++) {
    const curPath = paths[i];
    if (insidePath && curPath && stat(path.resolve(curPath)) < 1) continue;
    // Package "exports" applies to bare requests looked up in node_modules.
    if (!absoluteRequest && curPath.endsWith('node_modules') && !request.startsWith('.')) {
      const m = /^((?:@[^/]+\/)?[^/]+)(\/.*)?$/.exec(request);
      if (m) {
        const pkgDir = path.resolve(curPath, m[1]);
        const pkg = stat(pkgDir) === 1 ? readPackage(pkgDir) : null;
        if (pkg && pkg.exports !== undefined && pkg.exports !== null) {
          const target = resolvePackageExports(pkgDir, m[2] ? `.${m[2]}` : '.', pkg.exports, conditions, request);
          const found = tryFile(target, isMain) || tryExtensions(target, exts, isMain);
          if (found) return found;
        }
      }
    }
    const basePath = path.resolve(curPath, request);
    let filename;
    const rc = stat(basePath);
    if (!trailingSlash) {
      if (rc === 0) filename = toModulePath(basePath, isMain);
      if (!filename) filename = tryExtensions(basePath, exts, isMain);
    }
    if (!filename && rc === 1) filename = tryPackage(basePath, exts, isMain, request);
    if (filename) return filename;
  }
  return false;
};

Module._resolveLookupPaths = function(request, parent) {
  if (request.charAt(0) !== '.' ||
      (request.length > 1 && request.charAt(1) !== '.' && request.charAt(1) !== '/')) {
    let paths = [];
    if (parent && parent.paths && parent.paths.length) paths = parent.paths.concat(paths);
    paths = paths.concat(Module.globalPaths);
    return paths.length > 0 ? paths : null;
  }
  if (!parent || !parent.id || !parent.filename) return ['.'];
  return [path.dirname(parent.filename)];
};

Module._resolveFilename = function(request, parent, isMain, options) {
  if (typeof request !== 'string') {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE('id', 'string', request);
  }
  if (Module.isBuiltin(request)) return request;
  if (request.startsWith('python:')) return request; // exposed by a Python host
  if (realm.exposeInternals && realm.builtinIds.has(request)) return request;
  let paths;
  if (typeof options === 'object' && options !== null && Array.isArray(options.paths)) {
    // A relative request is looked up in each of the given directories
    // (themselves relative to the working directory); a bare one in their
    // node_modules hierarchies.
    if (request === '.' || request === '..' || request.startsWith('./') || request.startsWith('../')) {
      paths = options.paths;
    } else {
      paths = [];
      const fakeParent = new Module('', null);
      for (let i = 0; i < options.paths.length; i++) {
        fakeParent.paths = Module._nodeModulePaths(options.paths[i]);
        const lookup = Module._resolveLookupPaths(request, fakeParent) || [];
        for (let j = 0; j < lookup.length; j++) {
          if (!paths.includes(lookup[j])) paths.push(lookup[j]);
        }
      }
    }
  } else if (typeof options === 'object' && options !== null && options.paths !== undefined) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_VALUE('options.paths', options.paths);
  } else {
    paths = Module._resolveLookupPaths(request, parent);
  }
  // Self-reference and "#imports" are rare in the programs nodeshim runs;
  // plain lookup covers the rest.
  const filename = Module._findPath(request, paths, isMain);
  if (filename) return filename;
  const requireStack = [];
  for (let cursor = parent; cursor; cursor = cursor[kModuleParent]) {
    requireStack.push(cursor.filename || cursor.id);
  }
  let message = `Cannot find module '${request}'`;
  if (requireStack.length > 0) message += '\nRequire stack:\n- ' + requireStack.join('\n- ');
  const err = new Error(message);
  err.code = 'MODULE_NOT_FOUND';
  err.requireStack = requireStack;
  throw err;
};

Module._load = function(request, parent, isMain) {
  if (typeof request === 'string' && request.startsWith('python:')) {
    // A module exposed by the Python host (runtime/api.py, Runtime.expose).
    return require('internal/host_api').loadHostModule(request);
  }
  if (typeof request === 'string' && request.startsWith('node:')) {
    const id = request.slice(5);
    const mod = loadBuiltin(id);
    if (!mod) {
      const { codes } = require('internal/errors');
      throw new codes.ERR_UNKNOWN_BUILTIN_MODULE(request);
    }
    return mod.exports;
  }
  let relCacheKey;
  if (parent && parent.filename) {
    relCacheKey = `${parent.path}\x00${request}`;
    const known = relativeResolveCache[relCacheKey];
    if (known !== undefined) {
      const cached = Module._cache[known];
      if (cached !== undefined) {
        updateChildren(parent, cached, true);
        return cached.loaded ? cached.exports : getExportsForCircularRequire(cached);
      }
      delete relativeResolveCache[relCacheKey];
    }
  }
  if (Module.isBuiltin(request) && !(Module._cache[request])) {
    return loadBuiltin(request).exports;
  }
  const filename = Module._resolveFilename(request, parent, isMain);
  if (realm.builtinIds.has(filename) && realm.exposeInternals) return realm.requireBuiltin(filename);
  const cachedModule = Module._cache[filename];
  if (cachedModule !== undefined) {
    if (relCacheKey !== undefined) relativeResolveCache[relCacheKey] = filename;
    updateChildren(parent, cachedModule, true);
    return cachedModule.loaded ? cachedModule.exports : getExportsForCircularRequire(cachedModule);
  }
  const module = new Module(filename, parent);
  if (isMain) {
    process.mainModule = module;
    module.id = '.';
    module[kIsMainSymbol] = true;
  }
  Module._cache[filename] = module;
  if (relCacheKey !== undefined) relativeResolveCache[relCacheKey] = filename;
  let threw = true;
  try {
    module.load(filename);
    threw = false;
  } finally {
    if (threw) {
      delete Module._cache[filename];
      if (relCacheKey !== undefined) delete relativeResolveCache[relCacheKey];
      if (parent !== undefined && parent !== null) {
        const idx = parent.children.indexOf(module);
        if (idx !== -1) parent.children.splice(idx, 1);
      }
    } else {
      restoreCircularPrototype(module);
    }
  }
  return module.exports;
};

Module.prototype.load = function(filename) {
  this.filename = filename;
  this.paths = Module._nodeModulePaths(path.dirname(filename));
  const extension = findLongestRegisteredExtension(filename);
  if ((filename.endsWith('.mjs') && !Module._extensions['.mjs']) ||
      (extension === '.js' && isESMScope(filename))) {
    require('internal/modules/esm/loader').requireESM(this, filename);
  } else {
    Module._extensions[extension](this, filename);
  }
  this.loaded = true;
};

// For "a.foo.bar" the handler of ".foo.bar" wins over ".bar"; a leading
// dot (".bar", a dotfile) is part of the name, not an extension.
function findLongestRegisteredExtension(filename) {
  const name = path.basename(filename);
  let index = name.indexOf('.', 1);
  while (index !== -1) {
    const ext = name.slice(index);
    if (Module._extensions[ext]) return ext;
    index = name.indexOf('.', index + 1);
  }
  return '.js';
}

function isESMScope(filename) {
  const pkg = readPackageScope(filename);
  return !!(pkg && pkg.data.type === 'module');
}

Module.prototype.require = function(id) {
  if (typeof id !== 'string') {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE('id', 'string', id);
  }
  if (id === '') {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_VALUE('id', id, 'must be a non-empty string');
  }
  requireDepth++;
  try {
    return Module._load(id, this, false);
  } finally {
    requireDepth--;
  }
};

// The builtin require, for code below where a user-facing require shadows it.
const lazyErrors = () => require('internal/errors');

function makeRequireFunction(mod) {
  const require = function require(path) {
    return mod.require(path);
  };
  function resolve(request, options) {
    if (typeof request !== 'string') {
      const { codes } = lazyErrors();
      throw new codes.ERR_INVALID_ARG_TYPE('request', 'string', request);
    }
    return Module._resolveFilename(request, mod, false, options);
  }
  // Own data properties, defined rather than assigned: a program may have
  // put setters for these names on Object.prototype.
  const setOwn = (obj, key, value) => Object.defineProperty(obj, key, {
    __proto__: null, value, writable: true, enumerable: true, configurable: true,
  });
  setOwn(require, 'resolve', resolve);
  setOwn(resolve, 'paths', function paths(request) {
    if (typeof request !== 'string') {
      const { codes } = lazyErrors();
      throw new codes.ERR_INVALID_ARG_TYPE('request', 'string', request);
    }
    if (Module.isBuiltin(request)) return null;
    return Module._resolveLookupPaths(request, mod);
  });
  setOwn(require, 'main', process.mainModule);
  setOwn(require, 'extensions', Module._extensions);
  setOwn(require, 'cache', Module._cache);
  return require;
}

// Node marks an error from compiling a module with "file:line", the source
// line and a caret (the arrow message, kept under a private symbol).
function decorateCompileError(err, content, filename) {
  if (err === null || typeof err !== 'object') return;
  const errors = require('internal/errors');
  if (errors.getArrowMessage(err) !== undefined) return;
  const stack = realm.fullStack ? realm.fullStack(err) : err.stack;
  if (typeof stack !== 'string') return;
  const at = stack.lastIndexOf(`${filename}:`);
  if (at === -1) return;
  const m = /^:(\d+):(\d+)/.exec(stack.slice(at + filename.length));
  if (m === null) return;
  const line = content.split('\n')[Number(m[1]) - 1];
  if (line === undefined) return;
  const caret = `${' '.repeat(Math.max(0, Number(m[2]) - 1))}^`;
  errors.setArrowMessage(err, `${filename}:${m[1]}\n${line.replace(/\r$/, '')}\n${caret}\n`);
}

Module.prototype._compile = function(content, filename) {
  let fn;
  try {
    if (wrapperChanged()) {
      // The wrapped text is an expression evaluating to the module function.
      fn = realm.compileOrThrow(`return ${Module.wrap(content)}`, filename, '')();
    } else {
      fn = realm.compileOrThrow(content, filename, 'exports, require, module, __filename, __dirname');
    }
  } catch (err) {
    decorateCompileError(err, content, filename);
    throw err;
  }
  // V8 names a module's top-level frames after the receiver (the exports
  // object): `at Object.<anonymous> (file:line:col)`.
  Object.defineProperty(fn, 'name', { __proto__: null, value: 'Object.<anonymous>', configurable: true });
  const dirname = path.dirname(filename);
  const require = makeRequireFunction(this);
  const exports = this.exports;
  if (requireDepth === 0) statCache = new Map();
  try {
    return Reflect.apply(fn, exports, [exports, require, this, filename, dirname]);
  } finally {
    if (requireDepth === 0) statCache = null;
  }
};

function stripBOM(content) {
  return content.charCodeAt(0) === 0xFEFF ? content.slice(1) : content;
}

function readSource(filename) {
  const content = fsb.readFileUtf8(filename);
  if (typeof content === 'number') {
    const { UVException } = require('internal/errors');
    throw new UVException({ errno: content, syscall: 'open', path: filename });
  }
  return content;
}

Module._extensions['.js'] = function(module, filename) {
  let content = readSource(filename);
  // A shebang line is legal at the top of a script, as in Node.
  if (content.startsWith('#!')) content = '//' + content.slice(2);
  module._compile(stripBOM(content), filename);
};

Module._extensions['.json'] = function(module, filename) {
  const content = readSource(filename);
  try {
    module.exports = JSON.parse(stripBOM(content));
  } catch (err) {
    err.message = filename + ': ' + err.message;
    throw err;
  }
};

// Native addons cannot run on QuickJS.  A file that is no shared object at
// all fails as the system's dlopen reports it ("<file>: <reason>").
Module._extensions['.node'] = function(module, filename) {
  let reason = 'native addons are not supported by nodeshim';
  const head = require('fs').readFileSync(filename);
  if (head.length < 64) {
    reason = 'file too short';
  } else if (head[0] !== 0x7f || head[1] !== 0x45 || head[2] !== 0x4c || head[3] !== 0x46) {
    reason = 'invalid ELF header';
  }
  const err = new Error(`${filename}: ${reason}`);
  err.code = 'ERR_DLOPEN_FAILED';
  throw err;
};

Module.createRequire = function createRequire(filename) {
  let filepath = filename;
  if (typeof filename === 'object' && filename !== null && typeof filename.href === 'string') {
    filepath = require('url').fileURLToPath(filename);
  } else if (typeof filename === 'string' && filename.startsWith('file:')) {
    filepath = require('url').fileURLToPath(filename);
  } else if (typeof filename !== 'string' || !path.isAbsolute(filename)) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_VALUE('filename', filename,
      'must be a file URL object, file URL string, or absolute path string');
  }
  const proxyPath = filepath.endsWith('/') ? path.join(filepath, 'noop.js') : filepath;
  const m = new Module(proxyPath);
  m.filename = proxyPath;
  m.paths = Module._nodeModulePaths(m.path);
  return makeRequireFunction(m);
};

Module.runMain = function runMain(main = process.argv[1]) {
  const resolved = path.resolve(main);
  let filename;
  try {
    filename = Module._findPath(resolved, null, true);
  } catch {
    filename = false;
  }
  const esm = require('internal/modules/esm/loader');
  if (filename && esm.isESMFile(filename)) {
    process.mainModule = undefined;
    esm.runMainESM(filename);
    return;
  }
  Module._load(resolved, null, true);
};

// --require: modules loaded before the entry point, looked up as if
// required from a module in the working directory.
Module._preloadModules = function(requests) {
  if (!Array.isArray(requests)) return;
  const parent = new Module('internal/preload', null);
  try {
    parent.paths = Module._nodeModulePaths(process.cwd());
  } catch (err) {
    if (err.code !== 'ENOENT') throw err;
  }
  for (let i = 0; i < requests.length; i++) parent.require(requests[i]);
};

Module._initPaths = function() {
  const home = process.env.HOME;
  const nodePath = process.env.NODE_PATH;
  let paths = [path.resolve(process.execPath, '..', '..', 'lib', 'node')];
  if (home) {
    paths.unshift(path.resolve(home, '.node_libraries'));
    paths.unshift(path.resolve(home, '.node_modules'));
  }
  if (nodePath) paths = nodePath.split(':').filter(Boolean).concat(paths);
  Module.globalPaths = paths;
};
Module._initPaths();
Module.syncBuiltinESMExports = function() {};
Module.findSourceMap = function() { return undefined; };
Module.register = function() {};

module.exports = { Module, makeRequireFunction, readPackageScope, kIsMainSymbol };
