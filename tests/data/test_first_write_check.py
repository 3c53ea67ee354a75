"""``Database.before_first_write``: a check that runs once, before the first write transaction."""

from __future__ import annotations

import pytest

from relationapp.data.db import DatabaseError
from relationapp.services.customers.accounts import create_account, list_accounts
from tests.helpers import count


def test_the_check_runs_before_the_first_write_only(db):
    calls = []
    db.before_first_write = lambda: calls.append("checked")
    list_accounts(db)
    assert calls == []  # reading pays nothing
    create_account(db, name="A")
    create_account(db, name="B")
    assert calls == ["checked"] and count(db, "account") == 2


def test_a_check_that_refuses_stops_every_write_until_it_passes(db):
    verdicts = [DatabaseError("damaged"), DatabaseError("damaged"), None]

    def check():
        verdict = verdicts.pop(0)
        if verdict:
            raise verdict

    db.before_first_write = check
    for _ in range(2):
        with pytest.raises(DatabaseError, match="damaged"):
            create_account(db, name="Never")
    assert count(db, "account") == 0
    create_account(db, name="Now")
    assert count(db, "account") == 1


def test_open_database_checks_a_damaged_file_before_writing(db_path):
    """The command line's way: a quick_check before the first write; the file stays untouched."""
    import hashlib
    import sqlite3

    from relationapp.services.data_care.opening import DamagedDatabase, open_database

    database = open_database(str(db_path))
    create_account(database, name="A")
    database.dispose()
    con = sqlite3.connect(db_path)
    con.execute("CREATE TABLE padding (b BLOB)")
    con.execute("INSERT INTO padding SELECT randomblob(3000) FROM (SELECT 1 UNION SELECT 2 UNION SELECT 3)")
    con.commit()
    page = con.execute("SELECT pageno FROM dbstat WHERE name = 'padding' LIMIT 1").fetchone()[0]
    con.close()
    data = bytearray(db_path.read_bytes())
    data[(page - 1) * 4096:(page - 1) * 4096 + 12] = b"\xff" * 12
    db_path.write_bytes(bytes(data))
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    database = open_database(str(db_path), check_before_write=True)
    try:
        assert [a.name for a in list_accounts(database)] == ["A"]  # the account pages are fine
        with pytest.raises(DamagedDatabase, match="nothing was written"):
            create_account(database, name="B")
    finally:
        database.dispose()
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before
