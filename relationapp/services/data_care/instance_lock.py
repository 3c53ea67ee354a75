"""One app per database file: an operating-system lock on a holder file next to it.

SQLite itself copes with two writers, but two windows on one file confuse
people (each shows stale data, each makes backups). The second app is told
who holds the file (host, process) and may open it read-only.

The claim is an OS lock (``flock`` on POSIX, ``msvcrt.locking`` on Windows) on
``<db>.holder``, held for as long as the app runs: the operating system drops
it when the process ends, a crash or ``kill -9`` included. The file's JSON
only says who holds it; a file without a lock on it is stale whatever PID it
names (a PID that now belongs to another process blocks nothing).

The lock is on the holder file, never on the database: a plain descriptor of
the database file, once closed, would drop SQLite's own locks (see ``data.db``).
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from relationapp.text.catalogue import _

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    _LOCK_AT = 1 << 30  # lock one byte far past the JSON, so that others can still read who holds it

    def _try_lock(fd: int, *, shared: bool = False) -> bool:
        os.lseek(fd, _LOCK_AT, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, _LOCK_AT, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
else:
    import fcntl

    def _try_lock(fd: int, *, shared: bool = False) -> bool:
        try:
            fcntl.flock(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        except OSError as exc:  # a file system without flock: no claim can be made, none is enforced
            if exc.errno in (errno.ENOLCK, errno.EOPNOTSUPP):
                return True
            raise
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


@dataclass(frozen=True)
class Holder:
    host: str
    pid: int
    since: str

    def describe(self) -> str:
        if self.pid <= 0:
            return _("another process")
        return _("process {pid} on {host} (since {since})").format(pid=self.pid, host=self.host, since=self.since)


# holder files this process has locked: resolved path -> open descriptor (the lock lives as long as it)
_held: dict[Path, int] = {}
_held_lock = threading.Lock()


def lock_path(db_path: str | Path) -> Path:
    path = Path(db_path)
    return path.with_name(path.name + ".holder")


def _key(db_path: str | Path) -> Path:
    return lock_path(db_path).resolve()


def _read(path: Path) -> Holder | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Holder(str(data["host"]), int(data["pid"]), str(data.get("since", "")))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _me() -> dict:
    return {"host": socket.gethostname(), "pid": os.getpid(),
            "since": dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")}


def _same_inode(fd: int, path: Path) -> bool:
    """The descriptor still names the file at ``path`` (a releasing process may have just removed it)."""
    try:
        a, b = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def _open_holder(path: Path) -> int:
    return os.open(path, os.O_RDWR | os.O_CREAT, 0o600)


def held_here(db_path: str | Path) -> bool:
    """Whether this process holds the claim on the database."""
    with _held_lock:
        return _key(db_path) in _held


def acquire_instance_lock(db_path: str | Path) -> Holder | None:
    """Take the database for this process. Returns None when we hold it, else who does."""
    path = lock_path(db_path)
    key = _key(db_path)
    with _held_lock:
        if key in _held:
            return None
        refused = 0
        for _attempt in range(20):
            fd = _open_holder(path)
            try:
                locked = _try_lock(fd)
            except BaseException:
                os.close(fd)
                raise
            if not locked:
                os.close(fd)  # our own descriptor: the holder's lock stays (flock belongs to its open file)
                refused += 1
                if refused < 3:  # a passing probe (current_holder) or a holder just leaving: ask again
                    time.sleep(0.02)
                    continue
                return _read(path) or Holder("?", 0, "")
            if not _same_inode(fd, path):  # locked a file its holder removed on release: take the new one
                _unlock(fd)
                os.close(fd)
                continue
            try:
                data = json.dumps(_me()).encode("utf-8")
                os.ftruncate(fd, 0)
                os.lseek(fd, 0, os.SEEK_SET)
                os.write(fd, data)
            except BaseException:
                _unlock(fd)
                os.close(fd)
                raise
            _held[key] = fd
            return None
        return _read(path) or Holder("?", 0, "")


def release_instance_lock(db_path: str | Path) -> None:
    """Give the database back (only if we hold it): the holder file goes, then the lock."""
    key = _key(db_path)
    with _held_lock:
        fd = _held.pop(key, None)
        if fd is None:
            return
        path = lock_path(db_path)
        if os.name != "nt":
            path.unlink(missing_ok=True)  # while still locked: a newcomer re-checks the inode
            _unlock(fd)
            os.close(fd)
        else:  # pragma: no cover - Windows cannot remove an open file
            _unlock(fd)
            os.close(fd)
            try:
                path.unlink()
            except OSError:
                pass


def current_holder(db_path: str | Path) -> Holder | None:
    """Who holds the database now (this process included), or None when nobody has the OS lock."""
    path = lock_path(db_path)
    if held_here(db_path):
        return _read(path) or Holder(socket.gethostname(), os.getpid(), "")
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    except OSError:
        return _read(path)
    try:
        if os.name == "nt":  # pragma: no cover
            free = _try_lock(fd)
        else:
            free = _try_lock(fd, shared=True)  # a shared probe never blocks another prober
        if free:
            _unlock(fd)
            return None
    finally:
        os.close(fd)
    return _read(path) or Holder("?", 0, "")


def open_read_only(db_path: str | Path):
    """The database for looking only (the second app): every write fails in SQLite itself."""
    from relationapp.data.db import Database

    return Database(f"sqlite:///file:{Path(db_path).resolve()}?mode=ro&uri=true")
