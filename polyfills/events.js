// Placeholder EventEmitter to boot the runtime; replaced by the full module.
'use strict';
function EventEmitter() { this._events = { __proto__: null }; this._maxListeners = undefined; }
EventEmitter.prototype.on = EventEmitter.prototype.addListener = function(n, f) {
  if (!this._events) this._events = { __proto__: null };
  (this._events[n] ||= []).push(f); return this;
};
EventEmitter.prototype.once = function(n, f) {
  const self = this;
  function w(...a) { self.removeListener(n, w); return f.apply(this, a); }
  w.listener = f; return this.on(n, w);
};
EventEmitter.prototype.removeListener = EventEmitter.prototype.off = function(n, f) {
  const l = this._events && this._events[n]; if (!l) return this;
  const i = l.findIndex((x) => x === f || x.listener === f); if (i >= 0) l.splice(i, 1); return this;
};
EventEmitter.prototype.emit = function(n, ...a) {
  const l = this._events && this._events[n];
  if (!l || !l.length) { if (n === 'error') throw a[0]; return false; }
  for (const f of l.slice()) f.apply(this, a); return true;
};
EventEmitter.prototype.listenerCount = function(n) { const l = this._events && this._events[n]; return l ? l.length : 0; };
module.exports = EventEmitter;
module.exports.EventEmitter = EventEmitter;
