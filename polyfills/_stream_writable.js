// Legacy alias of the stream class (node:_stream_writable).
'use strict';

module.exports = require('internal/bootstrap/realm')
  .requireDep('readable-stream/lib/_stream_writable.js');
