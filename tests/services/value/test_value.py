"""Profit, Pareto, whale curve and share of wallet on a hand-computed firm.

12 months up to 2026-06-30 (from 2025-07-01); firm hourly cost 60.00 (default).

| customer | revenue  | cost of goods | time                      | cost to serve | profit   |
|----------|----------|---------------|---------------------------|---------------|----------|
| Whale    | 10000.00 | 4000.00       | 60 min, staff at 90/h      | 90.00         | 5910.00  |
| Middle   | 3000.00  | 1800.00       | 120 min, no staff (60/h)  | 120.00        | 1080.00  |
| Smallone | 500.00   | 300.00        | 180 min, no staff          | 180.00        | 20.00    |
| Costly   | 400.00   | (none)        | 600 min, no staff          | 600.00        | -200.00  |
| Cents    | 100.30   | 50.15         | 20 min, staff at 85/h      | 28.33         | 21.82    |

Total profit 6831.82; by profit the running total is 5910, 6990, 7011.82,
7031.82, 6831.82: it peaks after 4 customers at 7031.82 (102.9 %), and the
last customer gives 200.00 back. Top 20 % = 1 customer = 10000 of 14000.30
revenue = 71.4 %.
"""

import datetime as dt
from decimal import Decimal

import pytest

from relationapp.services.customers.accounts import create_account
from relationapp.services.customers.staff import create_staff
from relationapp.services.touches.interactions import log_interaction
from relationapp.services.value.orders import OrderInput, add_orders
from relationapp.services.value.value import (
    account_value,
    customer_values,
    growth_potential,
    value_overview,
    whale_curve_from,
)

AS_OF = dt.date(2026, 6, 30)
DAY = dt.date(2026, 3, 1)


@pytest.fixture
def firm(db):
    senior = create_staff(db, name="Marieke", hourly_cost="90.00").id
    junior = create_staff(db, name="Tom", hourly_cost="85.00").id
    ids = {}

    def account(name, orders, minutes_by=(), **fields):
        ids[name] = create_account(db, name=name, stage="customer", today=dt.date(2024, 1, 1), **fields).id
        add_orders(db, orders=[OrderInput(ids[name], day, amount, cost) for day, amount, cost in orders])
        for day, minutes, staff in minutes_by:
            log_interaction(db, account_id=ids[name], kind="visit", occurred_on=day, duration_minutes=minutes, staff_id=staff)

    account("Whale", [(dt.date(2024, 6, 1), "5000", None), (dt.date(2025, 3, 1), "2000", None), (DAY, "10000", "4000")],
            [(DAY, 60, senior), (dt.date(2025, 1, 1), 600, None)], customer_since=dt.date(2025, 1, 1), annual_budget="40000")
    account("Middle", [(DAY, "3000", "1800")], [(DAY, 120, None)], annual_budget="2000")
    account("Smallone", [(DAY, "500", "300")], [(DAY, 60, None), (DAY, 120, None)])
    account("Costly", [(DAY, "400", None)], [(DAY, 600, None)], annual_budget="1400")
    account("Cents", [(DAY, "100.10", "50.15"), (DAY, "0.20", None)], [(DAY, 20, junior)])
    # a former customer we still spend time on is not part of the customer curve
    account("Weg", [(dt.date(2024, 2, 1), "800", None)], [(DAY, 300, None)])
    ids["prospect"] = create_account(db, name="Misschien", stage="prospect").id
    return ids


def test_profit_per_customer_after_cost_to_serve(db, firm):
    values = {v.name: v for v in customer_values(db, as_of=AS_OF)}
    assert list(values) == ["Whale", "Middle", "Cents", "Smallone", "Costly"]  # most profitable first
    whale = values["Whale"]
    assert (whale.revenue, whale.cost_of_goods, whale.margin) == (Decimal("10000.00"), Decimal("4000.00"), Decimal("6000.00"))
    assert (whale.hours, whale.cost_to_serve, whale.profit) == (Decimal("1.00"), Decimal("90.00"), Decimal("5910.00"))
    assert values["Middle"].profit == Decimal("1080.00")
    assert values["Costly"].margin == Decimal("400.00") and values["Costly"].profit == Decimal("-200.00")
    cents = values["Cents"]
    assert (cents.revenue, cents.cost_to_serve, cents.profit) == (Decimal("100.30"), Decimal("28.33"), Decimal("21.82"))


