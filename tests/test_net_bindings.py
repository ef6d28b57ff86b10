"""tcp_wrap / pipe_wrap / stream_wrap / uv / cares_wrap on loopback sockets.

Each case runs a small JS program against the raw bindings (no net.js) in a
fresh NodeProcess and checks the log it prints: statuses, callback order,
half-close, queued writes, backpressure, ref/unref, errno mapping.
"""

from __future__ import annotations

import socket

import pytest

from nodeshim.host import NodeProcess
from nodeshim.js_bindings import uv

PRELUDE = r"""
const { TCP, TCPConnectWrap, constants } = internalBinding('tcp_wrap');
const { Pipe, PipeConnectWrap, constants: PipeConstants } = internalBinding('pipe_wrap');
const { WriteWrap, ShutdownWrap, streamBaseState, kLastWriteWasAsync, kBytesWritten } =
  internalBinding('stream_wrap');
const uv = internalBinding('uv');
const out = [];
const log = (...a) => out.push(a.join(' '));
globalThis.__netTestOut = out;
function listen(onconn, host = '127.0.0.1') {
  const s = new TCP(constants.SERVER);
  const r = host.includes(':') ? s.bind6(host, 0, 0) : s.bind(host, 0, 0);
  if (r) throw new Error('bind ' + r);
  if (s.listen(511)) throw new Error('listen');
  s.onconnection = onconn;
  const a = {};
  s.getsockname(a);
  return [s, a.port];
}
function connect(port, cb, host = '127.0.0.1') {
  const c = new TCP(constants.SOCKET);
  const req = new TCPConnectWrap();
  req.oncomplete = (status, handle, r, readable, writable) => cb(status, c);
  const err = host.includes(':') ? c.connect6(req, host, port) : c.connect(req, host, port);
  if (err) cb(err, c);
  return c;
}
"""


def run_js(src: str) -> list[str]:
    proc = NodeProcess()
    fn = proc.compile_function(PRELUDE + src, "/test/bindings.js", "internalBinding")
    assert not isinstance(fn, list), fn
    binding_fn = proc.engine.function(proc._js_binding, "internalBinding", 1)
    proc.engine.call(proc.hooks["makeCallback"], fn, None, binding_fn)
    proc._spin()
    code = proc._finish()
    text = proc.engine.eval_script("globalThis.__netTestOut.join('\\n')")
    assert code == 0, text
    return text.split("\n") if text else []


def test_errno_table_matches_libuv_names():
    assert uv.errname(-111) == "ECONNREFUSED"
    assert uv.CODES["EOF"] == -4095
    assert uv.errno_of(ConnectionRefusedError(111, "x")) == -111
    assert uv.errno_of(socket.gaierror(socket.EAI_NONAME, "x")) == uv.CODES["EAI_NONAME"]
    for name in ("ECONNREFUSED", "ECONNRESET", "EADDRINUSE", "EADDRNOTAVAIL", "EPIPE",
                 "ETIMEDOUT", "EACCES", "EINVAL", "ECANCELED"):
        assert uv.ERRORS[uv.CODES[name]][0] == name


def test_uv_binding_from_js():
    lines = run_js("""
      log(uv.errname(-111), uv.UV_EOF, uv.UV_ECONNRESET);
      const m = uv.getErrorMap();
      log(m instanceof Map, m.get(-98)[0], m.get(-98)[1]);
    """)
    assert lines == ["ECONNREFUSED -4095 -104", "true EADDRINUSE address already in use"]


