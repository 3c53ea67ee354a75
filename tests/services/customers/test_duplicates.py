"""Finding likely duplicates and merging them without losing history."""

from __future__ import annotations

import datetime as dt

import pytest

from relationapp.errors import ValidationError
from relationapp.services.customers.accounts import create_account
from relationapp.services.customers.duplicates import (
    find_duplicates,
    merge_accounts,
    merge_people,
)
from relationapp.services.customers.people import create_person
from relationapp.services.touches.interactions import log_interaction
from relationapp.services.value.orders import create_order
from tests.helpers import count, rows


def test_same_email_phone_or_similar_name_in_the_same_city(db):
    a = create_account(db, name="Bakkerij Jansen", city="Utrecht")
    b = create_account(db, name="Bakkerij Janssen", city="Utrecht")
    create_account(db, name="Bakkerij Jansen", city="Groningen")  # another city: another firm
    p1 = create_person(db, name="Anna de Vries", email="Anna@Example.nl")
    p2 = create_person(db, name="A. de Vries", email="anna@example.nl")
    p3 = create_person(db, name="Bert", phone="+31 6 1234 5678")
    p4 = create_person(db, name="Bert Bakker", phone="06-12345678")
    create_person(db, name="Someone Else", phone="06-99999999")
    groups = {(g.kind, tuple(r.id for r in g.records)): g.reason for g in find_duplicates(db)}
    assert groups == {
        ("account", (a.id, b.id)): "similar name in Utrecht",
        ("person", (p1.id, p2.id)): "same e-mail",
        ("person", (p3.id, p4.id)): "same phone",
    }


def test_merging_accounts_moves_everything_to_the_survivor(db):
    keep = create_account(db, name="Smit BV", city="Ede")
    gone = create_account(db, name="Smit B.V.", city="Ede", phone="0318-123456", notes="Old notes")
    person = create_person(db, name="Jan", account_id=gone.id)
    log_interaction(db, account_id=gone.id, kind="call", occurred_on=dt.date(2025, 1, 2), person_ids=[person.id])
    create_order(db, account_id=gone.id, ordered_on=dt.date(2025, 1, 3), amount="100", reference="F1")
    result = merge_accounts(db, survivor_id=keep.id, other_ids=[gone.id])
    assert result.merged_ids == (gone.id,)
    assert rows(db, f"SELECT account_id FROM person WHERE id = {person.id}") == [(keep.id,)]
    assert rows(db, "SELECT DISTINCT account_id FROM interaction") == [(keep.id,)]
    assert rows(db, "SELECT account_id, reference FROM orders") == [(keep.id, "F1")]
    assert rows(db, f"SELECT phone, notes FROM account WHERE id = {keep.id}") == [("0318-123456", "Old notes")]
    assert count(db, "account") == 1


def test_merging_people_keeps_their_interactions_once(db):
    account = create_account(db, name="Smit BV")
    keep = create_person(db, name="Anna de Vries", account_id=account.id)
    gone = create_person(db, name="Anna de Vries", account_id=account.id, email="anna@smit.nl", birthday_day=3, birthday_month=4)
    both = log_interaction(db, account_id=account.id, kind="meeting", occurred_on=dt.date(2025, 1, 1),
                           person_ids=[keep.id, gone.id])
    log_interaction(db, account_id=account.id, kind="call", occurred_on=dt.date(2025, 2, 1), person_ids=[gone.id])
    merge_people(db, survivor_id=keep.id, other_ids=[gone.id])
    assert rows(db, "SELECT interaction_id, person_id FROM interaction_person ORDER BY interaction_id") == [
        (both.id, keep.id), (both.id + 1, keep.id)]
    assert rows(db, "SELECT email, birthday_day, birthday_month FROM person") == [("anna@smit.nl", 3, 4)]


def test_merge_needs_another_record(db):
    a = create_account(db, name="A")
    with pytest.raises(ValidationError):
        merge_accounts(db, survivor_id=a.id, other_ids=[a.id])


def test_merging_accounts_drops_the_quarter_snapshots_their_orders_change(db):
    import datetime as dt

    from relationapp.services.customers import accounts
    from relationapp.services.customers.duplicates import merge_accounts
    from relationapp.services.value import orders, pyramid

    a = accounts.create_account(db, name="Bakkerij Jansen", stage="customer")
    b = accounts.create_account(db, name="Bakkerij Jansen BV", stage="customer")
    orders.create_order(db, account_id=a.id, ordered_on=dt.date(2026, 2, 1), amount="100.00")
    orders.create_order(db, account_id=b.id, ordered_on=dt.date(2026, 5, 1), amount="900.00")
    pyramid.snapshot_quarters(db, through=dt.date(2026, 9, 30))
    before = pyramid.stored_quarter_ends(db)
    assert dt.date(2026, 6, 30) in before
    merge_accounts(db, survivor_id=a.id, other_ids=[b.id])
    after = pyramid.stored_quarter_ends(db)
    assert dt.date(2026, 3, 31) in after and dt.date(2026, 6, 30) not in after
