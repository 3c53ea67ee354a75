"""Backups that were interrupted, cut short or damaged never count as backups.

A copy is written under a hidden temporary name, checked with quick_check and
only then renamed; a bad file under a backup name (left by an older version
that was killed, copied in by hand, damaged on disk) counts neither for
``backup_due``, nor for pruning, nor as ``latest_good_backup``.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from relationapp.files import sqlite_copy
from relationapp.services.customers.accounts import create_account
from relationapp.services.data_care import backups
from relationapp.services.data_care.opening import open_database

pytestmark = pytest.mark.sqlite_only(reason='copies of the SQLite file (PostgreSQL backups: pg_dump, #19 item 7)')

DAY = dt.timedelta(days=1)


def _big_database(path: Path, *, megabytes: int = 40) -> Path:
    """A relationapp database with one account and ``megabytes`` of padding (a backup takes a moment)."""
    db = open_database(str(path))
    create_account(db, name="Kept safe")
    db.dispose()
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE padding (b BLOB)")
    con.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
                "INSERT INTO padding SELECT randomblob(4000) FROM n", (megabytes * 250,))
    con.commit()
    con.close()
    return path


def _stamp(moment: dt.datetime) -> str:
    return moment.strftime("%Y%m%d-%H%M%S")


def _partials(folder: Path, pid: int | None = None) -> list[Path]:
    if not folder.is_dir():
        return []
    mark = f".{pid}.partial" if pid is not None else ".partial"
    return [p for p in folder.iterdir() if mark in p.name]


def _damage_pages(path: Path, *, seed: int = 7) -> None:
    """Flip bytes inside the table pages (page 1 and its header stay valid): quick_check reports them."""
    data = bytearray(path.read_bytes())
    noise = random.Random(seed)
    for page in range(2, len(data) // 4096):
        data[page * 4096 + 8:page * 4096 + 200] = bytes(noise.randrange(256) for _ in range(192))
    path.write_bytes(bytes(data))


def _kill_backups_mid_copy(db_path: Path, cycles: int, *, seed: int = 14) -> int:
    """``relationapp backup`` killed with SIGKILL while it copies; returns how many kills landed mid-copy."""
    folder = db_path.parent / "backups"
    rng = random.Random(seed)
    mid_copy = 0
    cli = [sys.executable, "-m", "relationapp", "--db", str(db_path), "backup"]
    for _ in range(cycles):
        before = set(os.listdir(folder)) if folder.is_dir() else set()
        proc = subprocess.Popen(cli, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 60
            # the copy has begun once a new file shows in the folder (whatever its name)
            while (proc.poll() is None and time.monotonic() < deadline
                   and not (set(os.listdir(folder)) - before - {".checked.json"} if folder.is_dir() else False)):
                time.sleep(0.002)
            time.sleep(rng.uniform(0, 0.08))  # somewhere in the copy, the check or the rename
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                mid_copy += 1
        finally:
            proc.wait(30)
    return mid_copy


def _assert_only_good_backups_are_listed(folder: Path, stem: str) -> None:
    for info in backups.list_backups(folder, stem=stem):
        assert backups.backup_problem(info.path) is None, info.path


def _check_after_kills(db_path: Path, good_before: Path) -> None:
    folder = db_path.parent / "backups"
    _assert_only_good_backups_are_listed(folder, db_path.stem)
    assert backups.latest_good_backup(folder, stem=db_path.stem) is not None
    # the next backup runs to the end, and clears what the killed ones left
    out = subprocess.run([sys.executable, "-m", "relationapp", "--db", str(db_path), "backup"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert _partials(folder) == []
    assert not list(folder.glob("*-journal"))
    _assert_only_good_backups_are_listed(folder, db_path.stem)
    newest = backups.latest_good_backup(folder, stem=db_path.stem)
    assert newest is not None and newest != good_before
    con = sqlite3.connect(f"file:{newest}?mode=ro", uri=True)
    assert con.execute("SELECT name FROM account").fetchall() == [("Kept safe",)]
    con.close()
    assert not backups.backup_due(db_path, folder)
    backups.prune_backups(folder, stem=db_path.stem, keep=3)
    listed = backups.list_backups(folder, stem=db_path.stem)
    assert len(listed) <= 3 and listed[0].path == newest
    assert backups.latest_good_backup(folder, stem=db_path.stem) == newest


def test_a_backup_killed_mid_copy_leaves_nothing_under_a_backup_name(tmp_path):
    db_path = _big_database(tmp_path / "firm.db")
    folder = tmp_path / "backups"
    good = backups.make_backup(db_path, backup_dir=folder)
    landed = _kill_backups_mid_copy(db_path, cycles=12)
    assert landed >= 4  # kills hit a copy under way, not only a process still starting or done
    _assert_only_good_backups_are_listed(folder, "firm")  # no kill left a "backup"
    assert not backups.backup_due(db_path, folder)  # the good one of today counts
    _check_after_kills(db_path, good)


@pytest.mark.slow
def test_many_backups_killed_mid_copy(tmp_path):
    """RELATIONAPP_BACKUP_KILL_CYCLES=200 for the long run (about 150 s)."""
    cycles = int(os.environ.get("RELATIONAPP_BACKUP_KILL_CYCLES", "40"))
    db_path = _big_database(tmp_path / "firm.db")
    folder = tmp_path / "backups"
    good = backups.make_backup(db_path, backup_dir=folder)
    landed = _kill_backups_mid_copy(db_path, cycles=cycles, seed=99)
    assert landed >= cycles // 3
    _check_after_kills(db_path, good)


@pytest.fixture
def firm(db):
    create_account(db, name="A")
    return db


def _good_backup_at(db, folder: Path, moment: dt.datetime) -> Path:
    """A real backup, named as if made at ``moment``."""
    made = sqlite_copy.backup_file(db.path, folder, reason="auto")
    named = folder / f"{db.path.stem}-{_stamp(moment)}-auto.db"
    made.rename(named)
    return named


def _bad_files(db, folder: Path, start: dt.datetime) -> list[Path]:
    """Under normal backup names, newer than every good one: cut short, damaged pages, unfinished, junk."""
    source = next(iter(backups.list_backups(folder, stem=db.path.stem))).path
    stem, made = db.path.stem, []
    for n, kind in enumerate(("truncated", "damaged", "unfinished", "junk")):
        path = folder / f"{stem}-{_stamp(start + dt.timedelta(hours=n))}-manual.db"
        data = source.read_bytes()  # a backup file, not a live database
        if kind == "truncated":
            path.write_bytes(data[:len(data) // 2])
        elif kind == "damaged":
            path.write_bytes(data)
            _damage_pages(path)
        elif kind == "unfinished":  # what an older relationapp left when killed: the copy and its -journal
            path.write_bytes(data)
            Path(f"{path}-journal").write_bytes(b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7" + b"\x00" * 504)
        else:
            path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)
        made.append(path)
    return made


def test_bad_files_under_backup_names_never_count(firm, tmp_path):
    folder = tmp_path / "backups"
    start = dt.datetime(2026, 3, 1, 9, 0)
    good = [_good_backup_at(firm, folder, start + dt.timedelta(days=d)) for d in range(3)]
    bad = _bad_files(firm, folder, start + dt.timedelta(days=5))
    now = start + dt.timedelta(days=5, hours=6)  # the bad files are of today, the good ones days old
    for path in bad:
        assert backups.backup_problem(path) is not None, path
    assert backups.backup_due(firm.path, folder, now=now)
    assert backups.latest_good_backup(folder, stem=firm.path.stem) == good[-1]
    backups.prune_backups(folder, stem=firm.path.stem, keep=3)
    kept = {b.path for b in backups.list_backups(folder, stem=firm.path.stem)}
    assert set(good) <= kept  # no good backup made room for a bad one
    assert backups.latest_good_backup(folder, stem=firm.path.stem) == good[-1]
    assert backups.backup_due(firm.path, folder, now=now)


def test_pruning_never_removes_the_last_good_backup(firm, tmp_path):
    folder = tmp_path / "backups"
    start = dt.datetime(2026, 3, 1, 9, 0)
    only_good = _good_backup_at(firm, folder, start)
    bad = _bad_files(firm, folder, start + dt.timedelta(days=1))
    removed = backups.prune_backups(folder, stem=firm.path.stem, keep=1)
    assert only_good.exists() and only_good not in removed
    assert backups.latest_good_backup(folder, stem=firm.path.stem) == only_good
    # the bad ones are newer than every good copy: left alone (a rescue may want them)
    assert all(p.exists() for p in bad)


def test_bad_files_older_than_a_good_backup_are_removed_first(firm, tmp_path):
    folder = tmp_path / "backups"
    start = dt.datetime(2026, 3, 1, 9, 0)
    old_good = _good_backup_at(firm, folder, start)
    bad = _bad_files(firm, folder, start + dt.timedelta(days=1))
    good = [_good_backup_at(firm, folder, start + dt.timedelta(days=d)) for d in (3, 4)]
    removed = backups.prune_backups(folder, stem=firm.path.stem, keep=3)
    assert set(bad) <= set(removed)
    assert not Path(f"{bad[2]}-journal").exists()
    assert [b.path for b in backups.list_backups(folder, stem=firm.path.stem)] == [good[1], good[0], old_good]


def test_the_auto_backup_is_made_when_the_newest_file_of_today_is_bad(firm, tmp_path):
    folder = tmp_path / "backups"
    start = dt.datetime.now() - dt.timedelta(days=3)
    good = _good_backup_at(firm, folder, start)
    bad = folder / f"{firm.path.stem}-{_stamp(dt.datetime.now() - dt.timedelta(minutes=5))}-auto.db"
    shutil.copy(good, bad)
    _damage_pages(bad)
    made = backups.auto_backup(firm.path, folder, keep=3)
    assert made is not None and backups.backup_problem(made) is None
    assert backups.latest_good_backup(folder, stem=firm.path.stem) == made
    assert not backups.backup_due(firm.path, folder)


def test_a_copy_that_fails_its_check_is_never_named_as_a_backup(firm, tmp_path, monkeypatch):
    folder = tmp_path / "backups"
    real = sqlite_copy.sqlite_problem
    monkeypatch.setattr(sqlite_copy, "sqlite_problem",
                        lambda path, **kw: "is damaged (made up)" if ".partial" in path.name else real(path, **kw))
    from relationapp.data.db import DatabaseError

    with pytest.raises(DatabaseError, match="No backup was made"):
        backups.make_backup(firm.path, backup_dir=folder)
    assert list(folder.iterdir()) == []


def test_the_partial_file_matches_no_backup_name(firm, tmp_path):
    final = tmp_path / "backups" / f"{firm.path.stem}-20260101-090000-manual.db"
    partial = sqlite_copy.partial_path(final)
    assert partial.name.startswith(".") and not partial.name.endswith(".db")
    final.parent.mkdir()
    partial.write_bytes(b"")
    assert backups.list_backups(final.parent) == []


def test_checks_are_remembered_so_a_large_backup_is_read_once(firm, tmp_path, monkeypatch):
    folder = tmp_path / "backups"
    backups.make_backup(firm.path, backup_dir=folder)
    reads = []
    real = sqlite_copy.file_problem
    monkeypatch.setattr(sqlite_copy, "file_problem", lambda path, **kw: reads.append(path) or real(path, **kw))
    assert not backups.backup_due(firm.path, folder)
    backups.prune_backups(folder, stem=firm.path.stem, keep=3)
    assert reads == []  # checked before it was named, and remembered
    newest = backups.list_backups(folder)[0].path
    _damage_pages(newest)  # changed on disk since: asked again
    assert backups.backup_due(firm.path, folder)
    assert reads == [newest]
