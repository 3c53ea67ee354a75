"""Today: which customers need attention now, ranked by what each is worth.

Definitions (the Today view, the CLI and the tray message all use these):

- **Cadence** (days between touches): the account's own ``cadence_days`` if
  set; else by pyramid tier from the settings (Top, Big, Medium, Small; a
  customer without revenue in 12 months uses the prospect cadence); leads by
  stage: sales-qualified (hot) leads ``cadence_hot_lead``, prospects and
  marketing-qualified leads ``cadence_prospect``.
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

Speed: a handful of aggregate queries (one index seek per account for the
last touch on ``ix_interaction_account_date``), no query per row.
"""

from __future__ import annotations

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
)
from relationapp.services import follow_ups as follow_up_service
from relationapp.services import personal_dates, pyramid
from relationapp.services import settings as settings_service
from relationapp.services.errors import NotFound, ValidationError

LEAD_STAGES = ("sql", "mql", "prospect")  # hottest first: the order of "Prospects to nurture"
CADENCE_ORIGIN = "cadence"
DEFAULT_LIMIT = 100
PROSPECT_LIMIT = 10
_CENT = Decimal("0.01")


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
    prospects_to_nurture: tuple[AttentionItem, ...]
    # how many there are in all (the tuples above stop at the limit)
    needs_attention_total: int
    follow_ups_due_total: int
    coming_up_total: int
    prospects_total: int


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


# --- queries -------------------------------------------------------------------

def _accounts_with_last_touch(session):
    """(id, stage, cadence override, customer_since, last touch) of active customers and leads.

    The two dates come back as ISO text: most rows are only compared with a
    cut-off day (text order is date order), and only the overdue ones parsed.
    """
    last_touch = (
        sa.select(sa.func.max(Interaction.occurred_on))
        .where(Interaction.account_id == Account.id)
        .correlate(Account)
        .scalar_subquery()
    )
    as_text = sa.String()
    query = sa.select(
        Account.id, Account.stage, Account.cadence_days,
        sa.type_coerce(Account.customer_since, as_text), sa.type_coerce(last_touch, as_text),
    ).where(Account.archived == sa.false(), sa.or_(*(Account.stage == s for s in ("customer",) + LEAD_STAGES)))
    return pyramid._plain_rows(session, query)  # 50,000 plain tuples straight from the driver (the pyramid's helper)


def _touches_via_people(session) -> dict[int, dt.date]:
    """Latest touch with no account, linked only to a person of an account."""
    query = (
        sa.select(Person.account_id, sa.func.max(Interaction.occurred_on))
        .join(InteractionPerson, InteractionPerson.interaction_id == Interaction.id)
        .join(Person, Person.id == InteractionPerson.person_id)
        .where(Interaction.account_id.is_(None), Person.account_id.is_not(None))
        .group_by(Person.account_id)
    )
    return {aid: _as_date(day) for aid, day in session.execute(query)}


def _nobody_to_contact(session, account_ids) -> set[int]:
    """Those of ``account_ids`` whose every active person asked not to be contacted."""
    ids = sorted(account_ids)
    out: set[int] = set()
    for start in range(0, len(ids), 500):
        # archived people are left out in HAVING, so the seek stays on ix_person_account_id
        flag = sa.cast(Person.do_not_contact, sa.Integer)
        query = (
            sa.select(Person.account_id)
            .where(Person.account_id.in_(ids[start:start + 500]))
            .group_by(Person.account_id)
            .having(sa.func.min(sa.case((Person.archived == sa.true(), 1), else_=flag)) == 1)
            .having(sa.func.max(sa.case((Person.archived == sa.true(), 0), else_=flag)) == 1)
        )
        out.update(session.execute(query).scalars())
    return out


def _planned_accounts(session) -> set[int]:
    query = sa.select(FollowUp.account_id).where(
        FollowUp.origin == CADENCE_ORIGIN, FollowUp.done_on.is_(None), FollowUp.account_id.is_not(None)
    )
    return set(session.execute(query).scalars())


