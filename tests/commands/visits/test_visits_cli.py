"""relationapp visits on the command line: due list, briefing and calendar files, bad input = one line + exit 2."""

from __future__ import annotations

import datetime as dt
import json

from icalendar import Calendar
from pypdf import PdfReader

from relationapp.__main__ import main


def _run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_due_brief_and_ics(demo_db, capsys, tmp_path):
    db = str(demo_db.path)
    code, out, _ = _run(capsys, "--db", db, "visits", "due", "--date", "2026-11-22", "--json")
    rows = json.loads(out)
    assert code == 0 and rows and {"account_id", "name", "value_at_stake", "due_on", "tier"} <= set(rows[0])
    city = rows[0]["city"]
    code, out, _ = _run(capsys, "--db", db, "visits", "due", "--date", "2026-11-22", "--city", city, "--json")
    assert code == 0 and {r["city"] for r in json.loads(out)} == {city}
    code, out, _ = _run(capsys, "--db", db, "visits", "day", "--date", "2026-11-23", "--json")
    stops = json.loads(out)["stops"]
    assert code == 0 and len(stops) >= 3

    pdf = tmp_path / "brief.pdf"
    code, _, err = _run(capsys, "--db", db, "visits", "brief", "--date", "2026-11-23", "-o", str(pdf))
    assert code == 0 and "Briefing written" in err
    assert len(PdfReader(pdf).pages) == len(stops)
    ics = tmp_path / "week.ics"
    code, _, _ = _run(capsys, "--db", db, "visits", "ics", "--date", "2026-11-23", "--week", "-o", str(ics))
    events = list(Calendar.from_ical(ics.read_bytes()).walk("VEVENT"))
    assert code == 0 and len(events) > len(stops)


def test_bad_input_is_one_line_and_exit_2(demo_db, capsys, tmp_path):
    db = str(demo_db.path)
    for args in (("visits", "due", "--owner", "Nobody Here"), ("visits", "brief", "--date", "2026-02-30", "-o", "x.pdf"),
                 ("visits", "ics", "--date", "2026-11-22", "-o", str(tmp_path / "x.ics")),
                 ("visits", "ics", "--date", "2026-11-23", "--tz", "Nowhere/City", "-o", str(tmp_path / "x.ics"))):
        code, out, err = _run(capsys, "--db", db, *args)
        assert code == 2 and out == "" and len(err.strip().splitlines()) == 1, args
    assert not (tmp_path / "x.ics").exists()


def test_plan_route_log_and_remove_from_the_command_line(db, capsys):
    from relationapp.services.customers.accounts import create_account

    path = str(db.path)
    today = dt.date.today().isoformat()
    for name, lon in (("East", 5.5), ("West", 4.0), ("Middle", 4.7)):
        create_account(db, name=name, stage="customer", latitude=52.0, longitude=lon)
    for name in ("East", "West", "Middle"):
        code, _, _ = _run(capsys, "--db", path, "visits", "plan", name, "--date", today)
        assert code == 0
    code, _, err = _run(capsys, "--db", path, "visits", "plan", "West", "--date", today, "--time", "09:30")
    assert code == 2 and "already planned" in err
    code, out, _ = _run(capsys, "--db", path, "visits", "route", "--date", today, "--json")
    stops = json.loads(out)["stops"]
    assert code == 0 and [s["account"] for s in stops] == ["East", "Middle", "West"]
    code, out, _ = _run(capsys, "--db", path, "visits", "log", str(stops[0]["id"]), "--notes", "Good talk")
    assert code == 0 and "Logged the visit to East" in out
    code, _, err = _run(capsys, "--db", path, "visits", "log", str(stops[0]["id"]))
    assert code == 2 and "logged already" in err
    code, _, _ = _run(capsys, "--db", path, "visits", "remove", str(stops[1]["id"]))
    code, out, _ = _run(capsys, "--db", path, "visits", "day", "--date", today, "--json")
    assert [(s["account"], s["status"]) for s in json.loads(out)["stops"]] == [("East", "done"), ("West", "planned")]


def test_own_stops_by_default_staff_everyone_and_route_times(db, capsys):
    from relationapp.services.common.settings import update_settings
    from relationapp.services.customers.accounts import create_account
    from relationapp.services.customers.staff import create_staff

    path, day = str(db.path), "2026-11-10"
    anna, bob = create_staff(db, name="Anna Manager"), create_staff(db, name="Bob Manager")
    for name, lon, owner in (("Far", 4.9, anna), ("Near", 4.1, anna), ("Bobs", 4.5, bob)):
        create_account(db, name=name, stage="customer", latitude=52.0, longitude=lon, owner_id=owner.id)
        assert _run(capsys, "--db", path, "visits", "plan", name, "--date", day)[0] == 0

    def accounts(*args):
        code, out, err = _run(capsys, "--db", path, "visits", *args, "--json")
        assert code == 0, err
        return [s["account"] for s in json.loads(out)["stops"]], err

    assert accounts("day", "--date", day)[0] == ["Far", "Near", "Bobs"]  # "I am" not set: everyone's
    update_settings(db, current_staff_id=anna.id)
    mine, note = accounts("day", "--date", day)
    assert mine == ["Far", "Near"] and "Anna Manager" in note and "--everyone" in note
    assert accounts("day", "--date", day, "--staff", "Bob")[0] == ["Bobs"]
    assert accounts("day", "--date", day, "--everyone")[0] == ["Far", "Near", "Bobs"]

    code, out, _ = _run(capsys, "--db", path, "visits", "route", "--date", day, "--start", "08:00", "--json")
    stops = json.loads(out)["stops"]
    assert code == 0 and [s["account"] for s in stops] == ["Far", "Near"]  # from the first stop
    assert [s["start_time"] for s in stops] == ["08:00:00", "10:15:00"]  # 60 minutes, then a drive of about 75
    assert [s["drive_minutes"] for s in stops] == [None, 75]
    code, out, _ = _run(capsys, "--db", path, "visits", "day", "--date", day)
    assert code == 0 and "~75 min, 71 km" in out
    code, _, err = _run(capsys, "--db", path, "visits", "route", "--date", day, "--start", "late")
    assert code == 2 and "not a time" in err
