"""The one runner of writes: a service call, its typed changes broadcast, its refusal shown, undo offered.

Every write a page or dialog starts goes through ``ctx.ops``:

    value = ctx.ops.call(service_fn, db, ...)            # in a form: a refusal raises, the form shows it
    value = ctx.ops.run(parent, service_fn, db, ...)     # from a view: a refusal becomes a message box
    ctx.ops.start(service_fn, db, ..., on_done=...)      # slow work: off the UI thread
    ctx.ops.call(..., undo=lambda: other_fn(db, ...), undo_label=tr("Order deleted"))

The changes come from ``services.common.changes.run_operation`` (what the
transaction wrote, side effects included); ``ctx.changed`` carries them to
every page, and each page refreshes only when they concern it.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from relationapp.errors import ConnectionLost, ServiceError
from relationapp.services.common.changes import OpResult, run_operation
from relationapp.ui.common import messages
from relationapp.ui.common.i18n import tr


def read_only_message() -> str:
    return tr("Lost the connection to the server; nothing was saved. "
              "The window is read-only until the server answers again.")


class Operations(QObject):
    def __init__(self, ctx):
        super().__init__(ctx)
        self.ctx = ctx

    def call(self, fn: Callable[..., Any], /, *args: Any, undo: Callable[[], Any] | None = None,
             undo_label: str | None = None, **kwargs: Any) -> Any:
        """Run one service call now; broadcast what it changed. A ServiceError propagates (nothing was saved)."""
        if self.ctx.connection_lost:  # read-only until the server answers again (AppContext.lose_connection)
            raise ConnectionLost(read_only_message())
        try:
            result = run_operation(fn, *args, **kwargs)
        except ConnectionLost as exc:
            self.ctx.lose_connection(told=True)
            raise ConnectionLost(read_only_message()) from exc
        self._finish(result, undo, undo_label)
        return result.value

    def run(self, parent, fn: Callable[..., Any], /, *args: Any, undo: Callable[[], Any] | None = None,
            undo_label: str | None = None, **kwargs: Any) -> Any:
        """As ``call``, but a refusal is shown in a message box and None comes back."""
        try:
            return self.call(fn, *args, undo=undo, undo_label=undo_label, **kwargs)
        except ServiceError as exc:
            messages.warn(parent, tr("Not saved"), str(exc))
            return None

    def start(self, fn: Callable[..., Any], /, *args: Any, on_done: Callable[[Any], None] | None = None,
              on_error: Callable[[Exception], None] | None = None,
              on_progress: Callable[[int, int, str], None] | None = None, owner: QObject | None = None,
              **kwargs: Any) -> None:
        """Run a slow write on the worker thread; the changes are broadcast on the UI thread when it ends.

        With ``on_progress``, ``fn`` takes a ``progress(done, total, text)`` keyword argument.
        """
        if self.ctx.connection_lost:
            messages.warn(owner if isinstance(owner, QWidget) else None, tr("Not saved"), read_only_message())
            return

        def work(progress=None):
            if progress is not None:
                return run_operation(fn, *args, progress=progress, **kwargs)
            return run_operation(fn, *args, **kwargs)

        def wanted(callback) -> bool:  # a callback of a widget closed meanwhile is dropped
            return callback is not None and all(not isinstance(obj, QObject) or isValid(obj)
                                                for obj in (owner, getattr(callback, "__self__", None)))

        def done(result: OpResult) -> None:
            self._finish(result, None, None)  # what was written is broadcast even when the widget is gone
            if wanted(on_done):
                on_done(result.value)

        def failed(exc: Exception) -> None:
            if isinstance(exc, ConnectionLost):
                self.ctx.lose_connection(told=wanted(on_error))
            if wanted(on_error):
                on_error(exc)

        self.ctx.tasks.run(work, on_done=done, on_error=failed, on_progress=on_progress)

    def _finish(self, result: OpResult, undo, undo_label) -> None:
        self.ctx.broadcast(result.changes)
        if undo is not None:
            self.ctx.push_undo(undo_label or "", undo)
