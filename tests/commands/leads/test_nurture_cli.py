"""relationapp nurture / content on the command line; bad input = one line + exit 2."""

from __future__ import annotations

import json

from tests.commands.leads.running import run_cli


def test_content_track_enrol_due_and_sent(db, capsys):
    from relationapp.services.customers.accounts import create_account
    from relationapp.services.customers.people import create_person

    account = create_account(db, name="Koelhuis Jansen", stage="mql")
    anna = create_person(db, name="Anna Jansen", account_id=account.id, consent_date="2026-01-15").id
    path = str(db.path)
    code, out, _ = run_cli(capsys, "--db", path, "content", "add", "Ten questions before you buy", "--kind", "whitepaper",
                        "--url", "https://example.com/10", "--topics", "cooling", "--language", "en", "--json")
    first = json.loads(out)["id"]
    assert code == 0
    code, out, _ = run_cli(capsys, "--db", path, "content", "add", "Case: Bakkerij Vos", "--kind", "case_study")
    assert code == 0 and "added" in out
    code, out, _ = run_cli(capsys, "--db", path, "content", "list", "--kind", "whitepaper", "--json")
    assert code == 0 and [c["title"] for c in json.loads(out)] == ["Ten questions before you buy"]
    code, out, _ = run_cli(capsys, "--db", path, "content", "list")
    assert code == 0 and "Case study" in out and "Whitepaper" in out
    second = first + 1
    code, out, _ = run_cli(capsys, "--db", path, "nurture", "track-add", "Cold stores", "--step", f"{first}:0",
                        "--step", f"{second}:14")
    assert code == 0 and "2 steps" in out
    code, out, _ = run_cli(capsys, "--db", path, "nurture", "tracks", "--json")
    track = json.loads(out)[0]
    assert code == 0 and [s["wait_days"] for s in track["steps"]] == [0, 14]
    code, out, _ = run_cli(capsys, "--db", path, "nurture", "enrol", "Koelhuis Jansen", "--track", "cold stores",
                        "--date", "2026-10-01", "--json")
    enrolment = json.loads(out)["id"]
    assert code == 0 and json.loads(out)["next_due_on"] == "2026-10-01"
    code, out, _ = run_cli(capsys, "--db", path, "nurture", "due", "--date", "2026-10-05", "--json")
    due = json.loads(out)
    assert code == 0 and [(d["enrolment_id"], d["person_id"], d["days_late"]) for d in due] == [(enrolment, anna, 4)]
    code, out, _ = run_cli(capsys, "--db", path, "nurture", "due", "--date", "2026-10-05")
    assert code == 0 and "Ten questions before you buy" in out and "Anna Jansen" in out
    code, out, _ = run_cli(capsys, "--db", path, "nurture", "sent", str(enrolment), "--person", str(anna),
                        "--date", "2026-10-05")
    assert code == 0 and "Logged 'Ten questions before you buy'" in out and "Next content due" in out
    code, out, _ = run_cli(capsys, "--db", path, "nurture", "due", "--date", "2026-10-06", "--json")
    assert code == 0 and json.loads(out) == []


def test_bad_input_is_one_line_and_exit_2(db, capsys):
    path = str(db.path)
    code, out, err = run_cli(capsys, "--db", path, "content", "add", " ", "--kind", "article")
    assert code == 2 and "Title cannot be empty" in err and err.count("\n") == 1 and out == ""
    code, _, err = run_cli(capsys, "--db", path, "content", "add", "Video", "--url", "www.example.com")
    assert code == 2 and "not a web address" in err and err.count("\n") == 1
    code, _, err = run_cli(capsys, "--db", path, "nurture", "track-add", "T", "--step", "12")
    assert code == 2 and "CONTENT_ID:DAYS" in err and err.count("\n") == 1
    code, _, err = run_cli(capsys, "--db", path, "content", "add", "Video", "--kind", "video")
    code, _, err = run_cli(capsys, "--db", path, "nurture", "track-add", "T", "--step", "1:-5")
    assert code == 2 and "Step 1: the days to wait cannot be negative" in err and err.count("\n") == 1
    code, out, _ = run_cli(capsys, "--db", path, "nurture", "tracks", "--json")
    assert json.loads(out) == []
    code, _, err = run_cli(capsys, "--db", path, "nurture", "due", "--date", "2026-13-01")
    assert code == 2 and "not a valid date" in err
    code, _, err = run_cli(capsys, "--db", path, "nurture", "sent", "99", "--person", "1")
    assert code == 2 and "does not exist" in err and err.count("\n") == 1
