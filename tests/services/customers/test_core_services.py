"""Accounts, people, interactions and follow-ups: the foundation a user builds on."""

import datetime as dt
from decimal import Decimal

import pytest

from relationapp.errors import NotFound, ValidationError
from relationapp.services.common.settings import get_settings, update_settings
from relationapp.services.customers import accounts, people
from relationapp.services.touches import follow_ups, interactions


def test_create_edit_archive_and_list_account(db):
    a = accounts.create_account(db, name="  Bakkerij Jansen  ", city="Utrecht", stage="customer", today=dt.date(2026, 3, 1))
    assert a.name == "Bakkerij Jansen"
    assert a.customer_since is None  # not the day it was typed in: its first order's date, once there is one
    accounts.update_account(db, account_id=a.id, email="info@jansen.nl", annual_budget="12500.50")
    got = accounts.get_account(db, account_id=a.id)
    assert got.email == "info@jansen.nl" and got.annual_budget == Decimal("12500.50")
    assert [r.name for r in accounts.list_accounts(db)] == ["Bakkerij Jansen"]
    accounts.archive_account(db, account_id=a.id)
    assert accounts.list_accounts(db) == []
    assert [r.name for r in accounts.list_accounts(db, include_archived=True)] == ["Bakkerij Jansen"]


@pytest.mark.parametrize("fields, message", [
    ({"name": "   "}, "Name cannot be empty"),
    ({"name": "X", "email": "not-an-email"}, "not a valid e-mail"),
    ({"name": "X", "stage": "hot"}, "Stage must be one of"),
    ({"name": "X", "annual_budget": "-5"}, "cannot be negative"),
    ({"name": "X", "customer_since": "2026-02-30"}, "not a valid date"),
    ({"name": "X", "cadence_days": 0}, "at least 1"),
    ({"name": "X", "latitude": 91}, "between -90 and 90"),
])
def test_account_bad_input_is_refused_and_nothing_saved(db, fields, message):
    with pytest.raises(ValidationError, match=message):
        accounts.create_account(db, **fields)
    assert accounts.count_accounts(db, include_archived=True) == 0


def test_stage_change_to_customer_takes_the_first_orders_date_not_today(db):
    from relationapp.services.value.orders import create_order

    a = accounts.create_account(db, name="Prospect BV")
    assert a.customer_since is None
    create_order(db, account_id=a.id, ordered_on="2026-02-03", amount="20")
    create_order(db, account_id=a.id, ordered_on="2026-04-12", amount="80")
    assert accounts.get_account(db, account_id=a.id).customer_since == dt.date(2026, 2, 3)
    b = accounts.update_account(db, account_id=a.id, stage="customer", today=dt.date(2026, 5, 4))
    assert b.customer_since == dt.date(2026, 2, 3)
    c = accounts.create_account(db, name="Nog Geen Order BV")
    assert accounts.update_account(db, account_id=c.id, stage="customer", today=dt.date(2026, 5, 4)).customer_since is None


def test_list_filters_and_sorts_in_sql(db):
    for name, city in [("Zeeman", "Amsterdam"), ("alpha", "Utrecht"), ("Beta", "Amsterdam"), ("100%_Groen", "Zwolle")]:
        accounts.create_account(db, name=name, city=city)
    names = lambda ids: [accounts.get_account(db, account_id=i).name for i in ids]
    assert names(accounts.list_account_ids(db)) == ["100%_Groen", "alpha", "Beta", "Zeeman"]  # case-insensitive
    assert names(accounts.list_account_ids(db, sort="name", descending=True))[0] == "Zeeman"
    assert names(accounts.list_account_ids(db, search="amster")) == ["Beta", "Zeeman"]
    assert names(accounts.list_account_ids(db, search="%_")) == ["100%_Groen"]  # wildcards are literal


def test_find_account_by_id_or_name(db):
    a = accounts.create_account(db, name="Visser Bouw")
    assert accounts.find_account(db, name_or_id=str(a.id)).name == "Visser Bouw"
    assert accounts.find_account(db, name_or_id="visser bouw").id == a.id
    with pytest.raises(NotFound):
        accounts.find_account(db, name_or_id="Nobody")


def test_person_birthday_without_year_is_valid(db):
    p = people.create_person(db, name="Anouk de Vries", birthday_day=14, birthday_month=3)
    assert (p.birthday_day, p.birthday_month, p.birthday_year) == (14, 3, None)
    assert people.person_rows(db, ids=[p.id])[0].birthday == "14 Mar"


def test_feb_29_birthday_is_valid_without_year_and_in_leap_years_only(db):
    people.create_person(db, name="Schrikkel", birthday_day=29, birthday_month=2)
    people.create_person(db, name="Leap", birthday_day=29, birthday_month=2, birthday_year=1976)
    with pytest.raises(ValidationError, match="does not exist in 1975"):
        people.create_person(db, name="Not leap", birthday_day=29, birthday_month=2, birthday_year=1975)


@pytest.mark.parametrize("day, month, message", [(30, 2, "February 30 does not exist"), (31, 4, "April 31"), (5, None, "both a day and a month"), (1, 13, "month 13")])
def test_impossible_birthdays_are_refused(db, day, month, message):
    with pytest.raises(ValidationError, match=message):
        people.create_person(db, name="X", birthday_day=day, birthday_month=month)