def test_lifetime_revenue_counts_every_order_also_before_customer_since(db, firm):
    whale = account_value(db, account_id=firm["Whale"], as_of=AS_OF)
    assert whale.lifetime_revenue == Decimal("17000.00")  # the 2024 order predates customer_since: it counts
    assert whale.customer_since == dt.date(2025, 1, 1)  # the date the user gave stays
    assert account_value(db, account_id=firm["Middle"], as_of=AS_OF).lifetime_revenue == Decimal("3000.00")


def test_pareto_share_of_the_best_fifth(db, firm):
    result = value_overview(db, as_of=AS_OF).pareto
    assert (result.customers, result.top_customers) == (5, 1)
    assert (result.top_revenue, result.total_revenue) == (Decimal("10000.00"), Decimal("14000.30"))
    assert result.top_revenue_share == Decimal("71.4")


def test_whale_curve_peaks_above_total_profit(db, firm):
    curve = value_overview(db, as_of=AS_OF).whale
    assert curve.cumulative_profit == tuple(Decimal(x) for x in ("5910.00", "6990.00", "7011.82", "7031.82", "6831.82"))
    assert (curve.total_profit, curve.peak_profit, curve.peak_customers) == (Decimal("6831.82"), Decimal("7031.82"), 4)
    assert curve.peak_share == Decimal("102.9")
    assert curve.given_back == Decimal("200.00") and curve.unprofitable_customers == 1


def test_whale_curve_edge_cases():
    assert whale_curve_from([]).peak_share is None
    losing = whale_curve_from([Decimal("10"), Decimal("-50")])
    assert (losing.peak_profit, losing.total_profit, losing.peak_share, losing.given_back) == (Decimal("10"), Decimal("-40"), None, Decimal("50"))
    assert whale_curve_from([Decimal("5"), Decimal("5")]).given_back == Decimal("0.00")


def test_share_of_wallet_with_and_without_a_budget(db, firm):
    values = {v.name: v for v in customer_values(db, as_of=AS_OF)}
    assert (values["Whale"].share_of_wallet, values["Whale"].wallet_gap) == (Decimal("25.0"), Decimal("30000.00"))
    assert (values["Middle"].share_of_wallet, values["Middle"].wallet_gap) == (Decimal("150.0"), Decimal("0.00"))
    assert (values["Costly"].share_of_wallet, values["Costly"].wallet_gap) == (Decimal("28.6"), Decimal("1000.00"))
    assert (values["Smallone"].share_of_wallet, values["Smallone"].wallet_gap) == (None, None)
    assert [v.name for v in growth_potential(db, as_of=AS_OF)] == ["Whale", "Costly"]  # by gap in money
    assert [v.name for v in growth_potential(db, as_of=AS_OF, limit=1)] == ["Whale"]


def test_value_of_a_prospect_and_the_overview(db, firm):
    prospect = account_value(db, account_id=firm["prospect"], as_of=AS_OF)
    assert (prospect.revenue, prospect.profit, prospect.share_of_wallet) == (Decimal("0.00"), Decimal("0.00"), None)
    assert [v.tier for v in customer_values(db, as_of=AS_OF)] == ["top", "small", "small", "small", "small"]
    assert account_value(db, account_id=firm["Whale"], as_of=AS_OF, tier="top").tier == "top"  # passed through
    overview = value_overview(db, as_of=AS_OF)
    assert [v.name for v in overview.values] == [v.name for v in customer_values(db, as_of=AS_OF)]
    assert [v.name for v in overview.growth] == ["Whale", "Costly"]


def test_the_overview_from_tiers_ranked_already_is_the_same_overview(db, firm):
    # the portfolio report passes the tiers its quarter figures ranked; the Customer value page ranks them itself
    from relationapp.services.common import settings as settings_service
    from relationapp.services.value import pyramid

    ranked = pyramid.compute_tiers(db, as_of=AS_OF, settings=settings_service.get_settings(db)).tiers_and_cents()
    tiers = {account_id: tier for account_id, (tier, _cents) in ranked.items()}
    assert value_overview(db, as_of=AS_OF, tiers=tiers) == value_overview(db, as_of=AS_OF)
    tiers[firm["Whale"]] = "big"
    given = value_overview(db, as_of=AS_OF, tiers=tiers)
    assert {v.name: v.tier for v in given.values}["Whale"] == "big"  # taken as given, not ranked again
