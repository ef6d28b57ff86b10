'use strict';
// Per-test scratch folder: <test root>/.tmp.<id>, where the id comes from
// TEST_SERIAL_ID or TEST_THREAD_ID (set by the runner), else 0.

const fs = require('fs');
const path = require('path');

const testRoot = process.env.NODE_TEST_DIR ?
  fs.realpathSync(process.env.NODE_TEST_DIR) : path.resolve(__dirname, '..');
const id = process.env.TEST_SERIAL_ID || process.env.TEST_THREAD_ID || '0';
const tmpPath = path.join(testRoot, `.tmp.${id}`);

function removeTree(target, viaChild) {
  if (viaChild) {
    const code = `require('fs').rmSync(${JSON.stringify(target)}, ` +
                 '{ maxRetries: 3, recursive: true, force: true });';
    require('child_process').spawnSync(process.execPath, ['-e', code]);
  } else {
    fs.rmSync(target, { maxRetries: 3, recursive: true, force: true });
  }
}

let cleanupRegistered = false;

function refresh(viaChild = false) {
  removeTree(tmpPath, viaChild);
  fs.mkdirSync(tmpPath);
  if (!cleanupRegistered) {
    // only the process that refreshed cleans up, so children may share it
    cleanupRegistered = true;
    process.on('exit', () => cleanup(viaChild));
  }
}

function cleanup(viaChild) {
  let isMain = true;
  try { isMain = require('worker_threads').isMainThread; } catch { /* no workers */ }
  if (isMain) process.chdir(testRoot);
  try {
    removeTree(tmpPath, viaChild);
  } catch (err) {
    console.error('Can\'t clean tmpdir:', tmpPath);
    try { console.error('Files blocking:', fs.readdirSync(tmpPath)); } catch { /* gone */ }
    console.error();
    throw err;
  }
}

function resolve(...parts) {
  return path.resolve(tmpPath, ...parts);
}

function hasEnoughSpace(size) {
  const { bavail, bsize } = fs.statfsSync(tmpPath);
  return bavail >= Math.ceil(size / bsize);
}

function fileURL(...parts) {
  const { pathToFileURL } = require('url');
  return pathToFileURL(path.resolve(tmpPath + path.sep, ...parts));
}

module.exports = {
  fileURL,
  hasEnoughSpace,
  path: tmpPath,
  refresh,
  resolve,
};
