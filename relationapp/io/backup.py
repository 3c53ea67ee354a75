"""Backups with SQLite's online backup API (never a file copy of a live database).

The backup API copies a consistent snapshot page by page even while another
connection writes (it restarts on a change), and it reads through the WAL,
so a copy never misses committed rows. Every copy is 0600.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"


def _new_private_file(path: Path) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)


def copy_database(source: Path, dest: Path) -> None:
    """Snapshot ``source`` into ``dest`` (which may be a live database: the API writes through its pager)."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=30)
    dst = sqlite3.connect(dest, timeout=30)
    try:
        src.backup(dst, pages=1024)
    finally:
        dst.close()
        src.close()


def backup_file(source: Path, backup_dir: Path, *, reason: str = "manual") -> Path:
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
        copy_database(source, dest)
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


def file_problem(path: Path) -> str | None:
    """Why ``path`` is not a healthy SQLite database (None if it is); reads only."""
    try:
        with open(path, "rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    if header != SQLITE_HEADER:
        return "is not a SQLite database"
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        con.text_factory = bytes  # the messages quote damaged pages: any bytes at all
        try:
            rows = [r[0].decode("utf-8", "replace") if isinstance(r[0], bytes) else str(r[0])
                    for r in con.execute("PRAGMA quick_check").fetchall()]
        finally:
            con.close()
    except (sqlite3.Error, UnicodeDecodeError) as exc:
        return f"is damaged ({exc})"
    if rows != ["ok"]:
        return f"is damaged ({'; '.join(rows[:3])})"
    return None


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
