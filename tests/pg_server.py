"""A real PostgreSQL for the tests: a throwaway cluster on 127.0.0.1, or the server ``RELATIONAPP_TEST_PG_URL`` names.

No mocks: ``initdb`` into a temporary folder, then ``postgres`` itself as a
child process (so the stop helper the other test servers use stops it, and it
dies with its parent: PR_SET_PDEATHSIG). Durability is switched off (fsync,
synchronous_commit, full_page_writes): a test cluster is thrown away. As root
the server runs as the unprivileged ``postgres`` user (initdb refuses root).

Each worker migrates (and fills, for the demo firm) one database per kind
once and keeps a snapshot of its rows (``COPY ... TO STDOUT``, binary); a test
gets that database back exactly as the snapshot holds it (``Snapshot.restore``:
TRUNCATE and COPY back with triggers off, sequences set): about 0.1 s, where a
``CREATE DATABASE ... TEMPLATE`` takes a second and the migrations several.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.exchange.mail.imap_server import REQUIRE_ENV, free_port, stop_process

URL_ENV = "RELATIONAPP_TEST_PG_URL"  # a superuser URL: use that server instead of starting one
SUPERUSER = "relationapp"
PASSWORD_USER = "relationapp_with_password"  # the one role our cluster asks a password of (scram-sha-256)
RUN_AS = "postgres"  # the unprivileged user a root test run starts the server as
SETTINGS = {"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off", "listen_addresses": "127.0.0.1",
            "unix_socket_directories": "", "max_connections": "200", "shared_buffers": "32MB"}
# a benchmark's figures mean something only with a server's normal durability (every commit flushed)
DURABLE = {**SETTINGS, "fsync": "on", "synchronous_commit": "on", "full_page_writes": "on", "shared_buffers": "256MB"}


def bin_dir() -> Path | None:
    """Where initdb and postgres are: on PATH, or Debian's versioned folder (newest first)."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"),
                      key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0)
    return versions[-1].parent if versions else None


@dataclass
class PgServer:
    """A server to make databases on: ``url(name)`` is a superuser URL for one of them."""

    base_url: str  # a superuser's URL (its database name is replaced)
    root: Path | None = None  # the cluster's folder (None: a server someone else runs)
    process: subprocess.Popen | None = None
    command: list[str] | None = None  # how ``process`` was started: ``resume_server`` starts it again so
    run_as: str | None = None
    _counter: int = field(default=0, repr=False)

    def url(self, database: str) -> str:
        from sqlalchemy.engine import make_url

        return make_url(self.base_url).set(database=database).render_as_string(hide_password=False)

    def admin(self, *statements: str) -> None:
        """Statements outside a transaction (CREATE/DROP DATABASE), as the superuser."""
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            for statement in statements:
                conn.execute(statement)

    def create_database(self, name: str, *, template: str | None = None) -> str:
        """A new empty database (or a copy of ``template``); returns its URL. An old one of that name goes first."""
        copy = f' TEMPLATE "{template}" STRATEGY FILE_COPY' if template else ""
        self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"{copy}')
        return self.url(name)

    def drop_database(self, name: str) -> None:
        self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def unique_name(self, prefix: str) -> str:
        """A database name no other test of this run (nor another xdist worker) uses."""
        self._counter += 1
        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        return f"{prefix}_{worker}_{os.getpid()}_{self._counter}"

    def log(self) -> str:
        path = self.root / "postgres.log" if self.root else None
        return path.read_text(errors="replace") if path and path.exists() else ""


@dataclass
class Snapshot:
    """Every row of one database (alembic_version included) and where its sequences stood."""

    url: str
    tables: dict[str, bytes]
    sequences: dict[str, int | None]

    @classmethod
    def take(cls, url: str) -> "Snapshot":
        import psycopg

        with psycopg.connect(_libpq(url)) as conn:
            names = [r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                                                "ORDER BY tablename")]
            tables = {}
            for name in names:
                with conn.cursor().copy(f'COPY "{name}" TO STDOUT (FORMAT binary)') as copy:
                    tables[name] = b"".join(bytes(chunk) for chunk in copy)
            sequences = dict(conn.execute("SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'"))
        return cls(url=url, tables=tables, sequences=sequences)

    def restore(self) -> None:
        """The database as it was when taken: other sessions on it ended, every table emptied and refilled."""
        import psycopg

        with psycopg.connect(_libpq(self.url)) as conn:
            conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                         "WHERE datname = current_database() AND pid <> pg_backend_pid()")
            conn.execute("SET session_replication_role = replica")  # the rows are a copy: no triggers, no FK checks
            conn.execute("TRUNCATE " + ", ".join(f'"{name}"' for name in self.tables) + " RESTART IDENTITY")
            with conn.cursor() as cursor:
                for name, data in self.tables.items():
                    with cursor.copy(f'COPY "{name}" FROM STDIN (FORMAT binary)') as copy:
                        copy.write(data)
                for sequence, last in self.sequences.items():
                    if last is not None:
                        cursor.execute("SELECT setval(%s, %s)", (sequence, last))


