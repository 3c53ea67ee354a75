"""relationapp referrals / nps on the command line: output shape, bad input = one line + exit 2."""

from __future__ import annotations

import json

from relationapp.__main__ import main


def _run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_nps_add_and_report(demo_db, capsys):
    db = str(demo_db.path)
    code, out, _ = _run(capsys, "--db", db, "nps", "add", "1", "3", "--comment", "Too slow", "--date", "2026-11-20")
    assert code == 0 and "detractor" in out and "Follow-up added: Call back" in out
    code, out, _ = _run(capsys, "--db", db, "nps", "--quarter", "2026Q4", "--json")
    report = json.loads(out)
    assert code == 0 and report["period"] == "2026Q4" and report["start"] == "2026-10-01"
    assert isinstance(report["overall"]["nps"], int) and report["by_quarter"][-1]["label"] == "2026Q4"
    code, out, _ = _run(capsys, "--db", db, "nps", "--quarter", "1990Q1")
    assert code == 0 and "no scores yet" in out


def test_nps_bad_input_is_one_line_and_exit_2(demo_db, capsys):
    db = str(demo_db.path)
    for args in (("nps", "add", "1", "11"), ("nps", "--quarter", "2026Q7"), ("nps", "add", "999999", "5")):
        code, out, err = _run(capsys, "--db", db, *args)
        assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err, args


def test_referrals_ledger_json_and_circle_refused(demo_db, capsys):
    db = str(demo_db.path)
    code, out, _ = _run(capsys, "--db", db, "referrals", "--json")
    ledger = json.loads(out)
    assert code == 0 and ledger["referrals"]
    first = ledger["referrals"][0]
    assert isinstance(first["id"], int) and first["credited_lifetime"].count(".") == 1
    # the referrer's account cannot in turn have been introduced by the account it introduced
    code, _, err = _run(capsys, "--db", db, "referrals", "add", str(first["referrer_account_id"]),
                        "--by", str(_person_of(db, first["referred_account_id"])))
    assert code == 2 and "circle" in err


def _person_of(db_path, account_id):
    from relationapp.services.customers import people
    from relationapp.services.data_care.opening import open_database

    db = open_database(db_path)
    try:
        return people.people_of_account(db, account_id=account_id)[0].id
    finally:
        db.dispose()
