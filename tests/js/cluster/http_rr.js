// Round-robin (the default): two workers run an HTTP server on one port the
// primary owns; the primary sends requests, prints the sorted replies and
// the life cycle events, then disconnects the workers.
'use strict';
const cluster = require('cluster');
const http = require('http');

if (cluster.isPrimary) {
  const guard = setTimeout(() => {
    console.log('timed out');
    for (const w of Object.values(cluster.workers)) w.process.kill();
    process.exit(1);
  }, 15000);
  const events = [];
  let listening = 0;
  let exited = 0;
  let port;
  console.log('policy rr', cluster.schedulingPolicy === cluster.SCHED_RR);
  cluster.on('setup', (s) => events.push('setup ' + typeof s.exec));
  cluster.on('fork', (w) => events.push(`fork ${w.id} ${w.state}`));
  cluster.on('online', (w) => events.push(`online ${w.id} ${w.state}`));
  cluster.on('listening', (w, addr) => {
    events.push(`listening ${w.id} ${w.state} ${addr.address} ${addr.addressType} ${addr.fd}`);
    if (port !== undefined && port !== addr.port) events.push('port differs');
    port = addr.port;
    if (++listening === 2) go();
  });
  cluster.on('disconnect', (w) => events.push(`disconnect ${w.id} ${w.state}`));
  cluster.on('exit', (w, code, sig) => {
    events.push(`exit ${w.id} ${w.state} ${code} ${sig} ${w.exitedAfterDisconnect} ${w.isDead()}`);
    if (++exited === 2) {
      clearTimeout(guard);
      console.log(events.sort().join('\n'));
      console.log('workers left', Object.keys(cluster.workers).length);
    }
  });
  const a = cluster.fork();
  const b = cluster.fork();
  console.log('ids', a.id, b.id, a instanceof cluster.Worker, a.state);
  function go() {
    const bodies = [];
    let n = 0;
    for (let i = 0; i < 6; i++) {
      http.get({ host: '127.0.0.1', port, path: '/' + i, agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => body += d);
        res.on('end', () => {
          bodies.push(`${res.statusCode} ${body}`);
          if (++n === 6) {
            console.log(bodies.sort().join('\n'));
            cluster.disconnect(() => events.push('cluster disconnected'));
          }
        });
      });
    }
  }
} else {
  const server = http.createServer((req, res) => {
    res.end(`${req.method} ${req.url} worker-is-${cluster.isWorker}`);
  });
  server.listen(0, '127.0.0.1');
}
