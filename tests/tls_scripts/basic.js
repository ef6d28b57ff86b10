'use strict';
// TLS over TCP between a tls.Server and tls.connect: verification results,
// negotiated parameters and data both ways.  Certificates come from $CERTS.
const tls = require('tls');
const fs = require('fs');
const path = require('path');
const dir = process.env.CERTS;
const read = (n) => fs.readFileSync(path.join(dir, n));

const server = tls.createServer({
  key: read('server-key.pem'),
  cert: read('server-cert.pem'),
  ALPNProtocols: ['h2', 'x-test'],
}, (sock) => {
  console.log('server: secureConnection', sock.authorized, sock.encrypted, sock.alpnProtocol,
              sock.servername);
  sock.setEncoding('utf8');
  sock.on('data', (d) => sock.end(`echo:${d}`));
});

function client(opts) {
  return new Promise((resolve) => {
    const c = tls.connect({ port: server.address().port, ...opts }, () => {
      const cert = c.getPeerCertificate();
      console.log('client: secureConnect', c.authorized, c.authorizationError,
                  c.getProtocol(), c.getCipher().version, c.alpnProtocol,
                  cert.subject.CN, cert.issuer.CN, cert.subjectaltname, typeof cert.fingerprint256);
      c.setEncoding('utf8');
      c.on('data', (d) => console.log('client: data', d));
      c.on('end', () => { console.log('client: end'); resolve(); });
      c.write('ping');
    });
    let keylines = 0;
    c.on('keylog', (line) => { if (line.toString().endsWith('\n')) keylines++; });
    c.once('secureConnect', () => console.log('client: keylog lines', keylines));
    c.on('error', (err) => {
      console.log('client: error', err.code, err.message);
      resolve();
    });
  });
}

server.listen(0, async () => {
  await client({ ca: read('ca-cert.pem'), servername: 'localhost', ALPNProtocols: ['x-test'] });
  await client({ rejectUnauthorized: false, servername: 'localhost' });
  await client({ servername: 'localhost' });
  await client({ ca: read('ca-cert.pem'), host: '127.0.0.1', servername: 'other.example' });
  await client({ ca: read('ca-cert.pem'), host: '127.0.0.1', maxVersion: 'TLSv1.2' });
  server.close(() => console.log('server: closed'));
});
