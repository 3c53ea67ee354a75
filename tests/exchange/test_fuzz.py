"""Generated files, rows, cards and full exports never crash an importer.

Every case ends in one of two ways:
- a ``ValidationError`` (a ``ServiceError``) whose message is one line, with nothing written; or
- the rows the importer checked are stored, and read back equal to that checked input, with no
  control character (tab and line breaks only in notes), no broken character (a lone surrogate)
  and no bidi control in any stored text.
Any other exception fails the test.

Each fuzz test has a twin ``..._slow`` with ``SLOW_FACTOR`` times as many cases, marked slow (so it
runs when asked for: ``pytest -m slow tests/exchange/test_fuzz.py``). ``FUZZ_COUNTS`` counts the
cases each test ran; the last test prints them.
"""

from __future__ import annotations

import collections
import copy
import csv
import datetime as dt
import io
import json
import re
from dataclasses import fields
from decimal import Decimal
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relationapp.data import models
from relationapp.errors import ServiceError, ValidationError
from relationapp.exchange.csv_import import commit_csv, preview_csv, preview_table
from relationapp.exchange.csv_write import FORMULA_STARTS, neutralise, unneutralise
from relationapp.exchange.export import JSON_NAME, export_all, import_all
from relationapp.exchange.vcard import commit_vcards, preview_vcards
from relationapp.files.csv_read import CsvRecord, CsvTable
from relationapp.services.customers.matching import name_key
from relationapp.services.data_care import everything
from relationapp.services.data_care.bulk_import import (
    AccountInput,
    InteractionInput,
    PersonInput,
)
from relationapp.text.parsing import BIDI_CONTROLS, parse_amount

SLOW_FACTOR = 10
_BASE = {"deadline": None, "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                                     HealthCheck.data_too_large, HealthCheck.filter_too_much]}
FUZZ_COUNTS: collections.Counter = collections.Counter()  # cases run, per importer
OUTCOMES: collections.Counter = collections.Counter()  # how the import-all cases ended


def fuzz(examples: int, **strategies):
    """``@given(**strategies)`` with ``examples`` cases, plus a slow twin ``<name>_slow`` in this module."""

    def decorate(body):
        normal = settings(max_examples=examples, **_BASE)(given(**strategies)(body))
        slow = settings(max_examples=examples * SLOW_FACTOR, **_BASE)(given(**strategies)(body))
        globals()[body.__name__ + "_slow"] = pytest.mark.slow(slow)
        return normal

    return decorate


# --- what every case must end in ------------------------------------------------------------

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff" + BIDI_CONTROLS + "]")
_CONTROL_IN_NOTES = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff" + BIDI_CONTROLS + "]")


def assert_refusal(exc: Exception) -> str:
    """A clean refusal: a ServiceError whose message is one printable line."""
    assert isinstance(exc, ServiceError)
    message = str(exc)
    assert message.strip(), "an empty refusal"
    assert len(message.splitlines()) == 1, f"a refusal over several lines: {message!r}"
    assert not _CONTROL.search(message), f"a control character in the refusal: {message!r}"
    message.encode("utf-8")  # printable on any terminal that takes UTF-8
    return message


def _multi_line(table: str, column: str) -> bool:
    """Text without a length in the schema (notes) may hold tabs and line breaks; the rest is one line."""
    found = {t.name: t for t in everything.tables()}[table].c.get(column)
    return found is not None and isinstance(found.type, sa.types.TypeDecorator) and found.type.length is None


def assert_clean_text(table: str, column: str, value) -> None:
    if isinstance(value, str):
        pattern = _CONTROL_IN_NOTES if _multi_line(table, column) else _CONTROL
        assert not pattern.search(value), f"{table}.{column} stored {value!r}"


# --- the CSV and vCard importers ------------------------------------------------------------

_TABLES = {"accounts": models.Account, "people": models.Person, "orders": models.Order,
           "interactions": models.Interaction}


def _max_ids(db) -> dict[str, int]:
    with db.read() as session:
        return {kind: session.execute(sa.select(sa.func.max(model.id))).scalar() or 0 for kind, model in _TABLES.items()}


def _new_rows(db, kind: str, before: dict[str, int]) -> list[dict]:
    model = _TABLES[kind]
    with db.read() as session:
        rows = [dict(r) for r in session.execute(
            sa.select(model.__table__).where(model.id > before[kind]).order_by(model.id)).mappings()]
        if kind == "people":
            names = dict(session.execute(sa.select(models.Account.id, models.Account.name)).all())
            for r in rows:
                r["account"] = names.get(r["account_id"])
        if kind == "accounts":  # the file names a source and a colleague; the table holds their ids
            sources = dict(session.execute(sa.select(models.LeadSource.id, models.LeadSource.name)).all())
            staff = dict(session.execute(sa.select(models.Staff.id, models.Staff.name)).all())
            for r in rows:
                r["source"], r["brought_in_by"] = sources.get(r["source_id"]), staff.get(r["brought_in_by_id"])
        if kind == "interactions":  # a touch names its lead source; the table holds its id
            sources = dict(session.execute(sa.select(models.LeadSource.id, models.LeadSource.name)).all())
            for r in rows:
                r["source"] = sources.get(r["source_id"])
            links = collections.defaultdict(set)
            for i, p in session.execute(sa.select(models.InteractionPerson.interaction_id,
                                                  models.InteractionPerson.person_id)):
                links[i].add(p)
            for r in rows:
                r["person_ids"] = frozenset(links[r["id"]])
    for r in rows:
        for column, value in r.items():
            assert_clean_text(model.__tablename__, column, value)
    return rows


