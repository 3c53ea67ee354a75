"""The caches behind Today (revision 0006): each account's last touch and the current pyramid standing.

Both are kept by SQLite triggers; these tests change the data every way a
user can and check that the cache follows, and that Today ranks exactly as a
plain recomputation from the raw rows does.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import sqlalchemy as sa

from relationapp.data.models import (
    Account,
    FollowUp,
    Interaction,
    InteractionPerson,
    Order,
    Person,
    TierCacheState,
    TierSnapshot,
)
from relationapp.services.common.settings import get_settings, update_settings
from relationapp.services.customers import accounts, people
from relationapp.services.today import attention
from relationapp.services.touches import follow_ups, interactions
from relationapp.services.value import orders, pyramid
from relationapp.services.value.quarters import previous_quarter_end

TODAY = dt.date.today()  # the cache is kept for the day asked for; log_interaction refuses the future


def ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


def last_touch(db, account_id: int) -> dt.date | None:
    with db.read() as session:
        return session.execute(sa.select(Account.last_touch_on).where(Account.id == account_id)).scalar()


def cache_holds(db, day: dt.date = TODAY) -> bool:
    with db.read() as session:
        return pyramid.tier_cache_holds(session, day)


def customer(db, name: str, revenue: str | None = None, on: dt.date | None = None):
    account = accounts.create_account(db, name=name, stage="customer", customer_since=dt.date(2020, 1, 10))
    if revenue:
        orders.create_order(db, account_id=account.id, ordered_on=on or ago(30), amount=revenue)
    return account


# --- account.last_touch_on ------------------------------------------------------


def test_logging_editing_and_deleting_a_touch_moves_the_last_touch(db):
    shop = customer(db, "Shop")
    assert last_touch(db, shop.id) is None
    first = interactions.log_interaction(db, account_id=shop.id, kind="call", occurred_on=ago(40))
    assert last_touch(db, shop.id) == ago(40)
    interactions.log_interaction(db, account_id=shop.id, kind="email", occurred_on=ago(60))  # older: no change
    assert last_touch(db, shop.id) == ago(40)
    latest = interactions.log_interaction(db, account_id=shop.id, kind="visit", occurred_on=ago(2))
    assert last_touch(db, shop.id) == ago(2)
    interactions.update_interaction(db, interaction_id=latest.id, occurred_on=ago(50))  # corrected to an older day
    assert last_touch(db, shop.id) == ago(40)
    interactions.delete_interaction(db, interaction_id=first.id)
    assert last_touch(db, shop.id) == ago(50)
    for row in interactions.list_interactions(db, account_id=shop.id):
        interactions.delete_interaction(db, interaction_id=row.id)
    assert last_touch(db, shop.id) is None


def test_a_touch_moved_to_another_account_moves_both_last_touches(db):
    one, other = customer(db, "One"), customer(db, "Other")
    touch = interactions.log_interaction(db, account_id=one.id, kind="call", occurred_on=ago(5))
    interactions.log_interaction(db, account_id=one.id, kind="call", occurred_on=ago(90))
    interactions.update_interaction(db, interaction_id=touch.id, account_id=other.id)
    assert (last_touch(db, one.id), last_touch(db, other.id)) == (ago(90), ago(5))


def test_a_touch_logged_on_a_person_counts_for_the_account(db):
    shop = customer(db, "Shop")
    anna = people.create_person(db, name="Anna", account_id=shop.id)
    interactions.log_interaction(db, account_id=None, person_ids=[anna.id], kind="email", occurred_on=ago(3))
    assert last_touch(db, shop.id) == ago(3)


def test_deleting_an_account_with_touches_works(db):
    shop = customer(db, "Shop", "100.00")
    interactions.log_interaction(db, account_id=shop.id, kind="call", occurred_on=ago(3))
    with db.write() as session:
        session.execute(sa.delete(Account).where(Account.id == shop.id))
    with db.read() as session:
        assert session.execute(sa.select(sa.func.count()).select_from(Interaction)).scalar() == 0


# --- tier_cache -------------------------------------------------------------------


@pytest.fixture
def firm(db):
    big = customer(db, "Big One", "90000.00")
    small = customer(db, "Small One", "900.00")
    lead = accounts.create_account(db, name="A Lead", stage="prospect")
    tiers = pyramid.current_tiers(db, as_of=TODAY)
    assert cache_holds(db) and (tiers.tier_of(big.id), tiers.tier_of(small.id)) == ("top", "small")
    return dict(db=db, big=big, small=small, lead=lead)


def test_the_cache_is_used_while_it_holds(firm):
    db = firm["db"]
    interactions.log_interaction(db, account_id=firm["small"].id, kind="call", occurred_on=ago(1))  # touches do not matter
    assert cache_holds(db)
    with db.write() as session:  # if it were recomputed, this would be overwritten
        session.execute(sa.text("UPDATE tier_cache SET tier = 'big' WHERE account_id = :a"), {"a": firm["small"].id})
    assert pyramid.current_tiers(db, as_of=TODAY).tier_of(firm["small"].id) == "big"


def test_an_order_keeps_the_cache_exact_and_a_change_behind_the_services_back_clears_it(firm):
    db = firm["db"]
    order = orders.create_order(db, account_id=firm["small"].id, ordered_on=TODAY, amount="500000.00")
    assert cache_holds(db)  # re-ranked in the order's own transaction (tests/services/value/test_standing_updates.py)
    assert pyramid.current_tiers(db, as_of=TODAY).tier_of(firm["small"].id) == "top"
    assert cache_holds(db)
    with db.write() as session:  # as an import or a correction would
        session.execute(sa.update(Order).where(Order.id == order.id).values(amount=Decimal("1.00")))
    assert not cache_holds(db)
    assert pyramid.current_tiers(db, as_of=TODAY).tier_of(firm["small"].id) == "small"
    orders.delete_order(db, order_id=order.id)  # the small customer still has its other order
    assert cache_holds(db)
    assert pyramid.current_tiers(db, as_of=TODAY).tier_of(firm["small"].id) == "small"


def test_a_stage_change_archiving_and_a_new_account_clear_the_cache(firm):
    db = firm["db"]
    accounts.update_account(db, account_id=firm["lead"].id, stage="suspect")
    assert not cache_holds(db)
    assert pyramid.current_tiers(db, as_of=TODAY).tier_of(firm["lead"].id) == "suspect"
    accounts.update_account(db, account_id=firm["lead"].id, notes="only a note")  # not a stage: the cache holds
    assert cache_holds(db)
    accounts.archive_account(db, account_id=firm["small"].id)
    assert not cache_holds(db)
    assert firm["small"].id not in pyramid.current_tiers(db, as_of=TODAY)
    accounts.create_account(db, name="New", stage="customer")
    assert not cache_holds(db)


def test_changing_the_tier_percentages_clears_the_cache(firm):
    db = firm["db"]
    update_settings(db, cadence_top=20)  # not a tier share
    assert cache_holds(db)
    update_settings(db, tier_top_pct="80", tier_big_pct="10", tier_medium_pct="10")
    assert not cache_holds(db)
    assert pyramid.current_tiers(db, as_of=TODAY).tier_of(firm["small"].id) == "top"  # 80 % of 2 customers: both


def test_a_cache_from_yesterday_is_not_used_today(db):
    shop = customer(db, "Shop", "1000.00", on=ago(365))  # in yesterday's 12 months, not in today's
    assert pyramid.current_tiers(db, as_of=ago(1)).tier_of(shop.id) == "top"
    assert cache_holds(db, ago(1)) and not cache_holds(db, TODAY)
    assert pyramid.current_tiers(db, as_of=TODAY).tier_of(shop.id) == "inactive"
    assert cache_holds(db, TODAY) and not cache_holds(db, ago(1))


def test_another_day_asked_for_is_right_and_today_is_right_again(firm):
    """`today --date X` keeps the cache for X; the next look at today recomputes it."""
    db = firm["db"]
    old = attention.agenda(db, today=ago(400))
    assert all(i.revenue_12m == 0 for i in old.needs_attention)  # no orders in the year before then
    now = attention.agenda(db, today=TODAY)
    assert {i.account: i.tier for i in now.needs_attention} == {"Big One": "top", "Small One": "small"}


def test_a_report_on_a_quarter_end_leaves_todays_cache_alone(firm):
    """The portfolio report ranks the quarter end apart: Today's next look needs no recomputation."""
    db = firm["db"]
    end = previous_quarter_end(TODAY)
    kept = attention.agenda(db, today=end, limit=None, keep_standing=False)
    assert cache_holds(db) and not cache_holds(db, end)
    assert kept == attention.agenda(db, today=end, limit=None)  # the same answer as ranking it in the cache


