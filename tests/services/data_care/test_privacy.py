"""Privacy: an access request, and forgetting someone so that their name is gone from the files."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from relationapp.reports.data_care.privacy_export import export_person
from relationapp.services.customers.accounts import create_account
from relationapp.services.customers.people import create_person
from relationapp.services.data_care.privacy import (
    REMOVED,
    erase_person,
    find_mentions,
    person_data,
)
from relationapp.services.touches.interactions import log_interaction
from tests.helpers import count, rows

NAME = "Xandria Quillfeather"


@pytest.fixture
def someone(db):
    account = create_account(db, name="Smit BV", notes=f"Ask {NAME} about the roof")
    person = create_person(db, name=NAME, account_id=account.id, email="xq@example.nl", phone="06-98765432",
                           personal_notes="Likes sailing", birthday_day=1, birthday_month=2)
    other = create_person(db, name="Bob Bakker", account_id=account.id)
    log_interaction(db, account_id=account.id, kind="visit", occurred_on=dt.date(2025, 1, 1), person_ids=[person.id],
                    subject=f"Coffee with {NAME}")
    log_interaction(db, account_id=account.id, kind="meeting", occurred_on=dt.date(2025, 2, 1),
                    person_ids=[person.id, other.id], notes=f"{NAME.upper()} and Bob agreed")
    return person


def test_everything_we_hold_as_json_and_pdf(db, someone, tmp_path):
    written = export_person(db, person_id=someone.id, out=tmp_path / "x.json", pdf=tmp_path / "x.pdf")
    data = json.loads((tmp_path / "x.json").read_text(encoding="utf-8"))
    assert data["name"] == NAME
    assert data["sections"]["person"][0]["personal_notes"] == "Likes sailing"
    assert len(data["sections"]["interactions"]) == 2
    assert written[1].read_bytes().startswith(b"%PDF")
    from pypdf import PdfReader

    text = PdfReader(str(tmp_path / "x.pdf")).pages[0].extract_text()
    assert NAME in text and "Coffee with" in text


def _file_bytes(db) -> bytes:
    """The database file, its WAL and journal, read only once the Database is closed."""
    db.dispose()
    path = db.path
    out = path.read_bytes()
    for suffix in ("-wal", "-journal"):
        extra = path.with_name(path.name + suffix)
        if extra.exists():
            out += extra.read_bytes()
    return out


def _server_bytes(request, db) -> bytes:
    """Every file of the database's tables, indexes and TOAST on the test server, after a checkpoint has
    written the shared buffers out (the server's write-ahead log is left out: it keeps old rows until it
    recycles its segments)."""
    import psycopg
    import sqlalchemy as sa

    server = request.getfixturevalue("pg_server")
    if server.root is None:
        pytest.skip("the files of a server these tests did not start")
    db.dispose()
    with psycopg.connect(server.url(sa.engine.make_url(db.url).database), autocommit=True) as conn:
        conn.execute("CHECKPOINT")
        paths = [r[0] for r in conn.execute(
            "SELECT pg_relation_filepath(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname IN ('public', 'pg_toast') AND c.relkind IN ('r', 'i', 't', 'm') "
            "AND pg_relation_filepath(c.oid) IS NOT NULL")]
    out = b""
    for path in paths:
        base = server.root / "data" / path
        for segment in [base, *sorted(base.parent.glob(base.name + ".[0-9]*"))]:
            if segment.exists():
                out += segment.read_bytes()
    return out


def _stored_bytes(request, db) -> bytes:
    """What the database keeps on disk: SQLite's file and its WAL, or the server's table files."""
    return _file_bytes(db) if db.is_sqlite else _server_bytes(request, db)


@pytest.mark.sqlite_only(reason='the bytes of the SQLite file and its WAL')
def test_erase_leaves_no_trace_of_the_name_in_the_file_wal_or_search_index(db, someone):
    assert NAME.encode() in _file_bytes(db)
    result = erase_person(db, person_id=someone.id)
    assert result.interactions_kept == 2
    data = _file_bytes(db)
    for trace in (NAME, NAME.upper(), "Quillfeather", "quillfeather", "xq@example.nl", "06-98765432"):
        assert trace.encode() not in data, trace
    # account history stays, without the name
    assert rows(db, "SELECT kind, subject FROM interaction ORDER BY occurred_on") == [
        ("visit", "Coffee with [removed]"), ("meeting", None)]
    assert rows(db, "SELECT notes FROM interaction WHERE kind = 'meeting'") == [("[removed] and Bob agreed",)]
    assert count(db, "person") == 1
    with db.read() as session:
        import sqlalchemy as sa

        names = {r[0] for r in session.execute(sa.text("SELECT name FROM sqlite_master"))}
        if "search_index" in names:
            assert session.execute(sa.text("SELECT count(*) FROM search_index WHERE search_index MATCH 'quillfeather'")).scalar_one() == 0
        assert session.execute(sa.text("PRAGMA integrity_check")).scalar_one() == "ok"


def test_erase_can_drop_the_interactions_with_them_alone(db, someone):
    result = erase_person(db, person_id=someone.id, keep_interactions=False)
    assert (result.interactions_kept, result.interactions_deleted) == (1, 1)
    assert rows(db, "SELECT kind FROM interaction") == [("meeting",)]


def test_someone_who_shares_the_name_keeps_it(db, someone):
    twin = create_person(db, name=NAME, email="other@example.nl")
    erase_person(db, person_id=someone.id)
    assert rows(db, f"SELECT name, email FROM person WHERE id = {twin.id}") == [(NAME, "other@example.nl")]


def test_person_data_of_someone_unknown(db):
    from relationapp.errors import NotFound

    with pytest.raises(NotFound):
        person_data(db, person_id=999)


# --- every mention: first name alone, last name alone, e-mail elsewhere ---------------

FENNA_MAIL = "f.bakker@example.nl"


@pytest.fixture
def fenna(db):
    from relationapp.services.relationships.nps import record_score
    from relationapp.services.relationships.referrals import record_referral
    from relationapp.services.touches.follow_ups import create_follow_up

    today = dt.date(2026, 3, 1)
    home = create_account(db, name="Smit BV", notes="Fenna decides on the budget")
    person = create_person(db, name="Fenna Bakker", account_id=home.id, email=FENNA_MAIL, phone="06-11223344")
    colleague = create_person(db, name="Piet Smit", account_id=home.id,
                              personal_notes="Sits next to Fenna; bakker's daughter", family_notes="Married")
    log_interaction(db, account_id=home.id, kind="visit", occurred_on=dt.date(2026, 1, 5), person_ids=[colleague.id],
                    subject="Roof", notes="Fenna was out; BAKKER calls back. De offerte ligt klaar.")
    log_interaction(db, account_id=home.id, kind="call", occurred_on=dt.date(2026, 1, 6), person_ids=[person.id],
                    notes="Talked the roof through with fenna")
    record_score(db, person_id=person.id, score=2, comment="Bakker here: too slow", responded_on=today, today=today)
    record_score(db, person_id=colleague.id, score=8, comment="Agrees with Fenna", responded_on=today, today=today)
    create_follow_up(db, title="Send Fenna the brochure", due_on=today, account_id=home.id)
    other = create_account(db, name="Visser & Co", notes="Bakery around the corner; de koffie is goed")
    log_interaction(db, account_id=other.id, kind="email", occurred_on=dt.date(2026, 2, 1),
                    notes=f"Put {FENNA_MAIL} in cc of the offer")
    introduced = create_account(db, name="Jansen Tuinen")
    record_referral(db, referred_account_id=introduced.id, referrer_person_id=person.id,
                    note="Bakker knows them from school", referred_on=today, today=today)
    return person


def _places(mentions) -> set[tuple[str, str]]:
    return {(m.table, m.field) for m in mentions}


def test_find_mentions_lists_every_record_that_mentions_them(db, fenna):
    mentions = find_mentions(db, person_id=fenna.id)
    assert _places(mentions) >= {
        ("account", "notes"), ("person", "personal_notes"), ("interaction", "notes"), ("nps_response", "comment"),
        ("follow_up", "title"), ("follow_up", "notes"), ("referral", "note")}
    assert all(m.excerpt and len(m.excerpt) <= 100 for m in mentions)
    cc = [m for m in mentions if FENNA_MAIL in m.text and m.table == "interaction"]
    assert len(cc) == 1 and not cc[0].near  # another account: only the e-mail counts there
    # another account's unrelated text is no mention ("Bakery", "de")
    assert not any("Bakery" in m.text for m in mentions)
    assert not any(m.table == "person" and m.record_id == fenna.id for m in mentions)


def test_erase_scrubs_first_and_last_names_and_leaves_nothing_in_the_file(db, fenna, request):
    import sqlalchemy as sa

    assert b"fenna" in _stored_bytes(request, db).lower()  # the check below can see the name

    listed = find_mentions(db, person_id=fenna.id)
    result = erase_person(db, person_id=fenna.id)
    assert result.texts_scrubbed == len(listed)  # exactly what the finder listed
    assert rows(db, "SELECT notes FROM account WHERE name = 'Smit BV'") == [(f"{REMOVED} decides on the budget",)]
    assert rows(db, "SELECT personal_notes FROM person WHERE name = 'Piet Smit'") == [
        (f"Sits next to {REMOVED}; {REMOVED}'s daughter",)]
    assert rows(db, "SELECT notes FROM interaction WHERE kind = 'visit'") == [
        (f"{REMOVED} was out; {REMOVED} calls back. De offerte ligt klaar.",)]
    assert rows(db, "SELECT notes FROM account WHERE name = 'Visser & Co'") == [
        ("Bakery around the corner; de koffie is goed",)]
    assert rows(db, "SELECT notes FROM interaction WHERE kind = 'email'") == [(f"Put {REMOVED} in cc of the offer",)]
    with db.read() as session:
        if db.is_sqlite:
            hits = session.execute(sa.text(
                "SELECT count(*) FROM search_index WHERE search_index MATCH 'fenna OR bakker'")).scalar_one()
            assert session.execute(sa.text("PRAGMA integrity_check")).scalar_one() == "ok"
        else:
            hits = session.execute(sa.text(
                "SELECT count(*) FROM search_index WHERE token IN ('fenna', 'bakker')")).scalar_one()
        assert hits == 0
    raw = _stored_bytes(request, db).lower()  # after dispose(): the database, its -wal, the search index pages
    for trace in ("fenna", "bakker", FENNA_MAIL, "06-11223344", "0611223344"):
        assert trace.encode() not in raw, trace


def test_what_went_with_the_person_by_cascade_leaves_the_stored_bytes_too(db, request):
    """A second address (a contact point from their card) names nobody, so it is no mention to scrub: it
    goes with the person's row, and on a server its dead row must leave the files as well."""
    from relationapp.data.models import ContactPoint, ImportantDate

    person = create_person(db, name="Wieteke Zonderland", email="w.zonderland@example.nl")
    with db.write() as session:
        session.add(ContactPoint(person_id=person.id, kind="email", label="work", value="wz-werk@kantoor.example"))
        session.add(ImportantDate(person_id=person.id, kind="custom", label="Trouwdag op Terschelling", month=6, day=1))
    assert b"wz-werk@kantoor.example" in _stored_bytes(request, db)
    erase_person(db, person_id=person.id)
    assert count(db, "contact_point") == 0 and count(db, "important_date") == 0
    raw = _stored_bytes(request, db)
    for trace in ("wz-werk@kantoor.example", "Trouwdag op Terschelling", "Zonderland"):
        assert trace.encode() not in raw, trace


