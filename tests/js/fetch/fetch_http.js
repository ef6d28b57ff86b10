'use strict';
// fetch() against a local node:http server: status/headers/body, request
// bodies, redirects (follow/error/manual, 303 and 301-POST become GET),
// gzip decoding, abort, and the Request/Response/FormData classes.
const http = require('http');
const zlib = require('zlib');

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString();
    const url = new URL(req.url, 'http://x');
    switch (url.pathname) {
      case '/echo':
        res.setHeader('x-method', req.method);
        res.setHeader('x-ctype', req.headers['content-type'] || '-');
        res.setHeader('x-clen', req.headers['content-length'] || '-');
        res.setHeader('x-custom', req.headers['x-custom'] || '-');
        res.setHeader('x-accept', req.headers.accept || '-');
        res.end(body);
        break;
      case '/json':
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ hello: 'world', n: [1, 2] }));
        break;
      case '/redirect':
        res.writeHead(Number(url.searchParams.get('status')), { location: '/echo' });
        res.end();
        break;
      case '/loop':
        res.writeHead(302, { location: '/loop' });
        res.end();
        break;
      case '/gzip':
        res.setHeader('content-encoding', 'gzip');
        res.end(zlib.gzipSync('compressed text'));
        break;
      case '/slow':
        res.write('partial');
        break;
      case '/status':
        res.statusCode = 404;
        res.statusMessage = 'Nope';
        res.end('missing');
        break;
      default:
        res.end('?');
    }
  });
});

server.listen(0, async () => {
  const base = `http://localhost:${server.address().port}`;
  const show = (label, r, text) => console.log(label, r.status, r.statusText, r.ok, r.redirected,
                                                 r.url.replace(base, ''), JSON.stringify(text));
  try {
    let r = await fetch(`${base}/echo`);
    show('get', r, await r.text());
    console.log('request headers', r.headers.get('x-method'), r.headers.get('x-accept'), r.headers.get('x-clen'));

    r = await fetch(`${base}/echo`, { method: 'POST', body: 'abc', headers: { 'X-Custom': 'yes' } });
    show('post string', r, await r.text());
    console.log(r.headers.get('x-ctype'), r.headers.get('x-clen'), r.headers.get('x-custom'), r.bodyUsed);

    r = await fetch(`${base}/echo`, { method: 'PUT', body: new URLSearchParams({ a: '1', b: 'x y' }) });
    console.log('put params', await r.text(), r.headers.get('x-ctype'));

    r = await fetch(`${base}/echo`, { method: 'POST', body: new Uint8Array([104, 105]) });
    console.log('post bytes', await r.text(), r.headers.get('x-ctype'));

    r = await fetch(`${base}/echo`, { method: 'POST' });
    console.log('post empty', JSON.stringify(await r.text()), r.headers.get('x-clen'));

    const stream = new ReadableStream({
      start(c) { c.enqueue(new TextEncoder().encode('str')); c.enqueue(new TextEncoder().encode('eam')); c.close(); },
    });
    r = await fetch(`${base}/echo`, { method: 'POST', body: stream, duplex: 'half' });
    console.log('post stream', await r.text());

    r = await fetch(`${base}/json`);
    console.log('json', JSON.stringify(await r.json()), r.headers.get('content-type'));

    for (const status of [301, 302, 303, 307, 308]) {
      r = await fetch(`${base}/redirect?status=${status}`, { method: 'POST', body: 'payload' });
      console.log('redirect', status, r.status, r.redirected, r.url.replace(base, ''),
                  r.headers.get('x-method'), JSON.stringify(await r.text()));
    }
    await fetch(`${base}/redirect?status=302`, { redirect: 'error' })
      .catch((e) => console.log('redirect error', e.name, e.message, e.cause.message));
    r = await fetch(`${base}/redirect?status=302`, { redirect: 'manual' });
    console.log('redirect manual', r.status, r.headers.get('location'), r.redirected);
    await fetch(`${base}/loop`).catch((e) => console.log('loop', e.name, e.message, e.cause.message));

    r = await fetch(`${base}/gzip`);
    console.log('gzip', await r.text(), r.headers.get('content-encoding'));

    r = await fetch(`${base}/status`);
    show('status', r, await r.text());

    const ac = new AbortController();
    const pending = fetch(`${base}/slow`, { signal: ac.signal });
    setTimeout(() => ac.abort(), 20);
    await pending.then(async (res) => {
      console.log('slow headers', res.status);
      await res.text();
    }).catch((e) => console.log('abort', e.name));
    await fetch(`${base}/echo`, { signal: AbortSignal.abort() }).catch((e) => console.log('pre-aborted', e.name));

    r = await fetch(`${base}/echo`, { method: 'POST', body: 'twice' });
    const copy = r.clone();
    console.log('clone', await r.text(), await copy.text());
    await r.text().catch((e) => console.log('reuse', e.name, e.message));

    await fetch('http://localhost:1/').catch((e) => console.log('refused', e.name, e.message));
    await fetch('ftp://x/').catch((e) => console.log('scheme', e.name, e.message));
    r = await fetch('data:text/plain,hello%20there');
    console.log('data', r.status, r.headers.get('content-type'), await r.text());

    const form = new FormData();
    form.append('field', 'value');
    form.append('file', new Blob(['file body'], { type: 'text/plain' }), 'a.txt');
    r = await fetch(`${base}/echo`, { method: 'POST', body: form });
    const back = await new Response(await r.text(), {
      headers: { 'content-type': r.headers.get('x-ctype') },
    }).formData();
    const file = back.get('file');
    console.log('form', back.get('field'), file.name, file.type, await file.text());
  } finally {
    server.close();
  }
});
