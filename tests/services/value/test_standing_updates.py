"""A new order re-ranks one account in the tier cache instead of recomputing the pyramid (#18).

After every kind of order change, the cache must be exactly what a full
recomputation stores (tiers, ranks, revenue, who dropped a tier since the
quarter end); the cheap path must really be taken for the everyday case of
an order dated today.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest
import sqlalchemy as sa

from relationapp.data.models import TierCacheState
from relationapp.services.customers import accounts
from relationapp.services.value import orders, pyramid
from relationapp.services.value.orders import OrderInput
from relationapp.services.value.quarters import previous_quarter_end

TODAY = dt.date.today()  # the cache is kept for the day asked for
QUARTER = previous_quarter_end(TODAY)


def cache_rows(db) -> list[tuple]:
    with db.read() as session:
        return sorted(tuple(r) for r in session.execute(sa.text(
            "SELECT account_id, tier, revenue_12m, rank, dropped_from, revenue_before FROM tier_cache")))


def holds(db) -> bool:
    with db.read() as session:
        return pyramid.tier_cache_holds(session, TODAY)


def recomputed(db) -> list[tuple]:
    """What a full recomputation stores, leaving the database as it was."""
    with db.write() as session:
        session.execute(sa.update(TierCacheState).values(valid=False))
    pyramid.current_tiers(db, as_of=TODAY)
    assert holds(db)
    return cache_rows(db)


@pytest.fixture
def firm(db):
    rng = random.Random(7)
    ids = []
    for i in range(40):
        account = accounts.create_account(db, name=f"Customer {i:02d}", stage="customer")
        ids.append(account.id)
        # revenue before the quarter end (in its snapshot) and after it
        orders.create_order(db, account_id=account.id, ordered_on=QUARTER - dt.timedelta(days=rng.randint(1, 200)),
                            amount=f"{rng.choice([100, 500, 2500, 2500, 9000, 40000])}.00")
    ids.append(accounts.create_account(db, name="A Lead", stage="prospect").id)
    pyramid.current_tiers(db, as_of=TODAY)
    assert holds(db)
    return db, ids


def test_an_order_today_keeps_the_cache_exact_without_a_recomputation(firm):
    db, ids = firm
    before = cache_rows(db)
    small = min(before, key=lambda r: (r[2], r[0]))[0]  # the smallest customer becomes the biggest
    orders.create_order(db, account_id=small, ordered_on=TODAY, amount="900000.00")
    assert holds(db)  # updated in the order's own transaction
    after = cache_rows(db)
    assert after == recomputed(db)
    assert next(r for r in after if r[0] == small)[1:4] == ("top", 90000000, 1)
    dropped = [r for r in after if r[4] is not None]
    assert dropped  # the former number one fell from Top since the quarter end, and says so
    assert pyramid.current_tiers(db, as_of=TODAY).tier_of(small) == "top"


def test_every_kind_of_order_change_leaves_the_cache_as_a_recomputation_would(firm):
    db, ids = firm
    rng = random.Random(11)
    made = []
    took_the_short_way = 0
    for step in range(40):
        pyramid.current_tiers(db, as_of=TODAY)  # as Today would look between changes
        choice = rng.random()
        account_id = rng.choice(ids)
        if choice < 0.5:
            day = TODAY
        elif choice < 0.6:
            day = QUARTER - dt.timedelta(days=rng.randint(0, 30))  # back-dated into the quarter's snapshot
        elif choice < 0.7:
            day = TODAY + dt.timedelta(days=rng.randint(1, 30))  # dated ahead: not revenue yet
        elif choice < 0.8 and made:
            orders.delete_order(db, order_id=made.pop(rng.randrange(len(made))))
            shown, held = cache_rows(db), holds(db)
            assert not held or shown == recomputed(db), f"step {step}: deleting an order"
            continue
        else:
            orders.add_orders(db, orders=[OrderInput(rng.choice(ids), TODAY, f"{rng.randint(1, 60000)}.00")
                                          for _ in range(3)])
            assert holds(db)
            assert cache_rows(db) == recomputed(db)
            took_the_short_way += 1
            continue
        made.append(orders.create_order(db, account_id=account_id, ordered_on=day,
                                        amount=f"{rng.randint(1, 80000)}.{rng.randint(0, 99):02d}").id)
        if day > QUARTER:
            assert holds(db), f"step {step}: an order dated {day} should not need a recomputation"
            took_the_short_way += 1
        shown, held = cache_rows(db), holds(db)
        assert not held or shown == recomputed(db), f"step {step}: an order dated {day}"
    assert took_the_short_way > 10


def test_ties_at_a_tier_boundary_stay_together(db):
    ids = [accounts.create_account(db, name=f"Even {i}", stage="customer").id for i in range(30)]
    for account_id in ids:
        orders.create_order(db, account_id=account_id, ordered_on=QUARTER - dt.timedelta(days=5), amount="1000.00")
    pyramid.current_tiers(db, as_of=TODAY)
    orders.create_order(db, account_id=ids[3], ordered_on=TODAY, amount="0.01")
    assert holds(db)
    assert cache_rows(db) == recomputed(db)
    tiers = pyramid.current_tiers(db, as_of=TODAY)
    assert tiers.tier_of(ids[3]) == "top"
    assert {tiers.tier_of(a) for a in ids if a != ids[3]} == {"big"}  # all tied: none left behind in a lower tier


def test_an_order_from_a_customer_without_revenue_becomes_part_of_the_ranking(firm):
    db, ids = firm
    lead = ids[-1]
    orders.create_order(db, account_id=lead, ordered_on=TODAY, amount="123.45")
    assert holds(db) and cache_rows(db) == recomputed(db)
    assert pyramid.current_tiers(db, as_of=TODAY).tier_of(lead) in pyramid.CUSTOMER_TIERS
