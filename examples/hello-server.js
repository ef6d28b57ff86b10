// A Node http server: `nodeshim examples/hello-server.js` as `node examples/hello-server.js`.
// PORT (default 8000) and HOST (default 127.0.0.1) come from the environment;
// HELLO_ONESHOT=1 makes it answer one request from itself and exit (used by
// README's first command and the tests, so they end on their own).
const http = require('node:http');

const port = Number(process.env.PORT || 8000);
const host = process.env.HOST || '127.0.0.1';

// Under a Python host (examples/python_host.py) a Python function adds a
// line to each answer; under node (or the nodeshim command) there is none.
let fromPython = null;
try {
  fromPython = require('python:on_request');
} catch {
  // not hosted
}

const server = http.createServer((req, res) => {
  let body = `Hello from ${process.release.name} ${process.version} at ${req.url}\n`;
  if (fromPython) body += `${fromPython(req.method, req.url)}\n`;
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
});

server.listen(process.env.HELLO_ONESHOT ? 0 : port, host, () => {
  const { port: actual } = server.address();
  console.log(`listening on http://${host}:${actual}/`);
  if (process.env.HELLO_ONESHOT) {
    http.get({ host, port: actual, path: '/oneshot' }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { text += chunk; });
      res.on('end', () => {
        console.log(res.statusCode, text.trim());
        server.close();
      });
    });
  }
});
