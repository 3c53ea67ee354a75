"""The change log: one row per committed write transaction, and the SQLite counter that says one came.

``Database.write`` calls ``record`` just before it commits, in the same
transaction (one INSERT): the tables the transaction changed (read from its
SQL, as ``recording_writes`` does), when, and who was "I am" then. Every
``PRUNE_EVERY`` rows it also drops what is older than ``KEEP_DAYS`` or beyond
the newest ``KEEP_ROWS``, so the log never grows past a few megabytes.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import sqlalchemy as sa

from relationapp.data.models import ChangeLog, Setting, Staff, is_derived, utc_now

KEEP_DAYS = 30
KEEP_ROWS = 100_000
PRUNE_EVERY = 1_000

_log = ChangeLog.__table__
# "I am" (the setting holds the staff id as JSON: 3 -> '3'); NULL when unset or naming nobody
_CURRENT_STAFF = (sa.select(Staff.id)
                  .where(sa.cast(Staff.id, sa.String) == sa.select(Setting.value)
                         .where(Setting.key == "current_staff_id").scalar_subquery())
                  .scalar_subquery())
_INSERT = _log.insert().values(at=sa.bindparam("at"), staff_id=sa.func.coalesce(sa.bindparam("staff_id", type_=sa.Integer),
                                                                                _CURRENT_STAFF),
                               tables=sa.bindparam("tables"))
_PRUNE = _log.delete().where(sa.or_(_log.c.seq <= sa.bindparam("oldest_kept") - 1, _log.c.at < sa.bindparam("cutoff")))


def logged_tables(written: set[str]) -> list[str]:
    """The tables of a transaction worth a log row: caches and bookkeeping alone are no change."""
    return sorted(t for t in written if not is_derived(t))


def record(conn, tables: list[str], *, staff_id: int | None = None) -> int:
    """Add the row for the transaction open on ``conn``; its seq back. ``staff_id`` None: "I am"."""
    seq = conn.execute(_INSERT, {"at": utc_now(), "staff_id": staff_id, "tables": ",".join(tables)}
                       ).inserted_primary_key[0]
    if seq % PRUNE_EVERY == 0:
        conn.execute(_PRUNE, {"oldest_kept": seq - KEEP_ROWS + 1,
                              "cutoff": utc_now() - dt.timedelta(days=KEEP_DAYS)})
    return seq


class DataVersion:
    """SQLite's ``PRAGMA data_version`` on a connection of its own: it moves when another connection
    (another window, another process, this process's pool) commits, and costs no read of any table.

    Read-only, and only ever through SQLite (see ``data.db._live_files``); use it on one thread.
    """

    def __init__(self, path: Path):
        self._con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        self._last = self._read()

    def _read(self) -> int:
        return self._con.execute("PRAGMA data_version").fetchone()[0]

    def moved(self) -> bool:
        now = self._read()
        moved, self._last = now != self._last, now
        return moved

    def close(self) -> None:
        self._con.close()
