'use strict';
// The Console constructor's options, error handling and layout, and
// console.table's rendering, compared with real node.
const { Console } = require('console');
const { Writable } = require('stream');

function capture() {
  const chunks = [];
  const stream = new Writable({
    write(chunk, enc, cb) { chunks.push(String(chunk)); cb(); },
  });
  return { stream, chunks };
}

const out = capture();
const c = new Console({ stdout: out.stream, groupIndentation: 3 });
c.log('a %d', 1);
c.group('g');
c.info({ x: [1, 2] });
c.groupEnd();
c.count();
c.count();
c.countReset();
c.count();
c.table([{ a: 1, b: 'x' }, { a: 2, c: true }, 3]);
c.table([{ a: 1, b: 2 }], ['b']);
c.table(new Map([['k', 1], [{ o: 1 }, [1, 2, 3, 4]]]));
c.table(new Set(['s', 2]));
c.table(new Map([[1, 2]]).entries());
c.table('not tabular');
c.table({ row: { col: 'é' }, other: { col: '中文' } });
console.log(JSON.stringify(out.chunks.join('')));

console.log('keys', Object.keys(c).join());
console.log('hidden', Object.getOwnPropertyNames(c).filter((k) => !Object.keys(c).includes(k)).join());
console.log(Object.prototype.toString.call(c), Object.prototype.toString.call(console));
console.log(console instanceof Console, c instanceof Console, ({}) instanceof Console);
console.log(Object.getPrototypeOf(console) !== Object.prototype, console.Console === Console);
console.log('global keys', Object.keys(console).join());
console.log(Console(out.stream) instanceof Console);

class Sub extends Console {
  log() { return 'mine'; }
}
const s = new Sub(out.stream);
const { log } = s;
console.log(log(), s.log.name);

for (const bad of [null, 'str', 1.5, -1, 1001, NaN]) {
  try {
    new Console({ stdout: out.stream, groupIndentation: bad });
  } catch (e) {
    console.log(e.code, e.name, e.message);
  }
}
for (const args of [[], [out.stream, {}], [{ stdout: out.stream, colorMode: 'x' }],
  [{ stdout: out.stream, inspectOptions: 5 }],
  [{ stdout: out.stream, inspectOptions: { colors: true }, colorMode: false }]]) {
  try {
    new Console(...args);
  } catch (e) {
    console.log(e.code, e.name, e.message);
  }
}
try {
  c.table([], false);
} catch (e) {
  console.log(e.code, e.message);
}

// Errors while writing are swallowed unless ignoreErrors is false.
const failing = new Writable({
  write(chunk, enc, cb) { cb(new Error('write failed')); },
});
new Console(failing).log('dropped');
const throwing = { write() { throw new Error('sync'); }, listenerCount() { return 0; },
  once() {}, removeListener() {} };
new Console(throwing).log('dropped');
try {
  new Console(throwing, throwing, false).warn('x');
} catch (e) {
  console.log('rethrown', e.message);
}

// The global console's streams can be replaced.
const saved = console._stdout;
const other = capture();
console._stdout = other.stream;
console.log('to other');
console._stdout = saved;
console.log(JSON.stringify(other.chunks));
const task = console.createTask('t');
console.log(task.run(() => 42), typeof console.context('c').log);
