"""Lists sort names as people read them: Böcker among the B, Łukasz among the L, not after Z."""

from __future__ import annotations

import importlib
import sqlite3

import pytest

from relationapp.services.customers import search
from relationapp.services.customers.accounts import create_account, list_account_ids, list_accounts
from relationapp.services.customers.people import create_person, list_person_ids, person_rows

NAMES = ["Zeeman", "Öztürk Bouw", "bakker", "Łukasz Brouwer", "Böcker", "Şahin", "Ærø Design", "Ab", "Lukas"]
READ_ORDER = ["Ab", "Ærø Design", "bakker", "Böcker", "Lukas", "Łukasz Brouwer", "Öztürk Bouw", "Şahin", "Zeeman"]


def test_accounts_sort_with_the_accented_letters_among_their_plain_ones(db):
    for name in NAMES:
        create_account(db, name=name)
    assert [a.name for a in list_accounts(db)] == READ_ORDER
    assert list_account_ids(db, sort="name", descending=True) == list_account_ids(db)[::-1]


def test_people_sort_the_same_way_and_a_rename_moves_them(db):
    account = create_account(db, name="Relatie")
    people = {name: create_person(db, name=name, account_id=account.id).id for name in NAMES}
    assert [r.name for r in person_rows(db, ids=list_person_ids(db))] == READ_ORDER
    from relationapp.services.customers.people import update_person

    update_person(db, person_id=people["Zeeman"], name="Aäron Zeeman")
    assert [r.name for r in person_rows(db, ids=list_person_ids(db))][:2] == ["Aäron Zeeman", "Ab"]


@pytest.mark.sqlite_only(reason='another SQLite client writing the file')
def test_a_name_written_by_another_sqlite_client_sorts_right_too(db, db_path):
    create_account(db, name="Bakker")
    create_account(db, name="Zeeman")
    db.engine.dispose()
    con = sqlite3.connect(db_path)
    with con:
        con.execute("INSERT INTO account (name, kind, stage, archived, created_at, updated_at) "
                    "VALUES ('Böcker', 'organisation', 'lead', 0, '2026-12-01 09:00:00', '2026-12-01 09:00:00')")
    con.close()
    assert [a.name for a in list_accounts(db)] == ["Bakker", "Böcker", "Zeeman"]


def test_the_sort_key_folds_the_same_plain_letters_as_the_search():
    migration = importlib.import_module("relationapp.data.migrations.versions.0010_sort_names")
    assert sorted(migration.PLAIN.items()) == sorted(search.FOLDS)
