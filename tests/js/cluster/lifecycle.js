// Worker life cycle without servers: setupPrimary settings and args, the env
// given to fork(), messages both ways, kill() vs disconnect(), isDead and
// isConnected, exitedAfterDisconnect, the worker-side view.
'use strict';
const cluster = require('cluster');

if (cluster.isPrimary) {
  const guard = setTimeout(() => {
    console.log('timed out');
    for (const w of Object.values(cluster.workers)) w.process.kill();
    process.exit(1);
  }, 15000);
  console.log('primary', cluster.isPrimary, cluster.isMaster, cluster.isWorker, cluster.worker);
  console.log('setupMaster alias', cluster.setupMaster === cluster.setupPrimary);
  console.log('settings before', JSON.stringify(cluster.settings));
  cluster.setupPrimary({ args: ['one', 'two'], silent: false });
  console.log('settings args', cluster.settings.args.join(','), cluster.settings.exec === __filename);
  cluster.setupPrimary({ execArgv: [] });
  console.log('settings cumulative', cluster.settings.args.join(','), cluster.settings.execArgv.length);

  const log = [];
  let done = 0;
  function finish() {
    if (++done < 2) return;
    clearTimeout(guard);
    console.log(log.join('\n'));
    console.log('workers left', Object.keys(cluster.workers).length);
  }

  // Worker 1 reports, then the primary kills it.
  const w1 = cluster.fork({ ROLE: 'killed' });
  w1.on('online', () => log.push(`w1 online connected=${w1.isConnected()} dead=${w1.isDead()}`));
  w1.on('message', (msg) => {
    log.push('w1 says ' + JSON.stringify(msg));
    w1.kill();
  });
  w1.on('exit', (code, sig) => {
    log.push(`w1 exit ${code} ${sig} after-disconnect=${w1.exitedAfterDisconnect} dead=${w1.isDead()} ` +
             `state=${w1.state}`);
    finish();
  });

  // Worker 2 echoes, then the primary disconnects it and it exits by itself.
  w1.once('exit', () => {
    const w2 = cluster.fork({ ROLE: 'disconnected' });
    w2.on('message', (msg) => {
      log.push('w2 says ' + JSON.stringify(msg));
      if (msg.echo) {
        w2.disconnect();
        log.push(`w2 after disconnect() connected=${w2.isConnected()} ` +
                 `after-disconnect=${w2.exitedAfterDisconnect} listed=${w2.id in cluster.workers}`);
      }
    });
    w2.on('online', () => w2.send({ ping: 42 }));
    w2.on('disconnect', () => log.push('w2 disconnect ' + w2.state));
    w2.on('exit', (code, sig) => {
      log.push(`w2 exit ${code} ${sig} after-disconnect=${w2.exitedAfterDisconnect}`);
      finish();
    });
  });
} else {
  const w = cluster.worker;
  const info = {
    id: w.id,
    role: process.env.ROLE,
    uniqueIdLeft: 'NODE_UNIQUE_ID' in process.env,
    isWorker: cluster.isWorker,
    isPrimary: cluster.isPrimary,
    state: w.state,
    argv: process.argv.slice(2),
    sameProcess: w.process === process,
  };
  if (process.env.ROLE === 'killed') {
    process.send(info);
    setInterval(() => {}, 1000);
  } else {
    process.on('message', (msg) => process.send({ echo: msg, ...info }));
    w.on('disconnect', () => console.log('worker saw disconnect'));
  }
}
