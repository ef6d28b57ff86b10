// net.BlockList: rules of addresses, ranges and subnets; check(address).
'use strict';

const { codes: { ERR_INVALID_ARG_VALUE } } = require('internal/errors');
const { validateInt32, validateString } = require('internal/validators');
const { SocketAddress, kHandle: kSocketAddressHandle } = require('internal/socketaddress');
const { customInspectSymbol: kInspect } = require('internal/util');
const binding = internalBinding('block_list');

const kHandle = Symbol('kHandle');

function validateFamily(family) {
  validateString(family, 'family');
  const lower = family.toLowerCase();
  if (lower !== 'ipv4' && lower !== 'ipv6') throw new ERR_INVALID_ARG_VALUE('family', family);
  return lower;
}

class BlockList {
  constructor() {
    this[kHandle] = new binding.BlockList();
  }

  static isBlockList(value) {
    return value?.[kHandle] !== undefined;
  }

  [kInspect](depth, options) {
    if (depth < 0) return '[BlockList]';
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `BlockList ${require('internal/util/inspect').inspect({ rules: this.rules }, opts)}`;
  }

  addAddress(address, family = 'ipv4') {
    if (!SocketAddress.isSocketAddress(address)) {
      validateString(address, 'address');
      family = validateFamily(family);
      address = new SocketAddress({ address, family });
    }
    this[kHandle].addAddress(address[kSocketAddressHandle]);
  }

  addRange(start, end, family = 'ipv4') {
    if (!SocketAddress.isSocketAddress(start)) {
      validateString(start, 'start');
      family = validateFamily(family);
      start = new SocketAddress({ address: start, family });
    }
    if (!SocketAddress.isSocketAddress(end)) {
      validateString(end, 'end');
      family = validateFamily(family);
      end = new SocketAddress({ address: end, family });
    }
    if (!this[kHandle].addRange(start[kSocketAddressHandle], end[kSocketAddressHandle])) {
      throw new ERR_INVALID_ARG_VALUE('start', start, 'must come before end');
    }
  }

  addSubnet(network, prefix, family = 'ipv4') {
    if (!SocketAddress.isSocketAddress(network)) {
      validateString(network, 'network');
      family = validateFamily(family);
      network = new SocketAddress({ address: network, family });
    }
    switch (network.family) {
      case 'ipv4': validateInt32(prefix, 'prefix', 0, 32); break;
      case 'ipv6': validateInt32(prefix, 'prefix', 0, 128); break;
    }
    this[kHandle].addSubnet(network[kSocketAddressHandle], prefix);
  }

  check(address, family = 'ipv4') {
    if (!SocketAddress.isSocketAddress(address)) {
      validateString(address, 'address');
      family = validateFamily(family);
      try {
        address = new SocketAddress({ address, family });
      } catch {
        // An address that is not of this family matches nothing.
        return false;
      }
    }
    return Boolean(this[kHandle].check(address[kSocketAddressHandle]));
  }

  get rules() {
    return this[kHandle].getRules();
  }
}

module.exports = { BlockList };
