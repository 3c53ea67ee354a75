"""`relationapp staff`: a fresh firm adds its staff and says who "I am" is from the command line too."""

import json

from relationapp.__main__ import main


def test_add_list_me_leave_and_return(db_path, capsys):
    base = ["--db", str(db_path), "--create"]
    assert main([*base, "staff", "add", "Anna Jansen", "--hourly-cost", "45.50", "--me"]) == 0
    assert main([*base, "staff", "add", "Bram de Vries", "--email", "bram@example.nl"]) == 0
    capsys.readouterr()
    assert main([*base, "staff", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["name"], r["me"], r["hourly_cost"]) for r in rows] == [("Anna Jansen", True, "45.50"),
                                                                      ("Bram de Vries", False, None)]
    assert main([*base, "staff", "me", "Bram"]) == 0
    assert "Bram de Vries" in capsys.readouterr().out
    assert main([*base, "staff", "leave", "Bram"]) == 0
    assert main([*base, "staff", "list", "--json"]) == 0
    assert [r["name"] for r in json.loads(capsys.readouterr().out.split("\n", 1)[1])] == ["Anna Jansen"]
    assert main([*base, "staff", "me"]) == 0
    assert "Nobody" in capsys.readouterr().out  # who left is no longer "I am"
    assert main([*base, "staff", "return", "Bram"]) == 0
    assert main([*base, "staff", "edit", "Bram", "--name", "Bram van Dijk"]) == 0
    assert "Bram van Dijk" in capsys.readouterr().out


def test_bad_input_is_one_line(db_path, capsys):
    base = ["--db", str(db_path), "--create"]
    assert main([*base, "staff", "add", "Anna", "--hourly-cost", "veel"]) == 2
    assert main([*base, "staff", "edit", "Nobody", "--name", "X"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 2 and "Traceback" not in err


def test_a_password_is_read_from_stdin_never_from_the_command_line(db_path, capsys, monkeypatch):
    import io

    from relationapp.data.db import Database
    from relationapp.services.customers import sign_in

    base = ["--db", str(db_path), "--create"]
    assert main([*base, "staff", "add", "Anna Jansen"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("correct horse\n"))
    assert main([*base, "staff", "password", "Anna", "--password-stdin"]) == 0
    assert "Anna Jansen has a new password." in capsys.readouterr().out
    monkeypatch.setenv("RELATIONAPP_PASSWORD", "correct horse")
    assert main([*base, "--sign-in", "Anna Jansen", "staff", "list", "--json"]) == 0
    assert [(r["name"], r["password"]) for r in json.loads(capsys.readouterr().out)] == [("Anna Jansen", True)]
    db = Database(str(db_path))
    try:
        assert sign_in.sign_in(db, name_or_email="Anna Jansen", password="correct horse").name == "Anna Jansen"
    finally:
        db.dispose()
    monkeypatch.setenv("RELATIONAPP_PASSWORD", "correct horse")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # not a terminal, no --password-stdin: refused, no prompt
    assert main([*base, "--sign-in", "Anna Jansen", "staff", "password", "Anna"]) == 2
    assert "--password-stdin" in capsys.readouterr().err


def test_once_someone_has_a_password_every_command_signs_in(db_path, capsys, monkeypatch):
    import io

    base = ["--db", str(db_path), "--create"]
    assert main([*base, "staff", "add", "Anna Jansen"]) == 0
    assert main([*base, "staff", "add", "Bram de Vries", "--me"]) == 0
    assert main([*base, "--sign-in", "Anna Jansen", "accounts", "list"]) == 2  # nobody has a password yet
    assert "staff password" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("correct horse\n"))
    assert main([*base, "staff", "password", "Anna", "--password-stdin"]) == 0
    capsys.readouterr()
    assert main([*base, "accounts", "list"]) == 2
    assert "--sign-in" in capsys.readouterr().err
    monkeypatch.setenv("RELATIONAPP_PASSWORD", "wrong horse")
    assert main([*base, "--sign-in", "anna jansen", "staff", "add", "Carla Bos"]) == 2
    err = capsys.readouterr().err
    assert err == "relationapp: Wrong name or password.\n"
    monkeypatch.setenv("RELATIONAPP_PASSWORD", "correct horse")
    assert main([*base, "--sign-in", "anna jansen", "staff", "add", "Carla Bos"]) == 0
    assert main([*base, "--sign-in", "anna jansen", "staff", "me"]) == 0
    assert "You are Anna Jansen." in capsys.readouterr().out  # not Bram, the setting "I am"
    assert main([*base, "--sign-in", "anna jansen", "log", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["staff"] == "Anna Jansen"


def test_only_a_manager_sets_anothers_password_and_the_owner_resets_a_forgotten_one(db_path, capsys, monkeypatch):
    import io

    base = ["--db", str(db_path), "--create"]
    for name in ("Anna Jansen", "Bram de Vries"):
        assert main([*base, "staff", "add", name]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("correct horse\n"))
    assert main([*base, "staff", "password", "Anna", "--password-stdin"]) == 0  # the first: she manages staff
    monkeypatch.setenv("RELATIONAPP_PASSWORD", "correct horse")
    monkeypatch.setattr("sys.stdin", io.StringIO("bram's own\n"))
    assert main([*base, "--sign-in", "Anna Jansen", "staff", "password", "Bram", "--password-stdin"]) == 0
    monkeypatch.setenv("RELATIONAPP_PASSWORD", "bram's own")
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin", io.StringIO("taken over\n"))
    assert main([*base, "--sign-in", "Bram de Vries", "staff", "password", "Anna", "--password-stdin"]) == 2
    assert capsys.readouterr().err.strip().endswith("Only a staff member who manages staff can set another's password.")
    assert main([*base, "--sign-in", "Bram de Vries", "staff", "manages", "Bram"]) == 2

    # Anna forgot hers; the owner of the file gives her a new one without signing in
    monkeypatch.delenv("RELATIONAPP_PASSWORD")
    monkeypatch.setattr("sys.stdin", io.StringIO("remembered now\n"))
    assert main([*base, "staff", "password", "Anna", "--password-stdin", "--as-database-owner"]) == 0
    monkeypatch.setenv("RELATIONAPP_PASSWORD", "remembered now")
    assert main([*base, "--sign-in", "Anna Jansen", "staff", "manages", "Bram"]) == 0
    assert "Bram de Vries manages staff." in capsys.readouterr().out
