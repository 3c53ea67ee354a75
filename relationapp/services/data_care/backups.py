"""Backups: automatic at start (at most one a day), by hand, before a migration; restore.

Backups live in a folder (``config.backup_dir()`` or next to the database),
named ``<db>-<YYYYmmdd-HHMMSS>-<reason>.db``; only the newest
``Settings.backups_keep`` good ones of a database are kept. A restore refuses a
file that is damaged or whose schema this relationapp does not know, keeps the
current database as a backup first, and copies with the backup API.

A file under a backup name can still be bad: left by an older relationapp that
was killed while copying (a ``-journal`` beside it), copied in by hand,
damaged on disk. Such a file never counts: not for ``backup_due``, not as one
of the ``keep`` that pruning spares, never as ``latest_good_backup``; and
pruning never deletes the newest good backup. Whether a file is good is asked
of SQLite (``quick_check``); the answer is remembered in ``.checked.json`` in
the folder by name, size and modification time, so a large backup is read
once, not at every start (a backup made here is checked before it gets its
name, and remembered at once).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path

from relationapp.errors import ValidationError
from relationapp.files import sqlite_copy as backup_io
from relationapp.text.catalogue import _

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


_CHECKED = ".checked.json"  # name -> [size, mtime_ns] of backups that passed quick_check


class _Checked:
    """The folder's memory of which backups passed quick_check (a cache: losing it costs only time)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.entries: dict[str, list[int]] = {}
        self.dirty = False
        try:
            data = json.loads((folder / _CHECKED).read_text(encoding="utf-8"))
            if isinstance(data, dict):
                self.entries = {str(k): list(v) for k, v in data.items() if isinstance(v, list) and len(v) == 2}
        except (OSError, ValueError, TypeError):
            pass

    @staticmethod
    def _key(path: Path) -> list[int] | None:
        try:
            st = path.stat()
        except OSError:
            return None
        return [st.st_size, st.st_mtime_ns]

    def problem(self, path: Path, *, stop: threading.Event | None = None) -> str | None:
        """Why this backup is not a good copy (None if it is): unfinished, damaged, not SQLite."""
        if backup_io.unfinished(path):
            self.forget(path)
            return "was not finished (its writer stopped half-way)"
        key = self._key(path)
        if key is None:
            return "is gone"
        if self.entries.get(path.name) == key:
            return None
        problem = backup_io.file_problem(path, stop=stop)
        if problem is None:
            self.remember(path)
        else:
            self.forget(path)
        return problem

    def remember(self, path: Path) -> None:
        key = self._key(path)
        if key is not None and self.entries.get(path.name) != key:
            self.entries[path.name] = key
            self.dirty = True

    def forget(self, path: Path) -> None:
        if self.entries.pop(path.name, None) is not None:
            self.dirty = True

    def save(self) -> None:
        if not self.dirty:
            return
        present = {p.name for p in self.folder.glob("*.db")}
        data = {k: v for k, v in self.entries.items() if k in present}
        tmp = self.folder / f"{_CHECKED}.{os.getpid()}.tmp"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh)
            os.replace(tmp, self.folder / _CHECKED)
        except OSError:  # a read-only or full folder: the checks are just run again next time
            tmp.unlink(missing_ok=True)
        self.dirty = False


def _new_backup(db_path: Path, backup_dir: Path, *, reason: str, stop: threading.Event | None = None) -> Path:
    """A backup into the folder, remembered as good (``files.sqlite_copy`` checks it before the rename)."""
    made = backup_io.backup_file(db_path, backup_dir, reason=reason, stop=stop)
    checked = _Checked(made.parent)
    checked.remember(made)
    checked.save()
    return made


