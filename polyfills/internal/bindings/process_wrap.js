// The JS class of internalBinding('process_wrap'): Node's Process handle
// (process_wrap.cc) over the Python ProcessHandle (js_bindings/process_wrap.py).
// spawn() flattens the options ChildProcess built (strings, numbers, the
// stdio table) to JSON and passes the stdio handles' natives beside it.
// Evaluated as function (native, internalBinding).
'use strict';

const kNative = Symbol('kNative');
const { AsyncWrap, Providers } = internalBinding('async_wrap');

class Process extends AsyncWrap {
  constructor() {
    super(Providers.PROCESSWRAP);
    this[kNative] = native.newProcess(this);
    this.onexit = null;
  }

  spawn(options) {
    const stdio = [];
    const handles = [];
    const list = Array.isArray(options.stdio) ? options.stdio : [];
    for (let i = 0; i < list.length; i++) {
      const entry = list[i] || { type: 'ignore' };
      const out = { type: entry.type };
      if (entry.fd !== undefined) out.fd = entry.fd | 0;
      stdio.push(out);
      const handle = entry.handle;
      handles.push(handle && handle._externalStream !== undefined ? handle._externalStream : null);
    }
    const envPairs = Array.isArray(options.envPairs) ? options.envPairs.map(String) : null;
    const opts = {
      file: String(options.file),
      args: Array.isArray(options.args) ? options.args.map(String) : [String(options.file)],
      cwd: typeof options.cwd === 'string' && options.cwd !== '' ? options.cwd : null,
      envPairs,
      stdio,
      detached: !!options.detached,
      uid: Number.isInteger(options.uid) ? options.uid : null,
      gid: Number.isInteger(options.gid) ? options.gid : null,
    };
    const err = native.spawn(this[kNative], JSON.stringify(opts), handles);
    if (err === 0) this.pid = native.pid(this[kNative]);
    return err;
  }

  kill(signal) { return native.kill(this[kNative], signal | 0); }
  close(cb) {
    native.close(this[kNative], AsyncWrap.closeCallback(this, typeof cb === 'function' ? cb : null));
  }
  ref() { native.ref(this[kNative]); }
  unref() { native.unref(this[kNative]); }
  hasRef() { return native.hasRef(this[kNative]); }
}

native.init(function onexit(exitStatus, signalName) {
  return this.onexit(exitStatus, signalName);
});

// Handle passing over an IPC channel, for internal/child_process (not part
// of Node's binding): the next descriptor that arrived with the last read,
// as [fd, 'TCP' | 'PIPE' | 'UDP'] or null; a write whose first byte carries the fd
// of another handle (result as a stream write: bytes * 2 + queued, or -errno).
const ipc = {
  takeHandle(pipe) { return native.ipcTakeHandle(pipe._externalStream); },
  writeWithHandle(pipe, req, data, other) {
    return native.ipcWrite(pipe._externalStream, req, data, other._externalStream);
  },
};

const binding = { Process };
Object.defineProperty(binding, '_ipc', { __proto__: null, value: ipc, enumerable: false });
return binding;
