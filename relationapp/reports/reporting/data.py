"""What the reports print, gathered from the services into plain dataclasses.

The account review and the portfolio report only lay out what these
functions return. Capabilities that live in their own service modules (NPS,
referrals, attention, share of wallet, tier snapshots ...) are looked up when
a report is made; when one is not there, its field is ``None`` and the report
leaves that section out instead of guessing.

The client audience is redacted HERE, not in the layout: a client review's
data holds no personal or internal notes, no cost or profit figures and no
other customer's name, so no layout slip can print them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import sqlalchemy as sa

from relationapp.config import Settings
from relationapp.data.db import Database, SqliteStatement
from relationapp.data.models import (
    Account,
    Interaction,
    NpsResponse,
    Order,
    Staff,
    cents_to_decimal,
)
from relationapp.errors import ValidationError
from relationapp.services.common import settings as settings_service
from relationapp.services.customers import accounts as accounts_service
from relationapp.services.customers import people as people_service
from relationapp.services.relationships import ambassadors as ambassadors_module
from relationapp.services.relationships import nps as nps_module
from relationapp.services.relationships import referrals as referrals_module
from relationapp.services.today import attention as attention_module
from relationapp.services.today import attention_balance as attention_balance_module
from relationapp.services.touches import follow_ups as follow_ups_service
from relationapp.services.touches import interactions as interactions_service
from relationapp.services.value import pyramid
from relationapp.services.value import value as value_module
from relationapp.services.value.quarters import Quarter, quarter_of
from relationapp.text.catalogue import _

AUDIENCES = ("internal", "client")
CUSTOMER_TIERS = pyramid.CUSTOMER_TIERS
PYRAMID_TIERS = CUSTOMER_TIERS + ("prospect", "suspect", "inactive")
REVENUE_QUARTERS = 8
CLIENT_FOLLOW_UP_ORIGINS = ("manual", "visit")


def check_audience(audience: str) -> str:
    if audience not in AUDIENCES:
        raise ValidationError(_("Audience must be internal or client (not '{audience}').").format(audience=audience),
                              field="audience")
    return audience


# --- the quarter, computed once and shared by every review in a batch ---------

@dataclass(frozen=True)
class QuarterContext:
    quarter: Quarter
    settings: Settings
    tiers: dict[int, str]  # account id -> tier at the quarter end
    tiers_before: dict[int, str]  # ... at the end of the quarter before
    revenue_12m: dict[int, Decimal]  # at the quarter end
    minutes: dict[int, int]  # account id -> minutes spent in the quarter
    touches: dict[int, int]  # account id -> touches in the quarter
    average_minutes: dict[str, float]  # tier -> minutes per account of that tier in the quarter

    def tier_average_minutes(self, tier: str) -> float | None:
        return self.average_minutes.get(tier)


# minutes and touches per account in a quarter
_SPENT = (
    sa.select(Interaction.account_id, sa.func.sum(Interaction.duration_minutes), sa.func.count())
    .where(Interaction.occurred_on >= sa.bindparam("start"), Interaction.occurred_on <= sa.bindparam("end"),
           Interaction.account_id.is_not(None))
    .group_by(Interaction.account_id)
)
_SPENT_SQLITE = SqliteStatement(_SPENT)


def _build_context(db: Database, quarter: Quarter) -> QuarterContext:
    settings = settings_service.get_settings(db)
    now = pyramid.compute_tiers(db, as_of=quarter.end, settings=settings).tiers_and_cents()
    # the quarter before as kept at its end (tier_snapshot), as the pyramid's movement shows it: reading it
    # costs a fraction of ranking every account again (an account made since has no tier before)
    before = pyramid.quarter_end_tiers(db, end=quarter.shift(-1).end)
    if db.is_sqlite:  # some 40k rows at L: plain tuples cost a fraction of SQLAlchemy's rows
        with db.sqlite_read() as con:
            spent = _SPENT_SQLITE.rows(con, start=quarter.start.isoformat(), end=quarter.end.isoformat())
    else:
        with db.read() as session:
            spent = session.execute(_SPENT, {"start": quarter.start, "end": quarter.end}).all()
    minutes = {aid: int(total or 0) for aid, total, _ in spent}
    members: dict[str, int] = defaultdict(int)
    tier_minutes: dict[str, int] = defaultdict(int)
    for aid, (tier, _cents) in now.items():
        members[tier] += 1
        tier_minutes[tier] += minutes.get(aid, 0)
    return QuarterContext(
        quarter=quarter, settings=settings,
        tiers={aid: tier for aid, (tier, _cents) in now.items()},
        tiers_before={aid: tier for aid, (tier, _cents) in before.items()},
        revenue_12m={aid: cents_to_decimal(cents) for aid, (_tier, cents) in now.items()},
        minutes=minutes,
        touches={aid: int(count) for aid, _, count in spent},
        average_minutes={tier: tier_minutes[tier] / count for tier, count in members.items()},
    )


_recent: dict[tuple, QuarterContext] = {}


def forget_quarter_contexts() -> None:
    """Drop the remembered quarter figures (a benchmark timing them cold)."""
    _recent.clear()


def quarter_context(db: Database, *, quarter: Quarter) -> QuarterContext:
    """The quarter's shared figures (tiers, time per tier), computed once per batch.

    Reviews printed one at a time reuse the last context while the database
    file is unchanged: on 50,000 accounts it takes seconds, a review itself
    a fraction of one.
    """
    signature = db.signature()
    key = (db.url, quarter, signature)
    if signature is not None and key in _recent:
        return _recent[key]
    context = _build_context(db, quarter)
    if signature is not None:
        _recent.clear()
        _recent[key] = context
    return context


# --- the account review ----------------------------------------------------

@dataclass(frozen=True)
class PersonLine:
    name: str
    job_title: str | None
    dmu_role: str | None
    touches: int  # in the quarter
    personal_notes: str | None  # internal only
    family_notes: str | None  # internal only


@dataclass(frozen=True)
class TouchLine:
    day: dt.date
    kind: str
    people: tuple[str, ...]
    staff: str | None
    minutes: int
    subject: str | None
    notes: str | None  # internal only


@dataclass(frozen=True)
class RevenueBar:
    quarter: str
    revenue: Decimal
    year_earlier: Decimal


@dataclass(frozen=True)
class TimeSpent:
    minutes: int
    touches: int
    tier_average_minutes: float | None  # internal only


@dataclass(frozen=True)
class ReferralLine:
    direction: str  # "given": this account introduced another; "received": it was introduced
    day: dt.date
    counterpart: str | None  # the other account; None in the client version
    person: str | None  # who made the introduction
    outcome: str
    thanked_on: dt.date | None


@dataclass(frozen=True)
class FollowUpLine:
    due_on: dt.date
    title: str
    person: str | None
    notes: str | None  # internal only


@dataclass(frozen=True)
class AccountReview:
    quarter: str
    quarter_start: dt.date
    quarter_end: dt.date
    audience: str
    settings: Settings
    account: accounts_service.AccountDetail
    people: tuple[PersonLine, ...]
    tier: str | None  # internal only
    tier_before: str | None  # internal only
    revenue: tuple[RevenueBar, ...]
    touches: tuple[TouchLine, ...]
    time_spent: TimeSpent
    follow_ups: tuple[FollowUpLine, ...]
    # None: internal only, or the capability is not built (services.value)
    value: object | None  # value.CustomerValue over the 12 months to the quarter end
    nps: tuple | None  # nps.NpsSummary per quarter, oldest first (services.nps)
    referrals: tuple[ReferralLine, ...] | None  # services.referrals

    @property
    def internal(self) -> bool:
        return self.audience == "internal"


def _revenue_bars(db: Database, account_id: int, quarter: Quarter) -> tuple[RevenueBar, ...]:
    """Revenue in each of the last 8 quarters and in the same quarter a year earlier."""
    first = quarter.shift(-(REVENUE_QUARTERS + 3))
    with db.read() as session:
        rows = session.execute(
            sa.select(Order.ordered_on, sa.type_coerce(Order.amount, sa.BigInteger))
            .where(Order.account_id == account_id, Order.ordered_on >= first.start, Order.ordered_on <= quarter.end)
        ).all()
    cents: dict[Quarter, int] = defaultdict(int)
    for day, amount in rows:
        cents[quarter_of(day)] += int(amount or 0)
    return tuple(
        RevenueBar(quarter=str(q), revenue=cents_to_decimal(cents[q]), year_earlier=cents_to_decimal(cents[q.shift(-4)]))
        for q in (quarter.shift(-i) for i in range(REVENUE_QUARTERS - 1, -1, -1))
    )


def _account_value(db: Database, account: accounts_service.AccountDetail, ctx: QuarterContext):
    """The account's value over the 12 months to the quarter end, as services.value defines it.

    value.account_value ranks every account to learn this one's tier (half a
    second on 50,000 accounts); the context already knows the tier, so the
    same sums are taken for this account alone. A test keeps both equal.
    """
    value = value_module
    if value is None or not hasattr(value, "CustomerValue"):
        return None
    as_of = ctx.quarter.end
    start, end = pyramid.window(as_of)
    cents = sa.BigInteger
    default_rate = int((ctx.settings.hourly_cost * 100).to_integral_value(ROUND_HALF_UP))
    rate = sa.func.coalesce(sa.type_coerce(Staff.hourly_cost, cents), default_rate)
    with db.read() as session:
        revenue_c, cogs_c = session.execute(
            sa.select(sa.func.sum(sa.type_coerce(Order.amount, cents)),
                      sa.func.sum(sa.func.coalesce(sa.type_coerce(Order.cost_of_goods, cents), 0)))
            .where(Order.account_id == account.id, Order.ordered_on >= start, Order.ordered_on <= end)
        ).one()
        minutes, minute_cents = session.execute(
            sa.select(sa.func.sum(Interaction.duration_minutes), sa.func.sum(Interaction.duration_minutes * rate))
            .outerjoin(Staff, Staff.id == Interaction.staff_id)
            .where(Interaction.account_id == account.id, Interaction.occurred_on >= start, Interaction.occurred_on <= end)
        ).one()
        lifetime = sa.select(sa.func.sum(sa.type_coerce(Order.amount, cents))).where(
            Order.account_id == account.id, Order.ordered_on <= as_of)
        lifetime_c = session.execute(lifetime).scalar()
    revenue, cogs = cents_to_decimal(revenue_c), cents_to_decimal(cogs_c)
    cost_to_serve = (Decimal(int(minute_cents or 0)) / 6000).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    budget = account.annual_budget or None  # 0 = not estimated
    return value.CustomerValue(
        account_id=account.id, name=account.name, tier=ctx.tiers.get(account.id, "inactive"),
        revenue=revenue, cost_of_goods=cogs, margin=revenue - cogs,
        hours=(Decimal(int(minutes or 0)) / 60).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP),
        cost_to_serve=cost_to_serve, profit=revenue - cogs - cost_to_serve,
        lifetime_revenue=cents_to_decimal(lifetime_c), customer_since=account.customer_since, annual_budget=budget,
        share_of_wallet=None if budget is None else (revenue * 100 / budget).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP),
        wallet_gap=None if budget is None else max(budget - revenue, Decimal("0.00")),
    )


def _nps_trend(db: Database, account_id: int, quarter: Quarter) -> tuple | None:
    """The account's NPS in each of the last 8 quarters (the NPS service does the arithmetic)."""
    nps = nps_module
    if nps is None or not hasattr(nps, "summarize"):
        return None
    first = quarter.shift(-(REVENUE_QUARTERS - 1))
    with db.read() as session:
        rows = session.execute(
            sa.select(NpsResponse.responded_on, NpsResponse.score)
            .where(NpsResponse.account_id == account_id, NpsResponse.responded_on >= first.start,
                   NpsResponse.responded_on <= quarter.end)
        ).all()
    if not rows:
        return ()
    by_quarter: dict[Quarter, list[int]] = defaultdict(list)
    for day, score in rows:
        by_quarter[quarter_of(day)].append(score)
    return tuple(nps.summarize(by_quarter[q], label=str(q)) for q in sorted(by_quarter))


