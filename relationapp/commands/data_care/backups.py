"""relationapp backup [FILE] | restore FILE"""

from __future__ import annotations

from pathlib import Path

from relationapp.text.catalogue import N_, _


def register(sub) -> None:
    backup = sub.add_parser("backup", help=N_("back up the database now (a file: SQLite's backup API; a server: "
                                                 "pg_dump, else the app's export; file mode 0600)"))
    backup.add_argument("file", nargs="?", metavar="FILE", help=N_("where to write it (default: the backup folder)"))
    backup.set_defaults(handler=_backup)

    restore = sub.add_parser("restore", help=N_("replace the database with a backup (checked first; the current one is "
                                                "kept); on a server: a pg_dump or export into an empty database"))
    restore.add_argument("file", metavar="FILE")
    # a damaged database is exactly when a restore is needed: the handler opens nothing first
    restore.set_defaults(handler=_restore, without_database=True)


def _paths(args) -> tuple[Path | None, Path]:
    """The SQLite file (None for a server database) and its backup folder."""
    from relationapp import config
    from relationapp.data.db import sqlite_path, url_for

    path = sqlite_path(url_for(config.resolve_db(args.db)))
    if path is None:  # a server's backups go where this computer keeps the app's files
        return None, config.backup_dir()
    return path, path.parent / "backups"


def _backup(args, db) -> int:
    from relationapp.services.common.settings import get_settings
    from relationapp.services.data_care.backups import make_backup

    path, folder = _paths(args)
    if path is None:
        from relationapp.exchange.server_backup import backup_server

        made = backup_server(db, dest=args.file, backup_dir=folder, keep=get_settings(db).backups_keep)
        print(made.message)
        return 0
    made = make_backup(path, dest=args.file, backup_dir=folder, keep=get_settings(db).backups_keep)
    print(_("Backup written to {path}.").format(path=made))
    return 0


def _restore(args, db) -> int:
    from relationapp.services.data_care.backups import restore_backup
    from relationapp.services.data_care.instance_lock import (
        acquire_instance_lock,
        release_instance_lock,
    )

    path, folder = _paths(args)
    if path is None:
        from relationapp import config
        from relationapp.exchange.server_backup import restore_server

        print(restore_server(config.resolve_db(args.db), source=args.file).message)
        return 0
    # the app's claim (an OS lock, gone with its process): held while restoring, so no window opens meanwhile;
    # a holder file that no live process has locked is stale and taken over
    holder = acquire_instance_lock(path) if path.parent.is_dir() else None
    if holder is not None:
        from relationapp.commands.cli import CliError

        raise CliError(_("The database is open in {holder}; close it there first.").format(holder=holder.describe()))
    try:
        result = restore_backup(path, backup=args.file, backup_dir=folder)
    finally:
        release_instance_lock(path)
    line = _("Restored from {backup}.").format(backup=result.restored_from)
    if result.kept_current:
        line += " " + _("The database as it was is kept in {path}.").format(path=result.kept_current)
    print(line)
    return 0