def test_a_ranking_reused_by_reads_is_redone_after_a_write(firm):
    db = firm["db"]
    assert pyramid.compute_tiers(db, as_of=TODAY).tier_of(firm["small"].id) == "small"
    with db.write() as session:  # behind the services' back, as an import would
        session.add(Order(account_id=firm["small"].id, ordered_on=TODAY, amount=Decimal("500000.00")))
    assert pyramid.compute_tiers(db, as_of=TODAY).tier_of(firm["small"].id) == "top"


def test_a_new_snapshot_of_that_quarter_end_clears_the_cache(firm):
    db = firm["db"]
    quarter = previous_quarter_end(TODAY)
    orders.create_order(db, account_id=firm["small"].id, ordered_on=quarter - dt.timedelta(days=10), amount="10.00")
    pyramid.current_tiers(db, as_of=TODAY)
    with db.read() as session:
        assert session.get(TierCacheState, 1).quarter_end == quarter
    pyramid.snapshot_quarters(db, through=TODAY, replace=True)
    assert not cache_holds(db)


def test_the_cache_keeps_who_dropped_a_tier_since_the_quarter_end(db):
    faller = customer(db, "Fallen Star")
    for i in range(5):
        customer(db, f"Steady {i}", f"{1000 + i}.00", on=ago(10))
    quarter = previous_quarter_end(TODAY)
    with db.write() as session:  # big in the 12 months up to the quarter end, gone from today's window
        session.add(Order(account_id=faller.id, ordered_on=quarter.replace(year=quarter.year - 1) + dt.timedelta(days=1),
                          amount=Decimal("500000.00")))
    item = next(i for i in attention.agenda(db, today=TODAY).needs_attention if i.account == "Fallen Star")
    assert item.dropped_from == "top" and item.value == Decimal("500000.00")
    with db.read() as session:  # the first look kept the quarter's snapshot
        assert session.execute(sa.select(sa.func.count()).select_from(TierSnapshot)
                               .where(TierSnapshot.quarter_end == quarter)).scalar() > 0


