'use strict';
// process.binding('util') is the legacy type-check view, sharing util.types' functions.
const util = require('util');
const b = process.binding('util');
console.log(Object.keys(b).sort().join(','));
console.log(Object.keys(b).every((k) => b[k] === util.types[k]), b.isMap(new Map()));
