"""Today: which customers need attention now, ranked by what each is worth.

Definitions (the Today view, the CLI and the tray message all use these):

- **Cadence** (days between touches): the account's own ``cadence_days`` if
  set; else by pyramid tier from the settings (Top, Big, Medium, Small; a
  customer without revenue in 12 months uses the prospect cadence); leads by
  stage: sales-qualified (hot) leads ``cadence_hot_lead``, prospects and
  marketing-qualified leads ``cadence_prospect``. Only leads in their manager's
  focus list are shown (services/leads/focus.py); the others are nurtured.
- **Last touch**: the latest interaction of the account, of any kind. A touch
  logged on one of its people carries the account already (log_interaction);
  a touch with no account, linked only to a person of the account, counts too.
- **Days overdue** = days since the last touch - cadence. Never touched: the
  clock starts on ``customer_since`` (else the day the account was created).
- **Value at stake** = revenue of the last 12 months x days overdue / cadence:
  one cadence period's share of the yearly revenue per period overdue. A Top
  customer (EUR 120,000, every 30 days) two weeks late: 56,000; a Small one
  (EUR 2,000, every 180 days) two months late: 666.67. Ties go to the longer
  overdue. (Revenue, not margin: once cost of goods is known for every order,
  the margin is the better measure; a later change.)
- **Dropped a tier**: a customer whose pyramid tier is lower than at the last
  quarter end needs attention even when its cadence has not run out; its
  value at stake is then the larger of the above and the 12-month revenue
  lost since that quarter end.

Accounts whose every person asked not to be contacted are left out; so are
those with an open follow-up made from Today (origin "cadence"): the contact
is planned, the follow-up reminds when it is due.

Speed: each section is one query that ranks in SQL and returns only the rows
shown plus a count. The last touch is ``account.last_touch_on`` and the tiers
come from ``tier_cache`` (both kept exact by triggers, revision 0006); only
accounts untouched for the shortest cadence (an index range) and those that
dropped a tier are looked at closely.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import sqlalchemy as sa

from relationapp.config import Settings
from relationapp.data.db import Database
from relationapp.data.models import (
    Account,
    FollowUp,
    ImportantDate,
    Interaction,
    InteractionPerson,
    Person,
    cents_to_decimal,
)
from relationapp.errors import NotFound, ValidationError
from relationapp.services.common import settings as settings_service
from relationapp.services.common.sql import days_between
from relationapp.services.touches import follow_ups as follow_up_service
from relationapp.services.touches import personal_dates
from relationapp.services.value import pyramid
from relationapp.services.value.quarters import previous_quarter_end
from relationapp.text import formatting
from relationapp.text.catalogue import N_, _, ngettext

LEAD_STAGES = ("sql", "mql", "prospect")  # hottest first: the order of "Prospects in focus"
CADENCE_ORIGIN = follow_up_service.CADENCE_ORIGIN  # one name for the rule (a touch closes it)
DEFAULT_LIMIT = 100
PROSPECT_LIMIT = 10
_CENT = Decimal("0.01")
_LEAD_LABELS = {"sql": N_("Hot lead"), "mql": N_("Lead"), "prospect": N_("Prospect")}


@dataclass(frozen=True)
class AttentionItem:
    """A customer (or lead) whose keep-in-touch cadence has run out."""

    account_id: int
    account: str
    stage: str
    tier: str
    reason: str
    cadence_days: int
    last_touch: dt.date | None
    days_overdue: int
    revenue_12m: Decimal
    value: Decimal  # value at stake, see the module text
    dropped_from: str | None  # the tier at the last quarter end, when the account fell since


@dataclass(frozen=True)
class FollowUpItem:
    follow_up_id: int
    title: str
    reason: str
    due_on: dt.date  # the day it is due, after any snooze
    days_overdue: int  # 0 = due today
    account_id: int | None
    account: str | None
    person_id: int | None
    person: str | None
    origin: str
    value: Decimal  # the account's revenue of the last 12 months


@dataclass(frozen=True)
class ComingUpItem:
    on: dt.date
    days_away: int
    kind: str  # birthday, customer_since, child_birthday, anniversary, wedding, custom
    reason: str
    years: int | None  # age, or years as a customer / married ...; None without a year
    person_id: int | None
    person: str | None
    account_id: int | None
    account: str | None
    important_date_id: int | None


@dataclass(frozen=True)
class Agenda:
    today: dt.date
    needs_attention: tuple[AttentionItem, ...]
    follow_ups_due: tuple[FollowUpItem, ...]
    coming_up: tuple[ComingUpItem, ...]
    prospects_in_focus: tuple[AttentionItem, ...]
    # how many there are in all (the tuples above stop at the limit)
    needs_attention_total: int
    follow_ups_due_total: int
    coming_up_total: int
    prospects_total: int
    # nurturing: the content due for each person, a personal send (services/leads/nurture.py)
    content_to_send: tuple = ()


def cadence_for(settings: Settings, *, tier: str, stage: str, override: int | None) -> int:
    if override:
        return override
    if stage == "sql":
        return settings.cadence_hot_lead
    if stage in ("prospect", "mql"):
        return settings.cadence_prospect
    return settings.cadence_for_tier(tier)


def value_at_stake(revenue_12m: Decimal, days_overdue: int, cadence_days: int) -> Decimal:
    if days_overdue <= 0:
        return Decimal("0.00")
    return (revenue_12m * days_overdue / cadence_days).quantize(_CENT, rounding=ROUND_HALF_UP)


def _as_date(value) -> dt.date | None:
    # aggregates over date columns may come back as ISO text from SQLite
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def _reason(tier: str, stage: str, last: dt.date | None, since_days: int, cadence: int, override: bool) -> str:
    """Short enough for a list row: "Big: no touch for 58 days (every 45)"."""
    if stage == "customer":
        who = _("No orders in 12 months") if tier == "inactive" else _(pyramid.TIER_LABELS.get(tier, tier))
    else:
        who = _(_LEAD_LABELS.get(stage, stage))
    number = formatting.current().number
    if override:
        every = _("own cadence, every {days}").format(days=number(cadence))
    else:
        every = _("every {days}").format(days=number(cadence))
    if last is None:
        return _("{who}: never contacted ({every})").format(who=who, every=every)
    return _("{who}: no touch for {days} days ({every})").format(who=who, days=number(since_days), every=every)


# --- SQL pieces ------------------------------------------------------------------
#
# Each section ranks in one query over covering indexes and returns only the
# rows shown, with the total as a window count; names are read afterwards for
# those rows only. The tiers (and the drops since the last quarter end) come
# from pyramid's tier_cache, or on a database that cannot keep it from a TEMP
# table shaped like it; the last touch is account.last_touch_on (triggers).

def _sqlite(session) -> bool:
    return session.connection().dialect.name == "sqlite"


def _day_of(session, moment):
    return sa.func.date(moment) if _sqlite(session) else sa.cast(moment, sa.Date)


def _cents(column):
    """A money column of tier_cache (Money: Decimal euros in Python) as the integer cents it stores, so
    sums, rankings and ``cents_to_decimal`` see cents (the TEMP standing is plain cents already)."""
    return sa.type_coerce(column, sa.BigInteger)


def _rounded_division(numerator, denominator):
    """numerator / denominator rounded half away from zero, in integers (denominator > 0): exact cents."""
    return sa.case(
        (numerator >= 0, (numerator * 2 + denominator) // (denominator * 2)),
        else_=-((-numerator * 2 + denominator) // (denominator * 2)),
    )


def _names(session, model, ids) -> dict[int, str]:
    wanted = sorted({i for i in ids if i is not None})
    if not wanted:
        return {}
    return dict(session.execute(sa.select(model.id, model.name).where(model.id.in_(wanted))).all())


def _archived_accounts():
    return sa.select(Account.id).where(Account.archived == sa.true())


def _last_touch(session, accounts):
    """(subquery, expression): the last touch of each of ``accounts``: its own latest touch, or a later
    one with no account linked only to one of its people (rare: log_interaction fills the account in)."""
    via_people = (
        sa.select(Person.account_id.label("account_id"), sa.func.max(Interaction.occurred_on).label("day"))
        .join(InteractionPerson, InteractionPerson.interaction_id == Interaction.id)
        .join(Person, Person.id == InteractionPerson.person_id)
        .where(Interaction.account_id.is_(None), Person.account_id.is_not(None))
        .group_by(Person.account_id)
        .subquery("via_people")
    )
    own = accounts.c.last_touch_on  # kept by triggers on both backends (revision 0006)
    day = via_people.c.day
    return via_people, sa.case((sa.and_(day.is_not(None), sa.or_(own.is_(None), day > own)), day), else_=own)


def _cadence(settings: Settings, accounts, tier):
    """cadence_for in SQL: the account's own cadence, else by stage (leads) or tier (customers)."""
    return sa.case(
        (accounts.c.cadence_days != 0, accounts.c.cadence_days),
        (accounts.c.stage == "sql", settings.cadence_hot_lead),
        (accounts.c.stage.in_(("prospect", "mql")), settings.cadence_prospect),
        *((tier == t, settings.cadence_for_tier(t)) for t in pyramid.CUSTOMER_TIERS),
        else_=settings.cadence_prospect,
    )


