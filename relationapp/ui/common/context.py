"""What every view shares: the database, the settings, and change notices."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from relationapp.config import Settings
from relationapp.data.db import Database
from relationapp.services.common import settings as settings_service
from relationapp.services.common.change_log import Watch
from relationapp.services.common.changes import Changes, Kind, run_operation
from relationapp.ui.common.i18n import tr
from relationapp.ui.common.operations import Operations
from relationapp.ui.common.tasks import TaskRunner


class AppContext(QObject):
    """Passed to every view and dialog.

    ``changed`` carries the typed ``Changes`` of every operation that
    ``ops`` (ui.common.operations) ran, so each view refreshes only what
    concerns it.
    """

    changed = Signal(object)  # services.common.changes.Changes
    account_requested = Signal(int)
    person_requested = Signal(int)
    status_message = Signal(str)
    undo_changed = Signal(str)  # label of what Ctrl+Z would undo ("" for nothing)

    def __init__(self, db: Database, parent: QObject | None = None):
        super().__init__(parent)
        self.db = db
        self.read_only = False  # a window opened read-only only reads: lists that would tidy up as they read wait
        self.tasks = TaskRunner(self)
        self.ops = Operations(self)
        self._settings: Settings | None = None
        self._undo: list[tuple[str, object]] = []
        self._watch: Watch | None = None
        self._watch_timer: QTimer | None = None

    # --- other windows' writes ---------------------------------------------------
    def watch_other_sessions(self, interval_ms: int = 1500) -> None:
        """Refresh what other windows (other processes, other sessions) change: every ``interval_ms`` a look
        at the change log (on SQLite first ``PRAGMA data_version``: nothing read while nothing was
        committed), and their changes broadcast like this window's own. ``stop_watching()`` before the
        database closes or is replaced."""
        if self._watch is not None:
            return
        self._watch = Watch(self.db)
        self._watch_timer = QTimer(self)
        self._watch_timer.setInterval(interval_ms)
        self._watch_timer.timeout.connect(self.look_for_other_writes)
        self._watch_timer.start()

    def look_for_other_writes(self) -> None:
        """What the timer does (a test calls it to look at once)."""
        if self._watch is not None:
            self.broadcast(self._watch.poll())

    def stop_watching(self) -> bool:
        """Stop looking for other windows' writes; True if it was looking (to start again after a restore)."""
        if self._watch is None:
            return False
        self._watch_timer.stop()
        self._watch_timer.deleteLater()
        self._watch.close()
        self._watch = self._watch_timer = None
        return True

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = settings_service.get_settings(self.db)
        return self._settings

    @property
    def me_id(self) -> int:
        """Who this window is: the staff member signed in, else the setting "I am" (0: nobody)."""
        return self.db.staff_id if self.db.staff_id is not None else self.settings.current_staff_id

    @property
    def signed_in(self) -> bool:
        """True when somebody signed in (staff members have passwords): "I am" is theirs, not a setting."""
        return self.db.staff_id is not None

    def broadcast(self, changes: Changes) -> None:
        """Tell every page what an operation changed (ops does this; nothing else should)."""
        if not changes:
            return
        if changes.touches(Kind.SETTINGS):
            self._settings = None
        self.changed.emit(changes)

    def open_account(self, account_id: int) -> None:
        self.account_requested.emit(account_id)

    def open_person(self, person_id: int) -> None:
        self.person_requested.emit(person_id)

    def say(self, message: str) -> None:
        """A short message in the status bar."""
        self.status_message.emit(message)

    # --- undo of destructive actions -------------------------------------------
    def push_undo(self, label: str, undo) -> None:
        """Remember how to take back what was just done (``undo()`` is one service call)."""
        self._undo.append((label, undo))
        del self._undo[:-20]
        self.undo_changed.emit(label)
        self.say(tr("{action}. Ctrl+Z takes it back.").format(action=label))

    def undo(self) -> bool:
        if not self._undo:
            return False
        label, undo = self._undo.pop()
        self.broadcast(run_operation(undo).changes)
        self.undo_changed.emit(self._undo[-1][0] if self._undo else "")
        self.say(tr("Undone: {action}.").format(action=label))
        return True