def _account_key(name: str | None):
    if not name:
        return None
    return name_key(name) or name.strip().casefold()


_ACCOUNT_FIELDS = [f.name for f in fields(AccountInput)]
_NAMED = ("source", "brought_in_by")  # stored once per name, whatever its case and spacing


def _named(name: str | None) -> str | None:
    return " ".join((name or "").split()).casefold() or None


# not columns of person: its account and address, and every phone/e-mail kept in contact_point
_PERSON_FIELDS = [f.name for f in fields(PersonInput)
                  if f.name not in ("account", "street", "postcode", "city", "country", "contact_points")]
_ORDER_FIELDS = ["account_id", "ordered_on", "amount", "cost_of_goods", "reference", "description"]
_INTERACTION_FIELDS = [f.name for f in fields(InteractionInput) if f.name != "person_ids"]


def _as_checked(kind: str, item) -> tuple:
    """An input the importer checked, as the row it should become."""
    if kind == "accounts":
        values = {f: getattr(item, f) for f in _ACCOUNT_FIELDS}
        return tuple(_named(v) if f in _NAMED else v for f, v in values.items())
    if kind == "people":
        account = item.account or (item.name if (item.street or item.city or item.postcode) else None)
        return (*(getattr(item, f) for f in _PERSON_FIELDS), _account_key(account))
    if kind == "orders":
        return tuple(getattr(item, f) for f in _ORDER_FIELDS)
    return (*(_named(getattr(item, f)) if f in _NAMED else getattr(item, f) for f in _INTERACTION_FIELDS),
            frozenset(item.person_ids))


def _as_stored(kind: str, row: dict) -> tuple:
    if kind == "accounts":
        return tuple(_named(row[f]) if f in _NAMED else row[f] for f in _ACCOUNT_FIELDS)
    if kind == "people":
        return (*(row[f] for f in _PERSON_FIELDS), _account_key(row["account"]))
    if kind == "orders":
        return tuple(row[f] for f in _ORDER_FIELDS)
    return (*(_named(row[f]) if f in _NAMED else row[f] for f in _INTERACTION_FIELDS), row["person_ids"])


def commit_and_compare(db, kind: str, inputs, commit) -> None:
    """``commit()`` refuses in one line with nothing written, or stores what was checked."""
    before = _max_ids(db)
    try:
        result = commit()
    except ValidationError as exc:
        assert_refusal(exc)
        assert _max_ids(db) == before, "a refused import wrote rows"
        return
    stored = [_as_stored(kind, r) for r in _new_rows(db, kind, before)]
    assert len(stored) == result.added
    checked = {_as_checked(kind, i) for i in inputs}
    for row in stored:
        assert row in checked, f"stored {row} is none of the checked rows"


def _bare(cell: str) -> str:
    """What a text cell should become: the formula apostrophe and bidi controls gone, stripped."""
    return "".join(c for c in unneutralise(cell).strip() if c not in BIDI_CONTROLS).strip()


@pytest.fixture(scope="module")
def fuzz_db(tmp_path_factory):
    from relationapp.services.customers.accounts import create_account
    from relationapp.services.customers.people import create_person
    from relationapp.services.data_care.opening import open_database

    database = open_database(str(tmp_path_factory.mktemp("fuzz") / "fuzz.db"))
    known = create_account(database, name="Known BV")
    create_account(database, name="Tweede BV", city="Zwolle")
    create_person(database, name="Piet Known", account_id=known.id, email="piet@known.nl")
    yield database
    database.dispose()


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    return tmp_path_factory.mktemp("files")


