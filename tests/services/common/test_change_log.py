"""Who changed what: one log row per write transaction, and other sessions' writes noticed as typed changes."""

from __future__ import annotations

import datetime as dt
import time

import pytest
import sqlalchemy as sa

from relationapp.data import change_log as log_table
from relationapp.data.db import Database
from relationapp.errors import ValidationError
from relationapp.services.common import change_log
from relationapp.services.common.changes import Changes, Kind
from relationapp.services.common.settings import update_settings
from relationapp.services.customers import accounts, people
from relationapp.services.customers.staff import create_staff
from relationapp.services.touches import interactions


@pytest.fixture
def other(db):
    second = Database(db.url)
    yield second
    second.dispose()


def test_every_write_is_logged_once_with_who_was_i_am(db):
    anna = create_staff(db, name="Anna Visser")
    update_settings(db, current_staff_id=anna.id)
    account = accounts.create_account(db, name="Jansen")  # the account and its first stage: one transaction
    accounts.get_account(db, account_id=account.id)  # a read logs nothing
    with pytest.raises(ValidationError):
        accounts.update_account(db, account_id=account.id, name="")  # refused: nothing written, nothing logged

    newest, settings, staff = change_log.log_entries(db)
    assert staff.staff is None and staff.tables == ("staff",)
    assert settings.staff == "Anna Visser" and settings.changes == Changes.of(Kind.SETTINGS)
    assert newest.staff_id == anna.id and newest.tables == ("account", "stage_change")
    assert newest.changes == Changes.of(Kind.ACCOUNTS)
    assert newest.at.date() == dt.datetime.now(dt.timezone.utc).date()


def test_another_sessions_writes_come_back_as_kinds_and_own_ones_are_skipped(db, other):
    start = change_log.latest_seq(db)
    account = accounts.create_account(other, name="Jansen")
    people.create_person(other, name="Piet", account_id=account.id)
    found = change_log.changes_since(db, seq=start)
    assert found.changes == Changes.of(Kind.ACCOUNTS, Kind.PEOPLE)
    assert change_log.changes_since(db, seq=found.seq).changes == Changes()

    interactions.log_interaction(other, account_id=account.id, kind="call", occurred_on=dt.date(2026, 11, 2))
    skipped = change_log.changes_since(db, seq=found.seq, skip={found.seq + 1})
    assert skipped.changes == Changes() and skipped.seq == found.seq + 1


def _first_heard(watch, patience_s: float = 60.0) -> Changes:
    """What the watch hears first. PostgreSQL delivers a NOTIFY to the listening socket a moment after the
    writer's commit returns (on a loaded machine, after the next line has run): a window hears it at its
    next poll a second later; the test polls until it does. A deadline only, never a speed check."""
    deadline = time.monotonic() + patience_s
    while True:
        heard = watch.poll()
        if heard != Changes() or time.monotonic() > deadline:
            return heard
        time.sleep(0.01)


def test_a_watch_sees_other_sessions_only(db, other):
    watch = change_log.Watch(db)
    try:
        assert watch.poll() == Changes()
        accounts.create_account(db, name="Mine")  # this window's own write: its operation broadcast it already
        assert watch.poll() == Changes()
        accounts.create_account(other, name="Theirs")
        assert _first_heard(watch) == Changes.of(Kind.ACCOUNTS)
        assert watch.poll() == Changes()
    finally:
        watch.close()


def test_old_rows_are_pruned_and_a_window_that_missed_them_reloads_everything(db, monkeypatch):
    monkeypatch.setattr(log_table, "PRUNE_EVERY", 5)
    monkeypatch.setattr(log_table, "KEEP_ROWS", 3)
    start = change_log.latest_seq(db)
    for n in range(12):
        create_staff(db, name=f"Staff {n}")
    with db.read() as session:
        kept = session.execute(sa.text("SELECT seq FROM change_log ORDER BY seq")).scalars().all()
    assert kept[0] > start + 1 and len(kept) < 12  # pruned at seq 5 and 10, the newest kept
    assert change_log.changes_since(db, seq=start + 1).changes == Changes.everything()


def test_a_month_old_row_is_pruned(db, monkeypatch):
    create_staff(db, name="Anna")
    with db.write() as session:  # the log itself is bookkeeping: changing it logs nothing
        session.execute(sa.text("UPDATE change_log SET at = :at"), {"at": dt.datetime(2020, 1, 1)})
    assert [e.at.year for e in change_log.log_entries(db)] == [2020]
    assert change_log.log_entries(db, since=dt.date(2021, 1, 1)) == []
    monkeypatch.setattr(log_table, "PRUNE_EVERY", 1)
    create_staff(db, name="Piet")
    (left,) = change_log.log_entries(db)
    assert left.at.year > 2020


def test_a_watch_on_postgresql_hears_the_notices_of_other_sessions(db, other):
    """On PostgreSQL every logged write NOTIFYs at its commit; the watch LISTENs (SQLite: its data version)."""
    if db.is_sqlite:
        pytest.skip("PostgreSQL's LISTEN/NOTIFY")
    watch = change_log.Watch(db)
    try:
        assert watch.poll() == Changes()
        people.create_person(other, name="Piet")
        assert _first_heard(watch) == Changes.of(Kind.PEOPLE)
        assert watch._version.moved() is False  # the notice was taken
    finally:
        watch.close()
