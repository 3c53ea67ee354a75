"""Follow-ups, planned visits and personal dates <-> CalDAV calendars on a real server (Radicale)."""

from __future__ import annotations

import datetime as dt
import time

from zoneinfo import ZoneInfo

import icalendar
import pytest
import sqlalchemy as sa

from relationapp.data.models import FollowUp, PlannedVisit
from relationapp.exchange.dav.run import sync_now
from relationapp.reports.visits.visits_ics import visit_descriptions
from relationapp.services.customers.accounts import create_account
from relationapp.services.customers.people import create_person
from relationapp.services.touches.follow_ups import complete_follow_up, create_follow_up

DAY = dt.date(2026, 12, 10)


def one(dav, collection: str) -> tuple[str, str]:
    (name, text), = dav.items(collection).items()
    return name, text


def test_follow_ups_become_tasks_with_an_alarm_and_come_back_ticked_off(synced, dav):
    db = synced
    account = create_account(db, name="Bakkerij Boon")
    follow_up = create_follow_up(db, account_id=account.id, title="Offerte nabellen", due_on=DAY)

    assert sync_now(db, kinds=("tasks",)).ok

    name, text = one(dav, "tasks")
    assert "BEGIN:VTODO" in text and "SUMMARY:Offerte nabellen" in text and "DUE;VALUE=DATE:20261210" in text
    assert "BEGIN:VALARM" in text and "TRIGGER;RELATED=END:PT9H" in text
    # ticked off on the phone, and its alarm moved there: done here, the phone's alarm kept
    phone = text.replace("STATUS:NEEDS-ACTION", "STATUS:COMPLETED\r\nCOMPLETED:20261211T100000Z").replace(
        "PT9H", "PT8H")
    dav.put("tasks", name, phone)
    assert sync_now(db, kinds=("tasks",)).ok
    with db.read() as session:
        assert session.get(FollowUp, follow_up.id).done_on == dt.date(2026, 12, 11)
    assert "PT8H" in one(dav, "tasks")[1]
    assert not any(k.changed_anything for k in sync_now(db, kinds=("tasks",)).kinds)


def test_a_follow_up_done_in_the_app_is_ticked_off_on_the_phone(synced, dav):
    db = synced
    account = create_account(db, name="Bakkerij Boon")
    follow_up = create_follow_up(db, account_id=account.id, title="Offerte nabellen", due_on=DAY)
    sync_now(db, kinds=("tasks",))
    complete_follow_up(db, follow_up_id=follow_up.id, done_on=DAY)

    sync_now(db, kinds=("tasks",))

    assert "STATUS:COMPLETED" in one(dav, "tasks")[1]


def _visit(db, account_id: int) -> int:
    with db.write() as session:
        visit = PlannedVisit(account_id=account_id, planned_on=DAY, start_time=dt.time(10, 0), duration_minutes=45,
                             notes="Nieuwe oven bespreken")
        session.add(visit)
        session.flush()
        return visit.id


def test_a_planned_visit_is_an_event_and_moved_on_the_phone_it_moves_here(synced, dav):
    db = synced
    account = create_account(db, name="Bakkerij Boon", street="Dorpsstraat 1", postcode="1234 AB", city="Hoorn")
    create_person(db, name="Kees Boon", account_id=account.id)
    visit_id = _visit(db, account.id)

    assert sync_now(db, kinds=("visits",), describe_visits=visit_descriptions).ok

    name, text = one(dav, "visits")
    unfolded = text.replace("\r\n ", "")
    assert "SUMMARY:Visit: Bakkerij Boon" in unfolded and "Dorpsstraat 1" in unfolded
    assert "DTSTART:20261210T100000" in unfolded
    assert "Kees Boon" in unfolded and "Nieuwe oven bespreken" in unfolded  # the briefing's summary
    dav.put("visits", name, text.replace("DTSTART:20261210T100000", "DTSTART:20261211T140000")
            .replace("DTEND:20261210T104500", "DTEND:20261211T150000"))

    assert sync_now(db, kinds=("visits",), describe_visits=visit_descriptions).ok

    with db.read() as session:
        visit = session.get(PlannedVisit, visit_id)
        assert (visit.planned_on, visit.start_time, visit.duration_minutes) == (dt.date(2026, 12, 11),
                                                                                 dt.time(14, 0), 60)
    assert "Dorpsstraat 1" in one(dav, "visits")[1].replace("\r\n ", "")