# any character a str can hold: controls, surrogates, bidi controls, digits of every kind
any_char = st.characters(exclude_categories=())
odd_text = st.one_of(
    st.text(any_char, max_size=24),
    st.text(st.characters(categories=("Nd", "Nl", "No")), min_size=1, max_size=6),  # ², ١٢, Ⅻ, ９
    st.text(st.sampled_from("\x00\x01\x07\t\n\r\x0b\x0c\x1b\x7f\x85\u2028\u2029" + BIDI_CONTROLS + "ab1 "), max_size=8),
)
numbers = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from([str(2**63), str(2**63 - 1), str(-(2**63) - 1), "9" * 20, "1e309", "-1e309", "NaN", "inf",
                     "-Infinity", "0x10", "1_000", "1.005", "12.500", "-0", "+5", "²", "١٢", "１２", "Ⅻ"]),
    st.floats().map(repr),
)
cell = st.one_of(
    odd_text,
    numbers,
    st.sampled_from(["", "1.234,56", "1,234.56", "31-12-2025", "12/31/2025", "2025-02-30", "--03-14", "=1+1", "'=1+1",
                     "''=x", "Known BV", "Tweede BV", "known bv", "#1", "1", "2", "999999", "Piet Known", "piet@known.nl",
                     "a@b.nl", "a\x00@b.nl", "06-12345678", "ja", "nee", "false", "x", "waar", "0/0/00", '"', ";",
                     "\r\n", "€ 12,50", "(45.00)", "customer", "klant", "<b>zzz</b>", "visit", "bezoek",
                     "\u202eevil\u202c BV", "line one\nline two", "x" * 400]),
)
KIND_FIELDS = {
    "accounts": list(AccountInput.__dataclass_fields__),
    "people": ["name", "first_name", "last_name", "account", "job_title", "email", "phone", "birthday", "birthday_day",
               "birthday_month", "birthday_year", "city", "dmu_role", "preferred_channel", "do_not_contact",
               "consent_date", "family_notes", "personal_notes"],
    "orders": ["account", "ordered_on", "amount", "cost_of_goods", "reference", "description"],
    "interactions": ["account", "occurred_on", "kind", "duration_minutes", "subject", "notes", "person", "gift_item", "source",
                     "gift_cost"],
}
# half the time a good value where one is needed (not one_of, which would flatten into cell's branches), so that orders and touches are stored too, not only refused
_good_date = st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)).flatmap(
    lambda d: st.sampled_from([d.isoformat(), f"{d.day}-{d.month}-{d.year}", d.strftime("%d-%m-%Y")]))
LIKELY = {column: st.booleans().flatmap(lambda g, good=good: good if g else cell) for column, good in {
    "account": st.sampled_from(["Known BV", "known bv", "Tweede BV", " TWEEDE  bv "]),
    "occurred_on": _good_date, "ordered_on": _good_date,
    "amount": st.sampled_from(["12,50", "1.234,56", "€ 12,50", "0", "99"]),
}.items()}
optional_cell = st.integers(0, 3).flatmap(lambda i: st.just("") if i == 0 else cell)  # a blank is always fine
REQUIRED = {"accounts": ["name"], "people": ["name"], "orders": ["account", "ordered_on", "amount"],
            "interactions": ["account", "occurred_on"]}


@fuzz(700, kind=st.sampled_from(list(KIND_FIELDS)), data=st.data(), skip=st.booleans())
def test_csv_rows_of_any_text_never_crash_the_importer(fuzz_db, kind, data, skip):
    """Accounts, people, orders and interactions, cell by cell: any character, any digit, huge numbers."""
    FUZZ_COUNTS["csv rows"] += 1
    optional = data.draw(st.lists(st.sampled_from(KIND_FIELDS[kind]), unique=True, max_size=6))
    header = list(dict.fromkeys(REQUIRED[kind] + optional))
    if data.draw(st.integers(0, 9)) == 0:
        header = header[1:] or ["notes"]  # now and then a required column is missing
    extra = st.integers(0, 9).flatmap(lambda i: cell.map(lambda c: [c]) if i == 0 else st.just([]))
    row = st.tuples(*(LIKELY.get(c, optional_cell) for c in header)).flatmap(
        lambda cells: extra.map(lambda more: [*cells, *more]))  # now and then one cell too many
    body = data.draw(st.lists(row, min_size=1, max_size=5))
    table = CsvTable(Path("gen.csv"), "utf-8", ",", tuple(header),
                     tuple(CsvRecord(n, tuple(cells)) for n, cells in enumerate(body, start=2)))
    try:
        preview = preview_table(fuzz_db, table=table, kind=kind, mapping="relationapp")
    except ValidationError as exc:
        assert "gen.csv" in assert_refusal(exc)
        return
    for problem in preview.problems:
        assert_refusal(ValidationError(problem))
        assert re.match(r"gen\.csv row \d+: ", problem), problem
    if kind in ("accounts", "people"):  # the checked text is the cell's text, nothing else changed
        good = [r for r in preview.rows if not r.problems]
        for row, item in zip([body[r.row - 2] for r in good], preview.inputs):
            cells = dict(zip(header, row))
            if "name" in cells and cells["name"].strip():
                assert item.name == _bare(cells["name"])
    commit_and_compare(fuzz_db, kind, preview.inputs,
                       lambda: commit_csv(fuzz_db, preview=preview, skip_bad_rows=skip))


HEADERS = ["Naam", "E-mail", "Telefoon", "Plaats", "Datum", "Bedrag", "Relatie", "Verjaardag", "Factuurnummer",
           "Soort", "Notes", "Budget", "Klant sinds", "Voornaam", "Achternaam", "Duur", "Persoon", "Niet benaderen"]


@fuzz(400,
      header=st.lists(st.sampled_from(HEADERS), min_size=1, max_size=8, unique=True),
      body=st.lists(st.lists(cell, max_size=9), max_size=8),
      delimiter=st.sampled_from([",", ";", "\t"]),
      encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]),
      kind=st.sampled_from(["accounts", "people", "orders", "interactions"]),
      skip=st.booleans())
