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

from relationapp.data.db import FileProblem
from relationapp.text import formatting
from relationapp.text.catalogue import _

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
    return str(db_path) if db_path is not None else _("the database")


def _holder_note(db_path: Path | None) -> str:
    if db_path is None:
        return ""
    try:
        from relationapp.services.data_care.instance_lock import (
            current_holder,
            held_here,
        )

        if held_here(db_path):
            return ""
        holder = current_holder(db_path)
    except Exception:  # noqa: BLE001 - the message is what matters
        return ""
    return " " + _("It is open in relationapp, {holder}.").format(holder=holder.describe()) if holder else ""


def damage_message(path: Path, problem: FileProblem) -> str:
    """One line: the file is damaged, nothing was written, and where the latest good backup is."""
    from relationapp.services.data_care.backups import latest_good_backup

    if problem.kind == "damaged":
        inner = " ".join(problem.detail.split()).replace("*** in database main *** ", "")  # quick_check spans lines
        detail = _("is damaged ({problem})").format(problem=inner if len(inner) <= 120 else inner[:117] + "...")
    else:
        detail = " ".join(str(problem).split())
        detail = detail if len(detail) <= 160 else detail[:157] + "..."
    try:
        good = latest_good_backup(path.parent / "backups", stem=path.stem)
    except Exception:  # noqa: BLE001 - the message matters more than the search
        good = None
    if good is not None:
        offer = " " + _("The latest good backup is {backup}: relationapp --db {path} restore {backup}").format(
            backup=good, path=path)
    else:
        offer = " " + _("There is no good backup in {folder}; keep the file, a specialist may rescue it.").format(
            folder=path.parent / "backups")
    return _("{path} {problem}; nothing was written.").format(path=path, problem=detail) + offer


def _describe_sqlite(err: sqlite3.Error, db_path: Path | None) -> str | None:
    text = str(err)
    low = text.lower()
    code = getattr(err, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    db = _which(db_path)
    if primary in (_BUSY, _LOCKED) or "database is locked" in low or "database table is locked" in low:
        from relationapp.data.db import BUSY_TIMEOUT_MS

        return (_("Another program is writing to {db} and held it longer than {seconds} s; nothing was written.").format(
                    db=db, seconds=formatting.current().number(BUSY_TIMEOUT_MS / 1000, digits=0))
                + _holder_note(db_path) + " " + _("Try again when it is done."))
    if primary == _FULL or "database or disk is full" in low:
        return _("The disk is full: {db} could not be written; nothing was saved. Free some space and run it again.").format(
            db=db)
    if primary == _IOERR or "disk i/o error" in low:
        return _("The disk could not write or read {db} (disk I/O error: is it full, unplugged or failing?); "
                 "nothing was saved.").format(db=db)
    if primary == _READONLY or "readonly database" in low or "read-only" in low:
        return _("{db} cannot be written here (no permission, a read-only disk, or it was opened read-only); "
                 "nothing was saved.").format(db=db)
    if primary == _PERM or "access permission denied" in low:
        return _("No permission to use {db}; nothing was saved.").format(db=db)
    if primary == _CANTOPEN or "unable to open database file" in low:
        return _("Cannot open {db} (unable to open the file: does the folder exist, "
                 "and may it be written?); nothing was saved.").format(db=db)
    if primary == _CORRUPT or "malformed" in low:
        if db_path is not None:
            return damage_message(db_path, FileProblem("damaged", text))
        return _("The database is damaged ({problem}); nothing was written.").format(problem=_one_line(text))
    if primary == _NOTADB or "file is not a database" in low:
        return _("{db} is not a relationapp database (not a SQLite file); nothing was written.").format(db=db)
    return None


def _target(err: OSError) -> str:
    """The file named in the error; a temporary one (``.x.partial``, ``x.part``) by the folder it was made in."""
    if err.filename is None:
        return _("a file")
    path = Path(err.filename)
    if (path.name.startswith(".") and path.name.endswith(".partial")) or path.name.endswith(".part"):
        return _("a file in {folder}").format(folder=path.parent)
    return str(path)


def _describe_os(err: OSError) -> str:
    target = _target(err)
    if err.errno in _DISK_FULL:
        if err.errno == errno.EFBIG:
            return _("The disk is full (or the file size limit was reached): {target} could not be written. "
                     "Free some space and run it again.").format(target=target)
        return _("The disk is full: {target} could not be written. Free some space and run it again.").format(
            target=target)
    if err.errno in _NO_PERMISSION:
        if err.filename is not None and not Path(err.filename).exists() and Path(err.filename).parent.is_dir():
            return _("Permission denied: this user may not write in {folder}; nothing was written there.").format(
                folder=Path(err.filename).parent)
        return _("Permission denied: {target} cannot be used by this user; nothing was changed there.").format(
            target=target)
    if err.errno == errno.EROFS:
        return _("{target} is on a read-only disk; choose a place that can be written.").format(target=target)
    if err.errno == errno.EIO:
        return _("The disk reported an error (I/O error) with {target}: is it unplugged or failing?").format(
            target=target)
    return _("Cannot use {target}: {problem}.").format(target=target, problem=err.strerror or err)


def describe_fault(exc: BaseException, *, db_path: str | Path | None = None) -> str | None:
    """One line for a fault of the machine (disk full, lock timeout, permission, damage), else None.

    ``db_path``: the database in use, named in the line (and its latest good
    backup offered when SQLite reports damage).
    """
    path = Path(db_path) if db_path is not None else None
    err = _sqlite_error(exc)
    message = None
    if err is not None:
        message = _describe_sqlite(err, path)
    elif _os_error(exc) is not None:
        message = _describe_os(_os_error(exc))
    if not message:
        return None
    message = _one_line(message, limit=600)
    return message[:1].upper() + message[1:]  # "the database cannot ..." opens a sentence
