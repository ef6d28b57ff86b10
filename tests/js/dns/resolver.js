'use strict';
// dns.Resolver against a mock DNS server on 127.0.0.1: record shapes, TTLs,
// rcode errors, cancel, server lists and argument errors.
const dns = require('dns');
const dgram = require('dgram');
const path = require('path');
const tools = require(path.join(__dirname, '../../../conformance/common/dns'));

const records = {
  'a.test': [{ type: 'A', address: '10.0.0.1', ttl: 30 }, { type: 'A', address: '10.0.0.2', ttl: 40 }],
  'v6.test': [{ type: 'AAAA', address: '2001:db8::1', ttl: 50 }],
  'mx.test': [{ type: 'MX', priority: 5, exchange: 'mail.test' }],
  'txt.test': [{ type: 'TXT', entries: ['hello', 'world'] }],
  'ns.test': [{ type: 'NS', value: 'ns1.test' }],
  'cname.test': [{ type: 'CNAME', value: 'a.test' }],
  'soa.test': [{ type: 'SOA', nsname: 'ns1.test', hostmaster: 'admin.test', serial: 1,
                 refresh: 2, retry: 3, expire: 4, minttl: 5 }],
  'caa.test': [{ type: 'CAA', critical: 0, issue: 'ca.test' }],
  '1.0.0.10.in-addr.arpa': [{ type: 'PTR', value: 'host.test' }],
  'any.test': [
    { type: 'TXT', entries: ['t'] },
    { type: 'A', address: '1.2.3.4', ttl: 9 },
    { type: 'MX', priority: 1, exchange: 'mx.any.test' },
    { type: 'AAAA', address: '::1', ttl: 8 },
  ],
  'empty.test': [],
};

const server = dgram.createSocket('udp4');
server.on('message', (msg, { address, port }) => {
  const q = tools.parseDNSPacket(msg);
  const domain = q.questions[0].domain;
  if (domain === 'hang.test') return;
  const answers = records[domain];
  server.send(tools.writeDNSPacket({
    id: q.id,
    flags: answers === undefined ? 0x8183 : 0x8180,
    questions: q.questions,
    answers: (answers || []).map((r) => ({ domain, ...r })),
  }), port, address);
});

function show(label) {
  return (err, res) => {
    if (err) console.log(label, err.code, err.syscall, err.hostname, err.message);
    else console.log(label, JSON.stringify(res));
  };
}

server.bind(0, '127.0.0.1', async () => {
  const { port } = server.address();
  const resolver = new dns.Resolver({ timeout: 200, tries: 1 });
  resolver.setServers([`127.0.0.1:${port}`]);
  console.log(resolver.getServers().length, typeof resolver.getServers()[0]);

  const p = new dns.promises.Resolver({ timeout: 200, tries: 1 });
  p.setServers(resolver.getServers());
  const cb = (method, name, opts) => new Promise((done) => {
    const args = opts ? [name, opts] : [name];
    resolver[method](...args, (err, res) => { show(`${method}(${name})`)(err, res); done(); });
  });
  await cb('resolve4', 'a.test');
  await cb('resolve4', 'a.test', { ttl: true });
  await cb('resolve6', 'v6.test', { ttl: true });
  await cb('resolveMx', 'mx.test');
  await cb('resolveTxt', 'txt.test');
  await cb('resolveNs', 'ns.test');
  await cb('resolveCname', 'cname.test');
  await cb('resolveSoa', 'soa.test');
  await cb('resolveCaa', 'caa.test');
  await cb('reverse', '10.0.0.1');
  await cb('resolveAny', 'any.test');
  await cb('resolve4', 'missing.test');
  await cb('resolve4', 'empty.test');
  await cb('resolve4', 'mx.test');
  await cb('resolve4', 'hang.test');
  await cb('resolveMx', 'x.onion');
  await cb('resolve4', 'a..b');
  await cb('resolve4', 'x'.repeat(64) + '.test');
  await new Promise((done) => {
    const none = new dns.Resolver();
    none.setServers([]);
    none.resolveTxt('a.test', (err) => { show('no servers')(err); done(); });
  });

  for (const [method, name] of [['resolve', 'a.test'], ['resolveAny', 'any.test'],
    ['resolveSoa', 'soa.test'], ['resolveTxt', 'missing.test']]) {
    await p[method](name).then((r) => console.log('promise', method, JSON.stringify(r)),
                                 (e) => console.log('promise', method, e.code, e.message));
  }
  console.log(resolver.resolve('a.test', 'MX', () => {}).constructor.name !== undefined);

  await new Promise((done) => {
    resolver.resolve4('hang.test', (err) => { show('cancelled')(err); done(); });
    setTimeout(() => resolver.cancel(), 20);
  });

  for (const bad of [[1], 'x', ['foo'], ['1.2.3.4:xx']]) {
    try { resolver.setServers(bad); } catch (e) { console.log(e.code, e.message); }
  }
  const r2 = new dns.Resolver();
  r2.setServers(['1.2.3.4', '[::1]:53', '[::1]:5353', '5.6.7.8:99']);
  console.log(r2.getServers());
  for (const opts of [{ timeout: 'x' }, { timeout: -5 }, { tries: 0 }]) {
    try { new dns.Resolver(opts); } catch (e) { console.log(e.code, e.message); }
  }
  try { resolver.resolve('a.test', 'BOGUS', () => {}); } catch (e) { console.log(e.code, e.message); }
  try { resolver.reverse('nope', () => {}); } catch (e) { console.log(e.code, e.message); }
  server.close();
});