def _created_on(session, ids: list[int]) -> dict[int, dt.date]:
    out: dict[int, dt.date] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for aid, created in session.execute(sa.select(Account.id, Account.created_at).where(Account.id.in_(chunk))):
            out[aid] = created.date()  # created_at is UTC: the same day on every computer
    return out


def _names(session, model, ids) -> dict[int, str]:
    ids = sorted({i for i in ids if i is not None})
    out: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        out.update(session.execute(sa.select(model.id, model.name).where(model.id.in_(chunk))).all())
    return out


# --- the sections ----------------------------------------------------------------

def _reason(tier: str, stage: str, last: dt.date | None, since_days: int, cadence: int, override: bool) -> str:
    """Short enough for a list row: "Big: no touch for 58 days (every 45)"."""
    if stage == "customer":
        who = "No orders in 12 months" if tier == "inactive" else pyramid.TIER_LABELS.get(tier, tier)
    else:
        who = {"sql": "Hot lead", "mql": "Lead", "prospect": "Prospect"}.get(stage, stage)
    every = f"{'own cadence, ' if override else ''}every {cadence}"
    if last is None:
        return f"{who}: never contacted ({every})"
    return f"{who}: no touch for {since_days} days ({every})"


def _overdue(session, rows, *, today: dt.date, settings: Settings, tiers, dropped) -> tuple[list, list]:
    """Overdue (or dropped) customers and overdue leads, each as (sort key, fields) before names are known."""
    via_people = {aid: day.isoformat() for aid, day in _touches_via_people(session).items()}
    planned = _planned_accounts(session)
    never = [aid for aid, _, _, since, last in rows if last is None and since is None and aid not in via_people]
    created = {aid: day.isoformat() for aid, day in _created_on(session, never).items()} if never else {}
    cadences: dict[tuple, tuple[int, str]] = {}  # (tier, stage, override) -> (cadence, cut-off day as text)
    late = []
    for aid, stage, override, since, last in rows:
        other = via_people.get(aid)
        if other is not None and (last is None or other > last):
            last = other
        tier = tiers.tier_of(aid, "prospect")  # no tier object for each of 50,000 accounts
        known = cadences.get((tier, stage, override))
        if known is None:
            cadence = cadence_for(settings, tier=tier, stage=stage, override=override)
            known = cadences[(tier, stage, override)] = (cadence, (today - dt.timedelta(days=cadence)).isoformat())
        cadence, cutoff = known
        start = last or since or created.get(aid)
        # ISO text compares like the dates: most accounts are dismissed without parsing one
        if start is not None and start >= cutoff and (aid not in dropped or stage != "customer"):
            continue
        if aid not in planned:
            late.append((aid, stage, override, tier, cadence, start, last))
    excluded = _nobody_to_contact(session, [row[0] for row in late])
    customers, leads = [], []
    for aid, stage, override, tier, cadence, start, last in late:
        if aid in excluded:
            continue
        assignment = tiers.get(aid)
        last = _as_date(last)
        since_days = (today - _as_date(start)).days if start else cadence + 1
        overdue = since_days - cadence
        revenue = assignment.revenue_12m if assignment else Decimal("0.00")
        reason = _reason(tier, stage, last, since_days, cadence, bool(override))
        fields = dict(account_id=aid, stage=stage, tier=tier, cadence_days=cadence, last_touch=last,
                      days_overdue=max(overdue, 0), revenue_12m=revenue, dropped_from=None)
        if stage == "customer":
            value = value_at_stake(revenue, overdue, cadence)
            drop = dropped.get(aid)
            if drop is not None:
                lost = drop.revenue_before - drop.revenue_now
                value = max(value, lost)
                fell = f"dropped from {pyramid.TIER_LABELS[drop.from_tier]} since {drop.quarter_end.isoformat()}"
                reason = f"{reason}; {fell}" if overdue > 0 else f"{pyramid.TIER_LABELS.get(tier, tier)}: {fell}"
                fields["dropped_from"] = drop.from_tier
            customers.append(((-value, -overdue, aid), dict(fields, value=value, reason=reason)))
        else:
            heat = LEAD_STAGES.index(stage)
            leads.append(((heat, -overdue / cadence, aid), dict(fields, value=Decimal("0.00"), reason=reason)))
    customers.sort(key=lambda pair: pair[0])
    leads.sort(key=lambda pair: pair[0])
    return customers, leads