def test_generated_csv_files_never_crash_the_importer(fuzz_db, work, header, body, delimiter, encoding, kind, skip):
    FUZZ_COUNTS["csv files"] += 1
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(body)
    path = work / "gen.csv"
    path.write_bytes(buffer.getvalue().encode(encoding, errors="replace"))
    try:
        preview = preview_csv(fuzz_db, path=path, kind=kind)
    except ValidationError as exc:
        assert "gen.csv" in assert_refusal(exc)
        return
    for problem in preview.problems:
        assert_refusal(ValidationError(problem))
    commit_and_compare(fuzz_db, kind, preview.inputs, lambda: commit_csv(fuzz_db, preview=preview, skip_bad_rows=skip))


@fuzz(300, data=st.binary(max_size=300), kind=st.sampled_from(["accounts", "people", "orders", "interactions"]))
def test_random_bytes_never_crash_the_importer(fuzz_db, work, data, kind):
    FUZZ_COUNTS["csv bytes"] += 1
    path = work / "junk.csv"
    path.write_bytes(data)
    try:
        preview = preview_csv(fuzz_db, path=path, kind=kind)
    except ValidationError as exc:
        assert_refusal(exc)
        return
    commit_and_compare(fuzz_db, kind, preview.inputs, lambda: commit_csv(fuzz_db, preview=preview, skip_bad_rows=True))


prop_value = st.one_of(
    st.text(max_size=40),
    odd_text,
    st.sampled_from(["--0314", "19710314", "1971-03-14", "--1301", "2025-02-30", "x@y.nl", ";;Street 1;City;;1234;NL",
                     ";;;;;;;;;;;;", "a\\nb", "=cmd", "'=cmd", "Known BV", "\u202eevil", "=E2=82=AC", "AAAA====",
                     "x" * 400, "jan;de;vries", "\\", ";", ":", ","]),
)
prop_name = st.sampled_from(["FN", "N", "EMAIL", "TEL", "ORG", "TITLE", "BDAY", "ADR", "NOTE", "PHOTO", "X-FOO",
                             "EMAIL;TYPE=PREF", "TEL;TYPE=CELL", "item1.EMAIL", "BDAY;VALUE=text",
                             "NOTE;ENCODING=QUOTED-PRINTABLE", "PHOTO;ENCODING=b", "FN;CHARSET=UTF-8", "N;X=\"a:b\"",
                             "BEGIN", "END", "VERSION", "", " ", ";", "fn", "ORG;TYPE=\"", "BEGIN:VCARD\r\nFN"])
card_end = st.sampled_from(["END:VCARD", "END:VCARD", "END:VCARD", "", "BEGIN:VCARD", "END:VCALENDAR", "END:VCARD\x00"])


@fuzz(500,
      cards=st.lists(st.tuples(st.lists(st.tuples(prop_name, prop_value), max_size=8), card_end), min_size=1, max_size=4),
      version=st.sampled_from(["3.0", "4.0", "2.1", "", "9", "3.0\x00"]), broken=st.booleans(),
      folded=st.booleans(), encoding=st.sampled_from(["utf-8", "surrogatepass", "cp1252"]))
def test_generated_vcards_never_crash_the_importer(fuzz_db, work, cards, version, broken, folded, encoding):
    """Malformed cards: missing END, a card inside a card, odd properties, folded lines, control
    characters, broken UTF-8 (a surrogate written as bytes)."""
    FUZZ_COUNTS["vcards"] += 1
    lines = []
    for props, end in cards:
        lines += ["BEGIN:VCARD", f"VERSION:{version}"]
        for name, value in props:
            if broken:
                lines += [f"{name}:{v}" for v in value.splitlines() or [""]]
            elif folded and len(value) > 5:
                lines += [f"{name}:{value[:5]}", " " + value[5:]]
            else:
                lines.append(f"{name}:{value}")
        if end:
            lines.append(end)
    text = "\r\n".join(lines) + "\r\n"
    path = work / "gen.vcf"
    if encoding == "surrogatepass":
        path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
    else:
        path.write_bytes(text.encode(encoding, errors="replace"))
    try:
        preview = preview_vcards(path)
    except ValidationError as exc:
        assert "gen.vcf" in assert_refusal(exc)
        return
    for line in preview.problems + preview.notes:
        assert_refusal(ValidationError(line))
        assert line.startswith("gen.vcf card "), line
    commit_and_compare(fuzz_db, "people", preview.inputs,
                       lambda: commit_vcards(fuzz_db, preview=preview, skip_bad_cards=True))


@fuzz(500, text=st.text(any_char, max_size=12))
def test_the_formula_apostrophe_comes_off_exactly(text):
    """What export writes is safe in a spreadsheet, and our import gives back exactly what was written."""
    FUZZ_COUNTS["neutralise"] += 1
    written = neutralise(text)
    assert not written.startswith(FORMULA_STARTS)
    assert unneutralise(written) == text


# --- import all ---------------------------------------------------------------------------------

KEEP_ACCOUNTS = 4


