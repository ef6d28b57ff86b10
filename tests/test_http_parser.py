"""internalBinding('http_parser'): wire cases fed whole, byte by byte and
with trailing data, through the real engine, with JS callbacks recording the
events the parser produces (as Node's llhttp-based parser would)."""

from __future__ import annotations

import json
import time

import pytest

from nodeshim.host import NodeProcess, Options

HARNESS = r"""
(function (internalBinding) {
  const { HTTPParser, methods } = internalBinding('http_parser');
  // feed(kind, chunks, answers) -> {events, results}
  return function feed(kind, chunks, answer, finish) {
    const events = [];
    const p = new HTTPParser();
    p.initialize(kind === 'req' ? HTTPParser.REQUEST : HTTPParser.RESPONSE, {});
    p[HTTPParser.kOnMessageBegin] = () => events.push(['begin']);
    p[HTTPParser.kOnHeaders] = (h, url) => events.push(['headers', h, url]);
    p[HTTPParser.kOnHeadersComplete] = (maj, min, h, m, url, status, msg, upg, ka) => {
      events.push(['head', `${maj}.${min}`, h === undefined ? null : h,
                   m === undefined ? null : methods[m], url === undefined ? null : url,
                   status === undefined ? null : status, msg === undefined ? null : msg, upg, ka]);
      return answer;
    };
    p[HTTPParser.kOnBody] = (b) => {
      const last = events[events.length - 1];
      if (last && last[0] === 'body') last[1] += b.toString('latin1');
      else events.push(['body', b.toString('latin1')]);
    };
    p[HTTPParser.kOnMessageComplete] = () => events.push(['done']);
    const results = [];
    for (const c of chunks) {
      const r = p.execute(Buffer.from(c, 'latin1'));
      if (r instanceof Error) {
        results.push({ code: r.code, reason: r.reason, bytesParsed: r.bytesParsed, message: r.message });
        break;
      }
      results.push(r);
    }
    if (finish) {
      const f = p.finish();
      results.push(f instanceof Error ? { code: f.code, reason: f.reason } : 'finished');
    }
    return JSON.stringify({ events, results });
  };
})
"""


@pytest.fixture(scope="module")
def proc():
    p = NodeProcess(Options())
    fn = p.engine.eval_script(HARNESS, "harness.js")
    feed = p.engine.call(fn, p.engine.function(p._js_binding, "internalBinding", 1))
    return p, feed


def run(proc, kind, chunks, answer=0, finish=False):
    p, feed = proc
    out = p.engine.call(feed, kind, [c.decode("latin-1") for c in chunks], answer, finish)
    return json.loads(out)


def events_of(proc, kind, wire, answer=0, finish=False):
    return run(proc, kind, [wire], answer, finish)["events"]


def split_bytes(wire):
    return [wire[i:i + 1] for i in range(len(wire))]


# (name, kind, wire, expected events) -- complete messages, no errors.
OK_CASES = [
    ("simple get", "req", b"GET /a?b=1 HTTP/1.1\r\nHost: x\r\nX-Y:  v  \r\n\r\n",
     [["begin"], ["head", "1.1", ["Host", "x", "X-Y", "v"], "GET", "/a?b=1", None, None, False, True], ["done"]]),
    ("http/1.0 no keep-alive", "req", b"GET / HTTP/1.0\r\n\r\n",
     [["begin"], ["head", "1.0", [], "GET", "/", None, None, False, False], ["done"]]),
    ("http/1.0 keep-alive", "req", b"GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
     [["begin"], ["head", "1.0", ["Connection", "keep-alive"], "GET", "/", None, None, False, True], ["done"]]),
    ("no host is fine", "req", b"DELETE /x HTTP/1.1\r\n\r\n",
     [["begin"], ["head", "1.1", [], "DELETE", "/x", None, None, False, True], ["done"]]),
    ("content-length body", "req", b"POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello",
     [["begin"], ["head", "1.1", ["Content-Length", "5"], "POST", "/", None, None, False, True],
      ["body", "hello"], ["done"]]),
    ("chunked with extension and trailers", "req",
     b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3;a=b\r\nabc\r\n2\r\nde\r\n0\r\nX-T: 1\r\n\r\n",
     [["begin"], ["head", "1.1", ["Transfer-Encoding", "chunked"], "POST", "/", None, None, False, True],
      ["body", "abcde"], ["headers", ["X-T", "1"], ""], ["done"]]),
    ("connection close", "req", b"GET / HTTP/1.1\r\nConnection: close\r\n\r\n",
     [["begin"], ["head", "1.1", ["Connection", "close"], "GET", "/", None, None, False, False], ["done"]]),
    ("m-search", "req", b"M-SEARCH * HTTP/1.1\r\n\r\n",
     [["begin"], ["head", "1.1", [], "M-SEARCH", "*", None, None, False, True], ["done"]]),
    ("response cl", "res", b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi",
     [["begin"], ["head", "1.1", ["Content-Length", "2"], None, None, 200, "OK", False, True],
      ["body", "hi"], ["done"]]),
    ("response 204 no body", "res", b"HTTP/1.1 204 No Content\r\n\r\n",
     [["begin"], ["head", "1.1", [], None, None, 204, "No Content", False, True], ["done"]]),
    ("response 304 ignores content-length", "res", b"HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n",
     [["begin"], ["head", "1.1", ["Content-Length", "10"], None, None, 304, "Not Modified", False, True], ["done"]]),
    ("response no reason", "res", b"HTTP/1.1 200\r\nContent-Length: 0\r\n\r\n",
     [["begin"], ["head", "1.1", ["Content-Length", "0"], None, None, 200, "", False, True], ["done"]]),
    ("response 100 then 200", "res", b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx",
     [["begin"], ["head", "1.1", [], None, None, 100, "Continue", False, True], ["done"],
      ["begin"], ["head", "1.1", ["Content-Length", "1"], None, None, 200, "OK", False, True],
      ["body", "x"], ["done"]]),
]


