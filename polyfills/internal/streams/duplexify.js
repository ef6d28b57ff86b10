// Node's internal/streams/duplexify, from the vendored readable-stream package.
'use strict';

module.exports = require('internal/bootstrap/realm')
  .requireDep('readable-stream/lib/internal/streams/duplexify.js');
