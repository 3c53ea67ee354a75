"""Calendar export (iCalendar, RFC 5545) with the icalendar library.

- Open follow-ups: one all-day event on the day each is due (after a snooze).
- Birthdays, customer-since days and important dates: all-day events that
  repeat every year (RRULE FREQ=YEARLY), marked free time.
- Feb 29 fires exactly once every year: with the setting "feb28" the rule is
  BYMONTH=2;BYMONTHDAY=-1 (the last day of February: the 29th in leap years,
  the 28th in others); with "mar1" it is BYYEARDAY=60 (Feb 29 in leap years,
  Mar 1 in others).

Every event has a stable UID (re-importing updates instead of duplicating),
DTSTAMP in UTC, and dates as VALUE=DATE; the calendar has PRODID and VERSION.
"""

from __future__ import annotations

import calendar as calendar_module
import datetime as dt
import os
import tempfile
from pathlib import Path

import icalendar

from relationapp import __version__
from relationapp.files.paths import user_file
from relationapp.services.common.settings import get_settings
from relationapp.services.common.validation import one_line
from relationapp.services.touches.follow_ups import list_follow_ups
from relationapp.services.touches.personal_dates import YearlyDate, yearly_dates

PRODID = f"-//relationapp//relationapp {__version__}//EN"
UID_DOMAIN = "relationapp.local"
_DAY = dt.timedelta(days=1)


def _event(uid: str, summary: str, start: dt.date, stamp: dt.datetime) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", f"{uid}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("summary", one_line(summary))  # a calendar shows it as a title: no bidi control reorders it
    event.add("dtstart", start)  # a date: written as VALUE=DATE (all day)
    event.add("dtend", start + _DAY)
    return event


def _yearly_rule(entry: YearlyDate, *, feb29_on: str, today: dt.date) -> tuple[dt.date, dict]:
    """The first day and the RRULE of a yearly date."""
    first_year = entry.year or today.year
    if (entry.month, entry.day) != (2, 29):
        return dt.date(first_year, entry.month, entry.day), {"freq": "yearly"}
    while not calendar_module.isleap(first_year):  # start on a real Feb 29
        first_year -= 1
    if feb29_on == "mar1":
        return dt.date(first_year, 2, 29), {"freq": "yearly", "byyearday": 60}
    return dt.date(first_year, 2, 29), {"freq": "yearly", "bymonth": 2, "bymonthday": -1}


def build_calendar(db, *, today: dt.date | None = None, stamp: dt.datetime | None = None) -> icalendar.Calendar:
    today = today or dt.date.today()
    stamp = (stamp or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc).replace(microsecond=0)
    feb29_on = get_settings(db).feb29_birthdays_on
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "relationapp")
    for follow_up in list_follow_ups(db, open_only=True, limit=None):
        who = ", ".join(p for p in (follow_up.person, follow_up.account) if p)
        event = _event(f"follow-up-{follow_up.id}", follow_up.title + (f" ({who})" if who else ""),
                       follow_up.effective_due, stamp)
        if follow_up.notes:
            event.add("description", follow_up.notes)
        cal.add_component(event)
    for entry in yearly_dates(db):
        try:
            start, rule = _yearly_rule(entry, feb29_on=feb29_on, today=today)
        except ValueError:  # an impossible date (an old import): left out rather than fail the export
            continue
        event = _event(entry.key, entry.title, start, stamp)
        event.add("rrule", rule)
        event.add("transp", "TRANSPARENT")  # a birthday does not make anyone busy
        event.add("categories", [entry.kind.replace("_", " ")])
        cal.add_component(event)
    return cal


def export_calendar(db, *, path: str | os.PathLike, today: dt.date | None = None) -> int:
    """Write the calendar to ``path`` (all or nothing); returns the number of events."""
    cal = build_calendar(db, today=today)
    data = cal.to_ical()
    target = user_file(path)
    fd, tmp = tempfile.mkstemp(prefix=".relationapp-", suffix=".ics", dir=target.parent if str(target.parent) else ".")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return len(cal.walk("VEVENT"))
