"""What a visit briefing says, gathered from the services into plain dataclasses.

One ``Briefing`` per stop: when and where, whom to meet, the last touches,
open follow-ups, personal notes, revenue trend, tier, wallet gap and talking
points derived from the data. NPS and referral points come from their
services when those capabilities are built, and are left out when not.
The PDF (reports/briefing.py) and the calendar export (io/visits_ics.py)
only lay this out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import sqlalchemy as sa

from relationapp.data.db import Database
from relationapp.data.models import Account, ImportantDate, Person, cents_to_decimal
from relationapp.services.common import settings as settings_service
from relationapp.services.customers.people import format_birthday
from relationapp.services.relationships import nps as nps_module
from relationapp.services.relationships import referrals as referrals_module
from relationapp.services.touches import follow_ups as follow_ups_service
from relationapp.services.touches import interactions as interactions_service
from relationapp.services.touches.follow_ups import FollowUpRow
from relationapp.services.value import pyramid
from relationapp.services.visits import visits
from relationapp.text.formatting import Formatter
from relationapp.text.wording import ROLES, TIERS

LAST_TOUCHES = 3
DETRACTOR_LOOKBACK_DAYS = 92  # "last quarter": the three months before the visit
REFERRAL_LOOKBACK_DAYS = 365
TREND_NOTEWORTHY = Decimal("0.15")  # a revenue change worth talking about


@dataclass(frozen=True)
class BriefingPerson:
    id: int
    name: str
    job_title: str | None
    role: str | None  # the DMU role in words ("decision maker")
    phone: str | None
    email: str | None
    birthday: str | None


@dataclass(frozen=True)
class BriefingTouch:
    occurred_on: dt.date
    kind: str
    subject: str | None
    staff: str | None
    people: tuple[str, ...]


@dataclass(frozen=True)
class Briefing:
    stop: visits.Stop
    phone: str | None
    email: str | None
    tier: str
    tier_label: str
    revenue_12m: Decimal
    revenue_previous_12m: Decimal
    annual_budget: Decimal | None
    last_visit: dt.date | None
    people: tuple[BriefingPerson, ...]
    touches: tuple[BriefingTouch, ...]
    follow_ups: tuple[FollowUpRow, ...]
    personal_notes: tuple[str, ...]
    talking_points: tuple[str, ...]
    next_steps: str | None
    account_notes: str | None

    @property
    def revenue_change(self) -> Decimal | None:
        """Change on the 12 months before, as a fraction (None without earlier revenue); exact, like the money."""
        if not self.revenue_previous_12m:
            return None
        return (self.revenue_12m - self.revenue_previous_12m) / self.revenue_previous_12m

    @property
    def wallet_gap(self) -> Decimal | None:
        """What the customer spends elsewhere on what we sell (estimated budget - our revenue)."""
        if not self.annual_budget:
            return None
        return max(self.annual_budget - self.revenue_12m, Decimal("0.00"))


def ordinal(day: int, fmt: Formatter) -> str:
    """"14th" in English, "14e" in Dutch."""
    if fmt.language == "nl":
        return f"{day}e"
    if 10 <= day % 100 <= 20:
        return f"{day}th"
    return f"{day}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"


def _role(role: str | None, fmt: Formatter) -> str | None:
    return fmt.t(ROLES.get(role, role)) if role else None


def _people(session, account_id: int, fmt: Formatter) -> list[tuple[BriefingPerson, Person]]:
    order = [p.id for p in visits.people_to_meet(session, account_id)]
    rows = {p.id: p for p in session.execute(sa.select(Person).where(Person.id.in_(order))).scalars()}
    out = []
    for pid in order:
        p = rows[pid]
        out.append((BriefingPerson(
            id=p.id, name=p.name, job_title=p.job_title, role=_role(p.dmu_role, fmt), phone=p.phone, email=p.email,
            birthday=format_birthday(p.birthday_day, p.birthday_month, p.birthday_year, fmt=fmt),
        ), p))
    return out


def _personal(session, people: list[Person], day: dt.date, fmt: Formatter) -> tuple[list[str], list[str]]:
    """(personal notes, birthday talking points) for the people met, for the visit's month."""
    notes, points = [], []
    for p in people:
        for text in (p.family_notes, p.personal_notes):
            if text:
                notes.append(f"{p.name}: {text}")
        if p.birthday_month == day.month and p.birthday_day:
            points.append(fmt.t("{name}'s birthday on the {nth}.", name=p.name, nth=ordinal(p.birthday_day, fmt)))
    ids = [p.id for p in people]
    names = {p.id: p.name for p in people}
    if ids:
        query = sa.select(ImportantDate).where(ImportantDate.person_id.in_(ids), ImportantDate.month == day.month)
        for date in session.execute(query.order_by(ImportantDate.day)).scalars():
            points.append(fmt.t("{label} on the {nth} ({name}).", label=date.label, nth=ordinal(date.day, fmt),
                                name=names[date.person_id]))
    return notes, points