def _fill_empty_tables(db, account_ids: list[int]) -> None:
    """The demo leaves some tables empty; give each a row or two so every column type is fuzzed."""
    from relationapp.services.common.settings import update_settings

    first, second = account_ids[:2]
    with db.write() as session:
        person = session.execute(sa.select(models.Person.id).where(models.Person.account_id == first)).scalar()
        for model in (models.ContentSent, models.NurtureEnrolment, models.NurtureStep, models.NurtureTrack,
                      models.ContentItem, models.Qualification, models.Campaign):  # the demo's leads: rows of our own
            session.execute(sa.delete(model))
        session.execute(sa.insert(models.ContentItem.__table__), [
            {"id": 1, "title": "Nieuwsbrief", "kind": "article", "url": "https://example.nl/n", "notes": "a\nb\tc",
             "topics": "warmte", "language": "nl", "file_path": "/tmp/n.pdf"}])
        source = session.execute(sa.select(models.LeadSource.id).limit(1)).scalar()
        session.execute(sa.insert(models.Campaign.__table__), [
            {"id": 1, "source_id": source, "year": 2026, "name": "Beurs 2026", "cost": Decimal("4500.00")}])
        session.execute(sa.insert(models.NurtureTrack.__table__), [{"id": 1, "name": "Koud", "description": "Rustig"}])
        session.execute(sa.insert(models.NurtureStep.__table__),
                        [{"id": 1, "track_id": 1, "position": 1, "content_item_id": 1, "wait_days": 30}])
        session.execute(sa.insert(models.NurtureEnrolment.__table__), [
            {"id": 1, "track_id": 1, "account_id": first, "person_id": person, "started_on": dt.date(2026, 1, 5),
             "next_position": 1, "next_due_on": dt.date(2026, 2, 4), "stopped_on": None, "reason": "Later"}])
        session.execute(sa.insert(models.ContentSent.__table__), [
            {"person_id": person, "content_item_id": 1, "sent_on": dt.date(2026, 1, 6), "interaction_id": None}])
        session.execute(sa.insert(models.ContactPoint.__table__), [
            {"id": 1, "person_id": person, "kind": "phone", "label": "mobile", "value": "06-12345678", "position": 0},
            {"id": 2, "person_id": person, "kind": "social", "label": "LinkedIn", "value": "https://linkedin.com/in/x",
             "position": 1}])
        touch = session.execute(sa.select(models.Interaction.id).limit(1)).scalar()
        session.execute(sa.update(models.Interaction).where(models.Interaction.id == touch).values(direction="in"))
        session.execute(sa.insert(models.MailMessage.__table__), [
            {"message_id": "<a1@example.nl>", "interaction_id": touch, "seen_on": dt.date(2026, 1, 7), "source": "INBOX"}])
        session.execute(sa.insert(models.MailSender.__table__), [
            {"address": "nieuw@example.nl", "name": "Nieuw", "status": "waiting", "messages": 2,
             "first_on": dt.date(2026, 1, 2), "last_on": dt.date(2026, 1, 8), "last_subject": "Offerte?"}])
        session.execute(sa.insert(models.MailWaiting.__table__), [
            {"message_id": "<w1@example.nl>", "address": "nieuw@example.nl", "occurred_on": dt.date(2026, 1, 8),
             "direction": "in", "staff_id": None, "subject": "Offerte?", "notes": "Hallo,\nwat kost het?",
             "source": "mail.mbox"}])
        session.execute(sa.insert(models.MailFolder.__table__), [
            {"folder": "eva@example.nl@imap.example.nl:993/relationapp", "uidvalidity": 1796276596, "last_uid": 42,
             "synced_at": dt.datetime(2026, 1, 8, 9, 30)}])
        session.execute(sa.insert(models.SyncAccount.__table__), [
            {"id": 1, "url": "https://dav.example.nl/", "user": "eva", "last_sync_at": dt.datetime(2026, 1, 8, 9, 30),
             "last_result": "Contacts: nothing changed", "last_ok": True}])
        session.execute(sa.insert(models.SyncCollection.__table__), [
            {"id": 1, "account_id": 1, "kind": "contacts", "url": "https://dav.example.nl/eva/contacts/",
             "sync_token": "http://radicale.org/ns/sync/abc"}])
        session.execute(sa.insert(models.SyncItem.__table__), [
            {"id": 1, "collection_id": 1, "href": "/eva/contacts/a.vcf", "uid": "a", "etag": '"e1"',
             "local_id": None, "base": '{"name": "Anna"}', "pending": None}])
        session.execute(sa.insert(models.SyncConflict.__table__), [
            {"id": 1, "item_id": 1, "field": "email", "app_value": "a@app.nl", "server_value": "a@phone.nl",
             "found_at": dt.datetime(2026, 1, 8, 9, 30)}])
        session.execute(sa.insert(models.Tag.__table__), [{"id": 1, "name": "vip"}, {"id": 2, "name": "beurs"}])
        session.execute(sa.insert(models.AccountTag.__table__),
                        [{"account_id": first, "tag_id": 1}, {"account_id": second, "tag_id": 2}])
        session.execute(sa.insert(models.Qualification.__table__), [
            {"account_id": first, "budget": True, "authority": False, "need": True, "timeline": False,
             "notes": "BANT", "updated_on": dt.date(2026, 3, 1), "budget_amount": Decimal("5000.00"),
             "authority_person_id": person, "need_text": "Een oven", "timeline_on": dt.date(2026, 6, 1)}])
        session.execute(sa.insert(models.TierSnapshot.__table__), [
            {"quarter_end": dt.date(2026, 9, 30), "account_id": first, "tier": "top", "revenue_12m": Decimal("1234.50")}])
        session.execute(sa.insert(models.TierCache.__table__), [
            {"account_id": first, "tier": "big", "revenue_12m": Decimal("99.99"), "rank": 1, "dropped_from": "top",
             "revenue_before": Decimal("1234.50")}])
        session.execute(sa.insert(models.TierCacheState.__table__), [
            {"id": 1, "as_of": dt.date(2026, 11, 22), "quarter_end": dt.date(2026, 9, 30), "valid": False}])
        session.execute(sa.update(models.Account).where(models.Account.id == first).values(latitude=52.09, longitude=5.12))
        session.execute(sa.update(models.PlannedVisit).values(start_time=dt.time(9, 30)))
    update_settings(db, cadence_top=25, tier_top_pct=Decimal("2.5"), language="en", lead_definition="Een vraag\nen ja.")