def _referral_lines(db: Database, account_id: int, *, client: bool) -> tuple[ReferralLine, ...] | None:
    referrals = referrals_module
    if referrals is None or not hasattr(referrals, "account_referrals"):
        return None
    found = referrals.account_referrals(db, account_id=account_id)
    lines = []
    if found.introduced_by is not None:
        r = found.introduced_by
        lines.append(ReferralLine(
            direction="received", day=r.referred_on, counterpart=None if client else r.referrer_account,
            person=None if client else r.referrer_person, outcome=r.outcome, thanked_on=None if client else r.thanked_on,
        ))
    for r in found.introduced:
        lines.append(ReferralLine(
            direction="given", day=r.referred_on, counterpart=None if client else r.referred_account,
            person=r.referrer_person, outcome=r.outcome, thanked_on=r.thanked_on,
        ))
    return tuple(sorted(lines, key=lambda line: line.day))


def account_review(
    db: Database, *, account_id: int, quarter: Quarter, audience: str = "internal",
    context: QuarterContext | None = None,
) -> AccountReview:
    """One account's review for one quarter, for the internal team or for the client."""
    check_audience(audience)
    client = audience == "client"
    account = accounts_service.get_account(db, account_id=account_id)
    ctx = context or quarter_context(db, quarter=quarter)
    own_people = people_service.people_of_account(db, account_id=account_id)
    own_names = {p.name for p in own_people}

    touches = interactions_service.list_interactions(
        db, account_id=account_id, since=quarter.start, until=quarter.end, limit=None,
    )
    touches = sorted(touches, key=lambda t: (t.occurred_on, t.id))
    met: dict[int, int] = defaultdict(int)
    for touch in touches:
        for pid in touch.person_ids:
            met[pid] += 1

    people = tuple(
        PersonLine(
            name=p.name, job_title=p.job_title, dmu_role=p.dmu_role, touches=met.get(p.id, 0),
            personal_notes=None if client else p.personal_notes,
            family_notes=None if client else p.family_notes,
        )
        for p in sorted(own_people, key=lambda p: (-met.get(p.id, 0), p.name.lower()))
    )
    touch_lines = tuple(
        TouchLine(
            day=t.occurred_on, kind=t.kind,
            # people of other accounts at a shared event stay out of a client's copy
            people=tuple(n for n in t.people if not client or n in own_names),
            staff=t.staff, minutes=t.duration_minutes, subject=t.subject,
            notes=None if client else t.notes,
        )
        for t in touches
    )
    tier = ctx.tiers.get(account_id)
    time_spent = TimeSpent(
        minutes=sum(t.duration_minutes for t in touches), touches=len(touches),
        tier_average_minutes=None if client or tier is None else ctx.tier_average_minutes(tier),
    )
    follow_ups = tuple(
        FollowUpLine(due_on=f.effective_due, title=f.title,
                     person=f.person if (not client or f.person in own_names) else None,
                     notes=None if client else f.notes)
        for f in follow_ups_service.list_follow_ups(db, account_id=account_id, open_only=True, limit=None)
        # the rules' own reminders (call back a detractor, thank a referrer ...) are ours, not the client's
        if not client or f.origin in CLIENT_FOLLOW_UP_ORIGINS
    )
    if client:
        account = dataclasses.replace(account, notes=None, annual_budget=None, source=None, source_detail=None)
    return AccountReview(
        quarter=str(quarter), quarter_start=quarter.start, quarter_end=quarter.end, audience=audience,
        settings=ctx.settings, account=account, people=people,
        tier=None if client else tier, tier_before=None if client else ctx.tiers_before.get(account_id),
        revenue=_revenue_bars(db, account_id, quarter), touches=touch_lines, time_spent=time_spent,
        follow_ups=follow_ups,
        value=None if client else _account_value(db, account, ctx),
        nps=_nps_trend(db, account_id, quarter),
        referrals=_referral_lines(db, account_id, client=client),
    )