def _follow_ups_due(session, *, today: dt.date, tiers, limit: int | None) -> tuple[int, list[FollowUpItem]]:
    """(how many are due, the first ``limit`` of them: the longest overdue first)."""
    query = (
        sa.select(FollowUp.id, FollowUp.title, FollowUp.due_on, FollowUp.snoozed_until, FollowUp.account_id,
                  Account.name, FollowUp.person_id, Person.name, FollowUp.origin)
        .outerjoin(Account, Account.id == FollowUp.account_id)
        .outerjoin(Person, Person.id == FollowUp.person_id)
        .where(FollowUp.done_on.is_(None), FollowUp.due_on <= today)
        .where(sa.or_(FollowUp.snoozed_until.is_(None), FollowUp.snoozed_until <= today))
        .where(sa.or_(Account.id.is_(None), Account.archived == sa.false()))
    )
    keyed = []
    for row in session.connection().execute(query).all():
        due = max(_as_date(row[2]), _as_date(row[3]) or _as_date(row[2]))
        cents = tiers[row[4]].revenue_cents if row[4] in tiers else 0
        keyed.append(((due, -cents, row[0]), due, row))
    keyed.sort(key=lambda k: k[0])
    out = []
    for _, due, (fid, title, _, _, aid, account, pid, person, origin) in keyed[:limit]:
        value = tiers[aid].revenue_12m if aid in tiers else Decimal("0.00")
        overdue = (today - due).days
        out.append(FollowUpItem(follow_up_id=fid, title=title, reason=title, due_on=due,
                                days_overdue=overdue, account_id=aid, account=account, person_id=pid,
                                person=person, origin=origin, value=value))
    return len(keyed), out


def _day_filter(month_col, day_col, pairs):
    ranges = personal_dates.month_ranges(pairs)
    return sa.or_(*(sa.and_(month_col == m, day_col.between(lo, hi)) for m, lo, hi in ranges))