@pytest.fixture(scope="module")
def small_export(demo_template, tmp_path_factory) -> dict:
    """everything.json of a small demo firm (a few accounts, a row in every table)."""
    import shutil

    from relationapp.services.data_care.opening import open_database

    folder = tmp_path_factory.mktemp("small")
    shutil.copy(demo_template, folder / "small.db")
    db = open_database(str(folder / "small.db"))
    try:
        with db.write() as session:
            keep = set(session.execute(sa.select(models.Referral.referred_account_id, models.Referral.referrer_account_id)
                                       .limit(1)).one())
            keep |= set(session.execute(sa.select(models.PlannedVisit.account_id).limit(1)).scalars())
            keep |= set(session.execute(sa.select(models.NpsResponse.account_id).limit(1)).scalars())
            keep |= set(session.execute(sa.select(models.Account.id).order_by(models.Account.id)
                                        .limit(KEEP_ACCOUNTS)).scalars())
            keep.discard(None)
            session.execute(sa.delete(models.Account).where(models.Account.id.not_in(keep)))
            session.execute(sa.delete(models.Person).where(models.Person.account_id.is_(None)))
        _fill_empty_tables(db, sorted(keep))
        export_all(db, out=folder / "out")
        payload = json.loads((folder / "out" / JSON_NAME).read_text(encoding="utf-8"))
        payload["_expected"] = everything.read_everything(db).tables
    finally:
        db.dispose()
    assert all(payload["tables"][t.name] for t in everything.tables()), "a table without rows is not fuzzed"
    return payload


@pytest.fixture(scope="module")
def restore_db(tmp_path_factory):
    from relationapp.services.data_care.opening import open_database

    database = open_database(str(tmp_path_factory.mktemp("restore") / "restore.db"))
    yield database
    database.dispose()


def _counts(db) -> dict[str, int]:
    with db.read() as session:
        return {t.name: session.execute(sa.select(sa.func.count()).select_from(t)).scalar() for t in everything.tables()}


def _wipe(db) -> None:
    with db.write() as session:
        for table in reversed(everything.tables()):
            session.execute(sa.delete(table))


def _key_of(table: sa.Table, row: dict) -> tuple:
    return tuple(row[c.name] for c in table.primary_key.columns)


def _by_key(rows: dict[str, list[dict]]) -> dict[str, dict]:
    return {t.name: {_key_of(t, r): r for r in rows[t.name]} for t in everything.tables()}


def test_the_small_export_imports_back_unchanged(small_export, restore_db, tmp_path):
    payload = {k: v for k, v in small_export.items() if k != "_expected"}
    (tmp_path / JSON_NAME).write_text(json.dumps(payload), encoding="utf-8")
    try:
        import_all(restore_db, source=tmp_path)
        got = everything.read_everything(restore_db).tables
    finally:
        _wipe(restore_db)
    expected = copy.deepcopy(small_export["_expected"])
    assert got == expected


BAD_WORDS = ["NaN", "nan", "inf", "-Infinity", "1e309", "-1e309", "1e-309", "12.345", "12.500", "0.1", "12.50", "-0",
             "false", "true", "False", "TRUE", "0", "1", "yes", "nee", "ja", "no", "n", "maybe", "<b>zzz</b>", "customer",
             "prospect", "Customer", "2026-02-30", "2026-01-01", "20260101", "2026-01-01T10:00:00",
             "2026-01-01T10:00:00+02:00", "0001-01-01T00:30:00+01:00", "10:30", "10:30+01:00", "25:00", "", " ",
             "\u202eevil\u202c", "a\x00b", "a\tb", "a\nb", "\ud800", "x" * 400, "{}", "[]", "\"x\"", "12", "-5"]
bad_value = st.one_of(
    st.none(), st.booleans(), st.integers(),
    st.integers(min_value=2**62, max_value=2**70), st.integers(min_value=-(2**70), max_value=-(2**63) + 5),
    st.floats(), st.text(any_char, max_size=16), st.sampled_from(BAD_WORDS),
    st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)
printable = st.characters(exclude_categories=("Cc", "Cs"), exclude_characters="\u2028\u2029")