def test_person_edit_keeps_other_fields(db):
    a = accounts.create_account(db, name="Acme")
    p = people.create_person(db, name="Jan", account_id=a.id, birthday_day=1, birthday_month=5, family_notes="Dochter Mila")
    people.update_person(db, person_id=p.id, job_title="Directeur")
    got = people.get_person(db, person_id=p.id)
    assert (got.job_title, got.family_notes, got.birthday_month, got.account) == ("Directeur", "Dochter Mila", 5, "Acme")
    assert [x.name for x in people.people_of_account(db, account_id=a.id)] == ["Jan"]


def test_log_interaction_with_people_on_timeline(db):
    a = accounts.create_account(db, name="Acme")
    p = people.create_person(db, name="Jan", account_id=a.id)
    row = interactions.log_interaction(db, account_id=a.id, kind="visit", occurred_on=dt.date(2026, 11, 2), duration_minutes=90, person_ids=[p.id], subject="Evaluatie")
    assert row.people == ("Jan",)
    timeline = interactions.list_interactions(db, account_id=a.id)
    assert [(i.kind, i.occurred_on, i.duration_minutes) for i in timeline] == [("visit", dt.date(2026, 11, 2), 90)]
    assert [i.id for i in interactions.list_interactions(db, person_id=p.id)] == [row.id]


def test_interaction_on_a_person_takes_their_account(db):
    a = accounts.create_account(db, name="Acme")
    p = people.create_person(db, name="Jan", account_id=a.id)
    row = interactions.log_interaction(db, account_id=None, kind="call", person_ids=[p.id])
    assert row.account_id == a.id


def test_gift_needs_an_item_and_cost_is_exact(db):
    a = accounts.create_account(db, name="Acme")
    with pytest.raises(ValidationError, match="needs the item"):
        interactions.log_interaction(db, account_id=a.id, kind="gift")
    row = interactions.log_interaction(db, account_id=a.id, kind="gift", gift_item="Bloemen", gift_cost="0.10")
    assert row.gift_cost == Decimal("0.10")
    with pytest.raises(ValidationError, match="cannot be negative"):
        interactions.log_interaction(db, account_id=a.id, kind="gift", gift_item="Wijn", gift_cost="-3")


def test_delete_and_restore_interaction(db):
    a = accounts.create_account(db, name="Acme")
    row = interactions.log_interaction(db, account_id=a.id, kind="call", subject="Hallo")
    removed = interactions.delete_interaction(db, interaction_id=row.id)
    assert interactions.list_interactions(db, account_id=a.id) == []
    interactions.restore_interaction(db, row=removed)
    assert [i.subject for i in interactions.list_interactions(db, account_id=a.id)] == ["Hallo"]


def test_follow_up_lifecycle(db):
    a = accounts.create_account(db, name="Acme")
    today = dt.date(2026, 11, 22)
    f = follow_ups.create_follow_up(db, title="Offerte nabellen", due_on=today, account_id=a.id)
    assert [x.id for x in follow_ups.list_follow_ups(db, due_by=today)] == [f.id]
    follow_ups.snooze_follow_up(db, follow_up_id=f.id, until=today + dt.timedelta(days=7), today=today)
    assert follow_ups.list_follow_ups(db, due_by=today) == []
    with pytest.raises(ValidationError, match="after today"):
        follow_ups.snooze_follow_up(db, follow_up_id=f.id, until=today - dt.timedelta(days=1), today=today)
    follow_ups.complete_follow_up(db, follow_up_id=f.id, done_on=today)
    assert follow_ups.list_follow_ups(db) == []
    with pytest.raises(ValidationError, match="Title cannot be empty"):
        follow_ups.create_follow_up(db, title=" ", due_on=today)


def test_settings_round_trip_and_validation(db):
    assert get_settings(db).hourly_cost == Decimal("60.00")
    update_settings(db, company_name="Hoekstra", hourly_cost="72.50", cadence_top=21)
    s = get_settings(db)
    assert (s.company_name, s.hourly_cost, s.cadence_top) == ("Hoekstra", Decimal("72.50"), 21)
    with pytest.raises(ValidationError):
        update_settings(db, cadence_top=0)
    with pytest.raises(ValidationError, match="Unknown setting"):
        update_settings(db, colour="blue")
    with pytest.raises(ValidationError, match="exceed 100"):
        update_settings(db, tier_medium_pct="99")
    assert get_settings(db).cadence_top == 21


def test_correct_a_logged_interaction(db):
    a = accounts.create_account(db, name="Acme")
    jan = people.create_person(db, name="Jan", account_id=a.id)
    piet = people.create_person(db, name="Piet", account_id=a.id)
    row = interactions.log_interaction(db, account_id=a.id, kind="call", person_ids=[jan.id], duration_minutes=10)
    fixed = interactions.update_interaction(db, interaction_id=row.id, kind="visit", duration_minutes=75, person_ids=[piet.id])
    assert (fixed.kind, fixed.duration_minutes, fixed.people) == ("visit", 75, ("Piet",))
    assert interactions.update_interaction(db, interaction_id=row.id, subject="Koffie").people == ("Piet",)
    with pytest.raises(ValidationError, match="needs the item"):
        interactions.update_interaction(db, interaction_id=row.id, kind="gift")
    assert interactions.get_interaction(db, interaction_id=row.id).kind == "visit"
