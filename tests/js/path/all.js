'use strict';
const path = require('path');
const out = (x) => JSON.stringify(x);
const samples = ['', '.', '..', '/', '//', '///', 'a', '/a', 'a/', '/a/b/', 'a/b/c.txt', '/a/b/../c', './a/./b', '../../x', 'a/../..', '/../a', '.a', 'a.', '..a', 'a..b', '.a.b', 'file.tar.gz', '/foo/bar.baz/', '//server/share', '\\\\server\\share\\x', 'C:', 'C:\\', 'C:\\a\\b.js', 'c:/x/../y', 'C:foo', '\\', '\\\\', '\\\\?\\C:\\x', '//a', '//a/b', '//a/b/', '///a/b/c', 'C:\\..\\..\\x', 'a\\b/c', '\\\\.\\pipe\\x', '/a/.', '/a/..', 'x/.hidden', 'dir/', 'dir//', '.\\x', 'C:.', '...', '/...'];
for (const p of [path.posix, path.win32]) {
  const n = p.sep === '/' ? 'posix' : 'win32';
  for (const s of samples) {
    console.log(n, out(s), out(p.normalize(s)), out(p.isAbsolute(s)), out(p.dirname(s)), out(p.basename(s)), out(p.extname(s)), out(p.parse(s)), out(p.toNamespacedPath(s)));
    console.log(n, 'b', out(p.basename(s, '.js')), out(p.basename(s, 'b')), out(p.basename(s, s)), out(p.format(p.parse(s))));
  }
  const pairs = [['/a/b', 'c'], ['/a', '/b'], ['a', '../b'], ['', ''], ['/', '..'], ['C:\\a', 'b'], ['C:\\a', 'D:\\b'], ['C:', 'x'], ['\\\\s\\sh', 'x'], ['//s/sh', '..'], ['a/', '', 'b/'], ['/foo/bar', './baz'], ['/foo/bar', '/tmp/file/'], ['c:/ignore', 'c:/some/file'], ['c:/blah\\blah', 'd:/games', 'c:../a'], ['/', '//server/share']];
  for (const a of pairs) {
    console.log(n, 'join', out(a), out(p.join(...a)));
    if (a.every((x) => x.startsWith('/') || /^[A-Za-z]:[\\/]/.test(x) || x.startsWith('\\\\'))) console.log(n, 'resolve', out(a), out(p.resolve(...a)));
    if (a.length === 2 && (a[0][0] === '/' || /^[A-Za-z]:\\/.test(a[0])) && (a[1][0] === '/' || /^[A-Za-z]:\\/.test(a[1]))) console.log(n, 'relative', out(p.relative(a[0], a[1])));
  }
  const rel = n === 'posix' ? [['/var/lib', '/var'], ['/var/lib', '/bin'], ['/var/lib', '/var/lib'], ['/var/lib', '/var/apache'], ['/var/', '/var/lib'], ['/', '/var/lib'], ['/foo/test', '/foo/test/bar/package.json'], ['/Users/a/web/b/test/mails', '/Users/a/web/b'], ['/foo/bar/baz-quux', '/foo/bar/baz'], ['/foo/bar/baz', '/foo/bar/baz-quux'], ['/baz-quux', '/baz'], ['/baz', '/baz-quux'], ['/page1/page2/foo', '/']] :
    [['c:/blah\\blah', 'd:/games'], ['c:/aaaa/bbbb', 'c:/aaaa'], ['c:/aaaa/bbbb', 'c:/cccc'], ['c:/aaaa/bbbb', 'c:/aaaa/bbbb'], ['c:/aaaa/bbbb', 'c:/aaaa/cccc'], ['c:/aaaa/', 'c:/aaaa/cccc'], ['c:/', 'c:\\aaaa\\bbbb'], ['c:/aaaa/bbbb', 'd:\\'], ['c:/AaAa/bbbb', 'c:/aaaa/bbbb'], ['c:/aaaaa/', 'c:/aaaa/cccc'], ['C:\\foo\\bar\\baz\\quux', 'C:\\'], ['C:\\foo\\test', 'C:\\foo\\test\\bar\\package.json'], ['\\\\foo\\bar', '\\\\foo\\bar\\baz'], ['\\\\foo\\bar\\baz', '\\\\foo\\bar'], ['\\\\foo\\bar\\baz-quux', '\\\\foo\\bar\\baz'], ['C:\\baz-quux', 'C:\\baz'], ['\\\\foo\\baz', '\\\\foo\\baz-quux'], ['C:\\baz', '\\\\foo\\bar\\baz'], ['\\\\foo\\bar\\baz', 'C:\\baz']];
  for (const [a, b] of rel) console.log(n, 'rel', out(a), out(b), out(p.relative(a, b)));
  for (const f of [{ root: '/', dir: '/x', base: 'y.z' }, { name: 'a', ext: 'b' }, { name: 'a', ext: '.b' }, { root: '/' }, { dir: 'd', name: 'n', ext: '.e' }, {}]) console.log(n, 'format', out(f), out(p.format(f)));
  for (const bad of [null, 1, {}, true]) {
    try { p.join('a', bad); } catch (e) { console.log(n, e.code, e.message); }
    try { p.resolve(bad); } catch (e) { console.log(n, e.code, e.message); }
    try { p.basename('x', bad); } catch (e) { console.log(n, e.code, e.message); }
  }
  try { p.format('x'); } catch (e) { console.log(n, e.code, e.message); }
  console.log(n, p.sep, p.delimiter, p.posix === path.posix, p.win32 === path.win32);
}
console.log(path === path.posix, require('path/posix') === path.posix, require('path/win32') === path.win32);
console.log(path.relative('', '') === '', typeof path.resolve(), path.resolve('x') === process.cwd() + '/x');
