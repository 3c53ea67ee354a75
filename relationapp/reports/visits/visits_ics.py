"""Planned visits as an iCalendar file (RFC 5545), for the account manager's calendar app.

Times are written as *floating* local times by default: a visit at 09:00 is
at 09:00 wherever the laptop's clock is set, and Apple Calendar, Outlook,
Thunderbird and Google Calendar (on import) all place a floating time in the
calendar's own zone. Give ``tz`` (an IANA name such as ``Europe/Amsterdam``)
to pin the times to a zone instead; the VTIMEZONE is then included. A stop
without a time becomes an all-day entry. The UID is stable per planned
visit, so importing the file again updates the entries instead of doubling them.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Calendar, Event, vGeo

from relationapp.data.db import Database
from relationapp.errors import ValidationError
from relationapp.exchange.ics import PRODID, UID_DOMAIN
from relationapp.reports.common.layout import write_atomically
from relationapp.reports.visits.briefing_data import briefings, summary_text
from relationapp.services.common import settings as settings_service
from relationapp.services.visits import visits
from relationapp.text.catalogue import _
from relationapp.text.formatting import Formatter


def week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """Monday to Sunday of the ISO week holding ``day``."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def visit_uid(visit_id: int) -> str:
    return f"planned-visit-{visit_id}@{UID_DOMAIN}"


def _zone(tz: str | None) -> ZoneInfo | None:
    if not tz:
        return None
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(_("'{tz}' is not a time zone name (such as Europe/Amsterdam).").format(tz=tz),
                              field="tz") from None


def visits_calendar(
    db: Database,
    *,
    first: dt.date,
    last: dt.date,
    staff_id: int | None = None,
    tz: str | None = None,
    today: dt.date | None = None,
) -> bytes:
    """An .ics with one event per planned (or done) visit from ``first`` to ``last``."""
    zone = _zone(tz)
    stops = visits.stops_between(db, first=first, last=last, staff_id=staff_id)
    fmt = Formatter.for_settings(settings_service.get_settings(db))
    if not stops:
        if first == last:
            raise ValidationError(fmt.t("No visits planned on {day}.", day=fmt.date(first)), field="day")
        raise ValidationError(fmt.t("No visits planned from {first} to {last}.", first=fmt.date(first),
                                    last=fmt.date(last)), field="day")
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", fmt.t("Visits"))
    stamp = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    for briefing in briefings(db, stops=stops, today=today):
        stop = briefing.stop
        event = Event()
        event.add("uid", visit_uid(stop.id))
        event.add("dtstamp", stamp)
        event.add("summary", fmt.t("Visit: {account}", account=stop.account))
        if stop.start_time is None:
            event.add("dtstart", stop.planned_on)
            event.add("dtend", stop.planned_on + dt.timedelta(days=1))
        else:
            start = dt.datetime.combine(stop.planned_on, stop.start_time, tzinfo=zone)
            event.add("dtstart", start)
            event.add("dtend", start + dt.timedelta(minutes=stop.duration_minutes))
        if stop.address:
            event.add("location", stop.address)
        if stop.located:
            event.add("geo", vGeo((stop.latitude, stop.longitude)))
        if stop.map_url:
            event.add("url", stop.map_url)
        event.add("description", summary_text(briefing, fmt))
        event.add("status", "CONFIRMED")
        cal.add_component(event)
    if zone is not None:
        cal.add_missing_timezones()
    return cal.to_ical()


def visit_descriptions(db: Database, stops: list, *, today: dt.date | None = None) -> dict[int, str]:
    """The briefing's summary of each stop, as its calendar entry says it (the phone sync's events)."""
    fmt = Formatter.for_settings(settings_service.get_settings(db))
    return {b.stop.id: summary_text(b, fmt) for b in briefings(db, stops=stops, today=today)}


def write_visits_ics(
    db: Database,
    *,
    day: dt.date,
    path: str | os.PathLike,
    week: bool = False,
    staff_id: int | None = None,
    tz: str | None = None,
    today: dt.date | None = None,
) -> Path:
    """Write a day's (or its week's) visits to ``path``, complete or not at all."""
    target = Path(path)
    if not target.parent.is_dir():
        raise ValidationError(_("The folder {folder} does not exist.").format(folder=target.parent), field="path")
    first, last = week_of(day) if week else (day, day)
    data = visits_calendar(db, first=first, last=last, staff_id=staff_id, tz=tz, today=today)
    return write_atomically(target, data)
