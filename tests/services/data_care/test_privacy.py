"""Privacy: an access request, and forgetting someone so that their name is gone from the files."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from relationapp.reports.data_care.privacy_export import export_person
from relationapp.services.customers.accounts import create_account
from relationapp.services.customers.people import create_person
from relationapp.services.data_care.privacy import erase_person, person_data
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
    path = db.path
    out = path.read_bytes()
    for suffix in ("-wal", "-journal"):
        extra = path.with_name(path.name + suffix)
        if extra.exists():
            out += extra.read_bytes()
    return out


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
