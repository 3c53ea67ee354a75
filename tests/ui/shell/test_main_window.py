"""The main window as a user meets it: lists, dialogs, Ctrl+L, literal text."""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from relationapp.services.customers import accounts, people
from relationapp.services.touches import interactions
from relationapp.text import formatting
from tests.ui.conftest import run_modal


def test_sidebar_has_the_pages_and_today_comes_first(window):
    titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert titles[0] == "Today"
    assert {"Accounts", "People", "Reports", "Settings"} <= set(titles)
    assert window.current_page() == "today"


def test_add_account_through_dialog_then_find_it_in_the_list(window, qtbot):
    window.show_page("accounts")
    view = window.views["accounts"]

    def fill(dialog):
        qtbot.keyClicks(dialog.name, "Zonnepanelen Zuid B.V.")
        qtbot.keyClicks(dialog.city, "Maastricht")
        dialog.accept()

    run_modal(qtbot, view.new_button.click, fill)
    qtbot.keyClicks(view.search, "zonnepanelen")
    qtbot.waitUntil(lambda: view.model.total() == 1)
    assert view.model.data(view.model.index(0, 0)) == "Zonnepanelen Zuid B.V."
    assert view.model.data(view.model.index(0, 2)) == "Maastricht"


def test_account_dialog_keeps_input_and_shows_the_refusal(window, qtbot):
    from relationapp.ui.accounts.account_dialog import AccountDialog

    dialog = AccountDialog(window.ctx, parent=window)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name, "Foo")
    qtbot.keyClicks(dialog.email, "foo@")
    dialog.accept()
    assert dialog.result() == 0  # still open
    assert "not a valid e-mail" in dialog.error.text()
    assert dialog.name.text() == "Foo"


def test_ctrl_l_logs_an_interaction_on_the_account_timeline(window, qtbot):
    account = accounts.list_accounts(window.ctx.db, search="Sanders Hotel")[0]
    window.show_account(account.id)
    before = window.account_page.timeline_model.rowCount()

    def fill(dialog):
        assert dialog.account.account_id() == account.id  # prefilled from the page
        assert dialog.date.value() == dt.date.today()
        dialog.minutes.setValue(25)
        qtbot.keyClicks(dialog.subject, "Belde over de storing")
        qtbot.keyClick(dialog.subject, Qt.Key.Key_Return)  # Enter saves

    dialog = run_modal(qtbot, lambda: qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier), fill)
    assert dialog is not None
    assert window.account_page.timeline_model.rowCount() == before + 1
    newest = window.account_page.timeline_model.row_object(0)
    assert (newest.subject, newest.duration_minutes, newest.occurred_on) == ("Belde over de storing", 25, dt.date.today())


def test_ctrl_l_closes_the_planned_contact_and_today_hears_of_it(window, qtbot):
    from relationapp.services.common.changes import Kind
    from relationapp.services.today import attention
    from relationapp.services.touches import follow_ups

    account = accounts.list_accounts(window.ctx.db, search="Sanders Hotel")[0]
    planned = attention.plan_contact(window.ctx.db, account_id=account.id, due_on=dt.date.today())
    window.show_account(account.id)
    seen = []
    window.ctx.changed.connect(seen.append)

    def fill(dialog):
        qtbot.keyClicks(dialog.subject, "Even gebeld")
        qtbot.keyClick(dialog.subject, Qt.Key.Key_Return)

    run_modal(qtbot, lambda: qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier), fill)
    still_open = [f.id for f in follow_ups.list_follow_ups(window.ctx.db, account_id=account.id, open_only=True)]
    assert planned.id not in still_open
    assert seen and seen[-1].touches(Kind.INTERACTIONS) and seen[-1].touches(Kind.FOLLOW_UPS)


def test_ctrl_l_from_another_page_picks_the_account_by_typing(window, qtbot):
    window.show_page("people")
    target = accounts.list_accounts(window.ctx.db)[3]

    def fill(dialog):
        dialog.account.set_account(target.id, target.name)
        qtbot.keyClicks(dialog.subject, "Kort belletje")
        dialog.accept()

    run_modal(qtbot, window.log_action.trigger, fill)
    rows = interactions.list_interactions(window.ctx.db, account_id=target.id, limit=1)
    assert rows[0].subject == "Kort belletje"


def test_models_pass_the_model_tester(window, qtmodeltester):
    window.show_account(accounts.list_accounts(window.ctx.db)[0].id)
    window.show_page("accounts")
    window.show_page("people")
    for model in (window.views["accounts"].model, window.views["people"].model,
                  window.account_page.people_model, window.account_page.timeline_model,
                  window.account_page.follow_ups_model):
        qtmodeltester.check(model, force_py=True)