def _shortest_cadences(session, settings: Settings, stages: tuple[str, ...]) -> dict[str, int]:
    """Per stage, no account has a shorter cadence: who was touched since is not overdue."""
    own = dict(session.execute(
        sa.select(Account.stage, sa.func.min(Account.cadence_days))
        .where(Account.archived == sa.false(), Account.stage.in_(stages), Account.cadence_days != 0)
        .group_by(Account.stage)
    ).all())
    by_tier = [settings.cadence_for_tier(t) for t in pyramid.CUSTOMER_TIERS] + [settings.cadence_prospect]
    shared = {"customer": min(by_tier), "sql": settings.cadence_hot_lead}  # mql, prospect: cadence_prospect
    out = {}
    for stage in stages:
        days = shared.get(stage, settings.cadence_prospect)
        out[stage] = min(days, own.get(stage, days))
    return out


def _owned_by(staff_id: int | None, account_id):
    """Only the accounts ``staff_id`` manages (ix_account_owner); everyone's when None."""
    if staff_id is None:
        return sa.true()
    return account_id.in_(sa.select(Account.id).where(Account.owner_id == staff_id))


def _candidates(session, *, today: dt.date, settings: Settings, stages: tuple[str, ...], tiers: sa.Table,
                with_dropped: bool, staff_id: int | None = None):
    """The accounts that may be overdue, as index ranges of ix_account_attention: untouched since their
    stage's shortest cadence (or never touched); and customers that dropped a tier."""
    columns = (Account.id, Account.stage, Account.last_touch_on, Account.cadence_days, Account.customer_since,
               Account.created_at)
    # leads: only those in their manager's focus list (the others are nurtured, not chased)
    focus = Account.in_focus == sa.true() if "customer" not in stages else sa.true()
    if staff_id is not None:
        focus = sa.and_(focus, Account.owner_id == staff_id)
    parts = []
    cutoffs = {stage: today - dt.timedelta(days=max(days, -1)) for stage, days in
               _shortest_cadences(session, settings, stages).items()}
    for stage, cutoff in cutoffs.items():  # UNION ALL of plain ranges reads the index alone (an OR would not)
        same = sa.select(*columns).where(Account.archived == sa.false(), Account.stage == stage, focus)
        parts += [same.where(Account.last_touch_on < cutoff), same.where(Account.last_touch_on.is_(None))]
    if with_dropped and "customer" in cutoffs:
        parts.append(sa.select(*columns).where(  # a few hundred, from ix_tier_cache_dropped; not those above
            Account.id.in_(sa.select(tiers.c.account_id).where(tiers.c.dropped_from.is_not(None))),
            Account.archived == sa.false(), Account.stage == "customer", Account.last_touch_on >= cutoffs["customer"],
            focus))
    found = sa.union_all(*parts).subquery("found")
    if not _sqlite(session):
        return sa.select(*found.c).subquery("candidates")
    # OFFSET keeps SQLite from copying the query around it into every branch (flattening rule 14)
    return sa.select(*found.c).limit(-1).offset(0).subquery("candidates")