# --- the portfolio report --------------------------------------------------

@dataclass(frozen=True)
class AttentionLine:
    tier: str
    accounts: int
    touches: int  # in the quarter
    hours: float  # in the quarter
    overdue: int | None  # past their cadence; None: the attention capability is not built


@dataclass(frozen=True)
class Portfolio:
    quarter: str
    previous_quarter: str
    quarter_start: dt.date
    quarter_end: dt.date
    settings: Settings
    attention: tuple[AttentionLine, ...]
    hours_customers: float
    hours_prospects: float  # prospects, suspects and leads in the funnel
    # None: the capability behind the section is not built yet
    pyramid: object | None  # pyramid.PyramidSummary at the quarter end
    movement: object | None  # pyramid.Movement since the previous quarter end
    pareto: object | None  # value.Pareto
    whale: object | None  # value.WhaleCurve
    wallet_gaps: tuple | None  # value.CustomerValue, biggest gap first
    nps: object | None  # nps.NpsReport for the quarter
    referrals: tuple | None  # referrals.ReferralRow made in the quarter
    ambassadors: tuple | None  # ambassadors.AmbassadorRow


def _attention(db: Database, ctx: QuarterContext) -> tuple[tuple[AttentionLine, ...], float, float]:
    """Touches, hours and overdue customers per tier in the quarter.

    Hours come from the attention-balance service when it is built (the same
    figures Today shows); overdue counts from the attention agenda as it stood
    on the quarter's last day.
    """
    accounts: dict[str, int] = defaultdict(int)
    touches: dict[str, int] = defaultdict(int)
    minutes: dict[str, int] = defaultdict(int)
    for aid, tier in ctx.tiers.items():
        accounts[tier] += 1
        touches[tier] += ctx.touches.get(aid, 0)
        minutes[tier] += ctx.minutes.get(aid, 0)
    hours = {tier: total / 60 for tier, total in minutes.items()}
    on_customers = sum(minutes[t] for t in CUSTOMER_TIERS) / 60
    on_prospects = sum(minutes[t] for t in ("prospect", "suspect")) / 60
    balance_service = attention_balance_module
    if balance_service is not None and hasattr(balance_service, "attention_balance"):
        days = (ctx.quarter.end - ctx.quarter.start).days + 1
        balance = balance_service.attention_balance(db, today=ctx.quarter.end, days=days)
        on_customers, on_prospects = float(balance.customer_hours), float(balance.prospect_hours)
        hours.update({g.group: float(g.hours) for g in balance.groups if g.group in PYRAMID_TIERS})
    overdue = _overdue_per_tier(db, ctx)
    lines = tuple(
        AttentionLine(tier=t, accounts=accounts[t], touches=touches[t], hours=hours.get(t, 0.0),
                      overdue=None if overdue is None or t not in CUSTOMER_TIERS else overdue.get(t, 0))
        for t in PYRAMID_TIERS if accounts[t]
    )
    return lines, on_customers, on_prospects


