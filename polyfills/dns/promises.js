// node:dns/promises — the promise forms of lookup/lookupService and of the resolver.
'use strict';

const dns = require('dns');
const { DNSException, codes: { ERR_MISSING_ARGS, ERR_INVALID_ARG_VALUE } } = require('internal/errors');
const { validatePort, validateString } = require('internal/validators');
const { isIP } = require('internal/net');
const cares = internalBinding('cares_wrap');

const {
  parseLookupOptions, emitInvalidHostnameWarning, codes,
  startLookupPerf, stopLookupPerf, startLookupServicePerf, stopLookupServicePerf,
} = dns[Symbol.for('nodeshim.dns.internals')];

function lookup(hostname, options) {
  const { family, hints, all, order } = parseLookupOptions(hostname, options, undefined, false);
  if (!hostname) {
    emitInvalidHostnameWarning(hostname);
    return Promise.resolve(all ? [] : { address: null, family: family === 6 ? 6 : 4 });
  }
  const matchedFamily = isIP(hostname);
  if (matchedFamily !== 0) {
    const result = { address: hostname, family: matchedFamily };
    return Promise.resolve(all ? [result] : result);
  }
  return new Promise((resolve, reject) => {
    const req = new cares.GetAddrInfoReqWrap();
    req.family = family;
    req.hostname = hostname;
    req.all = all;
    req.resolve = resolve;
    req.reject = reject;
    req.oncomplete = onlookup;
    const err = cares.getaddrinfo(req, hostname, family, hints, order);
    if (err) reject(new DNSException(err, 'getaddrinfo', hostname));
    else startLookupPerf(req, hostname, family, hints, order);
  });
}

// The request carries its promise's resolve/reject, as Node's does.
function onlookup(err, addresses) {
  if (err) {
    this.reject(new DNSException(err, 'getaddrinfo', this.hostname));
    return;
  }
  const family = this.family;
  let result;
  if (this.all) {
    result = addresses.map((address) => ({ address, family: family || isIP(address) }));
  } else {
    const address = addresses[0];
    result = { address, family: family || isIP(address) };
  }
  this.resolve(result);
  stopLookupPerf(this, addresses);
}

function onlookupservice(err, hostname, service) {
  if (err) {
    this.reject(new DNSException(err, 'getnameinfo', this.host));
    return;
  }
  this.resolve({ hostname, service });
  stopLookupServicePerf(this, hostname, service);
}

function lookupService(address, port) {
  if (arguments.length !== 2) throw new ERR_MISSING_ARGS('address', 'port');
  validateString(address, 'address');
  if (isIP(address) === 0) throw new ERR_INVALID_ARG_VALUE('address', address);
  validatePort(port);
  return new Promise((resolve, reject) => {
    const req = new cares.GetNameInfoReqWrap();
    req.host = address;
    req.port = +port;
    req.resolve = resolve;
    req.reject = reject;
    req.oncomplete = onlookupservice;
    const err = cares.getnameinfo(req, address, +port);
    if (err) reject(new DNSException(err, 'getnameinfo', address));
    else startLookupServicePerf(req, address, +port);
  });
}

const { Resolver } = require('internal/dns/promises_resolver');
const { bindDefaultResolver, setDefaultServers } = require('internal/dns/utils');

module.exports = {
  lookup,
  lookupService,
  Resolver,
  getDefaultResultOrder: dns.getDefaultResultOrder,
  setDefaultResultOrder: dns.setDefaultResultOrder,
  setServers: setDefaultServers,
  ...codes,
};
bindDefaultResolver(module.exports, Resolver.prototype);