@pytest.mark.parametrize("name,kind,wire,expected", OK_CASES, ids=[c[0] for c in OK_CASES])
def test_whole(proc, name, kind, wire, expected):
    out = run(proc, kind, [wire])
    assert out["events"] == expected
    assert out["results"] == [len(wire)]


@pytest.mark.parametrize("name,kind,wire,expected", OK_CASES, ids=[c[0] for c in OK_CASES])
def test_byte_by_byte(proc, name, kind, wire, expected):
    out = run(proc, kind, split_bytes(wire))
    assert out["events"] == expected
    assert out["results"] == [1] * len(wire)


@pytest.mark.parametrize("name,kind,wire,expected", [c for c in OK_CASES if c[0] != "connection close"],
                         ids=[c[0] for c in OK_CASES if c[0] != "connection close"])
def test_with_trailing_data(proc, name, kind, wire, expected):
    # The next message's first bytes ride along; they begin a new message.
    tail = b"GET / HTT" if kind == "req" else b"HTTP/1.1 2"
    if b"HTTP/1.0" in wire.split(b"\r\n")[0] and b"keep-alive" not in wire:
        pytest.skip("not keep-alive: data after the message is an error")
    out = run(proc, kind, [wire + tail])
    assert out["events"] == expected + [["begin"]]
    assert out["results"] == [len(wire + tail)]


def test_pipelined(proc):
    wire = (b"GET /1 HTTP/1.1\r\n\r\nPOST /2 HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc"
            b"PUT /3 HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nz\r\n0\r\n\r\n")
    for chunks in ([wire], split_bytes(wire), [wire[:30], wire[30:70], wire[70:]]):
        ev = run(proc, "req", chunks)["events"]
        heads = [e[4] for e in ev if e[0] == "head"]
        assert heads == ["/1", "/2", "/3"]
        assert [e for e in ev if e[0] == "body"] == [["body", "abc"], ["body", "z"]]
        assert len([e for e in ev if e[0] == "done"]) == 3


def test_expect_100_continue(proc):
    # The head arrives first; the body only after the server's 100.
    head = b"PUT /up HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n"
    out = run(proc, "req", [head, b"data"])
    assert out["results"] == [len(head), 4]
    assert out["events"][1][2] == ["Expect", "100-continue", "Content-Length", "4"]
    assert out["events"][2:] == [["body", "data"], ["done"]]


def test_upgrade_request_stops_after_head(proc):
    head = b"GET /ws HTTP/1.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n"
    out = run(proc, "req", [head + b"\x81\x00rest"], answer=2)
    assert out["results"] == [len(head)]
    assert out["events"][1][7] is True
    assert out["events"][-1] == ["done"]


def test_upgrade_request_without_js_answer_still_stops(proc):
    # llhttp pauses after an upgrade request's message even when JS says 0.
    head = b"GET /ws HTTP/1.1\r\nConnection: upgrade\r\nUpgrade: h2c\r\n\r\n"
    out = run(proc, "req", [head + b"more"], answer=0)
    assert out["results"] == [len(head)]


