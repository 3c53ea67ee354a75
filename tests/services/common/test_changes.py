"""Operations say what they changed, side effects included, read from what the transaction committed."""

from __future__ import annotations

import datetime as dt

import pytest

from relationapp.errors import ValidationError
from relationapp.services.common.changes import Changes, Kind, run_operation
from relationapp.services.customers.accounts import create_account
from relationapp.services.customers.people import create_person
from relationapp.services.relationships.referrals import record_referral
from relationapp.services.value.orders import create_order


def test_a_first_order_of_a_referred_account_reports_the_thank_you_follow_up(db):
    referrer_account = create_account(db, name="Old Friend BV", stage="customer")
    referrer = create_person(db, name="Anna de Vries", account_id=referrer_account.id)
    newcomer = create_account(db, name="Newcomer BV")
    record_referral(db, referred_account_id=newcomer.id, referrer_person_id=referrer.id)
    result = run_operation(create_order, db, account_id=newcomer.id, ordered_on=dt.date(2026, 11, 2), amount="1200.00")
    assert result.value.amount == 1200
    assert result.changes.touches(Kind.ORDERS)
    assert result.changes.touches(Kind.FOLLOW_UPS)  # the side effect: thank the referrer
    assert not result.changes.touches(Kind.PEOPLE)


def test_a_refused_operation_reports_nothing_and_raises(db):
    with pytest.raises(ValidationError):
        run_operation(create_account, db, name="   ")


def test_a_read_reports_no_changes(db):
    from relationapp.services.customers.accounts import list_accounts

    assert not run_operation(list_accounts, db).changes


def test_an_operation_inside_another_reports_to_both(db):
    def outer():
        create_account(db, name="A")
        return run_operation(create_person, db, name="B").changes

    result = run_operation(outer)
    assert result.value == Changes.of(Kind.PEOPLE)
    assert result.changes == Changes.of(Kind.ACCOUNTS, Kind.PEOPLE)


def test_a_table_the_map_does_not_know_tells_every_page():
    assert Changes.from_tables({"some_new_table"}) == Changes.everything()
    assert not Changes.from_tables({"tier_cache", "search_index_data"})
