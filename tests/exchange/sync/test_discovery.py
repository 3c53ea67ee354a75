"""The address books and calendars of a user, found on a real server (Radicale), to choose from."""

from __future__ import annotations

import json

import pytest

from relationapp.__main__ import main
from relationapp.errors import ServiceError
from relationapp.exchange.dav.run import find_collections, set_up
from relationapp.services.sync.store import sync_account


def test_the_server_lists_its_address_book_and_calendars_with_what_each_can_hold(db, dav):
    found = find_collections(db, url=dav.url, user=dav.user, password=dav.password)
    assert [(c.href, c.name, c.kind) for c in found] == [
        (f"/{dav.user}/contacts/", "Contacts", "contacts"), (f"/{dav.user}/dates/", "Dates", "calendar"),
        (f"/{dav.user}/tasks/", "Tasks", "calendar"), (f"/{dav.user}/visits/", "Visits", "calendar")]
    holds = {c.name: [k for k in ("contacts", "tasks", "visits", "dates") if c.holds(k)] for c in found}
    assert holds == {"Contacts": ["contacts"], "Dates": ["visits", "dates"], "Tasks": ["tasks"],
                     "Visits": ["visits", "dates"]}


def test_set_up_without_collections_takes_the_address_book_and_no_calendar(db, dav, memory_keyring):
    set_up(db, url=dav.url, user=dav.user, password=dav.password)
    account = sync_account(db)
    assert account.collection("contacts").url.endswith(f"/{dav.user}/contacts/")
    assert all(account.collection(k) is None or not account.collection(k).url for k in ("tasks", "visits", "dates"))


def test_a_wrong_password_is_one_line(db, dav):
    with pytest.raises(ServiceError) as caught:
        find_collections(db, url=dav.url, user=dav.user, password="wrong")
    assert "\n" not in str(caught.value) and dav.user in str(caught.value)


def test_the_cli_lists_them_as_json(db, db_path, dav, memory_keyring, capsys, monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.StringIO(dav.password + "\n"))
    assert main(["--db", str(db_path), "sync", "collections", "--url", dav.url, "--user", dav.user,
                 "--password-stdin", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["name"]: r["holds"] for r in rows}["Tasks"] == ["tasks"]
