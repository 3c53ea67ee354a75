"""No lost updates: two sessions edit the same record; the second save is refused with both versions."""

from __future__ import annotations

import datetime as dt

import pytest

from relationapp.data.db import Database
from relationapp.errors import ConflictError
from relationapp.services.customers import accounts, people
from relationapp.services.touches import interactions


@pytest.fixture
def other(db):
    """A second Database on the same file (or server): another window, another session."""
    second = Database(db.url)
    yield second
    second.dispose()


def test_second_save_of_an_account_is_refused_and_the_first_kept(db, other):
    made = accounts.create_account(db, name="Bakkerij Jansen", city="Utrecht")
    mine = accounts.get_account(db, account_id=made.id)
    theirs = accounts.get_account(other, account_id=made.id)
    assert mine.version == theirs.version == 1

    saved = accounts.update_account(other, account_id=made.id, expected_version=theirs.version, city="Amersfoort")
    assert saved.version == 2

    with pytest.raises(ConflictError) as caught:
        accounts.update_account(db, account_id=made.id, expected_version=mine.version, name="Bakkerij Jansen",
                                city="Zeist", phone="030 123 4567")
    conflict = caught.value
    assert conflict.version == 2
    assert conflict.yours == {"name": "Bakkerij Jansen", "city": "Zeist", "phone": "030 123 4567"}
    assert conflict.theirs == {"name": "Bakkerij Jansen", "city": "Amersfoort", "phone": None}
    assert conflict.differing() == ["city", "phone"]
    stored = accounts.get_account(db, account_id=made.id)
    assert (stored.city, stored.phone, stored.version) == ("Amersfoort", None, 2)

    # "save mine over theirs": an explicit overwrite with the version now stored
    over = accounts.update_account(db, account_id=made.id, expected_version=conflict.version, city="Zeist")
    assert (over.city, over.version) == ("Zeist", 3)
    # and the form keeps working with the version the save returned
    again = accounts.update_account(db, account_id=made.id, expected_version=over.version, city="Bunnik")
    assert again.version == 4


def test_a_stage_change_made_elsewhere_is_a_conflict_too(db, other):
    made = accounts.create_account(db, name="Van Dijk", stage="prospect")
    accounts.update_account(other, account_id=made.id, expected_version=1, stage="customer", stage_reason="signed")
    with pytest.raises(ConflictError) as caught:
        accounts.update_account(db, account_id=made.id, expected_version=1, stage="prospect", city="Delft")
    assert caught.value.theirs["stage"] == "customer"
    assert accounts.get_account(db, account_id=made.id).stage == "customer"


def test_without_an_expected_version_the_save_goes_through(db, other):
    """The command line and imports load no form: they save as before (and still count the version up)."""
    made = accounts.create_account(db, name="Smit")
    accounts.update_account(other, account_id=made.id, city="Gouda")
    assert accounts.update_account(db, account_id=made.id, city="Breda").version == 3


def test_second_save_of_a_person_is_refused(db, other):
    person = people.create_person(db, name="Anna de Vries", job_title="Buyer")
    people.update_person(other, person_id=person.id, expected_version=person.version, family_notes="two sons")
    with pytest.raises(ConflictError) as caught:
        people.update_person(db, person_id=person.id, expected_version=person.version, job_title="Head buyer",
                             family_notes="")
    assert caught.value.differing() == ["job_title", "family_notes"]
    assert caught.value.theirs["family_notes"] == "two sons"
    stored = people.get_person(db, person_id=person.id)
    assert (stored.job_title, stored.family_notes) == ("Buyer", "two sons")


def test_second_save_of_a_touch_is_refused_with_who_was_there(db, other):
    account = accounts.create_account(db, name="Jansen")
    anna = people.create_person(db, name="Anna", account_id=account.id)
    piet = people.create_person(db, name="Piet", account_id=account.id)
    touch = interactions.log_interaction(db, account_id=account.id, kind="call", occurred_on=dt.date(2026, 11, 2),
                                         person_ids=[anna.id], subject="Quote")
    assert touch.version == 1
    interactions.update_interaction(other, interaction_id=touch.id, expected_version=1, person_ids=[anna.id, piet.id])
    with pytest.raises(ConflictError) as caught:
        interactions.update_interaction(db, interaction_id=touch.id, expected_version=1, person_ids=[anna.id],
                                        subject="Quote sent")
    assert caught.value.yours == {"subject": "Quote sent", "person_ids": (anna.id,)}
    assert caught.value.theirs == {"subject": "Quote", "person_ids": tuple(sorted((anna.id, piet.id)))}
    assert interactions.get_interaction(db, interaction_id=touch.id).people == ("Anna", "Piet")


def test_second_qualification_of_a_lead_is_refused(db, other):
    from relationapp.services.leads.qualification import get_bant, qualify

    lead = accounts.create_account(db, name="Nieuw B.V.", stage="prospect")
    loaded = get_bant(db, account_id=lead.id)
    assert loaded.version == 0  # none stored yet
    first = qualify(other, account_id=lead.id, need="a heat pump", expected_version=get_bant(other, account_id=lead.id).version)
    assert first.bant.version == 1
    with pytest.raises(ConflictError) as caught:
        qualify(db, account_id=lead.id, need="solar panels", budget="5000", expected_version=loaded.version)
    assert caught.value.theirs == {"budget_amount": None, "need_text": "a heat pump"}
    assert get_bant(db, account_id=lead.id).need == "a heat pump"
    again = qualify(db, account_id=lead.id, need="solar panels", expected_version=caught.value.version)
    assert (again.bant.need, again.bant.version) == ("solar panels", 2)
