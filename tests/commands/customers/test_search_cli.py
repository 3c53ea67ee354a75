"""relationapp search: the same hits as Find anyone, folded letters included; bad input is one line, exit 2."""

from __future__ import annotations

import json

from relationapp.services.customers.accounts import create_account
from relationapp.services.customers.people import create_person
from relationapp.services.customers.search import search
from tests.commands.leads.running import run_cli


def _firm(db):
    account = create_account(db, name="Bakkerij Yılmaz", city="Tilburg")
    create_person(db, name="Esra Yılmaz", account_id=account.id, email="esra@example.nl")
    create_person(db, name="Jan Jansen", account_id=account.id)
    return account


def test_search_json_equals_find_anyone_and_plain_letters_find_the_turkish_i(db, capsys):
    _firm(db)
    code, out, err = run_cli(capsys, "--db", str(db.path), "search", "Yilmaz", "--json")
    assert code == 0, err
    hits = json.loads(out)
    assert [(h["kind"], h["name"]) for h in hits] == [("account", "Bakkerij Yılmaz"), ("person", "Esra Yılmaz")]
    assert [h["id"] for h in hits] == [h.id for h in search(db, text="Yilmaz")]


def test_search_prints_a_table_or_says_nothing_was_found(db, capsys):
    _firm(db)
    code, out, _err = run_cli(capsys, "--db", str(db.path), "search", "esra", "yil")
    assert code == 0 and "Esra Yılmaz" in out and "Bakkerij Yılmaz" in out  # the person's account beside them
    code, out, _err = run_cli(capsys, "--db", str(db.path), "search", "Lukasz")
    assert code == 0 and out.strip() == "Nothing found for 'Lukasz'."


def test_bad_input_is_one_line_and_exit_2(db, capsys):
    code, out, err = run_cli(capsys, "--db", str(db.path), "search", "  ")
    assert code == 2 and err.strip().count("\n") == 0 and "Type something" in err
    code, out, err = run_cli(capsys, "--db", str(db.path), "search", "x", "--limit", "0")
    assert code == 2 and "--limit" in err
