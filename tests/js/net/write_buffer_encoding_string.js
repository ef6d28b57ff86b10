'use strict';
// socket.write(string, 'buffer') reaches the handle's writeBuffer with a
// string, which rejects it as Node's C++ does.
const net = require('net');
const server = net.createServer((s) => s.resume()).listen(0, () => {
  const client = net.connect(server.address().port, () => {
    try {
      client.write('broken', 'buffer');
    } catch (err) {
      console.log(err.name, err.code, err.message);
    }
    client.destroy();
    server.close();
  });
});
