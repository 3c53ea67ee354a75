"""Follow-ups, planned visits and personal dates as the fields a calendar item carries, and back.

Follow-ups (tasks): title, due day, the day it was done, notes; every open
one is synced, and a synced one stays synced once done (the phone sees it
ticked off). Planned visits (events): day, start time and length come back
from the phone (a visit moved there moves here); the title, the address and
the briefing are the app's. Dates (birthdays, anniversaries): the app's
only, written for the phone to remind; nothing of them comes back.
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from relationapp.data.db import Database
from relationapp.data.models import Account, FollowUp, ImportantDate, Person, PlannedVisit
from relationapp.services.visits.visits import Stop, stops_between

TASK_FIELDS = ("title", "due", "done", "notes")
VISIT_FIELDS = ("date", "start", "minutes", "title", "location", "description")
DATE_FIELDS = ("title", "date", "kind")
VISITS_FROM_PHONE = ("date", "start", "minutes")


def task_fields(db: Database, mapped: set[int]) -> dict[int, dict]:
    with db.read() as session:
        rows = session.execute(sa.select(FollowUp.id, FollowUp.title, FollowUp.due_on, FollowUp.done_on,
                                         FollowUp.notes).where(sa.or_(FollowUp.done_on.is_(None),
                                                                      FollowUp.id.in_(mapped or {0})))).all()
    return {i: {"title": t, "due": d.isoformat(), "done": done.isoformat() if done else None, "notes": n or None}
            for i, t, d, done, n in rows}


def add_task(session, fields: dict) -> int | None:
    try:
        due = dt.date.fromisoformat(fields.get("due") or "")
    except ValueError:
        due = dt.date.today()
    row = FollowUp(title=(fields.get("title") or "?")[:500], due_on=due, notes=fields.get("notes"),
                   done_on=dt.date.fromisoformat(fields["done"]) if fields.get("done") else None, origin="phone")
    session.add(row)
    session.flush()
    return row.id


def apply_task(session, follow_up_id: int, fields: dict) -> None:
    row = session.get(FollowUp, follow_up_id)
    if row is None:
        return
    if fields.get("title"):
        row.title = fields["title"][:500]
    if "notes" in fields:
        row.notes = fields["notes"]
    if fields.get("due"):
        row.due_on = dt.date.fromisoformat(fields["due"])
    if "done" in fields:
        row.done_on = dt.date.fromisoformat(fields["done"]) if fields["done"] else None
    session.add(row)


def visit_stops(db: Database, mapped: set[int], *, today: dt.date | None = None) -> dict[int, Stop]:
    """The planned visits from a month back on, and those synced before."""
    today = today or dt.date.today()
    stops = {s.id: s for s in stops_between(db, first=today - dt.timedelta(days=31), last=dt.date(9999, 12, 31))
             if s.status == "planned"}
    with db.read() as session:
        extra = set(mapped) - set(stops)
        if extra:
            first = session.execute(sa.select(sa.func.min(PlannedVisit.planned_on))
                                    .where(PlannedVisit.id.in_(extra))).scalar()
            if first is not None:
                stops.update({s.id: s for s in stops_between(db, first=first, last=dt.date(9999, 12, 31))
                              if s.id in extra})
    return stops


def visit_fields(stop: Stop, description: str) -> dict:
    return {"date": stop.planned_on.isoformat(), "start": stop.start_time.strftime("%H:%M") if stop.start_time else None,
            "minutes": str(stop.duration_minutes), "title": stop.account, "location": stop.address or None,
            "description": description or None}


def apply_visit(session, visit_id: int, fields: dict) -> None:
    """Only the day, the time and the length come from the phone."""
    row = session.get(PlannedVisit, visit_id)
    if row is None:
        return
    if fields.get("date"):
        row.planned_on = dt.date.fromisoformat(fields["date"])
    if "start" in fields:
        row.start_time = dt.time.fromisoformat(fields["start"]) if fields["start"] else None
    if fields.get("minutes"):
        row.duration_minutes = max(1, int(fields["minutes"]))
    session.add(row)


def personal_dates(db: Database) -> dict[int, dict]:
    """Birthdays (id = the person's) and anniversaries (id = minus the date's id) of people not archived."""
    out: dict[int, dict] = {}
    with db.read() as session:
        for pid, name, day, month, year in session.execute(
                sa.select(Person.id, Person.name, Person.birthday_day, Person.birthday_month, Person.birthday_year)
                .where(Person.archived.is_(False), Person.birthday_day.is_not(None))):
            out[pid] = {"title": name, "date": f"{year or 0:04d}-{month:02d}-{day:02d}", "kind": "birthday"}
        for did, name, label, day, month, year in session.execute(
                sa.select(ImportantDate.id, Person.name, ImportantDate.label, ImportantDate.day, ImportantDate.month,
                          ImportantDate.year).join(Person, Person.id == ImportantDate.person_id)
                .where(Person.archived.is_(False), ImportantDate.kind == "anniversary")):
            out[-did] = {"title": name, "date": f"{year or 0:04d}-{month:02d}-{day:02d}", "kind": "anniversary"}
    return out


def delete_local(session, kind: str, local_id: int) -> None:
    """A deletion on the phone, confirmed: a follow-up goes, a planned visit goes (a visit done stays)."""
    if kind == "tasks":
        session.execute(sa.delete(FollowUp).where(FollowUp.id == local_id))
    elif kind == "visits":
        session.execute(sa.delete(PlannedVisit).where(PlannedVisit.id == local_id, PlannedVisit.status == "planned"))


def account_name(session, account_id: int) -> str:
    return session.execute(sa.select(Account.name).where(Account.id == account_id)).scalar() or ""
