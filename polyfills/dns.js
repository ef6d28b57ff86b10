// node:dns — lookup/lookupService over getaddrinfo/getnameinfo (the
// cares_wrap binding runs them on a worker thread), and the DNS resolver
// (internal/dns/callback_resolver) for resolve*/reverse.
'use strict';

const {
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE,
  ERR_MISSING_ARGS,
} = require('internal/errors').codes;
const { DNSException } = require('internal/errors');
const {
  validateBoolean,
  validateFunction,
  validateNumber,
  validateOneOf,
  validatePort,
  validateString,
} = require('internal/validators');
const { isIP } = require('internal/net');
const { hasObserver, startPerf, stopPerf } = require('internal/perf/observe');
const cares = internalBinding('cares_wrap');
const {
  GetAddrInfoReqWrap,
  GetNameInfoReqWrap,
  DNS_ORDER_VERBATIM,
  DNS_ORDER_IPV4_FIRST,
  DNS_ORDER_IPV6_FIRST,
} = cares;

const ADDRCONFIG = cares.AI_ADDRCONFIG;
const ALL = cares.AI_ALL;
const V4MAPPED = cares.AI_V4MAPPED;

// --dns-result-order sets the starting value (Node 20's default: verbatim).
let defaultResultOrder = require('internal/options').getOptionValue('--dns-result-order') ||
  'verbatim';

function getDefaultResultOrder() {
  return defaultResultOrder;
}

function setDefaultResultOrder(order) {
  validateOneOf(order, 'dnsOrder', ['verbatim', 'ipv4first', 'ipv6first']);
  defaultResultOrder = order;
}

function validateHints(hints) {
  if ((hints & ~(ADDRCONFIG | ALL | V4MAPPED)) !== 0) {
    throw new ERR_INVALID_ARG_VALUE('hints', hints);
  }
}

let invalidHostnameWarningEmitted = false;
function emitInvalidHostnameWarning(hostname) {
  if (!invalidHostnameWarningEmitted) {
    process.emitWarning(`The provided hostname "${hostname}" is not a valid ` +
      'hostname, and is supported in the dns module solely for compatibility.',
                        'DeprecationWarning', 'DEP0118');
    invalidHostnameWarningEmitted = true;
  }
}

const kPerfHooksDnsLookupContext = Symbol('kPerfHooksDnsLookupContext');
const kPerfHooksDnsLookupServiceContext = Symbol('kPerfHooksDnsLookupServiceContext');

// A 'dns' performance entry for a lookup, when someone observes them.
function startLookupPerf(req, hostname, family, hints, order) {
  if (!hasObserver('dns')) return;
  const orderName = order === DNS_ORDER_IPV4_FIRST ? 'ipv4first' :
    order === DNS_ORDER_IPV6_FIRST ? 'ipv6first' : 'verbatim';
  startPerf(req, kPerfHooksDnsLookupContext, {
    type: 'dns',
    name: 'lookup',
    detail: { hostname, family, hints, verbatim: orderName === 'verbatim', order: orderName },
  });
}

function stopLookupPerf(req, addresses) {
  if (req[kPerfHooksDnsLookupContext] && hasObserver('dns')) {
    stopPerf(req, kPerfHooksDnsLookupContext, { detail: { addresses } });
  }
}

function startLookupServicePerf(req, host, port) {
  if (!hasObserver('dns')) return;
  startPerf(req, kPerfHooksDnsLookupServiceContext,
            { type: 'dns', name: 'lookupService', detail: { host, port } });
}

function stopLookupServicePerf(req, hostname, service) {
  if (req[kPerfHooksDnsLookupServiceContext] && hasObserver('dns')) {
    stopPerf(req, kPerfHooksDnsLookupServiceContext, { detail: { hostname, service } });
  }
}

function onlookup(err, addresses) {
  if (err) return this.callback(new DNSException(err, 'getaddrinfo', this.hostname));
  this.callback(null, addresses[0], this.family || isIP(addresses[0]));
  stopLookupPerf(this, addresses);
}

function onlookupall(err, addresses) {
  if (err) return this.callback(new DNSException(err, 'getaddrinfo', this.hostname));
  const family = this.family;
  const result = [];
  for (let i = 0; i < addresses.length; i++) {
    result.push({ address: addresses[i], family: family || isIP(addresses[i]) });
  }
  this.callback(null, result);
  stopLookupPerf(this, result);
}

// Parse lookup()'s (hostname, options|family, callback) the way Node does;
// returns { hostname, family, hints, all, order } after validation.
function parseLookupOptions(hostname, options, callback, needCallback, argc) {
  let hints = 0;
  let family = 0;
  let all = false;
  let dnsOrder = defaultResultOrder;

  if (hostname) validateString(hostname, 'hostname');

  if (needCallback && typeof options === 'function') {
    family = 0;
  } else if (typeof options === 'number') {
    if (needCallback) validateFunction(callback, 'callback');
    validateOneOf(options, 'family', [0, 4, 6]);
    family = options;
  } else if (options !== undefined && typeof options !== 'object') {
    if (needCallback) validateFunction(argc === 2 ? options : callback, 'callback');
    throw new ERR_INVALID_ARG_TYPE('options', ['integer', 'object'], options);
  } else {
    if (needCallback) validateFunction(callback, 'callback');
    if (options?.hints != null) {
      validateNumber(options.hints, 'options.hints');
      hints = options.hints >>> 0;
      validateHints(hints);
    }
    if (options?.family != null) {
      switch (options.family) {
        case 'IPv4': family = 4; break;
        case 'IPv6': family = 6; break;
        default:
          validateOneOf(options.family, 'options.family', [0, 4, 6]);
          family = options.family;
      }
    }
    if (options?.all != null) {
      validateBoolean(options.all, 'options.all');
      all = options.all;
    }
    if (options?.verbatim != null) {
      validateBoolean(options.verbatim, 'options.verbatim');
      dnsOrder = options.verbatim ? 'verbatim' : 'ipv4first';
    }
    if (options?.order != null) {
      validateOneOf(options.order, 'options.order', ['ipv4first', 'ipv6first', 'verbatim']);
      dnsOrder = options.order;
    }
  }
  let order = DNS_ORDER_VERBATIM;
  if (dnsOrder === 'ipv4first') order = DNS_ORDER_IPV4_FIRST;
  else if (dnsOrder === 'ipv6first') order = DNS_ORDER_IPV6_FIRST;
  return { family, hints, all, order };
}

