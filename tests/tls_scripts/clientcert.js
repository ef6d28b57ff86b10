'use strict';
// requestCert: the server sees the client's certificate and judges it.
const tls = require('tls');
const fs = require('fs');
const path = require('path');
const dir = process.env.CERTS;
const read = (n) => fs.readFileSync(path.join(dir, n));

const server = tls.createServer({
  key: read('server-key.pem'),
  cert: read('server-cert.pem'),
  ca: read('ca-cert.pem'),
  requestCert: true,
  rejectUnauthorized: false,
}, (sock) => {
  const peer = sock.getPeerCertificate();
  console.log('server:', sock.authorized, sock.authorizationError, peer.subject ? peer.subject.CN : null);
  sock.end();
});

function run(opts) {
  return new Promise((resolve) => {
    const c = tls.connect({ port: server.address().port, ca: read('ca-cert.pem'),
                            servername: 'localhost', ...opts }, () => c.resume());
    c.on('error', (e) => console.log('client error', e.code));
    c.on('close', resolve);
  });
}

server.listen(0, async () => {
  await run({ key: read('client-key.pem'), cert: read('client-cert.pem') });
  await run({ key: read('self-key.pem'), cert: read('self-cert.pem') });
  await run({});
  server.close();
});