def _planned_or_unreachable():
    """Accounts left out of the overdue lists: a contact is planned (an open follow-up made from Today),
    or every active person asked not to be contacted. Both sets are small and read once per query
    (ix_follow_up_open_origin; ix_person_contact, led by the rare do_not_contact)."""
    planned = sa.select(FollowUp.account_id).where(  # ix_follow_up_open_origin alone
        FollowUp.origin == CADENCE_ORIGIN, FollowUp.done_on.is_(None), FollowUp.account_id.is_not(None))
    other = sa.orm.aliased(Person)
    reachable = (sa.select(sa.literal(1))
                 .where(other.do_not_contact == sa.false(), other.archived == sa.false(),
                        other.account_id == Person.account_id).exists())
    unreachable = sa.select(Person.account_id).where(Person.do_not_contact == sa.true(), Person.archived == sa.false(),
                                                     Person.account_id.is_not(None), ~reachable)
    return sa.union(planned, unreachable)


def _overdue(session, *, today: dt.date, settings: Settings, stages: tuple[str, ...], tiers: sa.Table,
             with_dropped: bool, limit: int | None, staff_id: int | None = None) -> tuple[int, list]:
    """(how many, the first ``limit`` ranked) accounts of ``stages`` whose cadence has run out or, with
    ``with_dropped``, customers that fell a tier since the last quarter end."""
    customers = stages == ("customer",)
    accounts = _candidates(session, today=today, settings=settings, stages=stages, tiers=tiers,
                           with_dropped=with_dropped and customers, staff_id=staff_id)
    via_people, last = _last_touch(session, accounts)
    if customers:
        tier, cents = sa.func.coalesce(tiers.c.tier, "prospect"), sa.func.coalesce(_cents(tiers.c.revenue_12m), 0)
    else:  # a lead's cadence and rank do not depend on its tier: read for the rows shown only
        tier, cents = sa.null(), sa.null()
    cadence = _cadence(settings, accounts, tier)
    start = sa.func.coalesce(last, accounts.c.customer_since, _day_of(session, accounts.c.created_at))
    since_days = days_between(sa.literal(today, sa.Date), start)
    was = tiers.c.dropped_from if with_dropped and customers else sa.null()

    late_ids = _planned_or_unreachable()
    late = (  # the window count also keeps SQLite from copying these expressions into the ranking below
        sa.select(accounts.c.id, accounts.c.stage, accounts.c.cadence_days, tier.label("tier"), cents.label("cents"),
                  cadence.label("cadence"), last.label("last"), since_days.label("since_days"), was.label("was"),
                  (_cents(tiers.c.revenue_before) if customers else sa.null()).label("was_cents"),
                  sa.func.count().over().label("total"))
        .select_from(accounts)
        .outerjoin(via_people, via_people.c.account_id == accounts.c.id)
        .where(sa.or_(since_days > cadence, was.is_not(None)), accounts.c.id.not_in(late_ids))
    )
    if customers:
        late = late.outerjoin(tiers, tiers.c.account_id == accounts.c.id)
    late = late.subquery("late")
    overdue = late.c.since_days - late.c.cadence
    if customers:
        value = sa.case((overdue > 0, _rounded_division(late.c.cents * overdue, late.c.cadence)), else_=0)
        lost = late.c.was_cents - late.c.cents
        value = sa.case((sa.and_(late.c.was.is_not(None), lost > value), lost), else_=value)
        order = (value.desc(), overdue.desc(), late.c.id)
    else:  # leads: the hottest stage first, then the furthest behind its cadence
        value = sa.literal(0)
        heat = sa.case(*((late.c.stage == s, i) for i, s in enumerate(LEAD_STAGES)), else_=len(LEAD_STAGES))
        order = (heat, (sa.cast(overdue, sa.Float) / late.c.cadence).desc(), late.c.id)
    if limit == 0:  # no row asked for: only the count
        return session.execute(sa.select(sa.func.count()).select_from(late)).scalar() or 0, []
    query = sa.select(*late.c, value.label("value")).order_by(*order)
    rows = session.execute(query if limit is None else query.limit(limit)).all()
    return (rows[0].total if rows else 0), rows