def test_lazy_list_fetches_more_rows_on_demand(ctx, qtbot):
    from relationapp.ui.accounts.accounts_view import AccountsView
    from relationapp.ui.lists import lazy_model

    for i in range(lazy_model.PAGE + 5):
        accounts.create_account(ctx.db, name=f"Account {i:05d}")
    view = AccountsView(ctx)
    qtbot.addWidget(view)
    assert not view.model.loaded  # nothing is read before the list is shown
    view.show()
    assert view.model.total() == lazy_model.PAGE + 5
    assert view.model.rowCount() == lazy_model.PAGE
    assert view.model.canFetchMore()
    view.model.fetchMore()
    assert view.model.rowCount() == lazy_model.PAGE + 5
    assert not view.model.canFetchMore()


def test_a_filtered_list_reads_one_page_and_finds_a_row_further_down(ctx, qtbot):
    from relationapp.ui.accounts.accounts_view import AccountsView
    from relationapp.ui.lists import lazy_model

    ids = [accounts.create_account(ctx.db, name=f"Vandam {i:05d}", city="Venlo").id for i in range(lazy_model.PAGE + 3)]
    accounts.create_account(ctx.db, name="Zeeman", city="Assen")
    view = AccountsView(ctx)
    qtbot.addWidget(view)
    view.show()
    view.search.setText("venlo")
    view.apply_filter()
    assert view.model.rowCount() == lazy_model.PAGE and view.model.total() == lazy_model.PAGE + 3
    qtbot.waitUntil(lambda: view.count.text().startswith(formatting.current().number(lazy_model.PAGE + 3)))
    assert view.model.row_of(ids[-1]) == lazy_model.PAGE + 2  # the next page is read to show it
    assert view.model.rowCount() == lazy_model.PAGE + 3


def test_markup_in_names_shows_literally(ctx, qtbot):
    from relationapp.ui.accounts.account_page import AccountPage
    from relationapp.ui.people.people_view import PeopleView

    evil = "<b>Evil</b> & Co"
    account = accounts.create_account(ctx.db, name=evil)
    people.create_person(ctx.db, name=evil, account_id=account.id, family_notes="<img src='http://x/y.png'>")
    view = PeopleView(ctx)
    qtbot.addWidget(view)
    view.show()
    index = view.model.index(0, 0)
    assert view.model.data(index) == evil
    tip = view.model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;Evil&lt;/b&gt; &amp; Co" in tip  # rendered as rich text, so shown literally
    page = AccountPage(ctx)
    qtbot.addWidget(page)
    page.set_account(account.id)
    assert page.title.text() == evil and page.title.textFormat() == Qt.TextFormat.PlainText
    assert page.people_model.data(page.people_model.index(0, 0)) == evil
    assert "&lt;img" in page.people_model.data(page.people_model.index(0, 6), Qt.ItemDataRole.ToolTipRole)


def test_settings_page_saves_and_refuses_bad_values(window, qtbot):
    window.show_page("settings")
    form = window.views["settings"].form
    form.editors["company_name"].setText("Klimaat & Co")
    assert form.save()
    assert window.windowTitle().endswith("Klimaat & Co")
    form.editors["hourly_cost"].setText("veel")
    assert not form.save()
    assert "not an amount" in form.error.text()


def test_bad_database_shows_a_dialog_and_leaves_the_file(tmp_path, qtbot, answered_boxes):
    from relationapp.ui.shell.app import run_gui

    path = tmp_path / "junk.db"
    path.write_bytes(b"junk" * 100)
    assert run_gui(db_arg=str(path)) == 2
    assert answered_boxes.shown and "not a relationapp database" in answered_boxes.shown[0][1]
    assert path.read_bytes() == b"junk" * 100
    assert QApplication.instance() is not None


def test_deleting_a_touch_can_be_undone(window, qtbot):
    account = accounts.list_accounts(window.ctx.db, search="Sanders Hotel")[0]
    window.show_account(account.id)
    page = window.account_page
    count = page.timeline_model.rowCount()
    subject = page.timeline_model.row_object(0).subject
    page.tabs.setCurrentWidget(page.timeline_table)
    page.timeline_table.setFocus()
    page.timeline_table.selectRow(0)
    qtbot.keyClick(page.timeline_table, Qt.Key.Key_Delete)
    assert page.timeline_model.rowCount() == count - 1
    assert window.undo_action.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.timeline_model.rowCount() == count
    assert page.timeline_model.row_object(0).subject == subject
    assert not window.undo_action.isEnabled()


