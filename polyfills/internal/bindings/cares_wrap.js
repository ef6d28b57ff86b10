// JS side of internalBinding('cares_wrap'): the request classes and
// getaddrinfo/getnameinfo and the resolver channel over js_bindings/cares_wrap.py.
// Evaluated as function (native, internalBinding).
'use strict';

// Requests are async resources (see internalBinding('async_wrap')).
const { AsyncWrap, ReqWrap, Providers } = internalBinding('async_wrap');
class GetAddrInfoReqWrap extends ReqWrap { constructor() { super(Providers.GETADDRINFOREQWRAP); } }
class GetNameInfoReqWrap extends ReqWrap { constructor() { super(Providers.GETNAMEINFOREQWRAP); } }
class QueryReqWrap extends ReqWrap { constructor() { super(Providers.QUERYWRAP); } }

// A request is destroyed once its completion ran.
native.init(function complete(status, a, b) {
  try {
    return this.oncomplete(status, a, b);
  } finally {
    this.emitDestroy?.();
  }
});

// Query completions: (code, result, ttls); code 0 or c-ares' error name.
native.initQuery(function complete(code, result, ttls) {
  try {
    return this.oncomplete(code, result, ttls);
  } finally {
    this.emitDestroy?.();
  }
});

const kChannel = Symbol('kChannel');

// c-ares' channel: queries are async (req.oncomplete), configuration calls
// return 0 or an error number, as Node's ChannelWrap.
class ChannelWrap extends AsyncWrap {
  constructor(timeout, tries) {
    super(Providers.DNSCHANNEL);
    this[kChannel] = native.newChannel(timeout, tries);
  }
  cancel() { native.cancel(this[kChannel]); }
  getServers() { return native.getServers(this[kChannel]); }
  setServers(servers) { return native.setServers(this[kChannel], servers); }
  setLocalAddress(ipv4, ipv6) {
    const families = [];
    for (const address of [ipv4, ipv6]) {
      if (address === undefined) continue;
      const family = isIP(address);
      if (family === 0) throw new ERR_INVALID_ARG_VALUE_PLAIN('Invalid IP address.');
      families.push([family, address]);
    }
    let v4;
    let v6;
    for (const [family, address] of families) {
      if (family === 4) {
        if (v4 !== undefined) throw new ERR_INVALID_ARG_VALUE_PLAIN('Cannot specify two IPv4 addresses.');
        v4 = address;
      } else {
        if (v6 !== undefined) throw new ERR_INVALID_ARG_VALUE_PLAIN('Cannot specify two IPv6 addresses.');
        v6 = address;
      }
    }
    native.setLocalAddress(this[kChannel], v4 ?? null, v6 ?? null);
  }
}

function isIP(address) {
  return typeof address === 'string' ? native.ipFamily(address) : 0;
}

// Node's C++ throws these as TypeErrors with code ERR_INVALID_ARG_VALUE and
// its own message.
function ERR_INVALID_ARG_VALUE_PLAIN(message) {
  const err = new TypeError(message);
  err.code = 'ERR_INVALID_ARG_VALUE';
  return err;
}

const queryKinds = {
  queryAny: 'ANY', queryA: 'A', queryAaaa: 'AAAA', queryCaa: 'CAA', queryCname: 'CNAME',
  queryMx: 'MX', queryNs: 'NS', queryTxt: 'TXT', querySrv: 'SRV', queryPtr: 'PTR',
  queryNaptr: 'NAPTR', querySoa: 'SOA', getHostByAddr: 'REV',
};
for (const method of Object.keys(queryKinds)) {
  const kind = queryKinds[method];
  ChannelWrap.prototype[method] = function(req, name) {
    return native.query(this[kChannel], req, name, kind);
  };
}

// c-ares' messages for its error codes, and Node's own pending-queries one.
const aresMessages = {
  ENODATA: 'DNS server returned answer with no data',
  EFORMERR: 'DNS server claims query was misformatted',
  ESERVFAIL: 'DNS server returned general failure',
  ENOTFOUND: 'Domain name not found',
  ENOTIMP: 'DNS server does not implement requested operation',
  EREFUSED: 'DNS server refused query',
  EBADQUERY: 'Misformatted DNS query',
  EBADNAME: 'Misformatted domain name',
  EBADFAMILY: 'Unsupported address family',
  EBADRESP: 'Misformatted DNS reply',
  ECONNREFUSED: 'Could not contact DNS servers',
  ETIMEOUT: 'Timeout while contacting DNS servers',
  EOF: 'End of file',
  EFILE: 'Error reading file',
  ENOMEM: 'Out of memory',
  EDESTRUCTION: 'Channel is being destroyed',
  EBADSTR: 'Misformatted string',
  EBADFLAGS: 'Illegal flags specified',
  ENONAME: 'Given hostname is not numeric',
  EBADHINTS: 'Illegal hints flags specified',
  ENOTINITIALIZED: 'c-ares library initialization not yet performed',
  ECANCELLED: 'DNS query cancelled',
};

function strerror(code) {
  if (code === -1000) return 'There are pending queries.';
  if (typeof code === 'string') return aresMessages[code] ?? 'unknown';
  return 'Successful completion';
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