@pytest.mark.sqlite_only(reason='a read-only SQLite file (the second window on one computer)')
def test_a_read_only_database_still_gets_its_agenda(db, db_path):
    from relationapp.services.data_care.instance_lock import open_read_only

    shop = customer(db, "Shop", "1000.00")
    interactions.log_interaction(db, account_id=shop.id, kind="call", occurred_on=ago(400))
    orders.create_order(db, account_id=shop.id, ordered_on=ago(1), amount="5.00")  # the cache is stale now
    looking = open_read_only(db_path)
    try:
        agenda = attention.agenda(looking, today=TODAY)
        assert [(i.account, i.tier, i.revenue_12m) for i in agenda.needs_attention] == [("Shop", "top", Decimal("1005.00"))]
        assert pyramid.current_tiers(looking, as_of=TODAY).tier_of(shop.id) == "top"
    finally:
        looking.dispose()
    assert not cache_holds(db)


# --- Today ranks as a recomputation from the raw rows does -------------------------


def reference_attention(db, today: dt.date) -> tuple[list, list]:
    """(customers, leads) as (account id, days overdue, value, dropped from), ranked, computed the slow way."""
    settings = get_settings(db)
    tiers = pyramid.compute_tiers(db, as_of=today)
    dropped = {d.account_id: d for d in pyramid.dropped_accounts(db, as_of=today, current=tiers)}
    with db.read() as session:
        rows = session.execute(sa.select(Account.id, Account.stage, Account.cadence_days, Account.customer_since,
                                         Account.created_at)
                               .where(Account.archived == sa.false(),
                                      sa.or_(Account.stage == "customer",  # leads: those in focus only
                                             sa.and_(Account.stage.in_(attention.LEAD_STAGES), Account.in_focus)))).all()
        last = dict(session.execute(sa.select(Interaction.account_id, sa.func.max(Interaction.occurred_on))
                                    .group_by(Interaction.account_id)).all())
        via = session.execute(sa.select(Person.account_id, Interaction.occurred_on)
                              .join(InteractionPerson, InteractionPerson.person_id == Person.id)
                              .join(Interaction, Interaction.id == InteractionPerson.interaction_id)
                              .where(Interaction.account_id.is_(None))).all()
        planned = set(session.execute(sa.select(FollowUp.account_id).where(
            FollowUp.origin == "cadence", FollowUp.done_on.is_(None))).scalars())
        persons = session.execute(sa.select(Person.account_id, Person.do_not_contact)
                                  .where(Person.archived == sa.false())).all()
    for account_id, day in via:
        day = dt.date.fromisoformat(day) if isinstance(day, str) else day
        if account_id is not None and (last.get(account_id) is None or day > last[account_id]):
            last[account_id] = day
    reachable: dict[int, bool] = {}
    for account_id, dnc in persons:
        reachable[account_id] = reachable.get(account_id, False) or not dnc
    customers, leads = [], []
    for aid, stage, override, since, created in rows:
        if aid in planned or reachable.get(aid, True) is False:
            continue
        tier = tiers.tier_of(aid, "prospect")
        cadence = attention.cadence_for(settings, tier=tier, stage=stage, override=override)
        start = last.get(aid) or since or created.date()
        overdue = (today - start).days - cadence
        drop = dropped.get(aid) if stage == "customer" else None
        if overdue <= 0 and drop is None:
            continue
        if stage == "customer":
            revenue = tiers[aid].revenue_12m
            value = attention.value_at_stake(revenue, overdue, cadence)
            if drop is not None:
                value = max(value, drop.revenue_before - drop.revenue_now)
            customers.append(((-value, -overdue, aid), (aid, max(overdue, 0), value, drop and drop.from_tier)))
        else:
            leads.append(((attention.LEAD_STAGES.index(stage), -overdue / cadence, aid), (aid, max(overdue, 0), Decimal("0.00"), None)))
    return [r for _, r in sorted(customers)], [r for _, r in sorted(leads)]


