"""Find anyone and the list filters fold the letters FTS5 keeps: ı, ł, ø, ß, æ ..."""

from __future__ import annotations

import importlib

import pytest

from relationapp.services.customers import search
from relationapp.services.customers.accounts import create_account, list_accounts
from relationapp.services.customers.people import create_person


@pytest.mark.parametrize("typed, stored", [
    ("Yilmaz", "Esra Yılmaz"), ("yılmaz", "Esra Yılmaz"), ("Lukasz", "Łukasz Brouwer"), ("Soren", "Søren Kjær"),
    ("kjaer", "Søren Kjær"), ("Grossmann", "Jürgen Großmann"), ("ozturk", "Ayşe Öztürk"), ("Sahin", "Emre Şahin"),
])
def test_a_name_is_found_typed_with_plain_letters_or_its_own(db, typed, stored):
    account = create_account(db, name="Relatie")
    person = create_person(db, name=stored, account_id=account.id)
    create_person(db, name="Jan Jansen", account_id=account.id)
    assert [(h.kind, h.id) for h in search.search(db, text=typed)] == [("person", person.id)]


def test_the_list_filter_folds_too_and_an_edit_keeps_the_folded_copy_current(db):
    account = create_account(db, name="Kwekerij Łukasiewicz")
    assert [a.name for a in list_accounts(db, search="lukas")] == ["Kwekerij Łukasiewicz"]
    from relationapp.services.customers.accounts import update_account

    update_account(db, account_id=account.id, name="Kwekerij Smit")
    assert list_accounts(db, search="lukas") == []
    assert [a.name for a in list_accounts(db, search="smit")] == ["Kwekerij Smit"]


def test_the_migration_folds_the_same_letters_as_the_search():
    migration = importlib.import_module("relationapp.data.migrations.versions.0009_search_folding")
    assert migration.FOLDS == search.FOLDS
