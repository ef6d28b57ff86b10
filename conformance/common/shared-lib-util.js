'use strict';
// Helpers for a node built as a shared library.  nodeshim is never one, so
// the library path needs no change and the binary is process.execPath.

const path = require('path');

const kNodeShared = Boolean(process.config && process.config.variables &&
                            process.config.variables.node_shared);

function addLibraryPath(env) {
  if (!kNodeShared) return;
  const dir = path.dirname(process.execPath);
  for (const name of ['LD_LIBRARY_PATH', 'LIBPATH', 'DYLD_LIBRARY_PATH']) {
    env[name] = env[name] ? `${env[name]}${path.delimiter}${dir}` : dir;
  }
}

function getSharedLibPath() {
  return path.join(path.dirname(process.execPath), 'libnode.so');
}

function getBinaryPath() {
  return process.execPath;
}

module.exports = { addLibraryPath, getBinaryPath, getSharedLibPath };
