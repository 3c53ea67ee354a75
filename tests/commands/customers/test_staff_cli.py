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
