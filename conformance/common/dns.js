'use strict';
// Small DNS helpers for tests: mocked lookup functions and a minimal DNS
// message encoder/decoder (enough for fake DNS servers over UDP).

const assert = require('assert');

const types = {
  A: 1, NS: 2, CNAME: 5, SOA: 6, PTR: 12, MX: 15, TXT: 16, AAAA: 28, ANY: 255, CAA: 257,
};
const classes = { IN: 1 };
const typeNames = Object.fromEntries(Object.entries(types).map(([k, v]) => [v, k]));

const mockedErrorCode = 'ENOTFOUND';
const mockedSysCall = 'getaddrinfo';

function errorLookupMock(code = mockedErrorCode, syscall = mockedSysCall) {
  return function lookupWithError(hostname, options, cb) {
    const err = new Error(`${syscall} ${code} ${hostname}`);
    err.code = code;
    err.errno = code;
    err.syscall = syscall;
    err.hostname = hostname;
    cb(err);
  };
}

function createMockedLookup(...addresses) {
  const { isIP } = require('net');
  const entries = addresses.map((address) => ({ address, family: isIP(address) }));
  return function lookup(hostname, options, cb) {
    process.nextTick(() => {
      if (options.all === true) cb(null, entries);
      else cb(null, entries[0].address, entries[0].family);
    });
  };
}

// --- decoding --------------------------------------------------------------

function readName(buf, offset) {
  // returns { name, next } where next is the offset after the name in place
  const labels = [];
  let next = -1;
  let hops = 0;
  for (;;) {
    assert.ok(offset < buf.length, 'name runs past the end of the packet');
    const len = buf[offset];
    if (len === 0) {
      if (next < 0) next = offset + 1;
      break;
    }
    if ((len & 0xc0) === 0xc0) {
      if (next < 0) next = offset + 2;
      offset = buf.readUInt16BE(offset) & 0x3fff;
      assert.ok(++hops < 64, 'compression loop');
      continue;
    }
    labels.push(buf.toString('ascii', offset + 1, offset + 1 + len));
    offset += 1 + len;
  }
  return { name: labels.join('.'), next };
}

function ipv6ToString(buf, offset) {
  const groups = [];
  for (let i = 0; i < 16; i += 2) groups.push(buf.readUInt16BE(offset + i).toString(16));
  return groups.join(':');
}

function parseDNSPacket(buffer) {
  assert.ok(buffer.length > 12);
  const parsed = { id: buffer.readUInt16BE(0), flags: buffer.readUInt16BE(2) };
  const sections = [
    ['questions', buffer.readUInt16BE(4)],
    ['answers', buffer.readUInt16BE(6)],
    ['authorityAnswers', buffer.readUInt16BE(8)],
    ['additionalRecords', buffer.readUInt16BE(10)],
  ];
  let off = 12;
  for (const [section, count] of sections) {
    parsed[section] = [];
    for (let n = 0; n < count; n++) {
      const { name, next } = readName(buffer, off);
      off = next;
      const type = buffer.readUInt16BE(off);
      const cls = buffer.readUInt16BE(off + 2);
      off += 4;
      const rec = { domain: name, cls };
      if (section === 'questions') {
        rec.type = typeNames[type] || type;
        parsed[section].push(rec);
        continue;
      }
      rec.ttl = buffer.readUInt32BE(off);
      const rdlength = buffer.readUInt16BE(off + 4);
      off += 6;
      const start = off;
      rec.type = typeNames[type] || type;
      switch (type) {
        case types.A:
          assert.strictEqual(rdlength, 4);
          rec.address = `${buffer[start]}.${buffer[start + 1]}.${buffer[start + 2]}.${buffer[start + 3]}`;
          break;
        case types.AAAA:
          assert.strictEqual(rdlength, 16);
          rec.address = ipv6ToString(buffer, start);
          break;
        case types.TXT: {
          const parts = [];
          let p = start;
          while (p < start + rdlength) {
            parts.push(buffer.toString('utf8', p + 1, p + 1 + buffer[p]));
            p += 1 + buffer[p];
          }
          rec.entries = parts;
          break;
        }
        case types.MX:
          rec.priority = buffer.readUInt16BE(start);
          rec.exchange = readName(buffer, start + 2).name;
          break;
        case types.NS:
        case types.CNAME:
        case types.PTR:
          rec.value = readName(buffer, start).name;
          break;
        case types.SOA: {
          const ns = readName(buffer, start);
          const host = readName(buffer, ns.next);
          let p = host.next;
          rec.nsname = ns.name;
          rec.hostmaster = host.name;
          for (const k of ['serial', 'refresh', 'retry', 'expire', 'minttl']) {
            rec[k] = buffer.readUInt32BE(p);
            p += 4;
          }
          break;
        }
        case types.CAA: {
          rec.flags = buffer[start];
          const tagLen = buffer[start + 1];
          const tag = buffer.toString('ascii', start + 2, start + 2 + tagLen);
          rec[tag] = buffer.toString('ascii', start + 2 + tagLen, start + rdlength);
          rec.critical = rec.flags & 128;
          break;
        }
        default:
          throw new Error(`Unknown RR type ${rec.type}`);
      }
      off = start + rdlength;
      parsed[section].push(rec);
    }
  }
  assert.strictEqual(off, buffer.length);
  return parsed;
}

