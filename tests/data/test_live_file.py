"""The live database file is read only through SQLite, so no acknowledged row is ever lost.

A plain open() and close() of a file drops all of the process's POSIX locks
on it, SQLite's too; another process then checkpoints and deletes the WAL
that this process goes on writing into.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import textwrap
import threading

import pytest

from relationapp.__main__ import main
from relationapp.data.db import Stopped, live_database_files
from relationapp.services.customers.accounts import create_account
from relationapp.services.data_care import backups

pytestmark = pytest.mark.sqlite_only(reason='the live SQLite file: its locks, plain opens and copies')

# One process as the window: open, write a row, run the window's after-start
# check with the connection open, let the CLI open and close the file, write
# five more rows, have a third process count them, then die without closing.
WINDOW = textwrap.dedent("""
    import json, os, subprocess, sys
    from relationapp.services.data_care import backups
    from relationapp.services.customers.accounts import create_account
    from relationapp.services.data_care.opening import open_database

    path, backup_dir = sys.argv[1], sys.argv[2]
    db = open_database(path)
    create_account(db, name="Before the check")
    check = backups.startup_check(db.path, backup_dir, keep=3)
    cli = subprocess.run([sys.executable, "-m", "relationapp", "--db", path, "accounts", "list", "--json"],
                         capture_output=True, text=True)
    acknowledged = 1
    for n in range(5):
        create_account(db, name=f"After the check {n}")
        acknowledged += 1
    counted = subprocess.run([sys.executable, "-c",
                              "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("
                              "'SELECT count(*) FROM account').fetchone()[0])", path],
                             capture_output=True, text=True)
    print(json.dumps({"problem": check.problem, "backup": bool(check.backup), "cli": cli.returncode,
                      "acknowledged": acknowledged, "seen_by_another_process": int(counted.stdout)}), flush=True)
    os._exit(0)  # as a crash or kill -9 would: committed rows must still be there
""")


def _accounts_in(path) -> int:
    import sqlite3

    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT count(*) FROM account").fetchone()[0]
    finally:
        con.close()


def test_rows_written_after_the_start_up_check_survive_a_cli_run_in_another_process(tmp_path):
    path = tmp_path / "firm.db"
    out = subprocess.run([sys.executable, "-c", WINDOW, str(path), str(tmp_path / "backups")],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout.strip().splitlines()[-1])
    assert report["problem"] is None and report["backup"] and report["cli"] == 0
    assert report["seen_by_another_process"] == report["acknowledged"] == 6
    assert _accounts_in(path) == 6


def test_the_start_up_check_and_the_cli_never_open_the_live_file_plainly(db, tmp_path, plain_opens_of, capsys):
    create_account(db, name="Held open")
    seen = plain_opens_of(db.path)
    with db.engine.connect():  # a connection of this process is open on the file, as in the window
        result = backups.startup_check(db.path, tmp_path / "backups", keep=3)
        assert result.problem is None and result.backup is not None
        assert backups.database_problem(db.path) is None
        assert backups.latest_good_backup(tmp_path / "backups") == result.backup
        backups.make_backup(db.path, backup_dir=tmp_path / "backups", keep=3)
        assert main(["--db", str(db.path), "accounts", "list", "--json"]) == 0
        assert [a["name"] for a in json.loads(capsys.readouterr().out)] == ["Held open"]
        assert main(["--db", str(db.path), "backup"]) == 0
    assert seen == []


@pytest.mark.parametrize("command", [
    ["import", "csv", "{db}", "--kind", "accounts"],
    ["import", "vcard", "{db}"],
    ["import", "all", "{db}"],
    ["export", "vcard", "{db}"],
    ["export", "all", "{db}-wal"],
])
def test_the_database_in_use_is_refused_as_a_file_to_import_or_export(db, command, capsys, plain_opens_of):
    from relationapp.services.common.settings import update_settings

    update_settings(db, language="en")  # the command line speaks the firm's language
    create_account(db, name="Kept")
    before = _accounts_in(db.path)
    seen = plain_opens_of(db.path)
    code = main(["--db", str(db.path), *[part.format(db=db.path) for part in command]])
    err = capsys.readouterr().err
    assert code == 2 and "database in use" in err and len(err.strip().splitlines()) == 1
    assert seen == [] and _accounts_in(db.path) == before


def test_a_stopped_check_ends_early_and_leaves_no_backup(db, tmp_path):
    create_account(db, name="A")
    stop = threading.Event()
    stop.set()
    with pytest.raises(Stopped):
        backups.startup_check(db.path, tmp_path / "backups", keep=3, stop=stop)
    assert not list((tmp_path / "backups").glob("*")) if (tmp_path / "backups").exists() else True


def test_a_stopped_backup_leaves_no_partial_file(db, tmp_path):
    from relationapp.files.sqlite_copy import backup_file

    create_account(db, name="A")
    stop = threading.Event()
    stop.set()
    with pytest.raises(Stopped):
        backup_file(db.path, tmp_path / "backups", reason="auto", stop=stop)
    assert list((tmp_path / "backups").iterdir()) == []
    assert backups.backup_due(db.path, tmp_path / "backups", now=dt.datetime.now())


def test_open_connections_are_what_counts_as_live(db):
    create_account(db, name="A")
    assert db.path.resolve() in live_database_files()
    db.dispose()
    assert db.path.resolve() not in live_database_files()
    create_account(db, name="B")  # the engine opens a connection again
    assert db.path.resolve() in live_database_files()
