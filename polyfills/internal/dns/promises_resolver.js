// dns.promises.Resolver: the promise form of the c-ares queries.  Its methods
// only use this._handle, so they also run on the callback default resolver
// (the module-level functions of dns/promises).
'use strict';

const { ERR_INVALID_ARG_VALUE } = require('internal/errors').codes;
const { DNSException } = require('internal/errors');
const { validateString } = require('internal/validators');
const { hasObserver, startPerf, stopPerf } = require('internal/perf/observe');
const { QueryReqWrap } = internalBinding('cares_wrap');
const { ResolverBase, installResolveMethods, toASCII } = require('internal/dns/utils');

const kPerfHooksDnsLookupResolveContext = Symbol('kPerfHooksDnsLookupResolveContext');

function onresolve(err, result, ttls) {
  if (err) {
    this.reject(new DNSException(err, this.bindingName, this.hostname));
    return;
  }
  if (ttls && this.ttl) {
    result = result.map((address, index) => ({ address, ttl: ttls[index] }));
  }
  this.resolve(result);
  if (this[kPerfHooksDnsLookupResolveContext] && hasObserver('dns')) {
    stopPerf(this, kPerfHooksDnsLookupResolveContext, { detail: { result } });
  }
}

function createResolverPromise(resolver, bindingName, hostname, ttl) {
  return new Promise((resolve, reject) => {
    const req = new QueryReqWrap();
    req.bindingName = bindingName;
    req.hostname = hostname;
    req.oncomplete = onresolve;
    req.resolve = resolve;
    req.reject = reject;
    req.ttl = ttl;
    const err = resolver._handle[bindingName](req, toASCII(hostname));
    if (err) {
      reject(new DNSException(err, bindingName, hostname));
    } else if (hasObserver('dns')) {
      startPerf(req, kPerfHooksDnsLookupResolveContext, {
        type: 'dns',
        name: bindingName,
        detail: { host: hostname, ttl },
      });
    }
  });
}

function resolver(bindingName) {
  function query(name, options) {
    validateString(name, 'name');
    const ttl = !!(options && options.ttl);
    return createResolverPromise(this, bindingName, name, ttl);
  }
  Object.defineProperty(query, 'name', { __proto__: null, value: bindingName });
  return query;
}

class Resolver extends ResolverBase {}

const resolveMap = installResolveMethods(Resolver, resolver);
Resolver.prototype.reverse = resolver('getHostByAddr');
Resolver.prototype.resolve = function resolve(hostname, rrtype) {
  let method;
  if (rrtype !== undefined) {
    validateString(rrtype, 'rrtype');
    method = resolveMap[rrtype];
    if (typeof method !== 'function') throw new ERR_INVALID_ARG_VALUE('rrtype', rrtype);
  } else {
    method = resolveMap.A;
  }
  return Reflect.apply(method, this, [hostname]);
};

module.exports = { Resolver };
