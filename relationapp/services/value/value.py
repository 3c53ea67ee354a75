"""Value per customer: revenue, margin, profit after cost to serve, share of wallet.

Money in absolute amounts first (Peppers: customers are the scarce resource,
rank by what they are worth, not by a ratio alone). Over the same 12 months
as the pyramid:

- margin = revenue - cost of goods (an order without cost of goods counts 0);
- cost to serve = hours of the account's interactions x the hourly cost of
  the staff member who spent them (``staff.hourly_cost``), else the firm's
  hourly cost from settings;
- profit = margin - cost to serve;
- share of wallet = revenue / the account's estimated annual budget, and the
  wallet gap = budget - revenue: the growth still to win there.

Pareto: the share of revenue from the best 20 % of customers. The whale
curve: cumulative profit over customers ranked by profit; it peaks above
100 % when the least profitable customers give part of the profit back.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

import sqlalchemy as sa

from relationapp.data.db import Database
from relationapp.data.models import Account, Interaction, Order, Staff, cents_to_decimal
from relationapp.errors import NotFound
from relationapp.services.common import settings as settings_service
from relationapp.services.value.pyramid import CUSTOMER_TIERS, _classify, _plain_rows, window
from relationapp.text.catalogue import _

_CENT = Decimal("0.01")


def _cents(column):
    return sa.type_coerce(column, sa.BigInteger)


@dataclass(frozen=True)
class CustomerValue:
    account_id: int
    name: str
    # informational, not part of equality: account_value leaves it None unless told
    # (ranking every account to learn one tier costs half a second at 50k accounts)
    tier: str | None = field(compare=False)
    revenue: Decimal  # 12 months up to as_of
    cost_of_goods: Decimal
    margin: Decimal
    hours: Decimal  # time spent on the account in those 12 months
    cost_to_serve: Decimal
    profit: Decimal
    lifetime_revenue: Decimal  # every order of the account up to as_of (customer_since or not)
    customer_since: dt.date | None
    annual_budget: Decimal | None
    share_of_wallet: Decimal | None  # percent; None without a budget
    wallet_gap: Decimal | None  # budget - revenue (never below 0); None without a budget


def _rows(session, query, *, every: bool) -> list[tuple]:
    """Every customer's rows straight from the driver (for 50k accounts SQLAlchemy's Row objects cost as much
    as the sums); a few accounts' through SQLAlchemy (an expanding IN list)."""
    return _plain_rows(session, query) if every else list(session.connection().execute(query))


def _grouped(session, query, *, every: bool) -> dict[int, tuple]:
    return {row[0]: tuple(row[1:]) for row in _rows(session, query, every=every)}


