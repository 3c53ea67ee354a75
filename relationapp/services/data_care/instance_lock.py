"""One app per database file: a holder file next to it says who has it open.

SQLite itself copes with two writers, but two windows on one file confuse
people (each shows stale data, each makes backups). The second app is told
who holds the file (host, process) and may open it read-only. A holder file
left by a process that died on this host is taken over.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Holder:
    host: str
    pid: int
    since: str

    def describe(self) -> str:
        return f"process {self.pid} on {self.host} (since {self.since})"


def lock_path(db_path: str | Path) -> Path:
    path = Path(db_path)
    return path.with_name(path.name + ".holder")


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, belongs to someone else
    return True


def _read(path: Path) -> Holder | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Holder(str(data["host"]), int(data["pid"]), str(data.get("since", "")))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _me() -> dict:
    return {"host": socket.gethostname(), "pid": os.getpid(),
            "since": dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")}


def acquire_instance_lock(db_path: str | Path) -> Holder | None:
    """Take the database for this process. Returns None when we hold it, else who does."""
    path = lock_path(db_path)
    for _ in range(3):
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            holder = _read(path)
            if holder is None or (holder.host == socket.gethostname() and not _alive(holder.pid)):
                path.unlink(missing_ok=True)  # stale or unreadable: take it over
                continue
            if holder.host == socket.gethostname() and holder.pid == os.getpid():
                return None
            return holder
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(_me(), fh)
        return None
    return _read(path)


def release_instance_lock(db_path: str | Path) -> None:
    """Give the database back (only if we hold it)."""
    path = lock_path(db_path)
    holder = _read(path)
    if holder and holder.host == socket.gethostname() and holder.pid == os.getpid():
        path.unlink(missing_ok=True)


def current_holder(db_path: str | Path) -> Holder | None:
    holder = _read(lock_path(db_path))
    if holder and holder.host == socket.gethostname() and not _alive(holder.pid):
        return None
    return holder


def open_read_only(db_path: str | Path):
    """The database for looking only (the second app): every write fails in SQLite itself."""
    from relationapp.data.db import Database

    return Database(f"sqlite:///file:{Path(db_path).resolve()}?mode=ro&uri=true")
