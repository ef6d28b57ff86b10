'use strict';
// fork() with an IPC channel: messages both ways, process.send/connected/
// disconnect in the child, event order, advanced serialization, silent.
const { fork, spawn } = require('child_process');

const role = process.argv[2];

if (role === 'echo') {
  console.log('child connected', process.connected, typeof process.send, typeof process.channel);
  process.on('message', (msg) => {
    if (msg === 'exit') {
      process.disconnect();
      return;
    }
    process.send({ echo: msg, type: typeof msg });
  });
  process.send('ready');
} else if (role === 'sender') {
  // Sends before anyone listens, then exits: the parent still gets all.
  for (let i = 0; i < 3; i++) process.send({ i });
  process.send('done', () => process.exit(0));
} else if (role === 'advanced') {
  process.on('message', (msg) => {
    process.send(msg);
    process.disconnect();
  });
} else if (role === 'silent') {
  console.log('to stdout');
  console.error('to stderr');
  process.send('hi');
  process.disconnect();
} else if (role === 'no-listener') {
  // No 'message' listener: the channel does not keep the child alive.
  console.log('no-listener exits');
} else {
  const run = (name, fn) => new Promise((resolve) => fn(resolve));
  (async () => {
    await run('echo', (done) => {
      const events = [];
      const child = fork(__filename, ['echo']);
      console.log('parent connected', child.connected, typeof child.send);
      child.on('message', (msg) => {
        events.push(`message ${JSON.stringify(msg)}`);
        if (msg === 'ready') {
          child.send('text');
          child.send(42);
          child.send({ nested: { list: [1, 2, null], t: true } });
          child.send('exit');
        }
      });
      child.on('disconnect', () => events.push(`disconnect ${child.connected}`));
      child.on('exit', (code, signal) => events.push(`exit ${code} ${signal}`));
      child.on('close', (code, signal) => {
        events.push(`close ${code} ${signal}`);
        console.log('echo events', events);
        console.log('send after close', child.send('late', (err) => {
          console.log('send callback error', err.code, err.message);
          done();
        }));
      });
    });
    await run('sender', (done) => {
      const got = [];
      const child = fork(__filename, ['sender']);
      child.on('message', (msg) => got.push(msg));
      child.on('close', (code) => {
        console.log('sender got', JSON.stringify(got), code);
        done();
      });
    });
    await run('advanced', (done) => {
      const child = fork(__filename, ['advanced'], { serialization: 'advanced' });
      const value = { big: 10n, map: new Map([[1, 'one']]), set: new Set(['s']), date: new Date(0),
                      buf: Buffer.from('abc'), u: undefined, nan: NaN };
      child.on('message', (msg) => {
        console.log('advanced', msg.big, msg.map, msg.set, msg.date.toISOString(), msg.buf,
                    'u' in msg, msg.u, msg.nan);
      });
      child.send(value);
      child.on('close', () => done());
    });
    await run('silent', (done) => {
      const child = fork(__filename, ['silent'], { silent: true });
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => { out += d; });
      child.stderr.on('data', (d) => { err += d; });
      child.on('message', (m) => console.log('silent message', m));
      child.on('close', (code) => {
        console.log('silent', JSON.stringify(out), JSON.stringify(err), code);
        done();
      });
    });
    await run('spawn-ipc', (done) => {
      const child = spawn(process.execPath, [__filename, 'echo'], { stdio: ['pipe', 'pipe', 'inherit', 'ipc'] });
      let out = '';
      child.stdout.on('data', (d) => { out += d; });
      child.on('message', (msg) => {
        if (msg === 'ready') child.send('exit');
      });
      child.on('close', (code) => {
        console.log('spawn-ipc', JSON.stringify(out), code);
        done();
      });
    });
    await run('no-listener', (done) => {
      const child = fork(__filename, ['no-listener'], { stdio: ['pipe', 'pipe', 'pipe', 'ipc'] });
      let out = '';
      child.stdout.on('data', (d) => { out += d; });
      child.on('exit', (code) => {
        console.log('no-listener', JSON.stringify(out), code);
        done();
      });
    });
    await run('kill', (done) => {
      const child = fork(__filename, ['echo']);
      child.on('message', () => child.kill('SIGTERM'));
      child.on('exit', (code, signal) => {
        console.log('killed', code, signal, child.killed, child.connected);
      });
      child.on('close', () => done());
    });
    try {
      fork(__filename, [], { stdio: ['pipe', 'pipe', 'pipe'] });
    } catch (err) {
      console.log('no ipc', err.code, err.message);
    }
  })();
}
