"""A touch closes the account's planned contact (the cadence follow-up made from Today), in its own transaction."""

from __future__ import annotations

import datetime as dt

import pytest

from relationapp.errors import ValidationError
from relationapp.services.customers import accounts, people
from relationapp.services.today import attention
from relationapp.services.touches import follow_ups, interactions
from relationapp.services.visits import visits

TODAY = dt.date.today()  # log_interaction refuses a touch after tomorrow; the rule closes on the real day


@pytest.fixture
def firm(db):
    alpha = accounts.create_account(db, name="Alpha", stage="customer").id
    beta = accounts.create_account(db, name="Beta", stage="customer").id
    return {"alpha": alpha, "beta": beta, "anna": people.create_person(db, name="Anna", account_id=alpha).id}


def _plan(db, account_id):
    return attention.plan_contact(db, account_id=account_id, due_on=TODAY + dt.timedelta(days=7)).id


def _done_on(db, follow_up_id):
    return {f.id: f.done_on for f in follow_ups.list_follow_ups(db, open_only=False)}[follow_up_id]


def test_a_call_logged_through_the_service_closes_the_planned_contact(db, firm):
    planned = _plan(db, firm["alpha"])
    snoozed = attention.snooze_account(db, account_id=firm["alpha"], until=TODAY + dt.timedelta(days=1)).id
    manual = follow_ups.create_follow_up(db, title="Send the quote", due_on=TODAY, account_id=firm["alpha"]).id
    elsewhere = _plan(db, firm["beta"])

    row = interactions.log_interaction(db, account_id=firm["alpha"], kind="call", occurred_on=TODAY)

    assert row.closed_follow_up_ids == (planned, snoozed)
    assert _done_on(db, planned) == TODAY and _done_on(db, snoozed) == TODAY
    assert _done_on(db, manual) is None  # only the cadence follow-ups: a promise made by hand stays open
    assert _done_on(db, elsewhere) is None  # and only the account touched
    assert interactions.get_interaction(db, interaction_id=row.id).closed_follow_up_ids == ()


def test_a_touch_logged_on_a_person_closes_the_planned_contact_of_their_account(db, firm):
    planned = _plan(db, firm["alpha"])
    row = interactions.log_interaction(db, account_id=None, kind="email", person_ids=[firm["anna"]])
    assert row.account_id == firm["alpha"] and row.closed_follow_up_ids == (planned,)
    assert _done_on(db, planned) == TODAY


def test_a_note_counts_as_a_touch_as_in_the_cadence(db, firm):
    """Today's cadence counts an interaction of any kind as the last touch, a note too; so does the rule."""
    planned = _plan(db, firm["alpha"])
    row = interactions.log_interaction(db, account_id=firm["alpha"], kind="note", notes="Heard they are moving")
    assert row.closed_follow_up_ids == (planned,) and _done_on(db, planned) == TODAY


def test_a_refused_touch_leaves_the_planned_contact_open(db, firm):
    planned = _plan(db, firm["alpha"])
    with pytest.raises(ValidationError, match="future"):
        interactions.log_interaction(db, account_id=firm["alpha"], kind="call", occurred_on=TODAY + dt.timedelta(days=5))
    assert _done_on(db, planned) is None
    assert interactions.list_interactions(db, account_id=firm["alpha"]) == []


def test_a_closed_planned_contact_keeps_its_day(db, firm):
    planned = _plan(db, firm["alpha"])
    follow_ups.complete_follow_up(db, follow_up_id=planned, done_on=TODAY - dt.timedelta(days=3))
    row = interactions.log_interaction(db, account_id=firm["alpha"], kind="call")
    assert row.closed_follow_up_ids == ()
    assert _done_on(db, planned) == TODAY - dt.timedelta(days=3)


def test_a_logged_visit_closes_the_planned_contact(db, firm):
    planned = _plan(db, firm["alpha"])
    stop = visits.add_stop(db, account_id=firm["alpha"], day=TODAY).stops[0]

    logged = visits.log_visit(db, visit_id=stop.id)

    assert logged.stop.status == "done" and logged.interaction.kind == "visit"
    assert logged.interaction.closed_follow_up_ids == (planned,)
    assert _done_on(db, planned) == TODAY

