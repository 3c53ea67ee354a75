"""Backups with SQLite's online backup API (never a file copy of a live database).

The backup API copies a consistent snapshot page by page even while another
connection writes (it restarts on a change), and it reads through the WAL,
so a copy never misses committed rows. Every copy is 0600.

A copy is written under a hidden temporary name (``.<name>.<pid>.partial``,
which no backup listing matches), checked with ``PRAGMA quick_check``, synced,
and only then renamed to its real name: a copy that was interrupted (a crash,
a kill, a full disk) or came out damaged never looks like a backup.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
import threading
from pathlib import Path

from relationapp.data.db import SIDE_FILES, DatabaseError, FileProblem, Stopped, sqlite_problem
from relationapp.text.catalogue import _

PARTIAL_SUFFIX = ".partial"
# .<final name>.<pid>.partial, and the journal SQLite may leave beside it
_PARTIAL = re.compile(r"^\.(?P<final>.+)\.(?P<pid>\d+)\.partial(?:-journal|-wal|-shm)?$")


def _new_private_file(path: Path) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def partial_path(final: Path) -> Path:
    """Where the copy for ``final`` is written first (hidden; never matches a backup name)."""
    return final.with_name(f".{final.name}.{os.getpid()}{PARTIAL_SUFFIX}")


def remove_with_side_files(path: Path) -> None:
    """Delete a database copy and whatever SQLite left beside it."""
    for name in (str(path), *(f"{path}{s}" for s in SIDE_FILES)):
        try:
            os.unlink(name)
        except FileNotFoundError:
            pass


def remove_stale_partials(folder: Path) -> list[Path]:
    """Delete temporary copies left by a process that died while writing them (a kill, a crash)."""
    removed = []
    if not folder.is_dir():
        return removed
    for path in folder.iterdir():
        m = _PARTIAL.match(path.name)
        if m and int(m.group("pid")) != os.getpid() and not _pid_alive(int(m.group("pid"))):
            try:
                path.unlink()
                removed.append(path)
            except FileNotFoundError:
                pass
    return removed


def _fsync_file(path: Path) -> None:
    # the copy is not a live database of this process (it is a new inode we made)
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def copy_database(source: Path, dest: Path, *, stop: threading.Event | None = None,
                  standalone: bool = False) -> None:
    """Snapshot ``source`` into ``dest`` (which may be a live database: the API writes through its pager).

    Setting ``stop`` abandons the copy with ``Stopped`` (the caller removes the partial file).
    ``standalone``: the copy is switched to a rollback journal, so that it is one
    file (a WAL-mode copy would make -wal and -shm files beside it when read).
    """
    def progress(_status, _remaining, _total):
        if stop is not None and stop.is_set():
            raise Stopped()

    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=30)
    try:
        dst = sqlite3.connect(dest, timeout=30)
        try:
            src.backup(dst, pages=1024, progress=progress)
            if standalone:
                dst.execute("PRAGMA journal_mode=DELETE").fetchone()
        finally:
            dst.close()
    finally:
        src.close()


def _write_checked(source: Path, final: Path, *, stop: threading.Event | None, replace: bool) -> Path:
    """Copy into a temporary file, check it, then give it its name (atomically); returns the name.

    ``replace``: an existing ``final`` is replaced; else a name already taken
    raises FileExistsError (the caller picks another).
    """
    partial = partial_path(final)
    remove_with_side_files(partial)
    _new_private_file(partial)
    try:
        try:
            copy_database(source, partial, stop=stop, standalone=True)
        except sqlite3.OperationalError as exc:
            text = str(exc).lower()
            if "disk i/o error" in text or "disk is full" in text:
                raise DatabaseError(_("No backup was made: writing it into {folder} failed ({problem}: is the disk "
                                      "full?); no earlier backup was touched.").format(folder=final.parent, problem=exc)) from exc
            raise
        problem = sqlite_problem(partial, quick_check=True, stop=stop)
        if problem:
            raise DatabaseError(_("No backup was made: the copy of {file} {problem} "
                                  "(the database itself may be damaged; no earlier backup was touched).").format(
                file=source.name, problem=problem))
        _fsync_file(partial)
        if replace:
            os.replace(partial, final)
        else:
            _link_into_place(partial, final)
        _fsync_dir(final.parent)
    except BaseException:
        remove_with_side_files(partial)
        raise
    return final


def _link_into_place(partial: Path, final: Path) -> None:
    """Rename without replacing: a backup another process made in the same second stays."""
    try:
        os.link(partial, final)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links
        if final.exists():
            raise FileExistsError(final) from None
        os.replace(partial, final)
        return
    os.unlink(partial)


def backup_file(source: Path, backup_dir: Path, *, reason: str = "manual",
                stop: threading.Event | None = None) -> Path:
    """Copy the database at ``source`` into ``backup_dir``; the copy is 0600 and passed quick_check.

    Named ``<stem>-<YYYYmmdd-HHMMSS>-<reason>[-n].db`` only once it is complete and checked.
    """
    backup_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    remove_stale_partials(backup_dir)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    n = 1
    while True:
        suffix = "" if n == 1 else f"-{n}"
        dest = backup_dir / f"{source.stem}-{stamp}-{reason}{suffix}.db"
        if not dest.exists():
            try:
                return _write_checked(source, dest, stop=stop, replace=False)
            except FileExistsError:
                pass
        n += 1


def backup_to(source: Path, dest: Path, *, stop: threading.Event | None = None) -> Path:
    """A backup at a place the user chose (replaced if it exists, only by a complete, checked copy); 0600."""
    return _write_checked(source, dest, stop=stop, replace=True)


def file_problem(path: Path, *, stop: threading.Event | None = None) -> FileProblem | None:
    """Why ``path`` is not a healthy SQLite database (None if it is); reads only, through SQLite only.

    The file may be live in this process (the window checks its own database
    after start): a plain open() and close() of it would drop this process's
    SQLite locks, see ``data.db.sqlite_problem``.
    """
    path = Path(path)
    if path.exists() and path.stat().st_size == 0:
        return FileProblem("not_sqlite")
    return sqlite_problem(path, quick_check=True, stop=stop)


def unfinished(path: Path) -> bool:
    """A copy that was being written when its writer died: a journal of it is left beside it."""
    for suffix in ("-journal", "-wal"):
        try:
            if os.stat(f"{path}{suffix}").st_size > 0:
                return True
        except FileNotFoundError:
            continue
    return False


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