def prune_backups(backup_dir: Path, *, stem: str, keep: int) -> list[Path]:
    """Keep the newest ``keep`` good backups of this database; returns what was deleted.

    A bad file (unfinished, damaged) never takes the place of a good one. It is
    deleted once a newer good backup exists; one newer than every good backup
    is left (no better copy exists; it may still help a rescue). The newest
    good backup always stays.
    """
    keep = max(1, int(keep))
    backup_dir = Path(backup_dir)
    checked = _Checked(backup_dir)
    removed = []
    good = 0
    try:
        for info in list_backups(backup_dir, stem=stem):
            if good >= keep:  # older than the ones kept: goes, good or bad (no need to read it)
                bad = True
            else:
                bad = checked.problem(info.path) is not None
                if not bad:
                    good += 1
                    continue
                if good == 0:
                    continue  # no newer good copy: leave it
            backup_io.remove_with_side_files(info.path)
            checked.forget(info.path)
            removed.append(info.path)
    finally:
        checked.save()
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
    made = _new_backup(db_path, backup_dir, reason="auto", stop=stop)
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
    """Whether the daily backup (and with it the file's health check) is due.

    Only a good backup of the last day counts: an unfinished or damaged file
    under a backup name does not. Cheap when the newest one was made (and so
    checked) here; a file this folder has not seen checked is read once.
    """
    db_path = Path(db_path)
    if not db_path.exists() or db_path.stat().st_size == 0:
        return False
    now = now or dt.datetime.now()
    checked = _Checked(Path(backup_dir))
    try:
        for info in list_backups(Path(backup_dir), stem=db_path.stem):
            if now - info.made_at >= AUTO_INTERVAL:
                return True  # newest first: the rest are older still
            if checked.problem(info.path) is None:
                return False
    finally:
        checked.save()
    return True


def make_backup(db_path: str | Path, *, dest: str | Path | None = None, backup_dir: str | Path | None = None,
                keep: int | None = None) -> Path:
    """Backup now: to ``dest`` if given, else into the backup folder (pruned to ``keep``)."""
    db_path = Path(db_path)
    if not db_path.exists():
        raise ValidationError(_("There is no database at {path} to back up.").format(path=db_path))
    if dest is not None:
        dest = Path(dest)
        if dest.resolve() == db_path.resolve():
            raise ValidationError(_("A backup cannot replace the database itself."))
        return backup_io.backup_to(db_path, dest)
    if backup_dir is None:
        raise ValidationError(_("No backup folder given."))
    made = _new_backup(db_path, Path(backup_dir), reason="manual")
    if keep is not None:
        prune_backups(Path(backup_dir), stem=db_path.stem, keep=keep)
    return made


def backup_problem(path: str | Path) -> str | None:
    """Why this file cannot be restored (None if it can): damaged, not ours, or a schema we do not know."""
    path = Path(path)
    if not path.is_file():
        return _("{path} does not exist").format(path=path)
    if backup_io.unfinished(path):
        return _("{name} was not finished (a journal of it is beside it)").format(name=path.name)
    problem = backup_io.file_problem(path)
    if problem:
        return _("{name} {problem}").format(name=path.name, problem=problem)
    return _schema_problem(path)


def _schema_problem(path: Path) -> str | None:
    from relationapp.data.migrate import known_revisions

    revision = backup_io.schema_revision(path)
    if revision is None:
        return _("{name} is not a relationapp database (it has no schema version)").format(name=path.name)
    if revision not in known_revisions():
        return _("{name} was made by a newer relationapp (schema {revision})").format(name=path.name, revision=revision)
    return None


def restore_backup(db_path: str | Path, *, backup: str | Path, backup_dir: str | Path) -> RestoreResult:
    """Replace the database with a backup after checking it; the current one is kept as a backup.

    Every connection to ``db_path`` must be closed first (dispose the Database).
    The database is then opened as usual, which migrates an older backup.
    """
    db_path, backup = Path(db_path), Path(backup)
    problem = backup_problem(backup)
    if problem:
        raise ValidationError(_("Not restored: {problem}.").format(problem=problem))
    if db_path.exists() and backup.resolve() == db_path.resolve():
        raise ValidationError(_("Not restored: that is the database itself."))
    kept = None
    if db_path.exists() and db_path.stat().st_size > 0:
        if backup_io.file_problem(db_path) is None:
            kept = _new_backup(db_path, Path(backup_dir), reason="before-restore")
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
    """The newest backup that is finished, passes quick_check and has a schema we know (for a damaged database)."""
    checked = _Checked(Path(backup_dir))
    try:
        for info in list_backups(Path(backup_dir), stem=stem):
            if checked.problem(info.path) is None and _schema_problem(info.path) is None:
                return info.path
    finally:
        checked.save()
    return None


def database_problem(db_path: str | Path, *, stop: threading.Event | None = None) -> str | None:
    """Why the database file must not be opened for writing (None when it is fine or absent)."""
    path = Path(db_path)
    if not path.exists() or path.stat().st_size == 0:
        return None
    problem = backup_io.file_problem(path, stop=stop)
    return _("{name} {problem}").format(name=path, problem=problem) if problem else None
