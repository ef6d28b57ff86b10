// Agent pooling: maxSockets queueing, reusedSocket, free sockets; a request
// timeout that destroys the request (event order as node's).
const http = require('http');

const server = http.createServer((req, res) => {
  setTimeout(() => res.end(req.url), req.url === '/slow' ? 200 : 5);
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
  const name = agent.getName({ host: '127.0.0.1', port });
  const results = [];
  let pending = 5;
  for (let i = 0; i < 5; i++) {
    const req = http.get({ host: '127.0.0.1', port, path: `/${i}`, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { body += c; });
      res.on('end', () => {
        results[i] = `${body} reused=${req.reusedSocket}`;
        if (--pending === 0) afterPool();
      });
    });
  }
  console.log('sockets', agent.sockets[name].length, 'queued', agent.requests[name].length);

  function afterPool() {
    console.log(results.join('\n'));
    setImmediate(() => {
      console.log('free', agent.freeSockets[name].length, 'busy', (agent.sockets[name] || []).length);
      const order = [];
      const req = http.get({ host: '127.0.0.1', port, path: '/slow', agent, timeout: 30 });
      req.on('timeout', () => { order.push('timeout'); req.destroy(); });
      req.on('error', (err) => order.push(`error ${err.code} ${err.message}`));
      req.on('close', () => {
        order.push('close');
        console.log(order.join('\n'));
        agent.destroy();
        server.close();
      });
    });
  }
});
