import datetime as dt
from decimal import Decimal

import pytest

from relationapp.config import Settings
from relationapp.errors import ValidationError
from relationapp.services.common.settings import update_settings
from relationapp.services.customers.accounts import (
    archive_account,
    create_account,
    update_account,
)
from relationapp.services.value.orders import OrderInput, add_orders, create_order
from relationapp.services.value.pyramid import (
    _tier_ends,
    compute_tiers,
    dropped_accounts,
    movement,
    pyramid_summary,
    snapshot_quarters,
    stored_quarter_ends,
    tier_members,
)
from relationapp.services.value.quarters import (
    parse_quarter,
    previous_quarter_end,
    quarter_ends,
    quarter_label,
)

AS_OF = dt.date(2026, 6, 30)
IN_WINDOW = dt.date(2026, 3, 1)


def tier_counts(revenues: list[int], settings: Settings | None = None) -> tuple[int, int, int, int]:
    """How many of these customers (revenue descending, as _classify orders them) are Top, Big, Medium, Small."""
    ordered = sorted(enumerate(revenues, start=1), key=lambda pair: (-pair[1], pair[0]))
    top, big, medium, small = _tier_ends(ordered, settings or Settings())
    return top, big - top, medium - big, small - medium


@pytest.mark.parametrize("n, expected", [
    (1, (1, 0, 0, 0)),
    (5, (1, 0, 0, 4)),  # 1 % of 5 rounds to 0: still one Top
    (20, (1, 0, 3, 16)),  # Top 1, the first 5 % (1 customer) is taken, first 20 % = 4
    (100, (1, 4, 15, 80)),
    (101, (1, 4, 15, 81)),  # 1.01, 5.05 and 20.2 customers round down
    (150, (2, 6, 22, 120)),  # 1.5 -> 2, 7.5 -> 8, 30
])
def test_tier_boundaries_with_distinct_revenues(n, expected):
    assert tier_counts([1000 * (n - i) for i in range(n)]) == expected


def test_ties_stay_together_in_the_higher_tier():
    # 100 customers; #1 and #2 tie: both Top, and the first 5 % still ends at #5
    assert tier_counts([5000, 5000] + [1000 - i for i in range(98)]) == (2, 3, 15, 80)
    # a tie across the Medium/Small boundary (ranks 20 and 21) keeps both in Medium
    revenues = [10_000 - i for i in range(19)] + [500, 500] + [400 - i for i in range(79)]
    assert tier_counts(revenues) == (1, 4, 16, 79)
    # everyone equal: nobody can be ranked below anyone else
    assert tier_counts([300] * 20) == (20, 0, 0, 0)


def test_percentages_come_from_settings():
    settings = Settings(tier_top_pct=Decimal(10), tier_big_pct=Decimal(10), tier_medium_pct=Decimal(30))
    assert tier_counts([100 - i for i in range(20)], settings) == (2, 2, 6, 10)


def customer(db, name, *amounts_on, stage="customer", today=dt.date(2024, 1, 1), **fields):
    account = create_account(db, name=name, stage=stage, today=today, **fields).id
    add_orders(db, orders=[OrderInput(account, day, amount) for day, amount in amounts_on])
    return account


def test_tiers_of_every_kind_of_account(db):
    big = customer(db, "Whale B.V.", (IN_WINDOW, "90000.00"))
    small = customer(db, "Kapper Jansen", (IN_WINDOW, "150.00"))
    lapsed = customer(db, "Oud Klant", (dt.date(2025, 6, 30), "5000.00"))  # one day before the window
    refunded = customer(db, "Retour B.V.", (IN_WINDOW, "200.00"), (IN_WINDOW, "-200.00"))
    no_orders_yet = customer(db, "Nieuw B.V.")
    prospect = customer(db, "Misschien", stage="prospect")
    suspect = customer(db, "Wie weet", stage="suspect")
    gone = customer(db, "Gestopt", stage="inactive")
    archived = customer(db, "Weg", (IN_WINDOW, "1.00"))
    archive_account(db, account_id=archived)
    tiers = compute_tiers(db, as_of=AS_OF)
    assert {a: t.tier for a, t in tiers.items()} == {
        big: "top", small: "small", lapsed: "inactive", refunded: "inactive", no_orders_yet: "small",
        prospect: "prospect", suspect: "suspect", gone: "inactive",
    }
    assert tiers[big].revenue_12m == Decimal("90000.00") and tiers[big].rank == 1
    assert tiers[lapsed].revenue_12m == Decimal("0.00") and tiers[lapsed].rank is None
    # a day later the lapsed customer's order is inside the window again
    assert compute_tiers(db, as_of=dt.date(2026, 6, 29))[lapsed].tier == "small"


