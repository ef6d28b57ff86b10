// node:util/types
'use strict';

const types = require('internal/util/types');

module.exports = { ...types };
