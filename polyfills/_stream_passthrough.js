// Legacy alias of the stream class (node:_stream_passthrough).
'use strict';

module.exports = require('internal/bootstrap/realm')
  .requireDep('readable-stream/lib/_stream_passthrough.js');
