"""relationapp leads: register, list, qualify, focus, close and the stage history from the command line."""

import json

import pytest

from relationapp.__main__ import main


@pytest.fixture
def run(db_path, capsys):
    def run(*args):
        code = main(["--db", str(db_path), "--create", *args])
        out, err = capsys.readouterr()
        return code, out, err
    return run


def test_a_lead_goes_from_registration_to_sql_with_its_history(run):
    code, out, _ = run("leads", "add", "--person", "Mila de Vries", "--organisation", "Bakkerij Vos",
                       "--source", "Vakbeurs 2026", "--source-detail", "stand 4", "--need", "Een tweede oven")
    assert code == 0 and "Bakkerij Vos" in out
    code, out, _ = run("leads", "list", "--json")
    (lead,) = json.loads(out)
    assert (lead["account"], lead["stage"], lead["source"], lead["source_detail"], lead["bant_score"]) == (
        "Bakkerij Vos", "prospect", "Vakbeurs 2026", "stand 4", 1)
    code, out, _ = run("leads", "qualify", "Bakkerij Vos", "--budget", "5000", "--timeline", "2099-03-01")
    assert code == 0 and "3 of 4" in out and "sales-qualified" in out
    code, out, _ = run("leads", "stages", "Bakkerij Vos", "--json")
    assert [s["stage"] for s in json.loads(out)] == ["prospect", "sql"]


@pytest.mark.parametrize("args, message", [
    (("leads", "add"), "name or organisation"),
    (("leads", "add", "--person", "Jan", "--email", "geen adres"), "e-mail"),
    (("leads", "qualify", "Nergens BV", "--need", "x"), "Nergens BV"),
    (("leads", "close", "1", "--reason", " "), "Say why"),
])
def test_bad_input_is_one_line_and_exit_2(run, args, message):
    run("leads", "add", "--organisation", "Eerste Lead")
    code, out, err = run(*args)
    assert code == 2 and message.lower() in err.lower() and len(err.strip().splitlines()) == 1


def test_a_past_timeline_is_refused_with_the_day_as_people_write_it(run):
    run("leads", "add", "--organisation", "Kwekerij Smit")
    code, _, err = run("leads", "qualify", "Kwekerij Smit", "--timeline", "2020-01-01")
    assert code == 2 and "1 Jan 2020 has passed" in err


def test_a_closed_lead_stays_listed_with_its_reason(run):
    run("leads", "add", "--organisation", "Fietsenwinkel De Ring")
    assert run("leads", "close", "Fietsenwinkel De Ring", "--reason", "Gekozen voor een ander")[0] == 0
    assert run("leads", "list")[1].count("De Ring") == 0
    out = run("leads", "list", "--closed")[1]
    assert "Closed lead" in out and "Gekozen voor een ander" in out


def test_focus_respects_the_limit(run, db_path):
    from relationapp.services.common.settings import update_settings
    from relationapp.services.data_care.opening import open_database

    for name in ("Lead A", "Lead B"):
        run("leads", "add", "--organisation", name)
    db = open_database(str(db_path))
    update_settings(db, focus_limit=1)
    db.dispose()
    code, out, _ = run("leads", "focus", "Lead A")
    assert code == 0 and "In focus now: 1" in out
    code, _, err = run("leads", "focus", "Lead B")
    assert code == 2 and "already has 1 lead in focus" in err
    assert run("leads", "focus", "Lead A", "--off")[0] == 0
    assert run("leads", "focus", "Lead B")[0] == 0