def _nps_points(db: Database, account_id: int, people: list[BriefingPerson], day: dt.date, fmt: Formatter) -> list[str]:
    """Detractors first (resolve before anything else), then promoters to ask for an introduction."""
    nps = nps_module
    if nps is None:
        return []
    referrals = referrals_module
    responses = nps.list_responses(db, account_id=account_id, limit=200)  # newest first
    points: list[str] = []
    for r in responses:
        if nps.category(r.score) == "detractor" and (day - r.responded_on).days <= DETRACTOR_LOOKBACK_DAYS:
            points.append(fmt.t("Detractor last quarter: {name} scored {score}/10 on {day}; resolve that first.",
                                name=r.person, score=r.score, day=fmt.date(r.responded_on)))
    if referrals is None:
        return points
    introduced = referrals.account_referrals(db, account_id=account_id).introduced
    latest: dict[int, object] = {}
    for r in responses:
        latest.setdefault(r.person_id, r)
    for person in people:
        response = latest.get(person.id)
        if response is None or nps.category(response.score) != "promoter":
            continue
        recent = [x for x in introduced if x.referrer_person_id == person.id
                  and (day - x.referred_on).days <= REFERRAL_LOOKBACK_DAYS]
        if not recent:
            points.append(fmt.t("{name} is a promoter ({score}/10) without a referral: ask for an introduction.",
                                name=person.name, score=response.score))
    return points


def _touches(db: Database, account_id: int) -> tuple[BriefingTouch, ...]:
    rows = interactions_service.list_interactions(db, account_id=account_id, limit=LAST_TOUCHES)
    return tuple(BriefingTouch(r.occurred_on, r.kind, r.subject, r.staff, r.people) for r in rows)


def _talking_points(b: dict, day: dt.date, fmt: Formatter) -> list[str]:
    points = list(b["nps_points"])
    points += b["birthday_points"]
    for f in b["follow_ups"]:
        if f.effective_due <= day:
            points.append(fmt.t("Follow-up due {day}: {title}.", day=fmt.date(f.effective_due), title=f.title))
    change = b["change"]
    if change is not None and change <= -TREND_NOTEWORTHY:
        points.append(fmt.t("Revenue down {change} on the 12 months before: ask what changed.", change=fmt.percent(abs(change))))
    elif change is not None and change >= TREND_NOTEWORTHY:
        points.append(fmt.t("Revenue up {change} on the 12 months before: thank them for it.", change=fmt.percent(change)))
    if b["gap"]:
        points.append(fmt.t("Wallet gap {amount}: what else could we do for them?", amount=fmt.money(b["gap"], whole=True)))
    last = b["last_visit"]
    if last is None:
        points.append(fmt.t("No visit on record yet: ask how they would like to be kept informed."))
    if b["next_steps"]:
        points.append(fmt.t("Agreed next steps: {steps}", steps=b["next_steps"]))
    return points