def test_the_export_holds_every_record_that_mentions_them(db, fenna, tmp_path):
    from relationapp.services.common.settings import update_settings

    update_settings(db, language="en")  # the PDF speaks the firm's language (Dutch by default)
    export_person(db, person_id=fenna.id, out=tmp_path / "f.json", pdf=tmp_path / "f.pdf")
    data = json.loads((tmp_path / "f.json").read_text(encoding="utf-8"))
    texts = {(m["table"], m["text"]) for m in data["sections"]["mentions"]}
    assert ("account", "Fenna decides on the budget") in texts
    assert ("person", "Sits next to Fenna; bakker's daughter") in texts
    assert ("interaction", f"Put {FENNA_MAIL} in cc of the offer") in texts
    from pypdf import PdfReader

    pdf = " ".join(page.extract_text() for page in PdfReader(str(tmp_path / "f.pdf")).pages)
    assert "Other records that mention them" in pdf and "decides on the budget" in pdf


def test_short_names_and_particles_never_scrub_unrelated_words(db):
    home = create_account(db, name="Wit BV", notes="Bo komt de volgende week; Anna en Vries ook")
    bo = create_person(db, name="Bo de", account_id=home.id)
    anna = create_person(db, name="Anna de Vries", account_id=home.id)
    elsewhere = create_account(db, name="Elders", notes="Anna de Vries belde; anna van de zaak ook; de Vriesland")
    assert find_mentions(db, person_id=bo.id) == []
    erase_person(db, person_id=bo.id)
    assert rows(db, f"SELECT notes FROM account WHERE id = {home.id}") == [
        ("Bo komt de volgende week; Anna en Vries ook",)]
    erase_person(db, person_id=anna.id)
    assert rows(db, f"SELECT notes FROM account WHERE id = {home.id}") == [
        (f"Bo komt de volgende week; {REMOVED} en {REMOVED} ook",)]
    assert rows(db, f"SELECT notes FROM account WHERE id = {elsewhere.id}") == [
        (f"{REMOVED} belde; anna van de zaak ook; de Vriesland",)]


