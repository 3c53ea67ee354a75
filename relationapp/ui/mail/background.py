"""The watched IMAP folder, checked in the background of the window (Settings > Mail).

A timer starts a sync every ``mail_sync_minutes`` (the first one shortly
after the window opens) through ``ctx.ops.start``: the touches it logs are
broadcast like any other operation. A progress bar in the status bar shows a
sync with mail to read (the first sync of a full folder); a fault (a refused
login, no keyring, an unreachable server) is one line in the status bar,
never a message box every quarter of an hour. ``ctx.tasks.stop()`` at close
ends a sync after the batch it is in.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QProgressBar

from relationapp.errors import ServiceError
from relationapp.services.common.changes import Kind
from relationapp.ui.common.i18n import tr

FIRST_SYNC_MS = 15_000  # after the window opens: start-up first


class MailSync(QObject):
    def __init__(self, ctx, window):
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.running = False
        self.last_error: str | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.sync_now)
        self.bar = QProgressBar(window)
        self.bar.setMaximumWidth(220)
        self.bar.setTextVisible(True)
        self.bar.hide()
        self.status = QLabel(window)
        self.status.hide()
        window.statusBar().addPermanentWidget(self.status)
        window.statusBar().addPermanentWidget(self.bar)
        ctx.changed.connect(self._changed)
        self.configure(first_in_ms=FIRST_SYNC_MS)

    @property
    def configured(self) -> bool:
        settings = self.ctx.settings
        return bool(settings.mail_host.strip() and settings.mail_user.strip())

    def configure(self, *, first_in_ms: int | None = None) -> None:
        """(Re)start the timer from the settings: off without a server or with 0 minutes."""
        minutes = int(self.ctx.settings.mail_sync_minutes)
        if self.ctx.read_only or not self.configured or minutes <= 0:
            self.timer.stop()
            return
        self.timer.start(minutes * 60_000)
        if first_in_ms is not None:
            QTimer.singleShot(first_in_ms, self, self.sync_now)

    def _changed(self, changes) -> None:
        if changes.touches(Kind.SETTINGS):
            self.configure()

    def stop(self) -> None:
        self.timer.stop()

    def sync_now(self, *, on_done=None, on_error=None) -> bool:
        """Start a sync unless one is running; False when none was started."""
        if self.running or not self.configured or self.ctx.read_only:
            return False
        from relationapp.exchange.mail.imap import sync_mail

        self.running = True
        self.bar.setRange(0, 0)

        def progressed(done: int, total: int, text: str) -> None:
            if total > 0 and done < total:
                self.bar.setRange(0, total)
                self.bar.setValue(done)
                self.bar.setFormat(tr("Mail %v of %m"))
                self.bar.setToolTip(text)
                self.bar.show()

        def finished(summary) -> None:
            self.running = False
            self.bar.hide()
            self.last_error = None
            self.status.hide()
            if summary.logged or summary.new_senders:
                self.ctx.say(tr("Mail: {logged} logged as touches, {senders} new senders to review.").format(
                    logged=summary.logged, senders=summary.new_senders))
            if on_done is not None:
                on_done(summary)

        def failed(exc: Exception) -> None:
            self.running = False
            self.bar.hide()
            text = str(exc) if isinstance(exc, ServiceError) else f"{type(exc).__name__}: {exc}"
            self.last_error = text
            self.status.setText(tr("Mail: not checked"))
            self.status.setToolTip(text)
            self.status.show()
            self.ctx.say(tr("Mail not checked: {reason}").format(reason=text))
            if on_error is not None:
                on_error(exc)

        self.ctx.ops.start(sync_mail, self.ctx.db, stop=self.ctx.tasks.stopping, on_done=finished, on_error=failed,
                           on_progress=progressed, owner=self)
        return True


def check_mail_now(ctx, window) -> None:
    """Tools > Check mail now: a sync by hand, its result in a box."""
    from relationapp.ui.common import messages
    from relationapp.ui.mail.mail_import import show_summary

    sync = getattr(window, "mail_sync", None)
    if sync is None or not sync.configured:
        messages.inform(window, tr("Check mail"), tr("No mail server is set up yet: give it in Settings > Mail."))
        return
    started = sync.sync_now(on_done=lambda summary: show_summary(window, summary, title=tr("Mail checked")),
                            on_error=lambda exc: messages.warn(window, tr("Mail not checked"), sync.last_error or str(exc)))
    if not started:
        ctx.say(tr("The mail is being checked already."))
