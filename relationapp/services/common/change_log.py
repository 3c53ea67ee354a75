"""Who changed what, and noticing the writes of other windows (other processes, other sessions).

Every write transaction leaves one ``change_log`` row (``data.change_log``).
``changes_since`` turns the rows after a seq into the typed ``Changes`` the
pages refresh from: the same kinds an operation of this window broadcasts.
``Watch`` is what a window polls: it first asks SQLite's ``PRAGMA
data_version`` or looks for PostgreSQL notices (LISTEN; every logged write
NOTIFYs at its commit), so nothing is read while nothing was committed.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

import sqlalchemy as sa

from relationapp.data.change_log import change_signal
from relationapp.data.db import Database, database_file
from relationapp.data.models import ChangeLog, Staff
from relationapp.services.common.changes import Changes


@dataclass(frozen=True)
class ChangesSince:
    seq: int  # the newest seq read: where the next call starts
    changes: Changes  # what the other sessions' transactions changed (nothing of ``skip``)


@dataclass(frozen=True)
class LogEntry:
    seq: int
    at: dt.datetime  # UTC
    staff_id: int | None
    staff: str | None
    tables: tuple[str, ...]
    changes: Changes


def latest_seq(db: Database) -> int:
    with db.read() as session:
        return session.execute(sa.select(sa.func.max(ChangeLog.seq))).scalar_one() or 0


def changes_since(db: Database, *, seq: int, skip: set[int] | frozenset[int] = frozenset()) -> ChangesSince:
    """The changes of the transactions logged after ``seq``, leaving out the seqs in ``skip`` (this window's
    own, broadcast already). Rows pruned before they were read (a window asleep for a month) count as
    everything changed."""
    with db.read() as session:
        rows = session.execute(sa.select(ChangeLog.seq, ChangeLog.tables).where(ChangeLog.seq > seq)
                               .order_by(ChangeLog.seq)).all()
        if not rows:
            return ChangesSince(seq, Changes())
        oldest = session.execute(sa.select(sa.func.min(ChangeLog.seq))).scalar_one()
    if seq and oldest > seq + 1 and rows[0][0] == oldest:
        # the rows between were pruned (or, on PostgreSQL, never committed): say everything rather than miss one
        return ChangesSince(rows[-1][0], Changes.everything())
    tables = {name for row_seq, names in rows if row_seq not in skip for name in names.split(",") if name}
    return ChangesSince(rows[-1][0], Changes.from_tables(tables))


def log_entries(db: Database, *, since: dt.date | None = None, limit: int | None = 200) -> list[LogEntry]:
    """Newest first: when, who and what; ``since`` a day (UTC) from which on."""
    query = (sa.select(ChangeLog.seq, ChangeLog.at, ChangeLog.staff_id, Staff.name, ChangeLog.tables)
             .outerjoin(Staff, Staff.id == ChangeLog.staff_id).order_by(ChangeLog.seq.desc()))
    if since is not None:
        query = query.where(ChangeLog.at >= dt.datetime.combine(since, dt.time()))
    if limit is not None:
        query = query.limit(limit)
    with db.read() as session:
        rows = session.execute(query).all()
    out = []
    for seq, at, staff_id, staff, names in rows:
        tables = tuple(t for t in names.split(",") if t)
        out.append(LogEntry(seq, at, staff_id, staff, tables, Changes.from_tables(set(tables))))
    return out


class Watch:
    """Notices the writes of other sessions on ``db``: ``poll()`` gives what they changed since the last poll.

    This Database's own writes are left out (their operations broadcast them already). Cheap enough to
    poll every second or two: on SQLite one PRAGMA while nothing was committed. ``close()`` when done.
    """

    def __init__(self, db: Database):
        self.db = db
        db.own_writes = set() if db.own_writes is None else db.own_writes
        # a read-only window's URL (file:...?mode=ro) too
        self._version = change_signal(db.url, database_file(db.url))
        self.seq = latest_seq(db)

    def poll(self) -> Changes:
        try:
            if self._version is not None and not self._version.moved():
                return Changes()
            own = self.db.own_writes or set()
            found = changes_since(self.db, seq=self.seq, skip=own)
        except (sa.exc.OperationalError, sqlite3.Error, OSError):
            return Changes()  # the file busy or away a moment (a restore, a full disk): the next poll reads it
        own.difference_update({s for s in own if s <= found.seq})  # read: never needed again
        self.seq = found.seq
        return found.changes

    def close(self) -> None:
        if self._version is not None:
            self._version.close()
            self._version = None
        self.db.own_writes = None
