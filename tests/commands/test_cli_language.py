"""The command line speaks the user's language: --help, argparse's own words and parse errors
(before any database is open), field labels and the labels of stored codes in tables."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from relationapp.__main__ import main

COMMAND = [sys.executable, "-m", "relationapp"]  # a fresh process: argparse's words are bound at start-up


def run(*args, language: str | None, **env):
    environ = {k: v for k, v in os.environ.items() if k not in ("RELATIONAPP_LANGUAGE", "LANGUAGE", "LC_ALL",
                                                                   "LC_MESSAGES", "LANG")}
    if language:
        environ["RELATIONAPP_LANGUAGE"] = language
    environ.update(env)
    return subprocess.run([*COMMAND, *args], capture_output=True, text=True, env=environ)


ENGLISH_HELP = ("show this help message and exit", "positional arguments", "usage:", "list and show accounts",
                "A relationship tracker for small firms", "machine-readable output")


def test_help_and_parse_errors_in_english():
    top, noun, verb = (run(*a, language="en").stdout for a in (["--help"], ["accounts", "--help"],
                                                                 ["accounts", "list", "--help"]))
    assert "usage: relationapp" in top and "A relationship tracker for small firms" in top and "options:" in top
    assert "list and show accounts" in noun and "show one account" in noun
    assert "show this help message and exit" in verb and "include archived accounts" in verb
    error = run("accounts", "list", "--stage", "hot", language="en")
    assert error.returncode == 2
    assert "invalid choice: 'hot'" in error.stderr and "(see --help)" in error.stderr
    missing = run("orders", "add", language="en")
    assert "the following arguments are required: --account" in missing.stderr


def test_help_and_parse_errors_in_dutch():
    """RELATIONAPP_LANGUAGE=nl: every help line, argparse's own words and the parse error are Dutch."""
    top, noun, verb = (run(*a, language="nl").stdout for a in (["--help"], ["accounts", "--help"],
                                                                 ["accounts", "list", "--help"]))
    assert "gebruik: relationapp" in top and "Relatiebeheer voor kleine bedrijven" in top
    assert "positionele argumenten" in top and "opties:" in top
    assert "relaties opsommen en tonen" in noun and "één relatie tonen" in noun
    assert "toon deze hulptekst en stop" in verb and "ook gearchiveerde relaties" in verb
    for text in (top, noun, verb):
        assert not [sentence for sentence in ENGLISH_HELP if sentence in text], text
    error = run("accounts", "list", "--stage", "hot", language="nl")
    assert error.returncode == 2 and error.stderr.count("\n") == 1
    assert "ongeldige keuze: 'hot'" in error.stderr and "(zie --help)" in error.stderr
    assert "invalid choice" not in error.stderr and "see --help" not in error.stderr
    missing = run("orders", "add", language="nl")
    assert "deze argumenten zijn verplicht: --account" in missing.stderr


def test_without_relationapp_language_the_system_locale_chooses():
    from relationapp.commands.cli import command_line_language

    assert command_line_language({"RELATIONAPP_LANGUAGE": "nl", "LANG": "en_GB.UTF-8"}) == "nl"
    assert command_line_language({"RELATIONAPP_LANGUAGE": "en", "LANG": "nl_NL.UTF-8"}) == "en"
    assert command_line_language({"LANG": "nl_NL.UTF-8"}) == "nl"
    assert command_line_language({"LANGUAGE": "nl:en", "LANG": "en_US.UTF-8"}) == "nl"
    assert command_line_language({"LC_ALL": "C", "LANG": "nl_BE.UTF-8"}) == "en"  # the first one set counts
    assert command_line_language({"LC_MESSAGES": "nl_NL"}) == "nl"
    assert command_line_language({}) == "en"
    english = run("accounts", "list", "--help", language=None, LANG="en_GB.UTF-8").stdout
    assert "include archived accounts" in english


def _helps(parser):
    """Every help and description text a --help of this parser or its subcommands prints."""
    import argparse

    yield parser.description
    for action in parser._actions:
        yield action.help
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                yield choice.help
            for sub in set(action.choices.values()):
                yield from _helps(sub)


def test_every_help_text_is_in_the_catalogue_template():
    """A help= that is not a marked literal (an f-string, a variable) would print in English for ever."""
    import argparse
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    sys.path.insert(0, str(root / "tools"))
    import update_catalogue
    from babel.messages.extract import extract_from_dir

    from relationapp.commands.cli import build_parser

    marked = {message for _file, _line, message, _comments, _context in extract_from_dir(
        str(root / "relationapp" / "commands"), method_map=update_catalogue.METHODS,
        keywords=update_catalogue.KEYWORDS)}
    helps = {text for text in _helps(build_parser()) if text and text is not argparse.SUPPRESS}
    assert len(helps) > 100
    assert sorted(helps - marked) == []


def test_accounts_show_prints_labels_not_field_keys(demo_db, capsys):
    from relationapp.services.customers.accounts import list_accounts

    account = next(r for r in list_accounts(demo_db, search=None, stage="customer", include_archived=False))
    capsys.readouterr()
    assert main(["--db", str(demo_db.path), "accounts", "show", str(account.id)]) == 0
    out = capsys.readouterr().out
    assert "Customer since: " in out and "Stage: Customer" in out and "Name: " in out
    assert "customer_since" not in out and "customer since:" not in out
    assert main(["--db", str(demo_db.path), "accounts", "show", str(account.id), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["customer_since"]  # --json keeps the keys


def test_tables_show_tier_labels_and_json_keeps_codes(demo_db, capsys):
    from relationapp.services.value.pyramid import TIER_LABELS

    db = ["--db", str(demo_db.path)]
    capsys.readouterr()
    assert main([*db, "value", "--date", "2026-11-22", "--limit", "15", "--json"]) == 0
    codes = [row["tier"] for row in json.loads(capsys.readouterr().out)]
    assert set(codes) <= set(TIER_LABELS) and "top" in codes
    assert main([*db, "value", "--date", "2026-11-22", "--limit", "15"]) == 0
    lines = capsys.readouterr().out.splitlines()[1:]
    assert len(lines) == len(codes)
    for code, line in zip(codes, lines):
        cells = line.split()
        assert TIER_LABELS[code] in cells and code not in cells


@pytest.mark.parametrize("args", [["visits", "due", "--date", "2026-11-22"], ["accounts", "list", "--stage", "mql"]])
def test_other_tables_word_their_codes(demo_db, capsys, args):
    capsys.readouterr()
    assert main(["--db", str(demo_db.path), *args]) == 0
    out = capsys.readouterr().out
    header, *rows = out.splitlines()
    assert rows
    if args[0] == "visits":
        assert any(" Top " in r or " Big " in r or " Medium " in r or " Small " in r for r in rows)
        assert not any(" top " in r or " big " in r or " medium " in r or " small " in r for r in rows)
    else:
        assert all("Lead (marketing-qualified, cold)"[:30] in r for r in rows) and not any(" mql " in r for r in rows)


def test_report_words_the_quarter(demo_db, tmp_path, capsys):
    capsys.readouterr()
    assert main(["--db", str(demo_db.path), "report", "portfolio", "--quarter", "2026Q3", "-o",
                 str(tmp_path / "p.pdf")]) == 0
    err = capsys.readouterr().err
    assert "Portfolio report for Q3 2026 written to" in err and "2026Q3" not in err
