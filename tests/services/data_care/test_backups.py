"""Backups, restore, a second app on the same file, and damaged files."""

from __future__ import annotations

import datetime as dt
import os
import random
import sqlite3
import subprocess
import sys
import threading

import pytest

from relationapp.errors import ValidationError
from relationapp.services.customers.accounts import create_account
from relationapp.services.data_care import backups
from relationapp.services.data_care.instance_lock import (
    acquire_instance_lock,
    current_holder,
    lock_path,
    release_instance_lock,
)
from tests.helpers import count

pytestmark = pytest.mark.sqlite_only(reason='copies of the SQLite file (PostgreSQL backups: pg_dump, #19 item 7)')


def test_auto_backup_at_most_once_a_day_and_keeps_the_last_n(db, tmp_path):
    create_account(db, name="A")
    folder = tmp_path / "backups"
    start = dt.datetime(2026, 1, 1, 9, 0)
    made = backups.auto_backup(db.path, folder, keep=3, now=start)
    assert made is not None and (made.stat().st_mode & 0o777) == 0o600
    assert backups.auto_backup(db.path, folder, keep=3, now=start + dt.timedelta(hours=5)) is None
    # backups made on later days (the file name carries the moment)
    for day in range(1, 6):
        stamp = (start + dt.timedelta(days=day)).strftime("%Y%m%d-%H%M%S")
        (folder / f"{db.path.stem}-{stamp}-auto.db").write_bytes(made.read_bytes())
    later = dt.datetime.now() + dt.timedelta(days=30)
    newest = backups.auto_backup(db.path, folder, keep=3, now=later)
    assert newest is not None
    kept = backups.list_backups(folder, stem=db.path.stem)
    assert len(kept) == 3 and kept[0].path == newest


def test_manual_backup_to_a_file_and_restore_keeps_the_current_database(db, tmp_path):
    create_account(db, name="Before")
    copy = backups.make_backup(db.path, dest=tmp_path / "mine.db")
    assert (copy.stat().st_mode & 0o777) == 0o600
    create_account(db, name="After")
    db.dispose()
    result = backups.restore_backup(db.path, backup=copy, backup_dir=tmp_path / "backups")
    assert result.kept_current is not None and result.kept_current.exists()
    assert count(db, "account") == 1
    kept = sqlite3.connect(result.kept_current)
    assert kept.execute("SELECT count(*) FROM account").fetchone()[0] == 2
    kept.close()


def test_restore_refuses_a_damaged_file_and_a_foreign_one(db, tmp_path):
    create_account(db, name="Mine")
    good = backups.make_backup(db.path, dest=tmp_path / "good.db")
    damaged = tmp_path / "damaged.db"
    data = bytearray(good.read_bytes())
    noise = random.Random(7)
    for page in range(2, len(data) // 4096):
        data[page * 4096 + 8:page * 4096 + 200] = bytes(noise.randrange(256) for _ in range(192))
    damaged.write_bytes(bytes(data))
    foreign = tmp_path / "foreign.db"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE x (a)")
    con.commit()
    con.close()
    text = tmp_path / "text.db"
    text.write_text("hello")
    for bad, message in ((damaged, "damaged"), (foreign, "not a relationapp database"), (text, "not a SQLite")):
        with pytest.raises(ValidationError, match=message):
            backups.restore_backup(db.path, backup=bad, backup_dir=tmp_path / "b")
    assert count(db, "account") == 1


def test_latest_good_backup_skips_damaged_ones(db, tmp_path):
    folder = tmp_path / "backups"
    good = backups.make_backup(db.path, backup_dir=folder)
    stamp = (dt.datetime.now() + dt.timedelta(days=1)).strftime("%Y%m%d-%H%M%S")
    (folder / f"{db.path.stem}-{stamp}-auto.db").write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)
    assert backups.latest_good_backup(folder, stem=db.path.stem) == good
    assert backups.database_problem(folder / f"{db.path.stem}-{stamp}-auto.db") is not None
    assert backups.database_problem(db.path) is None


def test_backup_while_another_connection_writes(db, tmp_path):
    stop = threading.Event()
    errors = []

    def writer():
        con = sqlite3.connect(db.path, timeout=10)
        try:
            n = 0
            while not stop.is_set() and n < 5000:
                con.execute("INSERT INTO tag (name) VALUES (?)", (f"tag {n}",))
                con.commit()
                n += 1
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            con.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        copies = [backups.make_backup(db.path, dest=tmp_path / f"b{i}.db") for i in range(5)]
    finally:
        stop.set()
        thread.join()
    assert errors == []
    for copy in copies:
        assert backups.backup_problem(copy) is None


def test_cli_backup_and_restore(db_path, tmp_path):
    from relationapp.services.data_care.opening import open_database

    database = open_database(str(db_path))
    create_account(database, name="A")
    database.dispose()
    cli = [sys.executable, "-m", "relationapp", "--db", str(db_path)]
    out = subprocess.run(cli + ["backup", str(tmp_path / "b.db")], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    db_path.write_bytes(b"this is no database any more")  # the damage a restore is for
    out = subprocess.run(cli + ["restore", str(tmp_path / "b.db")], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    database = open_database(str(db_path))
    assert count(database, "account") == 1
    database.dispose()
    bad = subprocess.run(cli + ["restore", str(tmp_path / "nope.db")], capture_output=True, text=True)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1


def test_a_second_app_is_told_who_holds_the_database(db_path):
    assert acquire_instance_lock(db_path) is None
    assert acquire_instance_lock(db_path) is None  # we hold it already
    other = subprocess.run(
        [sys.executable, "-c", "import sys; from relationapp.services.data_care.instance_lock import acquire_instance_lock as a;"
         f"h = a({str(db_path)!r}); print(h.pid if h else 'free')"],
        capture_output=True, text=True, check=True)
    assert other.stdout.strip() == str(os.getpid())
    release_instance_lock(db_path)
    assert current_holder(db_path) is None


def test_a_lock_left_by_a_dead_process_is_taken_over(db_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    import json
    import socket

    lock_path(db_path).write_text(json.dumps({"host": socket.gethostname(), "pid": int(dead.stdout), "since": "x"}))
    assert acquire_instance_lock(db_path) is None
    assert current_holder(db_path).pid == os.getpid()
    release_instance_lock(db_path)


def test_the_second_app_can_look_but_not_write(db):
    from relationapp.services.customers.accounts import list_accounts
    from relationapp.services.data_care.instance_lock import open_read_only

    create_account(db, name="Shared")
    looker = open_read_only(db.path)
    try:
        assert [a.name for a in list_accounts(looker)] == ["Shared"]
        with pytest.raises(Exception, match="readonly"):
            create_account(looker, name="Not allowed")
    finally:
        looker.dispose()
