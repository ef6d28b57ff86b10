// The entry point of a worker_threads Worker's thread: its parentPort, its
// fatal errors handed to the Worker, then the file or the eval'd source.
'use strict';

const path = require('path');

function run() {
  const binding = internalBinding('worker');
  const { serializeMessage } = require('internal/worker/io');
  require('internal/process/execution').setFatalHook((err) => {
    let payload;
    try {
      [payload] = serializeMessage(err, undefined, null);
    } catch {
      const { codes } = require('internal/errors');
      [payload] = serializeMessage(new codes.ERR_WORKER_UNSERIALIZABLE_ERROR(), undefined, null);
    }
    binding.reportError(payload);
  }, false);
  const preload = require('internal/options').getOptionValue('--require');
  binding.notifyOnline();
  if (preload.length > 0) require('internal/modules/cjs/loader').Module._preloadModules(preload);
  if (binding.kind === 'file') {
    const { Module } = require('internal/modules/cjs/loader');
    process.argv[1] = path.resolve(binding.value);
    Module.runMain(process.argv[1]);
  } else {
    process.argv[1] = '[worker eval]';
    require('internal/main/run_main').evalScript('[worker eval]', binding.value, false);
  }
}

module.exports = { run };
