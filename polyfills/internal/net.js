// Address predicates and small helpers shared by net, dgram, http.
'use strict';

const { Buffer } = require('buffer');

// Dotted decimal, each part 0-255 without leading zeros.
const v4Part = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])';
const v4String = `${v4Part}(?:\\.${v4Part}){3}`;
const IPv4Reg = new RegExp(`^${v4String}$`);

// RFC 4291 text forms: eight groups, one '::' elision, an IPv4 tail, and a
// %zone suffix.
const h16 = '[0-9a-fA-F]{1,4}';
const v6Forms = [
  `(?:${h16}:){7}(?:${h16}|:)`,
  `(?:${h16}:){6}(?:${v4String}|:${h16}|:)`,
  `(?:${h16}:){5}(?::${v4String}|(?::${h16}){1,2}|:)`,
  `(?:${h16}:){4}(?:(?::${h16}){0,1}:${v4String}|(?::${h16}){1,3}|:)`,
  `(?:${h16}:){3}(?:(?::${h16}){0,2}:${v4String}|(?::${h16}){1,4}|:)`,
  `(?:${h16}:){2}(?:(?::${h16}){0,3}:${v4String}|(?::${h16}){1,5}|:)`,
  `(?:${h16}:){1}(?:(?::${h16}){0,4}:${v4String}|(?::${h16}){1,6}|:)`,
  `(?::(?:(?::${h16}){0,5}:${v4String}|(?::${h16}){1,7}|:))`,
];
const IPv6Reg = new RegExp(`^(?:${v6Forms.join('|')})(?:%[0-9a-zA-Z-.:]{1,})?$`);

function isIPv4(s) {
  return IPv4Reg.test(`${s}`);
}

function isIPv6(s) {
  return IPv6Reg.test(`${s}`);
}

function isIP(s) {
  if (isIPv4(s)) return 4;
  if (isIPv6(s)) return 6;
  return 0;
}

// Used by test helpers and child_process: a write that completes at once.
function makeSyncWrite(fd) {
  return function(chunk, enc, cb) {
    if (enc !== 'buffer') chunk = Buffer.from(chunk, enc);
    this._handle.bytesWritten += chunk.length;
    const { writeSync } = require('fs');
    try {
      writeSync(fd, chunk, 0, chunk.length);
    } catch (err) {
      return cb(err);
    }
    cb();
  };
}

module.exports = {
  kReinitializeHandle: Symbol('kReinitializeHandle'),
  isIP,
  isIPv4,
  isIPv6,
  makeSyncWrite,
  normalizedArgsSymbol: Symbol('normalizedArgs'),
};
