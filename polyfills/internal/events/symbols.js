// Symbols shared by node:events and its users (node:internal/events/symbols).
'use strict';

const kFirstEventParam = Symbol('nodejs.kFirstEventParam');

module.exports = {
  kFirstEventParam,
};
