"""relationapp migrate-to postgresql://...: the demo firm moved from its file onto a real server."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest
import sqlalchemy as sa

from relationapp.services.customers import accounts, search
from relationapp.services.data_care.opening import open_database
from relationapp.services.today import attention
from tests.commands.data_care.test_cli_faults import cli, one_line

pytestmark = pytest.mark.pg
TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def firm_file(demo_template, tmp_path):
    path = tmp_path / "firm.db"
    shutil.copy(demo_template, path)
    return path


@pytest.fixture
def empty_server_db(pg_server):
    name = pg_server.unique_name("target")
    url = pg_server.create_database(name)
    yield url
    pg_server.drop_database(name)


def test_the_demo_firm_moves_with_every_record_and_works_there(firm_file, empty_server_db):
    out = cli(firm_file, "migrate-to", empty_server_db, "--json")
    assert out.returncode == 0, out.stderr
    moved = json.loads(out.stdout)
    source, target = open_database(str(firm_file)), open_database(empty_server_db)
    try:
        with source.read() as s:
            for table, count in moved["tables"].items():
                assert s.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar() == count, table
        assert moved["tables"]["account"] > 100 and moved["total"] == sum(moved["tables"].values())
        assert attention.agenda(target, today=TODAY) == attention.agenda(source, today=TODAY)
        assert search.search(target, text="Yilmaz") == search.search(source, text="Yilmaz") != []
        new = accounts.create_account(target, name="Na de verhuizing")  # the ids go on past the copied ones
        assert new.id > max(accounts.list_account_ids(source, include_archived=True))
    finally:
        source.dispose()
        target.dispose()


def test_a_target_that_holds_records_is_refused_untouched(firm_file, empty_server_db):
    target = open_database(empty_server_db)
    accounts.create_account(target, name="Al op de server")
    out = cli(firm_file, "migrate-to", empty_server_db)
    assert "already holds records" in one_line(out)
    assert [a.name for a in accounts.list_accounts(target)] == ["Al op de server"]
    target.dispose()


def test_a_foreign_database_and_a_file_url_are_refused(firm_file, empty_server_db, tmp_path):
    import psycopg

    with psycopg.connect(empty_server_db.replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute("CREATE TABLE invoices (id int)")
    assert "not a relationapp database" in one_line(cli(firm_file, "migrate-to", empty_server_db))
    assert "postgresql://" in one_line(cli(firm_file, "migrate-to", str(tmp_path / "other.db")))