@pytest.fixture
def amsterdam(monkeypatch):
    """This computer's clock in Amsterdam (winter: UTC+1), as the firm's laptops are."""
    monkeypatch.setenv("TZ", "Europe/Amsterdam")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_visit_moved_on_a_phone_in_a_time_zone_lands_on_this_computers_clock(synced, dav, amsterdam):
    db = synced
    account = create_account(db, name="Bakkerij Boon")
    visit_id = _visit(db, account.id)
    sync_now(db, kinds=("visits",))
    name, _text = one(dav, "visits")

    def moved_to(start: dt.datetime, minutes: int) -> tuple:
        cal = icalendar.Calendar.from_ical(one(dav, "visits")[1])
        event = next(iter(cal.walk("VEVENT")))
        for key in ("DTSTART", "DTEND"):
            event.pop(key)
        event.add("dtstart", start)
        event.add("dtend", start + dt.timedelta(minutes=minutes))
        dav.put("visits", name, cal.to_ical().decode())
        assert sync_now(db, kinds=("visits",)).ok
        with db.read() as session:
            visit = session.get(PlannedVisit, visit_id)
            return visit.planned_on, visit.start_time, visit.duration_minutes

    # iOS writes the phone's zone; Google's server writes UTC: both are the Amsterdam wall-clock time here
    assert moved_to(dt.datetime(2026, 12, 11, 14, 0, tzinfo=ZoneInfo("Europe/Amsterdam")), 60) == (
        dt.date(2026, 12, 11), dt.time(14, 0), 60)
    assert moved_to(dt.datetime(2026, 12, 14, 23, 30, tzinfo=dt.timezone.utc), 90) == (
        dt.date(2026, 12, 15), dt.time(0, 30), 90)


def test_an_event_without_a_start_is_reported_and_left(synced, dav):
    db = synced
    account = create_account(db, name="Bakkerij Boon")
    _visit(db, account.id)
    sync_now(db, kinds=("visits",))
    name, text = one(dav, "visits")
    startless = "\r\n".join(line for line in text.split("\r\n") if not line.startswith(("DTSTART", "DTEND")))
    # Radicale refuses it on PUT; another program left it in its folder
    (dav.root / "storage" / "collection-root" / dav.user / "visits" / name).write_bytes(startless.encode())

    summary = sync_now(db, kinds=("visits",))

    assert summary.ok, summary.failures
    problems = summary.kinds[0].problems
    with db.read() as session:
        assert session.execute(sa.select(PlannedVisit.planned_on)).scalar() == DAY  # nothing lost here
    if "Skip broken item" not in dav.log():  # the server gave it to us: reported, left as it is
        assert any("no start" in p for p in problems)
        assert (dav.root / "storage" / "collection-root" / dav.user / "visits" / name).read_bytes() == startless.encode()


def test_birthdays_and_anniversaries_are_yearly_with_a_reminder(synced, dav):
    db = synced
    create_person(db, name="Anna de Boer", birthday_day=14, birthday_month=3)

    assert sync_now(db, kinds=("dates",)).ok

    _name, text = one(dav, "dates")
    assert "SUMMARY:Birthday: Anna de Boer" in text and "RRULE:FREQ=YEARLY" in text
    assert "DTSTART;VALUE=DATE:20000314" in text and "BEGIN:VALARM" in text
    assert not any(k.changed_anything for k in sync_now(db, kinds=("dates",)).kinds)
