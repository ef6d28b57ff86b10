// Helpers of node:dgram that other builtins (child_process handle passing)
// share: the state symbol and the making of a UDP handle for a socket type.
'use strict';

const { codes: { ERR_SOCKET_BAD_TYPE } } = require('internal/errors');
const { isInt32, validateFunction } = require('internal/validators');

const { UDP } = internalBinding('udp_wrap');
const { UV_EINVAL } = internalBinding('uv');

const kStateSymbol = Symbol('state symbol');

// uv_guess_handle: 'UDP' for a datagram socket descriptor.
function guessHandleType(fd) {
  return internalBinding('process_methods').guessHandleType(fd);
}

let dns; // loaded on first use

// The address a socket resolves when none is given: the loopback of its
// family (binding uses the wildcard instead; see Socket#bind).
function makeLookup(lookup, family, fallback) {
  return function lookupForSocket(address, callback) {
    return lookup(address || fallback, family, callback);
  };
}

function newHandle(type, lookup) {
  if (lookup === undefined) {
    if (dns === undefined) dns = require('dns');
    lookup = dns.lookup;
  } else {
    validateFunction(lookup, 'lookup');
  }

  if (type === 'udp4') {
    const handle = new UDP();
    handle.lookup = makeLookup(lookup, 4, '127.0.0.1');
    return handle;
  }

  if (type === 'udp6') {
    const handle = new UDP();
    handle.lookup = makeLookup(lookup, 6, '::1');
    handle.bind = handle.bind6;
    handle.connect = handle.connect6;
    handle.send = handle.send6;
    return handle;
  }

  throw new ERR_SOCKET_BAD_TYPE();
}

// A bound (or fd-opened) handle, or a negative errno.
function _createSocketHandle(address, port, addressType, fd, flags) {
  const handle = newHandle(addressType);
  let err;

  if (isInt32(fd) && fd > 0) {
    err = guessHandleType(fd) === 'UDP' ? handle.open(fd) : UV_EINVAL;
  } else if (port || address) {
    err = handle.bind(address, port || 0, flags);
  }

  if (err) {
    handle.close();
    return err;
  }
  return handle;
}

module.exports = {
  guessHandleType,
  kStateSymbol,
  _createSocketHandle,
  newHandle,
};