def _coming_up(session, *, today: dt.date, settings: Settings, customers_since, tiers,
               limit: int | None) -> tuple[int, list[ComingUpItem]]:
    """(how many personal dates are coming, the first ``limit``: soonest first, the most valuable first on a day)."""
    feb29 = settings.feb29_birthdays_on
    horizon = settings.coming_up_days
    found: list[tuple] = []  # (sort key, fields, reason maker)

    def add(month, day, year, notice, kind, reason, **fields) -> None:
        try:
            on = personal_dates.next_occurrence(month, day, today=today, feb29_on=feb29)
        except ValueError:  # an impossible date from an old import: nothing to celebrate
            return
        days_away = (on - today).days
        if days_away > notice:
            return
        years = personal_dates.years_since(year, on)
        aid = fields["account_id"]
        worth = tiers[aid].revenue_cents if aid in tiers else 0
        key = (on, -worth, kind, fields["person_id"] or 0, aid or 0, fields["important_date_id"] or 0)
        found.append((key, dict(on=on, days_away=days_away, kind=kind, years=years, **fields), reason))

    contactable = sa.and_(Person.do_not_contact == sa.false(), Person.archived == sa.false(),
                          sa.or_(Account.id.is_(None), Account.archived == sa.false()))
    pairs = personal_dates.month_days_within(today, horizon, feb29_on=feb29)
    people = (
        sa.select(Person.id, Person.name, Person.account_id, Account.name, Person.birthday_month,
                  Person.birthday_day, Person.birthday_year)
        .outerjoin(Account, Account.id == Person.account_id)
        .where(_day_filter(Person.birthday_month, Person.birthday_day, pairs), contactable)
    )
    for pid, name, aid, account, month, day, year in session.connection().execute(people).all():
        add(month, day, year, horizon, "birthday",
            lambda f, name=name: f"Birthday: {name}" + (f" turns {f['years']}" if f["years"] else ""),
            person_id=pid, person=name, account_id=aid, account=account, important_date_id=None)

    notice = session.execute(sa.select(sa.func.max(ImportantDate.notice_days))).scalar() or 0
    if notice > 0:
        pairs = personal_dates.month_days_within(today, min(notice, 366), feb29_on=feb29)
        dates = (
            sa.select(ImportantDate.id, ImportantDate.kind, ImportantDate.label, ImportantDate.month, ImportantDate.day,
                      ImportantDate.year, ImportantDate.notice_days, Person.id, Person.name, Account.id, Account.name)
            .outerjoin(Person, Person.id == ImportantDate.person_id)
            .outerjoin(Account, Account.id == sa.func.coalesce(ImportantDate.account_id, Person.account_id))
            .where(_day_filter(ImportantDate.month, ImportantDate.day, pairs))
            .where(sa.or_(Person.id.is_(None), contactable), sa.or_(Account.id.is_(None), Account.archived == sa.false()))
        )
        for did, kind, label, month, day, year, days, pid, person, aid, account in session.connection().execute(dates).all():
            add(month, day, year, days, kind,
                lambda f, label=label: label + (f" ({f['years']} years)" if f["years"] else ""),
                person_id=pid, person=person, account_id=aid, account=account, important_date_id=did)

    pairs = personal_dates.month_days_within(today, horizon, feb29_on=feb29)
    anniversaries = [(aid, dt.date.fromisoformat(since)) for aid, since in customers_since
                     if (int(since[5:7]), int(since[8:10])) in pairs]
    names = _names(session, Account, [aid for aid, _ in anniversaries])
    for aid, since in anniversaries:
        if personal_dates.years_since(since.year, personal_dates.next_occurrence(since.month, since.day, today=today, feb29_on=feb29)):
            add(since.month, since.day, since.year, horizon, "customer_since",
                lambda f: f"Customer for {f['years']} year{'s' if f['years'] != 1 else ''}",
                person_id=None, person=None, account_id=aid, account=names.get(aid), important_date_id=None)

    found.sort(key=lambda item: item[0])
    shown = found[:limit] if limit is not None else found
    return len(found), [ComingUpItem(reason=reason(fields), **fields) for _, fields, reason in shown]


def agenda(
    db: Database,
    *,
    today: dt.date | None = None,
    limit: int | None = DEFAULT_LIMIT,
    prospect_limit: int | None = PROSPECT_LIMIT,
    with_dropped: bool = True,
    tiers: pyramid.Tiers | None = None,
    dropped: list[pyramid.DroppedAccount] | None = None,
) -> Agenda:
    """Everything Today shows, in the order it shows it.

    ``limit`` caps the rows of the first three sections (the totals count
    them all); ``prospect_limit`` keeps the prospects small. With
    ``with_dropped``, customers whose pyramid tier fell since the last
    quarter end need attention too, cadence or not (value at stake: the
    larger of the cadence value and the 12-month revenue lost since then).
    ``tiers`` (``pyramid.compute_tiers`` for the same day) and ``dropped``
    (``pyramid.dropped_accounts``) save computing them again when the caller
    has them already: they change with orders, not with touches.
    """
    today = today or dt.date.today()
    with db.read() as session:
        settings = settings_service.load(session)
        if tiers is None:
            tiers = pyramid.tiers_in_session(session, as_of=today, settings=settings)
        rows = _accounts_with_last_touch(session)
        if not with_dropped:
            dropped = []
        elif dropped is None:
            dropped = pyramid.dropped_accounts(db, as_of=today, current=tiers)
        customers, leads = _overdue(session, rows, today=today, settings=settings, tiers=tiers,
                                    dropped={d.account_id: d for d in dropped})
        shown = customers[:limit] if limit is not None else customers
        shown_leads = leads[:prospect_limit] if prospect_limit is not None else leads
        names = _names(session, Account, [f["account_id"] for _, f in shown + shown_leads])
        due_total, due = _follow_ups_due(session, today=today, tiers=tiers, limit=limit)
        customers_since = [(aid, since) for aid, stage, _, since, _ in rows if stage == "customer" and since]
        coming_total, coming = _coming_up(session, today=today, settings=settings, customers_since=customers_since,
                                          tiers=tiers, limit=limit)

    def items(pairs) -> tuple[AttentionItem, ...]:
        return tuple(AttentionItem(account=names.get(f["account_id"], ""), **f) for _, f in pairs)

    return Agenda(
        today=today,
        needs_attention=items(shown),
        follow_ups_due=tuple(due),
        coming_up=tuple(coming),
        prospects_to_nurture=items(shown_leads),
        needs_attention_total=len(customers),
        follow_ups_due_total=due_total,
        coming_up_total=coming_total,
        prospects_total=len(leads),
    )


