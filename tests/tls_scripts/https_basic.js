'use strict';
// https.Server and https.request through the global agent and a keep-alive
// agent whose second connection resumes the TLS session.
const https = require('https');
const fs = require('fs');
const path = require('path');
const dir = process.env.CERTS;
const read = (n) => fs.readFileSync(path.join(dir, n));

const server = https.createServer({ key: read('server-key.pem'), cert: read('server-cert.pem') },
                                  (req, res) => {
                                    res.setHeader('x-proto', req.socket.getProtocol());
                                    res.end(`hello ${req.method} ${req.url}`);
                                  });

function get(opts) {
  return new Promise((resolve) => {
    https.get({ port: server.address().port, ca: read('ca-cert.pem'), ...opts }, (res) => {
      const sock = res.socket;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { body += d; });
      res.on('end', () => {
        console.log(res.statusCode, res.headers['x-proto'], body, sock.authorized, sock.isSessionReused());
        resolve(sock);
      });
    }).on('error', (e) => { console.log('error', e.code); resolve(null); });
  });
}

server.listen(0, async () => {
  await get({ path: '/a' });
  const agent = new https.Agent({ maxCachedSessions: 1 });
  await get({ path: '/b', agent });
  await get({ path: '/c', agent, rejectUnauthorized: false, ca: undefined });
  console.log(agent.getName({ port: 1, ca: 'x', servername: 'y' }));
  await get({ path: '/d', ca: undefined });
  https.globalAgent.destroy();
  server.close(() => console.log('closed'));
});
