"""The full export: spreadsheet-safe CSV files, and a lossless way back."""

from __future__ import annotations

import csv
import datetime as dt
import zipfile
from decimal import Decimal

import pytest

from relationapp.errors import ValidationError
from relationapp.exchange.csv_import import import_csv
from relationapp.exchange.csv_write import unneutralise, write_csv
from relationapp.exchange.export import export_all, import_all
from relationapp.services.customers.accounts import create_account
from relationapp.services.customers.people import create_person
from relationapp.services.data_care.everything import read_everything
from relationapp.services.data_care.opening import open_database
from tests.helpers import rows

pytestmark = pytest.mark.both_backends  # db and demo_db: a file, and a database on the test PostgreSQL
TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def fresh(request, backend, tmp_path):
    """Another empty database on the same backend as ``db``/``demo_db``."""
    if backend == "pg":
        yield request.getfixturevalue("pg_db")  # the empty firm's database: not demo_db's
        return
    database = open_database(str(tmp_path / "fresh.db"))
    yield database
    database.dispose()


def test_full_export_imports_back_into_an_empty_database_with_nothing_lost(demo_db, fresh, tmp_path):
    result = export_all(demo_db, out=tmp_path / "out")
    assert "everything.json" in result.files and "account.csv" in result.files
    import_all(fresh, source=tmp_path / "out")
    assert read_everything(fresh) == read_everything(demo_db)


@pytest.mark.pg
def test_a_firm_exported_from_its_file_imports_onto_a_server_with_the_same_counts_and_today(demo_template, pg_db,
                                                                                             tmp_path):
    import shutil

    from relationapp.services.customers import accounts
    from relationapp.services.today import attention

    shutil.copy(demo_template, tmp_path / "firm.db")
    firm = open_database(str(tmp_path / "firm.db"))
    try:
        export_all(firm, out=tmp_path / "out.zip")
        counts = import_all(pg_db, source=tmp_path / "out.zip")
        held = read_everything(firm).tables
        assert counts == {name: len(held[name]) for name in held} and counts["account"] > 100
        assert attention.agenda(pg_db, today=TODAY) == attention.agenda(firm, today=TODAY)
        assert read_everything(pg_db) == read_everything(firm)
        new = accounts.create_account(pg_db, name="Na de import")  # the ids go on past the imported ones
        assert new.id > max(accounts.list_account_ids(firm, include_archived=True))
    finally:
        firm.dispose()


def test_import_all_refuses_a_database_that_is_not_empty(demo_db, tmp_path):
    export_all(demo_db, out=tmp_path / "out.zip")
    assert zipfile.is_zipfile(tmp_path / "out.zip")
    with pytest.raises(ValidationError, match="not empty"):
        import_all(demo_db, source=tmp_path / "out.zip")


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x\")", "+31 6 1234", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_cells_a_spreadsheet_would_run_are_neutralised(tmp_path, text):
    write_csv(tmp_path / "t.csv", ["text", "amount"], [[text, Decimal("-12.50")]], bom=True)
    raw = (tmp_path / "t.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with open(tmp_path / "t.csv", encoding="utf-8-sig", newline="") as fh:
        (header, (cell, amount)) = list(csv.reader(fh))
    assert cell == "'" + text
    assert amount == "-12.50"  # a number we wrote is a number, not a formula
    assert unneutralise(cell) == text


def test_the_full_export_neutralises_user_text(db, tmp_path):
    create_account(db, name="=cmd|' /C calc'!A0", notes="@SUM(1+1)")
    export_all(db, out=tmp_path / "out")
    with open(tmp_path / "out" / "account.csv", encoding="utf-8", newline="") as fh:
        cells = [c for row in csv.reader(fh) for c in row]
    assert "'=cmd|' /C calc'!A0" in cells and "'@SUM(1+1)" in cells
    assert not any(c.startswith(("=", "+", "@")) for c in cells)


def test_own_csv_export_re_imports_to_the_same_accounts_and_people(db, tmp_path):
    account = create_account(db, name="=Smit & Zonen", city="Utrecht", phone="+31 30 123 4567", stage="customer",
                             annual_budget="1234.50", today=dt.date(2024, 5, 1))
    create_person(db, name="Zoë de Vries", account_id=account.id, email="zoe@smit.nl", phone="+31 6 1234 5678",
                  birthday_day=14, birthday_month=3, job_title="-inkoper-")
    export_all(db, out=tmp_path / "out")
    other = open_database(str(tmp_path / "other.db"))
    try:
        import_csv(other, path=tmp_path / "out" / "account.csv", kind="accounts", mapping="relationapp")
        import_csv(other, path=tmp_path / "out" / "person.csv", kind="people")
        query_a = "SELECT name, city, phone, stage, annual_budget, customer_since FROM account"
        query_p = ("SELECT p.name, p.email, p.phone, birthday_day, birthday_month, birthday_year, job_title, a.name "
                   "FROM person p JOIN account a ON a.id = p.account_id")
        assert rows(other, query_a) == rows(db, query_a)
        assert rows(other, query_p) == rows(db, query_p)
    finally:
        other.dispose()


def test_export_files_are_private(db, tmp_path):
    create_account(db, name="A")
    export_all(db, out=tmp_path / "out")
    assert all((p.stat().st_mode & 0o077) == 0 for p in (tmp_path / "out").iterdir())


def test_export_into_a_folder_that_holds_files_is_refused(db, tmp_path):
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "mine.txt").write_text("x")
    with pytest.raises(ValidationError, match="not empty"):
        export_all(db, out=tmp_path / "busy")


def test_the_export_says_which_formats_its_csv_files_use_in_the_users_language(db, tmp_path):
    from relationapp.text import catalogue

    create_account(db, name="Bakkerij Vos")
    export_all(db, out=tmp_path / "en")
    assert "dates as YYYY-MM-DD" in (tmp_path / "en" / "FORMATS.txt").read_text(encoding="utf-8")
    catalogue.set_language("nl")
    result = export_all(db, out=tmp_path / "nl.zip")
    with zipfile.ZipFile(result.path) as zf:
        assert "datums als JJJJ-MM-DD" in zf.read("FORMATS.txt").decode("utf-8")