def _values(session, *, as_of: dt.date, account_ids: list[int] | None,
            tiers: dict[int, str] | None = None) -> list[CustomerValue]:
    """Values for the customers (or, with ``account_ids``, for exactly those accounts); ``tiers``: every
    account's tier on ``as_of`` when the caller has ranked them already (a report's quarter figures)."""
    settings = settings_service.load(session)
    start, end = window(as_of)
    if account_ids is None:
        tier_of = tiers if tiers is not None else {
            a: t for a, t, _r, _c in _classify(session, as_of=as_of, settings=settings)}
        ids = [a for a, t in tier_of.items() if t in CUSTOMER_TIERS]
    else:  # a tier needs every account's revenue: not worth it for one account's page
        tier_of = {}
        ids = list(account_ids)

    every = account_ids is None

    def only(query, column):
        return query if every else query.where(column.in_(ids))

    margin = _grouped(session, only(
        sa.select(Order.account_id, sa.func.sum(_cents(Order.amount)), sa.func.sum(sa.func.coalesce(_cents(Order.cost_of_goods), 0)))
        .where(Order.ordered_on >= start, Order.ordered_on <= end).group_by(Order.account_id),
        Order.account_id,
    ), every=every)
    # minutes per account and staff member from the covering index; the rate is applied here
    default_rate = int((settings.hourly_cost * 100).to_integral_value(ROUND_HALF_UP))
    rates = {staff_id: int(cents) for staff_id, cents in session.connection().execute(
        sa.select(Staff.id, _cents(Staff.hourly_cost)).where(Staff.hourly_cost.is_not(None)))}
    serve: dict[int, tuple[int, int]] = {}  # account -> (minutes, minutes x cents per hour)
    for account_id, staff_id, minutes in _rows(session, only(
        sa.select(Interaction.account_id, Interaction.staff_id, sa.func.sum(Interaction.duration_minutes))
        .where(Interaction.occurred_on >= start, Interaction.occurred_on <= end, Interaction.account_id.is_not(None))
        .group_by(Interaction.account_id, Interaction.staff_id),
        Interaction.account_id,
    ), every=every):
        minutes = int(minutes or 0)
        total, cost = serve.get(account_id, (0, 0))
        serve[account_id] = (total + minutes, cost + minutes * rates.get(staff_id, default_rate))
    # every order, also those before customer_since (a date typed or imported later than the
    # first order must not hide revenue); the referral ledger's lifetime counts the same orders
    lifetime = _grouped(session, only(
        sa.select(Order.account_id, sa.func.sum(_cents(Order.amount)))
        .where(Order.ordered_on <= as_of)
        .group_by(Order.account_id),
        Order.account_id,
    ), every=every)
    facts = _grouped(session, only(
        sa.select(Account.id, Account.name, Account.customer_since, _cents(Account.annual_budget)), Account.id,
    ), every=every)
    out = []
    for account_id in ids:
        if account_id not in facts:
            continue
        name, since, budget_cents = facts[account_id]
        if isinstance(since, str):
            since = dt.date.fromisoformat(since)
        revenue_c, cogs_c = margin.get(account_id, (0, 0))
        minutes, minute_cents = serve.get(account_id, (0, 0))
        revenue = cents_to_decimal(revenue_c)
        cogs = cents_to_decimal(cogs_c)
        cost_to_serve = (Decimal(int(minute_cents or 0)) / 6000).quantize(_CENT, rounding=ROUND_HALF_UP)
        budget = cents_to_decimal(budget_cents) if budget_cents else None  # 0 = not estimated
        out.append(CustomerValue(
            account_id=account_id, name=name, tier=tier_of.get(account_id),
            revenue=revenue, cost_of_goods=cogs, margin=revenue - cogs,
            hours=(Decimal(int(minutes or 0)) / 60).quantize(_CENT, rounding=ROUND_HALF_UP),
            cost_to_serve=cost_to_serve, profit=revenue - cogs - cost_to_serve,
            lifetime_revenue=cents_to_decimal(lifetime.get(account_id, (0,))[0]),
            customer_since=since, annual_budget=budget,
            share_of_wallet=None if budget is None else (revenue * 100 / budget).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP),
            wallet_gap=None if budget is None else max(budget - revenue, Decimal("0.00")),
        ))
    return out


def customer_values(db: Database, *, as_of: dt.date | None = None,
                    tiers: dict[int, str] | None = None) -> list[CustomerValue]:
    """Every customer (the four paying tiers), most profitable first; ``tiers`` as in ``_values``."""
    with db.read() as session:
        values = _values(session, as_of=as_of or dt.date.today(), account_ids=None, tiers=tiers)
    values.sort(key=lambda v: (-v.profit, -v.revenue, v.account_id))
    return values


def account_value(db: Database, *, account_id: int, as_of: dt.date | None = None, tier: str | None = None) -> CustomerValue:
    """The value of one account (any stage) in money, for its page or review; quick.

    ``tier`` is only passed through (a caller with ``pyramid.compute_tiers`` at hand knows it).
    """
    with db.read() as session:
        values = _values(session, as_of=as_of or dt.date.today(), account_ids=[account_id])
    if not values:
        raise NotFound(_("Account #{id} does not exist.").format(id=account_id))
    return dataclasses.replace(values[0], tier=tier) if tier is not None else values[0]


def growth_potential(db: Database, *, as_of: dt.date | None = None, limit: int | None = None) -> list[CustomerValue]:
    """Customers with an estimated budget, ranked by the wallet gap in money."""
    ranked = _by_gap(customer_values(db, as_of=as_of))
    return ranked if limit is None else ranked[:limit]


