"""Backups of a firm on a real PostgreSQL: pg_dump when it is installed, else the app's export; both restore."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from relationapp.exchange.server_backup import backup_server, restore_server
from relationapp.files import pg_tools
from relationapp.services.customers import accounts
from relationapp.services.data_care.opening import open_database
from relationapp.services.today import attention

pytestmark = pytest.mark.pg
TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def new_server_db(pg_server):
    """A new database on the test server, without tables: what ``createdb`` makes."""
    name = pg_server.unique_name("restored")
    url = pg_server.create_database(name)
    yield url
    pg_server.drop_database(name)


@pytest.fixture
def without_pg_dump(monkeypatch, tmp_path):
    """A machine without PostgreSQL's programs: none on PATH, none in Debian's folders."""
    empty = tmp_path / "no-programs"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.setattr(pg_tools, "DEBIAN_FOLDERS", str(empty / "*" / "bin"))


def _same_firm(url: str, original) -> None:
    restored = open_database(url)
    try:
        assert attention.agenda(restored, today=TODAY) == attention.agenda(original, today=TODAY)
        assert accounts.list_account_ids(restored, include_archived=True) == \
            accounts.list_account_ids(original, include_archived=True)
        new = accounts.create_account(restored, name="Na het terugzetten")  # the ids go on past the restored ones
        assert new.id > max(accounts.list_account_ids(original, include_archived=True))
    finally:
        restored.dispose()


def test_a_server_backup_is_a_pg_dump_that_restores_into_an_empty_database(pg_demo_db, new_server_db, tmp_path):
    made = backup_server(pg_demo_db, backup_dir=tmp_path / "backups", keep=5)
    assert made.method == "pg_dump" and made.message == f"Backup made with pg_dump: {made.path}"
    assert made.path.parent == tmp_path / "backups" and made.path.suffix == ".dump"
    assert made.path.read_bytes().startswith(b"PGDMP") and made.path.stat().st_mode & 0o077 == 0
    restored = restore_server(new_server_db, source=made.path)
    assert restored.method == "pg_restore"
    _same_firm(new_server_db, pg_demo_db)


def test_without_pg_dump_the_backup_is_the_apps_export_and_it_imports_into_an_empty_database(
        pg_demo_db, new_server_db, tmp_path, without_pg_dump):
    made = backup_server(pg_demo_db, backup_dir=tmp_path / "backups", keep=5)
    assert made.method == "export" and made.path.suffix == ".zip"
    assert made.message == f"pg_dump not found; backup made with the app's export: {made.path}"
    restored = restore_server(new_server_db, source=made.path)
    assert restored.method == "import" and restored.rows > 100
    _same_firm(new_server_db, pg_demo_db)


def test_a_dump_is_restored_into_an_empty_database_only(pg_demo_db, tmp_path):
    from relationapp.errors import ValidationError

    made = backup_server(pg_demo_db, dest=tmp_path / "firm.dump")
    before = accounts.list_account_ids(pg_demo_db, include_archived=True)
    with pytest.raises(ValidationError, match="empty database only"):
        restore_server(pg_demo_db.url, source=made.path)
    assert accounts.list_account_ids(pg_demo_db, include_archived=True) == before


def test_only_the_newest_backups_of_the_database_are_kept(pg_db, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / "someone-else-20200101-000000-manual.dump").write_bytes(b"PGDMP")  # another database's: stays
    made = [backup_server(pg_db, backup_dir=folder, keep=2, now=dt.datetime(2026, 12, day, 9)).path
            for day in (1, 2, 3, 4)]
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [made[2].name, made[3].name, "someone-else-20200101-000000-manual.dump"])


def test_the_password_reaches_pg_dump_but_no_command_line_or_message(pg_server, pg_db, tmp_path):
    from tests.pg_server import PASSWORD_USER

    secret = "s3cret-for-the-dump"
    pg_server.admin(f"DROP ROLE IF EXISTS {PASSWORD_USER}",
                    f"CREATE ROLE {PASSWORD_USER} LOGIN SUPERUSER PASSWORD '{secret}'")
    url = sa.engine.make_url(pg_db.url).set(username=PASSWORD_USER, password=secret)
    db = open_database(url.render_as_string(hide_password=False))
    try:
        made = backup_server(db, backup_dir=tmp_path / "backups", keep=5)
    finally:
        db.dispose()
    assert made.method == "pg_dump" and secret not in made.message
    uri, env = pg_tools.connection(url.render_as_string(hide_password=False))
    assert secret not in uri and env["PGPASSWORD"] == secret
    wrong = sa.engine.make_url(pg_db.url).set(username=PASSWORD_USER, password="not-it")
    with pytest.raises(Exception, match="pg_dump failed") as caught:
        pg_tools.dump(pg_tools.choose(pg_tools.candidates("pg_dump"), 15), wrong.render_as_string(hide_password=False),
                      tmp_path / "x.dump")
    assert "not-it" not in str(caught.value) and not (tmp_path / "x.dump").exists()


def test_the_daily_backup_of_a_server_database_is_made_once_a_day(pg_db, tmp_path):
    from relationapp.exchange.server_backup import daily_server_backup, list_server_backups

    folder = tmp_path / "backups"
    accounts.create_account(pg_db, name="Bakkerij Jansen")
    morning = dt.datetime(2026, 12, 7, 9, 0)
    first = daily_server_backup(pg_db, backup_dir=folder, keep=2, now=morning)
    assert first is not None and first.path.name.endswith("-auto.dump") and first.method == "pg_dump"
    assert daily_server_backup(pg_db, backup_dir=folder, keep=2, now=morning + dt.timedelta(hours=23)) is None
    later = [daily_server_backup(pg_db, backup_dir=folder, keep=2, now=morning + dt.timedelta(days=d))
             for d in (1, 2)]
    assert all(made is not None for made in later)
    assert list_server_backups(folder, stem=first.path.name.split("-2026")[0]) == [later[1].path, later[0].path]
