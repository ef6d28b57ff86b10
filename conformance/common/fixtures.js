'use strict';
// Paths and contents under test/fixtures of the fetched Node tree.

const fs = require('fs');
const path = require('path');

const fixturesDir = path.join(__dirname, '..', 'fixtures');

function fixturesPath(...parts) {
  return path.join(fixturesDir, ...parts);
}

function fileURL(...parts) {
  return require('url').pathToFileURL(fixturesPath(...parts));
}

function readSync(nameOrParts, encoding) {
  const parts = Array.isArray(nameOrParts) ? nameOrParts : [nameOrParts];
  return fs.readFileSync(fixturesPath(...parts), encoding);
}

function readKey(name, encoding) {
  return fs.readFileSync(fixturesPath('keys', name), encoding);
}

function readKeys(encoding, ...names) {
  return names.map((name) => readKey(name, encoding));
}

let utf8Text;

module.exports = {
  fixturesDir,
  path: fixturesPath,
  fileURL,
  readSync,
  readKey,
  readKeys,
  // the text of fixtures/utf8_test_text.txt (without its final newline)
  get utf8TestText() {
    if (utf8Text === undefined)
      utf8Text = fs.readFileSync(fixturesPath('utf8_test_text.txt'), 'utf8').replace(/\r?\n$/, '');
    return utf8Text;
  },
  get utf8TestTextPath() {
    return fixturesPath('utf8_test_text.txt');
  },
};