def summary_line(agenda: Agenda) -> str:
    """One line for a reminder outside the window: "3 customers need you, 2 birthdays this week"."""
    def count(n: int, one: str, many: str) -> str:
        return f"{n} {one if n == 1 else many}"

    parts = []
    if agenda.needs_attention_total:
        parts.append(count(agenda.needs_attention_total, "customer needs you", "customers need you"))
    if agenda.follow_ups_due_total:
        parts.append(count(agenda.follow_ups_due_total, "follow-up due", "follow-ups due"))
    week = agenda.today + dt.timedelta(days=7)
    birthdays = sum(1 for c in agenda.coming_up if c.kind in ("birthday", "child_birthday") and c.on < week)
    if birthdays:
        parts.append(count(birthdays, "birthday this week", "birthdays this week"))
    return ", ".join(parts) if parts else "Nothing needs you today."


# --- acting on a row -------------------------------------------------------------

def _account_name(db: Database, account_id: int) -> str:
    with db.read() as session:
        account = session.get(Account, account_id)
        if account is None:
            raise NotFound(f"Account #{account_id} does not exist.")
        return account.name


def plan_contact(
    db: Database, *, account_id: int | None, due_on: dt.date | str, title: str | None = None, notes: str | None = None,
) -> follow_up_service.FollowUpRow:
    """A follow-up made from Today for an overdue account (origin "cadence").

    While it is open the account leaves "Needs attention"; when it is due it
    shows among the follow-ups. Without a title: "Get in touch with <account>".
    """
    if account_id is None:
        raise ValidationError("Choose the account to get in touch with.", field="account_id")
    name = _account_name(db, account_id)
    return follow_up_service.create_follow_up(
        db, title=f"Get in touch with {name}" if title is None else title, due_on=due_on, notes=notes,
        account_id=account_id, origin=CADENCE_ORIGIN, origin_ref=account_id,
    )


def snooze_account(db: Database, *, account_id: int, until: dt.date | str, today: dt.date | None = None) -> follow_up_service.FollowUpRow:
    """Put an overdue account aside until a later day (1 day, 1 week or a picked date)."""
    day = follow_up_service.snooze_day(until, today=today)
    return plan_contact(db, account_id=account_id, due_on=day)


def close_planned_contacts(db: Database, *, account_id: int, done_on: dt.date | None = None) -> int:
    """After a touch: the open cadence follow-ups of the account are done. Returns how many."""
    done_on = done_on or dt.date.today()
    with db.write() as session:
        result = session.execute(
            sa.update(FollowUp)
            .where(FollowUp.account_id == account_id, FollowUp.origin == CADENCE_ORIGIN, FollowUp.done_on.is_(None))
            .values(done_on=done_on)
        )
        return result.rowcount or 0
