"""A PostgreSQL URL on the command line: it works, and every way it cannot is one line and exit 2.

Without the driver the line names the extra that brings it; an unreachable
server, a wrong password and a database of a newer schema each get their own.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import sqlalchemy as sa

from tests.commands.data_care.test_cli_faults import one_line
from tests.exchange.mail.imap_server import free_port

pytestmark = pytest.mark.pg


def cli(url: str, *args: str, python_prelude: str = "") -> subprocess.CompletedProcess:
    code = f"{python_prelude}import sys; from relationapp.__main__ import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run([sys.executable, "-c", code, "--db", url, *args], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=120)


def test_a_postgresql_url_runs_the_commands(pg_demo_db):
    url = pg_demo_db.url.replace("postgresql+psycopg://", "postgresql://")  # as a user types it
    out = cli(url, "accounts", "list", "--json")
    assert out.returncode == 0, out.stderr
    with pg_demo_db.read() as session:
        names = set(session.execute(sa.text("SELECT name FROM account WHERE NOT archived")).scalars())
    assert names and {row["name"] for row in json.loads(out.stdout)} <= names


def test_without_the_driver_the_line_names_the_extra(pg_db):
    out = cli(pg_db.url.replace("postgresql+psycopg://", "postgresql://"), "accounts", "list",
              python_prelude="sys = __import__('sys'); sys.modules['psycopg'] = None; ")
    assert "pip install 'relationapp[team]'" in one_line(out)


def test_the_window_without_the_driver_says_the_same_before_qt_loads(pg_db):
    out = cli(pg_db.url, python_prelude="sys = __import__('sys'); sys.modules['psycopg'] = None; ")
    assert "pip install 'relationapp[team]'" in one_line(out)


def test_an_unreachable_server_is_one_line():
    out = cli(f"postgresql://someone@127.0.0.1:{free_port()}/firm", "accounts", "list")
    line = one_line(out)
    assert "Cannot reach the PostgreSQL server at 127.0.0.1:" in line


def test_a_wrong_password_is_one_line_without_the_password(pg_server):
    from tests.pg_server import PASSWORD_USER

    pg_server.admin(f"DROP ROLE IF EXISTS {PASSWORD_USER}", f"CREATE ROLE {PASSWORD_USER} LOGIN PASSWORD 'right-one'")
    url = sa.engine.make_url(pg_server.url("postgres")).set(username=PASSWORD_USER, password="wrong-one")
    try:
        import psycopg

        psycopg.connect(url.render_as_string(hide_password=False).replace("+psycopg", ""), connect_timeout=5).close()
    except psycopg.OperationalError:
        pass
    else:
        pytest.skip("this server takes any password (trust): RELATIONAPP_TEST_PG_URL's own pg_hba.conf")
    line = one_line(cli(url.render_as_string(hide_password=False), "accounts", "list"))
    assert "wrong password" in line and PASSWORD_USER in line and "wrong-one" not in line


def test_a_database_of_a_newer_schema_is_refused_untouched(pg_db):
    with pg_db.write() as session:
        session.execute(sa.text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    out = cli(pg_db.url, "accounts", "list")
    assert "newer relationapp" in one_line(out)
    with pg_db.read() as session:
        assert session.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() == "9999_from_the_future"


def test_a_connection_lost_during_a_command_is_one_line(pg_db, pg_server, capsys):
    """The database stops taking sessions (and ends the open ones) after the command opened it."""
    from relationapp.commands import cli as commands

    name = sa.engine.make_url(pg_db.url).database
    args = commands.build_parser().parse_args(["--db", pg_db.url, "staff", "add", "Anna Jansen"])
    add = args.handler

    def lose_the_server_then_add(args, db):
        pg_server.admin(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false',
                        f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'")
        return add(args, db)

    args.handler = lose_the_server_then_add
    try:
        assert commands.run_command(args) == 2
    finally:
        pg_server.admin(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "Lost the connection to the PostgreSQL server at 127.0.0.1:" in err and "nothing was saved" in err
    from relationapp.services.customers.staff import list_staff

    assert list_staff(pg_db) == []
