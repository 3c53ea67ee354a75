"""The sync with the phone's server in the background: on a schedule, and shortly after each change.

A timer syncs every ``phone_sync_minutes`` (Settings; 0: only by hand); a
change to people, follow-ups, visits or dates starts one ``AFTER_CHANGE_MS``
later (changes close together make one sync). The sync's own changes (they
always hold ``Kind.SYNC``: it records its result) never start another. It
runs through ``ctx.ops.start`` (off the UI thread); ``ctx.tasks.stop()`` at
close ends it after the batch it is in. A fault is one line in the status
bar and on the Sync page, never a message box.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from relationapp.errors import ServiceError
from relationapp.services.common.changes import Kind
from relationapp.ui.common.i18n import tr

AFTER_CHANGE_MS = 20_000
FIRST_SYNC_MS = 20_000
SYNCED_KINDS = (Kind.PEOPLE, Kind.ACCOUNTS, Kind.FOLLOW_UPS, Kind.VISITS, Kind.IMPORTANT_DATES)


def _sync(db, *, account=None, progress=None, stop=None):
    from relationapp.exchange.dav.run import sync_now
    from relationapp.reports.visits.visits_ics import visit_descriptions

    return sync_now(db, account=account, progress=progress, stop=stop, describe_visits=visit_descriptions)


def _configured(db) -> bool:
    from relationapp.services.sync.store import account_names

    return bool(account_names(db))


class PhoneSync(QObject):
    started = Signal()
    progressed = Signal(int, int, str)
    finished = Signal(object, str)  # (SyncSummary or None, the fault's line or "")

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.running = False
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.sync_now)
        self.soon = QTimer(self)
        self.soon.setSingleShot(True)
        self.soon.timeout.connect(self.sync_now)
        ctx.changed.connect(self._changed)
        ctx.phone_sync = self
        self.configure(first_in_ms=FIRST_SYNC_MS)

    @property
    def configured(self) -> bool:
        return _configured(self.ctx.db)

    def configure(self, *, first_in_ms: int | None = None) -> None:
        minutes = int(self.ctx.settings.phone_sync_minutes)
        if self.ctx.read_only or minutes <= 0 or not self.configured:
            self.timer.stop()
            return
        self.timer.start(minutes * 60_000)
        if first_in_ms is not None:
            self.soon.start(first_in_ms)

    def _changed(self, changes) -> None:
        if changes.touches(Kind.SYNC):
            return  # the sync's own (or its setup's): the timer is set again at the end
        if changes.touches(Kind.SETTINGS):
            self.configure()
        if changes.touches(*SYNCED_KINDS) and self.timer.isActive():
            self.soon.start(AFTER_CHANGE_MS)

    def stop(self) -> None:
        self.timer.stop()
        self.soon.stop()

    def sync_now(self, account: str | None = None) -> bool:
        """Start a sync of one account (by name) or of all, unless one is running (or none is set up);
        False when none was started."""
        if self.running or self.ctx.read_only or not self.configured:
            return False
        self.running = True
        self.started.emit()

        def done(summary) -> None:
            self.running = False
            self.finished.emit(summary, "")
            if not summary.ok:
                self.ctx.say(tr("Phone sync: {result}").format(result=summary.text().replace("\n", "; ")))

        def failed(exc: Exception) -> None:
            self.running = False
            text = str(exc) if isinstance(exc, ServiceError) else f"{type(exc).__name__}: {exc}"
            self.finished.emit(None, text)
            self.ctx.say(tr("Phone sync: {result}").format(result=text))

        self.ctx.ops.start(_sync, self.ctx.db, account=account, stop=self.ctx.tasks.stopping, on_done=done, on_error=failed,
                           on_progress=lambda d, t, text: self.progressed.emit(d, t, text), owner=self)
        return True