def test_connect_request(proc):
    head = b"CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n"
    out = run(proc, "req", [head + b"TLSDATA"], answer=2)
    assert out["results"] == [len(head)]
    ev = out["events"]
    assert ev[1][3:5] == ["CONNECT", "example.com:443"] and ev[1][7] is True


def test_response_101(proc):
    head = b"HTTP/1.1 101 Switching Protocols\r\nConnection: upgrade\r\nUpgrade: websocket\r\n\r\n"
    out = run(proc, "res", [head + b"frames"])
    assert out["results"] == [len(head)]
    assert out["events"][1][7] is True


def test_connect_response_answer_2(proc):
    head = b"HTTP/1.1 200 Connection established\r\n\r\n"
    out = run(proc, "res", [head + b"tunnel"], answer=2)
    assert out["results"] == [len(head)]


def test_head_response_skips_body(proc):
    wire = b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n"
    out = run(proc, "res", [wire + b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"], answer=1)
    assert [e[0] for e in out["events"]] == ["begin", "head", "done", "begin", "head", "done"]


def test_response_until_eof(proc):
    out = run(proc, "res", [b"HTTP/1.1 200 OK\r\n\r\nsome", b" body"], finish=True)
    assert out["events"][1][8] is False  # needs EOF: not keep-alive
    assert out["events"][2:] == [["body", "some body"], ["done"]]
    assert out["results"][-1] == "finished"


def test_many_headers_flush_through_kOnHeaders(proc):
    fields = b"".join(b"H%d: v%d\r\n" % (i, i) for i in range(40))
    out = run(proc, "req", [b"GET /many HTTP/1.1\r\n" + fields + b"\r\n"])
    ev = out["events"]
    assert ev[1][0] == "headers" and len(ev[1][1]) == 62 and ev[1][2] == "/many"
    assert ev[2][0] == "headers" and len(ev[2][1]) == 18 and ev[2][2] == ""
    assert ev[3][0] == "head" and ev[3][2] is None and ev[3][4] is None


def test_callback_throw_propagates(proc):
    p, _ = proc
    fn = p.engine.eval_script(r"""
      (function (internalBinding) {
        const { HTTPParser } = internalBinding('http_parser');
        const parser = new HTTPParser();
        parser.initialize(HTTPParser.REQUEST, {});
        const boom = new TypeError('boom');
        parser[HTTPParser.kOnHeadersComplete] = () => { throw boom; };
        try { parser.execute(Buffer.from('GET / HTTP/1.1\r\n\r\n')); } catch (e) { return e === boom; }
        return 'no throw';
      })""", "throw.js")
    assert p.engine.call(fn, p.engine.function(p._js_binding, "internalBinding", 1)) is True


def _hpe(proc, kind, wire, finish=False):
    out = run(proc, kind, [wire], finish=finish)
    return out["results"][-1]


# (wire, kind, code, reason, bytesParsed or None) -- llhttp's answers.
HPE_CASES = [
    (b"Oopsie-doopsie\r\n", "req", "HPE_INVALID_METHOD", "Invalid method encountered", 1),
    (b"GET / HTTP/1.1\r\nDummy: Header\rContent-Length: 1\r\n\r\n", "req",
     "HPE_LF_EXPECTED", "Missing expected LF after header value", None),
    (b"HTTP/1.1 200 OK\r\nFoo: Bar\rContent-Length: 1\r\n\r\n", "res",
     "HPE_LF_EXPECTED", "Missing expected LF after header value", None),
    (b"bad http = should trigger parse error", "res", "HPE_INVALID_CONSTANT", "Expected HTTP/", 0),
    (b"POST / HTTP/1.1\r\nContent-Length: 10\r\nTransfer-Encoding: eee, chunked\r\n\r\nHELLOWORLD", "req",
     "HPE_INVALID_TRANSFER_ENCODING", "Transfer-Encoding can't be present with Content-Length", None),
    (b"HTTP/1.1 200 OK\r\nContent-Length: 6\r\nTransfer-Encoding: Chunked\r\n\r\n6\r\nfoobar0\r\n", "res",
     "HPE_INVALID_TRANSFER_ENCODING", "Transfer-Encoding can't be present with Content-Length", None),
    (b"POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n", "req",
     "HPE_INVALID_TRANSFER_ENCODING", "Request has invalid `Transfer-Encoding`", None),
    (b"GET / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", "req",
     "HPE_UNEXPECTED_CONTENT_LENGTH", "Duplicate Content-Length", None),
    (b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\ncontent-length: 1\r\n\r\nk", "res",
     "HPE_UNEXPECTED_CONTENT_LENGTH", "Duplicate Content-Length", None),
    (b"GET / HTTP/1.1\r\nContent-Length: 1x\r\n\r\n", "req",
     "HPE_INVALID_CONTENT_LENGTH", "Invalid character in Content-Length", None),
    (b"GET / HTTP/1.1\r\nBad Name: x\r\n\r\n", "req", "HPE_INVALID_HEADER_TOKEN", "Invalid header token", 19),
    (b"GET / HTTP/1.1\r\nName: a\x01b\r\n\r\n", "req",
     "HPE_INVALID_HEADER_TOKEN", "Invalid header value char", 23),
    (b"GET / HTTP/1.1\r\nA: b\r\n folded\r\n\r\n", "req",
     "HPE_INVALID_HEADER_TOKEN", "Unexpected whitespace after header value", None),
    (b"GET / HTTP/1.1\r\n\tA: b\r\n\r\n", "req", "HPE_UNEXPECTED_SPACE", "Unexpected space after start line", 16),
    (b"GET / HTTP/4.2\r\n\r\n", "req", "HPE_INVALID_VERSION", "Invalid HTTP version", None),
    (b"GET /a b HTTP/1.1\r\n\r\n", "req", "HPE_INVALID_CONSTANT", "Expected HTTP/", None),
    (b"HTTP/1.1 2x0 OK\r\n\r\n", "res", "HPE_INVALID_STATUS", "Invalid status code", 10),
    (b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "req",
     "HPE_INVALID_CHUNK_SIZE", "Invalid character in chunk size", None),
    (b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2;" + b"a" * 17000 + b"\r\nAA\r\n0\r\n\r\n", "req",
     "HPE_CHUNK_EXTENSIONS_OVERFLOW", "Chunk extensions overflow", None),
    (b"GET / HTTP/1.1\r\nConnection: close\r\n\r\nGET / HTTP/1.1\r\n\r\n", "req",
     "HPE_CLOSED_CONNECTION", "Data after `Connection: close`", None),
]


@pytest.mark.parametrize("wire,kind,code,reason,parsed", HPE_CASES, ids=[c[2] + ":" + c[3] for c in HPE_CASES])
def test_hpe(proc, wire, kind, code, reason, parsed):
    r = _hpe(proc, kind, wire)
    assert (r["code"], r["reason"]) == (code, reason)
    assert r["message"] == "Parse Error"
    if parsed is not None:
        assert r["bytesParsed"] == parsed
    # Byte by byte the same error comes, at the same absolute place.
    out = run(proc, kind, split_bytes(wire))
    last = out["results"][-1]
    assert (last["code"], last["reason"]) == (code, reason)


def test_header_overflow(proc):
    payload = b"GET /blah HTTP/1.1\r\nCookie: " + b"a" * (16384 - 8 + 1)
    r = _hpe(proc, "req", payload)
    assert (r["code"], r["reason"], r["bytesParsed"]) == ("HPE_HEADER_OVERFLOW", "Header overflow", len(payload))


def test_invalid_eof_state(proc):
    out = run(proc, "req", [b"GET / HTTP/1.1\r\nContent-Length:"], finish=True)
    assert out["results"][-1] == {"code": "HPE_INVALID_EOF_STATE", "reason": "Invalid EOF state"}
    out = run(proc, "req", [b"POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nab"], finish=True)
    assert out["results"][-1] == {"code": "HPE_INVALID_EOF_STATE", "reason": "Invalid EOF state"}
    out = run(proc, "req", [b"GET / HTTP/1.1\r\n\r\n"], finish=True)
    assert out["results"][-1] == "finished"


def test_parse_rate(proc, capsys):
    p, _ = proc
    fn = p.engine.eval_script(r"""
      (function (internalBinding, n) {
        const { HTTPParser } = internalBinding('http_parser');
        const parser = new HTTPParser();
        parser.initialize(HTTPParser.REQUEST, {});
        let count = 0;
        parser[HTTPParser.kOnHeadersComplete] = () => 0;
        parser[HTTPParser.kOnMessageComplete] = () => { count++; };
        const req = Buffer.from('GET /hello/world HTTP/1.1\r\nHost: localhost:3000\r\n' +
          'User-Agent: bench\r\nAccept: */*\r\nConnection: keep-alive\r\n\r\n');
        for (let i = 0; i < n; i++) parser.execute(req);
        return count;
      })""", "rate.js")
    n = 5000
    t = time.perf_counter()
    count = p.engine.call(fn, p.engine.function(p._js_binding, "internalBinding", 1), n)
    dt = time.perf_counter() - t
    assert count == n
    with capsys.disabled():
        print(f"\nhttp_parser: {n / dt:,.0f} simple GET requests/s through execute()")