def briefings(db: Database, *, stops: list[visits.Stop], today: dt.date | None = None) -> list[Briefing]:
    """A briefing for each stop (in the order given)."""
    today = today or dt.date.today()
    if not stops:
        return []
    settings = settings_service.get_settings(db)
    fmt = Formatter.for_settings(settings)
    tiers = pyramid.compute_tiers(db, as_of=today, settings=settings)
    prev_start, prev_end = pyramid.window(pyramid.window(today)[0] - dt.timedelta(days=1))
    account_ids = sorted({s.account_id for s in stops})
    with db.read() as session:
        previous = pyramid.revenue_cents_by_account(session, prev_start, prev_end)
        visited = visits.last_visits(session, today)
        accounts = {row.id: row for row in session.execute(
            sa.select(Account.id, Account.phone, Account.email, Account.annual_budget, Account.next_steps, Account.notes)
            .where(Account.id.in_(account_ids)))}
        people = {aid: _people(session, aid, fmt) for aid in account_ids}
        personal = {
            s.id: _personal(session, [p for _, p in people[s.account_id]], s.planned_on, fmt) for s in stops
        }
    out = []
    for stop in stops:
        account = accounts[stop.account_id]
        assignment = tiers.get(stop.account_id)
        tier = assignment.tier if assignment else "inactive"
        revenue = assignment.revenue_12m if assignment else Decimal("0.00")
        met = [bp for bp, _ in people[stop.account_id]]
        open_follow_ups = tuple(follow_ups_service.list_follow_ups(db, account_id=stop.account_id, limit=10))
        notes, birthday_points = personal[stop.id]
        b = Briefing(
            stop=stop, phone=account.phone, email=account.email, tier=tier,
            tier_label=fmt.t(TIERS.get(tier, tier)), revenue_12m=revenue,
            revenue_previous_12m=cents_to_decimal(previous.get(stop.account_id, 0)),
            annual_budget=account.annual_budget, last_visit=visited.get(stop.account_id),
            people=tuple(met), touches=_touches(db, stop.account_id), follow_ups=open_follow_ups,
            personal_notes=tuple(notes), talking_points=(), next_steps=account.next_steps,
            account_notes=account.notes,
        )
        points = _talking_points(dict(
            nps_points=_nps_points(db, stop.account_id, met, stop.planned_on, fmt), birthday_points=birthday_points,
            follow_ups=open_follow_ups, change=b.revenue_change, gap=b.wallet_gap, last_visit=b.last_visit,
            next_steps=account.next_steps,
        ), stop.planned_on, fmt)
        out.append(Briefing(**{**b.__dict__, "talking_points": tuple(points)}))
    return out


def day_briefings(db: Database, *, day: dt.date, staff_id: int | None = None, today: dt.date | None = None) -> list[Briefing]:
    """Briefings for every stop of a day, in planned order."""
    return briefings(db, stops=list(visits.day_plan(db, day=day, staff_id=staff_id).stops), today=today)


def summary_text(briefing: Briefing, fmt: Formatter) -> str:
    """A few plain lines for a calendar entry: whom to meet, what to talk about, how to reach them."""
    lines = [f"{briefing.stop.account} ({briefing.tier_label})"]
    for p in briefing.people:
        role = ", ".join(x for x in (p.job_title, p.role) if x)
        lines.append(fmt.t("Meet: {name}", name=p.name) + (f" ({role})" if role else ""))
    if briefing.phone:
        lines.append(fmt.t("Phone: {phone}", phone=briefing.phone))
    if briefing.talking_points:
        lines.append(fmt.t("Talking points") + ":")
        lines += [f"- {point}" for point in briefing.talking_points]
    if briefing.stop.notes:
        lines.append(fmt.t("Notes: {notes}", notes=briefing.stop.notes))
    return "\n".join(lines)
