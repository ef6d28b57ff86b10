"""internalBinding('signal_wrap'): Node's Signal handle (uv_signal_t).

Python receives signals in the main thread only, so one process-wide table
maps a signal number to the started handles; the Python handler hands each
a delivery through its loop's thread-safe queue (run in the poll phase, as
libuv reports a signal).  When the last handle of a signal stops, the
disposition it replaced comes back (SIG_DFL: an unhandled SIGINT or SIGTERM
ends the process, as in Node).
"""

from __future__ import annotations

import signal as _signal
import threading

from nodeshim.loop import Handle

from .stream_wrap import load_shim
from .uv import CODES

UV_EINVAL = CODES["EINVAL"]

# signum -> handles started on it; signum -> disposition before the first
_started: dict[int, list["SignalHandle"]] = {}
_previous: dict[int, object] = {}


def _on_signal(signum, _frame) -> None:
    for handle in list(_started.get(signum, ())):
        handle.loop.queue_threadsafe(lambda h=handle: h.deliver(signum))


class SignalHandle(Handle):
    def __init__(self, host, onsignal):
        super().__init__(host.loop)
        self.host = host
        self._onsignal = onsignal
        self.js = None
        self.signum = 0

    def start(self, signum) -> int:
        try:
            signum = int(signum)
        except (TypeError, ValueError):
            return UV_EINVAL
        if threading.current_thread() is not threading.main_thread():
            return UV_EINVAL
        if signum in (_signal.SIGKILL, _signal.SIGSTOP) or not 0 < signum < _signal.NSIG:
            return UV_EINVAL
        if self.signum == signum:
            return 0
        self.stop()
        handles = _started.setdefault(signum, [])
        if not handles:
            try:
                _previous[signum] = _signal.signal(signum, _on_signal)
            except (OSError, ValueError):
                return UV_EINVAL
        handles.append(self)
        self.signum = signum
        self.set_active(True)
        return 0

    def stop(self) -> int:
        signum = self.signum
        if not signum:
            return 0
        self.signum = 0
        self.set_active(False)
        handles = _started.get(signum, [])
        if self in handles:
            handles.remove(self)
        if not handles:
            _started.pop(signum, None)
            previous = _previous.pop(signum, _signal.SIG_DFL)
            try:
                _signal.signal(signum, previous if previous is not None else _signal.SIG_DFL)
            except (OSError, ValueError, TypeError):
                pass
        return 0

    def deliver(self, signum) -> None:
        if self.closing or self.signum != signum:
            return
        self.host.make_callback(self._onsignal, signum, this=self.js)

    def close(self, cb=None) -> None:
        if self.closing:
            return
        self.closing = True
        self.stop()

        def finish():
            if cb is not None:
                self.host.make_callback(cb, this=self.js)

        self.loop.queue_close(finish)

    def release(self) -> None:
        self.stop()


def create(host):
    wrap = host.engine.host_object
    trampolines = []

    def init(onsignal):
        trampolines.append(onsignal)

    def new_handle(js):
        h = SignalHandle(host, trampolines[0])
        h.js = js
        return wrap(h)

    native = {
        "init": init,
        "newHandle": new_handle,
        "start": lambda h, signum: h.start(signum),
        "stop": lambda h: h.stop(),
        "close": lambda h, cb=None: h.close(cb),
        "ref": lambda h: h.ref(),
        "unref": lambda h: h.unref(),
        "hasRef": lambda h: h.has_ref(),
    }
    return load_shim(host, "internal/bindings/signal_wrap", native)
