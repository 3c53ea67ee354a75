"""The customer pyramid (Jay Curry): tiers from revenue over the last 12 months.

Top = first 1 % of customers by revenue, Big = next 4 %, Medium = next 15 %,
Small = the rest (shares in settings). Ties stay together in the higher tier;
with any customers at all there is at least one Top. Below them: Prospect,
Suspect, and Inactive (former customers with no revenue in the window).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import sqlalchemy as sa

from relationapp.config import Settings
from relationapp.data.db import Database
from relationapp.data.models import Account, Order, cents_to_decimal
from relationapp.services import settings as settings_service

CUSTOMER_TIERS = ("top", "big", "medium", "small")
TIER_LABELS = {
    "top": "Top", "big": "Big", "medium": "Medium", "small": "Small",
    "prospect": "Prospect", "suspect": "Suspect", "inactive": "Inactive",
}


@dataclass(frozen=True)
class TierAssignment:
    account_id: int
    tier: str
    revenue_12m: Decimal
    rank: int | None  # 1 = highest revenue; None below the customer tiers


def window(as_of: dt.date) -> tuple[dt.date, dt.date]:
    """The 12 months up to and including ``as_of``: (first day, last day)."""
    try:
        start = as_of.replace(year=as_of.year - 1) + dt.timedelta(days=1)
    except ValueError:  # Feb 29
        start = dt.date(as_of.year - 1, 3, 1)
    return start, as_of


def revenue_cents_by_account(session, start: dt.date, end: dt.date) -> dict[int, int]:
    """Sum of order amounts (in cents) per account with ``start <= date <= end``."""
    query = (
        sa.select(Order.account_id, sa.func.sum(sa.type_coerce(Order.amount, sa.BigInteger)))
        .where(Order.ordered_on >= start, Order.ordered_on <= end)
        .group_by(Order.account_id)
    )
    return {account_id: int(total or 0) for account_id, total in session.execute(query)}


def _count(n: int, pct: Decimal) -> int:
    return int((Decimal(n) * pct / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def rank_into_tiers(revenues: list[tuple[int, int]], settings: Settings) -> dict[int, str]:
    """Customer tiers for (account_id, revenue) pairs with revenue > 0."""
    ordered = sorted(revenues, key=lambda pair: (-pair[1], pair[0]))
    n = len(ordered)
    if n == 0:
        return {}
    bounds = []
    cumulative = Decimal(0)
    for pct in (settings.tier_top_pct, settings.tier_big_pct, settings.tier_medium_pct):
        cumulative += pct
        bounds.append(_count(n, cumulative))
    bounds[0] = max(1, bounds[0])
    result: dict[int, str] = {}
    start = 0
    for tier, end in zip(CUSTOMER_TIERS, bounds + [n]):
        end = min(max(end, start), n)
        # ties with the last member of this tier stay in this tier
        while 0 < end < n and end > start and ordered[end][1] == ordered[end - 1][1]:
            end += 1
        for account_id, _ in ordered[start:end]:
            result[account_id] = tier
        start = end
    return result


def compute_tiers(db: Database, *, as_of: dt.date | None = None, settings: Settings | None = None) -> dict[int, TierAssignment]:
    """The tier of every active account on ``as_of`` (default today)."""
    as_of = as_of or dt.date.today()
    with db.read() as session:
        settings = settings or settings_service.load(session)
        return tiers_in_session(session, as_of=as_of, settings=settings)


def tiers_in_session(session, *, as_of: dt.date, settings: Settings) -> dict[int, TierAssignment]:
    start, end = window(as_of)
    revenue = revenue_cents_by_account(session, start, end)
    accounts = session.execute(
        sa.select(Account.id, Account.stage).where(Account.archived == sa.false())
    ).all()
    stage_of = dict(accounts)
    earlier = set(
        session.execute(sa.select(Order.account_id).where(Order.ordered_on < start).distinct()).scalars()
    )
    paying = [(aid, cents) for aid, cents in revenue.items() if cents > 0 and aid in stage_of]
    tiers = rank_into_tiers(paying, settings)
    ranks = {aid: i + 1 for i, (aid, _) in enumerate(sorted(paying, key=lambda p: (-p[1], p[0])))}
    out: dict[int, TierAssignment] = {}
    for account_id, stage in accounts:
        tier = tiers.get(account_id)
        if tier is None:
            if account_id in earlier or stage == "inactive":
                tier = "inactive"
            elif stage == "customer":
                tier = "small"  # a new customer whose first order is still to come
            elif stage == "suspect":
                tier = "suspect"
            else:
                tier = "prospect"
        out[account_id] = TierAssignment(
            account_id=account_id, tier=tier, revenue_12m=cents_to_decimal(revenue.get(account_id, 0)),
            rank=ranks.get(account_id),
        )
    return out
