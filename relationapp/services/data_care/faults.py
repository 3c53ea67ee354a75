"""Faults of the machine, not of the input, as one line for the user (no Qt).

A full disk, a file size limit, a permission, a read-only disk, another
program holding the write lock, a damaged file: the command line prints the
line and exits 2 (``commands.cli.run_command``); the window can show it in its
error dialog. ``describe_fault`` returns None for anything else (a bug keeps
its traceback).
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

# SQLite's primary result codes (the low byte of an extended code)
_PERM, _BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 3, 5, 6, 8, 10, 11, 13, 14, 26

_DISK_FULL = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
_NO_PERMISSION = {errno.EACCES, errno.EPERM}


def _sqlite_error(exc: BaseException) -> sqlite3.Error | None:
    """The sqlite3 error behind ``exc`` (SQLAlchemy keeps it as ``.orig``; a cause chain is followed)."""
    seen = 0
    while exc is not None and seen < 5:
        if isinstance(exc, sqlite3.Error):
            return exc
        orig = getattr(exc, "orig", None)
        if isinstance(orig, sqlite3.Error):
            return orig
        exc = exc.__cause__
        seen += 1
    return None


def _os_error(exc: BaseException) -> OSError | None:
    seen = 0
    while exc is not None and seen < 5:
        if isinstance(exc, OSError) and not isinstance(exc, BrokenPipeError):
            return exc
        exc = exc.__cause__
        seen += 1
    return None


def _one_line(text: str, limit: int = 200) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit - 3] + "..."


def _which(db_path: Path | None) -> str:
    return str(db_path) if db_path is not None else "the database"


def _holder_note(db_path: Path | None) -> str:
    if db_path is None:
        return ""
    try:
        from relationapp.services.data_care.instance_lock import current_holder, held_here

        if held_here(db_path):
            return ""
        holder = current_holder(db_path)
    except Exception:  # noqa: BLE001 - the message is what matters
        return ""
    return f" It is open in relationapp, {holder.describe()}." if holder else ""


def damage_message(path: Path, problem: str) -> str:
    """One line: the file is damaged, nothing was written, and where the latest good backup is."""
    from relationapp.services.data_care.backups import latest_good_backup

    detail = " ".join(problem.split()).replace("*** in database main *** ", "")  # quick_check spans lines
    inner = detail.removeprefix("is damaged (").removesuffix(")") if detail.startswith("is damaged (") else None
    if inner is not None and len(inner) > 120:
        detail = f"is damaged ({inner[:117]}...)"
    elif len(detail) > 160:
        detail = detail[:157] + "..."
    try:
        good = latest_good_backup(path.parent / "backups", stem=path.stem)
    except Exception:  # noqa: BLE001 - the message matters more than the search
        good = None
    if good is not None:
        offer = f" The latest good backup is {good}: relationapp --db {path} restore {good}"
    else:
        offer = f" There is no good backup in {path.parent / 'backups'}; keep the file, a specialist may rescue it."
    return f"{path} {detail}; nothing was written.{offer}"


def _describe_sqlite(err: sqlite3.Error, db_path: Path | None) -> str | None:
    text = str(err)
    low = text.lower()
    code = getattr(err, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    db = _which(db_path)
    if primary in (_BUSY, _LOCKED) or "database is locked" in low or "database table is locked" in low:
        from relationapp.data.db import BUSY_TIMEOUT_MS

        return (f"Another program is writing to {db} and held it longer than {BUSY_TIMEOUT_MS / 1000:g} s; "
                f"nothing was written.{_holder_note(db_path)} Try again when it is done.")
    if primary == _FULL or "database or disk is full" in low:
        return f"The disk is full: {db} could not be written; nothing was saved. Free some space and run it again."
    if primary == _IOERR or "disk i/o error" in low:
        return (f"The disk could not write or read {db} (disk I/O error: is it full, unplugged or failing?); "
                "nothing was saved.")
    if primary == _READONLY or "readonly database" in low or "read-only" in low:
        return (f"{db} cannot be written here (no permission, a read-only disk, or it was opened read-only); "
                "nothing was saved.")
    if primary == _PERM or "access permission denied" in low:
        return f"No permission to use {db}; nothing was saved."
    if primary == _CANTOPEN or "unable to open database file" in low:
        return (f"Cannot open {db} (unable to open the file: does the folder exist, "
                "and may it be written?); nothing was saved.")
    if primary == _CORRUPT or "malformed" in low:
        if db_path is not None:
            return damage_message(db_path, f"is damaged ({text})")
        return f"The database is damaged ({_one_line(text)}); nothing was written."
    if primary == _NOTADB or "file is not a database" in low:
        return f"{db} is not a relationapp database (not a SQLite file); nothing was written."
    return None


def _target(err: OSError) -> str:
    """The file named in the error; a temporary one (``.x.partial``, ``x.part``) by the folder it was made in."""
    if err.filename is None:
        return "a file"
    path = Path(err.filename)
    if (path.name.startswith(".") and path.name.endswith(".partial")) or path.name.endswith(".part"):
        return f"a file in {path.parent}"
    return str(path)


def _describe_os(err: OSError) -> str:
    target = _target(err)
    if err.errno in _DISK_FULL:
        limit = " (or the file size limit was reached)" if err.errno == errno.EFBIG else ""
        return f"The disk is full{limit}: {target} could not be written. Free some space and run it again."
    if err.errno in _NO_PERMISSION:
        if err.filename is not None and not Path(err.filename).exists() and Path(err.filename).parent.is_dir():
            return f"Permission denied: this user may not write in {Path(err.filename).parent}; nothing was written there."
        return f"Permission denied: {target} cannot be used by this user; nothing was changed there."
    if err.errno == errno.EROFS:
        return f"{target} is on a read-only disk; choose a place that can be written."
    if err.errno == errno.EIO:
        return f"The disk reported an error (I/O error) with {target}: is it unplugged or failing?"
    return f"Cannot use {target}: {err.strerror or err}."


def describe_fault(exc: BaseException, *, db_path: str | Path | None = None) -> str | None:
    """One line for a fault of the machine (disk full, lock timeout, permission, damage), else None.

    ``db_path``: the database in use, named in the line (and its latest good
    backup offered when SQLite reports damage).
    """
    path = Path(db_path) if db_path is not None else None
    err = _sqlite_error(exc)
    if err is not None:
        message = _describe_sqlite(err, path)
        return _one_line(message, limit=600) if message else None
    os_err = _os_error(exc)
    if os_err is not None:
        return _one_line(_describe_os(os_err), limit=600)
    return None
