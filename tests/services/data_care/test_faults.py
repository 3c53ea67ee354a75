"""Faults of the machine become one line: what happened, what was (not) written, what to do."""

from __future__ import annotations

import errno
import sqlite3

import pytest
import sqlalchemy.exc

from relationapp.services.customers.accounts import create_account
from relationapp.services.data_care.backups import make_backup
from relationapp.services.data_care.faults import describe_fault


def _one_line(text: str | None) -> str:
    assert text is not None
    assert "\n" not in text and "\r" not in text
    return text


def _wrapped(err: sqlite3.Error) -> sqlalchemy.exc.DBAPIError:
    return sqlalchemy.exc.OperationalError("INSERT INTO orders ...", {}, err)


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EFBIG])
def test_a_full_disk(code):
    text = _one_line(describe_fault(OSError(code, "No space", "/out/accounts.csv")))
    assert "disk is full" in text and "/out/accounts.csv" in text


def test_a_full_disk_under_the_database():
    for exc in (sqlite3.OperationalError("database or disk is full"),
                _wrapped(sqlite3.OperationalError("database or disk is full"))):
        text = _one_line(describe_fault(exc, db_path="/data/firm.db"))
        assert "disk is full" in text and "/data/firm.db" in text and "nothing was saved" in text


def test_a_disk_io_error():
    text = _one_line(describe_fault(_wrapped(sqlite3.OperationalError("disk I/O error")), db_path="/d/f.db"))
    assert "disk I/O error" in text and "nothing was saved" in text


def test_a_lock_held_too_long_says_another_program_writes_and_nothing_was_written():
    text = _one_line(describe_fault(_wrapped(sqlite3.OperationalError("database is locked")), db_path="/d/f.db"))
    assert "Another program is writing to /d/f.db" in text and "nothing was written" in text


def test_permission_and_read_only_disks():
    assert "Permission denied" in _one_line(describe_fault(PermissionError(errno.EACCES, "Permission denied", "/x")))
    assert "read-only disk" in _one_line(describe_fault(OSError(errno.EROFS, "Read-only file system", "/x")))
    readonly = _wrapped(sqlite3.OperationalError("attempt to write a readonly database"))
    assert "cannot be written" in _one_line(describe_fault(readonly, db_path="/d/f.db"))


@pytest.mark.sqlite_only(reason='damaged pages of a SQLite file')
def test_damage_names_the_latest_good_backup(db, tmp_path):
    create_account(db, name="A")
    good = make_backup(db.path, backup_dir=db.path.parent / "backups")
    err = sqlalchemy.exc.DatabaseError("SELECT ...", {}, sqlite3.DatabaseError("database disk image is malformed"))
    text = _one_line(describe_fault(err, db_path=db.path))
    assert "damaged" in text and "nothing was written" in text and str(good) in text and "restore" in text


def test_a_file_name_with_a_newline_stays_on_one_line():
    _one_line(describe_fault(OSError(errno.ENOSPC, "No space", "/out/a\nb.csv")))


def test_anything_else_is_not_a_fault_of_the_machine():
    assert describe_fault(ValueError("a bug")) is None
    assert describe_fault(sqlite3.IntegrityError("UNIQUE constraint failed: tag.name")) is None
    assert describe_fault(BrokenPipeError(errno.EPIPE, "Broken pipe")) is None
