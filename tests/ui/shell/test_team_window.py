"""The window on a PostgreSQL demo firm (a smoke set; the UI suite runs on SQLite): every page and tab
shows, Find anyone finds, Ctrl+L logs a touch that Today and the account page then show."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from relationapp.data.models import Account
from relationapp.services.customers import accounts
from tests.ui.conftest import run_modal
from tests.ui.shell.test_one_language import _settled

pytestmark = pytest.mark.pg


@pytest.fixture
def pg_window(pg_demo_db, qtbot):
    from relationapp.ui.common.context import AppContext
    from relationapp.ui.shell.main_window import MainWindow

    ctx = AppContext(pg_demo_db)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    ctx.tasks.stop()


def test_every_page_and_tab_opens_on_postgresql(pg_window, qtbot, answered_boxes):
    from relationapp.ui.shell import pages

    for entry in pages.PAGES:
        pg_window.show_page(entry.key)
        view = pg_window.views[entry.key]
        _settled(pg_window, qtbot)
        tabs = getattr(view, "tabs", None)
        for i in range(tabs.count() if tabs is not None else 1):
            if tabs is not None:
                tabs.setCurrentIndex(i)
                _settled(pg_window, qtbot)
        assert pg_window.current_page() == entry.key
    assert answered_boxes.shown == []  # no error box on the way


def test_find_and_log_a_touch_on_postgresql(pg_window, qtbot, answered_boxes):
    [account] = accounts.list_accounts(pg_window.ctx.db, search="Sanders Hotel")
    pg_window.show_account(account.id)
    _settled(pg_window, qtbot)
    before = pg_window.account_page.timeline_model.rowCount()

    def fill(dialog):
        assert dialog.account.account_id() == account.id
        dialog.minutes.setValue(15)
        qtbot.keyClicks(dialog.subject, "Belde over de offerte")
        qtbot.keyClick(dialog.subject, Qt.Key.Key_Return)

    run_modal(qtbot, lambda: qtbot.keyClick(pg_window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier), fill)
    _settled(pg_window, qtbot)
    assert pg_window.account_page.timeline_model.rowCount() == before + 1
    newest = pg_window.account_page.timeline_model.row_object(0)
    assert (newest.subject, newest.occurred_on) == ("Belde over de offerte", dt.date.today())
    with pg_window.ctx.db.read() as session:  # the plpgsql trigger moved the account's last touch
        assert session.get(Account, account.id).last_touch_on == dt.date.today()
    pg_window.show_page("today")
    _settled(pg_window, qtbot)
    assert answered_boxes.shown == []
