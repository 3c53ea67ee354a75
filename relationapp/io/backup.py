"""Backups with SQLite's online backup API (never a file copy of a live database)."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path


def backup_file(source: Path, backup_dir: Path, *, reason: str = "manual") -> Path:
    """Copy the database at ``source`` into ``backup_dir``; the copy is 0600."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    dest = backup_dir / f"{source.stem}-{stamp}-{reason}.db"
    n = 1
    while dest.exists():
        n += 1
        dest = backup_dir / f"{source.stem}-{stamp}-{reason}-{n}.db"
    fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(dest)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return dest
