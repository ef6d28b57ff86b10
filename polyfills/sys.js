// The pre-1.0 name of util, kept for old programs (runtime-deprecated).
'use strict';

module.exports = require('util');
process.emitWarning('sys is deprecated. Use util instead.', 'DeprecationWarning', 'DEP0025');
