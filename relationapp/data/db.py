"""The one engine: URL resolution, SQLite pragmas, read and write sessions.

SQLite gets ``foreign_keys=ON``, WAL and a busy timeout on every connection.
pysqlite's own transaction handling is switched off so that reads start a
plain ``BEGIN`` and writes a ``BEGIN IMMEDIATE`` (a writer takes the lock up
front instead of failing half-way with "database is locked").
"""

from __future__ import annotations

import os
import re
import sqlite3
import threading
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Callable, Iterator

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session

from relationapp.data import change_log
from relationapp.errors import ConflictError, ConnectionLost
from relationapp.text.catalogue import _

BUSY_TIMEOUT_MS = 5000
# reads served from the mapped file instead of copied into each connection's small page cache, which a
# write elsewhere empties: the agenda at L takes some 15 % less CPU. The pages read count in the resident
# size (file pages the OS shares and may drop): 128 MB caught the gain at L, and bounds that addition
MMAP_BYTES = 1 << 27
# PostgreSQL: every write transaction takes this advisory lock first, so writers
# queue as SQLite's BEGIN IMMEDIATE makes them (a read-then-write never races another writer)
WRITE_LOCK_KEY = 0x7265_6C61  # "rela"
_WRITE = "relationapp_write"
READ_SESSION = "relationapp_read"  # session.info key: the Database of a read-only session (Database.read)
_WRITTEN = "relationapp_written"  # conn.info key: tables the open write transaction changed
_DML = re.compile(r"^\s*(?:INSERT|REPLACE|UPDATE|DELETE)\b(?:\s+OR\s+\w+)?\s+(?:INTO\s+|FROM\s+)?[\"`\[]?(\w+)",
                  re.IGNORECASE)
class DatabaseError(Exception):
    """A database that cannot be used; the message is meant for the user."""


# Tables committed by the write transactions of the operation running in this
# context (see ``recording_writes``); None when nobody is listening.
_recorder: ContextVar[set[str] | None] = ContextVar("relationapp_recorder", default=None)


@contextmanager
def recording_writes() -> Iterator[set[str]]:
    """Collect the names of the tables that the write transactions committed inside the block change.

    Read from the SQL itself (ORM flushes, Core statements and raw SQL alike),
    so a side effect a service did not mention (a follow-up an order made) is
    in the set too. A rolled-back transaction adds nothing.
    """
    outer = _recorder.get()
    tables: set[str] = set()
    token = _recorder.set(tables)
    try:
        yield tables
    finally:
        _recorder.reset(token)
        if outer is not None:  # an operation inside another: the outer one changed these too
            outer.update(tables)


def _note_statement(conn, _cursor, statement, _parameters, _context, _executemany) -> None:
    written = conn.info.get(_WRITTEN)
    if written is not None:
        m = _DML.match(statement)
        if m:
            written.add(m.group(1).lower())


def url_for(path_or_url: str | os.PathLike) -> str:
    """A path becomes a SQLite URL; ``postgresql://`` (and ``postgres://``) gets the psycopg 3 driver; other URLs stay."""
    text = os.fspath(path_or_url)
    if "://" not in text:
        return "sqlite:///" + str(Path(text).expanduser().resolve())
    scheme, rest = text.split("://", 1)
    if scheme in ("postgresql", "postgres"):
        return f"postgresql+psycopg://{rest}"
    return text


TEAM_EXTRA = "pip install 'relationapp[team]'"


def shown_url(url: str) -> str:
    """A URL as a message may show it: the password masked, the driver psycopg left out (as the user typed it)."""
    try:
        shown = sa.engine.make_url(url).render_as_string(hide_password=True)
    except sa.exc.ArgumentError:
        return url
    return shown.replace("postgresql+psycopg://", "postgresql://", 1)


