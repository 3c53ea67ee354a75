"""Any long text the user typed splits across pages: nothing is cut, nothing crashes."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader

from relationapp.reports.reporting.account_review import write_account_review
from relationapp.services.customers.accounts import create_account, update_account
from relationapp.services.customers.people import create_person
from relationapp.services.touches.interactions import log_interaction
from relationapp.services.value.orders import create_order
from relationapp.services.value.quarters import parse

WORD = "Zonnepaneel"
UNBROKEN = "x" * 20_000  # no place to break a line


@pytest.mark.parametrize("audience, size", [("internal", 100_000), ("client", 20_000)])
def test_a_100000_character_note_prints_whole_across_pages(db, tmp_path, audience, size):
    NOTE = (f"{WORD} " * 12000)[:size]
    account = create_account(db, name="Lange Verhalen BV", stage="customer", notes=NOTE)
    update_account(db, account_id=account.id, next_steps=NOTE)
    create_person(db, name="Anna de Vries", account_id=account.id, personal_notes=NOTE, family_notes=UNBROKEN)
    create_order(db, account_id=account.id, ordered_on=dt.date(2026, 8, 1), amount="1000.00")
    log_interaction(db, account_id=account.id, kind="visit", occurred_on=dt.date(2026, 8, 3), notes=NOTE)
    path = write_account_review(db, account_id=account.id, quarter=parse("2026Q3"), path=tmp_path / "r.pdf",
                                audience=audience)
    reader = PdfReader(path)
    text = " ".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) > 3
    # next steps always; the internal review also has the account and personal notes in full
    expected = (3 if audience == "internal" else 1) * NOTE.count(WORD)
    assert text.count(WORD) >= expected
