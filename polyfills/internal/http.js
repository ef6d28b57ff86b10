// internal/http: small helpers shared by the http modules.
'use strict';

let cachedDate;
let dateTimer;

function resetCache() {
  cachedDate = undefined;
}

function utcDate() {
  if (!cachedDate) {
    cachedDate = new Date().toUTCString();
    // The cached string lives until the next second boundary at most.
    dateTimer = setTimeout(resetCache, 1000 - new Date().getMilliseconds());
    if (dateTimer && typeof dateTimer.unref === 'function') dateTimer.unref();
  }
  return cachedDate;
}

function emitStatistics() {}
function isTraceHTTPEnabled() { return false; }
function traceBegin() {}
function traceEnd() {}
function getNextTraceEventId() { return 0; }

module.exports = {
  kOutHeaders: Symbol('kOutHeaders'),
  kNeedDrain: Symbol('kNeedDrain'),
  kProxyConfig: Symbol('kProxyConfig'),
  utcDate,
  emitStatistics,
  isTraceHTTPEnabled,
  traceBegin,
  traceEnd,
  getNextTraceEventId,
};