def _libpq(url: str) -> str:
    """A SQLAlchemy URL as libpq reads it (no driver name)."""
    return url.replace("postgresql+psycopg://", "postgresql://")


def _as_user(name: str | None):
    """preexec_fn of the server: drop to ``name`` (when root), then die with the parent.

    PR_SET_PDEATHSIG after setuid: changing credentials clears it. SIGQUIT is
    PostgreSQL's immediate shutdown (SIGTERM would wait for sessions to end).
    """
    def preexec() -> None:
        if name is not None:
            user = pwd.getpwnam(name)
            os.setgid(user.pw_gid)
            os.initgroups(name, user.pw_gid)
            os.setuid(user.pw_uid)
        try:
            import ctypes

            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGQUIT)
        except (OSError, AttributeError):
            pass
    return preexec


def start_server(*, durable: bool = False, own: bool = False) -> PgServer:
    """Use ``RELATIONAPP_TEST_PG_URL``'s server, else a throwaway cluster; FileNotFoundError without PostgreSQL.

    ``durable``: fsync and synchronous commit on (for benchmarks); the tests' cluster has them off.
    ``own``: a throwaway cluster even when a server is given (a test that stops and starts it)."""
    try:
        import psycopg  # noqa: F401 - the team and test extras install it
    except ImportError as exc:
        raise FileNotFoundError(f"psycopg is not installed (pip install -e '.[test]'): {exc}") from None
    given = None if own else os.environ.get(URL_ENV)
    if given:
        return PgServer(base_url=given)
    binaries = bin_dir()
    if binaries is None:
        raise FileNotFoundError("PostgreSQL is not installed (Debian: apt-get install postgresql)")
    run_as = RUN_AS if os.geteuid() == 0 else None
    root = Path(tempfile.mkdtemp(prefix="relationapp-pg-", dir="/tmp" if run_as else None))
    if run_as:
        user = pwd.getpwnam(run_as)
        os.chown(root, user.pw_uid, user.pw_gid)
    port = free_port()
    server = PgServer(base_url=f"postgresql://{SUPERUSER}@127.0.0.1:{port}", root=root)
    try:
        data = root / "data"
        done = subprocess.run([str(binaries / "initdb"), "-D", str(data), "-U", SUPERUSER, "-A", "trust",
                               "-E", "UTF8", "--locale=C.UTF-8", "--no-sync", "--no-instructions"],
                              stdin=subprocess.DEVNULL, capture_output=True, text=True, preexec_fn=_as_user(run_as))
        if done.returncode != 0:
            raise RuntimeError(f"initdb failed (exit {done.returncode}):\n{done.stdout}{done.stderr}")
        (data / "pg_hba.conf").write_text(f"host all {PASSWORD_USER} 127.0.0.1/32 scram-sha-256\n"
                                          "host all all 127.0.0.1/32 trust\n")
        settings = DURABLE if durable else SETTINGS
        options = [f"-c{key}={value}" for key, value in {**settings, "port": str(port)}.items()]
        server.command, server.run_as = [str(binaries / "postgres"), "-D", str(data), *options], run_as
        _launch(server)
    except Exception:
        stop_server(server)
        raise
    return server


def _launch(server: PgServer) -> None:
    with open(server.root / "postgres.log", "ab") as log:  # the child keeps its own copy
        if server.run_as:
            os.chown(server.root / "postgres.log", pwd.getpwnam(server.run_as).pw_uid, -1)
        server.process = subprocess.Popen(server.command, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                          preexec_fn=_as_user(server.run_as))
    _wait_until_ready(server)


def pause_server(server: PgServer) -> None:
    """A throwaway cluster stopped as a server going down does (fast shutdown: sessions cut), its data kept."""
    server.process.send_signal(signal.SIGINT)
    server.process.wait(timeout=30)
    server.process = None


def resume_server(server: PgServer) -> None:
    """The paused cluster started again on the same port and data."""
    _launch(server)


def _wait_until_ready(server: PgServer) -> None:
    import psycopg

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"postgres stopped at once (exit {server.process.returncode}):\n{server.log()}")
        try:
            psycopg.connect(server.url("postgres"), connect_timeout=2).close()
            return
        except psycopg.OperationalError:
            time.sleep(0.05)
    raise RuntimeError(f"postgres does not answer on {server.base_url}\n{server.log()}")


def stop_server(server: PgServer) -> None:
    """A throwaway cluster stopped (SIGINT: the fast shutdown, sessions cut) and its folder removed."""
    if server.process is not None:
        if server.process.poll() is None:
            server.process.send_signal(signal.SIGINT)
            try:
                server.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                stop_process(server.process)
        server.process = None
    if server.root is not None:
        shutil.rmtree(server.root, ignore_errors=True)


__all__ = ["PgServer", "REQUIRE_ENV", "Snapshot", "URL_ENV", "pause_server", "resume_server", "start_server",
           "stop_server"]
