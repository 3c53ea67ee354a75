"""A new account and who introduced it are written in one transaction (accounts.create_account)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import sqlalchemy as sa

from relationapp.data.models import Account, Order, Referral, StageChange
from relationapp.errors import ValidationError
from relationapp.services.customers import accounts, people
from relationapp.services.relationships import referrals
from relationapp.services.touches import follow_ups

TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def firm(db):
    alpha = accounts.create_account(db, name="Alpha", stage="customer", today=TODAY).id
    gamma = accounts.create_account(db, name="Gamma", stage="customer", today=TODAY).id
    return {"alpha": alpha, "gamma": gamma, "anna": people.create_person(db, name="Anna", account_id=alpha).id}


def _counts(db):
    with db.read() as session:
        return tuple(session.execute(sa.select(sa.func.count()).select_from(model)).scalar_one()
                     for model in (Account, StageChange, Referral))


def _thank_yous(db):
    return [f for f in follow_ups.list_follow_ups(db, open_only=False) if f.origin == "referral_thanks"]


@pytest.mark.parametrize("introducer, field", [
    ({"introduced_by_person_id": 9999}, "referrer_person_id"),
    ({"introduced_by_account_id": 9999}, "referrer_account_id"),
    ("anna_of_gamma", "referrer_account_id"),  # Anna works at Alpha, not Gamma
])
def test_create_account_with_a_bad_introducer_writes_no_account(db, firm, introducer, field):
    if introducer == "anna_of_gamma":
        introducer = {"introduced_by_person_id": firm["anna"], "introduced_by_account_id": firm["gamma"]}
    before = _counts(db)
    with pytest.raises(ValidationError) as refused:
        accounts.create_account(db, name="Beta", today=TODAY, **introducer)
    assert refused.value.field == field
    assert _counts(db) == before
    assert [r.name for r in accounts.list_accounts(db)] == ["Alpha", "Gamma"]


def test_create_account_with_its_introducer_writes_both(db, firm):
    beta = accounts.create_account(db, name="Beta", stage="prospect", today=TODAY,
                                   introduced_by_person_id=firm["anna"])
    assert beta.name == "Beta"
    seen = referrals.account_referrals(db, account_id=beta.id).introduced_by
    assert (seen.referrer_person, seen.referrer_account, seen.referred_account) == ("Anna", "Alpha", "Beta")
    assert (seen.referred_on, seen.outcome, seen.thanked_on) == (TODAY, "introduced", None)
    assert [r.referred_account for r in referrals.account_referrals(db, account_id=firm["alpha"]).introduced] == ["Beta"]
    # the thank-you waits for the first order (a new account has none) ...
    assert _thank_yous(db) == []
    # ... then the referral service's rule makes "Thank Anna", for Alpha
    with db.write() as session:
        session.add(Order(account_id=beta.id, ordered_on=TODAY, amount=Decimal(500)))
        session.flush()
        referrals.on_orders_added(session, [beta.id], today=TODAY)
    (thanks,) = _thank_yous(db)
    assert (thanks.title, thanks.account_id, thanks.person_id) == ("Thank Anna for introducing Beta", firm["alpha"], firm["anna"])
    assert referrals.account_referrals(db, account_id=beta.id).introduced_by.outcome == "customer"


def test_create_account_introduced_by_an_account_alone(db, firm):
    beta = accounts.create_account(db, name="Beta", today=TODAY, introduced_by_account_id=firm["gamma"])
    seen = referrals.account_referrals(db, account_id=beta.id).introduced_by
    assert (seen.referrer_person_id, seen.referrer_account) == (None, "Gamma")


def test_without_an_introducer_no_referral_is_made(db, firm):
    beta = accounts.create_account(db, name="Beta", today=TODAY)
    assert referrals.account_referrals(db, account_id=beta.id).introduced_by is None
    assert _counts(db)[2] == 0


def test_a_referral_that_fails_after_the_account_is_written_takes_the_account_back(db, firm, monkeypatch):
    """One transaction: Save again after a failure cannot make a second account."""
    def broken(session, **_fields):
        raise ValidationError("the referral could not be written")

    monkeypatch.setattr(referrals, "record_in_session", broken)
    before = _counts(db)
    with pytest.raises(ValidationError, match="could not be written"):
        accounts.create_account(db, name="Beta", today=TODAY, introduced_by_person_id=firm["anna"])
    assert _counts(db) == before


def test_a_bad_account_field_writes_no_referral_either(db, firm):
    before = _counts(db)
    with pytest.raises(ValidationError):
        accounts.create_account(db, name="", today=TODAY, introduced_by_person_id=firm["anna"])
    assert _counts(db) == before
