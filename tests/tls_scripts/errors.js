'use strict';
// Certificate problems as Node reports them, and a peer that hangs up
// before the handshake is done.
const tls = require('tls');
const net = require('net');
const fs = require('fs');
const path = require('path');
const dir = process.env.CERTS;
const read = (n) => fs.readFileSync(path.join(dir, n));

function serve(key, cert) {
  return new Promise((resolve) => {
    const s = tls.createServer({ key: read(key), cert: read(cert) }, (c) => c.end());
    s.on('tlsClientError', (err) => console.log('server: tlsClientError', typeof err.code));
    s.listen(0, () => resolve(s));
  });
}

function attempt(server, opts) {
  return new Promise((resolve) => {
    const c = tls.connect({ port: server.address().port, servername: 'localhost', ...opts }, () => {
      console.log('connected', c.authorized, c.authorizationError);
      c.end();
    });
    c.on('error', (err) => { console.log('error', err.code, err.message); });
    c.on('close', resolve);
  });
}

(async () => {
  const selfSigned = await serve('self-key.pem', 'self-cert.pem');
  await attempt(selfSigned, {});
  await attempt(selfSigned, { rejectUnauthorized: false });
  selfSigned.close();

  const expired = await serve('expired-key.pem', 'expired-cert.pem');
  await attempt(expired, { ca: read('ca-cert.pem') });
  expired.close();

  const good = await serve('server-key.pem', 'server-cert.pem');
  await attempt(good, { ca: read('ca-cert.pem'), servername: 'wrong.example' });
  good.close();

  const hangup = net.createServer((s) => s.destroy());
  hangup.listen(0, async () => {
    await attempt(hangup, {});
    hangup.close();
  });

  try {
    tls.createSecureContext({ key: read('server-key.pem'), cert: read('self-cert.pem') });
  } catch (err) {
    console.log('mismatch', err.code);
  }
  try {
    tls.createSecureContext({ minVersion: 'TLSv0' });
  } catch (err) {
    console.log('version', err.code, err.message);
  }
})();
