// Load generator (run under real node): echo throughput and connection rate.
// node load.js PORT throughput|connections SECONDS CONCURRENCY
'use strict';
const net = require('net');
const [port, mode, seconds = '3', concurrency = '4'] = process.argv.slice(2);
const deadline = Date.now() + Number(seconds) * 1000;

if (mode === 'throughput') {
  const chunk = Buffer.alloc(64 * 1024, 'a');
  let echoed = 0;
  let open = Number(concurrency);
  const start = Date.now();
  for (let i = 0; i < Number(concurrency); i++) {
    const s = net.connect(Number(port), '127.0.0.1');
    let inFlight = 0;
    const window = 8 * chunk.length;
    const pump = () => {
      while (inFlight < window && Date.now() < deadline) {
        inFlight += chunk.length;
        s.write(chunk);
      }
      if (Date.now() >= deadline && inFlight === 0) s.end();
    };
    s.on('connect', pump);
    s.on('data', (d) => { echoed += d.length; inFlight -= d.length; pump(); });
    s.on('end', () => s.end());
    s.on('close', () => {
      if (--open === 0) {
        const secs = (Date.now() - start) / 1000;
        console.log(JSON.stringify({ mode, mb_per_s: echoed / secs / 1e6 }));
      }
    });
  }
} else {
  let done = 0;
  let workers = Number(concurrency);
  const start = Date.now();
  const one = () => {
    if (Date.now() >= deadline) {
      if (--workers === 0) {
        console.log(JSON.stringify({ mode, conns_per_s: done / ((Date.now() - start) / 1000) }));
      }
      return;
    }
    const s = net.connect(Number(port), '127.0.0.1', () => s.write('x'));
    s.once('data', () => s.end());
    s.on('close', () => { done++; one(); });
  };
  for (let i = 0; i < workers; i++) one();
}
