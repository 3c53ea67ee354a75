"""What the window does around opening the database: who else holds it, a damaged file, the daily backup.

For ``ui/app.py``:

    choice = claim_database(path, parent=None)   # before open_database: "open", "read_only" or "quit"
    ...
    after_window_shown(ctx, window)              # daily backup + quick_check, off the UI thread
    ...
    release_instance_lock(path)                  # at exit (services.instance_lock)

A full ``quick_check`` of a large file takes seconds, so it runs after the
window is up; nothing has been written by then (reading does not write).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from relationapp.services.data_care import backups
from relationapp.services.data_care.instance_lock import acquire_instance_lock
from relationapp.ui.common import messages
from relationapp.ui.common.i18n import tr


def backup_dir_for(db_path: Path) -> Path:
    return Path(db_path).parent / "backups"


def claim_database(db_path: str | Path, parent=None) -> str:
    """Take the file for this app; if another app holds it, say who and offer to open it read-only."""
    holder = acquire_instance_lock(db_path)
    if holder is None:
        return "open"
    box = QMessageBox(QMessageBox.Icon.Warning, tr("The database is in use"),
                      tr("{file} is open in another relationapp: {holder}.\n\n"
                         "You can look at it here without changing anything, or quit and use the other window.").format(
                          file=Path(db_path).name, holder=holder.describe()),
                      QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # file and host names are data
    read_only = box.addButton(tr("Open read-only"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return "read_only" if box.clickedButton() is read_only else "quit"


def offer_good_backup(ctx, window, problem: str) -> None:
    """The file failed its check: never write to it; offer the newest backup that passes."""
    from relationapp.ui.data import data_actions

    db_path = ctx.db.path
    good = backups.latest_good_backup(backup_dir_for(db_path), stem=db_path.stem)
    if good is None:
        messages.critical(window, tr("The database is damaged"),
                             tr("{problem}.\n\nThere is no good backup to go back to. Close the app and keep the "
                                "file: a specialist may still rescue it.").format(problem=problem))
        return
    if messages.ask(
        window, tr("The database is damaged"),
        tr("{problem}.\n\nGo back to the latest good backup, {file}? The damaged file is kept aside.").format(
            problem=problem, file=good.name)):
        data_actions.restore_given_backup(ctx, window, good)


def after_window_shown(ctx, window) -> None:
    """Check the file, then make the daily backup (only of a healthy file).

    The check reads the whole file (seconds for a large one), so it runs on a
    thread of its own, never in the queue of the window's database work.
    """
    db_path = ctx.db.path
    keep = ctx.settings.backups_keep
    if db_path is None:
        daily_server_backup(ctx, keep)
        return

    def work(stop):
        return backups.startup_check(db_path, backup_dir_for(db_path), keep=keep, stop=stop)

    def done(result: backups.StartupCheck) -> None:
        if result.problem:
            offer_good_backup(ctx, window, result.problem)
        elif result.backup is not None:
            ctx.say(tr("Daily backup written to {file}.").format(file=result.backup.name))

    ctx.tasks.run_detached(work, on_done=done, on_error=lambda exc: ctx.say(tr("No daily backup: {error}").format(error=exc)))


def daily_server_backup(ctx, keep: int) -> None:
    """On a server the file check is the server's; the daily backup (pg_dump, else the app's export) is
    this laptop's, into its backup folder, off the UI thread."""
    from relationapp import config
    from relationapp.exchange.server_backup import daily_server_backup as backup

    def done(made) -> None:
        if made is not None:
            ctx.say(tr("Daily backup: {result}").format(result=made.message))

    ctx.tasks.run_detached(lambda _stop: backup(ctx.db, backup_dir=config.backup_dir(), keep=keep), on_done=done,
                           on_error=lambda exc: ctx.say(tr("No daily backup: {error}").format(error=exc)))
