// Steps Node runs before the main entry (lib/internal/process/pre_execution.js);
// here the ones nodeshim needs.
'use strict';

// A child started by fork() (or spawn with 'ipc' in stdio) finds its end of
// the channel in NODE_CHANNEL_FD.
function setupChildProcessIpcChannel() {
  const value = process.env.NODE_CHANNEL_FD;
  if (!value) return;
  const fd = Number.parseInt(value, 10);
  if (!(fd >= 0)) return;
  // Not inherited by this process's own children.
  delete process.env.NODE_CHANNEL_FD;
  const serializationMode = process.env.NODE_CHANNEL_SERIALIZATION_MODE || 'json';
  delete process.env.NODE_CHANNEL_SERIALIZATION_MODE;
  require('child_process')._forkChild(fd, serializationMode);
}

// A worker started by cluster.fork() joins its primary before user code runs.
function initializeClusterIPC() {
  if (process.argv[1] && process.env.NODE_UNIQUE_ID) {
    const cluster = require('cluster');
    cluster._setupWorker();
    // Not inherited by this process's own children.
    delete process.env.NODE_UNIQUE_ID;
  }
}

module.exports = { setupChildProcessIpcChannel, initializeClusterIPC };
