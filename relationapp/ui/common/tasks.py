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


@dataclass(eq=False)
class _Pending:
    signals: _Signals
    fn: Callable[..., Any]
    delivered: bool = False  # set on the UI thread


class TaskRunner(QObject):
    """Runs callables on a thread pool. Writes go through one thread at a time."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # a single worker: SQLite has one writer anyway
        self._detached: list[tuple[threading.Thread, threading.Event]] = []
        self._pending: list[_Pending] = []  # started on the pool, not yet swept (see _sweep)
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
        # Parented to the runner, so the worker thread dropping its Python reference never destroys the
        # QObject there. The runner holds it (with ``fn``) until the result is delivered and the pool is
        # idle, then deletes it itself: see ``_sweep``.
        signals = _Signals(self)
        pending = _Pending(signals, fn)
        spent = self._pending  # the list, not self: a connection that held the runner would keep it alive

        def alive(callback) -> bool:
            for obj in (owner, getattr(callback, "__self__", None)):
                if isinstance(obj, QObject) and not isValid(obj):
                    return False
            return True

        def finish(callback, value):
            if pending.delivered or pending not in spent:  # dropped by stop()
                return
            try:
                if callback is not None and alive(callback):
                    callback(value)
            finally:  # only now: a sweep inside the callback (it starts more work) must not delete its sender
                pending.delivered = True

        signals.done.connect(lambda value: finish(on_done, value))
        signals.failed.connect(lambda exc: finish(on_error, exc))
        if on_progress is not None:
            signals.progress.connect(on_progress)
        self._sweep()
        self._pending.append(pending)
        self.pool.start(_Task(fn, signals, on_progress is not None))

    def _sweep(self, *, everything: bool = False) -> None:
        """Delete the delivered tasks' signal objects (``everything``: the undelivered ones too, their
        queued results dropped), here on the UI thread and from a caller that holds the window.

        Not deleteLater(): the connections hold the callbacks, and they may hold the last reference to
        the window or context that owns this runner; freed inside the signal object's own deferred
        deletion, they would destroy its parent while it is being destroyed (a crash). Only while the
        pool is idle: its worker still holds a task's ``fn`` a moment after the task emitted, and what
        ``fn`` holds is freed here, not there."""
        if self.pool.activeThreadCount() != 0:
            return
        keep = [] if everything else [p for p in self._pending if not p.delivered]
        gone = [p for p in self._pending if p not in keep]
        self._pending[:] = keep
        for p in gone:
            if isValid(p.signals):
                shiboken_delete(p.signals)

    def run_detached(self, fn: Callable[[threading.Event], Any], *, on_done=None, on_error=None) -> None:
        """Long read-only work (a whole-file check) on a thread of its own, so it never
        queues ahead of the window's database work. ``fn(stop)`` should end soon after
        ``stop`` is set; ``stop()`` sets it and joins the thread, so the work never
        outlives this runner and no result reaches a runner that is going away."""
        stop = threading.Event()
        signals = _Signals(self)

        def finish(callback, value):
            signals.deleteLater()
            if callback is not None and not stop.is_set():
                callback(value)

        signals.done.connect(lambda value: finish(on_done, value))
        signals.failed.connect(lambda exc: finish(on_error, exc))
        thread = threading.Thread(target=_Task(lambda: fn(stop), signals, False).run,
                                  daemon=True, name="relationapp-check")
        self._detached = [(t, s) for t, s in self._detached if t.is_alive()]
        self._detached.append((thread, stop))
        thread.start()

    def wait(self, msecs: int = 30000) -> bool:
        """Let running work finish (detached work included); False if it did not within ``msecs``."""
        deadline = time.monotonic() + msecs / 1000
        for thread, _stop in list(self._detached):
            thread.join(max(0.0, deadline - time.monotonic()))
        done = self.pool.waitForDone(max(0, int((deadline - time.monotonic()) * 1000)))
        self._sweep()
        return done and not any(t.is_alive() for t, _ in self._detached)

    def stop(self, msecs: int = 30000) -> bool:
        """Before the owner goes (the window closing, a restore): stop detached work, then wait for all.
        Results not delivered yet are dropped: nobody is left to show them (after a restore every page
        reloads anyway)."""
        for _thread, stop in self._detached:
            stop.set()
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