def _attention_items(session, rows, *, tiers: sa.Table, quarter_end: dt.date) -> list[AttentionItem]:
    names = _names(session, Account, [row.id for row in rows])
    standing = {}
    if any(row.tier is None for row in rows):  # leads: their tier is read for the rows shown only
        standing = {a: (t, c) for a, t, c in session.execute(
            sa.select(tiers.c.account_id, tiers.c.tier, _cents(tiers.c.revenue_12m))
            .where(tiers.c.account_id.in_([row.id for row in rows])))}
    out = []
    for row in rows:
        tier, cents = (row.tier, row.cents) if row.tier is not None else standing.get(row.id, ("prospect", 0))
        last = _as_date(row.last)
        overdue = row.since_days - row.cadence
        reason = _reason(tier, row.stage, last, row.since_days, row.cadence, bool(row.cadence_days))
        if row.was is not None:
            fell = _("dropped from {tier} since {day}").format(
                tier=_(pyramid.TIER_LABELS[row.was]), day=formatting.current().date(quarter_end))
            if overdue > 0:
                reason = _("{reason}; {fell}").format(reason=reason, fell=fell)
            else:
                reason = _("{tier}: {fell}").format(tier=_(pyramid.TIER_LABELS.get(tier, tier)), fell=fell)
        out.append(AttentionItem(
            account_id=row.id, account=names.get(row.id, ""), stage=row.stage, tier=tier, reason=reason,
            cadence_days=row.cadence, last_touch=last, days_overdue=max(overdue, 0),
            revenue_12m=cents_to_decimal(cents), value=cents_to_decimal(row.value), dropped_from=row.was,
        ))
    return out


