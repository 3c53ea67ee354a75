"""A big batch of accounts: the list indexes are built again once, inside the same all-or-nothing write."""

from __future__ import annotations

import pytest

from relationapp.services.customers import accounts, search
from relationapp.services.data_care import bulk_import
from relationapp.services.data_care.bulk_import import AccountInput, add_accounts
from tests.helpers import count


def _schema(db) -> tuple[set, list]:
    raw = db.engine.raw_connection()
    try:
        con = raw.driver_connection
        indexes = {r[0] for r in con.execute("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'account'")}
        stats = sorted(con.execute("SELECT idx, stat FROM sqlite_stat1 WHERE tbl = 'account'"))
    finally:
        raw.close()
    return indexes, stats


@pytest.mark.sqlite_only(reason="SQLite's indexes rebuilt once for a big batch (sqlite_master, sqlite_stat1)")
def test_a_big_batch_keeps_the_indexes_their_statistics_and_the_search(db, monkeypatch):
    monkeypatch.setattr(bulk_import, "REINDEX_ROWS", 3)  # this batch counts as big
    accounts.create_account(db, name="Al Bestaand", city="Assen")
    with db.write() as session:
        session.connection().exec_driver_sql("ANALYZE")
    before = _schema(db)
    result = add_accounts(db, accounts=[AccountInput(name=f"Kwekerij {i}", city="Venlo") for i in range(5)]
                          + [AccountInput(name="Al Bestaand", city="Assen")])
    assert (result.added, result.existing) == (5, 1)
    assert _schema(db) == before and before[1]  # the same indexes, and the planner keeps its statistics
    assert len(accounts.list_account_ids(db, search="venlo")) == 5
    assert [h.name for h in search.search(db, text="kwekerij 3")] == ["Kwekerij 3"]


@pytest.mark.sqlite_only(reason="SQLite's indexes rebuilt once for a big batch (sqlite_master, sqlite_stat1)")
def test_a_big_batch_that_fails_leaves_the_indexes_as_they_were(db, monkeypatch):
    monkeypatch.setattr(bulk_import, "REINDEX_ROWS", 3)
    accounts.create_account(db, name="Al Bestaand")
    with db.write() as session:
        session.connection().exec_driver_sql("ANALYZE")
    before = _schema(db)

    def broken(session, table, rows):
        raise RuntimeError("disk full")

    monkeypatch.setattr(bulk_import, "_executemany", broken)
    with pytest.raises(RuntimeError):
        add_accounts(db, accounts=[AccountInput(name=f"Kwekerij {i}") for i in range(5)])
    assert _schema(db) == before
    assert [a.name for a in accounts.list_accounts(db)] == ["Al Bestaand"]


def test_a_batch_adds_accounts_people_their_contact_points_and_dates_and_search_finds_them(db):
    from relationapp.services.customers import people
    from relationapp.services.data_care.bulk_import import PersonInput, add_people

    result = add_accounts(db, accounts=[AccountInput(name=f"Kwekerij {i}", city="Venlo", stage="customer")
                                        for i in range(3)])
    assert result.added == 3
    added = add_people(db, people=[PersonInput(name="Özlem Yılmaz", account="Kwekerij 1", email="o@kwekerij.nl",
                                               contact_points=(("phone", "work", "077 123 45 67"),))],
                       important_dates=[(("anniversary", "Trouwdag", 6, 12, None),)])
    assert added.added == 1
    [hit] = search.search(db, text="yilmaz")
    assert hit.name == "Özlem Yılmaz" and hit.detail == "Kwekerij 1"
    assert len(accounts.list_account_ids(db, search="venlo")) == 3
    assert people.list_person_ids(db, search="kwekerij") == [hit.id]  # by a word of the e-mail address
    assert count(db, "contact_point") >= 1 and count(db, "important_date") == 1
