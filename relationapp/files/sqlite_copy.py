"""Backups with SQLite's online backup API (never a file copy of a live database).

The backup API copies a consistent snapshot page by page even while another
connection writes (it restarts on a change), and it reads through the WAL,
so a copy never misses committed rows. Every copy is 0600.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import threading
from pathlib import Path

from relationapp.data.db import Stopped, sqlite_problem


def _new_private_file(path: Path) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)


def copy_database(source: Path, dest: Path, *, stop: threading.Event | None = None) -> None:
    """Snapshot ``source`` into ``dest`` (which may be a live database: the API writes through its pager).

    Setting ``stop`` abandons the copy with ``Stopped`` (the caller removes the partial file).
    """
    def progress(_status, _remaining, _total):
        if stop is not None and stop.is_set():
            raise Stopped()

    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=30)
    dst = sqlite3.connect(dest, timeout=30)
    try:
        src.backup(dst, pages=1024, progress=progress)
    finally:
        dst.close()
        src.close()


def backup_file(source: Path, backup_dir: Path, *, reason: str = "manual",
                stop: threading.Event | None = None) -> Path:
    """Copy the database at ``source`` into ``backup_dir``; the copy is 0600."""
    backup_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    dest = backup_dir / f"{source.stem}-{stamp}-{reason}.db"
    n = 1
    while dest.exists():
        n += 1
        dest = backup_dir / f"{source.stem}-{stamp}-{reason}-{n}.db"
    _new_private_file(dest)
    try:
        copy_database(source, dest, stop=stop)
    except BaseException:
        dest.unlink(missing_ok=True)
        raise
    return dest


def backup_to(source: Path, dest: Path) -> Path:
    """A backup at a place the user chose (replaced if it exists); 0600."""
    partial = dest.with_name(dest.name + ".part")
    partial.unlink(missing_ok=True)
    _new_private_file(partial)
    try:
        copy_database(source, partial)
        partial.replace(dest)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return dest


def file_problem(path: Path, *, stop: threading.Event | None = None) -> str | None:
    """Why ``path`` is not a healthy SQLite database (None if it is); reads only, through SQLite only.

    The file may be live in this process (the window checks its own database
    after start): a plain open() and close() of it would drop this process's
    SQLite locks, see ``data.db.sqlite_problem``.
    """
    path = Path(path)
    if path.exists() and path.stat().st_size == 0:
        return "is not a SQLite database"
    return sqlite_problem(path, quick_check=True, stop=stop)


def schema_revision(path: Path) -> str | None:
    """The Alembic revision stored in the file (None if it has none)."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    finally:
        con.close()
    return row[0] if row else None