def test_lifecycle_echo_halfclose_and_close_order():
    lines = run_js("""
      const [server, port] = listen(function (status, client) {
        log('onconnection', status, this === server);
        client.onread = (nread, buf) => {
          if (nread > 0) {
            log('server read', nread);
            const w = new WriteWrap();
            w.oncomplete = () => log('unexpected async');
            client.writeBuffer(w, new Uint8Array(buf));
            log('sync write', streamBaseState[kLastWriteWasAsync], streamBaseState[kBytesWritten]);
            return;
          }
          log('server eof', nread === uv.UV_EOF);
          const sd = new ShutdownWrap();
          sd.oncomplete = (st) => {
            log('server shutdown', st);
            client.close(() => { log('server client closed'); server.close(() => log('server closed')); });
          };
          client.shutdown(sd);
        };
        client.readStart();
      });
      const c = connect(port, (status, c) => {
        log('connected', status);
        const w = new WriteWrap();
        c.writeUtf8String(w, 'héllo');
        log('wrote', streamBaseState[kBytesWritten]);
        const sd = new ShutdownWrap();
        sd.oncomplete = (st) => log('client shutdown', st);
        c.shutdown(sd);
        let got = 0;
        c.onread = (nread) => {
          if (nread > 0) { got += nread; return; }
          log('client eof', got, c.bytesRead, c.bytesWritten);
          c.close(() => log('client closed'));
        };
        c.readStart();
      });
    """)
    assert "connected 0" in lines
    assert "wrote 6" in lines
    assert "onconnection 0 true" in lines
    assert "sync write 0 6" in lines
    assert "server eof true" in lines
    assert "client eof 6 6 6" in lines
    assert lines.index("client shutdown 0") < lines.index("server eof true")
    assert lines[-1] in ("server closed", "client closed")
    assert {"server closed", "client closed", "server client closed"} <= set(lines)


def test_connect_refused_status_and_bind_eaddrinuse_deferred_to_listen():
    lines = run_js("""
      const [server, port] = listen(() => {});
      const dup = new TCP(constants.SERVER);
      log('bind', dup.bind('127.0.0.1', port, 0));
      log('listen', uv.errname(dup.listen(10)));
      dup.close();
      server.close(() => {
        connect(port, (status, c) => { log('connect', uv.errname(status)); c.close(); });
      });
    """)
    assert lines == ["bind 0", "listen EADDRINUSE", "connect ECONNREFUSED"]


def test_queued_concurrent_writes_and_backpressure():
    # The peer does not read until the client queued ~16 MiB: writes go async,
    # writeQueueSize grows, and every oncomplete arrives, in order.
    lines = run_js("""
      let serverClient;
      let received = 0;
      const [server, port] = listen((st, client) => { serverClient = client; });
      const total = 16 * 1024 * 1024;
      connect(port, (status, c) => {
        const chunk = new Uint8Array(256 * 1024).fill(7);
        const done = [];
        let asyncCount = 0;
        for (let i = 0; i < total / chunk.length; i++) {
          const w = new WriteWrap();
          w.oncomplete = (st) => {
            done.push(i);
            if (done.length === total / chunk.length) {
              log('all complete in order', done.every((v, k) => v === k));
              c.close();
            }
          };
          c.writeBuffer(w, chunk);
          if (streamBaseState[kLastWriteWasAsync]) asyncCount++; else done.push(i);
        }
        log('some async', asyncCount > 0, 'queued', c.writeQueueSize > 0);
        setTimeout(() => {
          serverClient.onread = (nread) => {
            if (nread > 0) { received += nread; return; }
            log('server got', received === total);
            serverClient.close();
            server.close();
          };
          serverClient.readStart();
        }, 20);
      });
    """)
    assert lines == ["some async true queued true", "all complete in order true", "server got true"]


def test_peer_reset_mid_write_reports_one_error():
    lines = run_js("""
      const [server, port] = listen((st, client) => {
        client.reset();  // RST to the writer
        server.close();
      });
      connect(port, (status, c) => {
        const errors = [];
        let n = 0;
        const chunk = new Uint8Array(1 << 20);
        function pump() {
          if (n++ > 64) { log('no error'); c.close(); return; }
          const w = new WriteWrap();
          w.oncomplete = (st) => {
            if (st < 0) { errors.push(uv.errname(st)); finish(); }
            else setTimeout(pump, 1);
          };
          const r = c.writeBuffer(w, chunk);
          if (r < 0) { errors.push(uv.errname(r)); finish(); return; }
          if (!streamBaseState[kLastWriteWasAsync]) setTimeout(pump, 1);
        }
        let finished = false;
        function finish() {
          if (finished) return;
          finished = true;
          log('error', errors[0]);
          c.close();
        }
        pump();
      });
    """)
    assert len(lines) == 1 and lines[0] in ("error EPIPE", "error ECONNRESET"), lines


def test_unref_lets_process_exit_and_ref_keeps_it():
    lines = run_js("""
      const [server, port] = listen(() => {});
      log('hasRef', server.hasRef());
      server.unref();
      log('hasRef', server.hasRef());
    """)
    assert lines == ["hasRef true", "hasRef false"]


