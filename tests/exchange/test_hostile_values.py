"""The values fuzzing found (issue 14): each now ends in a clear one-line refusal or is stored as checked."""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
import sys

import pytest

from relationapp.errors import ValidationError
from relationapp.exchange.csv_import import import_csv, preview_csv
from relationapp.exchange.export import JSON_NAME, export_all, import_all
from relationapp.services.customers.accounts import create_account, get_account
from relationapp.services.customers.people import create_person
from relationapp.services.data_care.opening import open_database
from tests.helpers import count, rows


def write(path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


DIGIT_LIKE = ["²", "12345678901234567890", "999999", "١٢", "９", "Ⅻ", str(2**63)]


@pytest.mark.parametrize("kind,header,row", [
    ("orders", "Customer,Date,Amount", "{},2025-01-31,12.50"),
    ("interactions", "Account,Date,Kind", "{},2025-01-31,call"),
])
def test_digit_like_accounts_in_orders_and_interactions_are_a_problem_of_their_row(db, tmp_path, kind, header, row):
    create_account(db, name="Known BV")
    f = write(tmp_path / "rows.csv", "\n".join([header, *(row.format(a) for a in DIGIT_LIKE)]) + "\n")
    preview = preview_csv(db, path=f, kind=kind)
    assert [len(r.problems) for r in preview.rows] == [1] * len(DIGIT_LIKE)
    assert all("there is no account called" in p for p in preview.problems)
    with pytest.raises(ValidationError) as err:
        import_csv(db, path=f, kind=kind)
    assert "\n" not in str(err.value)
    assert count(db, "orders") + count(db, "interaction") == 0


def test_an_account_number_that_exists_names_the_account(db, tmp_path):
    account = create_account(db, name="Known BV")
    f = write(tmp_path / "o.csv", f"Customer,Date,Amount,Reference\n{account.id},2025-01-31,10,A1\n#{account.id},2025-02-01,5,A2\n")
    assert import_csv(db, path=f, kind="orders").added == 2
    assert rows(db, "SELECT account_id FROM orders") == [(account.id,), (account.id,)]


def test_cli_dry_run_of_digit_like_accounts_says_one_line_per_row_without_a_traceback(db_path, tmp_path):
    from relationapp.services.common.settings import update_settings

    db = open_database(str(db_path))
    update_settings(db, language="en")  # the command line speaks the firm's language
    db.dispose()
    f = write(tmp_path / "i.csv", "Account,Date\n²,2025-01-31\n12345678901234567890,2025-01-31\n\"two\nlines\",2025-01-31\n")
    for extra in (["--dry-run"], []):
        out = subprocess.run([sys.executable, "-m", "relationapp", "--db", str(db_path), "import", "csv", f,
                              "--kind", "interactions", *extra], capture_output=True, text=True, check=False)
        assert out.returncode == 2, out.stderr
        assert "Traceback" not in out.stderr
        problems = [line for line in out.stderr.splitlines() if "i.csv row" in line]
        assert problems and all(line.count("i.csv row") <= 5 for line in problems)
    assert "'two⏎lines'" in out.stderr or "two⏎lines" in out.stderr


@pytest.mark.parametrize("name", ["A\x00B", "A\x07B", "A\x1bB", "A\x7fB", "A\x85B", "A\nB", "A\tB", "A\ud800B"])
def test_control_and_broken_characters_are_refused_in_names(db, name):
    with pytest.raises(ValidationError, match="Name holds a"):
        create_account(db, name=name)
    with pytest.raises(ValidationError, match="E-mail holds a"):
        create_account(db, name="Firm", email=name.replace("A", "a@b", 1) + ".nl")
    assert count(db, "account") == 0


def test_notes_keep_tabs_and_line_breaks_but_refuse_other_control_characters(db):
    account = create_account(db, name="Firm", notes="one\ttwo\r\nthree")
    assert get_account(db, account_id=account.id).notes == "one\ttwo\r\nthree"
    with pytest.raises(ValidationError, match=r"Notes holds a control character \(U\+0000\)"):
        create_account(db, name="Firm 2", notes="a\x00b")


def test_bidi_controls_are_taken_out_of_names(db, tmp_path):
    account = create_account(db, name="\u202eevil\u202c BV")
    assert get_account(db, account_id=account.id).name == "evil BV"
    f = write(tmp_path / "a.csv", "Name,City\nJan \u2066Smit\u2069,\u202bUtrecht\n")
    import_csv(db, path=f, kind="accounts")
    assert rows(db, "SELECT name, city FROM account ORDER BY id")[1] == ("Jan Smit", "Utrecht")


def test_a_rejected_cell_is_quoted_on_one_line_and_cut_short(db, tmp_path):
    long_cell = "klant\n" * 200
    f = tmp_path / "a.csv"
    f.write_text('Name,Stage\nFirm,"x' + long_cell + '"\n', encoding="utf-8")
    (problem,) = preview_csv(db, path=f, kind="accounts").problems
    assert "\n" not in problem and "⏎" in problem and "…" in problem
    assert len(problem) < 200


def test_a_name_starting_with_an_apostrophe_and_a_formula_sign_survives_export_and_import(db, tmp_path):
    account = create_account(db, name="'=Smit & Zonen", city="'-Utrecht")
    create_person(db, name="'@Jan", account_id=account.id)
    export_all(db, out=tmp_path / "out")
    other = open_database(str(tmp_path / "other.db"))
    try:
        import_csv(other, path=tmp_path / "out" / "account.csv", kind="accounts", mapping="relationapp")
        import_csv(other, path=tmp_path / "out" / "person.csv", kind="people")
        assert rows(other, "SELECT name, city FROM account") == [("'=Smit & Zonen", "'-Utrecht")]
        assert rows(other, "SELECT name FROM person") == [("'@Jan",)]
    finally:
        other.dispose()


@pytest.fixture(scope="module")
def export_data(tmp_path_factory) -> dict:
    """everything.json of one account with one person, and an empty database file to copy."""
    folder = tmp_path_factory.mktemp("export")
    db = open_database(str(folder / "source.db"))
    try:
        account = create_account(db, name="Firm", annual_budget="100.00")
        create_person(db, name="Jan", account_id=account.id)
        export_all(db, out=folder / "out")
    finally:
        db.dispose()
    open_database(str(folder / "empty.db")).dispose()
    return {"data": json.loads((folder / "out" / JSON_NAME).read_text(encoding="utf-8")), "empty": folder / "empty.db"}


@pytest.fixture
def fresh(request, backend, export_data, tmp_path):
    """An empty database: a file, or on the test PostgreSQL in a test marked ``both_backends``."""
    if backend == "pg":
        yield request.getfixturevalue("pg_db")
        return
    shutil.copy(export_data["empty"], tmp_path / "fresh.db")
    database = open_database(str(tmp_path / "fresh.db"))
    yield database
    database.dispose()


@pytest.fixture
def export(export_data, tmp_path):
    """Writes the export with one value changed; returns its folder."""

    def edited(table: str, column: str, value):
        changed = copy.deepcopy(export_data["data"])
        changed["tables"][table][0][column] = value
        folder = tmp_path / "edited"
        folder.mkdir()
        (folder / JSON_NAME).write_text(json.dumps(changed), encoding="utf-8")
        return folder

    return edited


@pytest.mark.parametrize("table,column,value,said", [
    ("account", "id", 2**63, "id must be at most 9223372036854775807"),
    ("person", "birthday_year", 2**64, "birthday_year must be at most"),
    ("account", "name", ["a", "list"], "name must be text, not a list"),
    ("account", "city", {"a": 1}, "city must be text, not a group of fields"),
    ("account", "name", "broken \ud800", "name holds a broken character (U+D800"),
    ("account", "annual_budget", "NaN", "annual_budget: 'NaN' is not an amount"),
    # amounts as text are read by the one parser (relationapp.text.parsing): no exponents
    ("account", "annual_budget", "1e309", "annual_budget: '1e309' is not an amount"),
    ("account", "annual_budget", "99999999999999", "annual_budget: '99999999999999' is too large"),
    ("account", "annual_budget", 10**14, "annual_budget is too large"),
    ("account", "annual_budget", float("inf"), "annual_budget: 'inf' is not an amount"),
    ("account", "stage", "<b>zzz</b>", "stage must be one of: suspect, prospect"),
    ("person", "do_not_contact", "misschien", "do_not_contact: 'misschien' is neither yes nor no"),
    ("person", "account_id", 999, "account_id 999 is not in account"),
    ("account", "notes", "a\x00b", "notes holds a control character (U+0000)"),
])
@pytest.mark.both_backends
def test_import_all_refuses_a_value_that_does_not_fit_in_one_line(export, fresh, table, column, value, said):
    with pytest.raises(ValidationError) as err:
        import_all(fresh, source=export(table, column, value))
    message = str(err.value)
    assert said in message and f"{table} row 1" in message and "Nothing was imported" in message
    assert "\n" not in message
    assert count(fresh, "account") == 0


@pytest.mark.parametrize("value,stored", [("false", 0), ("FALSE", 0), ("nee", 0), ("0", 0), (0, 0), (False, 0),
                                          ("true", 1), ("ja", 1), ("yes", 1), (1, 1)])
@pytest.mark.both_backends
def test_import_all_reads_booleans_written_as_words(export, fresh, value, stored):
    import_all(fresh, source=export("person", "do_not_contact", value))
    assert rows(fresh, "SELECT do_not_contact FROM person") == [(stored,)]


def test_cli_import_all_of_a_damaged_export_says_one_line(export, tmp_path):
    from relationapp.services.common.settings import update_settings

    folder = export("account", "stage", "<b>zzz</b>")
    db = open_database(str(tmp_path / "new.db"))
    update_settings(db, language="en")  # the command line speaks the firm's language
    db.dispose()
    out = subprocess.run([sys.executable, "-m", "relationapp", "--db", str(tmp_path / "new.db"), "import", "all",
                          str(folder)], capture_output=True, text=True, check=False)
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and "account row 1: stage must be one of" in out.stderr


def test_a_calendar_title_from_a_name_stored_before_these_checks_has_no_bidi_or_line_break(db, tmp_path):
    import icalendar
    import sqlalchemy as sa

    from relationapp.exchange.ics import export_calendar

    account = create_account(db, name="Firm")
    person = create_person(db, name="Jan", account_id=account.id, birthday_day=17, birthday_month=6)
    with db.write() as session:  # as an older version could have stored it
        session.execute(sa.text("UPDATE person SET name = :n WHERE id = :i"), {"n": "\u202eJan\nVos", "i": person.id})
    export_calendar(db, path=tmp_path / "c.ics")
    summaries = [str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical((tmp_path / "c.ics").read_bytes()).walk("VEVENT")]
    assert any("Jan Vos" in s for s in summaries)
    assert not any("\u202e" in s or "\n" in s for s in summaries)


def test_a_street_over_two_lines_from_outlook_is_kept_on_one(db, tmp_path):
    f = tmp_path / "outlook.csv"
    f.write_text('First Name,Last Name,Company,Business Street,Business City\r\n'
                 'Jan,Vos,Vos BV,"Kerkstraat 1\r\nGebouw B",Utrecht\r\n', encoding="utf-8")
    assert import_csv(db, path=f, kind="people", mapping="outlook").added == 1
    assert rows(db, "SELECT street, city FROM account") == [("Kerkstraat 1, Gebouw B", "Utrecht")]
