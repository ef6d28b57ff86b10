// net.BlockList and net.SocketAddress: rules, checks across families, errors.
const net = require('net');
const util = require('util');
const bl = new net.BlockList();
bl.addAddress('10.1.1.1');
bl.addRange('192.168.0.10', '192.168.0.20');
bl.addSubnet('2001:db8::', 32, 'ipv6');
bl.addSubnet(new net.SocketAddress({ address: '172.16.0.0' }), 12);
console.log(bl.rules);
for (const [addr, fam] of [['10.1.1.1'], ['10.1.1.2'], ['192.168.0.15'], ['192.168.0.21'],
  ['::ffff:10.1.1.1', 'ipv6'], ['2001:db8:1::5', 'ipv6'], ['2001:db9::', 'ipv6'],
  ['172.31.255.255'], ['172.32.0.0'], ['not-an-ip'], ['10.1.1.1', 'ipv6']]) {
  console.log(addr, fam || 'ipv4', bl.check(addr, fam));
}
const sa = new net.SocketAddress({ address: '::1', family: 'ipv6', port: 8080, flowlabel: 5 });
console.log(sa.address, sa.port, sa.family, sa.flowlabel, net.SocketAddress.isSocketAddress(sa));
console.log(JSON.stringify(sa), util.inspect(bl, { depth: -1 }));
for (const bad of [() => new net.SocketAddress({ family: 'ipx' }), () => new net.SocketAddress({ port: -1 }),
  () => bl.addRange('1.1.1.2', '1.1.1.1'), () => bl.addSubnet('1.1.1.1', 33), () => bl.check(1)]) {
  try { bad(); } catch (e) { console.log(e.code, e.name); }
}
