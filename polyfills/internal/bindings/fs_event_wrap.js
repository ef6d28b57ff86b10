// The JS class of internalBinding('fs_event_wrap'): Node's FSEvent handle
// (fs_event_wrap.cc) over the Python FSEventHandle (js_bindings/fs_event_wrap.py).
// Evaluated as function (native, internalBinding).
'use strict';

const kNative = Symbol('kNative');
const kEncoding = Symbol('kEncoding');
const { AsyncWrap, Providers } = internalBinding('async_wrap');

class FSEvent extends AsyncWrap {
  constructor() {
    super(Providers.FSEVENTWRAP);
    this[kNative] = native.newHandle(this);
    this[kEncoding] = 'utf8';
    this.onchange = null;
  }

  start(path, persistent, recursive, encoding) {
    this[kEncoding] = encoding ?? 'utf8';
    return native.start(this[kNative], String(path), !!persistent, !!recursive,
                        this[kEncoding] === 'buffer' ? 'buffer' : 'utf8');
  }

  get initialized() { return native.initialized(this[kNative]); }
  close(cb) {
    native.close(this[kNative], AsyncWrap.closeCallback(this, typeof cb === 'function' ? cb : null));
  }
  ref() { native.ref(this[kNative]); }
  unref() { native.unref(this[kNative]); }
  hasRef() { return native.hasRef(this[kNative]); }
}

// filename arrives as a string, or as an ArrayBuffer for encoding 'buffer';
// internal/fs/watchers turns it into the requested encoding.
native.init(function onchange(status, eventType, filename) {
  return this.onchange(status, eventType, filename);
});

return { FSEvent };
