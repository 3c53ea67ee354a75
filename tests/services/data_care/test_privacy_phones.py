"""A phone is found in any common form: +31 6 ..., 0031 6 ..., 06-... and 06... are one number."""

from __future__ import annotations

import pytest

from relationapp.services.customers.accounts import create_account
from relationapp.services.customers.people import create_person
from relationapp.services.data_care.privacy import (
    REMOVED,
    _national_number,
    erase_person,
    find_mentions,
)
from tests.helpers import rows

FORMS = ["06-12345678", "0612345678", "+31 6 1234 5678", "0031 6 12 34 56 78", "+31 (0)6-12345678"]


@pytest.mark.parametrize("phone, written", [
    ("+31 6 1234 5678", "06-12345678"),
    ("+31 6 1234 5678", "0612345678"),
    ("06-12345678", "+31 6 1234 5678"),
    ("0612345678", "+31612345678"),
    ("0612345678", "0031 6 12 34 56 78"),
    ("+31 (0)6 12345678", "06 12 34 56 78"),
])
def test_a_phone_is_found_in_the_other_form(db, phone, written):
    account = create_account(db, name="Smit BV")
    person = create_person(db, name="Fenna Bakker", account_id=account.id, phone=phone)
    other = create_account(db, name="Elsewhere BV", notes=f"Call {written} tomorrow")
    (mention,) = find_mentions(db, person_id=person.id)
    assert (mention.table, mention.record_id) == ("account", other.id)


@pytest.mark.parametrize("text", ["Order 106-12345678", "Code 06-123456789", "Belgian +32 6 12345678",
                                  "Just 612345678"])
def test_other_numbers_are_not_theirs(db, text):
    person = create_person(db, name="Fenna Bakker", phone="+31 6 1234 5678")
    create_account(db, name="Elsewhere BV", notes=text)
    assert find_mentions(db, person_id=person.id) == []


@pytest.mark.parametrize("phone", ["+31 6 1234 5678", "06-12345678"])
def test_erase_scrubs_every_form(db, phone):
    person = create_person(db, name="Fenna Bakker", phone=phone)
    notes = "; ".join(f"call {form}" for form in FORMS)
    account = create_account(db, name="Elsewhere BV", notes=notes)
    result = erase_person(db, person_id=person.id)
    assert result.texts_scrubbed == 1
    (row,) = rows(db, f"SELECT notes FROM account WHERE id = {account.id}")
    assert row[0] == "; ".join(f"call {REMOVED}" for _ in FORMS)


def test_the_national_number():
    assert _national_number("+31 6 1234 5678") == ("31", "612345678")
    assert _national_number("0031 (0)6 12345678") == ("31", "612345678")
    assert _national_number("06-12345678") == (None, "612345678")
    assert _national_number("+1 555 123 4567") == ("", "15551234567")  # not a code we know: as written
    assert _national_number("612345678") == ("", "612345678")