def test_order_after_the_date_does_not_count(db):
    later = customer(db, "Later B.V.", (dt.date(2026, 7, 1), "100"), stage="prospect")
    assert compute_tiers(db, as_of=AS_OF)[later].tier == "prospect"


def test_summary_counts_revenue_share_and_members(db):
    customers = [customer(db, f"Klant {i:03d}", (IN_WINDOW, str(100 * (100 - i)))) for i in range(100)]
    customer(db, "Prospect", stage="prospect")
    summary = pyramid_summary(db, as_of=AS_OF)
    assert summary.customers == 100
    assert summary.revenue == Decimal(sum(100 * (100 - i) for i in range(100)))
    top = summary.tier("top")
    assert (top.count, top.revenue, top.account_ids) == (1, Decimal("10000.00"), (customers[0],))
    assert top.revenue_share == Decimal("2.0")  # 10,000 of 505,000
    assert [summary.tier(t).count for t in ("big", "medium", "small", "prospect")] == [4, 15, 80, 1]
    assert sum(summary.tier(t).revenue_share for t in ("top", "big", "medium", "small")) == pytest.approx(100, abs=0.2)
    members = tier_members(db, as_of=AS_OF, tier="big")
    assert [m.name for m in members] == ["Klant 001", "Klant 002", "Klant 003", "Klant 004"]
    assert members[0].revenue_12m == Decimal("9900.00") and members[0].rank == 2


def test_changing_the_percentages_changes_the_pyramid(db):
    for i in range(10):
        customer(db, f"K{i}", (IN_WINDOW, str(10 + i)))
    update_settings(db, tier_top_pct="20", tier_big_pct="0", tier_medium_pct="0")
    assert pyramid_summary(db, as_of=AS_OF).tier("top").count == 2


def test_quarter_syntax():
    assert parse_quarter("2026Q3") == (dt.date(2026, 7, 1), dt.date(2026, 9, 30))
    assert parse_quarter("2024q1") == (dt.date(2024, 1, 1), dt.date(2024, 3, 31))
    assert parse_quarter("2025-Q4")[1] == dt.date(2025, 12, 31)
    with pytest.raises(ValidationError, match="Q1 to Q4, not Q5"):
        parse_quarter("2026Q5")
    with pytest.raises(ValidationError, match="like 2026Q3"):
        parse_quarter("soon")
    assert quarter_label(dt.date(2026, 8, 15)) == "2026Q3"
    assert previous_quarter_end(dt.date(2026, 7, 1)) == dt.date(2026, 6, 30)
    assert previous_quarter_end(dt.date(2026, 6, 30)) == dt.date(2026, 3, 31)
    assert quarter_ends(dt.date(2025, 11, 5), dt.date(2026, 6, 29)) == [dt.date(2025, 12, 31), dt.date(2026, 3, 31)]


def test_snapshot_history_is_built_back_from_the_first_order(db):
    steady = customer(db, "Vast", (dt.date(2025, 2, 1), "1000"), (dt.date(2026, 2, 1), "1000"))
    fading = customer(db, "Zakt", (dt.date(2025, 2, 10), "5000"))
    result = snapshot_quarters(db, through=dt.date(2026, 6, 30))
    assert [quarter_label(q) for q in result.quarter_ends] == ["2025Q1", "2025Q2", "2025Q3", "2025Q4", "2026Q1", "2026Q2"]
    assert result.computed == result.quarter_ends
    assert stored_quarter_ends(db) == list(result.quarter_ends)
    history = movement(db, from_quarter="2025Q1", to_quarter="2026Q1")
    assert history.count("top", "inactive") == 1  # Zakt: its only order fell out of the window
    assert history.count("small", "top") == 1  # Vast: now the only paying customer
    # idempotent: nothing is recomputed the second time
    assert snapshot_quarters(db, through=dt.date(2026, 6, 30)).computed == ()
    assert stored_quarter_ends(db) == list(result.quarter_ends)
    # an order typed in for an old quarter makes the later snapshots stale; they are redone
    create_order(db, account_id=fading, ordered_on=dt.date(2025, 12, 1), amount="9000")
    redone = snapshot_quarters(db, through=dt.date(2026, 6, 30))
    assert [quarter_label(q) for q in redone.computed] == ["2025Q4", "2026Q1", "2026Q2"]
    assert movement(db, from_quarter="2025Q1", to_quarter="2026Q1").count("top", "top") == 1
    assert steady not in {m.account_id for m in movement(db, from_quarter="2025Q1", to_quarter="2026Q1").moved_down}