def typed_value(table: sa.Table, column: sa.Column):
    """Values of the column's own type, about half of them fit: so that many edited exports import."""
    kind = column.type
    if isinstance(kind, models.Money):
        return st.one_of(st.decimals(allow_nan=True, allow_infinity=True).map(str), st.integers(-10**15, 10**15),
                         st.floats(), st.sampled_from(["12.50", "1e3", "-0.00", "12.345", "9999999999999.99", " 7 ",
                                          # typed forms the one parser reads (English in the tests) or refuses
                                          "1,5", "1,500", "5-", "€ 12,50", "(45.00)", "1.234,56", "1,234.56", "12,3,4"]))
    if isinstance(kind, sa.Boolean):
        return st.sampled_from([True, False, 0, 1, 2, 1.0, "false", "true", "ja", "nee", "yes", "no", "FALSE", " 0 ",
                                "maybe", "j", "x", ""])
    if isinstance(kind, sa.Integer):
        return st.one_of(st.integers(-(2**64), 2**64), st.integers(-1000, 1000),
                         st.sampled_from([2**63 - 1, -(2**63), 2**63, -(2**63) - 1, True, 3.0, "12"]))
    if isinstance(kind, sa.Float):
        return st.one_of(st.floats(), st.integers(-200, 200), st.sampled_from([1e308, "52.1", True]))
    if isinstance(kind, sa.DateTime):
        return st.one_of(st.datetimes(timezones=st.sampled_from([None, dt.timezone.utc, dt.timezone(dt.timedelta(hours=-5))]))
                         .map(dt.datetime.isoformat), st.sampled_from(["2026-13-01T00:00:00", "yesterday", "20260101T1030"]))
    if isinstance(kind, sa.Date):
        return st.one_of(st.dates().map(dt.date.isoformat), st.dates().map(lambda d: d.strftime("%Y%m%d")),
                         st.sampled_from(["2026-02-30", "2026-W01-1", "٢٠٢٦-٠١-٠١", "31-12-2025", 20260101]))
    if isinstance(kind, sa.Time):
        return st.one_of(st.times(timezones=st.sampled_from([None, dt.timezone.utc])).map(dt.time.isoformat),
                         st.sampled_from(["25:00", "9:30", "0930"]))
    words = everything.VOCABULARIES.get((table.name, column.name))
    if words:
        return st.sampled_from([*words, "<b>zzz</b>", "Customer", "", " prospect"])
    return st.one_of(st.text(printable, max_size=30), st.text(st.sampled_from("ab \t\n\r" + BIDI_CONTROLS), max_size=8),
                     st.text(any_char, max_size=8))


DERIVED = {("account", "last_touch_on"), ("tier_cache_state", "valid"), ("setting", "value")}


def _expected_cell(table: sa.Table, column: sa.Column, value):
    """What a value set by hand must be stored as if the import takes it (an oracle of its own,
    written from the schema; None: any value the checks allow)."""
    kind = column.type
    assert not isinstance(value, (list, dict)), "a list or a record was stored as a value"
    if value is None:
        assert column.nullable, f"{table.name}.{column.name} took null"
        return None
    if isinstance(kind, models.Money):
        assert not isinstance(value, bool)
        if isinstance(value, str):  # text is read by the one parser of typed amounts, in the current language
            amount = parse_amount(value)
            assert amount is not None, f"{value!r} taken as an amount"
            if re.fullmatch(r"\s*[+-]?[0-9]+(\.[0-9]+)?\s*", value):  # a plain number means what it says
                assert amount == Decimal(value.strip()), f"{value!r} read as {amount}"
        else:
            amount = Decimal(repr(value) if isinstance(value, float) else value)
        assert amount.is_finite() and abs(amount) < Decimal("1e13") and amount == amount.quantize(Decimal("0.01"))
        return amount
    if isinstance(kind, sa.Boolean):
        if isinstance(value, str):
            word = value.strip().lower()
            assert word in ("true", "1", "yes", "ja", "false", "0", "no", "nee"), f"{value!r} taken as a boolean"
            return word in ("true", "1", "yes", "ja")
        assert value in (True, False, 0, 1)
        return bool(value)
    if isinstance(kind, sa.Integer):
        assert isinstance(value, int) and not isinstance(value, bool)
        assert -(2**63) <= value < 2**63
        return value
    if isinstance(kind, sa.Float):
        assert isinstance(value, (int, float)) and not isinstance(value, bool)
        return float(value)
    if isinstance(kind, sa.DateTime):
        moment = dt.datetime.fromisoformat(value.strip())
        return moment.astimezone(dt.timezone.utc).replace(tzinfo=None) if moment.tzinfo else moment
    if isinstance(kind, sa.Date):
        return dt.date.fromisoformat(value.strip())
    if isinstance(kind, sa.Time):
        return dt.time.fromisoformat(value.strip())
    assert isinstance(value, str), f"{table.name}.{column.name} took {value!r}"
    words = everything.VOCABULARIES.get((table.name, column.name))
    if words:
        assert value in words
    return "".join(c for c in value if c not in BIDI_CONTROLS)


