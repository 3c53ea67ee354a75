"""CSV import as a user meets it: Dutch Excel files, Google and Outlook exports, bad rows."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from decimal import Decimal

import pytest

from relationapp.errors import ValidationError
from relationapp.exchange.conventions import AmbiguousConvention
from relationapp.exchange.csv_import import commit_csv, import_csv, preview_csv
from relationapp.services.customers.accounts import create_account
from tests.helpers import count, rows


def write(path, text: str, encoding: str = "utf-8") -> str:
    path.write_bytes(text.encode(encoding))
    return str(path)


def test_dutch_excel_file_in_windows_1252_with_semicolons(db, tmp_path):
    f = write(tmp_path / "klanten.csv",
              "Naam;Plaats;Postcode;Telefoon;E-mail;Klant sinds;Budget\r\n"
              "Bakkerij Müller;Utrecht;3511 AB;030-1234567;info@muller.nl;31-12-2024;1.234,56\r\n"
              "Café 't Hoekje;Zwolle;8011 AA;;;01-02-2025;250\r\n", "cp1252")
    preview = preview_csv(db, path=f, kind="accounts")
    assert (preview.encoding, preview.delimiter) == ("cp1252", ";")
    assert preview.conventions.decimal_comma and preview.conventions.day_first
    assert preview.problems == []
    result = commit_csv(db, preview=preview)
    assert result.added == 2
    assert rows(db, "SELECT name, city, customer_since, annual_budget FROM account ORDER BY name") == [
        ("Bakkerij Müller", "Utrecht", "2024-12-31", 123456),
        ("Café 't Hoekje", "Zwolle", "2025-02-01", 25000),
    ]


def test_quoted_delimiters_and_line_breaks_are_kept(db, tmp_path):
    f = write(tmp_path / "a.csv", 'Name,City,Notes\r\n"Smit, Jansen & Co","Den Haag","line one\r\nline two; with, commas"\r\n',
              "utf-8-sig")
    preview = preview_csv(db, path=f, kind="accounts")
    assert preview.encoding == "utf-8-sig"
    commit_csv(db, preview=preview)
    assert rows(db, "SELECT name, notes FROM account") == [("Smit, Jansen & Co", "line one\r\nline two; with, commas")]


def test_tab_separated_utf16_from_excel_unicode_text(db, tmp_path):
    f = write(tmp_path / "a.txt", "Name\tCity\r\nÅsa Öberg AB\tMalmö\r\n", "utf-16")
    assert import_csv(db, path=f, kind="accounts").added == 1
    assert rows(db, "SELECT name, city FROM account") == [("Åsa Öberg AB", "Malmö")]


@pytest.mark.both_backends  # a [pg] smoke of the importer on a server
def test_a_bad_row_k_means_nothing_is_written(db, tmp_path):
    lines = ["Name,E-mail"] + [f"Firm {i},firm{i}@example.nl" for i in range(1, 50)]
    lines[30] = "Firm 30,not-an-address"
    f = write(tmp_path / "firms.csv", "\n".join(lines) + "\n")
    with pytest.raises(ValidationError) as err:
        import_csv(db, path=f, kind="accounts")
    assert "firms.csv row 31" in str(err.value) and "not-an-address" in str(err.value)
    assert count(db, "account") == 0
    # the user may choose to leave the bad row out
    result = import_csv(db, path=f, kind="accounts", skip_bad_rows=True)
    assert (result.added, result.skipped_bad) == (48, 1)


def test_preview_lists_every_problem_of_every_row(db, tmp_path):
    f = write(tmp_path / "p.csv", "Naam;E-mail;Telefoon;Verjaardag\nJan;x@;abc;31-02-1980\n;jan@example.nl;;\nPiet;;;14-03\n")
    preview = preview_csv(db, path=f, kind="people")
    by_row = {r.row: r.problems for r in preview.rows}
    assert len(by_row[2]) == 3  # e-mail, phone and the impossible birthday, all at once
    assert any("row 3" in p and "Name" in p for p in by_row[3])
    assert by_row[4] == ()  # a birthday without a year is fine
    assert count(db, "person") == 0


@pytest.mark.both_backends  # a [pg] smoke of the importer on a server
def test_importing_the_same_file_twice_creates_nothing_new(db, tmp_path):
    f = write(tmp_path / "people.csv",
              "First Name,Last Name,Company,E-mail Address,Business Phone,Business City\n"
              "Anna,de Vries,Smit BV,anna@smit.nl,,Utrecht\n"
              "Bram,Jansen,Smit BV,,06-12345678,Utrecht\n"
              "Cor,Bakker,,,,Arnhem\n")
    first = import_csv(db, path=f, kind="people", mapping="outlook")
    assert (first.added, first.accounts_added) == (3, 2)  # Smit BV, and Cor's private account (he has a city)
    again = import_csv(db, path=f, kind="people", mapping="outlook")
    assert (again.added, again.existing, again.accounts_added) == (0, 3, 0)
    assert count(db, "person") == 3 and count(db, "account") == 2


@pytest.mark.both_backends  # a [pg] smoke of the importer on a server
def test_google_contacts_export_with_birthday_without_year(db, tmp_path):
    f = write(tmp_path / "contacts.csv",
              "Name,Given Name,Family Name,Birthday,E-mail 1 - Type,E-mail 1 - Value,E-mail 2 - Value,"
              "Phone 1 - Value,Organization 1 - Name,Organization 1 - Title\n"
              "Zoë Çelik,Zoë,Çelik,--03-14,* Work,zoe@example.com,zoe@home.example,+31 6 1111 2222,Acme,Inkoper\n")
    assert import_csv(db, path=f, kind="people", mapping="google").added == 1
    assert rows(db, "SELECT p.name, p.email, p.phone, job_title, birthday_day, birthday_month, birthday_year, a.name "
                    "FROM person p JOIN account a ON a.id = p.account_id") == [
        ("Zoë Çelik", "zoe@example.com", "+31 6 1111 2222", "Inkoper", 14, 3, None, "Acme")]


def test_outlook_dates_are_month_first(db, tmp_path):
    f = write(tmp_path / "o.csv", "First Name,Last Name,Birthday\nAnn,Lee,3/4/1980\nBob,Ray,0/0/00\n")
    import_csv(db, path=f, kind="people", mapping="outlook")
    assert rows(db, "SELECT name, birthday_day, birthday_month FROM person ORDER BY name") == [
        ("Ann Lee", 4, 3), ("Bob Ray", None, None)]


@pytest.mark.both_backends  # a [pg] smoke of the importer on a server
def test_orders_from_an_accounting_export_in_dutch(db, tmp_path):
    create_account(db, name="Bakkerij Müller", stage="customer", today=dt.date(2025, 1, 1))
    f = write(tmp_path / "omzet.csv",
              "Factuurnummer;Factuurdatum;Relatie;Omschrijving;Bedrag\n"
              "F-001;15-01-2025;Bakkerij Müller;Onderhoud;1.250,00\n"
              "F-002;16-01-2025;bakkerij müller;Creditnota;-100,50\n"
              ";17-01-2025;Bakkerij Müller;Zonder nummer;75\n", "cp1252")
    result = import_csv(db, path=f, kind="orders")
    assert result.added == 3
    assert rows(db, "SELECT reference, CAST(ordered_on AS TEXT), amount FROM orders ORDER BY ordered_on") == [
        ("F-001", "2025-01-15", 125000), ("F-002", "2025-01-16", -10050), (None, "2025-01-17", 7500)]
    again = import_csv(db, path=f, kind="orders")
    assert (again.added, again.existing) == (0, 3)


def test_orders_naming_an_unknown_customer_are_refused_with_the_row(db, tmp_path):
    f = write(tmp_path / "omzet.csv", "Relatie;Datum;Bedrag\nNiemand BV;01-01-2025;10\n")
    with pytest.raises(ValidationError, match=r"omzet.csv row 2: there is no account called 'Niemand BV'"):
        import_csv(db, path=f, kind="orders")


def test_interactions_link_the_people_named(db, tmp_path):
    from relationapp.services.customers.people import create_person

    account = create_account(db, name="Smit BV")
    create_person(db, name="Anna de Vries", account_id=account.id, email="anna@smit.nl")
    f = write(tmp_path / "i.csv", "Account,Datum,Soort,Onderwerp,Contactpersoon,Duur\n"
                                  "Smit BV,2025-03-01,bezoek,Jaargesprek,anna@smit.nl,45\n")
    assert import_csv(db, path=f, kind="interactions").added == 1
    assert rows(db, "SELECT kind, subject, duration_minutes FROM interaction") == [("visit", "Jaargesprek", 45)]
    assert count(db, "interaction_person") == 1
    assert import_csv(db, path=f, kind="interactions").added == 0


def test_truly_ambiguous_numbers_are_asked_about(db, tmp_path):
    create_account(db, name="A")
    f = write(tmp_path / "t.csv", "Customer\tDate\tAmount\nA\t2025-01-01\t1.234\n")
    with pytest.raises(AmbiguousConvention):
        preview_csv(db, path=f, kind="orders")
    preview = preview_csv(db, path=f, kind="orders", decimal_comma=True)
    assert preview.inputs[0].amount == Decimal("1234.00")


def test_a_column_mapping_file(db, tmp_path):
    mapping = tmp_path / "map.json"
    mapping.write_text('{"Klantnaam XL": "name", "Woonplaats XL": "city"}', encoding="utf-8")
    f = write(tmp_path / "x.csv", "Klantnaam XL,Woonplaats XL\nFirma,Ede\n")
    assert import_csv(db, path=f, kind="accounts", mapping=str(mapping)).added == 1


@pytest.mark.parametrize("content, message", [
    (b"", "is empty"),
    (b"\r\n\r\n", "is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
    (b"Name\n\x81\x8d\x8f caf\xe9\n", "neither UTF-8 nor Windows-1252"),
    (b"Foo,Bar\n1,2\n", "no column for Name"),
])
def test_hostile_files_get_a_clear_message(db, tmp_path, content, message):
    f = tmp_path / "bad.csv"
    f.write_bytes(content)
    with pytest.raises(ValidationError, match=message) as err:
        import_csv(db, path=f, kind="accounts")
    assert "bad.csv" in str(err.value)
    assert count(db, "account") == 0


def test_ragged_rows_and_a_huge_field(db, tmp_path):
    f = write(tmp_path / "r.csv", "Name,City\nA,Ede,extra,cells\nB\n")
    preview = preview_csv(db, path=f, kind="accounts")
    assert [r.row for r in preview.bad_rows] == [2]
    assert "an extra value 'extra' after the last column" in preview.bad_rows[0].problems[0]
    big = tmp_path / "big.csv"
    with open(big, "w", encoding="utf-8") as fh:
        fh.write('Name,Notes\nA,"')
        fh.write("x" * (50 * 1024 * 1024))
        fh.write('"\n')
    with pytest.raises(ValidationError, match=r"big.csv row 2: a cell is longer than"):
        import_csv(db, path=big, kind="accounts")
    assert count(db, "account") == 0


def test_cli_import_one_line_and_exit_2_on_a_bad_row(db_path, tmp_path):
    f = write(tmp_path / "a.csv", "Name,E-mail\nGood,g@example.nl\nBad,bad@\n")
    from relationapp.services.common.settings import update_settings
    from relationapp.services.data_care.opening import open_database

    db = open_database(str(db_path))
    update_settings(db, language="en")  # the command line speaks the firm's language
    db.dispose()
    run = [sys.executable, "-m", "relationapp", "--db", str(db_path), "import", "csv", f, "--kind", "accounts"]
    out = subprocess.run(run, capture_output=True, text=True)
    assert out.returncode == 2
    lines = out.stderr.splitlines()  # one line per problem, then what happened
    assert len(lines) == 2 and "a.csv row 3" in lines[0] and "Nothing was imported" in lines[1]
    ok = subprocess.run(run + ["--skip-bad-rows"], capture_output=True, text=True)
    assert ok.returncode == 0 and "1 accounts added" in ok.stdout


def test_a_preview_cell_is_shown_on_one_line_and_cut(db, tmp_path):
    from relationapp.exchange.csv_import import SHOWN_CELL_CHARS, preview_csv

    f = tmp_path / "accounts.csv"
    f.write_text('Naam;Notities\nBakkerij;"eerste regel\ntweede ' + "x" * 400 + '"\n', encoding="utf-8")
    row = preview_csv(db, path=f, kind="accounts").rows[0]
    notes = row.values[1]
    assert "\n" not in notes and notes.startswith("eerste regel") and len(notes) <= SHOWN_CELL_CHARS + 1
    assert row.cells[1].count("x") == 400  # what was read stays whole for the import itself


@pytest.mark.parametrize("collector_on", [True, False])
def test_an_import_pauses_the_cycle_collector_and_leaves_it_as_it_was(db, tmp_path, monkeypatch, collector_on):
    # the window keeps automatic collection off (it collects on its own timer): an import must not turn it on
    import gc

    from relationapp.exchange import csv_import
    from relationapp.services.data_care import bulk_import

    seen = []
    real = bulk_import.add_accounts
    monkeypatch.setattr(csv_import, "add_accounts", lambda db, **kw: (seen.append(gc.isenabled()), real(db, **kw))[1])
    f = tmp_path / "accounts.csv"
    f.write_text("Naam;Plaats\nBakkerij Boon;Ede\n", encoding="utf-8")
    was = gc.isenabled()
    (gc.enable if collector_on else gc.disable)()
    try:
        assert csv_import.import_csv(db, path=f, kind="accounts").added == 1
        assert gc.isenabled() is collector_on and seen == [False]
    finally:
        (gc.enable if was else gc.disable)()
