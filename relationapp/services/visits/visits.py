"""Visit planning: who is due for a visit, the planned days, and logging a visit afterwards.

The visit cadence counts only visits and meetings (a call does not replace
a visit) and has its own days per pyramid tier in the settings. Times of a
stop are local wall-clock times (no time zone): the account manager drives
to the customer in the customer's own time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from urllib.parse import quote_plus

import sqlalchemy as sa

from relationapp.config import Settings
from relationapp.data.db import Database
from relationapp.data.models import (
    DMU_ROLES,
    Account,
    Interaction,
    InteractionPerson,
    Person,
    PlannedVisit,
    Staff,
    cents_to_decimal,
)
from relationapp.errors import NotFound, ValidationError
from relationapp.services.common import settings as settings_service
from relationapp.services.common import validation
from relationapp.services.common.sql import days_between
from relationapp.services.customers.accounts import _coordinate as coordinate
from relationapp.services.customers.accounts import address_line
from relationapp.services.touches.interactions import InteractionRow, log_in_session
from relationapp.services.value import pyramid
from relationapp.services.visits.visit_route import Leg, RoutePoint, route_order, schedule, travel_estimate
from relationapp.text import formatting
from relationapp.text.catalogue import _

VISIT_KINDS = ("visit", "meeting")  # the touches that count as a visit
DEFAULT_DURATION = 60
FIRST_START = dt.time(9, 0)


def visit_cadence(settings: Settings, tier: str) -> int | None:
    """Days between visits for a customer tier; None below the customer tiers."""
    return {
        "top": settings.visit_cadence_top,
        "big": settings.visit_cadence_big,
        "medium": settings.visit_cadence_medium,
        "small": settings.visit_cadence_small,
    }.get(tier)


# --- addresses and maps --------------------------------------------------------

def map_url(*, street: str | None = None, postcode: str | None = None, city: str | None = None,
            country: str | None = None, latitude: float | None = None, longitude: float | None = None) -> str | None:
    """An OpenStreetMap link: a marker at the coordinates when known, else a search for the address."""
    if latitude is not None and longitude is not None:
        lat, lon = f"{latitude:.5f}", f"{longitude:.5f}"
        return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"
    query = address_line(street=street, postcode=postcode, city=city, country=country)
    if not query:
        return None
    return "https://www.openstreetmap.org/search?query=" + quote_plus(query)


def route_url(previous: Stop | None, stop: Stop) -> str | None:
    """Directions by car from the stop before when both are located; else the stop on the map."""
    if previous is not None and previous.located and stop.located:
        route = f"{previous.latitude:.5f},{previous.longitude:.5f};{stop.latitude:.5f},{stop.longitude:.5f}"
        return "https://www.openstreetmap.org/directions?engine=fossgis_osrm_car&route=" + quote_plus(route)
    return stop.map_url


# --- who is due ----------------------------------------------------------------

@dataclass(frozen=True)
class DueAccount:
    account_id: int
    name: str
    street: str | None
    postcode: str | None
    city: str | None
    region: str | None
    owner_id: int | None
    owner: str | None
    tier: str
    revenue_12m: Decimal
    last_visit: dt.date | None
    cadence_days: int
    due_on: dt.date
    days_overdue: int | None  # negative: due in that many days; None: never visited
    overdue_ratio: float  # days since the last visit / cadence
    value_at_stake: Decimal  # revenue_12m x overdue_ratio
    next_planned: dt.date | None
    located: bool


def _as_date(value) -> dt.date | None:
    # max()/min() over a date column come back as text in SQLite
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def last_visits(session, today: dt.date) -> dict[int, dt.date]:
    """Latest visit or meeting per account, counting touches logged on one of its people.

    Two aggregates merged here rather than one UNION: SQLite materialises a
    union and loses the indexes (seconds instead of a fraction at 2 million touches).
    """
    counted = sa.and_(Interaction.kind.in_(VISIT_KINDS), Interaction.occurred_on <= today)
    direct = (
        sa.select(Interaction.account_id, sa.func.max(Interaction.occurred_on))
        .where(counted, Interaction.account_id.is_not(None))
        .group_by(Interaction.account_id)
    )
    via_people = (
        sa.select(Person.account_id, sa.func.max(Interaction.occurred_on))
        .join(InteractionPerson, InteractionPerson.interaction_id == Interaction.id)
        .join(Person, Person.id == InteractionPerson.person_id)
        .where(counted, Interaction.account_id.is_(None), Person.account_id.is_not(None))
        .group_by(Person.account_id)
    )
    latest: dict[int, dt.date] = {}
    for query in (direct, via_people):
        for account_id, day in session.execute(query):
            day = _as_date(day)
            if account_id not in latest or day > latest[account_id]:
                latest[account_id] = day
    return latest


def _next_planned(session, today: dt.date) -> dict[int, dt.date]:
    query = (
        sa.select(PlannedVisit.account_id, sa.func.min(PlannedVisit.planned_on))
        .where(PlannedVisit.status == "planned", PlannedVisit.planned_on >= today)
        .group_by(PlannedVisit.account_id)
    )
    return {aid: _as_date(day) for aid, day in session.execute(query)}


def _nobody_to_contact_query():
    """Accounts whose every active person asked not to be contacted."""
    refusing = sa.select(Person.account_id).where(Person.do_not_contact == sa.true())
    return (
        sa.select(Person.account_id)
        .where(Person.account_id.in_(refusing), Person.archived == sa.false())
        .group_by(Person.account_id)
        .having(sa.func.min(sa.cast(Person.do_not_contact, sa.Integer)) == 1)
    )


def _postcode_prefix(prefix: str):
    cleaned = prefix.replace(" ", "").upper()
    escaped = cleaned.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    normalised = sa.func.replace(sa.func.upper(Account.postcode), " ", "")
    return normalised.like(escaped + "%", escape="\\")


def due_for_visit(
    db: Database,
    *,
    city: str | None = None,
    postcode: str | None = None,
    region: str | None = None,
    owner_id: int | None = None,
    horizon_days: int = 0,
    unplanned_only: bool = False,
    limit: int | None = None,
    today: dt.date | None = None,
) -> list[DueAccount]:
    """Customers due (or due within ``horizon_days``) for a visit, highest value at stake first.

    Accounts whose people all asked not to be contacted are left out. City and
    region match whole names (case-insensitive); postcode is a prefix (spaces ignored).
    """
    today = today or dt.date.today()
    horizon = validation.whole_number(horizon_days, field="horizon_days", label=_("Days ahead"), minimum=0, maximum=365) or 0
    where = [Account.archived == sa.false()]
    if city and city.strip():
        where.append(sa.func.lower(Account.city) == city.strip().lower())
    if region and region.strip():
        where.append(sa.func.lower(Account.region) == region.strip().lower())
    if postcode and postcode.strip():
        where.append(_postcode_prefix(postcode))
    if owner_id is not None:
        where.append(Account.owner_id == owner_id)

    def work(session, tiers: sa.Table) -> list[DueAccount]:
        settings = settings_service.load(session)
        planned = _next_planned(session, today)
        rows = session.execute(_due_query(session, tiers, settings, where, today=today, horizon=horizon,
                                          unplanned_only=unplanned_only)).all()
        return [_due_account(row, settings, planned, today) for row in rows]

    out = pyramid.with_standing(db, as_of=today, work=work)
    # at equal value, the never visited before the most overdue ("days since" means nothing without a visit)
    out.sort(key=lambda d: (-d.value_at_stake, d.days_overdue is not None, -(d.days_overdue or 0),
                            d.name.casefold(), d.account_id))
    return out[:limit] if limit is not None else out


def _latest(session, *days):
    """The latest of date expressions that may be NULL (SQLite's max() of several is NULL if any is;
    PostgreSQL's greatest() passes over NULLs)."""
    if session.connection().dialect.name != "sqlite":
        return sa.func.greatest(*days)
    return sa.func.nullif(sa.func.max(*(sa.func.coalesce(d, "") for d in days)), "")


def _due_query(session, tiers: sa.Table, settings: Settings, where: list, *, today: dt.date, horizon: int,
               unplanned_only: bool):
    """The customers due by ``today + horizon``, in one statement: the standing from ``tiers``, the last
    visit of each candidate from ix_interaction_kind_account_date (a seek per kind and account, not a scan
    of every touch), the few that need a closer look in Python afterwards."""
    cadences = {t: visit_cadence(settings, t) for t in pyramid.CUSTOMER_TIERS}
    cadence = sa.case(*((tiers.c.tier == t, days) for t, days in cadences.items() if days), else_=sa.null())

    def seen(kind: str):
        return (sa.select(sa.func.max(Interaction.occurred_on))
                .where(Interaction.kind == kind, Interaction.account_id == Account.id, Interaction.occurred_on <= today)
                .scalar_subquery())

    # a visit with no account, logged on one of its people (rare: log_interaction fills the account in)
    via_people = (
        sa.select(Person.account_id.label("account_id"), sa.func.max(Interaction.occurred_on).label("day"))
        .join(InteractionPerson, InteractionPerson.interaction_id == Interaction.id)
        .join(Person, Person.id == InteractionPerson.person_id)
        .where(Interaction.kind.in_(VISIT_KINDS), Interaction.occurred_on <= today, Interaction.account_id.is_(None),
               Person.account_id.is_not(None))
        .group_by(Person.account_id)
        .subquery("via_people")
    )
    candidates = (
        sa.select(Account.id, Account.name, Account.street, Account.postcode, Account.city, Account.region,
                  Account.owner_id, Staff.name.label("owner"), Account.latitude, Account.longitude,
                  tiers.c.tier, sa.type_coerce(tiers.c.revenue_12m, sa.BigInteger).label("cents"),
                  cadence.label("cadence"), _latest(session, *(seen(k) for k in VISIT_KINDS), via_people.c.day).label("last"),
                  Account.customer_since.label("since"))
        .select_from(tiers)
        .join(Account, Account.id == tiers.c.account_id)
        .outerjoin(Staff, Staff.id == Account.owner_id)
        .outerjoin(via_people, via_people.c.account_id == Account.id)
        .where(tiers.c.tier.in_([t for t, days in cadences.items() if days]), *where,
               Account.id.not_in(_nobody_to_contact_query()))
    )
    if unplanned_only:
        candidates = candidates.where(Account.id.not_in(
            sa.select(PlannedVisit.account_id).where(PlannedVisit.status == "planned", PlannedVisit.planned_on >= today)))
    # OFFSET keeps SQLite from copying the last-visit look-ups into the WHERE below (flattening)
    found = candidates.limit(-1 if session.connection().dialect.name == "sqlite" else None).offset(0).subquery("found")
    base = sa.func.coalesce(found.c["last"], found.c.since)
    elapsed = days_between(sa.literal(today, sa.Date), base)
    return sa.select(found).where(sa.or_(base.is_(None), elapsed >= found.c.cadence - horizon))


def _due_account(row, settings: Settings, planned: dict[int, dt.date], today: dt.date) -> DueAccount:
    last, since = _as_date(row.last), _as_date(row.since)
    baseline = last or since
    due_on = baseline + dt.timedelta(days=row.cadence) if baseline else today
    elapsed = max((today - baseline).days, 0) if baseline else row.cadence
    if last is None:  # never visited: at most one cadence late (years as a customer are no measure of urgency)
        elapsed = min(elapsed, row.cadence)
    revenue = cents_to_decimal(row.cents or 0)
    value = (revenue * elapsed / row.cadence).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return DueAccount(
        account_id=row.id, name=row.name, street=row.street, postcode=row.postcode, city=row.city, region=row.region,
        owner_id=row.owner_id, owner=row.owner, tier=row.tier, revenue_12m=revenue, last_visit=last,
        cadence_days=row.cadence, due_on=due_on, days_overdue=(today - due_on).days if last else None,
        overdue_ratio=elapsed / row.cadence,
        value_at_stake=value, next_planned=planned.get(row.id), located=row.latitude is not None and row.longitude is not None,
    )


def visit_filter_choices(db: Database) -> dict[str, list[str]]:
    """Distinct cities and regions of active accounts, for the filter pickers."""
    with db.read() as session:
        def distinct(column):
            query = sa.select(column).where(Account.archived == sa.false(), column.is_not(None)).distinct().order_by(column)
            return [v for v in session.execute(query).scalars() if v.strip()]
        return {"city": distinct(Account.city), "region": distinct(Account.region)}


# --- the planned days -----------------------------------------------------------

@dataclass(frozen=True)
class Stop:
    id: int
    account_id: int
    account: str
    staff_id: int | None
    staff: str | None
    planned_on: dt.date
    start_time: dt.time | None
    duration_minutes: int
    position: int
    status: str
    interaction_id: int | None
    notes: str | None
    street: str | None
    postcode: str | None
    city: str | None
    country: str | None
    latitude: float | None
    longitude: float | None

    @property
    def end_time(self) -> dt.time | None:
        if self.start_time is None:
            return None
        end = dt.datetime.combine(self.planned_on, self.start_time) + dt.timedelta(minutes=self.duration_minutes)
        return end.time() if end.date() == self.planned_on else dt.time(23, 59)

    @property
    def address(self) -> str:
        return address_line(street=self.street, postcode=self.postcode, city=self.city, country=self.country)

    @property
    def located(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def map_url(self) -> str | None:
        return map_url(street=self.street, postcode=self.postcode, city=self.city, country=self.country,
                       latitude=self.latitude, longitude=self.longitude)


@dataclass(frozen=True)
class DayPlan:
    day: dt.date
    staff_id: int | None  # None: everyone's stops
    stops: tuple[Stop, ...]
    warnings: tuple[str, ...]  # overlapping time slots; nothing is refused for them
    travel: tuple[Leg | None, ...] = ()  # per stop, the estimated drive from the same person's stop before (None: first)


def _point(stop: Stop) -> RoutePoint:
    return RoutePoint(stop.id, stop.latitude, stop.longitude, stop.postcode, stop.city)


def travel_legs(stops: list[Stop] | tuple[Stop, ...]) -> list[Leg | None]:
    """For each stop the drive from the previous stop of the same person, in the order given."""
    previous: dict[int | None, Stop] = {}
    legs = []
    for stop in stops:
        before = previous.get(stop.staff_id)
        legs.append(travel_estimate(_point(before), _point(stop)) if before is not None else None)
        previous[stop.staff_id] = stop
    return legs


def _stop_query():
    return (
        sa.select(PlannedVisit, Account.name, Staff.name, Account.street, Account.postcode, Account.city,
                  Account.country, Account.latitude, Account.longitude)
        .join(Account, Account.id == PlannedVisit.account_id)
        .outerjoin(Staff, Staff.id == PlannedVisit.staff_id)
    )


def _stops(session, query) -> list[Stop]:
    out = []
    for visit, account, staff, street, pc, city, country, lat, lon in session.execute(query):
        out.append(Stop(
            id=visit.id, account_id=visit.account_id, account=account, staff_id=visit.staff_id, staff=staff,
            planned_on=visit.planned_on, start_time=visit.start_time, duration_minutes=visit.duration_minutes,
            position=visit.position, status=visit.status, interaction_id=visit.interaction_id, notes=visit.notes,
            street=street, postcode=pc, city=city, country=country, latitude=lat, longitude=lon,
        ))
    return out


def _day_stops(session, day: dt.date, staff_id: int | None = None) -> list[Stop]:
    query = _stop_query().where(PlannedVisit.planned_on == day, PlannedVisit.status != "cancelled")
    if staff_id is not None:
        query = query.where(PlannedVisit.staff_id == staff_id)
    # everyone's day: each person's stops together, in their planned order
    return _stops(session, query.order_by(Staff.name, PlannedVisit.staff_id, PlannedVisit.position, PlannedVisit.id))


def overlap_warnings(stops: list[Stop] | tuple[Stop, ...]) -> list[str]:
    """One line per pair of timed stops of the same person whose slots overlap."""
    warnings = []
    timed = sorted((s for s in stops if s.start_time is not None), key=lambda s: (s.staff_id or 0, s.start_time, s.position))
    for i, first in enumerate(timed):
        for second in timed[i + 1:]:
            if second.staff_id != first.staff_id:
                continue
            if second.start_time < first.end_time:
                warnings.append(
                    _("{first} ({first_start}-{first_end}) overlaps {second} ({second_start}-{second_end}).").format(
                        first=first.account, first_start=f"{first.start_time:%H:%M}", first_end=f"{first.end_time:%H:%M}",
                        second=second.account, second_start=f"{second.start_time:%H:%M}",
                        second_end=f"{second.end_time:%H:%M}")
                )
    return warnings


def drive_warnings(stops: list[Stop] | tuple[Stop, ...], legs: list[Leg | None]) -> list[str]:
    """One line per stop that starts too soon after the one before to drive there (overlaps are warned apart)."""
    warnings = []
    previous: dict[int | None, Stop] = {}
    for stop, leg in zip(stops, legs):
        before = previous.get(stop.staff_id)
        previous[stop.staff_id] = stop
        # only drives measured from coordinates: a guess (no coordinates) is no reason to warn
        if leg is None or leg.km is None or before is None or before.start_time is None or stop.start_time is None:
            continue
        day = stop.planned_on
        minutes = int((dt.datetime.combine(day, stop.start_time) - dt.datetime.combine(day, before.end_time)).total_seconds() // 60)
        if 0 <= minutes < leg.minutes:
            warnings.append(_("{second} starts {gap} min after {first} ends; the drive takes about {minutes} min.").format(
                second=stop.account, first=before.account, gap=minutes, minutes=leg.minutes))
    return warnings


def _plan(session, day: dt.date, staff_id: int | None = None) -> DayPlan:
    stops = _day_stops(session, day, staff_id)
    legs = travel_legs(stops)
    return DayPlan(day=day, staff_id=staff_id, stops=tuple(stops),
                   warnings=tuple(overlap_warnings(stops) + drive_warnings(stops, legs)), travel=tuple(legs))


def day_plan(db: Database, *, day: dt.date | str, staff_id: int | None = None) -> DayPlan:
    """The stops of a day (one person's, or everyone's), in planned order, with overlap warnings."""
    day = validation.parse_date(day, field="day", label=_("Day"), required=True)
    with db.read() as session:
        return _plan(session, day, staff_id)


def stops_between(db: Database, *, first: dt.date, last: dt.date, staff_id: int | None = None) -> list[Stop]:
    """Planned and done stops from ``first`` to ``last`` (inclusive), by day and position."""
    query = _stop_query().where(PlannedVisit.planned_on >= first, PlannedVisit.planned_on <= last,
                                PlannedVisit.status != "cancelled")
    if staff_id is not None:
        query = query.where(PlannedVisit.staff_id == staff_id)
    with db.read() as session:
        return _stops(session, query.order_by(PlannedVisit.planned_on, PlannedVisit.position, PlannedVisit.id))


def planned_visits(db: Database, *, on: dt.date, staff_id: int | None = None) -> list[Stop]:
    """The visits still planned on a day (for Today), in planned order."""
    return [s for s in stops_between(db, first=on, last=on, staff_id=staff_id) if s.status == "planned"]


def visits_for_account(db: Database, *, account_id: int, include_past: bool = False, today: dt.date | None = None) -> list[Stop]:
    """An account's planned visits from today on (and, with ``include_past``, earlier ones too)."""
    today = today or dt.date.today()
    query = _stop_query().where(PlannedVisit.account_id == account_id, PlannedVisit.status != "cancelled")
    if not include_past:
        query = query.where(PlannedVisit.planned_on >= today, PlannedVisit.status == "planned")
    with db.read() as session:
        return _stops(session, query.order_by(PlannedVisit.planned_on, PlannedVisit.position))


def _clean_time(value, field: str = "start_time") -> dt.time | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.time):
        return value.replace(second=0, microsecond=0, tzinfo=None)
    try:
        return dt.time.fromisoformat(str(value).strip()).replace(second=0, microsecond=0)
    except ValueError:
        raise ValidationError(_("Start time: '{value}' is not a time (HH:MM).").format(value=value), field=field) from None


def _clean_duration(value) -> int:
    return validation.whole_number(value, field="duration_minutes", label=_("Duration (minutes)"), minimum=5,
                                   maximum=12 * 60, required=True)


def _get_visit(session, visit_id: int) -> PlannedVisit:
    visit = session.get(PlannedVisit, visit_id)
    if visit is None:
        raise NotFound(_("Planned visit #{id} does not exist.").format(id=visit_id))
    return visit


def _check_staff(session, staff_id: int | None) -> None:
    if staff_id is not None and session.get(Staff, staff_id) is None:
        raise ValidationError(_("Staff member #{id} does not exist.").format(id=staff_id), field="staff_id")


def _next_slot(stops: list[Stop], new: RoutePoint) -> dt.time:
    """After the last timed stop and the estimated drive from it, so a new stop fits by default."""
    timed = [s for s in stops if s.end_time is not None]
    if not timed:
        return FIRST_START
    last = max(timed, key=lambda s: s.end_time)
    at = dt.datetime.combine(last.planned_on, last.end_time) + dt.timedelta(minutes=travel_estimate(_point(last), new).minutes)
    return at.time() if at.date() == last.planned_on else last.end_time


def add_stop(
    db: Database,
    *,
    account_id: int,
    day: dt.date | str,
    start_time: dt.time | str | None = None,
    duration_minutes: int = DEFAULT_DURATION,
    staff_id: int | None = None,
    notes: str | None = None,
    auto_time: bool = True,
) -> DayPlan:
    """Add a visit to a day (at the end); returns that person's day with any overlap warnings.

    Without ``staff_id`` the account manager of the account makes the visit.
    Without a start time (and ``auto_time``) the stop starts when the last one ends plus the estimated drive.
    """
    day = validation.parse_date(day, field="day", label=_("Day"), required=True)
    start = _clean_time(start_time)
    duration = _clean_duration(duration_minutes)
    with db.write() as session:
        account = session.get(Account, account_id)
        if account is None:
            raise ValidationError(_("Account #{id} does not exist.").format(id=account_id), field="account_id")
        if account.archived:
            raise ValidationError(_("{account} is archived; restore it before planning a visit.").format(account=account.name),
                                  field="account_id")
        staff = staff_id if staff_id is not None else account.owner_id
        _check_staff(session, staff)
        existing = _day_stops(session, day, staff)
        if any(s.account_id == account_id and s.status == "planned" for s in existing):
            raise ValidationError(_("{account} is already planned on {day}.").format(
                account=account.name, day=formatting.current().date(day)), field="account_id")
        if start is None and auto_time:
            start = _next_slot(existing, RoutePoint(0, account.latitude, account.longitude, account.postcode, account.city))
        position = max((s.position for s in _day_stops(session, day)), default=-1) + 1
        session.add(PlannedVisit(account_id=account_id, staff_id=staff, planned_on=day, start_time=start,
                                 duration_minutes=duration, position=position, notes=validation.long_text(notes)))
        session.flush()
        return _plan(session, day, staff)


_KEEP = object()


def update_stop(
    db: Database,
    *,
    visit_id: int,
    start_time=_KEEP,
    duration_minutes=_KEEP,
    day=_KEEP,
    staff_id=_KEEP,
    notes=_KEEP,
) -> DayPlan:
    """Change a planned stop's time, duration, day, person or notes; returns its day with warnings."""
    with db.write() as session:
        visit = _get_visit(session, visit_id)
        if visit.status != "planned":
            raise ValidationError(_("This visit has been logged already; change the interaction instead."))
        if start_time is not _KEEP:
            visit.start_time = _clean_time(start_time)
        if duration_minutes is not _KEEP:
            visit.duration_minutes = _clean_duration(duration_minutes)
        if notes is not _KEEP:
            visit.notes = validation.long_text(notes)
        if staff_id is not _KEEP:
            _check_staff(session, staff_id)
            visit.staff_id = staff_id
        if day is not _KEEP:
            new_day = validation.parse_date(day, field="day", label=_("Day"), required=True)
            if new_day != visit.planned_on:
                visit.planned_on = new_day
                visit.position = max((s.position for s in _day_stops(session, new_day)), default=-1) + 1
        session.add(visit)
        session.flush()
        return _plan(session, visit.planned_on, visit.staff_id)


def remove_stop(db: Database, *, visit_id: int) -> DayPlan:
    """Take a planned stop off its day; a visit already logged stays (it is history)."""
    with db.write() as session:
        visit = _get_visit(session, visit_id)
        if visit.status == "done":
            raise ValidationError(_("This visit has been logged already and stays in the history."))
        day, staff = visit.planned_on, visit.staff_id
        session.delete(visit)
        session.flush()
        return _plan(session, day, staff)


def _apply_order(session, day: dt.date, visit_ids: list[int]) -> None:
    """Give these stops of the day the positions they held between them, in the new order."""
    ids = [int(v) for v in visit_ids]
    if len(set(ids)) != len(ids):
        raise ValidationError(_("A stop appears twice in the new order."), field="visit_ids")
    visits = {v.id: v for v in session.execute(sa.select(PlannedVisit).where(PlannedVisit.id.in_(ids))).scalars()}
    strangers = [i for i in ids if i not in visits or visits[i].planned_on != day]
    if strangers:
        raise ValidationError(_("Stop #{id} is not planned on {day}.").format(
            id=strangers[0], day=formatting.current().date(day)), field="visit_ids")
    slots = sorted(v.position for v in visits.values())
    if len(set(slots)) != len(slots):  # repair duplicates left by concurrent edits
        slots = list(range(min(slots), min(slots) + len(slots)))
    for visit_id, position in zip(ids, slots):
        visits[visit_id].position = position
        session.add(visits[visit_id])
    session.flush()


def reorder_stops(db: Database, *, day: dt.date | str, visit_ids: list[int], staff_id: int | None = None,
                  start_times: list | None = None) -> DayPlan:
    """Put stops of a day in the given order (times are kept; overlaps come back as warnings).

    With ``start_times`` (one per visit id, None for no time) the times are set too: this is
    how an "order by route" is taken back.
    """
    day = validation.parse_date(day, field="day", label=_("Day"), required=True)
    times = None
    if start_times is not None:
        if len(start_times) != len(visit_ids):
            raise ValidationError(_("Give one start time per stop."), field="start_times")
        times = [_clean_time(t) for t in start_times]
    with db.write() as session:
        _apply_order(session, day, visit_ids)
        if times is not None:
            _set_times(session, dict(zip((int(v) for v in visit_ids), times)))
        return _plan(session, day, staff_id)


def _set_times(session, times: dict[int, dt.time | None]) -> None:
    for visit in session.execute(sa.select(PlannedVisit).where(PlannedVisit.id.in_(list(times)))).scalars():
        if visit.status == "planned":  # a logged visit keeps the time it had
            visit.start_time = times[visit.id]
            session.add(visit)
    session.flush()


def order_by_route(
    db: Database,
    *,
    day: dt.date | str,
    staff_id: int | None = None,
    start_time: dt.time | str | None = None,
    start_latitude: float | None = None,
    start_longitude: float | None = None,
) -> DayPlan:
    """Order the day's planned stops by route from a starting point (default: the first stop), and time them.

    The first stop starts at ``start_time`` (default 09:00; plus the drive from the
    starting point when one is given); each next one when the one before ends plus
    the estimated drive (visit_route.travel_estimate). One route per person.
    """
    day = validation.parse_date(day, field="day", label=_("Day"), required=True)
    start = _clean_time(start_time, field="start_time") or FIRST_START
    lat = coordinate(start_latitude, "start_latitude", "Start latitude", 90)
    lon = coordinate(start_longitude, "start_longitude", "Start longitude", 180)
    if (lat is None) != (lon is None):
        raise ValidationError(_("Give both the latitude and the longitude of the starting point."), field="start_latitude")
    origin = RoutePoint(0, lat, lon, None, None) if lat is not None else None
    with db.write() as session:
        stops = [s for s in _day_stops(session, day, staff_id) if s.status == "planned"]
        by_person: dict[int | None, list[Stop]] = {}
        for stop in stops:  # one route per person making visits that day
            by_person.setdefault(stop.staff_id, []).append(stop)
        order, times = [], {}
        for group in by_person.values():
            keyed = {s.id: s for s in group}
            routed = [keyed[k] for k in route_order([_point(s) for s in group], start=(lat, lon) if origin else None)]
            first = travel_estimate(origin, _point(routed[0])) if origin else Leg(None, 0)
            legs = [first] + [travel_estimate(_point(a), _point(b)) for a, b in zip(routed, routed[1:])]
            starts = schedule(day, start, [s.duration_minutes for s in routed], legs)
            if starts is None:
                raise ValidationError(_("The route runs past midnight: start earlier or move stops to another day."),
                                      field="start_time")
            order += [s.id for s in routed]
            times.update(zip((s.id for s in routed), starts))
        if order:
            _apply_order(session, day, order)
            _set_times(session, times)
        return _plan(session, day, staff_id)


# --- after the visit ---------------------------------------------------------------

@dataclass(frozen=True)
class PersonToMeet:
    id: int
    name: str
    job_title: str | None
    dmu_role: str | None


@dataclass(frozen=True)
class VisitPrefill:
    """What "log visit" fills in for the user to confirm."""

    visit_id: int
    account_id: int
    account: str
    kind: str
    occurred_on: dt.date
    duration_minutes: int
    staff_id: int | None
    subject: str
    person_ids: tuple[int, ...]
    people: tuple[PersonToMeet, ...]  # everyone who may be met (do-not-contact left out)


def people_to_meet(session, account_id: int) -> list[PersonToMeet]:
    """The account's active people who may be contacted, decision makers first."""
    query = sa.select(Person.id, Person.name, Person.job_title, Person.dmu_role).where(
        Person.account_id == account_id, Person.archived == sa.false(), Person.do_not_contact == sa.false())
    people = [PersonToMeet(*row) for row in session.execute(query)]
    rank = {role: i for i, role in enumerate(DMU_ROLES)}  # decision makers first
    return sorted(people, key=lambda p: (rank.get(p.dmu_role, len(rank)), p.name.casefold()))


def visit_prefill(db: Database, *, visit_id: int) -> VisitPrefill:
    with db.read() as session:
        visit = _get_visit(session, visit_id)
        account = session.get(Account, visit.account_id)
        people = people_to_meet(session, visit.account_id)
        return VisitPrefill(
            visit_id=visit.id, account_id=visit.account_id, account=account.name, kind="visit",
            occurred_on=visit.planned_on, duration_minutes=visit.duration_minutes, staff_id=visit.staff_id,
            subject=_("Visit {account}").format(account=account.name)[:500], person_ids=tuple(p.id for p in people), people=tuple(people),
        )


@dataclass(frozen=True)
class LoggedVisit:
    stop: Stop
    interaction: InteractionRow


def log_visit(
    db: Database,
    *,
    visit_id: int,
    occurred_on: dt.date | str | None = None,
    duration_minutes: int | None = None,
    person_ids: list[int] | tuple[int, ...] | None = None,
    staff_id: int | None = None,
    subject: str | None = None,
    notes: str | None = None,
) -> LoggedVisit:
    """Record the visit as an interaction (kind visit) and mark the stop done, in one unit of work.

    Anything not given comes from the plan: the account, its people, the
    planned day and duration, the person who planned to go.
    """
    prefill = visit_prefill(db, visit_id=visit_id)
    with db.write() as session:
        visit = _get_visit(session, visit_id)
        if visit.status != "planned":
            raise ValidationError(_("This visit has been logged already."), field="visit_id")
        interaction = log_in_session(
            session, account_id=visit.account_id, kind="visit",
            occurred_on=occurred_on or prefill.occurred_on,
            duration_minutes=prefill.duration_minutes if duration_minutes is None else duration_minutes,
            person_ids=prefill.person_ids if person_ids is None else person_ids,
            staff_id=prefill.staff_id if staff_id is None else staff_id,
            subject=subject if subject is not None else prefill.subject, notes=notes,
        )
        visit.status = "done"
        visit.interaction_id = interaction.id
        session.add(visit)
        session.flush()
        stop = _stops(session, _stop_query().where(PlannedVisit.id == visit_id))[0]
        return LoggedVisit(stop=stop, interaction=interaction)


def next_planned_day(db: Database, *, from_day: dt.date | None = None, staff_id: int | None = None) -> dt.date | None:
    """The first day from ``from_day`` on with a visit still planned (where the planner opens)."""
    query = sa.select(sa.func.min(PlannedVisit.planned_on)).where(
        PlannedVisit.status == "planned", PlannedVisit.planned_on >= (from_day or dt.date.today()))
    if staff_id is not None:
        query = query.where(PlannedVisit.staff_id == staff_id)
    with db.read() as session:
        return _as_date(session.execute(query).scalar())
