"""Shared fixtures: no test touches the real user folders; every test gets its own database."""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Point platformdirs (and the DB env var) at a temporary folder."""
    home = tmp_path_factory.mktemp("home")
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("RELATIONAPP_DB_URL", raising=False)
    return home


@pytest.fixture(autouse=True)
def english_unless_asked(monkeypatch):
    """Each test starts in English, command lines in subprocesses too (the firm's default is Dutch);
    a test that switches language does not leak."""
    from relationapp.text import catalogue

    monkeypatch.setenv("RELATIONAPP_LANGUAGE", "en")
    catalogue.set_language("en")
    yield
    catalogue.set_language("en")


@pytest.fixture(autouse=True)
def no_system_keyring():
    """No test reads or writes the keyring of the machine it runs on: none is usable unless a test
    asks for ``memory_keyring``."""
    import keyring
    from keyring.backends import fail

    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


@pytest.fixture
def memory_keyring():
    """A keyring in memory (the keyring library's own backend API) for the test's length."""
    import keyring
    from keyring.backend import KeyringBackend
    from keyring.errors import PasswordDeleteError

    class MemoryKeyring(KeyringBackend):
        priority = 1

        def __init__(self):
            super().__init__()
            self.secrets: dict[tuple[str, str], str] = {}

        def get_password(self, service, username):
            return self.secrets.get((service, username))

        def set_password(self, service, username, password):
            self.secrets[(service, username)] = password

        def delete_password(self, service, username):
            if self.secrets.pop((service, username), None) is None:
                raise PasswordDeleteError(username)

    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    return memory


@pytest.fixture(scope="session")
def imap_server_session():
    """A real IMAP server (Dovecot on 127.0.0.1, tests/exchange/mail/imap_server.py), once per session."""
    from tests.exchange.mail import imap_server as servers

    try:
        server = servers.start_server()
    except FileNotFoundError as exc:
        if os.environ.get(servers.REQUIRE_ENV) == "1":
            pytest.fail(f"{exc}; {servers.REQUIRE_ENV}=1 asks for the real server")
        pytest.skip(f"{exc}; these tests need a real IMAP server")
    yield server
    servers.stop_server(server)


@pytest.fixture
def imap(imap_server_session):
    """The server with INBOX empty and no other folder: every test starts clean."""
    imap_server_session.reset()
    return imap_server_session


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "relationapp.db"


# tests/data and tests/services run every test that takes ``db`` or ``demo_db`` on both backends
BOTH_BACKENDS = ("data", "services")
BACKENDS = ("sqlite", "pg")


def pytest_configure(config):
    config.addinivalue_line("markers", "pg_xfail(reason): fails on PostgreSQL for the reason given "
                                       "(an xfail(strict=True) of the pg parameter only)")
    config.addinivalue_line("markers", "pg: runs on a real PostgreSQL (the pg parameter of db/demo_db, or pg_db)")
    config.addinivalue_line("markers", "sqlite_only(reason): a test of the SQLite file itself (its pragmas, "
                                       "copies, pages): no pg parameter")
    config.addinivalue_line("markers", "both_backends: outside tests/data and tests/services, runs the test that "
                                       "takes db or demo_db on SQLite and on PostgreSQL too")


def pytest_generate_tests(metafunc):
    """``backend`` (behind ``db`` and ``demo_db``) is sqlite and pg in tests/data and tests/services (and in a test
    marked ``both_backends``), sqlite elsewhere."""
    if "backend" not in metafunc.fixturenames:
        return
    parts = metafunc.definition.path.relative_to(Path(__file__).parent).parts
    both = parts[0] in BOTH_BACKENDS or metafunc.definition.get_closest_marker("both_backends")
    if not both or metafunc.definition.get_closest_marker("sqlite_only"):
        return
    known = metafunc.definition.get_closest_marker("pg_xfail")
    pg_marks = [pytest.mark.pg]
    if known is not None:
        pg_marks.append(pytest.mark.xfail(strict=True, reason=known.kwargs.get("reason") or known.args[0]))
    metafunc.parametrize("backend", [pytest.param("sqlite", id="sqlite"), pytest.param("pg", id="pg", marks=pg_marks)],
                         indirect=True)


@pytest.fixture
def backend(request):
    """Where ``db`` and ``demo_db`` live: "sqlite" (a file) or "pg" (a database on the test PostgreSQL)."""
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def pg_server():
    """A real PostgreSQL (tests/pg_server.py): RELATIONAPP_TEST_PG_URL's, else a throwaway cluster for this worker."""
    from tests import pg_server as servers

    try:
        server = servers.start_server()
    except FileNotFoundError as exc:
        if os.environ.get(servers.REQUIRE_ENV) == "1":
            pytest.fail(f"{exc}; {servers.REQUIRE_ENV}=1 asks for the real server")
        pytest.skip(f"{exc}; these tests need PostgreSQL")
    yield server
    servers.stop_server(server)


def _pg_firm(server, name: str, fill=None):
    """A database of this worker migrated to head (and filled by ``fill(db)``), and the snapshot to put it back."""
    from relationapp.services.data_care.opening import open_database
    from tests.pg_server import Snapshot

    name = server.unique_name(name)
    url = server.create_database(name)
    database = open_database(url)
    try:
        if fill is not None:
            fill(database)
    finally:
        database.dispose()
    return name, Snapshot.take(url)


@pytest.fixture(scope="session")
def pg_empty_firm(pg_server):
    name, snapshot = _pg_firm(pg_server, "empty")
    yield snapshot
    pg_server.drop_database(name)


@pytest.fixture(scope="session")
def pg_demo_firm(pg_server):
    import datetime as dt

    from relationapp.services.data_care.demo import build_demo

    name, snapshot = _pg_firm(pg_server, "demo", lambda database: build_demo(database, today=dt.date(2026, 11, 22)))
    yield snapshot
    pg_server.drop_database(name)


@contextmanager
def _pg_fresh(snapshot):
    from relationapp.services.data_care.opening import open_database

    snapshot.restore()
    database = open_database(snapshot.url)
    try:
        yield database
    finally:
        database.dispose()


@pytest.fixture
def pg_db(pg_empty_firm):
    """An empty, migrated database on the test PostgreSQL (the worker's own, as the snapshot left it)."""
    with _pg_fresh(pg_empty_firm) as database:
        yield database


@pytest.fixture
def pg_demo_db(pg_demo_firm):
    """The demo firm (built for 2026-11-22) on the test PostgreSQL, fresh: as the snapshot left it."""
    with _pg_fresh(pg_demo_firm) as database:
        yield database


@pytest.fixture
def db(request, backend, db_path):
    """An empty, migrated database: a temporary file, or on PostgreSQL for the pg parameter."""
    if backend == "pg":
        yield request.getfixturevalue("pg_db")
        return
    from relationapp.services.data_care.opening import open_database

    database = open_database(str(db_path))
    yield database
    database.dispose()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    """The demo firm built once per test session; copy it with ``demo_db``."""
    import datetime as dt

    from relationapp.services.data_care.demo import build_demo
    from relationapp.services.data_care.opening import open_database

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    database = open_database(str(path))
    build_demo(database, today=dt.date(2026, 11, 22))
    database.dispose()
    return path


@pytest.fixture
def demo_db(request, backend, tmp_path):
    """A fresh copy of the demo database (built for 2026-11-22): a file, or on PostgreSQL for the pg parameter."""
    if backend == "pg":
        yield request.getfixturevalue("pg_demo_db")
        return
    import shutil

    from relationapp.services.data_care.opening import open_database

    path = tmp_path / "demo.db"
    shutil.copy(request.getfixturevalue("demo_template"), path)
    database = open_database(str(path))
    yield database
    database.dispose()


@pytest.fixture
def plain_opens_of(monkeypatch):
    """``watch(path)`` records every plain ``open()``/``os.open()`` of that database file
    (or its -wal, -shm, -journal) from then on; SQLite's own opens do not pass here.

    Closing any plain descriptor of a file drops all of the process's SQLite locks
    on it, so while a connection is open such an open can lose committed rows.
    """
    import builtins
    import io
    from pathlib import Path

    watched: set[str] = set()
    seen: list[str] = []

    def note(file) -> None:
        if isinstance(file, int):
            return
        try:
            name = os.path.realpath(os.fspath(file))
        except TypeError:
            return
        if name in watched:
            seen.append(name)

    real_open, real_os_open = builtins.open, os.open

    def guarded_open(file, *args, **kwargs):
        note(file)
        return real_open(file, *args, **kwargs)

    def guarded_os_open(path, flags, *args, **kwargs):
        if not (flags & os.O_CREAT and flags & os.O_EXCL):  # a new inode holds no lock of ours
            note(path)
        return real_os_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(io, "open", guarded_open)
    monkeypatch.setattr(os, "open", guarded_os_open)

    def watch(path) -> list[str]:
        base = os.path.realpath(os.fspath(path))
        watched.update({base, base + "-wal", base + "-shm", base + "-journal"})
        return seen

    watch.Path = Path
    return watch


@pytest.fixture(scope="session")
def dav_server_session():
    """A real CardDAV/CalDAV server (Radicale on 127.0.0.1, tests/exchange/sync/dav_server.py), once per session."""
    try:
        import radicale  # noqa: F401 - the test extra installs it
    except ImportError as exc:
        if os.environ.get("RELATIONAPP_REQUIRE_SERVERS") == "1":
            pytest.fail(f"{exc}; RELATIONAPP_REQUIRE_SERVERS=1 asks for the real server")
        pytest.skip(f"{exc}; these tests need Radicale (pip install -e '.[test]')")
    from tests.exchange.sync import dav_server as servers

    server = servers.start_server()
    yield server
    servers.stop_server(server)


@pytest.fixture
def dav(dav_server_session):
    """The server with an empty address book and empty calendars, running: every test starts clean."""
    server = dav_server_session
    for marker in (".fail-writes", ".slow-writes"):
        (server.root / "storage" / marker).unlink(missing_ok=True)
    if server.process is None:
        server.start_again()
    server.reset()
    return server
