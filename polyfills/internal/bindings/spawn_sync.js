// The JS face of internalBinding('spawn_sync'): Node's spawn_sync.spawn(options)
// over js_bindings/spawn_sync.py.  The options ChildProcess built are
// flattened to JSON; stdio inputs travel beside them as bytes.  The result's
// output buffers arrive as ArrayBuffers and become Buffers here.
// Evaluated as function (native, internalBinding).
'use strict';

function spawn(options) {
  const stdio = [];
  const inputs = [];
  const list = Array.isArray(options.stdio) ? options.stdio : [];
  for (let i = 0; i < list.length; i++) {
    const entry = list[i] || { type: 'ignore' };
    const out = { type: entry.type, readable: !!entry.readable, writable: !!entry.writable };
    if (entry.fd !== undefined) out.fd = entry.fd | 0;
    if (entry.type === 'wrap' && entry.handle) {
      out.type = 'fd';
      out.fd = entry.handle.fd;
    }
    stdio.push(out);
    const input = entry.input;
    inputs.push(input != null && ArrayBuffer.isView(input) ?
      new Uint8Array(input.buffer, input.byteOffset, input.byteLength) : null);
  }
  const killSignal = typeof options.killSignal === 'number' ? options.killSignal : undefined;
  const opts = {
    file: String(options.file),
    args: Array.isArray(options.args) ? options.args.map(String) : [String(options.file)],
    cwd: typeof options.cwd === 'string' && options.cwd !== '' ? options.cwd : null,
    envPairs: Array.isArray(options.envPairs) ? options.envPairs.map(String) : null,
    stdio,
    detached: !!options.detached,
    uid: Number.isInteger(options.uid) ? options.uid : null,
    gid: Number.isInteger(options.gid) ? options.gid : null,
    timeout: typeof options.timeout === 'number' && options.timeout > 0 ? options.timeout : 0,
    maxBuffer: typeof options.maxBuffer === 'number' && options.maxBuffer !== Infinity &&
      options.maxBuffer >= 0 ? options.maxBuffer : null,
    killSignal,
  };
  const result = native.spawn(JSON.stringify(opts), inputs);
  if (result.output) {
    const { Buffer } = globalThis;
    result.output = result.output.map((o) => (o == null ? null : Buffer.from(o)));
  }
  return result;
}

return { spawn };
