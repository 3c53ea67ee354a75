"""What every view shares: the database, the settings, and change notices."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from relationapp.config import Settings
from relationapp.data.db import Database
from relationapp.errors import ConnectionLost
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
    # True: the connection to the server was lost, the window is read-only; False: it is back
    connection_lost_changed = Signal(bool)

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
        self.connection_lost_told = False
        self.connection_lost = False  # the server stopped answering: writes refused until the probe reaches it
        self._probe_timer: QTimer | None = None
        self._probing = False

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
        if self._watch is not None and not self.connection_lost:
            try:
                self.broadcast(self._watch.poll())
            except ConnectionLost:
                self.lose_connection()

    # --- a lost connection to the server ------------------------------------------
    def lose_connection(self, interval_ms: int = 3000, *, told: bool = False) -> None:
        """The server stopped answering: the window goes read-only (``ops`` refuses writes) and a probe
        every ``interval_ms`` looks whether it answers again; then writes come back and every list refreshes.
        ``told``: the user has been told already (the failed save's own message)."""
        if self.connection_lost:
            return
        self.connection_lost = True
        self.connection_lost_told = told  # the refusal of the save that noticed it said so: no second dialog
        self._probe_timer = QTimer(self)
        self._probe_timer.setInterval(interval_ms)
        self._probe_timer.timeout.connect(self.probe_server)
        self._probe_timer.start()
        self.connection_lost_changed.emit(True)

    def probe_server(self) -> None:
        """One look off the UI thread (a server far away may take seconds to refuse); a test calls it at once."""
        if not self.connection_lost or self._probing:
            return
        self._probing = True
        self.tasks.run(self.db.server_answers, on_done=self._probed, on_error=lambda _exc: self._probed(False))

    def _probed(self, answers: bool) -> None:
        self._probing = False
        if not answers or not self.connection_lost:
            return
        self.stop_probing()
        self.connection_lost = False
        self.connection_lost_changed.emit(False)
        self.broadcast(Changes.everything())  # what others saved meanwhile, and what this window could not read
        self.say(tr("Connected to the server again; you can save changes."))

    def stop_probing(self) -> None:
        """The probe timer stopped (the window closing, or the server back)."""
        if self._probe_timer is not None:
            self._probe_timer.stop()
            self._probe_timer.deleteLater()
            self._probe_timer = None

    def stop_watching(self) -> bool:
        """Stop looking for other windows' writes; True if it was looking (to start again after a restore)."""
        self.stop_probing()
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
        if self.connection_lost:
            from relationapp.ui.common.operations import read_only_message

            self.say(read_only_message())
            return False
        label, undo = self._undo.pop()
        self.broadcast(run_operation(undo).changes)
        self.undo_changed.emit(self._undo[-1][0] if self._undo else "")
        self.say(tr("Undone: {action}.").format(action=label))
        return True
