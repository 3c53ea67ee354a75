"""relationapp log: who changed what, newest first."""

from __future__ import annotations

import json

from relationapp.__main__ import main
from relationapp.services.common.settings import update_settings
from relationapp.services.customers import accounts
from relationapp.services.customers.staff import create_staff


def test_log_names_who_made_each_change_newest_first(db, capsys):
    anna = create_staff(db, name="Anna Visser")
    update_settings(db, current_staff_id=anna.id)
    accounts.create_account(db, name="Jansen")
    assert main(["--db", str(db.path), "log", "--json"]) == 0
    newest, settings, staff = json.loads(capsys.readouterr().out)
    assert newest["staff"] == "Anna Visser" and newest["kinds"] == ["accounts"]
    assert settings["kinds"] == ["settings"] and staff["staff"] is None and staff["kinds"] == ["staff"]
    assert newest["seq"] > settings["seq"] > staff["seq"] and newest["at"].endswith("Z")

    assert main(["--db", str(db.path), "log"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["when", "who", "what"]
    assert "Anna Visser" in lines[1] and lines[1].rstrip().endswith("accounts")


def test_since_a_day_to_come_shows_nothing_and_a_bad_day_is_one_line(db, capsys):
    accounts.create_account(db, name="Jansen")
    assert main(["--db", str(db.path), "log", "--since", "2999-01-01"]) == 0
    assert "No changes logged since" in capsys.readouterr().out
    assert main(["--db", str(db.path), "log", "--since", "2026-13-01"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "2026-13-01" in err[0]