def _follow_ups_due(session, *, today: dt.date, tiers: sa.Table, limit: int | None,
                    staff_id: int | None = None) -> tuple[int, list[FollowUpItem]]:
    """(how many are due, the first ``limit``): the longest overdue first, then the most valuable account.
    With ``staff_id``: those assigned to that staff member, and the unassigned ones of the accounts they manage."""
    due = sa.case((sa.and_(FollowUp.snoozed_until.is_not(None), FollowUp.snoozed_until > FollowUp.due_on),
                   FollowUp.snoozed_until), else_=FollowUp.due_on)
    cents = sa.func.coalesce(_cents(tiers.c.revenue_12m), 0)
    ranked = (  # from ix_follow_up_due alone
        sa.select(FollowUp.id, sa.type_coerce(due, sa.Date).label("due"), cents.label("cents"),
                  sa.func.count().over().label("total"))
        .outerjoin(tiers, tiers.c.account_id == FollowUp.account_id)
        .where(FollowUp.done_on.is_(None), FollowUp.due_on <= today)
        .where(sa.or_(FollowUp.snoozed_until.is_(None), FollowUp.snoozed_until <= today))
        .where(sa.or_(FollowUp.account_id.is_(None), FollowUp.account_id.not_in(_archived_accounts())))
        .where(sa.true() if staff_id is None else sa.or_(
            FollowUp.staff_id == staff_id, sa.and_(FollowUp.staff_id.is_(None), _owned_by(staff_id, FollowUp.account_id))))
        .order_by(due, cents.desc(), FollowUp.id)
    )
    if limit == 0:
        return session.execute(sa.select(sa.func.count()).select_from(ranked.subquery())).scalar() or 0, []
    rows = session.execute(ranked if limit is None else ranked.limit(limit)).all()
    details = {
        r.id: r for r in session.execute(
            sa.select(FollowUp.id, FollowUp.title, FollowUp.account_id, Account.name, FollowUp.person_id,
                      Person.name.label("person"), FollowUp.origin)
            .outerjoin(Account, Account.id == FollowUp.account_id)
            .outerjoin(Person, Person.id == FollowUp.person_id)
            .where(FollowUp.id.in_([r.id for r in rows]))
        )
    } if rows else {}
    out = []
    for r in rows:
        d, day = details[r.id], _as_date(r.due)
        out.append(FollowUpItem(follow_up_id=r.id, title=d.title, reason=d.title, due_on=day,
                                days_overdue=(today - day).days, account_id=d.account_id, account=d.name,
                                person_id=d.person_id, person=d.person, origin=d.origin, value=cents_to_decimal(r.cents)))
    return (rows[0].total if rows else 0), out


