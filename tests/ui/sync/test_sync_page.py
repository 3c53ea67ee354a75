"""The Sync page against a real server (Radicale): set up, Sync now off the UI thread, review a conflict."""

from __future__ import annotations

from relationapp.services.customers.people import create_person, update_person
from relationapp.services.sync.store import sync_status


def _page(ctx, qtbot):
    from relationapp.ui.sync.sync_view import SyncView

    page = SyncView(ctx)
    qtbot.addWidget(page)
    page.show()
    return page


def test_set_up_sync_now_and_keep_the_phones_value(ctx, qtbot, dav, memory_keyring, tmp_path):
    person = create_person(ctx.db, name="Anna de Boer", email="anna@example.nl")
    page = _page(ctx, qtbot)
    assert not page.sync_button.isEnabled()
    page.url.setText(dav.url)
    page.user.setText(dav.user)
    page.password.setText(dav.password)
    page.collections["contacts"].setText(f"{dav.user}/contacts/")

    with qtbot.waitSignal(ctx.changed, timeout=20_000):
        page.save_button.click()
    qtbot.waitUntil(lambda: page.sync_button.isEnabled(), timeout=20_000)
    assert page.password.text() == ""  # into the keyring, not kept in the window

    with qtbot.waitSignal(page.sync.finished, timeout=60_000):
        page.sync_button.click()
    assert "Contacts: 1 out to the server" in page.last.text()
    assert len(dav.names("contacts")) == 1

    (name, text), = dav.items("contacts").items()
    dav.put("contacts", name, text.replace("anna@example.nl", "anna@phone.nl"))
    update_person(ctx.db, person_id=person.id, email="anna@app.nl")
    with qtbot.waitSignal(page.sync.finished, timeout=60_000):
        page.sync_button.click()
    assert page.conflicts.rowCount() == 1
    assert [page.conflicts.item(0, c).text() for c in range(4)] == ["Anna de Boer", "E-mail", "anna@app.nl",
                                                                     "anna@phone.nl"]
    page.grab().save(str(tmp_path / "sync_page.png"))

    page.conflicts.selectRow(0)
    page.keep_server.click()
    assert page.conflicts.rowCount() == 0 and not sync_status(ctx.db).conflicts


def test_the_page_is_in_the_sidebar(window):
    from relationapp.ui.shell import pages

    assert "sync" in [p.key for p in pages.PAGES]
    window.show_page("sync")
    assert window.phone_sync.configured is False


def test_find_on_the_server_offers_each_kind_its_collections(ctx, qtbot, dav, memory_keyring):
    page = _page(ctx, qtbot)
    page.url.setText(dav.url)
    page.user.setText(dav.user)
    page.password.setText(dav.password)

    page.find_button.click()
    qtbot.waitUntil(lambda: page.collections["tasks"].count() > 0, timeout=20_000)
    contacts, tasks = page.collections["contacts"], page.collections["tasks"]
    assert [contacts.itemText(i) for i in range(contacts.count())] == [f"Contacts — /{dav.user}/contacts/"]
    assert contacts.text() == f"/{dav.user}/contacts/"  # the only address book: chosen
    assert [tasks.itemText(i) for i in range(tasks.count())] == [f"Tasks — /{dav.user}/tasks/"]
    visits = page.collections["visits"]
    assert visits.count() == 2 and visits.text() == ""  # two event calendars: the user picks one
    visits.setCurrentIndex(visits.findData(f"/{dav.user}/visits/"))
    assert visits.text() == f"/{dav.user}/visits/"


def _set_up(page, qtbot, ctx, *, name, server):
    page.add_button.click()
    page.name.setText(name)
    page.url.setText(server.url)
    page.user.setText(server.user)
    page.password.setText(server.password)
    page.collections["contacts"].setText(f"{server.user}/contacts/")
    with qtbot.waitSignal(ctx.changed, timeout=20_000):
        page.save_button.click()
    qtbot.waitUntil(lambda: page.chosen == name and page.save_button.isEnabled(), timeout=20_000)


def test_two_accounts_listed_synced_one_and_all_and_one_removed_after_asking(ctx, qtbot, dav, memory_keyring,
                                                                          answered_boxes):
    import os

    office = dav.other()
    create_person(ctx.db, name="Anna de Boer", email="anna@example.nl")
    page = _page(ctx, qtbot)
    page.resize(1100, 800)
    _set_up(page, qtbot, ctx, name="phone", server=dav)
    _set_up(page, qtbot, ctx, name="office", server=office)
    assert [page.accounts.item(r, 0).text() for r in range(page.accounts.rowCount())] == ["phone", "office"]
    assert page.name.text() == "office" and not page.name.isEnabled()  # another name is another account

    with qtbot.waitSignal(page.sync.finished, timeout=60_000):
        page.sync_button.click()  # the chosen one: office
    assert len(office.names("contacts")) == 1 and dav.names("contacts") == []
    assert page.accounts.item(0, 3).text() == "never"

    with qtbot.waitSignal(page.sync.finished, timeout=60_000):
        page.sync_all_button.click()
    assert len(dav.names("contacts")) == 1
    assert page.last.text().splitlines() == ["phone: Contacts: 1 out to the server", "office: Contacts: nothing changed"]
    assert page.accounts.item(0, 4).text() == "Contacts: 1 out to the server"

    page.accounts.selectRow(0)
    assert page.chosen == "phone" and page.url.text() == dav.url and page.user.text() == dav.user
    os.makedirs("/tmp/sync", exist_ok=True)
    page.grab().save("/tmp/sync/sync_page_two_accounts.png")

    answered_boxes.answer = False
    page.remove_button.click()
    assert len(page.status.accounts) == 2
    answered_boxes.answer = True
    with qtbot.waitSignal(ctx.changed, timeout=20_000):
        page.remove_button.click()
    title, text, _format = answered_boxes.shown[-1]
    assert "'phone'" in text and "stay there" in text
    assert [page.accounts.item(r, 0).text() for r in range(page.accounts.rowCount())] == ["office"]
    assert page.chosen == "office" and len(dav.names("contacts")) == 1  # still on the server
    assert not page.sync_all_button.isEnabled()