def shown(items) -> list:
    return [(i.account_id, i.days_overdue, i.value, i.dropped_from) for i in items]


@pytest.mark.parametrize("offset", [0, 45, 200])
def test_today_ranks_the_demo_firm_as_a_recomputation_does(demo_db, offset):
    today = dt.date(2026, 11, 22) + dt.timedelta(days=offset)
    db = demo_db
    with db.write() as session:  # a few people who asked not to be contacted, and a planned contact
        session.execute(sa.update(Person).where(Person.id % 7 == 0).values(do_not_contact=True))
    some = attention.agenda(db, today=today).needs_attention
    if some:
        attention.plan_contact(db, account_id=some[0].account_id, due_on=today + dt.timedelta(days=3))
    agenda = attention.agenda(db, today=today, limit=None, prospect_limit=None)
    customers, leads = reference_attention(db, today)
    assert shown(agenda.needs_attention) == customers and agenda.needs_attention_total == len(customers)
    assert shown(agenda.prospects_in_focus) == leads and agenda.prospects_total == len(leads)
    first = attention.agenda(db, today=today, limit=3, prospect_limit=2)
    assert shown(first.needs_attention) == customers[:3] and first.needs_attention_total == len(customers)
    assert shown(first.prospects_in_focus) == leads[:2] and first.prospects_total == len(leads)


def test_follow_ups_and_coming_up_stop_at_the_limit_and_count_them_all(demo_db):
    today = dt.date(2026, 11, 22)
    every = attention.agenda(demo_db, today=today, limit=None)
    first = attention.agenda(demo_db, today=today, limit=2)
    assert first.follow_ups_due == every.follow_ups_due[:2] and first.follow_ups_due_total == len(every.follow_ups_due)
    assert first.coming_up == every.coming_up[:2] and first.coming_up_total == len(every.coming_up)
    due = [f.due_on for f in every.follow_ups_due]
    assert due == sorted(due) and all(d <= today for d in due)
    assert [c.on for c in every.coming_up] == sorted(c.on for c in every.coming_up)
    assert all(0 <= c.days_away <= 30 for c in every.coming_up)
    counted = attention.agenda(demo_db, today=today, limit=0, prospect_limit=0)
    assert counted.needs_attention == () and counted.needs_attention_total == every.needs_attention_total
    assert counted.follow_ups_due_total == every.follow_ups_due_total and counted.coming_up_total == every.coming_up_total
    assert follow_ups.list_follow_ups(demo_db)  # the demo firm has follow-ups at all
