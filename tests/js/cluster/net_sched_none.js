// SCHED_NONE: the primary binds once and every worker listens on the shared
// handle itself. Echo over TCP, sorted replies, then the workers disconnect
// themselves.
'use strict';
const cluster = require('cluster');
const net = require('net');

if (cluster.isPrimary) {
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  const guard = setTimeout(() => {
    console.log('timed out');
    for (const w of Object.values(cluster.workers)) w.process.kill();
    process.exit(1);
  }, 15000);
  let listening = 0;
  let port;
  const exits = [];
  cluster.on('listening', (w, addr) => {
    port = addr.port;
    if (++listening === 2) go();
  });
  cluster.on('exit', (w, code, sig) => {
    exits.push(`exit ${w.id} ${code} ${sig} ${w.exitedAfterDisconnect}`);
    if (exits.length === 2) {
      clearTimeout(guard);
      console.log(exits.sort().join('\n'));
    }
  });
  cluster.on('message', (w, msg) => {
    if (msg === 'bye') console.log('a worker said bye');
  });
  cluster.fork();
  cluster.fork();
  function go() {
    const replies = [];
    for (let i = 0; i < 4; i++) {
      const c = net.connect(port, '127.0.0.1', () => c.end(`hello ${i}`));
      let got = '';
      c.setEncoding('utf8');
      c.on('data', (d) => got += d);
      c.on('close', () => {
        replies.push(got);
        if (replies.length === 4) {
          console.log(replies.sort().join('\n'));
          console.log('policy after fork', cluster.schedulingPolicy === cluster.SCHED_NONE);
          for (const w of Object.values(cluster.workers)) w.send('stop');
        }
      });
    }
  }
} else {
  const server = net.createServer((s) => {
    s.setEncoding('utf8');
    let data = '';
    s.on('data', (d) => data += d);
    s.on('end', () => s.end(`echo ${data}`));
  });
  server.listen(0, '127.0.0.1');
  process.on('message', (m) => {
    if (m !== 'stop') return;
    process.send('bye', () => cluster.worker.disconnect());
  });
}
