// The JS classes of internalBinding('udp_wrap'): Node's UDP handle and
// SendWrap (udp_wrap.cc) over the Python UDPHandle (js_bindings/udp_wrap.py),
// held under kNative.  Methods return what Node's do: 0 or a negative errno;
// send() returns bytes + 1 when the datagram left synchronously.
// Evaluated as function (native, internalBinding).
'use strict';

const kNative = Symbol('kNative');
const { AsyncWrap, ReqWrap, Providers } = internalBinding('async_wrap');

class SendWrap extends ReqWrap { constructor() { super(Providers.UDPSENDWRAP); } }

function fillAddress(result, out) {
  if (typeof result === 'number') return result;
  out.address = result[0];
  out.family = result[1];
  out.port = result[2];
  return 0;
}

function optionalString(value) {
  return value === undefined || value === null ? null : `${value}`;
}

class UDP extends AsyncWrap {
  constructor() {
    super(Providers.UDPWRAP);
    this[kNative] = native.newHandle(this);
    this.onmessage = null;
  }

  open(fd) { return native.open(this[kNative], fd); }
  // The Python handle, for sending this socket over an IPC channel.
  get _externalStream() { return this[kNative]; }
  bind(address, port, flags) {
    return native.bind(this[kNative], `${address}`, port >>> 0, flags | 0);
  }
  bind6(address, port, flags) {
    return native.bind6(this[kNative], `${address}`, port >>> 0, flags | 0);
  }
  connect(address, port) { return native.connect(this[kNative], `${address}`, port >>> 0); }
  connect6(address, port) { return native.connect6(this[kNative], `${address}`, port >>> 0); }
  disconnect() { return native.disconnect(this[kNative]); }

  // send(req, list, count, port, address, hasCallback): to an address;
  // send(req, list, count, hasCallback): on a connected handle.
  send(req, list, count, port, address, hasCallback) {
    if (arguments.length <= 4) return sendTo(this, req, list, count, null, null, port, false);
    return sendTo(this, req, list, count, port, address, hasCallback, false);
  }
  send6(req, list, count, port, address, hasCallback) {
    if (arguments.length <= 4) return sendTo(this, req, list, count, null, null, port, true);
    return sendTo(this, req, list, count, port, address, hasCallback, true);
  }

  recvStart() { return native.recvStart(this[kNative]); }
  recvStop() { return native.recvStop(this[kNative]); }
  getsockname(out) { return fillAddress(native.address(this[kNative], false), out); }
  getpeername(out) { return fillAddress(native.address(this[kNative], true), out); }

  setBroadcast(on) { return native.setBroadcast(this[kNative], !!on); }
  setTTL(ttl) { return native.setTTL(this[kNative], ttl | 0); }
  setMulticastTTL(ttl) { return native.setMulticastTTL(this[kNative], ttl | 0); }
  setMulticastLoopback(on) { return native.setMulticastLoopback(this[kNative], on | 0); }
  setMulticastInterface(iface) {
    return native.setMulticastInterface(this[kNative], `${iface}`);
  }
  addMembership(group, iface) {
    return native.setMembership(this[kNative], `${group}`, optionalString(iface), true);
  }
  dropMembership(group, iface) {
    return native.setMembership(this[kNative], `${group}`, optionalString(iface), false);
  }
  addSourceSpecificMembership(source, group, iface) {
    return native.setSourceMembership(this[kNative], `${source}`, `${group}`,
                                      optionalString(iface), true);
  }
  dropSourceSpecificMembership(source, group, iface) {
    return native.setSourceMembership(this[kNative], `${source}`, `${group}`,
                                      optionalString(iface), false);
  }

  // Node's UDPWrap::BufferSize: size 0 reads the value; on failure ctx gets
  // the error's errno/code/message/syscall and the result is undefined.
  bufferSize(size, recv, ctx) {
    const syscall = recv ? 'uv_recv_buffer_size' : 'uv_send_buffer_size';
    let result;
    if ((size | 0) !== size) {
      result = internalBinding('uv').UV_EINVAL;
    } else {
      result = native.bufferSize(this[kNative], size >>> 0, !!recv);
    }
    if (result < 0) {
      const [code, message] = uvEntry(result);
      ctx.errno = result;
      ctx.code = code;
      ctx.message = message;
      ctx.syscall = syscall;
      return undefined;
    }
    return result;
  }

  getSendQueueSize() { return native.sendQueueSize(this[kNative]); }
  getSendQueueCount() { return native.sendQueueCount(this[kNative]); }

  close(cb) {
    native.close(this[kNative], AsyncWrap.closeCallback(this, typeof cb === 'function' ? cb : null));
  }
  ref() { native.ref(this[kNative]); }
  unref() { native.unref(this[kNative]); }
  hasRef() { return native.hasRef(this[kNative]); }
  get fd() { return native.fd(this[kNative]); }
}

function uvEntry(err) {
  const entry = internalBinding('uv').getErrorMap().get(err);
  return entry || ['UNKNOWN', 'unknown error'];
}

function sendTo(handle, req, list, count, port, address, hasCallback, v6) {
  const chunks = [];
  const n = Math.min(count >>> 0, list.length);
  for (let i = 0; i < n; i++) {
    const chunk = list[i];
    // DataView and wide typed arrays go to Python as their bytes.
    chunks.push(chunk instanceof Uint8Array || typeof chunk === 'string' ? chunk :
      new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  }
  return native.send(handle[kNative], req, chunks, port === null ? 0 : port >>> 0,
                     address === null ? null : `${address}`, !!hasCallback, v6);
}

// Trampolines Python calls with `this` set to the receiver.
native.init(
  function onmessage(nread, data, rinfo) {
    if (nread < 0) return this.onmessage(nread, this, undefined, undefined);
    const { Buffer } = globalThis;
    return this.onmessage(nread, this, Buffer.from(data), rinfo);
  },
  function sendDone(status, sent) {
    try {
      if (typeof this.oncomplete === 'function') this.oncomplete(status, sent);
    } finally {
      this.emitDestroy?.();
    }
  },
);

return {
  UDP,
  SendWrap,
  constants: { UV_UDP_IPV6ONLY: 1, UV_UDP_REUSEADDR: 4 },
};
