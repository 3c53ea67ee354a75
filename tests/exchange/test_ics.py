"""Calendar export: parsed back with icalendar, yearly rules expanded the way a calendar app does."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import icalendar
import pytest
from dateutil.rrule import rrulestr

from relationapp.exchange.ics import export_calendar
from relationapp.services.common.settings import update_settings
from relationapp.services.customers import accounts, people
from relationapp.services.touches import follow_ups

TODAY = dt.date(2026, 6, 15)


def events_of(path) -> dict[str, icalendar.Event]:
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    assert str(cal["VERSION"]) == "2.0" and "relationapp" in str(cal["PRODID"])
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def occurrences(event, years=range(2025, 2034)) -> list[dt.date]:
    start = event.decoded("DTSTART")
    rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=dt.datetime.combine(start, dt.time()))
    return [d.date() for d in rule.between(dt.datetime(years.start, 1, 1), dt.datetime(years.stop, 1, 1), inc=True)]


@pytest.fixture
def firm(db):
    account = accounts.create_account(db, name="Vos & Zn.", stage="customer", customer_since=dt.date(2019, 3, 4))
    jan = people.create_person(db, name="Jan Vos", account_id=account.id, birthday_day=17, birthday_month=6, birthday_year=1976)
    lena = people.create_person(db, name="Lena Leap", account_id=account.id, birthday_day=29, birthday_month=2)
    people.create_person(db, name="Do Not", account_id=account.id, birthday_day=1, birthday_month=5, do_not_contact=True)
    follow_up = follow_ups.create_follow_up(db, title="Send the quote", due_on=dt.date(2026, 6, 20), person_id=jan.id)
    return dict(db=db, account=account, jan=jan, lena=lena, follow_up=follow_up)


def test_events_are_valid_all_day_events(firm, tmp_path):
    path = tmp_path / "relationapp.ics"
    count = export_calendar(firm["db"], path=path, today=TODAY)
    events = events_of(path)
    assert count == len(events) == 4  # follow-up, two birthdays, customer-since (not the do-not-contact person)
    for event in events.values():
        assert "DTSTAMP" in event and str(event["UID"]).endswith("@relationapp.local")
        assert event["DTSTART"].params.get("VALUE") == "DATE"
        assert event.decoded("DTEND") - event.decoded("DTSTART") == dt.timedelta(days=1)
    quote = events[f"follow-up-{firm['follow_up'].id}@relationapp.local"]
    assert quote.decoded("DTSTART") == dt.date(2026, 6, 20) and "RRULE" not in quote
    assert "Send the quote (Jan Vos, Vos & Zn.)" == str(quote["SUMMARY"])


def test_birthdays_and_anniversaries_repeat_every_year(firm, tmp_path):
    path = tmp_path / "c.ics"
    export_calendar(firm["db"], path=path, today=TODAY)
    events = events_of(path)
    jan = events[f"birthday-person-{firm['jan'].id}@relationapp.local"]
    assert occurrences(jan) == [dt.date(y, 6, 17) for y in range(2025, 2034)]
    since = events[f"customer-since-account-{firm['account'].id}@relationapp.local"]
    assert occurrences(since) == [dt.date(y, 3, 4) for y in range(2025, 2034)]
    assert str(since["TRANSP"]) == "TRANSPARENT"


@pytest.mark.parametrize(("setting", "other_years"), [("feb28", (2, 28)), ("mar1", (3, 1))])
def test_feb29_fires_once_every_year(firm, tmp_path, setting, other_years):
    update_settings(firm["db"], feb29_birthdays_on=setting)
    path = tmp_path / "c.ics"
    export_calendar(firm["db"], path=path, today=TODAY)
    lena = events_of(path)[f"birthday-person-{firm['lena'].id}@relationapp.local"]
    expected = [dt.date(y, 2, 29) if y % 4 == 0 else dt.date(y, *other_years) for y in range(2025, 2034)]
    assert occurrences(lena) == expected


def test_cli_export_and_bad_path(firm, tmp_path):
    from relationapp.services.common.settings import update_settings

    path = tmp_path / "out.ics"
    update_settings(firm["db"], language="en")  # the command line speaks the firm's language
    db_path = str(firm["db"].path)
    ok = subprocess.run([sys.executable, "-m", "relationapp", "--db", db_path, "calendar", "export", str(path)],
                        capture_output=True, text=True)
    assert ok.returncode == 0 and path.exists() and "4 events" in ok.stderr
    bad = subprocess.run([sys.executable, "-m", "relationapp", "--db", db_path, "calendar", "export",
                          str(tmp_path / "missing" / "out.ics")], capture_output=True, text=True)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1
    assert not (tmp_path / "missing").exists()