def _month_day_filter(month_col, day_col, away: dict[tuple[int, int], int]):
    """(month, day) columns among the days of ``away``, as index ranges."""
    ranges = personal_dates.month_ranges(set(away))
    return sa.or_(*(sa.and_(month_col == m, day_col.between(lo, hi)) for m, lo, hi in ranges)) if ranges else sa.false()


def _month_day_away(month_col, day_col, away: dict[tuple[int, int], int]):
    """Days until the next celebration of (month, day), from a (month, day) -> days map."""
    return sa.case({m * 100 + d: n for (m, d), n in away.items()}, value=month_col * 100 + day_col)


def _date_filter_and_away(session, column, away: dict[tuple[int, int], int]):
    """The same two for a date column: on SQLite its 'MM-DD' text, no date parsed."""
    if not _sqlite(session):
        month, day = sa.extract("month", column), sa.extract("day", column)
        return _month_day_filter(month, day, away), _month_day_away(month, day, away)
    key = sa.func.substr(column, 6)
    ranges = personal_dates.month_ranges(set(away))
    within = sa.or_(*(key.between(f"{m:02d}-{lo:02d}", f"{m:02d}-{hi:02d}") for m, lo, hi in ranges)) if ranges else sa.false()
    return within, sa.case({f"{m:02d}-{d:02d}": n for (m, d), n in away.items()}, value=key)


