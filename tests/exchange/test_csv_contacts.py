"""Address book CSVs as people export them: every phone with its type, both e-mail addresses, the web page.

The sample files under ``samples/`` have the exact header shapes of a Google Contacts export
(" ::: " multi-values, "* " for the preferred one), Outlook's export in Windows-1252 with ";" and
with ",", and Dutch Excel files with ";" and decimal commas.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from relationapp.errors import ValidationError
from relationapp.exchange.csv_import import commit_csv, import_csv, preview_csv
from tests.helpers import count, rows

SAMPLES = Path(__file__).parent / "samples"


def by_name(preview) -> dict:
    return {p.name: p for p in preview.inputs}


def test_google_multi_values_are_split_and_every_value_kept_with_its_type(db):
    preview = preview_csv(db, path=SAMPLES / "google_contacts.csv", kind="people", mapping="google")
    zoe = by_name(preview)["Zoë Çelik"]
    # "* Work ::: Home": both addresses; the preferred (first) is the main one, in lower case as a contact point
    assert zoe.email == "Zoe@Acme.example"
    assert zoe.contact_points == (
        ("email", "work", "zoe@acme.example"), ("email", "home", "zoe.celik@thuis.example"),
        ("phone", "mobile", "+31 6 1111 2222"), ("phone", "work", "+31 30 123 4567"),
        ("phone", "fax", "+31 30 123 4599"), ("url", "work", "https://acme.example/zoe"),
    )
    assert zoe.phone == "+31 6 1111 2222"  # the mobile is the main number
    assert (zoe.account, zoe.job_title, zoe.birthday_day, zoe.birthday_month) == ("Acme Nederland BV", "Inkoper", 14, 3)
    piet = by_name(preview)["Piet de Boer"]
    # one cell "030 765 4321 ::: 06 2222 3333" typed "Work ::: Mobile": two numbers, the mobile the main one
    assert piet.phone == "06 2222 3333"
    assert [p for p in piet.contact_points if p[0] == "phone"] == [
        ("phone", "work", "030 765 4321"), ("phone", "mobile", "06 2222 3333")]


def test_the_preview_shows_every_value_of_a_multi_value_cell(db):
    preview = preview_csv(db, path=SAMPLES / "google_contacts.csv", kind="people", mapping="google")
    row = next(r for r in preview.rows if r.row == 2)
    phone = row.values[preview.fields.index("phone")]
    assert "+31 6 1111 2222" in phone and "+31 30 123 4567" in phone


def test_a_google_row_with_an_empty_extra_trailing_cell_is_accepted(db):
    preview = preview_csv(db, path=SAMPLES / "google_contacts.csv", kind="people", mapping="google")
    anouk = next(r for r in preview.rows if r.row == 5)
    assert anouk.problems == ()
    assert by_name(preview)["Anouk Smit"].phone == "0318 12 34 56"


def test_a_row_with_a_real_extra_value_is_reported_with_the_value(db):
    preview = preview_csv(db, path=SAMPLES / "google_extra_value.csv", kind="people", mapping="google")
    assert [r.problems for r in preview.bad_rows] == [
        ("google_extra_value.csv row 4: an extra value 'zie notities' after the last column.",)]
    assert len(preview.inputs) == 2


def test_a_bad_value_in_a_multi_value_cell_names_the_row_and_the_column(db):
    preview = preview_csv(db, path=SAMPLES / "google_contacts.csv", kind="people", mapping="google")
    assert preview.problems == [
        "google_contacts.csv row 4: E-mail 1 - Value: 'kees@@bakker' is not a valid e-mail address."]


def test_nothing_is_written_without_skip_and_the_others_import_with_it(db):
    path = SAMPLES / "google_contacts.csv"
    with pytest.raises(ValidationError, match=r"google_contacts.csv row 4: E-mail 1 - Value: 'kees@@bakker'"):
        import_csv(db, path=path, kind="people", mapping="google")
    assert count(db, "person") == 0 and count(db, "account") == 0
    result = import_csv(db, path=path, kind="people", mapping="google", skip_bad_rows=True)
    assert (result.added, result.skipped_bad) == (3, 1)
    assert rows(db, "SELECT name, email, phone FROM person ORDER BY name") == [
        ("Anouk Smit", "anouk@smit.example", "0318 12 34 56"),
        ("Piet de Boer", "piet@deboer.example", "06 2222 3333"),
        ("Zoë Çelik", "Zoe@Acme.example", "+31 6 1111 2222"),
    ]


@pytest.mark.parametrize("name, delimiter", [("outlook_semicolon_1252.csv", ";"), ("outlook_comma.csv", ",")])
def test_outlook_keeps_the_mobile_beside_the_business_number_and_the_web_page(db, name, delimiter):
    preview = preview_csv(db, path=SAMPLES / name, kind="people", mapping="outlook")
    assert (preview.encoding, preview.delimiter) == ("cp1252", delimiter)
    jan = by_name(preview)["Jan van der Berg"]
    assert jan.phone == "06-12345678"  # the mobile, though a business number comes first
    assert jan.email == "jan@vdberg-bouw.example"
    assert jan.contact_points == (
        ("phone", "fax", "0318-654322"), ("phone", "work", "0318-654321"), ("phone", "home", "0318-111222"),
        ("phone", "mobile", "06-12345678"), ("email", None, "jan@vdberg-bouw.example"),
        ("email", None, "jan.vdberg@prive.example"), ("url", None, "www.vdberg-bouw.example"),
    )
    assert (jan.birthday_day, jan.birthday_month, jan.birthday_year) == (3, 4, 1970)  # Outlook: month first
    assert jan.personal_notes == "Houdt van zeilen — vraagt naar de boot"
    marieke = by_name(preview)["Marieke Jansen"]
    assert (marieke.phone, marieke.account) == ("038-4223344", "Café 't Hoekje")  # only a business number


def test_outlook_bad_mobile_is_reported_by_its_column(db):
    preview = preview_csv(db, path=SAMPLES / "outlook_semicolon_1252.csv", kind="people", mapping="outlook")
    assert preview.problems == [
        "outlook_semicolon_1252.csv row 4: Mobile Phone: 'geen nummer' is not a valid phone number."]


def test_dutch_excel_people_columns_are_recognised_without_a_preset(db):
    preview = preview_csv(db, path=SAMPLES / "excel_nl_people.csv", kind="people")
    assert preview.mapping["Telefoon werk"] == "phone" and preview.mapping["Mobiel"] == "phone"
    assert preview.mapping["Webpagina"] == "website"
    sanne = by_name(preview)["Sanne Visser"]
    assert sanne.phone == "06-98765432"
    assert sanne.contact_points == (
        ("phone", "work", "030-2345678"), ("phone", "mobile", "06-98765432"),
        ("email", None, "sanne@visser-advies.example"), ("email", "home", "sanne@thuis.example"),
        ("url", None, "https://visser-advies.example"),
    )
    assert by_name(preview)["Ruud Mulder"].phone == "0318-556677"  # a work number alone is the main one
    assert preview.problems == ["excel_nl_people.csv row 4: E-mailadres: 'els@kok' is not a valid e-mail address."]


def test_dutch_excel_accounts_with_decimal_commas_and_trailing_empty_cells(db):
    preview = preview_csv(db, path=SAMPLES / "excel_nl_accounts.csv", kind="accounts")
    assert (preview.encoding, preview.delimiter, preview.conventions.decimal_comma) == ("cp1252", ";", True)
    assert preview.problems == []  # Excel's empty cells after the last column are fine
    commit_csv(db, preview=preview)
    assert rows(db, "SELECT name, website, annual_budget FROM account ORDER BY name") == [
        ("Bakkerij Müller", "www.muller.example", 123456), ("Café 't Hoekje", None, 25000),
        ("Garage Öztürk", None, 1250000)]
    assert by_name(preview)["Bakkerij Müller"].annual_budget == Decimal("1234.56")


def test_every_contact_point_is_stored_with_its_type(db):
    import_csv(db, path=SAMPLES / "outlook_semicolon_1252.csv", kind="people", mapping="outlook", skip_bad_rows=True)
    stored = rows(db, "SELECT c.kind, c.label, c.value FROM contact_point c JOIN person p ON p.id = c.person_id "
                      "WHERE p.name = 'Jan van der Berg' ORDER BY c.position")
    assert stored == [
        ("phone", "fax", "0318-654322"), ("phone", "work", "0318-654321"), ("phone", "home", "0318-111222"),
        ("phone", "mobile", "06-12345678"), ("email", None, "jan@vdberg-bouw.example"),
        ("email", None, "jan.vdberg@prive.example"), ("url", None, "www.vdberg-bouw.example"),
    ]