def test_names_match_whole_words_any_case_and_accents(db):
    home = create_account(db, name="Çelik Bouw", notes="ZOË belt; zoe ook; Zoëlla niet; ÇELIK wel")
    zoe = create_person(db, name="Zoë Çelik", account_id=home.id)
    erase_person(db, person_id=zoe.id)
    assert rows(db, f"SELECT notes FROM account WHERE id = {home.id}") == [
        (f"{REMOVED} belt; {REMOVED} ook; Zoëlla niet; {REMOVED} wel",)]


@pytest.mark.pg
def test_on_a_server_a_user_who_does_not_own_the_tables_is_refused_before_anything_is_erased(pg_server, pg_db):
    import psycopg
    import sqlalchemy as sa

    from relationapp.errors import ValidationError
    from relationapp.services.data_care.opening import open_database

    person = create_person(pg_db, name=NAME)
    clerk = pg_server.unique_name("clerk")
    database = sa.engine.make_url(pg_db.url).database
    pg_server.admin(f'CREATE ROLE "{clerk}" LOGIN')
    grants = [f'GRANT ALL ON ALL TABLES IN SCHEMA public TO "{clerk}"',
              f'GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO "{clerk}"']
    with psycopg.connect(pg_server.url(database), autocommit=True) as conn:
        for grant in grants:
            conn.execute(grant)
    as_clerk = open_database(sa.engine.make_url(pg_db.url).set(username=clerk).render_as_string(hide_password=False))
    try:
        with pytest.raises(ValidationError, match="only their owner"):
            erase_person(as_clerk, person_id=person.id)
        assert rows(pg_db, f"SELECT name FROM person WHERE id = {person.id}") == [(NAME,)]
    finally:
        as_clerk.dispose()
        with psycopg.connect(pg_server.url(database), autocommit=True) as conn:
            conn.execute(f'DROP OWNED BY "{clerk}"')
        pg_server.admin(f'DROP ROLE "{clerk}"')