def _coming_up(session, *, today: dt.date, settings: Settings, tiers: sa.Table,
               limit: int | None, staff_id: int | None = None) -> tuple[int, list[ComingUpItem]]:
    """(how many personal dates are coming, the first ``limit``): soonest first, the most valuable account first on a day.
    With ``staff_id``, only the dates of the accounts that staff member manages (and of their people)."""
    feb29 = settings.feb29_birthdays_on
    near = personal_dates.days_away_within(today, settings.coming_up_days, feb29_on=feb29)
    to_year_end = (dt.date(today.year, 12, 31) - today).days

    def falls_in(days_away):  # the year of the day (windows are at most 366 days)
        return sa.case((days_away > to_year_end, today.year + 1), else_=today.year)

    worth = sa.func.coalesce(_cents(tiers.c.revenue_12m), 0)
    columns = ("kind", "days_away", "year", "person_id", "account_id", "date_id", "worth")

    def shaped(*values):  # the same columns from each kind of date
        return [value.label(name) for value, name in zip(values, columns)]

    no_id = sa.cast(sa.null(), sa.Integer)  # typed: PostgreSQL reads a column of bare NULLs as text

    away = _month_day_away(Person.birthday_month, Person.birthday_day, near)
    parts = [  # birthdays, from ix_person_birthday_contact alone
        sa.select(*shaped(sa.literal("birthday"), away, Person.birthday_year, Person.id, Person.account_id, no_id, worth))
        .select_from(Person)
        .outerjoin(tiers, tiers.c.account_id == Person.account_id)
        .where(_month_day_filter(Person.birthday_month, Person.birthday_day, near),
               Person.do_not_contact == sa.false(), Person.archived == sa.false(),
               sa.or_(Person.account_id.is_(None), Person.account_id.not_in(_archived_accounts())),
               _owned_by(staff_id, Person.account_id))
    ]
    notice = session.execute(sa.select(sa.func.max(ImportantDate.notice_days))).scalar() or 0
    if notice > 0:
        ahead = personal_dates.days_away_within(today, min(notice, 366), feb29_on=feb29)
        away = _month_day_away(ImportantDate.month, ImportantDate.day, ahead)
        contactable = sa.and_(Person.do_not_contact == sa.false(), Person.archived == sa.false())
        parts.append(
            sa.select(*shaped(ImportantDate.kind, away, ImportantDate.year, Person.id, Account.id, ImportantDate.id, worth))
            .select_from(ImportantDate)
            .outerjoin(Person, Person.id == ImportantDate.person_id)
            .outerjoin(Account, Account.id == sa.func.coalesce(ImportantDate.account_id, Person.account_id))
            .outerjoin(tiers, tiers.c.account_id == Account.id)
            .where(_month_day_filter(ImportantDate.month, ImportantDate.day, ahead), away <= ImportantDate.notice_days)
            .where(sa.or_(Person.id.is_(None), contactable), sa.or_(Account.id.is_(None), Account.archived == sa.false()))
            .where(sa.true() if staff_id is None else Account.owner_id == staff_id)
        )
    within, away = _date_filter_and_away(session, Account.customer_since, near)
    since_year = sa.extract("year", Account.customer_since)
    parts.append(  # customer-since anniversaries, from ix_account_attention
        sa.select(*shaped(sa.literal("customer_since"), away, since_year, no_id, Account.id, no_id, worth))
        .select_from(Account)
        .outerjoin(tiers, tiers.c.account_id == Account.id)
        .where(Account.archived == sa.false(), Account.stage == "customer", Account.customer_since.is_not(None),
               within, since_year < falls_in(away),  # the first year is no anniversary yet
               sa.true() if staff_id is None else Account.owner_id == staff_id)
    )
    dates = sa.union_all(*parts).subquery("dates")
    ranked = (
        sa.select(*dates.c, sa.func.count().over().label("total"))
        .where(dates.c.days_away.is_not(None))
        .order_by(dates.c.days_away, dates.c.worth.desc(), dates.c.kind, sa.func.coalesce(dates.c.person_id, 0),
                  sa.func.coalesce(dates.c.account_id, 0), sa.func.coalesce(dates.c.date_id, 0))
    )
    if limit == 0:
        return session.execute(sa.select(sa.func.count()).select_from(ranked.subquery())).scalar() or 0, []
    rows = session.execute(ranked if limit is None else ranked.limit(limit)).all()
    people = _names(session, Person, [r.person_id for r in rows])
    accounts = _names(session, Account, [r.account_id for r in rows])
    date_ids = [r.date_id for r in rows if r.date_id is not None]
    labels = dict(session.execute(sa.select(ImportantDate.id, ImportantDate.label)
                                  .where(ImportantDate.id.in_(date_ids))).all()) if date_ids else {}
    out = []
    for r in rows:
        on = today + dt.timedelta(days=r.days_away)
        years = personal_dates.years_since(r.year, on)
        person = people.get(r.person_id)
        if r.kind == "birthday":
            if years:
                reason = _("Birthday: {person} turns {years}").format(person=person, years=years)
            else:
                reason = _("Birthday: {person}").format(person=person)
        elif r.kind == "customer_since":
            reason = ngettext("Customer for {years} year", "Customer for {years} years", years or 0).format(
                years=formatting.current().number(years))
        else:
            reason = labels[r.date_id] + (_(" ({years})").format(years=formatting.current().age(years)) if years else "")
        out.append(ComingUpItem(on=on, days_away=r.days_away, kind=r.kind, reason=reason, years=years,
                                person_id=r.person_id, person=person, account_id=r.account_id,
                                account=accounts.get(r.account_id), important_date_id=r.date_id))
    return (rows[0].total if rows else 0), out


def agenda(
    db: Database,
    *,
    today: dt.date | None = None,
    limit: int | None = DEFAULT_LIMIT,
    prospect_limit: int | None = PROSPECT_LIMIT,
    with_dropped: bool = True,
    keep_standing: bool = True,
    staff_id: int | None = None,
) -> Agenda:
    """Everything Today shows, in the order it shows it.

    ``limit`` caps the rows of the first three sections (the totals count
    them all); ``prospect_limit`` keeps the prospects small. With
    ``with_dropped``, customers whose pyramid tier fell since the last
    quarter end need attention too, cadence or not (value at stake: the
    larger of the cadence value and the 12-month revenue lost since then).
    Without ``keep_standing`` a day the tier cache does not hold is ranked
    apart, leaving the cache as Today left it (a report on a past day).
    ``staff_id`` gives one account manager's Today: the accounts they manage, the follow-ups
    assigned to them (or unassigned on their accounts), their accounts' dates; None is everyone's.
    """
    today = today or dt.date.today()
    quarter_end = previous_quarter_end(today)

    def work(session, tiers: sa.Table) -> Agenda:
        settings = settings_service.load(session)
        common = dict(today=today, settings=settings, tiers=tiers, staff_id=staff_id)
        customers_total, customers = _overdue(session, stages=("customer",), with_dropped=with_dropped,
                                              limit=limit, **common)
        leads_total, leads = _overdue(session, stages=LEAD_STAGES, with_dropped=False, limit=prospect_limit, **common)
        due_total, due = _follow_ups_due(session, today=today, tiers=tiers, limit=limit, staff_id=staff_id)
        coming_total, coming = _coming_up(session, limit=limit, **common)
        return Agenda(
            today=today,
            needs_attention=tuple(_attention_items(session, customers, tiers=tiers, quarter_end=quarter_end)),
            follow_ups_due=tuple(due),
            coming_up=tuple(coming),
            prospects_in_focus=tuple(_attention_items(session, leads, tiers=tiers, quarter_end=quarter_end)),
            needs_attention_total=customers_total,
            follow_ups_due_total=due_total,
            coming_up_total=coming_total,
            prospects_total=leads_total,
        )

    shown = pyramid.with_standing(db, as_of=today, work=work, keep=keep_standing)
    from relationapp.services.leads.nurture import due_content

    content = due_content(db, today=today, staff_id=staff_id, limit=prospect_limit or 10_000, stop_passed=False)
    return dataclasses.replace(shown, content_to_send=tuple(content))


