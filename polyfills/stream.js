// node:stream — Node's own streams implementation, as the Node.js project
// publishes it on npm (`readable-stream`, pinned in polyfills/package.json),
// loaded with our buffer/events/string_decoder/errors (see realm.js requireDep).
'use strict';

const { requireDep } = require('internal/bootstrap/realm');

const Stream = requireDep('readable-stream/lib/stream.js');

module.exports = Stream;
