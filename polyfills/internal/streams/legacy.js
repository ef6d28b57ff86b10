// Node's internal/streams/legacy, from the vendored readable-stream package.
'use strict';

module.exports = require('internal/bootstrap/realm')
  .requireDep('readable-stream/lib/internal/streams/legacy.js');