def test_toolbar_search_finds_and_opens_an_account(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search_box.hasFocus()
    qtbot.keyClicks(window.search_box, "sanders hot")
    window.search_box.run_search()
    assert window.search_box.model.rowCount() >= 1
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    assert window.current_page() == "account"
    assert window.account_page.account.name == "Sanders Hotel B.V."


def test_find_anyone_folds_letters_and_says_when_nothing_matches(window, qtbot):
    box = window.search_box
    accounts.create_account(window.ctx.db, name="Kwekerij Łukasiewicz")
    qtbot.keyClicks(box, "lukasiewicz")
    box.run_search()
    assert box.model.item(0).text().endswith("Kwekerij Łukasiewicz")
    box.clear()
    qtbot.keyClicks(box, "qqzzyx")
    box.run_search()
    [item] = [box.model.item(row) for row in range(box.model.rowCount())]
    assert item.text() == "No account or person matches 'qqzzyx'." and not item.isSelectable()
    page = window.current_page()
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert window.current_page() == page  # nothing to open


def test_double_click_on_a_touch_edits_it(window, qtbot):
    account = accounts.list_accounts(window.ctx.db, search="Sanders Hotel")[0]
    window.show_account(account.id)
    page = window.account_page
    page.tabs.setCurrentWidget(page.timeline_table)
    first = page.timeline_model.row_object(0)

    def fix(dialog):
        assert dialog.subject.text() == (first.subject or "")
        dialog.subject.setText("Gecorrigeerd onderwerp")
        dialog.accept()

    run_modal(qtbot, lambda: page.edit_interaction(page.timeline_model.index(0, 0)), fix)
    assert interactions.get_interaction(window.ctx.db, interaction_id=first.id).subject == "Gecorrigeerd onderwerp"
    assert page.timeline_model.rowCount() > 0


def test_account_page_says_what_the_customer_is_worth(window, qtbot):
    account = accounts.list_accounts(window.ctx.db, search="Sanders Hotel")[0]
    window.show_account(account.id)
    qtbot.waitUntil(lambda: window.account_page.standing.text() != "")
    assert window.account_page.standing.text().startswith("Top customer · €")


def test_export_the_selected_people_as_vcards(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    window.show_page("people")
    view = window.views["people"]
    target = tmp_path / "chosen.vcf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    view.table.selectRow(0)
    view.table.selectionModel().select(view.model.index(2, 0), view.table.selectionModel().SelectionFlag.Select | view.table.selectionModel().SelectionFlag.Rows)
    chosen = [view.model.item(0).name, view.model.item(2).name]
    view.export_button.click()
    qtbot.waitUntil(target.exists)
    text = target.read_text(encoding="utf-8")
    assert text.count("BEGIN:VCARD") == 2
    assert all(name.split()[0] in text for name in chosen)


def test_settings_live_in_one_place_with_a_logo_picker(window, qtbot, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    window.show_page("today")
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == "settings"
    form = window.views["settings"].form
    assert form.editors["cadence_top"].maximumWidth() <= 200  # a two-digit number in a compact field
    logo = tmp_path / "logo.png"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(logo), ""))
    form.logo_button.click()
    assert form.editors["logo_path"].text() == str(logo)


def test_every_sidebar_page_has_an_icon_of_its_own():
    from relationapp.ui.common.icons import icon_names
    from relationapp.ui.shell.main_window import PAGE_ICONS
    from relationapp.ui.shell.pages import PAGES

    assert {entry.key for entry in PAGES} <= set(PAGE_ICONS)  # none falls back to the question mark
    assert set(PAGE_ICONS.values()) <= set(icon_names())


def test_a_wide_page_seen_once_does_not_keep_the_window_wide(window, qtbot):
    """200 % text on a 2560x1440 screen leaves 1280x720 logical pixels: every page fits in them, and the
    widest page (Leads) widens the window only while it is shown."""
    from relationapp.ui.shell import pages

    for entry in pages.PAGES:
        window.show_page(entry.key)
        hint = window.minimumSizeHint()
        assert hint.width() <= 1280 and hint.height() <= 720, (entry.key, hint)
    window.show_page("today")
    assert window.minimumSizeHint().width() < 800


def test_on_a_short_window_a_tall_page_scrolls_instead_of_squeezing_its_fields(window, qtbot):
    """960x540 logical pixels (a 1080p screen at 200 %): the value and sync pages are taller than that."""
    from relationapp.ui.shell import pages

    window.resize(960, 540)
    scrolled = []
    for entry in pages.PAGES:
        window.show_page(entry.key)
        page = window.stack.currentWidget()
        qtbot.waitUntil(lambda page=page: page.isVisible())
        assert page is window.views[entry.key]  # callers see the page, not its scroll area
        # (Visits stacks its panes when narrow: its minimum changes after the first layout)
        qtbot.waitUntil(lambda page=page: page.height() >= page.minimumSizeHint().height())
        if page.height() > window.stack.height():
            scrolled.append(entry.key)
        if entry.key in ("accounts", "people"):  # the lists fit the width too, with room to type a filter
            assert window.minimumSizeHint().width() <= 960, entry.key
            assert page.search.width() >= page.search.fontMetrics().horizontalAdvance("Filter ab"), entry.key
    assert "value" in scrolled and "today" not in scrolled