// --- encoding --------------------------------------------------------------

function writeDomainName(domain) {
  const parts = domain ? domain.split('.') : [];
  const out = [];
  for (const label of parts) {
    assert(label.length < 64);
    out.push(Buffer.from([label.length]), Buffer.from(label, 'ascii'));
  }
  out.push(Buffer.from([0]));
  return Buffer.concat(out);
}

function ipv6Bytes(address) {
  const [head, tail] = address.includes('::') ? address.split('::') : [address, null];
  const a = head ? head.split(':') : [];
  const b = tail ? tail.split(':') : [];
  const groups = tail === null ? a : a.concat(new Array(8 - a.length - b.length).fill('0'), b);
  const buf = Buffer.alloc(16);
  groups.forEach((g, i) => buf.writeUInt16BE(parseInt(g || '0', 16), i * 2));
  return buf;
}

function u16(n) { const b = Buffer.alloc(2); b.writeUInt16BE(n); return b; }
function u32(n) { const b = Buffer.alloc(4); b.writeUInt32BE(n); return b; }

function recordData(rr) {
  switch (rr.type) {
    case 'A': return Buffer.from(rr.address.split('.').map(Number));
    case 'AAAA': return ipv6Bytes(rr.address);
    case 'TXT': return Buffer.concat(rr.entries.map((e) => {
      const s = Buffer.from(e, 'utf8');
      return Buffer.concat([Buffer.from([s.length]), s]);
    }));
    case 'MX': return Buffer.concat([u16(rr.priority), writeDomainName(rr.exchange)]);
    case 'NS': case 'CNAME': case 'PTR': return writeDomainName(rr.value);
    case 'SOA': return Buffer.concat([
      writeDomainName(rr.nsname), writeDomainName(rr.hostmaster),
      u32(rr.serial), u32(rr.refresh), u32(rr.retry), u32(rr.expire), u32(rr.minttl),
    ]);
    case 'CAA': {
      const tag = ['issue', 'issuewild', 'iodef'].find((t) => t in rr);
      return Buffer.concat([Buffer.from([rr.critical, tag.length]), Buffer.from(tag, 'ascii'),
                            Buffer.from(rr[tag], 'ascii')]);
    }
    default: throw new Error(`Unknown RR type ${rr.type}`);
  }
}

function writeDNSPacket(parsed) {
  // A section may be given as one record instead of a list.
  const list = (section) => (section === undefined ? [] : [].concat(section));
  const questions = list(parsed.questions);
  const answers = list(parsed.answers);
  const authority = list(parsed.authorityAnswers);
  const additional = list(parsed.additionalRecords);
  const out = [
    u16(parsed.id), u16(parsed.flags === undefined ? 0x8180 : parsed.flags),
    u16(questions.length), u16(answers.length), u16(authority.length), u16(additional.length),
  ];
  for (const q of questions) {
    assert(types[q.type] !== undefined, `unknown type ${q.type}`);
    out.push(writeDomainName(q.domain), u16(types[q.type]), u16(q.cls === undefined ? classes.IN : q.cls));
  }
  for (const rr of [...answers, ...authority, ...additional]) {
    if (!rr) continue;
    assert(types[rr.type] !== undefined, `unknown type ${rr.type}`);
    const data = recordData(rr);
    out.push(writeDomainName(rr.domain), u16(types[rr.type]),
             u16(rr.cls === undefined ? classes.IN : rr.cls), u32(rr.ttl || 0),
             u16(data.length), data);
  }
  return Buffer.concat(out);
}

module.exports = {
  types,
  classes,
  writeDNSPacket,
  parseDNSPacket,
  errorLookupMock,
  mockedErrorCode,
  mockedSysCall,
  createMockedLookup,
};
