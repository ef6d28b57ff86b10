// A keep-alive HTTP client loop, run by node and by nodeshim against the same
// server: LOOPS concurrent request loops over an Agent with keepAlive, for
// SECONDS seconds.  Prints one JSON line: {"requests": n, "seconds": s, "errors": e}.
//   node bench/http/client_loop.js PORT SECONDS [LOOPS]
'use strict';
const http = require('node:http');

const port = Number(process.argv[2]);
const seconds = Number(process.argv[3] || 3);
const loops = Number(process.argv[4] || 4);
const agent = new http.Agent({ keepAlive: true, maxSockets: loops });
const start = process.hrtime.bigint();
const end = Date.now() + seconds * 1000;
let requests = 0;
let errors = 0;
let running = loops;

function finish() {
  if (--running > 0) return;
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  agent.destroy();
  console.log(JSON.stringify({ requests, seconds: elapsed, errors }));
}

function one() {
  const req = http.get({ host: '127.0.0.1', port, path: '/', agent }, (res) => {
    res.resume();
    res.on('end', () => {
      if (res.statusCode === 200) requests++; else errors++;
      if (Date.now() < end) one(); else finish();
    });
  });
  req.on('error', () => {
    errors++;
    if (Date.now() < end) one(); else finish();
  });
}

for (let i = 0; i < loops; i++) one();