def _mutate(payload: dict, data) -> list[tuple]:
    """Change the export the way a hand, a tool or damage might; returns the cells set by hand."""
    tables = payload["tables"]
    cells = []
    for _ in range(data.draw(st.integers(1, 3))):
        what = data.draw(st.sampled_from(["typed"] * 24 + ["cell"] * 5 +
                                         ["drop", "extra", "row", "table", "header", "twice", "dangling"]))
        name = data.draw(st.sampled_from(sorted(t for t in tables if isinstance(tables[t], list) and tables[t])))
        rows = tables[name]
        index = data.draw(st.integers(0, len(rows) - 1))
        row = rows[index]
        if not isinstance(row, dict):
            continue
        column = data.draw(st.sampled_from(sorted(row)))
        if what in ("cell", "typed"):
            table = {t.name: t for t in everything.tables()}.get(name)
            if what == "typed" and table is not None and column in table.c:
                row[column] = data.draw(typed_value(table, table.c[column]))
            else:
                row[column] = data.draw(bad_value)
            cells.append((name, index, column, row[column]))
        elif what == "drop":
            del row[column]
        elif what == "extra":
            row[data.draw(st.sampled_from(["colour", "Name", "ID", ""]))] = 1
        elif what == "row":
            rows[index] = data.draw(st.one_of(st.none(), st.integers(), st.text(max_size=3), st.lists(st.none(), max_size=2)))
        elif what == "table":
            tables[name] = data.draw(st.sampled_from([None, {}, "rows", 7, {"a": 1}]))
        elif what == "header":
            key = data.draw(st.sampled_from(["format", "schema", "version", "tables", "extra_table"]))
            if key == "extra_table":
                tables["colour"] = []
            else:
                payload[key] = data.draw(st.one_of(bad_value, st.sampled_from([2, "1", True, "relationapp-export"])))
        elif what == "twice":
            rows.append(copy.deepcopy(row))
        elif what == "dangling":
            links = [c for c in row if c.endswith("_id") and c != "id"]
            if links:
                row[data.draw(st.sampled_from(links))] = data.draw(st.sampled_from([0, -1, 999999, 2**63 - 1]))
    return cells


@fuzz(600, data=st.data())
def test_a_damaged_or_edited_full_export_never_crashes_import_all(small_export, restore_db, tmp_path, data):
    """Wrong types, lists and records as values, huge integers, NaN and inf, lone surrogates,
    unknown stages, "false" as text, missing and extra columns, rows twice, references to nothing."""
    FUZZ_COUNTS["import all"] += 1
    payload = copy.deepcopy({k: v for k, v in small_export.items() if k != "_expected"})
    tables = payload["tables"]
    cells = _mutate(payload, data)
    folder = tmp_path / "export"
    folder.mkdir(exist_ok=True)
    (folder / JSON_NAME).write_text(json.dumps(payload), encoding="utf-8")  # NaN, inf and surrogates survive JSON
    try:
        import_all(restore_db, source=folder)
    except ValidationError as exc:
        assert_refusal(exc)
        assert not any(_counts(restore_db).values()), "a refused export left rows behind"
        OUTCOMES["refused"] += 1
        return
    try:
        stored = everything.read_everything(restore_db).tables
        checked = everything.check_everything(payload)
        assert _by_key(stored) == _by_key(checked)  # what was checked is what is stored
        by_table = {t.name: t for t in everything.tables()}
        for name, index, column, value in cells:
            if (name, column) in DERIVED or tables[name][index].get(column, object()) is not value:
                continue  # a later change replaced it, or the database keeps it itself
            table = by_table[name]
            expected = _expected_cell(table, table.c[column], value)
            got = checked[name][index][column]
            if expected is not None:
                assert got == expected, f"{name}.{column}: {value!r} stored as {got!r}"
        for table in everything.tables():
            for row in stored[table.name]:
                for column, value in row.items():
                    assert_clean_text(table.name, column, value)
        OUTCOMES["imported"] += 1
    finally:
        _wipe(restore_db)


@fuzz(200, cut=st.integers(0, 2000), junk=st.binary(max_size=40), depth=st.integers(0, 3000))
def test_a_damaged_everything_json_is_refused_in_one_line(small_export, restore_db, tmp_path, cut, junk, depth):
    """Cut short, bytes that are not UTF-8, lists nested thousands deep, numbers of thousands of digits."""
    FUZZ_COUNTS["import all damaged"] += 1
    text = json.dumps({k: v for k, v in small_export.items() if k != "_expected"})
    folder = tmp_path / "damaged"
    folder.mkdir(exist_ok=True)
    damaged = text[:cut].encode() + junk + (b"[" * depth) + (b"9" * (depth * 2) if depth % 2 else b"")
    (folder / JSON_NAME).write_bytes(damaged)
    with pytest.raises(ValidationError) as err:
        import_all(restore_db, source=folder)
    assert_refusal(err.value)
    assert not any(_counts(restore_db).values())


def test_report_fuzz_counts(capsys):
    """Say how many cases the fuzz tests of this run tried (pytest -s shows it)."""
    with capsys.disabled():
        if FUZZ_COUNTS:
            print(f"\nfuzz cases: {dict(sorted(FUZZ_COUNTS.items()))}, total {sum(FUZZ_COUNTS.values()):,}; "
                  f"import all: {dict(OUTCOMES)}")