def _by_gap(values: list[CustomerValue]) -> list[CustomerValue]:
    """Customers with a gap to win, the biggest gap in money first."""
    return sorted((v for v in values if v.wallet_gap), key=lambda v: (-v.wallet_gap, v.name.lower(), v.account_id))


@dataclass(frozen=True)
class Pareto:
    customers: int
    share_pct: Decimal  # the best share of customers looked at (20)
    top_customers: int
    top_revenue: Decimal
    total_revenue: Decimal
    top_revenue_share: Decimal | None  # percent of revenue; None without revenue


def _round_count(n: int, pct: Decimal) -> int:
    return int((Decimal(n) * pct / 100).to_integral_value(ROUND_HALF_UP))


def pareto_from(revenues: list[Decimal], *, share_pct: Decimal | int = 20) -> Pareto:
    """Pareto for a list of revenues per customer (any order)."""
    share_pct = Decimal(share_pct)
    ordered = sorted(revenues, reverse=True)
    n = len(ordered)
    top = min(n, max(1, _round_count(n, share_pct))) if n else 0
    total, best = sum(ordered, Decimal("0.00")), sum(ordered[:top], Decimal("0.00"))
    return Pareto(
        customers=n, share_pct=share_pct, top_customers=top, top_revenue=best, total_revenue=total,
        top_revenue_share=(best * 100 / total).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP) if total > 0 else None,
    )


@dataclass(frozen=True)
class WhaleCurve:
    customers: int
    total_profit: Decimal
    cumulative_profit: tuple[Decimal, ...]  # after the 1st, 2nd, ... customer by profit
    peak_profit: Decimal  # the highest point of the curve
    peak_customers: int  # how many of the most profitable customers reach it
    peak_share: Decimal | None  # peak as percent of total profit; None when total <= 0
    given_back: Decimal  # what the customers after the peak take back (peak - total)
    unprofitable_customers: int

    def sample(self, points: int) -> list[tuple[int, Decimal]]:
        """(customer number, cumulative profit) thinned to about ``points`` points, the peak and the end kept:
        a chart is no wider than that, and drawing 40,000 points costs seconds. The curve rises, peaks and
        falls, so these points give its shape."""
        n = len(self.cumulative_profit)
        step = max(1, n // max(1, points))
        keep = set(range(0, n, step)) | {n - 1, max(0, self.peak_customers - 1)}
        return [(i + 1, self.cumulative_profit[i]) for i in sorted(keep) if 0 <= i < n]


def whale_curve_from(profits: list[Decimal]) -> WhaleCurve:
    """The curve for a list of profits per customer (any order)."""
    ordered = sorted(profits, reverse=True)
    cumulative: list[Decimal] = []
    running = Decimal("0.00")
    peak, peak_at = Decimal("0.00"), 0
    for i, profit in enumerate(ordered, start=1):
        running += profit
        cumulative.append(running)
        if running > peak:
            peak, peak_at = running, i
    total = running
    return WhaleCurve(
        customers=len(ordered), total_profit=total, cumulative_profit=tuple(cumulative),
        peak_profit=peak, peak_customers=peak_at,
        peak_share=(peak * 100 / total).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP) if total > 0 else None,
        given_back=peak - total if peak > total else Decimal("0.00"),
        unprofitable_customers=sum(1 for p in ordered if p < 0),
    )


@dataclass(frozen=True)
class ValueOverview:
    """Everything the Customer value page shows apart from the pyramid, in one read."""

    values: tuple[CustomerValue, ...]  # most profitable first
    pareto: Pareto
    whale: WhaleCurve
    growth: tuple[CustomerValue, ...]  # by wallet gap


def value_overview(db: Database, *, as_of: dt.date | None = None,
                   tiers: dict[int, str] | None = None) -> ValueOverview:
    as_of = as_of or dt.date.today()
    values = customer_values(db, as_of=as_of, tiers=tiers)
    return ValueOverview(
        values=tuple(values), pareto=pareto_from([v.revenue for v in values]), whale=whale_curve_from([v.profit for v in values]),
        growth=tuple(_by_gap(values)),
    )
