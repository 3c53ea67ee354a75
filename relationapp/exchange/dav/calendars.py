"""Follow-ups as tasks with an alarm, planned visits as events, birthdays and anniversaries, on CalDAV calendars.

    sync_tasks / sync_visits / sync_dates(db, conn, collection, progress=..., stop=...) -> KindSummary

One calendar per kind, chosen by the user (Sync page, ``relationapp sync
setup``); the steps are ``exchange.dav.engine``'s. Payloads are iCalendar
(RFC 5545) through the ``icalendar`` library, and like the cards they are
merged into the server's item: the alarm the phone changed, its categories,
its X- properties stay. A follow-up is a VTODO due on its day, with an
alarm at 09:00 that day (``TRIGGER;RELATED=END:PT9H``: DUE is the task's
end); done is ``STATUS:COMPLETED``. A planned visit is a VEVENT with the
address as LOCATION and the briefing's summary as DESCRIPTION (from a week before
the visit; its notes until then); moved on the
phone (another day, time or length), it moves in the app. A birthday or
anniversary is a yearly all-day VEVENT with an alarm on the morning.

An item the phone made in the visits or dates calendar is left as it is
(never taken in, never written); a task made on the phone becomes a
follow-up. An event without a start is reported and left.
"""

from __future__ import annotations

import datetime as dt
import threading
from typing import Callable

from icalendar import Alarm, Calendar, Event, Todo, vRecur

from relationapp.data.db import Database
from relationapp.exchange.dav.client import DavConnection
from relationapp.exchange.dav.engine import KindSummary, Progress, Side, Unreadable, sync_collection
from relationapp.exchange.ics import PRODID
from relationapp.services.sync import agenda, store
from relationapp.services.visits.visits import Stop
from relationapp.text.catalogue import _

BRIEFING_DAYS = 7
Describe = Callable[[Database, list], dict]  # (db, stops) -> {visit id: the briefing's summary}


def _calendar(component) -> str:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add_component(component)
    return cal.to_ical().decode()


def _parse(text: str, name: str):
    try:
        cal = Calendar.from_ical(text)
    except Exception as exc:  # noqa: BLE001 - icalendar raises ValueError and others on junk
        raise Unreadable(" ".join(str(exc).split())[:200] or type(exc).__name__) from None
    for component in cal.walk(name):
        return cal, component
    raise Unreadable(_("it holds no {component}").format(component=name))


def _wall(value):
    """A date as it is; a time in a zone (a phone's TZID, Google's UTC) as this computer's wall-clock time: the
    app's visits and follow-ups are local, so 13:00Z is the 14:00 an Amsterdam laptop shows."""
    value = getattr(value, "dt", value)
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone().replace(tzinfo=None)
    return value


def _day(value) -> str | None:
    if value is None:
        return None
    value = _wall(value)
    return (value.date() if isinstance(value, dt.datetime) else value).isoformat()


def _alarm(text: str, trigger: dt.timedelta) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", text)
    alarm.add("trigger", trigger, parameters={"RELATED": "END"} if trigger else {})
    return alarm


def _replace(component, name: str, value, parameters: dict | None = None) -> None:
    component.pop(name.upper(), None)
    if value not in (None, ""):
        component.add(name, value, parameters=parameters)


def _stamp(component) -> None:
    _replace(component, "dtstamp", dt.datetime.now(dt.timezone.utc).replace(microsecond=0))


