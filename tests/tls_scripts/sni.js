'use strict';
// The server picks its certificate from the client's SNI name.
const tls = require('tls');
const fs = require('fs');
const path = require('path');
const dir = process.env.CERTS;
const read = (n) => fs.readFileSync(path.join(dir, n));

const server = tls.createServer({ key: read('self-key.pem'), cert: read('self-cert.pem') }, (s) => {
  console.log('server: servername', s.servername);
  s.end();
});
server.addContext('localhost', { key: read('server-key.pem'), cert: read('server-cert.pem') });

function run(servername) {
  return new Promise((resolve) => {
    const c = tls.connect({ port: server.address().port, servername, rejectUnauthorized: false }, () => {
      console.log('client:', servername, c.getPeerCertificate().subject.CN, c.authorizationError);
      c.resume();
    });
    c.on('close', resolve);
  });
}

server.listen(0, async () => {
  await run('localhost');
  await run('unknown.example');
  server.close();
  alpnTest();
});

// ALPNCallback: the server picks from the client's list (here its second).

const picky = tls.createServer({
  key: read('server-key.pem'),
  cert: read('server-cert.pem'),
  ALPNCallback: ({ servername, protocols }) => {
    console.log('ALPNCallback:', servername, protocols.join(','));
    return protocols[1];
  },
}, (s) => s.end());
function alpnTest() {
  picky.listen(0, () => {
  const c = tls.connect({ port: picky.address().port, servername: 'localhost', rejectUnauthorized: false,
                          ALPNProtocols: ['a', 'b', 'c'] }, () => {
    console.log('client: alpn', c.alpnProtocol);
    c.resume();
  });
  c.on('close', () => picky.close());
  });
}
