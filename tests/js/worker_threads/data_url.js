'use strict';
// new Worker(new URL('data:...')) runs the URL as an ES module; other URL
// schemes and file:/data: strings are refused as Node refuses them.
const { Worker } = require('worker_threads');

for (const bad of ['file:///x.js', 'data:text/javascript,', 'relative.js', 'https://example.com/x.js']) {
  try {
    new Worker(bad);
  } catch (err) {
    console.log(JSON.stringify(bad), err.name, err.code, /Wrap (file|data)/.exec(err.message)?.[0]);
  }
}
try {
  new Worker(new URL('https://example.com/x.js'));
} catch (err) {
  console.log('https URL', err.name, err.code);
}

const sources = [
  'data:text/javascript,',
  'data:text/javascript,export{}',
  'data:text/plain,',
  'data:text/javascript,module.exports={}',
  'data:text/javascript,await Promise.resolve()',
  'data:text/javascript,await new Promise(()=>{})',
  'data:text/javascript,throw new Error("it\'s \\"quoted\\"")',
  'data:text/javascript,import { parentPort } from "worker_threads"; parentPort.postMessage([import.meta.url.length, typeof require])',
  'data:text/javascript;base64,' + Buffer.from('import { parentPort } from "node:worker_threads"; parentPort.postMessage("base64 \u00e9")').toString('base64'),
  'data:text/javascript,import "./relative.js"',
  'data:text/javascript,process.exit(3); await new Promise(() => { process.exit(4); })',
];
const results = [];
sources.forEach((source, i) => {
  const events = [];
  new Worker(new URL(source))
    .on('message', (m) => events.push(`message ${JSON.stringify(m)}`))
    // (A ReferenceError's wording is the engine's.)
    .on('error', (e) => events.push(`error ${e && e.name} ${e && e.code} ${e instanceof ReferenceError ? '' : e && e.message}`))
    .on('exit', (code) => {
      events.push(`exit ${code}`);
      results[i] = `${i}: ${events.join(' | ')}`;
    });
});
process.on('exit', () => console.log(results.join('\n')));