class TasksSide(Side):
    kind = "tasks"
    fields = agenda.TASK_FIELDS

    def local(self, db: Database, mapped: set[int]) -> dict[int, dict]:
        self._fields = agenda.task_fields(db, mapped)
        return self._fields

    def read(self, text: str) -> tuple[str | None, dict]:
        _cal, todo = _parse(text, "VTODO")
        done = None
        if str(todo.get("status", "")).upper() == "COMPLETED":
            done = _day(todo.get("completed")) or dt.date.today().isoformat()
        due = _day(todo.get("due")) or _day(todo.get("dtstart"))
        return str(todo.get("uid", "")) or None, {"title": str(todo.get("summary", "")) or None, "due": due,
                                                  "done": done, "notes": str(todo.get("description", "")) or None}

    def _write(self, todo, fields: dict, changed: set[str]) -> None:
        if "title" in changed:
            _replace(todo, "summary", fields.get("title"))
        if "due" in changed and fields.get("due"):
            _replace(todo, "due", dt.date.fromisoformat(fields["due"]))
        if "notes" in changed:
            _replace(todo, "description", fields.get("notes"))
        if "done" in changed:
            _replace(todo, "status", "COMPLETED" if fields.get("done") else "NEEDS-ACTION")
            done = fields.get("done")
            _replace(todo, "completed", dt.datetime.combine(dt.date.fromisoformat(done), dt.time(12),
                                                            tzinfo=dt.timezone.utc) if done else None)
        _stamp(todo)

    def new_text(self, local_id: int, uid: str) -> str:
        todo = Todo()
        todo.add("uid", uid)
        fields = self._fields[local_id]
        self._write(todo, fields, set(self.fields))
        todo.add_component(_alarm(fields["title"], dt.timedelta(hours=9)))
        return _calendar(todo)

    def merged_text(self, text: str, fields: dict, changed: set[str], old: dict) -> str:
        cal, todo = _parse(text, "VTODO")
        self._write(todo, fields, changed)
        return cal.to_ical().decode()

    def add(self, session, fields: dict, cache: dict, problems: list[str]) -> int | None:
        return agenda.add_task(session, fields)

    def apply(self, session, local_id: int, fields: dict, cache: dict, problems: list[str]) -> None:
        agenda.apply_task(session, local_id, fields)


