"""relationapp --db postgresql://... backup / restore (pg_dump's archive, put back into a new database), export all / import all."""

from __future__ import annotations

import pytest

from relationapp.services.customers import accounts
from relationapp.services.data_care.opening import open_database
from tests.commands.data_care.test_team_database import cli

pytestmark = pytest.mark.pg


def test_backup_and_restore_of_a_server_database_on_the_command_line(pg_demo_db, pg_server, tmp_path):
    url = pg_demo_db.url.replace("postgresql+psycopg://", "postgresql://")  # as a user types it
    out = cli(url, "backup", str(tmp_path / "firm.dump"))
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == f"Backup made with pg_dump: {tmp_path / 'firm.dump'}"
    name = pg_server.unique_name("restored")
    new = pg_server.create_database(name)
    try:
        out = cli(new, "restore", str(tmp_path / "firm.dump"))
        assert out.returncode == 0, out.stderr
        assert "with pg_restore" in out.stdout
        again = cli(new, "restore", str(tmp_path / "firm.dump"))
        assert again.returncode == 2 and "empty database only" in again.stderr and "Traceback" not in again.stderr
        restored = open_database(new)
        try:
            assert accounts.list_account_ids(restored, include_archived=True) == \
                accounts.list_account_ids(pg_demo_db, include_archived=True)
        finally:
            restored.dispose()
    finally:
        pg_server.drop_database(name)


def test_export_all_and_import_all_on_server_databases(pg_demo_db, pg_db, tmp_path):
    out = cli(pg_demo_db.url, "export", "all", str(tmp_path / "firm.zip"))
    assert out.returncode == 0, out.stderr
    out = cli(pg_db.url, "import", "all", str(tmp_path / "firm.zip"))
    assert out.returncode == 0, out.stderr
    assert accounts.list_account_ids(pg_db, include_archived=True) == \
        accounts.list_account_ids(pg_demo_db, include_archived=True)
    again = cli(pg_db.url, "import", "all", str(tmp_path / "firm.zip"))
    assert again.returncode == 2 and "not empty" in again.stderr