function lookup(hostname, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
    if (hostname) validateString(hostname, 'hostname');
    validateFunction(callback, 'callback');
  }
  const { family, hints, all, order } =
    parseLookupOptions(hostname, options, callback, true, arguments.length);

  if (!hostname) {
    emitInvalidHostnameWarning(hostname);
    if (all) process.nextTick(callback, null, []);
    else process.nextTick(callback, null, null, family === 6 ? 6 : 4);
    return {};
  }

  const matchedFamily = isIP(hostname);
  if (matchedFamily) {
    if (all) process.nextTick(callback, null, [{ address: hostname, family: matchedFamily }]);
    else process.nextTick(callback, null, hostname, matchedFamily);
    return {};
  }

  const req = new GetAddrInfoReqWrap();
  req.callback = callback;
  req.family = family;
  req.hostname = hostname;
  req.oncomplete = all ? onlookupall : onlookup;
  const err = cares.getaddrinfo(req, hostname, family, hints, order);
  if (err) {
    process.nextTick(callback, new DNSException(err, 'getaddrinfo', hostname));
    return {};
  }
  startLookupPerf(req, hostname, family, hints, order);
  return req;
}

Object.defineProperty(lookup, Symbol.for('nodejs.util.promisify.custom'), {
  __proto__: null,
  get() { return require('dns/promises').lookup; },
  enumerable: false,
  configurable: true,
});

function onlookupservice(err, hostname, service) {
  if (err) return this.callback(new DNSException(err, 'getnameinfo', this.hostname));
  this.callback(null, hostname, service);
  stopLookupServicePerf(this, hostname, service);
}

function lookupService(address, port, callback) {
  if (arguments.length !== 3) throw new ERR_MISSING_ARGS('address', 'port', 'callback');
  validateString(address, 'address');
  if (isIP(address) === 0) throw new ERR_INVALID_ARG_VALUE('address', address);
  validatePort(port);
  validateFunction(callback, 'callback');
  port = +port;
  const req = new GetNameInfoReqWrap();
  req.callback = callback;
  req.hostname = address;
  req.port = port;
  req.oncomplete = onlookupservice;
  const err = cares.getnameinfo(req, address, port);
  if (err) throw new DNSException(err, 'getnameinfo', address);
  startLookupServicePerf(req, address, port);
  return req;
}

const codes = {
  NODATA: 'ENODATA',
  FORMERR: 'EFORMERR',
  SERVFAIL: 'ESERVFAIL',
  NOTFOUND: 'ENOTFOUND',
  NOTIMP: 'ENOTIMP',
  REFUSED: 'EREFUSED',
  BADQUERY: 'EBADQUERY',
  BADNAME: 'EBADNAME',
  BADFAMILY: 'EBADFAMILY',
  BADRESP: 'EBADRESP',
  CONNREFUSED: 'ECONNREFUSED',
  TIMEOUT: 'ETIMEOUT',
  EOF: 'EOF',
  FILE: 'EFILE',
  NOMEM: 'ENOMEM',
  DESTRUCTION: 'EDESTRUCTION',
  BADSTR: 'EBADSTR',
  BADFLAGS: 'EBADFLAGS',
  NONAME: 'ENONAME',
  BADHINTS: 'EBADHINTS',
  NOTINITIALIZED: 'ENOTINITIALIZED',
  LOADIPHLPAPI: 'ELOADIPHLPAPI',
  ADDRGETNETWORKPARAMS: 'EADDRGETNETWORKPARAMS',
  CANCELLED: 'ECANCELLED',
};

const { Resolver } = require('internal/dns/callback_resolver');
const { bindDefaultResolver, setDefaultServers } = require('internal/dns/utils');

module.exports = {
  lookup,
  lookupService,
  Resolver,
  getDefaultResultOrder,
  setDefaultResultOrder,
  setServers: setDefaultServers,
  ADDRCONFIG,
  ALL,
  V4MAPPED,
  ...codes,
};
bindDefaultResolver(module.exports, Resolver.prototype);

Object.defineProperty(module.exports, 'promises', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() { return require('dns/promises'); },
});

// Shared with dns/promises.
Object.defineProperty(module.exports, Symbol.for('nodeshim.dns.internals'), {
  value: {
    parseLookupOptions, emitInvalidHostnameWarning, codes,
    startLookupPerf, stopLookupPerf, startLookupServicePerf, stopLookupServicePerf,
  },
});
