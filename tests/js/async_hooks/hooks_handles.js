'use strict';
// Hooks for resources the loop drives: TCP server/socket handles, connect,
// write and shutdown requests, fs requests, HTTP parsers, MessagePorts, and
// the ids seen inside their callbacks.  An exception thrown by a hook ends
// the process with code 1 and the value's message.
const ah = require('async_hooks');
const fs = require('fs');
const net = require('net');
const http = require('http');
const { spawnSync } = require('child_process');

const out = (s) => fs.writeSync(1, `${s}\n`);

if (process.argv[2] === 'throw') {
  ah.createHook({ [process.argv[3]]() { throw process.argv[4] === 'null' ? null : new Error('boom'); } }).enable();
  setTimeout(() => {}, 1);
  return;
}

const types = new Map();
const destroyed = new Set();
const kinds = new Set(['TCPSERVERWRAP', 'TCPWRAP', 'TCPCONNECTWRAP', 'SHUTDOWNWRAP', 'FSREQCALLBACK',
                       'HTTPINCOMINGMESSAGE', 'HTTPCLIENTREQUEST', 'MESSAGEPORT', 'FSREQPROMISE']);
const hook = ah.createHook({
  init(id, type, trigger, resource) {
    if (!kinds.has(type)) return;
    types.set(id, type);
  },
  destroy(id) { destroyed.add(id); },
}).enable();

function runsAs(label, type) {
  out(`${label} runs as a ${types.get(ah.executionAsyncId()) ?? 'non-handle'} ` +
      `(expected ${type})`);
}

fs.stat(__filename, () => {
  runsAs('fs.stat callback', 'FSREQCALLBACK');
  fs.promises.readFile(__filename).then(() => {
    const server = net.createServer((conn) => {
      runsAs('connection', 'TCPSERVERWRAP');
      conn.on('data', () => {
        runsAs('server data', 'TCPWRAP');
        conn.end('bye');
      });
    });
    server.listen(0, '127.0.0.1', () => {
      out(`server[async_id] is its handle's: ${server._handle.getAsyncId() > 1}`);
      const client = net.connect(server.address().port, '127.0.0.1', () => {
        runsAs('connect', 'TCPCONNECTWRAP');
        client.write('hi');
      });
      client.on('data', () => runsAs('client data', 'TCPWRAP'));
      client.on('close', () => {
        server.close(() => httpPart());
      });
    });
  });
});

function httpPart() {
  const server = http.createServer((req, res) => {
    runsAs('request handler', 'HTTPINCOMINGMESSAGE');
    out(`  its resource: ${ah.executionAsyncResource().constructor.name}`);
    res.end('ok');
  });
  server.listen(0, '127.0.0.1', () => {
    http.get({ port: server.address().port, host: '127.0.0.1', agent: false }, (res) => {
      runsAs('response callback', 'HTTPCLIENTREQUEST');
      out(`  its resource: ${ah.executionAsyncResource().constructor.name}`);
      res.resume();
      res.on('end', () => {
        server.close();
        const { port1, port2 } = new MessageChannel();
        port1.close();
        void port2;
      });
    });
  });
}

process.on('exit', () => {
  hook.disable();
  const seen = [...new Set(types.values())].sort();
  out(`types: ${seen.join(' ')}`);
  const left = [...types].filter(([id, type]) => !destroyed.has(id) && type !== 'MESSAGEPORT')
    .map(([, type]) => type);
  out(`not destroyed: ${left.join(' ') || 'none'}`);

  for (const which of ['init', 'before', 'after', 'destroy']) {
    for (const value of ['null', 'error']) {
      const child = spawnSync(process.execPath, [__filename, 'throw', which, value], { encoding: 'utf8' });
      out(`${which} throws ${value}: status ${child.status}, ${child.stderr.split('\n')[0]}`);
    }
  }
});
