// Loading node:cluster starts nothing: no 'setup', no fork, no handle keeps
// the process alive, settings stay empty until setupPrimary()/fork().
'use strict';
const cluster = require('node:cluster');
console.log(require('cluster') === cluster);
cluster.on('setup', () => console.log('setup emitted'));
console.log(cluster.isPrimary, cluster.isWorker, cluster.isMaster);
console.log(JSON.stringify(cluster.settings), JSON.stringify(cluster.workers));
console.log(cluster.SCHED_NONE, cluster.SCHED_RR, cluster.schedulingPolicy);
console.log(typeof cluster.fork, typeof cluster.disconnect, typeof cluster.setupPrimary,
            typeof cluster.Worker);
const w = new cluster.Worker();
console.log(w.id, w.state, w.exitedAfterDisconnect, w.process);
const w2 = cluster.Worker({ id: '7', state: 'online' });
console.log(w2 instanceof cluster.Worker, w2.id, w2.state);
cluster.disconnect(() => console.log('disconnect callback with no workers'));
process.on('exit', () => console.log('exit', Object.keys(cluster.workers).length));
