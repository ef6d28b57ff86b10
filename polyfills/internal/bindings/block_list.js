// JS side of internalBinding('block_list'): address handles and rule sets.
// Addresses are kept as BigInts (32 bits for IPv4, 128 for IPv6); IPv4 rules
// also match IPv4-mapped IPv6 addresses and the reverse, as Node's
// SocketAddressBlockList does.
'use strict';

const AF_INET = 2;
const AF_INET6 = 10;
const kMapped = 0xffffn << 32n;

function parseIPv4(text) {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return null;
  let value = 0n;
  for (let i = 1; i <= 4; i++) {
    const part = Number(m[i]);
    if (part > 255 || (m[i].length > 1 && m[i][0] === '0')) return null;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

function parseIPv6(text) {
  if (typeof text !== 'string' || text.length === 0) return null;
  const zone = text.indexOf('%');
  if (zone !== -1) text = text.slice(0, zone);
  let tail = [];
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.', lastColon)) {
    const v4 = parseIPv4(text.slice(lastColon + 1));
    if (v4 === null) return null;
    tail = [Number(v4 >> 16n), Number(v4 & 0xffffn)];
    text = text.slice(0, lastColon + 1) + (text[lastColon - 1] === ':' ? '' : '0');
    if (text.endsWith(':0')) text = text.slice(0, -2);
    else if (text.endsWith('::')) { /* keep the gap */ } else text = text.slice(0, -1);
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parse = (s) => (s === '' ? [] : s.split(':').map((g) => (/^[0-9a-fA-F]{1,4}$/.test(g) ? parseInt(g, 16) : NaN)));
  const head = parse(halves[0]);
  const rest = halves.length === 2 ? parse(halves[1]) : [];
  const groups = halves.length === 2 ?
    [...head, ...new Array(Math.max(0, 8 - head.length - rest.length - tail.length)).fill(0), ...rest, ...tail] :
    [...head, ...tail];
  if (groups.length !== 8 || groups.some((g) => Number.isNaN(g))) return null;
  if (halves.length === 2 && head.length + rest.length + tail.length > 7) return null;
  let value = 0n;
  for (const g of groups) value = (value << 16n) | BigInt(g);
  return value;
}

function parse(address, family) {
  return family === AF_INET ? parseIPv4(address) : parseIPv6(address);
}

class SocketAddress {
  constructor(address, port, family, flowlabel) {
    this.address = address;
    this.port = port;
    this.family = family;
    this.flowlabel = flowlabel;
    this.value = parse(address, family);
  }
  detail(out) {
    out.address = this.address;
    out.port = this.port;
    out.family = this.family === AF_INET ? 'ipv4' : 'ipv6';
    out.flowlabel = this.flowlabel;
    return out;
  }
  flowlabelValue() { return this.flowlabel; }
}

function matches(rule, value, family) {
  if (rule.family === family) return value >= rule.start && value <= rule.end;
  if (rule.family === AF_INET && family === AF_INET6) {
    if ((value >> 32n) !== 0xffffn) return false;
    const low = value & 0xffffffffn;
    return low >= rule.start && low <= rule.end;
  }
  // An IPv6 rule and an IPv4 address: compare as the mapped address.
  const mapped = kMapped | value;
  return mapped >= rule.start && mapped <= rule.end;
}

const kName = { [AF_INET]: 'IPv4', [AF_INET6]: 'IPv6' };

class BlockList {
  constructor() { this.list = []; }
  addAddress(sa) {
    this.list.unshift({ family: sa.family, start: sa.value, end: sa.value,
      text: `Address: ${kName[sa.family]} ${sa.address}` });
  }
  addRange(start, end) {
    if (start.value > end.value) return false;
    this.list.unshift({ family: start.family, start: start.value, end: end.value,
      text: `Range: ${kName[start.family]} ${start.address}-${end.address}` });
    return true;
  }
  addSubnet(sa, prefix) {
    const bits = sa.family === AF_INET ? 32n : 128n;
    const hostBits = bits - BigInt(prefix);
    const mask = ((1n << bits) - 1n) ^ ((1n << hostBits) - 1n);
    const start = sa.value & mask;
    this.list.unshift({ family: sa.family, start, end: start | ((1n << hostBits) - 1n),
      text: `Subnet: ${kName[sa.family]} ${sa.address}/${prefix}` });
  }
  check(sa) {
    for (const rule of this.list) {
      if (matches(rule, sa.value, sa.family)) return true;
    }
    return false;
  }
  getRules() { return this.list.map((r) => r.text); }
}

return { AF_INET, AF_INET6, SocketAddress, BlockList, parseIPv4, parseIPv6 };
