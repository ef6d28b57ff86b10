// net.SocketAddress: a validated address/port/family/flowlabel.
'use strict';

const { codes: { ERR_INVALID_ARG_VALUE } } = require('internal/errors');
const { validateObject, validateString, validatePort, validateUint32 } = require('internal/validators');
const { customInspectSymbol: kInspect } = require('internal/util');
const binding = internalBinding('block_list');

const kHandle = Symbol('kHandle');
const kDetail = Symbol('kDetail');

class SocketAddress {
  static isSocketAddress(value) {
    return value?.[kHandle] !== undefined;
  }

  constructor(options = {}) {
    validateObject(options, 'options');
    let { family = 'ipv4' } = options;
    const { address = family === 'ipv4' ? '127.0.0.1' : '::', port = 0, flowlabel = 0 } = options;
    let type;
    if (typeof family?.toLowerCase === 'function') family = family.toLowerCase();
    switch (family) {
      case 'ipv4': type = binding.AF_INET; break;
      case 'ipv6': type = binding.AF_INET6; break;
      default: throw new ERR_INVALID_ARG_VALUE('options.family', options.family);
    }
    validateString(address, 'options.address');
    validatePort(port, 'options.port');
    validateUint32(flowlabel, 'options.flowlabel', false);
    this[kHandle] = new binding.SocketAddress(address, port | 0, type, flowlabel | 0);
    if (this[kHandle].value === null) {
      throw new ERR_INVALID_ARG_VALUE('options.address', address);
    }
    this[kDetail] = this[kHandle].detail({ address: undefined, port: undefined, family: undefined, flowlabel: undefined });
  }

  get address() { return this[kDetail].address; }
  get port() { return this[kDetail].port; }
  get family() { return this[kDetail].family; }
  get flowlabel() { return this[kDetail].flowlabel; }

  [kInspect](depth, options) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `SocketAddress ${require('internal/util/inspect').inspect(this.toJSON(), opts)}`;
  }

  toJSON() {
    return { address: this.address, port: this.port, family: this.family, flowlabel: this.flowlabel };
  }

  static parse(input) {
    validateString(input, 'input');
    try {
      const { hostname: address, port } = new URL(`http://${input}`);
      if (address.startsWith('[') && address.endsWith(']')) {
        return new SocketAddress({ address: address.slice(1, -1), port: port | 0, family: 'ipv6' });
      }
      return new SocketAddress({ address, port: port | 0 });
    } catch {
      return undefined;
    }
  }
}

// Wraps a binding handle made elsewhere (net, dgram, the tests), skipping
// the public constructor's validation; instances are SocketAddresses.
function InternalSocketAddress(handle) {
  this[kHandle] = handle;
  this[kDetail] = handle.detail({ address: undefined, port: undefined, family: undefined, flowlabel: undefined });
}
InternalSocketAddress.prototype = SocketAddress.prototype;

module.exports = { SocketAddress, InternalSocketAddress, kHandle };
