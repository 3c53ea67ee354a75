"""Referrals: recording, refusing self-referrals and circles, credit, the thank-you."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from relationapp.data.models import Order
from relationapp.errors import ValidationError
from relationapp.services.customers import accounts, people
from relationapp.services.relationships import ambassadors, journey, nps, referrals
from relationapp.services.touches import follow_ups, interactions

TODAY = dt.date(2026, 11, 22)


def _account(db, name, **fields):
    return accounts.create_account(db, name=name, stage="customer", today=TODAY, **fields).id


def _person(db, name, account_id):
    return people.create_person(db, name=name, account_id=account_id).id


def _order(db, account_id, day, amount):
    """What the orders service does: add the order, then run the referral rule in the same unit of work."""
    with db.write() as session:
        session.add(Order(account_id=account_id, ordered_on=day, amount=Decimal(amount)))
        session.flush()
        return referrals.on_orders_added(session, [account_id], today=TODAY)


@pytest.fixture
def firm(db):
    """Anna at Alpha; Bram at Beta; Carla at Gamma; Delta has nobody yet."""
    ids = {}
    for key, name in (("a", "Alpha"), ("b", "Beta"), ("c", "Gamma"), ("d", "Delta")):
        ids[key] = _account(db, name)
    ids["anna"] = _person(db, "Anna", ids["a"])
    ids["bram"] = _person(db, "Bram", ids["b"])
    ids["carla"] = _person(db, "Carla", ids["c"])
    return ids


def _thank_yous(db):
    return [f for f in follow_ups.list_follow_ups(db, open_only=False) if f.origin == "referral_thanks"]


def test_referral_records_referrer_account_through_the_person(db, firm):
    row = referrals.record_referral(db, referred_account_id=firm["b"], referrer_person_id=firm["anna"],
                                    referred_on="2026-05-01", note="Met at the fair", today=TODAY)
    assert (row.referrer_person, row.referrer_account, row.referred_account) == ("Anna", "Alpha", "Beta")
    assert row.referrer == "Anna (Alpha)"
    seen_from_b = referrals.account_referrals(db, account_id=firm["b"])
    seen_from_a = referrals.account_referrals(db, account_id=firm["a"])
    assert seen_from_b.introduced_by.id == row.id and seen_from_b.introduced == ()
    assert [r.referred_account for r in seen_from_a.introduced] == ["Beta"] and seen_from_a.introduced_by is None


def test_self_referral_is_refused_and_nothing_saved(db, firm):
    with pytest.raises(ValidationError, match="cannot introduce itself"):
        referrals.record_referral(db, referred_account_id=firm["a"], referrer_person_id=firm["anna"], today=TODAY)
    assert referrals.referral_ledger(db) == []


def test_two_account_circle_is_refused(db, firm):
    referrals.record_referral(db, referred_account_id=firm["b"], referrer_person_id=firm["anna"], today=TODAY)
    with pytest.raises(ValidationError, match="circle: Alpha introduced Beta"):
        referrals.record_referral(db, referred_account_id=firm["a"], referrer_person_id=firm["bram"], today=TODAY)
    assert len(referrals.referral_ledger(db)) == 1


def test_longer_circle_is_refused_with_the_whole_chain(db, firm):
    referrals.record_referral(db, referred_account_id=firm["b"], referrer_person_id=firm["anna"], today=TODAY)
    referrals.record_referral(db, referred_account_id=firm["c"], referrer_person_id=firm["bram"], today=TODAY)
    with pytest.raises(ValidationError) as refused:
        referrals.record_referral(db, referred_account_id=firm["a"], referrer_person_id=firm["carla"], today=TODAY)
    assert "Alpha introduced Beta, Beta introduced Gamma" in refused.value.message
    assert len(referrals.referral_ledger(db)) == 2


def test_an_account_is_introduced_once(db, firm):
    referrals.record_referral(db, referred_account_id=firm["d"], referrer_person_id=firm["anna"], today=TODAY)
    with pytest.raises(ValidationError, match="already introduced by Anna"):
        referrals.record_referral(db, referred_account_id=firm["d"], referrer_person_id=firm["bram"], today=TODAY)


def test_bad_input_is_refused(db, firm):
    with pytest.raises(ValidationError, match="who made the introduction"):
        referrals.record_referral(db, referred_account_id=firm["d"], today=TODAY)
    with pytest.raises(ValidationError, match="future"):
        referrals.record_referral(db, referred_account_id=firm["d"], referrer_person_id=firm["anna"],
                                  referred_on=TODAY + dt.timedelta(days=1), today=TODAY)
    with pytest.raises(ValidationError, match="Outcome"):
        referrals.record_referral(db, referred_account_id=firm["d"], referrer_person_id=firm["anna"], outcome="won", today=TODAY)
    assert referrals.referral_ledger(db) == []


def test_tree_shows_chains(db, firm):
    referrals.record_referral(db, referred_account_id=firm["b"], referrer_person_id=firm["anna"], today=TODAY)
    referrals.record_referral(db, referred_account_id=firm["c"], referrer_person_id=firm["bram"], today=TODAY)
    (root,) = referrals.referral_tree(db)
    assert root.account == "Alpha"
    (beta,) = root.children
    assert (beta.account, beta.introduced_by) == ("Beta", "Anna")
    assert [c.account for c in beta.children] == ["Gamma"]


def test_credited_revenue_first_year_and_lifetime(db, firm):
    referrals.record_referral(db, referred_account_id=firm["b"], referrer_person_id=firm["anna"],
                              referred_on="2025-03-01", today=TODAY)
    referrals.record_referral(db, referred_account_id=firm["c"], referrer_person_id=firm["anna"],
                              referred_on="2026-01-10", today=TODAY)
    _order(db, firm["b"], dt.date(2025, 3, 15), "1000.10")
    _order(db, firm["b"], dt.date(2026, 2, 28), "200.00")   # still within the first year
    _order(db, firm["b"], dt.date(2026, 3, 1), "50.05")     # a year after: lifetime only
    _order(db, firm["c"], dt.date(2026, 6, 1), "300.00")
    _order(db, firm["d"], dt.date(2026, 6, 1), "999.00")    # not referred: credited to nobody
    ledger = {r.referred_account: r for r in referrals.referral_ledger(db)}
    assert ledger["Beta"].credited_first_year == Decimal("1200.10")
    assert ledger["Beta"].credited_lifetime == Decimal("1250.15")
    assert ledger["Beta"].first_order_on == dt.date(2025, 3, 15)
    (anna,) = referrals.credit_by_referrer(db)
    assert (anna.referrer_person, anna.introductions, anna.customers) == ("Anna", 2, 2)
    assert anna.credited_first_year == Decimal("1500.10")
    assert anna.credited_lifetime == Decimal("1550.15")


def test_thank_you_follow_up_appears_on_first_order_only(db, firm):
    referral = referrals.record_referral(db, referred_account_id=firm["d"], referrer_person_id=firm["anna"],
                                         referred_on="2026-11-01", today=TODAY)
    assert _thank_yous(db) == []  # introduced, nothing ordered yet
    assert _order(db, firm["c"], dt.date(2026, 11, 20), "10.00") == []  # someone else's order
    made = _order(db, firm["d"], dt.date(2026, 11, 20), "500.00")
    assert len(made) == 1
    (thanks,) = _thank_yous(db)
    assert thanks.title == "Thank Anna for introducing Delta"
    assert thanks.person_id == firm["anna"] and thanks.account_id == firm["a"]
    assert thanks.due_on == dt.date(2026, 11, 27)
    assert "Suggested" in thanks.notes
    assert referrals.get_referral(db, referral_id=referral.id).outcome == "customer"
    assert _order(db, firm["d"], dt.date(2026, 11, 21), "80.00") == []
    assert referrals.ensure_thank_you_follow_ups(db, today=TODAY) == []
    assert len(_thank_yous(db)) == 1


def test_referral_recorded_after_the_first_order_still_gets_its_thank_you(db, firm):
    _order(db, firm["d"], dt.date(2026, 11, 10), "500.00")
    referrals.record_referral(db, referred_account_id=firm["d"], referrer_person_id=firm["bram"],
                              referred_on="2026-10-01", today=TODAY)
    assert [f.title for f in _thank_yous(db)] == ["Thank Bram for introducing Delta"]


def test_suggestion_avoids_a_gift_given_before(db, firm):
    interactions.log_interaction(db, account_id=firm["a"], kind="gift", person_ids=[firm["anna"]],
                                 gift_item="Bottle of wine", occurred_on=dt.date(2026, 1, 5))
    referrals.record_referral(db, referred_account_id=firm["d"], referrer_person_id=firm["anna"], today=TODAY)
    _order(db, firm["d"], dt.date(2026, 11, 20), "500.00")
    (thanks,) = _thank_yous(db)
    assert "not had yet" in thanks.notes and "Bottle of wine" in thanks.notes


def test_thanking_records_the_gift_and_closes_the_follow_up(db, firm):
    referral = referrals.record_referral(db, referred_account_id=firm["d"], referrer_person_id=firm["anna"], today=TODAY)
    _order(db, firm["d"], dt.date(2026, 11, 20), "500.00")
    (thanks,) = _thank_yous(db)
    assert referrals.referral_for_follow_up(db, follow_up_id=thanks.id).id == referral.id
    row = referrals.thank_referrer(db, referral_id=referral.id, kind="gift", gift_item="Flowers", gift_cost="35.00",
                                   thanked_on=TODAY, today=TODAY)
    assert row.thanked_on == TODAY
    (touch,) = interactions.list_interactions(db, person_id=firm["anna"])
    assert (touch.kind, touch.gift_item, touch.gift_cost, touch.account_id) == ("gift", "Flowers", Decimal("35.00"), firm["a"])
    assert _thank_yous(db)[0].done_on == TODAY


def test_a_gift_without_an_item_is_refused_and_nothing_saved(db, firm):
    referral = referrals.record_referral(db, referred_account_id=firm["d"], referrer_person_id=firm["anna"], today=TODAY)
    with pytest.raises(ValidationError, match="gift needs the item"):
        referrals.thank_referrer(db, referral_id=referral.id, kind="gift", today=TODAY)
    assert referrals.get_referral(db, referral_id=referral.id).thanked_on is None
    assert interactions.list_interactions(db, account_id=firm["a"]) == []


def test_ambassador_is_a_promoter_who_introduced_someone(db, firm):
    referrals.record_referral(db, referred_account_id=firm["b"], referrer_person_id=firm["anna"], today=TODAY)
    referrals.record_referral(db, referred_account_id=firm["d"], referrer_person_id=firm["carla"], today=TODAY)
    _order(db, firm["b"], dt.date(2026, 11, 1), "100.00")
    _order(db, firm["d"], dt.date(2026, 11, 1), "900.00")
    nps.record_score(db, person_id=firm["anna"], score=10, responded_on="2026-10-01", today=TODAY)
    nps.record_score(db, person_id=firm["carla"], score=9, responded_on="2026-09-01", today=TODAY)
    nps.record_score(db, person_id=firm["bram"], score=10, today=TODAY)  # a promoter who introduced nobody
    assert ambassadors.ambassador_person_ids(db) == {firm["anna"], firm["carla"]}
    assert [a.person for a in ambassadors.list_ambassadors(db)] == ["Carla", "Anna"]  # by revenue brought
    nps.record_score(db, person_id=firm["carla"], score=6, today=TODAY)  # the latest score counts
    assert ambassadors.ambassador_person_ids(db) == {firm["anna"]}


def test_journey_stage_derived_and_overridden(db, firm):
    referrals.record_referral(db, referred_account_id=firm["b"], referrer_person_id=firm["anna"], today=TODAY)
    for year in (2024, 2025, 2026):
        _order(db, firm["c"], dt.date(year, 5, 1), "10.00")
    stages = journey.journey_stages(db)
    assert stages[firm["a"]].derived == "advocate"  # introduced Beta
    assert stages[firm["b"]].derived == "enjoy"
    assert stages[firm["c"]].derived == "bond"
    stage = journey.set_journey_stage(db, account_id=firm["b"], stage="advocate")
    assert (stage.derived, stage.stored, stage.effective, stage.label) == ("enjoy", "advocate", "advocate", "Advocating")
    assert journey.set_journey_stage(db, account_id=firm["b"], stage=None).effective == "enjoy"


def test_orders_service_triggers_the_thank_you_once(db, firm):
    from relationapp.services.value import orders

    today = dt.date.today()
    referrals.record_referral(db, referred_account_id=firm["d"], referrer_person_id=firm["bram"], today=today)
    orders.create_order(db, account_id=firm["d"], ordered_on=today, amount="120.00")
    orders.add_orders(db, orders=[orders.OrderInput(firm["d"], today, "30.00"), orders.OrderInput(firm["c"], today, "5.00")])
    assert [f.title for f in _thank_yous(db)] == ["Thank Bram for introducing Delta"]
