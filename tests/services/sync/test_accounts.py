"""Sync accounts by name in the bookkeeping (both backends): made, found, refused, removed with what hung under them."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from relationapp.data.models import SyncCollection, SyncConflict, SyncItem
from relationapp.errors import NotFound, ValidationError
from relationapp.services.sync import store


def _two(db):
    phone = store.set_up_account(db, name="phone", url="https://icloud.example/", user="anna",
                                 collections={"contacts": "https://icloud.example/anna/card/"})
    office = store.set_up_account(db, name="office", url="https://cloud.example.nl/", user="firm",
                                  collections={"contacts": "https://cloud.example.nl/firm/contacts/",
                                               "visits": "https://cloud.example.nl/firm/visits/"})
    return phone, office


def test_the_first_setup_without_a_name_is_default_and_a_second_needs_one(db):
    first = store.set_up_account(db, url="https://dav.example/", user="anna",
                                 collections={"contacts": "https://dav.example/anna/contacts/"})
    assert first.name == "default"
    again = store.set_up_account(db, url="https://dav.example/", user="anna",
                                 collections={"contacts": "https://dav.example/anna/contacts/",
                                              "tasks": "https://dav.example/anna/tasks/"})
    assert again.id == first.id and [c.kind for c in again.collections] == ["contacts", "tasks"]
    store.set_up_account(db, name="  office  ", url="https://cloud.example.nl/", user="firm",
                         collections={"visits": "https://cloud.example.nl/firm/visits/"})
    assert [a.name for a in store.sync_accounts(db)] == ["default", "office"]
    with pytest.raises(ValidationError, match="several sync accounts"):
        store.set_up_account(db, url="https://dav.example/", user="anna",
                             collections={"contacts": "https://dav.example/anna/contacts/"})
    with pytest.raises(ValidationError, match="a name"):
        store.set_up_account(db, name=" ", url="https://dav.example/", user="anna",
                             collections={"contacts": "https://dav.example/anna/other/"})


def test_one_collection_belongs_to_one_account(db):
    _two(db)
    with pytest.raises(ValidationError, match="'office' already"):
        store.set_up_account(db, name="phone", url="https://cloud.example.nl/", user="firm",
                             collections={"visits": "https://cloud.example.nl/firm/visits/"})
    assert store.sync_account(db, name="phone").url == "https://icloud.example/"  # nothing changed


def test_removing_an_account_takes_its_items_and_conflicts_and_leaves_the_other(db):
    phone, office = _two(db)
    with db.write() as session:
        for account in (phone, office):
            item_id = store.add_items(session, collection_id=account.collection("contacts").id,
                                      rows=[("/a.vcf", "a", None), ("/b.vcf", "b", None)])[0]
            store.add_conflict(session, item_id=item_id, field="email", app_value="a@app.nl", server_value="a@tel.nl")

    removed = store.remove_account(db, name="office")

    assert (removed.name, removed.url, removed.items) == ("office", "https://cloud.example.nl/", 2)
    assert [a.name for a in store.sync_accounts(db)] == ["phone"]
    status = store.sync_status(db)
    assert status.items == {"contacts": 2} and [c.account for c in status.conflicts] == ["phone"]
    with db.read() as session:
        assert session.execute(sa.select(sa.func.count(SyncCollection.id))).scalar() == 1
        assert session.execute(sa.select(sa.func.count(SyncItem.id))).scalar() == 2
        assert session.execute(sa.select(sa.func.count(SyncConflict.id))).scalar() == 1
    with pytest.raises(NotFound):
        store.remove_account(db, name="office")
    assert store.sync_account(db) == store.sync_account(db, name="phone")  # the only one again
