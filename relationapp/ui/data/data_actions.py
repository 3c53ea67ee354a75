"""File menu actions for data in and out: export, backup, restore (registered in ui/pages.py).

Each is ``action(ctx, window)``. Slow work runs through ``ctx.tasks``; a
refusal (ServiceError) is shown as it is, nothing half-done.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from relationapp.errors import ServiceError
from relationapp.services.common.changes import Changes
from relationapp.ui.common import messages
from relationapp.ui.common.i18n import tr


def _failed(window, title: str):
    def show(exc: Exception) -> None:
        text = str(exc) if isinstance(exc, ServiceError) else f"{type(exc).__name__}: {exc}"
        messages.warn(window, title, text)
    return show


def _backup_dir(ctx) -> Path | None:
    return ctx.db.path.parent / "backups" if ctx.db.path is not None else None


def export_everything(ctx, window) -> None:
    folder = QFileDialog.getExistingDirectory(window, tr("Export everything into an empty folder"), str(Path.home()))
    if not folder:
        return
    from relationapp.exchange.export import export_all

    target = Path(folder)
    if target.exists() and any(target.iterdir()):
        target = target / "relationapp-export"
    ctx.say(tr("Exporting…"))
    ctx.tasks.run(lambda: export_all(ctx.db, out=target, bom=True),
                  on_done=lambda r: ctx.say(tr("Exported {rows} rows in {files} files to {path}.").format(
                      rows=r.rows, files=len(r.files), path=r.path)),
                  on_error=_failed(window, tr("Not exported")))


def export_people_vcards(ctx, window) -> None:
    name, _ = QFileDialog.getSaveFileName(window, tr("Export everyone as vCards"), str(Path.home() / "people.vcf"),
                                          "vCard (*.vcf)")
    if not name:
        return
    from relationapp.exchange.vcard import export_vcards

    ctx.tasks.run(lambda: export_vcards(ctx.db, out=name),
                  on_done=lambda r: ctx.say(tr("{count} people written to {path}.").format(count=r.cards, path=r.path)),
                  on_error=_failed(window, tr("Not exported")))


def export_selected_vcards(ctx, window, person_ids: list[int]) -> None:
    """The people chosen in a list, as one .vcf file."""
    if not person_ids:
        messages.inform(window, tr("Export vCards"), tr("Select one or more people in the list first."))
        return
    name, _ = QFileDialog.getSaveFileName(window, tr("Export the selected people as vCards"),
                                          str(Path.home() / "people.vcf"), "vCard (*.vcf)")
    if not name:
        return
    from relationapp.exchange.vcard import export_vcards

    ctx.tasks.run(lambda: export_vcards(ctx.db, out=name, person_ids=list(person_ids)),
                  on_done=lambda r: ctx.say(tr("{count} people written to {path}.").format(count=r.cards, path=r.path)),
                  on_error=_failed(window, tr("Not exported")))


def backup_now(ctx, window) -> None:
    from relationapp.services.data_care.backups import make_backup

    folder = _backup_dir(ctx)
    keep = ctx.settings.backups_keep
    if folder is None:  # on a server: pg_dump, else the app's export, into this computer's backup folder
        from relationapp import config
        from relationapp.exchange.server_backup import backup_server

        ctx.say(tr("Backing up…"))
        ctx.tasks.run(lambda: backup_server(ctx.db, backup_dir=config.backup_dir(), keep=keep),
                      on_done=lambda made: ctx.say(made.message),
                      on_error=_failed(window, tr("No backup made")))
        return
    ctx.tasks.run(lambda: make_backup(ctx.db.path, backup_dir=folder, keep=keep),
                  on_done=lambda path: ctx.say(tr("Backup written to {path}.").format(path=path)),
                  on_error=_failed(window, tr("No backup made")))


def restore_from_backup(ctx, window) -> None:
    from relationapp.services.data_care.backups import backup_problem

    folder = _backup_dir(ctx)
    if folder is None:
        messages.inform(window, tr("Restore"), tr("A server database is not replaced while others may work in it: "
                                                 "restore a backup into a new, empty database with "
                                                 "'relationapp --db URL restore FILE'."))
        return
    name, _ = QFileDialog.getOpenFileName(window, tr("Restore a backup"), str(folder), tr("Databases (*.db);;All files (*)"))
    if not name:
        return
    problem = backup_problem(name)
    if problem:
        messages.warn(window, tr("Not restored"), tr("Not restored: {problem}.").format(problem=problem))
        return
    if messages.ask(
        window, tr("Restore this backup?"),
        tr("Replace everything in the app with the backup {file}?\n\n"
           "What the app holds now is kept as a backup first.").format(file=Path(name).name)):
        restore_given_backup(ctx, window, Path(name))


def restore_given_backup(ctx, window, backup: Path) -> None:
    """Put ``backup`` in place of the database (checked again by the service) and refresh every view."""
    from relationapp.services.data_care.backups import restore_backup
    from relationapp.services.data_care.opening import open_database

    ctx.tasks.stop()  # the start-up check may still be reading the file
    watching = ctx.stop_watching()  # no connection may stay open on the file being replaced
    ctx.db.dispose()
    try:
        result = restore_backup(ctx.db.path, backup=backup, backup_dir=_backup_dir(ctx))
        open_database(str(ctx.db.path)).dispose()  # an older backup is migrated like any database
    except Exception as exc:  # noqa: BLE001 - shown to the user; the service changed nothing on a refusal
        _failed(window, tr("Not restored"))(exc)
        return
    finally:
        if watching:
            ctx.watch_other_sessions()
    ctx.broadcast(Changes.everything())  # another file in place: every page reloads
    if result.kept_current:
        text = tr("Restored from {file}. The previous state is kept in {kept}.")
    else:
        text = tr("Restored from {file}.")
    messages.inform(window, tr("Restored"), text.format(file=backup.name, kept=getattr(result.kept_current, "name", "")))


def find_duplicates(ctx, window) -> None:
    from relationapp.ui.data.duplicates_dialog import DuplicatesDialog

    DuplicatesDialog(ctx, window).exec()


def privacy_of_a_person(ctx, window) -> None:
    from relationapp.ui.data.privacy_dialog import PrivacyDialog

    PrivacyDialog(ctx, parent=window).exec()