def test_close_during_connect_and_with_queued_writes_is_safe():
    lines = run_js("""
      const [server, port] = listen((st, client) => {
        client.close();
      });
      const c = new TCP(constants.SOCKET);
      const req = new TCPConnectWrap();
      req.oncomplete = (status) => log('connect cb', uv.errname(status));
      c.connect(req, '127.0.0.1', port);
      c.close(() => {
        log('closed during connect');
        const d = connect(port, (status, d) => {
          const big = new Uint8Array(8 << 20);
          const w = new WriteWrap();
          w.oncomplete = (st) => log('queued write', uv.errname(st));
          d.writeBuffer(w, big);
          log('async', streamBaseState[kLastWriteWasAsync]);
          d.close(() => { log('closed with queued write'); server.close(); });
        });
      });
    """)
    assert lines == ["connect cb ECANCELED", "closed during connect", "async 1",
                     "queued write ECANCELED", "closed with queued write"]


def test_ipv6_and_local_address_127_0_0_2():
    lines = run_js("""
      const [server, port] = listen((st, client) => {
        const peer = {};
        client.getpeername(peer);
        log('peer', peer.address, peer.family);
        client.close();
        server.close();
      }, '::1');
      const c = connect(port, (status, c) => { log('v6 connect', status); c.close(); }, '::1');
      const [s2, port2] = listen((st, client) => {
        const peer = {};
        client.getpeername(peer);
        log('peer2', peer.address);
        client.close();
        s2.close();
      });
      const c2 = new TCP(constants.SOCKET);
      log('bind local', c2.bind('127.0.0.2', 0, 0));
      const r = new TCPConnectWrap();
      r.oncomplete = (st) => { log('connect2', st); c2.close(); };
      c2.connect(r, '127.0.0.1', port2);
    """)
    assert "peer ::1 IPv6" in lines and "v6 connect 0" in lines
    assert "peer2 127.0.0.2" in lines and "connect2 0" in lines


def test_pipe_listen_connect(tmp_path):
    path = str(tmp_path / "s.sock")
    lines = run_js(f"""
      const s = new Pipe(PipeConstants.SERVER);
      log('bind', s.bind({path!r}));
      log('listen', s.listen(10));
      s.onconnection = (st, client) => {{
        client.onread = (n, buf) => {{
          if (n > 0) log('pipe read', String.fromCharCode(...new Uint8Array(buf)));
          else {{ client.close(); s.close(); }}
        }};
        client.readStart();
      }};
      const c = new Pipe(PipeConstants.SOCKET);
      const req = new PipeConnectWrap();
      req.oncomplete = (st) => {{
        log('pipe connect', st);
        c.writeUtf8String(new WriteWrap(), 'hi');
        const sd = new ShutdownWrap();
        sd.oncomplete = () => c.close();
        c.shutdown(sd);
      }};
      c.connect(req, {path!r});
      const bad = new Pipe(PipeConstants.SOCKET);
      const breq = new PipeConnectWrap();
      breq.oncomplete = (st) => {{ log('missing', uv.errname(st)); bad.close(); }};
      bad.connect(breq, {path!r} + '.missing');
    """)
    assert lines[:2] == ["bind 0", "listen 0"]
    assert "pipe connect 0" in lines and "pipe read hi" in lines and "missing ENOENT" in lines


def test_getaddrinfo_localhost_and_enotfound():
    lines = run_js("""
      const cares = internalBinding('cares_wrap');
      const r1 = new cares.GetAddrInfoReqWrap();
      r1.oncomplete = (err, addrs) => log('localhost', err, addrs.includes('127.0.0.1'));
      cares.getaddrinfo(r1, 'localhost', 4, 0, cares.DNS_ORDER_VERBATIM);
      const r2 = new cares.GetAddrInfoReqWrap();
      r2.oncomplete = (err) => log('invalid', uv.errname(err));
      cares.getaddrinfo(r2, 'nonexistent.invalid', 0, 0, 0);
    """)
    assert sorted(lines) == sorted(["localhost 0 true", "invalid EAI_NONAME"]) or \
        sorted(lines) == sorted(["localhost 0 true", "invalid EAI_NODATA"]), lines
