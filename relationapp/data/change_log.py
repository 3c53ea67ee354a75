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
PG_LOCK = 0x72656C61  # "rela": the advisory lock key that orders the log rows on PostgreSQL
PG_CHANNEL = "relationapp_changes"  # NOTIFY of every logged transaction, its seq as the payload

_log = ChangeLog.__table__
# "I am" (the setting holds the staff id as JSON: 3 -> '3'); NULL when unset or naming nobody
_CURRENT_STAFF = (sa.select(Staff.id)
                  .where(sa.cast(Staff.id, sa.String) == sa.select(Setting.value)
                         .where(Setting.key == "current_staff_id").scalar_subquery())
                  .scalar_subquery())
_INSERT = _log.insert().values(at=sa.bindparam("at"), staff_id=sa.func.coalesce(sa.bindparam("staff_id", type_=sa.Integer),
                                                                                _CURRENT_STAFF),
                               tables=sa.bindparam("tables"))
_SQLITE_TIME = "%Y-%m-%d %H:%M:%S.%f"  # as SQLAlchemy's DateTime stores it in SQLite
_sqlite_sql: list[tuple[str, tuple[str, ...], dict]] = []


def _sqlite_insert(**values) -> tuple[str, tuple]:
    """``_INSERT`` as SQLite's SQL and its positional parameters: a log row costs what the sqlite3 module
    costs, not a Core execution (there is one per write transaction)."""
    if not _sqlite_sql:
        from sqlalchemy.dialects import sqlite

        compiled = _INSERT.compile(dialect=sqlite.dialect())
        _sqlite_sql.append((str(compiled), tuple(compiled.positiontup), dict(compiled.params)))
    sql, names, defaults = _sqlite_sql[0]
    given = {**defaults, **values}
    return sql, tuple(given[name] for name in names)


_PRUNE = _log.delete().where(sa.or_(_log.c.seq <= sa.bindparam("oldest_kept") - 1, _log.c.at < sa.bindparam("cutoff")))


def logged_tables(written: set[str]) -> list[str]:
    """The tables of a transaction worth a log row: caches and bookkeeping alone are no change."""
    return sorted(t for t in written if not is_derived(t))


def record(conn, tables: list[str], *, staff_id: int | None = None) -> int:
    """Add the row for the transaction open on ``conn``; its seq back. ``staff_id`` None: "I am".

    Readers take the rows after the last seq they saw, so seqs must become visible in their order. A
    SQLite writer holds the whole file (BEGIN IMMEDIATE); on PostgreSQL two transactions could take 10
    and 11 and commit 11 first, and a reader between the commits would skip 10 for good. So there the
    log row is written under a transaction-level advisory lock, held from here to the commit (which
    follows at once): the tails of concurrent writes queue, nothing else does.
    """
    at, names = utc_now(), ",".join(tables)
    if conn.dialect.name == "sqlite":  # the statement compiled once, on the transaction's own sqlite3 connection
        sql, parameters = _sqlite_insert(at=at.strftime(_SQLITE_TIME), staff_id=staff_id, tables=names)
        seq = conn.connection.driver_connection.execute(sql, parameters).lastrowid
    else:
        if conn.dialect.name == "postgresql":
            conn.execute(sa.select(sa.func.pg_advisory_xact_lock(sa.literal(PG_LOCK, sa.BigInteger))))
        seq = conn.execute(_INSERT, {"at": at, "staff_id": staff_id, "tables": names}).inserted_primary_key[0]
    if conn.dialect.name == "postgresql":  # delivered at the commit, to every window that listens (PgNotices)
        conn.execute(sa.select(sa.func.pg_notify(PG_CHANNEL, sa.cast(sa.literal(seq), sa.String))))
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


class PgNotices:
    """PostgreSQL's LISTEN on a connection of its own: ``moved()`` says whether a NOTIFY of a logged
    transaction came since the last look, without waiting and without a query (as ``DataVersion``).

    A lost connection counts as moved (the caller reads the log, which says what really came) and is
    opened again at the next look.
    """

    def __init__(self, url: str):
        self._conninfo = sa.engine.make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
        self._con = None
        self._listen()

    def _listen(self) -> None:
        import psycopg

        try:
            self._con = psycopg.connect(self._conninfo, autocommit=True, connect_timeout=5)
            self._con.execute(f"LISTEN {PG_CHANNEL}")
        except psycopg.Error:
            self._con = None

    def moved(self) -> bool:
        import psycopg

        if self._con is None:
            self._listen()
            return True
        try:
            return any(True for _notice in self._con.notifies(timeout=0))  # drains them all
        except psycopg.Error:
            self.close()
            return True

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None


def change_signal(url: str, path: Path | None):
    """What tells a window that something was committed, for this database: SQLite's data version,
    PostgreSQL's notices, else None (then the newest seq is asked at every look)."""
    if path is not None:
        return DataVersion(path)
    if sa.engine.make_url(url).get_backend_name() == "postgresql":
        return PgNotices(url)
    return None
