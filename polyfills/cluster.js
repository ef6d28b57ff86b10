// node:cluster (Node 20's lib/cluster.js): the worker side when this process
// was started by cluster.fork() (NODE_UNIQUE_ID in the environment), the
// primary side otherwise. Loading it starts nothing.
'use strict';

const side = Object.prototype.hasOwnProperty.call(process.env, 'NODE_UNIQUE_ID') ?
  'child' : 'primary';
module.exports = require(`internal/cluster/${side}`);
