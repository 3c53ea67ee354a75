"""Open the database the user asked for, checked and migrated (no Qt)."""

from __future__ import annotations

from relationapp import config
from relationapp.data.db import Database, DatabaseError


def open_database(db_arg: str | None = None, *, migrate: bool = True) -> Database:
    """--db / RELATIONAPP_DB_URL / default file; refuses unusable files untouched.

    Raises DatabaseError with a message for the user.
    """
    from relationapp.data import migrate as migrations
    from relationapp.data.db import sqlite_path, url_for

    target = config.resolve_db(db_arg)
    path = sqlite_path(url_for(target))
    if path is not None:
        migrations.check_file_revision(path)
    db = Database.open(target)
    try:
        if migrate:
            backups = (db.path.parent / "backups") if db.path is not None else None
            from relationapp.files.sqlite_copy import backup_file

            migrations.upgrade(db, backup_dir=backups, backup=backup_file)
        elif migrations.needs_upgrade(db):
            raise DatabaseError("The database schema is not current; open it once with the app to migrate.")
    except DatabaseError:
        db.dispose()
        raise
    except Exception as exc:  # a driver error on a damaged or foreign file
        db.dispose()
        raise DatabaseError(f"Cannot open {target}: {exc}") from exc
    return db
