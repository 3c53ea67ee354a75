import datetime as dt
from decimal import Decimal

import pytest
from icalendar import Calendar

from relationapp.data.models import Order
from relationapp.errors import ValidationError
from relationapp.reports.visits.visits_ics import (
    visits_calendar,
    week_of,
    write_visits_ics,
)
from relationapp.services.common.settings import update_settings
from relationapp.services.customers.accounts import create_account
from relationapp.services.customers.people import create_person
from relationapp.services.visits import visits

MONDAY = dt.date(2026, 11, 9)
TUESDAY = MONDAY + dt.timedelta(days=1)


@pytest.fixture
def week(db):
    update_settings(db, language="en")
    located = create_account(db, name="Bakkerij <De Zon> & Co", stage="customer", street="Kerkstraat 1",
                             postcode="1011 AA", city="Amsterdam", country="Nederland", latitude=52.37, longitude=4.89)
    nowhere = create_account(db, name="Zonder Adres", stage="customer")
    with db.write() as session:
        session.add(Order(account_id=located.id, ordered_on=dt.date(2026, 5, 1), amount=Decimal("1000")))
    create_person(db, name="Ans Bakker", account_id=located.id, job_title="Eigenaar", dmu_role="decision_maker")
    visits.add_stop(db, account_id=located.id, day=TUESDAY, start_time="09:30", duration_minutes=45)
    visits.add_stop(db, account_id=nowhere.id, day=TUESDAY, start_time=None, auto_time=False)
    visits.add_stop(db, account_id=nowhere.id, day=MONDAY + dt.timedelta(days=7), start_time="10:00")  # next week
    return located


def _events(data: bytes):
    return [c for c in Calendar.from_ical(data).walk("VEVENT")]


def test_day_parsed_back_with_floating_times_location_and_description(db, week):
    events = _events(visits_calendar(db, first=TUESDAY, last=TUESDAY, today=MONDAY))
    assert len(events) == 2
    timed, untimed = events
    assert str(timed["summary"]) == "Visit: Bakkerij <De Zon> & Co"
    assert str(timed["location"]) == "Kerkstraat 1, 1011 AA Amsterdam, Nederland"
    start, end = timed.decoded("dtstart"), timed.decoded("dtend")
    assert start == dt.datetime(2026, 11, 10, 9, 30) and start.tzinfo is None  # floating local time
    assert end - start == dt.timedelta(minutes=45)
    assert "Meet: Ans Bakker (Eigenaar, Decision maker)" in str(timed["description"])
    assert timed["geo"].latitude == pytest.approx(52.37)
    # a stop without time is an all-day entry; without address it has no location
    assert untimed.decoded("dtstart") == TUESDAY and "location" not in untimed


def test_uids_are_stable_per_visit(db, week):
    first = [str(e["uid"]) for e in _events(visits_calendar(db, first=TUESDAY, last=TUESDAY))]
    plan = visits.day_plan(db, day=TUESDAY)
    visits.reorder_stops(db, day=TUESDAY, visit_ids=[s.id for s in reversed(plan.stops)])
    again = [str(e["uid"]) for e in _events(visits_calendar(db, first=TUESDAY, last=TUESDAY))]
    assert sorted(first) == sorted(again) and len(set(first)) == 2


def test_week_export_with_a_time_zone(db, week, tmp_path):
    assert week_of(dt.date(2026, 11, 12)) == (MONDAY, MONDAY + dt.timedelta(days=6))
    path = write_visits_ics(db, day=dt.date(2026, 11, 12), week=True, path=tmp_path / "week.ics", tz="Europe/Amsterdam")
    cal = Calendar.from_ical(path.read_bytes())
    events = list(cal.walk("VEVENT"))
    assert len(events) == 2  # next week's visit is not in this week
    start = events[0].decoded("dtstart")
    assert start.utcoffset() == dt.timedelta(hours=1)  # CET in November
    assert [str(t["tzid"]) for t in cal.walk("VTIMEZONE")] == ["Europe/Amsterdam"]


def test_bad_input(db, week, tmp_path):
    with pytest.raises(ValidationError, match="not a time zone"):
        visits_calendar(db, first=TUESDAY, last=TUESDAY, tz="Mars/Olympus")
    with pytest.raises(ValidationError, match="No visits planned on 11 Nov 2026"):  # the day as the firm writes it
        visits_calendar(db, first=TUESDAY + dt.timedelta(days=1), last=TUESDAY + dt.timedelta(days=1))
    with pytest.raises(ValidationError, match="No visits planned from 1 Dec 2026 to 7 Dec 2026"):
        visits_calendar(db, first=dt.date(2026, 12, 1), last=dt.date(2026, 12, 7))
    with pytest.raises(ValidationError, match="does not exist"):
        write_visits_ics(db, day=TUESDAY, path=tmp_path / "nope" / "x.ics")


def test_dutch_firm_gets_dutch_entries(db, week):
    update_settings(db, language="nl")
    timed = _events(visits_calendar(db, first=TUESDAY, last=TUESDAY))[0]
    assert str(timed["summary"]) == "Bezoek: Bakkerij <De Zon> & Co"
    assert "Spreken: Ans Bakker (Eigenaar, Beslisser)" in str(timed["description"])
