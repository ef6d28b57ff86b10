// Node's internal/streams/lazy_transform, from the vendored readable-stream package.
'use strict';

module.exports = require('internal/bootstrap/realm')
  .requireDep('readable-stream/lib/internal/streams/lazy_transform.js');
