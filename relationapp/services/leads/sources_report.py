"""Where do our good customers come from, and how many leads did we have in a year?

Most firms that ask for more leads know neither. What counts is the value of a
lead, not its cost: this report puts the revenue the leads of one year brought
next to what their source cost, per lead source and per colleague who brought
the lead in.

Definitions (one firm-wide rule, the same everywhere):

- **registered on**: the date of the account's first stage change (the
  earliest ``StageChange`` with ``from_stage`` NULL); an account without one
  uses the date of ``Account.created_at`` (UTC).
- **lead of year Y**: an account registered in Y (1 January to 31 December),
  archived ones included (a lead that came in stays a lead of that year),
  *except* an existing customer entered into the system: an account whose
  first stage was "customer" or "inactive" (the ``to_stage`` of a first stage
  change, any of them if there are several; without one, the current stage) and whose ``customer_since`` lies
  before the registration date. Such an imported customer is not a lead.
- **qualified**: reached "mql", "sql" or "customer" at any time (a stage change
  to one of them, or the current stage).
- **became customer**: reached "customer" (a stage change to it, or the current
  stage).
- **first order**: the earliest ``Order.ordered_on`` of the account (orders up
  to ``today`` only; credit notes count as the negative orders they are).
- **revenue in the first 12 months**: the account's orders from the first order
  date up to (not including) the same day one year later (29 February: 1 March).
  **Lifetime revenue**: all its orders up to ``today``. Revenue counts for every
  lead of the group, also one not (yet) at the customer stage.
- **value per lead** = lifetime revenue of the group / its leads.
- **cost** of a source in Y = every ``Campaign`` row of that source and year:
  the whole-source rows (``name`` "") plus the named campaigns (a named
  campaign that brought no lead still cost money). **cost per lead** = cost /
  leads, only where a cost was entered (else None, also with 0 leads). A
  colleague has no cost. The total's cost per lead divides the costs by the
  leads of the sources that have a cost.
- **campaign rows**: each named campaign of Y with the leads of its source whose
  ``source_detail`` equals its name (trimmed, case-insensitive).
- **median days to first order**: among the leads that became customer and
  have an order, the days from registration to the first order (an order
  before registration counts as 0 days); the mean of the two middle values
  for an even count.
- shares are fractions (0.25 = 25 %) of the group's leads; None with no leads.

Everything is summed in one SQL statement, grouped by (source, colleague,
matching campaign, days to first order); Python folds those groups into rows
per source, per colleague, per campaign and the total, and takes the medians
from the day counts. At scale L (50,000 accounts, 500,000 orders) this takes
about 180 ms (``benchmarks/leads_sources_report.py``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import sqlalchemy as sa

from relationapp.data.db import Database
from relationapp.data.models import Account, Campaign, LeadSource, Order, Staff, StageChange, cents_to_decimal
from relationapp.services.common import validation
from relationapp.text.catalogue import N_, _

QUALIFIED_STAGES = ("mql", "sql", "customer")
CUSTOMER_STAGES = ("customer", "inactive")  # a first stage that means "already a customer"
FIRST_YEAR = 1900

UNKNOWN_SOURCE = N_("Unknown source")
NOBODY_NAMED = N_("Nobody named")
# English labels of LeadSource.kind (models.LEAD_SOURCE_KINDS), worded by the presenter
SOURCE_KINDS = {
    "trade_fair": N_("Trade fair"), "webinar": N_("Webinar"), "search_engine": N_("Search engine"),
    "social_media": N_("Social media"), "cold_call": N_("Cold call"), "third_party": N_("Third party"),
    "referral": N_("Referral"), "colleague": N_("Colleague"), "website": N_("Website"), "other": N_("Other"),
}


@dataclass(frozen=True)
class LeadFigures:
    """One row: the leads of a source, of a colleague, or all of them (``id`` None: unknown / nobody / total)."""

    id: int | None
    name: str | None  # None: "Unknown source" / "Nobody named" / the total (worded by the presenter)
    kind: str | None  # the lead source's kind (LEAD_SOURCE_KINDS); None for colleagues
    leads: int
    qualified: int
    customers: int
    qualified_share: float | None
    customer_share: float | None
    revenue_12m: Decimal
    revenue_lifetime: Decimal
    value_per_lead: Decimal | None
    cost: Decimal | None
    cost_per_lead: Decimal | None
    median_days_to_first_order: float | None


@dataclass(frozen=True)
class CampaignFigures:
    """A named campaign of the year and the leads whose source detail carries its name."""

    id: int
    source_id: int
    source_name: str
    name: str
    leads: int
    customers: int
    revenue_lifetime: Decimal
    value_per_lead: Decimal | None
    cost: Decimal
    cost_per_lead: Decimal | None


@dataclass(frozen=True)
class SourcesReport:
    year: int
    today: dt.date
    complete: bool  # False while the year is still running
    sources: tuple[LeadFigures, ...]
    colleagues: tuple[LeadFigures, ...]
    campaigns: tuple[CampaignFigures, ...]
    total: LeadFigures


# --- SQL building blocks (SQLite keeps dates as ISO text) ---------------------

def _sqlite(session) -> bool:
    return session.connection().dialect.name == "sqlite"


def _cents(column):
    return sa.type_coerce(column, sa.BigInteger)


def _day_of(session, moment):
    return sa.func.date(moment, type_=sa.Date) if _sqlite(session) else sa.cast(moment, sa.Date)


def _one_year_later(session, day):
    if _sqlite(session):
        return sa.func.date(day, "+12 months", type_=sa.Date)
    # SQLite's arithmetic: the same day number a year on, a day past the month's end running on
    # (29 February -> 1 March) where PostgreSQL's interval would stop at 28 February
    first_of_month = sa.cast(sa.func.date_trunc("month", day) + sa.text("INTERVAL '12 months'"), sa.Date)
    return first_of_month + sa.cast(sa.extract("day", day) - 1, sa.Integer)


def _days_between(session, later, earlier):
    if _sqlite(session):
        return sa.cast(sa.func.julianday(later) - sa.func.julianday(earlier), sa.Integer)
    return sa.cast(later - earlier, sa.Integer)


def _year_of(session, day):
    if _sqlite(session):
        return sa.cast(sa.func.substr(day, 1, 4), sa.Integer)
    return sa.cast(sa.extract("year", day), sa.Integer)


def _registration(session):
    """Per account (a select over Account LEFT JOIN StageChange, grouped by account): its columns,
    ``registered_on``, the "imported existing customer" flag and the qualified / customer flags.

    Grouping by the account's primary key walks ``account`` in rowid order and searches
    ``ix_stage_change_account_id`` once per account: no temporary index, no sort.
    """
    first = StageChange.from_stage.is_(None)
    first_on = sa.func.min(sa.case((first, StageChange.changed_on)), type_=sa.Date)
    registered_on = sa.func.coalesce(first_on, _day_of(session, Account.created_at), type_=sa.Date)
    first_as_customer = sa.case(
        (first_on.is_(None), sa.case((Account.stage.in_(CUSTOMER_STAGES), 1), else_=0)),
        else_=sa.func.max(sa.case((sa.and_(first, StageChange.to_stage.in_(CUSTOMER_STAGES)), 1), else_=0)),
    )
    existing = sa.and_(first_as_customer == 1, Account.customer_since.is_not(None),
                       Account.customer_since < registered_on)
    qualified = sa.case((sa.or_(sa.func.max(sa.case((StageChange.to_stage.in_(QUALIFIED_STAGES), 1), else_=0)) == 1,
                                Account.stage.in_(QUALIFIED_STAGES)), 1), else_=0)
    customer = sa.case((sa.or_(sa.func.max(sa.case((StageChange.to_stage == "customer", 1), else_=0)) == 1,
                               Account.stage == "customer"), 1), else_=0)
    query = (
        sa.select(
            Account.id.label("id"), Account.source_id.label("source_id"),
            Account.brought_in_by_id.label("staff_id"), Account.source_detail.label("source_detail"),
            registered_on.label("registered_on"), qualified.label("qualified"), customer.label("customer"),
        )
        .select_from(Account)
        .outerjoin(StageChange, StageChange.account_id == Account.id)
        .group_by(Account.id)
    )
    return query, registered_on, existing


def _registered_in(session, year: int):
    """Ids of the accounts that may be leads of ``year``: a first stage change in the year (a range of
    ``ix_stage_change_first``), or created in the year without any stage change. A superset: the
    registration day itself (the earliest first change) is checked by the caller."""
    start, end = dt.date(year, 1, 1), dt.date(year + 1, 1, 1)
    changed = sa.select(StageChange.account_id).where(StageChange.from_stage.is_(None), StageChange.changed_on >= start,
                                                      StageChange.changed_on < end)
    created = _day_of(session, Account.created_at)
    unrecorded = sa.select(Account.id).where(
        created >= start, created < end,
        ~sa.select(StageChange.id).where(StageChange.account_id == Account.id).correlate(Account).exists())
    return sa.union(changed, unrecorded)


def _leads_cte(session, year: int):
    query, registered_on, existing = _registration(session)
    query = query.where(Account.id.in_(_registered_in(session, year)))
    return query.having(sa.and_(registered_on >= dt.date(year, 1, 1), registered_on < dt.date(year + 1, 1, 1),
                                sa.not_(existing))).cte("leads")


def _same_name(a, b):
    return sa.func.lower(sa.func.trim(a)) == sa.func.lower(sa.func.trim(b))


def _per_lead(session, year: int, today: dt.date):
    """Per lead of ``year``: source, colleague, matching named campaign, flags, days to first order, cents (a CTE).

    The first-12-months sum is a correlated range search on ``ix_orders_account_date_amount`` per lead with
    orders, so SQLite never scans the whole orders table.
    """
    leads = _leads_cte(session, year)
    firsts = (
        sa.select(Order.account_id.label("account_id"), sa.func.min(Order.ordered_on).label("first_order"),
                  sa.func.sum(_cents(Order.amount)).label("lifetime"))
        .where(Order.account_id.in_(sa.select(leads.c.id)), Order.ordered_on <= today)
        .group_by(Order.account_id)
        .cte("firsts")
    )
    first_year = (
        sa.select(sa.func.sum(_cents(Order.amount)))
        .where(Order.account_id == firsts.c.account_id, Order.ordered_on >= firsts.c.first_order,
               Order.ordered_on < _one_year_later(session, firsts.c.first_order), Order.ordered_on <= today)
        .correlate(firsts)
        .scalar_subquery()
    )
    campaign = (
        sa.select(sa.func.min(Campaign.id))
        .where(Campaign.source_id == leads.c.source_id, Campaign.year == year, Campaign.name != "",
               _same_name(Campaign.name, leads.c.source_detail))
        .correlate(leads)
        .scalar_subquery()
    )
    days = _days_between(session, firsts.c.first_order, leads.c.registered_on)
    days = sa.case(
        (sa.and_(leads.c.customer == 1, firsts.c.first_order.is_not(None)), sa.case((days < 0, 0), else_=days)),
        else_=sa.null(),
    )
    return (
        sa.select(
            leads.c.id, leads.c.source_id, leads.c.staff_id,
            sa.case((leads.c.source_detail.is_(None), sa.null()), else_=campaign).label("campaign_id"),
            leads.c.qualified, leads.c.customer, days.label("days"),
            sa.case((firsts.c.account_id.is_(None), 0), else_=sa.func.coalesce(first_year, 0)).label("r12"),
            sa.func.coalesce(firsts.c.lifetime, 0).label("lifetime"),
        )
        .select_from(leads)
        .outerjoin(firsts, firsts.c.account_id == leads.c.id)
        .cte("per_lead")
    )


# --- arithmetic ---------------------------------------------------------------

def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _per(amount: Decimal | None, count: int) -> Decimal | None:
    if amount is None or not count:
        return None
    return (amount / count).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _median(counts: Counter) -> float | None:
    """The median of a multiset given as {value: how many}."""
    n = sum(counts.values())
    if not n:
        return None
    wanted = ((n - 1) // 2, n // 2)  # 0-based positions of the middle value(s)
    found: list[int] = []
    seen = 0
    for value in sorted(counts):
        upto = seen + counts[value]
        for position in wanted:
            if seen <= position < upto:
                found.append(value)
        seen = upto
        if len(found) == 2:
            break
    return (found[0] + found[1]) / 2


class _Sum:
    __slots__ = ("leads", "qualified", "customers", "r12", "lifetime", "days")

    def __init__(self):
        self.leads = self.qualified = self.customers = self.r12 = self.lifetime = 0
        self.days: Counter = Counter()

    def add(self, leads, qualified, customers, r12, lifetime, days):
        self.leads += leads
        self.qualified += qualified
        self.customers += customers
        self.r12 += r12
        self.lifetime += lifetime
        if days is not None:
            self.days[int(days)] += leads

    def figures(self, *, id, name, kind, cost: Decimal | None, cost_leads: int | None = None) -> LeadFigures:
        lifetime = cents_to_decimal(self.lifetime)
        return LeadFigures(
            id=id, name=name, kind=kind, leads=self.leads, qualified=self.qualified, customers=self.customers,
            qualified_share=_share(self.qualified, self.leads), customer_share=_share(self.customers, self.leads),
            revenue_12m=cents_to_decimal(self.r12), revenue_lifetime=lifetime, value_per_lead=_per(lifetime, self.leads),
            cost=cost, cost_per_lead=_per(cost, self.leads if cost_leads is None else cost_leads),
            median_days_to_first_order=_median(self.days),
        )


def _order(row: LeadFigures):
    """The most valuable first; the unknown group last; then by name."""
    return (row.id is None, -row.revenue_lifetime, -row.leads, (row.name or "").casefold())


# --- the services -------------------------------------------------------------

def check_year(year, *, today: dt.date, latest: int | None = None) -> int:
    """A year as a whole number from 1900 to ``latest`` (default: this year)."""
    return validation.whole_number(year, field="year", label=_("Year"), minimum=FIRST_YEAR,
                                   maximum=today.year if latest is None else latest, required=True)


def sources_report(db: Database, *, year: int, today: dt.date | None = None) -> SourcesReport:
    """The leads of ``year`` per source and per colleague who brought them in, with the total."""
    today = today or dt.date.today()
    year = check_year(year, today=today)
    with db.read() as session:
        per_lead = _per_lead(session, year, today)
        grouped = session.execute(
            sa.select(per_lead.c.source_id, per_lead.c.staff_id, per_lead.c.campaign_id, per_lead.c.days,
                      sa.func.count(), sa.func.sum(per_lead.c.qualified), sa.func.sum(per_lead.c.customer),
                      sa.func.sum(per_lead.c.r12), sa.func.sum(per_lead.c.lifetime))
            .group_by(per_lead.c.source_id, per_lead.c.staff_id, per_lead.c.campaign_id, per_lead.c.days)
        ).all()
        costs = {sid: int(cents) for sid, cents in session.execute(
            sa.select(Campaign.source_id, sa.func.sum(_cents(Campaign.cost)))
            .where(Campaign.year == year).group_by(Campaign.source_id))}
        sources = {sid: (name, kind) for sid, name, kind in session.execute(
            sa.select(LeadSource.id, LeadSource.name, LeadSource.kind))}
        staff_ids = {row[1] for row in grouped if row[1] is not None}
        staff = {sid: name for sid, name in session.execute(sa.select(Staff.id, Staff.name).where(Staff.id.in_(staff_ids)))}
        named = session.execute(
            sa.select(Campaign.id, Campaign.source_id, Campaign.name, _cents(Campaign.cost))
            .where(Campaign.year == year, Campaign.name != "")
        ).all()

    by_source: dict[int | None, _Sum] = defaultdict(_Sum)
    by_staff: dict[int | None, _Sum] = defaultdict(_Sum)
    total = _Sum()
    by_campaign: dict[int, _Sum] = defaultdict(_Sum)
    for source_id, staff_id, campaign_id, days, leads, qualified, customers, r12, lifetime in grouped:
        values = (int(leads), int(qualified or 0), int(customers or 0), int(r12 or 0), int(lifetime or 0), days)
        by_source[source_id].add(*values)
        by_staff[staff_id].add(*values)
        total.add(*values)
        if campaign_id is not None:
            by_campaign[campaign_id].add(*values)
    for source_id in costs:
        by_source[source_id]  # a source that cost money and brought no lead is shown too

    source_rows = []
    for sid, sums in by_source.items():
        name, kind = sources.get(sid, (None, None))
        cost = cents_to_decimal(costs[sid]) if sid in costs else None
        source_rows.append(sums.figures(id=sid, name=name, kind=kind, cost=cost))
    staff_rows = [sums.figures(id=sid, name=staff.get(sid), kind=None, cost=None) for sid, sums in by_staff.items()]
    total_cost = cents_to_decimal(sum(costs.values())) if costs else None
    costed_leads = sum(by_source[sid].leads for sid in costs)
    return SourcesReport(
        year=year, today=today, complete=year < today.year,
        sources=tuple(sorted(source_rows, key=_order)), colleagues=tuple(sorted(staff_rows, key=_order)),
        campaigns=_campaigns(named, by_campaign, sources),
        total=total.figures(id=None, name=None, kind=None, cost=total_cost, cost_leads=costed_leads),
    )


def _campaigns(named, by_campaign: dict[int, _Sum], sources) -> tuple[CampaignFigures, ...]:
    out = []
    for cid, sid, name, cost_cents in named:
        sums = by_campaign.get(cid) or _Sum()
        cost, revenue = cents_to_decimal(cost_cents), cents_to_decimal(sums.lifetime)
        out.append(CampaignFigures(
            id=cid, source_id=sid, source_name=sources.get(sid, ("", None))[0], name=name, leads=sums.leads,
            customers=sums.customers, revenue_lifetime=revenue, value_per_lead=_per(revenue, sums.leads), cost=cost,
            cost_per_lead=_per(cost, sums.leads)))
    return tuple(sorted(out, key=lambda c: (c.source_name.casefold(), c.name.casefold())))


def years_available(db: Database) -> tuple[int, ...]:
    """The years in which accounts were registered (or campaigns entered), newest first.

    Read from ``ix_stage_change_first`` alone: a year whose only registrations are imported
    customers is listed too (its report says 0 leads).
    """
    with db.read() as session:
        first = sa.select(_year_of(session, StageChange.changed_on)).where(StageChange.from_stage.is_(None))
        years = set(session.execute(first.distinct()).scalars())
        unrecorded = sa.select(_year_of(session, _day_of(session, Account.created_at))).where(
            ~sa.select(StageChange.id).where(StageChange.account_id == Account.id).correlate(Account).exists())
        years |= set(session.execute(unrecorded.distinct()).scalars())
        years |= set(session.execute(sa.select(Campaign.year).distinct()).scalars())
    return tuple(sorted((int(y) for y in years if y is not None), reverse=True))