def overdue_per_tier(db: Database, *, today: dt.date, keep_standing: bool = False) -> dict[str, int]:
    """How many customers of each tier need attention on ``today`` (the agenda's first section counted, dropped
    tiers included), without wording the rows or reading the other sections: a report on a quarter end."""

    def work(session, tiers: sa.Table) -> dict[str, int]:
        _total, rows = _overdue(session, today=today, settings=settings_service.load(session), stages=("customer",),
                                tiers=tiers, with_dropped=True, limit=None)
        counts: dict[str, int] = {}
        for row in rows:
            counts[row.tier] = counts.get(row.tier, 0) + 1
        return counts

    return pyramid.with_standing(db, as_of=today, work=work, keep=keep_standing)


def summary_line(agenda: Agenda) -> str:
    """One line for a reminder outside the window: "3 customers need you, 2 birthdays this week"."""
    number = formatting.current().number
    parts = []
    n = agenda.needs_attention_total
    if n:
        parts.append(ngettext("{count} customer needs you", "{count} customers need you", n).format(count=number(n)))
    n = agenda.follow_ups_due_total
    if n:
        parts.append(ngettext("{count} follow-up due", "{count} follow-ups due", n).format(count=number(n)))
    week = agenda.today + dt.timedelta(days=7)
    n = sum(1 for c in agenda.coming_up if c.kind in ("birthday", "child_birthday") and c.on < week)
    if n:
        parts.append(ngettext("{count} birthday this week", "{count} birthdays this week", n).format(count=number(n)))
    return ", ".join(parts) if parts else _("Nothing needs you today.")


# --- acting on a row -------------------------------------------------------------

def _account_name(db: Database, account_id: int) -> str:
    with db.read() as session:
        account = session.get(Account, account_id)
        if account is None:
            raise NotFound(_("Account #{id} does not exist.").format(id=account_id))
        return account.name


def plan_contact(
    db: Database, *, account_id: int | None, due_on: dt.date | str, title: str | None = None, notes: str | None = None,
) -> follow_up_service.FollowUpRow:
    """A follow-up made from Today for an overdue account (origin "cadence").

    While it is open the account leaves "Needs attention"; when it is due it
    shows among the follow-ups. Without a title: "Get in touch with <account>".
    """
    if account_id is None:
        raise ValidationError(_("Choose the account to get in touch with."), field="account_id")
    name = _account_name(db, account_id)
    return follow_up_service.create_follow_up(
        db, title=_("Get in touch with {account}").format(account=name) if title is None else title, due_on=due_on,
        notes=notes,
        account_id=account_id, origin=CADENCE_ORIGIN, origin_ref=account_id,
    )


def snooze_account(db: Database, *, account_id: int, until: dt.date | str, today: dt.date | None = None) -> follow_up_service.FollowUpRow:
    """Put an overdue account aside until a later day (1 day, 1 week or a picked date)."""
    day = follow_up_service.snooze_day(until, today=today)
    return plan_contact(db, account_id=account_id, due_on=day)


