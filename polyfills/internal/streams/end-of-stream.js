// Node's internal/streams/end-of-stream, from the vendored readable-stream package.
'use strict';

module.exports = require('internal/bootstrap/realm')
  .requireDep('readable-stream/lib/internal/streams/end-of-stream.js');