def _overdue_per_tier(db: Database, ctx: QuarterContext) -> dict[str, int] | None:
    attention = attention_module
    if attention is None or not hasattr(attention, "overdue_per_tier"):
        return None
    # ranked apart: printing a report leaves the standing Today keeps for today
    return attention.overdue_per_tier(db, today=ctx.quarter.end, keep_standing=False)


def portfolio(db: Database, *, quarter: Quarter, context: QuarterContext | None = None) -> Portfolio:
    """The quarter's relationship report for the whole firm (internal)."""
    ctx = context or quarter_context(db, quarter=quarter)
    attention, on_customers, on_prospects = _attention(db, ctx)
    value = value_module
    # the tiers at the quarter's end are ranked already (the context): the value table need not rank again
    overview = (value.value_overview(db, as_of=quarter.end, tiers=ctx.tiers)
                if value and hasattr(value, "value_overview") else None)
    nps = nps_module
    referrals = referrals_module
    ambassadors = ambassadors_module
    in_quarter = ledger = None
    if referrals is not None and hasattr(referrals, "referral_ledger"):
        ledger = referrals.referral_ledger(db)  # read once: the ambassadors' credit comes from it too
        in_quarter = tuple(r for r in ledger if quarter.start <= r.referred_on <= quarter.end)
    return Portfolio(
        quarter=str(quarter), previous_quarter=str(quarter.shift(-1)), quarter_start=quarter.start,
        quarter_end=quarter.end, settings=ctx.settings, attention=attention,
        hours_customers=on_customers, hours_prospects=on_prospects,
        pyramid=pyramid.pyramid_summary(db, as_of=quarter.end) if hasattr(pyramid, "pyramid_summary") else None,
        movement=(pyramid.movement(db, from_quarter=str(quarter.shift(-1)), to_quarter=str(quarter))
                  if hasattr(pyramid, "movement") else None),
        pareto=overview.pareto if overview else None,
        whale=overview.whale if overview else None,
        wallet_gaps=overview.growth[:10] if overview else None,
        nps=nps.nps_report(db, quarter=str(quarter)) if nps and hasattr(nps, "nps_report") else None,
        referrals=in_quarter,
        ambassadors=(tuple(ambassadors.list_ambassadors(db, ledger=ledger))
                     if ambassadors and hasattr(ambassadors, "list_ambassadors") else None),
    )


def account_ids_in_scope(
    db: Database, *, context: QuarterContext, tiers: tuple[str, ...] = (), owner_id: int | None = None,
    account_ids: tuple[int, ...] = (),
) -> list[int]:
    """The accounts a batch prints: customers by default, narrowed by tier, owner or explicit ids."""
    query = sa.select(Account.id, Account.name, Account.owner_id).where(Account.archived == sa.false())
    if account_ids:
        query = query.where(Account.id.in_(list(account_ids)))
    if owner_id is not None:
        query = query.where(Account.owner_id == owner_id)
    with db.read() as session:
        rows = session.execute(query.order_by(Account.name, Account.id)).all()
    wanted = set(tiers) if tiers else set(CUSTOMER_TIERS)
    if account_ids and not tiers:
        return [r[0] for r in rows]
    return [r[0] for r in rows if context.tiers.get(r[0]) in wanted]
