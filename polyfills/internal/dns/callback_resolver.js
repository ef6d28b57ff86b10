// dns.Resolver: the callback form of the c-ares queries (resolve4, resolveMx,
// reverse ...) over the cares_wrap ChannelWrap.
'use strict';

const {
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE,
} = require('internal/errors').codes;
const { DNSException } = require('internal/errors');
const { validateFunction, validateString } = require('internal/validators');
const { hasObserver, startPerf, stopPerf } = require('internal/perf/observe');
const { QueryReqWrap } = internalBinding('cares_wrap');
const { ResolverBase, installResolveMethods, toASCII } = require('internal/dns/utils');

const kPerfHooksDnsLookupResolveContext = Symbol('kPerfHooksDnsLookupResolveContext');

function onresolve(err, result, ttls) {
  if (ttls && this.ttl) {
    result = result.map((address, index) => ({ address, ttl: ttls[index] }));
  }
  if (err) {
    this.callback(new DNSException(err, this.bindingName, this.hostname));
  } else {
    this.callback(null, result);
    if (this[kPerfHooksDnsLookupResolveContext] && hasObserver('dns')) {
      stopPerf(this, kPerfHooksDnsLookupResolveContext, { detail: { result } });
    }
  }
}

function resolver(bindingName) {
  function query(name, /* options, */ callback) {
    let options;
    if (arguments.length > 2) {
      options = callback;
      callback = arguments[2];
    }
    validateString(name, 'name');
    validateFunction(callback, 'callback');

    const req = new QueryReqWrap();
    req.bindingName = bindingName;
    req.callback = callback;
    req.hostname = name;
    req.oncomplete = onresolve;
    req.ttl = !!(options && options.ttl);
    const err = this._handle[bindingName](req, toASCII(name));
    if (err) throw new DNSException(err, bindingName, name);
    if (hasObserver('dns')) {
      startPerf(req, kPerfHooksDnsLookupResolveContext, {
        type: 'dns',
        name: bindingName,
        detail: { host: name, ttl: req.ttl },
      });
    }
    return req;
  }
  Object.defineProperty(query, 'name', { __proto__: null, value: bindingName });
  return query;
}

class Resolver extends ResolverBase {}

const resolveMap = installResolveMethods(Resolver, resolver);
Resolver.prototype.reverse = resolver('getHostByAddr');
Resolver.prototype.resolve = resolve;

function resolve(hostname, rrtype, callback) {
  let method;
  if (typeof rrtype === 'string') {
    method = resolveMap[rrtype];
  } else if (typeof rrtype === 'function') {
    method = resolveMap.A;
    callback = rrtype;
  } else {
    throw new ERR_INVALID_ARG_TYPE('rrtype', 'string', rrtype);
  }
  if (typeof method === 'function') {
    return Reflect.apply(method, this, [hostname, callback]);
  }
  throw new ERR_INVALID_ARG_VALUE('rrtype', rrtype);
}

module.exports = { Resolver };