class VisitsSide(Side):
    kind = "visits"
    fields = agenda.VISIT_FIELDS

    def __init__(self, describe: Describe | None = None) -> None:
        self._describe = describe

    def local(self, db: Database, mapped: set[int]) -> dict[int, dict]:
        self._stops: dict[int, Stop] = agenda.visit_stops(db, mapped)
        # the briefing is read in the days before a visit: written for the coming week (a briefing of
        # every visit months ahead cost 10 s a sync for 1,000 visits), the visit's notes before that
        today = dt.date.today()
        near = [s for s in self._stops.values() if today <= s.planned_on <= today + dt.timedelta(days=BRIEFING_DAYS)]
        texts = self._describe(db, near) if self._describe and near else {}
        self._fields = {i: agenda.visit_fields(s, texts.get(i) or s.notes or "") for i, s in self._stops.items()}
        return self._fields

    def read(self, text: str) -> tuple[str | None, dict]:
        _cal, event = _parse(text, "VEVENT")
        start = event.get("dtstart")
        if start is None:
            raise Unreadable(_("the event has no start"))
        begin = _wall(start)
        at = begin.strftime("%H:%M") if isinstance(begin, dt.datetime) else None
        minutes = None
        end = event.get("dtend")
        if isinstance(begin, dt.datetime) and end is not None and isinstance(end.dt, dt.datetime):
            minutes = str(max(1, int((_wall(end) - begin).total_seconds() // 60)))
        elif isinstance(begin, dt.datetime) and event.get("duration") is not None:
            minutes = str(max(1, int(event.get("duration").dt.total_seconds() // 60)))
        return str(event.get("uid", "")) or None, {
            "date": _day(start), "start": at, "minutes": minutes, "title": str(event.get("summary", "")) or None,
            "location": str(event.get("location", "")) or None,
            "description": str(event.get("description", "")) or None}

    def _write(self, event, fields: dict, changed: set[str]) -> None:
        if changed & {"date", "start", "minutes"}:
            day = dt.date.fromisoformat(fields["date"])
            for name in ("DTSTART", "DTEND", "DURATION"):
                event.pop(name, None)
            if fields.get("start"):
                begin = dt.datetime.combine(day, dt.time.fromisoformat(fields["start"]))  # floating: the phone's zone
                event.add("dtstart", begin)
                event.add("dtend", begin + dt.timedelta(minutes=int(fields.get("minutes") or 60)))
            else:
                event.add("dtstart", day)
                event.add("dtend", day + dt.timedelta(days=1))
        if "title" in changed:
            _replace(event, "summary", _("Visit: {account}").format(account=fields.get("title") or ""))
        if "location" in changed:
            _replace(event, "location", fields.get("location"))
        if "description" in changed:
            _replace(event, "description", fields.get("description"))
        _stamp(event)

    def new_text(self, local_id: int, uid: str) -> str:
        event = Event()
        event.add("uid", uid)
        self._write(event, self._fields[local_id], set(self.fields))
        return _calendar(event)

    def merged_text(self, text: str, fields: dict, changed: set[str], old: dict) -> str:
        cal, event = _parse(text, "VEVENT")
        self._write(event, fields, changed)
        return cal.to_ical().decode()

    def apply(self, session, local_id: int, fields: dict, cache: dict, problems: list[str]) -> None:
        agenda.apply_visit(session, local_id, {k: v for k, v in fields.items() if k in agenda.VISITS_FROM_PHONE})


class DatesSide(Side):
    kind = "dates"
    fields = agenda.DATE_FIELDS

    def local(self, db: Database, mapped: set[int]) -> dict[int, dict]:
        self._fields = agenda.personal_dates(db)
        return self._fields

    def read(self, text: str) -> tuple[str | None, dict]:
        _cal, event = _parse(text, "VEVENT")
        return str(event.get("uid", "")) or None, {"title": None, "date": _day(event.get("dtstart")), "kind": None}

    def _event(self, fields: dict, uid: str):
        year, month, day = (int(x) for x in fields["date"].split("-"))
        event = Event()
        event.add("uid", uid)
        label = _("Birthday: {name}") if fields["kind"] == "birthday" else _("Anniversary: {name}")
        event.add("summary", label.format(name=fields["title"]))
        start = dt.date(year or 2000, month, day)  # 2000: a leap year, for 29 February without a year
        event.add("dtstart", start)
        event.add("dtend", start + dt.timedelta(days=1))
        event.add("rrule", vRecur(freq="YEARLY"))
        event.add("transp", "TRANSPARENT")
        event.add_component(_alarm(label.format(name=fields["title"]), dt.timedelta(hours=9)))
        _stamp(event)
        return event

    def new_text(self, local_id: int, uid: str) -> str:
        return _calendar(self._event(self._fields[local_id], uid))

    def merged_text(self, text: str, fields: dict, changed: set[str], old: dict) -> str:
        """The app's own calendar: the item is written anew (keeping its UID)."""
        try:
            _cal, event = _parse(text, "VEVENT")
            uid = str(event.get("uid", ""))
        except Unreadable:
            uid = ""
        return _calendar(self._event(fields, uid or "relationapp-date"))

    def apply(self, session, local_id: int, fields: dict, cache: dict, problems: list[str]) -> None:
        """Nothing of a date comes back: the next sync writes the app's again."""


def sync_tasks(db: Database, conn: DavConnection, collection: store.CollectionInfo, *,
               progress: Progress | None = None, stop: threading.Event | None = None) -> KindSummary:
    return sync_collection(db, conn, collection, TasksSide(), progress=progress, stop=stop)


def sync_visits(db: Database, conn: DavConnection, collection: store.CollectionInfo, *,
                progress: Progress | None = None, stop: threading.Event | None = None,
                describe: Describe | None = None) -> KindSummary:
    return sync_collection(db, conn, collection, VisitsSide(describe), progress=progress, stop=stop)


def sync_dates(db: Database, conn: DavConnection, collection: store.CollectionInfo, *,
               progress: Progress | None = None, stop: threading.Event | None = None) -> KindSummary:
    return sync_collection(db, conn, collection, DatesSide(), progress=progress, stop=stop)
