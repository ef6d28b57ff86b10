'use strict';
// path.win32: normalize/join never produce a rooted-looking relative path;
// relative() copes with case folding that changes string length.
const { win32 } = require('path');
for (const p of ['test/../C:/Windows', 'test/../C:Windows', './upload/../C:x',
  'test/C:foo/../../F:\\', 'foo/bar:', 'a/b', 'C:', 'x:y/z', '/test/../??/D:/Test']) {
  console.log(JSON.stringify(p), JSON.stringify(win32.normalize(p)));
}
console.log(win32.join('test/..', '??/D:/Test'));
console.log(win32.relative('c:\\a\\İ', 'c:\\a\\İ\\test.txt'));
console.log(win32.relative('c:\\İ\\a\\i̇', 'c:\\İ\\b\\İ\\test.txt'));
console.log(win32.relative('c:\\İ\\a\\b', 'c:\\İ'));
console.log(JSON.stringify(win32.relative('c:\\İ\\a', 'C:\\i̇\\A')));
console.log(win32.relative('d:\\İ', 'c:\\x'));
