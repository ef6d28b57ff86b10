'use strict';
// A truncated UDP answer is asked again over TCP on the same server and port.
const dns = require('dns'); const dgram = require('dgram'); const net = require('net');
const tools = require(require('path').join(__dirname, '../../../conformance/common/dns'));
const answer = (q) => tools.writeDNSPacket({ id: q.id, questions: q.questions,
  answers: [{ type: 'TXT', domain: q.questions[0].domain, entries: ['x'.repeat(200), 'over tcp'] }] });
const udp = dgram.createSocket('udp4');
const tcp = net.createServer((c) => {
  c.once('data', (d) => { const q = tools.parseDNSPacket(d.subarray(2)); const a = answer(q);
    const len = Buffer.alloc(2); len.writeUInt16BE(a.length); c.end(Buffer.concat([len, a])); });
});
tcp.listen(0, '127.0.0.1', () => {
  udp.bind(tcp.address().port, '127.0.0.1', () => {
    udp.on('message', (m, { address, port }) => { const q = tools.parseDNSPacket(m);
      udp.send(tools.writeDNSPacket({ id: q.id, flags: 0x8380, questions: q.questions }), port, address); });
    const r = new dns.Resolver(); r.setServers([`127.0.0.1:${tcp.address().port}`]);
    r.resolveTxt('big.test', (err, res) => { console.log(err, res && res[0][1]); udp.close(); tcp.close(); });
  });
});
