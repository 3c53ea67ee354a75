"""The one engine: URL resolution, SQLite pragmas, read and write sessions.

SQLite gets ``foreign_keys=ON``, WAL and a busy timeout on every connection.
pysqlite's own transaction handling is switched off so that reads start a
plain ``BEGIN`` and writes a ``BEGIN IMMEDIATE`` (a writer takes the lock up
front instead of failing half-way with "database is locked").
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session

BUSY_TIMEOUT_MS = 5000
_WRITE = "relationapp_write"


class DatabaseError(Exception):
    """A database that cannot be used; the message is meant for the user."""


def url_for(path_or_url: str | os.PathLike) -> str:
    """A path becomes a SQLite URL; anything with a scheme is kept as it is."""
    text = os.fspath(path_or_url)
    if "://" in text:
        return text
    return "sqlite:///" + str(Path(text).expanduser().resolve())


def sqlite_path(url: str) -> Path | None:
    u = sa.engine.make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


def prepare_sqlite_file(path: Path) -> None:
    """Make the folder, and the file with mode 0600 before SQLite opens it.

    SQLite gives the -wal and -shm files the mode of the database file.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            os.close(fd)
        elif not os.access(path, os.R_OK | os.W_OK):
            raise DatabaseError(f"Cannot write the database file {path}: permission denied.")
        if not os.access(path.parent, os.W_OK):
            raise DatabaseError(
                f"Cannot write in the folder {path.parent} (SQLite needs it for its journal)."
            )
    except DatabaseError:
        raise
    except OSError as exc:
        raise DatabaseError(f"Cannot create the database file {path}: {exc.strerror or exc}.") from exc


def check_sqlite_file(path: Path) -> None:
    """Refuse a file that is not a SQLite database, without writing to it."""
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        with open(path, "rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        raise DatabaseError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    if header != b"SQLite format 3\x00":
        raise DatabaseError(f"{path} is not a relationapp database (not a SQLite file).")
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            con.execute("PRAGMA schema_version").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{path} cannot be read as a database: {exc}.") from exc


def _install_sqlite_hooks(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_con, _record):
        dbapi_con.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_con.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        if conn.get_execution_options().get(_WRITE):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")


class Database:
    """Owns the engine; hands out sessions for one unit of work each."""

    def __init__(self, url: str, *, echo: bool = False):
        self.url = url
        self.path = sqlite_path(url)
        self.is_sqlite = sa.engine.make_url(url).get_backend_name() == "sqlite"
        kwargs: dict = {"echo": echo}
        if self.is_sqlite:
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000}
        self.engine = sa.create_engine(url, **kwargs)
        if self.is_sqlite:
            _install_sqlite_hooks(self.engine)

    @classmethod
    def open(cls, path_or_url: str | os.PathLike) -> "Database":
        url = url_for(path_or_url)
        path = sqlite_path(url)
        if path is not None:
            check_sqlite_file(path)
            prepare_sqlite_file(path)
        return cls(url)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work (rolled back at the end)."""
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
            finally:
                session.rollback()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction: BEGIN IMMEDIATE, commit on success, else roll back."""
        with self.engine.connect() as conn:
            if self.is_sqlite:
                conn.execution_options(**{_WRITE: True})
            with Session(bind=conn, expire_on_commit=False) as session:
                try:
                    yield session
                    session.commit()
                except BaseException:
                    session.rollback()
                    raise

    def raw_connection(self) -> sqlite3.Connection:
        """A plain sqlite3 connection to the same file (benchmarks, backups)."""
        if self.path is None:
            raise DatabaseError("Not a SQLite file database.")
        con = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000)
        con.execute("PRAGMA foreign_keys=ON")
        return con

    def dispose(self) -> None:
        self.engine.dispose()
