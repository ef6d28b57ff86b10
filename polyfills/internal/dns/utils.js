// What the callback and promise resolvers share: the channel options, the
// server list in and out, and the default resolver behind the module-level
// functions of node:dns and node:dns/promises.
'use strict';

const {
  ERR_DNS_SET_SERVERS_FAILED,
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_IP_ADDRESS,
} = require('internal/errors').codes;
const {
  validateArray,
  validateInt32,
  validateString,
} = require('internal/validators');
const { isIP } = require('internal/net');
const { ChannelWrap, strerror } = internalBinding('cares_wrap');

const IANA_DNS_PORT = 53;
const bracketedRE = /^\[([^[\]]*)\]/;
const hostPortRE = /(^.+?)(?::(\d+))?$/;

function validateTimeout(options) {
  const { timeout = -1 } = { ...options };
  validateInt32(timeout, 'options.timeout', -1);
  return timeout;
}

function validateTries(options) {
  const { tries = 4 } = { ...options };
  validateInt32(tries, 'options.tries', 1);
  return tries;
}

// One server string -> [family, address, port]; a port is only recognised
// after an IPv4 address or a bracketed IPv6 one.
function parseServer(serv, index) {
  validateString(serv, `servers[${index}]`);
  const family = isIP(serv);
  if (family !== 0) return [family, serv, IANA_DNS_PORT];
  const bracketed = serv.match(bracketedRE);
  if (bracketed) {
    const v6 = isIP(bracketed[1]);
    if (v6 !== 0) {
      const port = Number.parseInt(serv.slice(bracketed[0].length).replace(/^:/, ''), 10) ||
        IANA_DNS_PORT;
      return [v6, bracketed[1], port];
    }
  }
  const split = serv.match(hostPortRE);
  if (split) {
    const hostFamily = isIP(split[1]);
    if (hostFamily !== 0) {
      return [hostFamily, split[1], Number.parseInt(split[2] || IANA_DNS_PORT, 10)];
    }
  }
  throw new ERR_INVALID_IP_ADDRESS(serv);
}

// Names go to the server as IDNA A-labels; plain ASCII names go unchanged.
function toASCII(name) {
  if (/^[\x00-\x7f]*$/.test(name)) return name;
  return require('punycode').toASCII(name.toLowerCase());
}

class ResolverBase {
  constructor(options = undefined) {
    const timeout = validateTimeout(options);
    const tries = validateTries(options);
    this._handle = new ChannelWrap(timeout, tries);
  }

  cancel() {
    this._handle.cancel();
  }

  getServers() {
    return (this._handle.getServers() || []).map(([address, port]) => {
      if (!port || port === IANA_DNS_PORT) return address;
      const host = isIP(address) === 6 ? `[${address}]` : address;
      return `${host}:${port}`;
    });
  }

  setServers(servers) {
    validateArray(servers, 'servers');
    const parsed = [];
    servers.forEach((serv, index) => {
      parsed.push(parseServer(serv, index));
    });
    const status = this._handle.setServers(parsed);
    if (status !== 0) {
      throw new ERR_DNS_SET_SERVERS_FAILED(strerror(status), servers);
    }
  }

  setLocalAddress(ipv4, ipv6) {
    validateString(ipv4, 'ipv4');
    if (typeof ipv6 !== 'string' && ipv6 !== undefined) {
      throw new ERR_INVALID_ARG_TYPE('ipv6', ['String', 'undefined'], ipv6);
    }
    this._handle.setLocalAddress(ipv4, ipv6);
  }
}

let defaultResolver;

function getDefaultResolver() {
  if (defaultResolver === undefined) {
    const { Resolver } = require('internal/dns/callback_resolver');
    defaultResolver = new Resolver();
  }
  return defaultResolver;
}

function setDefaultResolver(resolver) {
  defaultResolver = resolver;
}

const resolverKeys = [
  'getServers', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCaa',
  'resolveCname', 'resolveMx', 'resolveNaptr', 'resolveNs', 'resolvePtr', 'resolveSoa',
  'resolveSrv', 'resolveTxt', 'reverse',
];

// The module-level functions call the current default resolver, so a
// setServers() that replaces it is seen by both modules.
function bindDefaultResolver(target, source) {
  for (const key of resolverKeys) {
    const method = source[key];
    const bound = {
      [key](...args) { return Reflect.apply(method, getDefaultResolver(), args); },
    }[key];
    target[key] = bound;
  }
}

// dns.setServers() never fails for pending queries: it puts a new default
// resolver in place (the pending queries finish on the old one).
function setDefaultServers(servers) {
  const { Resolver } = require('internal/dns/callback_resolver');
  const resolver = new Resolver();
  resolver.setServers(servers);
  setDefaultResolver(resolver);
}

// The resolveXxx methods of a Resolver, one per record type, made by
// `resolver(bindingName)` (callback or promise flavour); returns the map
// rrtype -> method that resolve(hostname, rrtype) dispatches on.
const kRecordTypes = [
  ['resolveAny', 'ANY', 'queryAny'], ['resolve4', 'A', 'queryA'], ['resolve6', 'AAAA', 'queryAaaa'],
  ['resolveCaa', 'CAA', 'queryCaa'], ['resolveCname', 'CNAME', 'queryCname'], ['resolveMx', 'MX', 'queryMx'],
  ['resolveNs', 'NS', 'queryNs'], ['resolveTxt', 'TXT', 'queryTxt'], ['resolveSrv', 'SRV', 'querySrv'],
  ['resolvePtr', 'PTR', 'queryPtr'], ['resolveNaptr', 'NAPTR', 'queryNaptr'], ['resolveSoa', 'SOA', 'querySoa'],
];

function installResolveMethods(Resolver, resolver) {
  const resolveMap = { __proto__: null };
  for (const [method, rrtype, bindingName] of kRecordTypes) {
    Resolver.prototype[method] = resolveMap[rrtype] = resolver(bindingName);
  }
  return resolveMap;
}

module.exports = {
  ResolverBase,
  installResolveMethods,
  bindDefaultResolver,
  getDefaultResolver,
  setDefaultResolver,
  setDefaultServers,
  toASCII,
  validateTimeout,
  validateTries,
};
