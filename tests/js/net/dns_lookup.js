// dns.lookup over getaddrinfo: IP literals, localhost, families, errors.
'use strict';
const dns = require('dns');
// Completion order of lookups is not defined: print sorted at exit.
const lines = [];
const log = (...a) => lines.push(a.map(String).join(' '));
process.on('exit', () => console.log(lines.sort().join('\n')));
dns.lookup('127.0.0.1', (err, address, family) => log('literal', err, address, family));
dns.lookup('::1', { all: true }, (err, list) => log('literal all', err, JSON.stringify(list)));
dns.lookup('localhost', { family: 4 }, (err, address, family) => log('localhost4', err, address, family));
dns.lookup('localhost', { family: 4, all: true }, (err, list) =>
  log('localhost4 all', err, list.every((e) => e.family === 4)));
dns.lookup('nonexistent.invalid', (err) =>
  log('invalid', err.code, err.syscall, err.hostname, err.message));
try { dns.lookup('x', { family: 5 }, () => {}); } catch (e) { log('throws', e.code); }
try { dns.lookup(1, () => {}); } catch (e) { log('throws', e.code); }
try { dns.lookup('x', { hints: 999 }, () => {}); } catch (e) { log('throws', e.code); }
dns.promises.lookup('localhost', { family: 4 }).then((r) => log('promise', r));
dns.promises.lookup('nonexistent.invalid').catch((e) => log('promise rejects', e.code));
