"""The data commands end to end, as a script would use them."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


def _english(db_path) -> None:
    """A database the command line speaks English in (the firm's language is Dutch by default)."""
    from pathlib import Path

    from relationapp.services.common.settings import update_settings
    from relationapp.services.data_care.opening import open_database

    if Path(db_path).exists():
        return
    db = open_database(str(db_path))
    update_settings(db, language="en")
    db.dispose()


def run(db_path, *args, ok=True):
    _english(db_path)
    out = subprocess.run([sys.executable, "-m", "relationapp", "--db", str(db_path), *args],
                         capture_output=True, text=True)
    if ok:
        assert out.returncode == 0, out.stderr
    return out


@pytest.fixture
def filled(tmp_path):
    from relationapp.services.common.settings import update_settings
    from relationapp.services.customers.accounts import create_account
    from relationapp.services.customers.people import create_person
    from relationapp.services.data_care.opening import open_database

    path = tmp_path / "filled.db"
    db = open_database(str(path))
    update_settings(db, language="en")
    account = create_account(db, name="Smit & Zonen", city="Ede")
    create_person(db, name="Jan de Vries", account_id=account.id, email="jan@smit.nl", birthday_day=3, birthday_month=4)
    create_person(db, name="Jan de Vries", email="JAN@smit.nl")
    db.dispose()
    return path


def test_export_all_then_import_all_into_a_new_database(filled, tmp_path):
    run(filled, "export", "all", str(tmp_path / "out"))
    out = run(tmp_path / "new.db", "import", "all", str(tmp_path / "out"))
    assert "Imported" in out.stdout
    again = run(tmp_path / "new.db", "import", "all", str(tmp_path / "out"), ok=False)
    assert again.returncode == 2 and "not empty" in again.stderr


def test_vcards_out_and_in(filled, tmp_path):
    run(filled, "export", "vcard", str(tmp_path / "p.vcf"), "--version", "4.0")
    out = run(tmp_path / "new.db", "import", "vcard", str(tmp_path / "p.vcf"))
    assert "1 people added, 1 already there" in out.stdout  # the two share an e-mail address


def test_duplicates_json_and_merge(filled):
    groups = json.loads(run(filled, "duplicates", "--json").stdout)
    assert [g["reason"] for g in groups] == ["same e-mail"]
    ids = [r["id"] for r in groups[0]["records"]]
    out = run(filled, "duplicates", "--kind", "person", "--merge", *map(str, ids))
    assert "Merged" in out.stdout
    assert json.loads(run(filled, "duplicates", "--json").stdout) == []


def test_privacy_export_and_erase(filled, tmp_path):
    run(filled, "privacy", "export", "1", "-o", str(tmp_path / "p.json"), "--pdf", str(tmp_path / "p.pdf"))
    assert json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))["name"] == "Jan de Vries"
    ambiguous = run(filled, "privacy", "erase", "Jan de Vries", "--yes", ok=False)
    assert ambiguous.returncode == 2 and "use the id" in ambiguous.stderr
    refused = subprocess.run([sys.executable, "-m", "relationapp", "--db", str(filled), "privacy", "erase", "1"],
                             capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert refused.returncode == 2 and "--yes" in refused.stderr
    assert "erased" in run(filled, "privacy", "erase", "1", "--yes").stdout