def check_server_driver(url: str) -> None:
    """A server URL needs its driver: without psycopg, one line naming the extra that brings it."""
    parsed = sa.engine.make_url(url)
    if parsed.get_backend_name() != "postgresql":
        return
    try:
        parsed.get_dialect().import_dbapi()
    except ImportError:
        raise DatabaseError(_("PostgreSQL needs its driver, psycopg 3: {command}").format(command=TEAM_EXTRA)) from None


def server_problem(exc: BaseException, url: str) -> str | None:
    """One line for a PostgreSQL server that cannot be used (down, a wrong password, no such database), else None."""
    try:
        import psycopg
    except ImportError:
        return None
    error = getattr(exc, "orig", exc)
    if not isinstance(error, psycopg.OperationalError):
        return None
    parsed = sa.engine.make_url(url)
    where = f"{parsed.host or 'localhost'}:{parsed.port or 5432}"
    detail = " ".join(str(error).split())
    state = getattr(error, "sqlstate", None)
    if state == "28P01" or "password authentication failed" in detail:
        return _("PostgreSQL at {server} refused user {user}: wrong password.").format(server=where, user=parsed.username)
    if state == "28000":
        return _("PostgreSQL at {server} refused user {user}: {problem}").format(
            server=where, user=parsed.username, problem=detail)
    if state == "3D000":
        return _("PostgreSQL at {server} has no database {name}.").format(server=where, name=parsed.database)
    return _("Cannot reach the PostgreSQL server at {server}: {problem}").format(server=where, problem=detail)


# PostgreSQL's codes for a session the server ended: admin_shutdown, crash_shutdown, cannot_connect_now;
# class 08 is a connection exception
_ENDED = {"57P01", "57P02", "57P03"}


def lost_connection(exc: BaseException) -> bool:
    """A server connection that ended under us or cannot be opened again (not a refused statement)."""
    if not isinstance(exc, sa.exc.DBAPIError):
        return False
    if exc.connection_invalidated:
        return True
    try:
        import psycopg
    except ImportError:
        return False
    if not isinstance(exc.orig, psycopg.OperationalError):
        return False
    state = getattr(exc.orig, "sqlstate", None)
    return state is None or state.startswith("08") or state in _ENDED


def sqlite_path(url: str) -> Path | None:
    u = sa.engine.make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


def database_file(url: str) -> Path | None:
    """The file behind a SQLite URL, the ``file:...?mode=ro`` form of a read-only window included."""
    path = sqlite_path(url)
    if path is None:
        return None
    name = str(path)
    return Path(name[len("file:"):].split("?", 1)[0] if name.startswith("file:") else name).resolve()


