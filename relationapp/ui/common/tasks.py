"""Slow work off the UI thread; results come back to the UI thread by signal."""

from __future__ import annotations

import threading
import time
import traceback
from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from shiboken6 import delete as shiboken_delete
from shiboken6 import isValid


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int, str)


class _Task(QRunnable):
    def __init__(self, fn: Callable[..., Any], signals: _Signals, with_progress: bool):
        super().__init__()
        self.fn = fn
        self.signals = signals
        self.with_progress = with_progress

    def run(self) -> None:
        try:
            if self.with_progress:
                result = self.fn(lambda done, total, text="": self.signals.progress.emit(done, total, text))
            else:
                result = self.fn()
        except Exception as exc:  # delivered to on_error on the UI thread
            exc.formatted_traceback = traceback.format_exc()
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)
        finally:
            # the runner still holds both (see TaskRunner._sweep), so nothing is freed here on the worker
            # thread; and the pool does not always free this wrapper, which would keep ``fn`` for good
            self.fn = self.signals = None


@dataclass(eq=False)
class _Pending:
    """One piece of work's signal object and callable, held on the UI thread until ``_sweep`` deletes them."""

    signals: _Signals
    fn: Callable[..., Any] | None
    thread: threading.Thread | None = None  # detached work's own thread; None: the pool
    stop: threading.Event | None = None  # detached work: set by ``stop()``
    delivering: bool = False  # its callback is running (it may start more work, or stop the runner)
    delivered: bool = False


class TaskRunner(QObject):
    """Runs callables on a thread pool. Writes go through one thread at a time."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # a single worker: SQLite has one writer anyway
        self._pending: list[_Pending] = []  # started, not yet swept (see _sweep); a live thread's stays
        # set while ``stop()`` waits: long work on the pool (a mail sync) checks it between its batches
        self.stopping = threading.Event()

    def run(
        self,
        fn: Callable[..., Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        owner: QObject | None = None,
    ) -> None:
        """``fn()`` (or ``fn(progress)`` when on_progress is given) runs off the UI thread.

        Results for a widget that was closed meanwhile are dropped: pass it as
        ``owner`` (bound methods of a QObject are checked without it).
        """
        def alive(callback) -> bool:
            for obj in (owner, getattr(callback, "__self__", None)):
                if isinstance(obj, QObject) and not isValid(obj):
                    return False
            return True

        pending = self._hold(fn, on_done, on_error, alive)
        if on_progress is not None:
            pending.signals.progress.connect(on_progress)
        self.pool.start(_Task(fn, pending.signals, on_progress is not None))

    def run_detached(self, fn: Callable[[threading.Event], Any], *, on_done=None, on_error=None) -> None:
        """Long read-only work (a whole-file check) on a thread of its own, so it never
        queues ahead of the window's database work. ``fn(stop)`` should end soon after
        ``stop`` is set; ``stop()`` sets it and joins the thread, so the work never
        outlives this runner and no result reaches a runner that is going away."""
        stop = threading.Event()
        work = lambda: fn(stop)  # noqa: E731 - held with the signals (see _sweep)
        pending = self._hold(work, on_done, on_error, lambda _callback: not stop.is_set())
        pending.thread = threading.Thread(target=_Task(work, pending.signals, False).run,
                                          daemon=True, name="relationapp-check")
        pending.stop = stop
        pending.thread.start()

    def _hold(self, fn, on_done, on_error, wanted) -> _Pending:
        """The signal object of one piece of work, connected to its callbacks and held until swept.

        Parented to the runner, so the worker dropping its Python reference never destroys the QObject
        there. The callbacks get the result on the UI thread unless ``wanted(callback)`` says no."""
        self._sweep()
        pending = _Pending(_Signals(self), fn)
        held = self._pending  # the list, not self: a connection that held the runner would keep it alive

        def finish(callback, value):
            if pending.delivered or pending.delivering or pending not in held:  # dropped by stop()
                return
            pending.delivering = True
            try:
                if callback is not None and wanted(callback):
                    callback(value)
            finally:
                pending.delivering, pending.delivered = False, True

        pending.signals.done.connect(lambda value: finish(on_done, value))
        pending.signals.failed.connect(lambda exc: finish(on_error, exc))
        self._pending.append(pending)
        return pending

    def _sweep(self, *, everything: bool = False) -> None:
        """Delete the signal objects of delivered work (``everything``: of undelivered work too, its
        queued result dropped), here on the UI thread and from a caller that holds the window.

        Not deleteLater(): the connections hold the callbacks, and they may hold the last reference to
        the window or context that owns this runner; freed inside the signal object's own deferred
        deletion, they would destroy its parent while it is being destroyed (a crash). Only once the
        work's thread is done with it (the pool idle, a detached thread ended): a worker still holds the
        work's ``fn`` a moment after it emitted, and what ``fn`` holds is freed here, not there. Never
        while its callback runs."""
        pool_idle = self.pool.waitForDone(0)  # what wait() waits for: no task running or queued

        def finished(p: _Pending) -> bool:
            ended = pool_idle if p.thread is None else not p.thread.is_alive()
            return ended and not p.delivering and (everything or p.delivered)

        gone = [p for p in self._pending if finished(p)]
        self._pending[:] = [p for p in self._pending if p not in gone]
        for p in gone:
            p.fn = None  # freed here even while Qt still holds the connections' callbacks a while
            if isValid(p.signals):
                shiboken_delete(p.signals)

    def wait(self, msecs: int = 30000) -> bool:
        """Let running work finish (detached work included); False if it did not within ``msecs``."""
        deadline = time.monotonic() + msecs / 1000
        threads = [p.thread for p in self._pending if p.thread is not None]
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        done = self.pool.waitForDone(max(0, int((deadline - time.monotonic()) * 1000)))
        self._sweep()
        return done and not any(t.is_alive() for t in threads)

    def stop(self, msecs: int = 30000) -> bool:
        """Before the owner goes (the window closing, a restore): stop detached work, then wait for all.
        Results not delivered yet are dropped: nobody is left to show them (after a restore every page
        reloads anyway)."""
        for p in self._pending:
            if p.stop is not None:
                p.stop.set()
        self.stopping.set()
        try:
            finished = self.wait(msecs)
            self._sweep(everything=True)
            return finished
        finally:
            self.stopping.clear()


def collect_garbage_on_ui_thread(parent: QObject, *, interval_ms: int = 5000) -> None:
    """Python's cycle collector may run in whatever thread allocates; if it frees a
    Qt object on a worker thread, Qt crashes or hangs. So (as Anki does) automatic
    collection is off and the UI thread collects on a timer instead.

    The first collection freezes what survived it (modules, classes, the window and its first page):
    walking those ~140k objects again made each later collection 0.1-0.2 s on the UI thread at L, a
    hitch every few seconds; the later ones look at what was made since."""
    import gc

    from PySide6.QtCore import QTimer

    gc.disable()
    timer = QTimer(parent)
    timer.setInterval(interval_ms)
    first = [True]

    def collect() -> None:
        gc.collect()
        if first:
            first.clear()
            gc.freeze()

    timer.timeout.connect(collect)
    timer.start()
