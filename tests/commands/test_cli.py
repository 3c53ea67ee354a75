"""The command line: exit codes, one-line errors, JSON shape."""

import json
import subprocess
import sys

import pytest

from relationapp.__main__ import main


def run(*args, check_code=0):
    proc = subprocess.run([sys.executable, "-m", "relationapp", *args], capture_output=True, text=True)
    assert proc.returncode == check_code, proc.stderr
    return proc


def test_version_and_help():
    assert "relationapp" in run("--version").stdout
    assert "accounts" in run("--help").stdout


def test_demo_then_accounts_list_json(tmp_path, capsys):
    db = str(tmp_path / "demo.db")
    assert main(["--db", db, "demo"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "accounts", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 150
    assert {"id", "name", "stage", "city"} <= set(rows[0])
    assert isinstance(rows[0]["id"], int)


def test_demo_refuses_a_database_with_data(tmp_path, capsys):
    db = str(tmp_path / "demo.db")
    assert main(["--db", db, "demo"]) == 0
    assert main(["--db", db, "demo"]) == 2
    err = capsys.readouterr().err
    assert "--force" in err and "Traceback" not in err
    assert main(["--db", db, "demo", "--force", "--seed", "3"]) == 0


def test_demo_has_a_feb_29_birthday(tmp_path, capsys):
    from relationapp.services.customers.people import list_person_ids, person_rows
    from relationapp.services.data_care.opening import open_database

    db_path = str(tmp_path / "demo.db")
    main(["--db", db_path, "demo"])
    db = open_database(db_path)
    rows = person_rows(db, ids=list_person_ids(db))
    db.dispose()
    assert 350 <= len(rows) <= 450
    assert any(r.birthday and r.birthday.startswith("29 Feb") for r in rows)


def test_bad_database_file_gives_one_line_and_exit_2(tmp_path):
    path = tmp_path / "junk.db"
    path.write_text("not a database")
    proc = run("--db", str(path), "accounts", "list", check_code=2)
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert path.read_text() == "not a database"


def test_unknown_command_is_exit_2():
    proc = run("frobnicate", check_code=2)
    assert proc.stderr.count("\n") == 1


def test_db_env_var_is_used(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("RELATIONAPP_DB_URL", str(tmp_path / "env.db"))
    assert main(["demo"]) == 0
    assert (tmp_path / "env.db").exists()


def test_default_database_lives_in_user_data_dir(isolated_user_dirs, capsys):
    from relationapp import config

    assert main(["accounts", "list"]) == 0
    assert config.default_db_path().exists()
    assert str(config.default_db_path()).startswith(str(isolated_user_dirs))


@pytest.mark.parametrize("args", [["accounts", "show", "999"], ["accounts", "list", "--stage", "hot"]])
def test_bad_input_exit_2(tmp_path, args):
    run("--db", str(tmp_path / "x.db"), *args, check_code=2)
