"""Backups: automatic at start (at most one a day), by hand, before a migration; restore.

Backups live in a folder (``config.backup_dir()`` or next to the database),
named ``<db>-<YYYYmmdd-HHMMSS>-<reason>.db``; only the newest
``Settings.backups_keep`` of a database are kept. A restore refuses a file
that is damaged or whose schema this relationapp does not know, keeps the
current database as a backup first, and copies with the backup API.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from dataclasses import dataclass
from pathlib import Path

from relationapp.errors import ValidationError
from relationapp.files import sqlite_copy as backup_io

AUTO_INTERVAL = dt.timedelta(days=1)
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z0-9_-]+?)(?:-\d+)?\.db$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: dt.datetime
    reason: str
    size: int


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    kept_current: Path | None  # the database as it was before the restore


def list_backups(backup_dir: Path, *, stem: str | None = None) -> list[BackupInfo]:
    """Backups in the folder (of the database named ``stem``), newest first."""
    out = []
    if not backup_dir.is_dir():
        return out
    for path in backup_dir.glob("*.db"):
        m = _NAME.match(path.name)
        if not m or (stem is not None and m.group("stem") != stem):
            continue
        made = dt.datetime.strptime(m.group("stamp"), "%Y%m%d-%H%M%S")
        st = path.stat()
        out.append(BackupInfo(path, made, m.group("reason"), st.st_size))
    # same second: the file written last is the newer one
    out.sort(key=lambda b: (b.made_at, b.path.stat().st_mtime_ns), reverse=True)
    return out


def prune_backups(backup_dir: Path, *, stem: str, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` backups of this database; returns what was deleted."""
    keep = max(1, int(keep))
    removed = []
    for info in list_backups(backup_dir, stem=stem)[keep:]:
        info.path.unlink(missing_ok=True)
        removed.append(info.path)
    return removed


def auto_backup(db_path: str | Path, backup_dir: str | Path, *, keep: int, now: dt.datetime | None = None,
                checked: bool = False, stop: threading.Event | None = None) -> Path | None:
    """At start-up: a backup if the newest is older than a day (or there is none).

    Returns the new backup, or None when none was needed (or the database is
    new or not healthy: a damaged file is never copied over good backups).
    ``checked``: the caller has just run the health check itself.
    """
    db_path, backup_dir = Path(db_path), Path(backup_dir)
    if not backup_due(db_path, backup_dir, now=now) or (not checked and backup_io.file_problem(db_path)):
        return None
    made = backup_io.backup_file(db_path, backup_dir, reason="auto", stop=stop)
    prune_backups(backup_dir, stem=db_path.stem, keep=keep)
    return made


@dataclass(frozen=True)
class StartupCheck:
    problem: str | None  # why the file must not be written (then no backup was made)
    backup: Path | None  # the daily backup, when one was due


def startup_check(db_path: str | Path, backup_dir: str | Path, *, keep: int,
                  now: dt.datetime | None = None, stop: threading.Event | None = None) -> StartupCheck:
    """What the window runs after it shows: the file's health, then the daily backup of a healthy file.

    Safe while this process has the database open: every read goes through
    SQLite. ``stop`` (the window closing) ends it early with ``Stopped``.
    """
    problem = database_problem(db_path, stop=stop)
    if problem:
        return StartupCheck(problem, None)
    return StartupCheck(None, auto_backup(db_path, backup_dir, keep=keep, now=now, checked=True, stop=stop))


def backup_due(db_path: str | Path, backup_dir: str | Path, *, now: dt.datetime | None = None) -> bool:
    """Whether the daily backup (and with it the file's health check) is due; cheap."""
    db_path = Path(db_path)
    if not db_path.exists() or db_path.stat().st_size == 0:
        return False
    newest = next(iter(list_backups(Path(backup_dir), stem=db_path.stem)), None)
    return newest is None or (now or dt.datetime.now()) - newest.made_at >= AUTO_INTERVAL


def make_backup(db_path: str | Path, *, dest: str | Path | None = None, backup_dir: str | Path | None = None,
                keep: int | None = None) -> Path:
    """Backup now: to ``dest`` if given, else into the backup folder (pruned to ``keep``)."""
    db_path = Path(db_path)
    if not db_path.exists():
        raise ValidationError(f"There is no database at {db_path} to back up.")
    if dest is not None:
        dest = Path(dest)
        if dest.resolve() == db_path.resolve():
            raise ValidationError("A backup cannot replace the database itself.")
        return backup_io.backup_to(db_path, dest)
    if backup_dir is None:
        raise ValidationError("No backup folder given.")
    made = backup_io.backup_file(db_path, Path(backup_dir), reason="manual")
    if keep is not None:
        prune_backups(Path(backup_dir), stem=db_path.stem, keep=keep)
    return made


def backup_problem(path: str | Path) -> str | None:
    """Why this file cannot be restored (None if it can): damaged, not ours, or a schema we do not know."""
    from relationapp.data.migrate import known_revisions

    path = Path(path)
    if not path.is_file():
        return f"{path} does not exist"
    problem = backup_io.file_problem(path)
    if problem:
        return f"{path.name} {problem}"
    revision = backup_io.schema_revision(path)
    if revision is None:
        return f"{path.name} is not a relationapp database (it has no schema version)"
    if revision not in known_revisions():
        return f"{path.name} was made by a newer relationapp (schema {revision})"
    return None


def restore_backup(db_path: str | Path, *, backup: str | Path, backup_dir: str | Path) -> RestoreResult:
    """Replace the database with a backup after checking it; the current one is kept as a backup.

    Every connection to ``db_path`` must be closed first (dispose the Database).
    The database is then opened as usual, which migrates an older backup.
    """
    db_path, backup = Path(db_path), Path(backup)
    problem = backup_problem(backup)
    if problem:
        raise ValidationError(f"Not restored: {problem}.")
    if db_path.exists() and backup.resolve() == db_path.resolve():
        raise ValidationError("Not restored: that is the database itself.")
    kept = None
    if db_path.exists() and db_path.stat().st_size > 0:
        if backup_io.file_problem(db_path) is None:
            kept = backup_io.backup_file(db_path, Path(backup_dir), reason="before-restore")
        else:  # a damaged database cannot be read by the backup API: keep its bytes aside
            kept = Path(backup_dir) / f"{db_path.stem}-{dt.datetime.now():%Y%m%d-%H%M%S}-damaged.db.bad"
            Path(backup_dir).mkdir(parents=True, exist_ok=True)
            db_path.replace(kept)
            for suffix in ("-wal", "-shm"):
                Path(str(db_path) + suffix).unlink(missing_ok=True)
    backup_io.copy_database(backup, db_path)
    db_path.chmod(0o600)
    return RestoreResult(backup, kept)


def latest_good_backup(backup_dir: str | Path, *, stem: str | None = None) -> Path | None:
    """The newest backup that passes quick_check and has a schema we know (for a damaged database)."""
    for info in list_backups(Path(backup_dir), stem=stem):
        if backup_problem(info.path) is None:
            return info.path
    return None


def database_problem(db_path: str | Path, *, stop: threading.Event | None = None) -> str | None:
    """Why the database file must not be opened for writing (None when it is fine or absent)."""
    path = Path(db_path)
    if not path.exists() or path.stat().st_size == 0:
        return None
    problem = backup_io.file_problem(path, stop=stop)
    return f"{path} {problem}" if problem else None
