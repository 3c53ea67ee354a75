"""Generated rows and cards never crash an importer: either they import, or a ValidationError says why."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relationapp.errors import ValidationError
from relationapp.exchange.csv_import import commit_csv, preview_csv
from relationapp.exchange.vcard import commit_vcards, preview_vcards

FUZZ = settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                         HealthCheck.too_slow])


@pytest.fixture(scope="module")
def fuzz_db(tmp_path_factory):
    from relationapp.services.customers.accounts import create_account
    from relationapp.services.data_care.opening import open_database

    database = open_database(str(tmp_path_factory.mktemp("fuzz") / "fuzz.db"))
    create_account(database, name="Known BV")
    yield database
    database.dispose()


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    return tmp_path_factory.mktemp("files")


cell = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["", "1.234,56", "1,234.56", "31-12-2025", "12/31/2025", "--03-14", "=1+1", "Known BV",
                     "a@b.nl", "06-12345678", "ja", "0/0/00", "\"", ";", "\r\n", "€ 12,50", "(45.00)"]),
)
HEADERS = ["Naam", "E-mail", "Telefoon", "Plaats", "Datum", "Bedrag", "Relatie", "Verjaardag", "Factuurnummer",
           "Soort", "Notes", "Budget", "Klant sinds", "Voornaam", "Achternaam", "Duur"]


@FUZZ
@given(
    header=st.lists(st.sampled_from(HEADERS), min_size=1, max_size=8, unique=True),
    body=st.lists(st.lists(cell, max_size=9), max_size=8),
    delimiter=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]),
    kind=st.sampled_from(["accounts", "people", "orders", "interactions"]),
)
def test_generated_csv_files_never_crash_the_importer(fuzz_db, work, header, body, delimiter, encoding, kind):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(body)
    path = work / "gen.csv"
    path.write_bytes(buffer.getvalue().encode(encoding, errors="replace"))
    try:
        preview = preview_csv(fuzz_db, path=path, kind=kind)
        commit_csv(fuzz_db, preview=preview, skip_bad_rows=True)
    except ValidationError as exc:
        assert "gen.csv" in str(exc)


@FUZZ
@given(data=st.binary(max_size=300), kind=st.sampled_from(["accounts", "people", "orders"]))
def test_random_bytes_never_crash_the_importer(fuzz_db, work, data, kind):
    path = work / "junk.csv"
    path.write_bytes(data)
    try:
        commit_csv(fuzz_db, preview=preview_csv(fuzz_db, path=path, kind=kind), skip_bad_rows=True)
    except ValidationError:
        pass


prop_value = st.one_of(st.text(max_size=40), st.sampled_from(["--0314", "19710314", "1971-03-14", "--1301", "x@y.nl",
                                                              ";;Street 1;City;;1234;NL", "a\\nb", "=cmd"]))
prop_name = st.sampled_from(["FN", "N", "EMAIL", "TEL", "ORG", "TITLE", "BDAY", "ADR", "NOTE", "PHOTO", "X-FOO",
                             "EMAIL;TYPE=PREF", "TEL;TYPE=CELL", "item1.EMAIL", "BDAY;VALUE=text"])


@FUZZ
@given(cards=st.lists(st.lists(st.tuples(prop_name, prop_value), max_size=8), min_size=1, max_size=4),
       version=st.sampled_from(["3.0", "4.0", "2.1", ""]), broken=st.booleans())
def test_generated_vcards_never_crash_the_importer(fuzz_db, work, cards, version, broken):
    lines = []
    for props in cards:
        lines += ["BEGIN:VCARD", f"VERSION:{version}"]
        for name, value in props:
            lines += [f"{name}:{v}" for v in value.splitlines() or [""]] if broken else [f"{name}:{value}"]
        lines.append("END:VCARD")
    path = work / "gen.vcf"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8", errors="replace")
    try:
        commit_vcards(fuzz_db, preview=preview_vcards(path), skip_bad_cards=True)
    except ValidationError as exc:
        assert "gen.vcf" in str(exc)
