// The JS class of internalBinding('signal_wrap'): Node's Signal handle over
// the Python SignalHandle (js_bindings/signal_wrap.py).
// Evaluated as function (native, internalBinding).
'use strict';

const kNative = Symbol('kNative');
const { AsyncWrap, Providers } = internalBinding('async_wrap');

// Methods called on anything but a Signal fail as a C++ binding's do.
function nativeOf(self) {
  const handle = self?.[kNative];
  if (handle === undefined) throw new TypeError('Illegal invocation');
  return handle;
}

class Signal extends AsyncWrap {
  constructor() {
    super(Providers.SIGNALWRAP);
    this[kNative] = native.newHandle(this);
    this.onsignal = null;
  }

  start(signum) { return native.start(nativeOf(this), signum); }
  stop() { return native.stop(nativeOf(this)); }
  close(cb) {
    native.close(nativeOf(this), AsyncWrap.closeCallback(this, typeof cb === 'function' ? cb : null));
  }
  ref() { native.ref(nativeOf(this)); }
  unref() { native.unref(nativeOf(this)); }
  hasRef() { return native.hasRef(nativeOf(this)); }
}

native.init(function onsignal(signum) {
  if (typeof this.onsignal === 'function') this.onsignal(signum);
});

return { Signal };
