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


def test_the_triggers_index_the_same_text_as_folding_every_name_did(db):
    # revision 0022 looks for a letter to fold first; what lands in the index must not change
    if not db.is_sqlite:
        pytest.skip("PostgreSQL's index folds by itself (revision 0003)")
    import sqlalchemy as sa

    migration = importlib.import_module("relationapp.data.migrations.versions.0009_search_folding")
    names = ["Bakkerij Smit", "Esra Yılmaz", "Søren Kjær", "ÆØÅ Design", "Großmann & Þór", "Ħal Far", "Ayşe Öztürk"]
    ids = [create_account(db, name=name, city="Łódź" if n % 2 else None).id for n, name in enumerate(names)]
    ids += [create_person(db, name=name, email=f"p{n}@example.nl").id for n, name in enumerate(names)]
    with db.read() as session:
        indexed = session.execute(sa.text("SELECT rowid, text FROM search_index ORDER BY rowid")).all()
        before = session.execute(sa.text(
            f"SELECT 2 * id, {migration._with_folded(migration._account(''))} FROM account UNION ALL "
            f"SELECT 2 * id + 1, {migration._with_folded(migration._person(''))} FROM person ORDER BY 1")).all()
    assert indexed == before and len(indexed) == 2 * len(names)
    assert any("Yilmaz" in text for _rowid, text in indexed) and any(" lódź" in text for _rowid, text in indexed)
