// Node's internal/streams/add-abort-signal, from the vendored readable-stream package.
'use strict';

module.exports = require('internal/bootstrap/realm')
  .requireDep('readable-stream/lib/internal/streams/add-abort-signal.js');
