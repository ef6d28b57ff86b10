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
});
