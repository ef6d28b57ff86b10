// JS side of internalBinding('cares_wrap'): the request classes and
// getaddrinfo/getnameinfo over js_bindings/cares_wrap.py.  Evaluated as
// function (native, internalBinding).  The c-ares resolver (ChannelWrap) is
// not implemented: its queries complete with ENOTIMP.
'use strict';

// The async context a request was made in (see stream_handles.js).
const kAsyncFrame = Symbol.for('nodeshim.asyncFrame');
const frameState = globalThis[Symbol.for('nodeshim.asyncFrameState')];
class GetAddrInfoReqWrap { constructor() { this[kAsyncFrame] = frameState.current; } }
class GetNameInfoReqWrap { constructor() { this[kAsyncFrame] = frameState.current; } }
class QueryReqWrap { constructor() { this[kAsyncFrame] = frameState.current; } }

native.init(function complete(status, a, b) { return this.oncomplete(status, a, b); });

const ENOTIMP = 'ENOTIMP';

class ChannelWrap {
  constructor(timeout, tries) {
    this.timeout = timeout;
    this.tries = tries;
    this.servers = [];
  }
  cancel() {}
  getServers() { return this.servers.map((s) => [s, 53]); }
  setServers(servers) { this.servers = servers.map((s) => s[1]); return 0; }
  setLocalAddress() {}
}
for (const kind of ['queryAny', 'queryA', 'queryAaaa', 'queryCaa', 'queryCname', 'queryMx',
  'queryNs', 'queryTxt', 'querySrv', 'queryPtr', 'queryNaptr', 'querySoa', 'getHostByAddr']) {
  ChannelWrap.prototype[kind] = function(req) {
    process.nextTick(() => req.oncomplete(ENOTIMP));
    return 0;
  };
}

function strerror(code) {
  const uv = internalBinding('uv');
  return typeof code === 'number' ? uv.errname(code) : String(code);
}

return {
  GetAddrInfoReqWrap,
  GetNameInfoReqWrap,
  QueryReqWrap,
  ChannelWrap,
  getaddrinfo: native.getaddrinfo,
  getnameinfo: native.getnameinfo,
  strerror,
  AI_ADDRCONFIG: native.AI_ADDRCONFIG,
  AI_ALL: native.AI_ALL,
  AI_V4MAPPED: native.AI_V4MAPPED,
  DNS_ORDER_VERBATIM: native.DNS_ORDER_VERBATIM,
  DNS_ORDER_IPV4_FIRST: native.DNS_ORDER_IPV4_FIRST,
  DNS_ORDER_IPV6_FIRST: native.DNS_ORDER_IPV6_FIRST,
};