def prepare_sqlite_file(path: Path) -> None:
    """Make the folder, and the file with mode 0600 before SQLite opens it.

    SQLite gives the -wal and -shm files the mode of the database file.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():  # a new inode: no SQLite lock of ours can be on it
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            os.close(fd)
        elif not os.access(path, os.R_OK | os.W_OK):
            raise DatabaseError(_("Cannot write the database file {path}: permission denied.").format(path=path))
        if not os.access(path.parent, os.W_OK):
            raise DatabaseError(_("Cannot write in the folder {folder} (SQLite needs it for its journal).").format(
                folder=path.parent))
    except DatabaseError:
        raise
    except OSError as exc:
        raise DatabaseError(_("Cannot create the database file {path}: {problem}.").format(
            path=path, problem=exc.strerror or exc)) from exc


# Every SQLite file a Database of this process is connected to. POSIX locks
# belong to the process: closing *any* plain descriptor of such a file drops
# all of SQLite's locks on it, and another process may then checkpoint and
# delete the WAL under us (SQLite's "How To Corrupt", section 2.2). So a live
# file is only ever read through SQLite, and no user-chosen file may be one.
_live_files: dict[Path, int] = {}
SIDE_FILES = ("-journal", "-wal", "-shm")  # what SQLite keeps beside a database file
_live_lock = threading.Lock()


def _register_live(path: Path) -> None:
    with _live_lock:
        _live_files[path] = _live_files.get(path, 0) + 1


def _unregister_live(path: Path) -> None:
    with _live_lock:
        left = _live_files.get(path, 0) - 1
        if left > 0:
            _live_files[path] = left
        else:
            _live_files.pop(path, None)


def live_database_files() -> set[Path]:
    """The database files this process has engines on (the -wal, -shm and -journal belong to them)."""
    with _live_lock:
        return set(_live_files)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def live_database_for(path: str | os.PathLike) -> Path | None:
    """The live database ``path`` is (or is a -wal/-shm/-journal of), else None; never opens it."""
    path = Path(path)
    for live in live_database_files():
        for candidate in (live, *(Path(f"{live}{s}") for s in SIDE_FILES)):
            if _same_file(path, candidate):
                return live
    return None


class Stopped(Exception):
    """A long read was stopped by its owner (the window closing, a restore starting)."""


class FileProblem(str):
    """Why a file is not a readable SQLite database, worded for the user.

    Code compares ``kind`` ("missing", "no_permission", "unreadable",
    "not_sqlite", "damaged"), never the words, which are in the user's
    language; ``detail`` is SQLite's own text where it has one.
    """

    kind: str
    detail: str

    def __new__(cls, kind: str, detail: str = ""):
        words = {
            "missing": _("does not exist"),
            "no_permission": _("cannot be read (permission denied)"),
            "unreadable": _("cannot be read ({problem})"),
            "not_sqlite": _("is not a SQLite database"),
            "damaged": _("is damaged ({problem})"),
        }[kind]
        problem = super().__new__(cls, words.format(problem=detail))
        problem.kind, problem.detail = kind, detail
        return problem


def sqlite_problem(path: Path, *, quick_check: bool = False, stop: threading.Event | None = None) -> FileProblem | None:
    """Why ``path`` is not a readable SQLite database (None if it is), asked of SQLite itself.

    Never a plain ``open()``: see ``_live_files``. A read-only connection of
    this process shares SQLite's per-file lock bookkeeping with the engine's
    connections, so closing it releases nothing they hold. With
    ``quick_check`` damaged pages count too (reads the whole file); setting
    ``stop`` ends that read early with ``Stopped``.
    """
    if not os.access(path, os.R_OK):
        return FileProblem("no_permission" if path.exists() else "missing")
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        return FileProblem("unreadable", str(exc))
    con.text_factory = bytes  # quick_check quotes damaged pages: any bytes at all
    if stop is not None:
        con.set_progress_handler(lambda: 1 if stop.is_set() else 0, 10_000)
    try:
        con.execute("PRAGMA schema_version").fetchone()
        if not quick_check:
            return None
        rows = [r[0].decode("utf-8", "replace") if isinstance(r[0], bytes) else str(r[0])
                for r in con.execute("PRAGMA quick_check").fetchall()]
    except sqlite3.Error as exc:
        if stop is not None and stop.is_set():
            raise Stopped() from None
        if getattr(exc, "sqlite_errorcode", None) == 26 or "file is not a database" in str(exc):
            return FileProblem("not_sqlite")
        return FileProblem("damaged", str(exc))
    finally:
        con.close()
    if rows != ["ok"]:
        return FileProblem("damaged", "; ".join(rows[:3]))
    return None


def check_sqlite_file(path: Path) -> None:
    """Refuse a file that is not a SQLite database, without writing to it (and through SQLite only)."""
    if not path.exists() or path.stat().st_size == 0:
        return
    problem = sqlite_problem(path)
    if problem is None:
        return
    if problem.kind == "not_sqlite":
        raise DatabaseError(_("{path} is not a relationapp database (not a SQLite file).").format(path=path))
    if problem.kind in ("unreadable", "no_permission"):
        raise DatabaseError(_("Cannot read {path}: {problem}.").format(
            path=path, problem=problem.detail or _("permission denied")))
    raise DatabaseError(_("{path} cannot be read as a database: {problem}.").format(path=path, problem=problem.detail))


def _install_sqlite_hooks(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_con, _record):
        dbapi_con.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_con.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        if conn.get_execution_options().get(_WRITE):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")


def _install_postgresql_hooks(engine: Engine) -> None:
    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        if conn.get_execution_options().get(_WRITE):
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")


class Database:
    """Owns the engine; hands out sessions for one unit of work each."""

    def __init__(self, url: str, *, echo: bool = False):
        url = url_for(url)
        self.url = url
        self.path = sqlite_path(url)
        backend = sa.engine.make_url(url).get_backend_name()
        self.is_sqlite = backend == "sqlite"
        kwargs: dict = {"echo": echo}
        if self.is_sqlite:
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000}
        else:
            check_server_driver(url)
            kwargs["pool_pre_ping"] = True  # a server restarted since: a new connection instead of an error
            # PostgreSQL's JIT compiles a query it guesses is costly (tens of ms): the app's reads take a
            # few ms, and Find anyone's word query paid 13 ms of JIT for a 1 ms search at L
            kwargs["connect_args"] = {"options": "-c jit=off"}
        self.engine = sa.create_engine(url, **kwargs)
        # Run once before this Database's first write transaction (and cleared
        # when it passes); it raises to refuse the write. The command line puts
        # a quick_check of the file here, so a damaged file is never written to.
        self.before_first_write: Callable[[], None] | None = None
        self._first_write_lock = threading.Lock()
        # Who this session is: the staff member signed in (services.customers.sign_in), named by the change
        # log for this Database's writes; None takes the setting "I am" at each write (nobody signs in).
        self.staff_id: int | None = None
        # the change-log seqs of this Database's own writes, kept while somebody watches for other
        # sessions' writes (services.common.change_log.Watch), so a window does not refresh twice
        self.own_writes: set[int] | None = None
        self.has_change_log: bool | None = None  # None: not looked yet (a file of before revision 0016 has none)
        event.listen(self.engine, "before_cursor_execute", _note_statement)
        if self.is_sqlite:
            _install_sqlite_hooks(self.engine)
        elif backend == "postgresql":
            _install_postgresql_hooks(self.engine)
        live = database_file(url)
        if live is not None:  # counted per open DBAPI connection, so a dispose() and reuse stay right
            event.listen(self.engine, "connect", lambda *_: _register_live(live))
            event.listen(self.engine, "close", lambda *_: _unregister_live(live))
            event.listen(self.engine, "close_detached", lambda *_: _unregister_live(live))

    @property
    def label(self) -> str:
        """The file, or the server URL with its password masked: how a message names this database."""
        return str(self.path) if self.path is not None else shown_url(self.url)

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
        with self._server_answering():
            with Session(self.engine, expire_on_commit=False) as session:
                session.info[READ_SESSION] = self
                try:
                    yield session
                finally:
                    session.rollback()

    @contextmanager
    def _server_answering(self) -> Iterator[None]:
        """A server connection lost inside the block becomes ``ConnectionLost``, one line for the user
        (the transaction ended with the connection: nothing of it was saved)."""
        try:
            yield
        except sa.exc.DBAPIError as exc:
            if self.is_sqlite or not lost_connection(exc):
                raise
            where = sa.engine.make_url(self.url)
            raise ConnectionLost(_("Lost the connection to the PostgreSQL server at {server}; nothing was saved.").format(
                server=f"{where.host or 'localhost'}:{where.port or 5432}")) from exc

    def server_answers(self) -> bool:
        """True when the database answers a query now (after a lost connection: it is back)."""
        try:
            with self.read() as session:
                session.execute(sa.text("SELECT 1"))
            return True
        except ConnectionLost:
            return False

    def signature(self) -> tuple | None:
        """Size and change time of the SQLite file and its WAL: any committed write changes one of them.

        Figures computed from a file with the same signature can be reused
        (None: not a SQLite file, nothing is reused).
        """
        if self.path is None:
            return None
        signature = []
        for suffix in ("", "-wal"):
            try:
                info = os.stat(f"{self.path}{suffix}")
                signature.append((info.st_mtime_ns, info.st_size))
            except FileNotFoundError:
                signature.append(None)
        return tuple(signature)

    def check_before_write(self) -> None:
        """Run ``before_first_write`` if it has not passed yet (raises when the write is refused)."""
        if self.before_first_write is None:
            return
        with self._first_write_lock:
            check = self.before_first_write
            if check is not None:
                check()
                self.before_first_write = None

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction: BEGIN IMMEDIATE, commit on success, else roll back."""
        self.check_before_write()
        with self._server_answering(), self.engine.connect() as conn:
            conn.execution_options(**{_WRITE: True})
            written = conn.info[_WRITTEN] = set()
            seq, own = None, self.own_writes
            try:
                with Session(bind=conn, expire_on_commit=False) as session:
                    try:
                        yield session
                        session.flush()  # the ORM's pending rows: their tables belong in the log row
                        tables = change_log.logged_tables(written)
                        if tables and self.has_change_log is None:
                            self.has_change_log = sa.inspect(conn).has_table("change_log")
                        if tables and self.has_change_log:
                            seq = change_log.record(conn, tables, staff_id=self.staff_id)
                            if own is not None:  # before the commit: a watcher polling meanwhile skips it
                                own.add(seq)
                        session.commit()
                    except StaleDataError as exc:
                        # an UPDATE of a versioned record matched nothing: another session saved it first
                        session.rollback()
                        raise ConflictError(_("Somebody else saved this record meanwhile; nothing was saved. "
                                              "Open it again to see their version."),
                                            yours={}, theirs={}, version=0) from exc
                    except BaseException:
                        session.rollback()
                        if own is not None and seq is not None:
                            own.discard(seq)
                        raise
            finally:
                conn.info.pop(_WRITTEN, None)
            recorder = _recorder.get()
            if recorder is not None:
                recorder.update(written)

    @contextmanager
    def sqlite_read(self) -> Iterator[sqlite3.Connection]:
        """The pool's own sqlite3 connection in one read transaction, for ``SqliteStatement``s."""
        pooled = self.engine.raw_connection()
        try:
            con = pooled.driver_connection
            con.execute("BEGIN")
            try:
                yield con
            finally:
                con.execute("ROLLBACK")
        finally:
            pooled.close()

    def raw_connection(self) -> sqlite3.Connection:
        """A plain sqlite3 connection to the same file (benchmarks, backups)."""
        if self.path is None:
            raise DatabaseError(_("Not a SQLite file database."))
        con = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000)
        con.execute("PRAGMA foreign_keys=ON")
        return con

    def dispose(self) -> None:
        self.engine.dispose()


class SqliteStatement:
    """A Core statement compiled once to SQLite's SQL and run on a plain sqlite3 connection.

    The hot read paths (an account's touches, Find anyone) spent more time
    building, compiling and post-processing statements than SQLite spent
    answering them; compiled once, they cost what the sqlite3 module costs.
    Rows come back as plain tuples: the caller converts dates and cents.
    """

    def __init__(self, statement):
        self._statement = statement
        self._compiled: tuple[str, tuple[str, ...], dict] | None = None

    def rows(self, con: sqlite3.Connection, **params) -> list[tuple]:
        if self._compiled is None:
            from sqlalchemy.dialects import sqlite

            compiled = self._statement.compile(dialect=sqlite.dialect())
            self._compiled = (str(compiled), tuple(compiled.positiontup or ()), dict(compiled.params))
        sql, names, defaults = self._compiled
        values = {**defaults, **params}
        return con.execute(sql, tuple(values[name] for name in names)).fetchall()


def ids_in_json(ids):
    """SQLite: the integers of a JSON array (text, or a bind parameter) as a subquery for ``IN``.

    One statement for any number of ids, with no expression per id to build or compile.
    """
    return sa.select(sa.column("value", sa.Integer)).select_from(sa.func.json_each(ids))