def test_accounts_not_yet_known_are_not_in_old_snapshots(db):
    customer(db, "Oud", (dt.date(2025, 1, 5), "100"), today=dt.date(2024, 1, 1))
    newcomer = customer(db, "Nieuw", stage="prospect", today=dt.date(2025, 8, 1))
    update_account(db, account_id=newcomer, stage="customer", today=dt.date(2025, 11, 1))
    snapshot_quarters(db, through=dt.date(2025, 12, 31))
    moves = movement(db, from_quarter="2025Q2", to_quarter="2025Q4")
    assert moves.count("none", "small") == 1  # not known in Q2, a customer (no order yet) in Q4
    assert movement(db, from_quarter="2025Q3", to_quarter="2025Q4").count("prospect", "small") == 1


def test_the_pyramid_of_a_past_day_counts_the_stages_of_that_day(db):
    # the pyramid printed for a past quarter and the movement table (the kept tiers) agree
    customer(db, "Oud", (dt.date(2025, 1, 5), "100"), today=dt.date(2024, 1, 1))
    promoted = customer(db, "Gepromoveerd", stage="prospect", today=dt.date(2025, 8, 1))
    update_account(db, account_id=promoted, stage="customer", today=dt.date(2025, 11, 1))
    customer(db, "Later", stage="suspect", today=dt.date(2026, 2, 1))
    q3 = dt.date(2025, 9, 30)
    tiers = compute_tiers(db, as_of=q3)
    assert tiers.tier_of(promoted) == "prospect" and len(tiers) == 2  # "Later" was not known yet
    summary = pyramid_summary(db, as_of=q3)
    assert (summary.tier("prospect").count, summary.tier("suspect").count) == (1, 0)
    snapshot_quarters(db, through=dt.date(2025, 12, 31))
    assert movement(db, from_quarter="2025Q3", to_quarter="2025Q4").count("prospect", "small") == 1
    # today's pyramid is the current stages
    assert compute_tiers(db, as_of=dt.date(2026, 3, 1)).tier_of(promoted) == "small"
    assert pyramid_summary(db, as_of=dt.date(2026, 3, 1)).tier("suspect").count == 1


def test_movement_matrix_and_names(db):
    rising = customer(db, "Stijger", (dt.date(2025, 3, 1), "10"), (dt.date(2026, 3, 1), "50000"))
    falling = customer(db, "Daler", (dt.date(2025, 3, 1), "40000"), (dt.date(2026, 3, 1), "5"))
    steady = [customer(db, f"Midden {i}", (dt.date(2025, 3, 1), "100"), (dt.date(2026, 3, 1), "100")) for i in range(3)]
    moves = movement(db, from_quarter=dt.date(2025, 5, 1), to_quarter="2026Q2")  # any day names its quarter
    assert (moves.from_end, moves.to_end) == (dt.date(2025, 6, 30), dt.date(2026, 6, 30))
    assert moves.count("small", "top") == 1 and moves.count("top", "small") == 1
    assert moves.count("small", "small") == 3
    assert sum(map(sum, moves.counts)) == 5
    assert [(m.account_id, m.from_tier, m.to_tier) for m in moves.moved_up] == [(rising, "small", "top")]
    assert [(m.name, m.revenue_before, m.revenue_after) for m in moves.moved_down] == [("Daler", Decimal("40000.00"), Decimal("5.00"))]
    assert falling not in steady


def test_dropped_accounts_since_the_previous_quarter_end(db):
    # on 2026-07-20 the 12 months start on 2025-07-21
    big = customer(db, "Was Top", (dt.date(2025, 7, 10), "8000"), (dt.date(2026, 5, 1), "10"))
    ok = customer(db, "Blijft", (dt.date(2025, 9, 1), "100"), (dt.date(2026, 5, 1), "100"))
    lost = customer(db, "Kwijt", (dt.date(2025, 7, 15), "300"))
    dropped = dropped_accounts(db, as_of=dt.date(2026, 7, 20))
    assert stored_quarter_ends(db) == [dt.date(2026, 6, 30)]  # the first look keeps that quarter's tiers
    assert [(d.account_id, d.from_tier, d.to_tier) for d in dropped] == [(big, "top", "small"), (lost, "small", "inactive")]
    assert dropped[0].quarter_end == dt.date(2026, 6, 30)
    assert dropped[0].revenue_before == Decimal("8010.00")
    assert ok not in {d.account_id for d in dropped}
    # the same from the kept snapshot, and when Today passes the tiers it computed already
    current = compute_tiers(db, as_of=dt.date(2026, 7, 20))
    assert dropped_accounts(db, as_of=dt.date(2026, 7, 20), current=current) == dropped
    assert dropped_accounts(db, as_of=dt.date(2026, 7, 20), current=dict(current)) == dropped
