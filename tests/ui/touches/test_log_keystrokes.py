"""Ctrl+L never loses a keystroke: Enter takes the first suggestion, a second Enter saves, one Tab leaves the date."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from relationapp.services.customers.accounts import create_account
from relationapp.services.touches.interactions import list_interactions


def _dialog(ctx, qtbot):
    from relationapp.ui.touches.log_interaction import LogInteractionDialog

    dialog = LogInteractionDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.account.hasFocus)
    return dialog


def test_typing_fast_then_enter_takes_the_first_suggestion_and_a_second_enter_saves(ctx, qtbot):
    sanders = create_account(ctx.db, name="Sanders Hotel B.V.", city="Breda")
    create_account(ctx.db, name="Sanders Bakkerij", city="Ede")
    dialog = _dialog(ctx, qtbot)
    qtbot.keyClicks(dialog.account, "sanders ho")  # Enter before the search ran: it runs now
    qtbot.keyClick(dialog.account, Qt.Key.Key_Return)
    assert dialog.account.account_id() == sanders.id and dialog.isVisible()
    assert dialog.account.text() == "Sanders Hotel B.V. (Breda)"
    focused = QApplication.focusWidget()
    qtbot.keyClick(focused, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    [touch] = list_interactions(ctx.db, account_id=sanders.id)
    assert touch.kind == "call"


def test_enter_with_the_list_open_takes_its_first_line(ctx, qtbot):
    create_account(ctx.db, name="Aalders Installatie")
    bakker = create_account(ctx.db, name="Bakker Installatie")
    dialog = _dialog(ctx, qtbot)
    qtbot.keyClicks(dialog.account, "installatie")
    dialog.account.search_now()
    assert dialog.account.completer().popup().isVisible()
    qtbot.keyClick(dialog.account.completer().popup(), Qt.Key.Key_Down)
    qtbot.keyClick(dialog.account.completer().popup(), Qt.Key.Key_Down)  # the second line: Bakker
    qtbot.keyClick(dialog.account.completer().popup(), Qt.Key.Key_Return)
    assert dialog.account.account_id() == bakker.id and dialog.isVisible()


def test_one_tab_leaves_the_date_and_nothing_typed_is_lost(ctx, qtbot):
    account = create_account(ctx.db, name="Smit")
    dialog = _dialog(ctx, qtbot)
    dialog.account.set_account(account.id, "Smit")
    dialog.date.setFocus()
    qtbot.waitUntil(dialog.date.hasFocus)
    qtbot.keyClick(dialog.date, Qt.Key.Key_Tab)
    assert not dialog.date.hasFocus() and dialog.minutes.hasFocus()


def test_a_logged_touch_can_be_undone(ctx, qtbot):
    account = create_account(ctx.db, name="Smit")
    dialog = _dialog(ctx, qtbot)
    dialog.account.set_account(account.id, "Smit")
    dialog.accept()
    assert len(list_interactions(ctx.db, account_id=account.id)) == 1
    heard = []
    ctx.changed.connect(heard.append)
    assert ctx.undo()
    assert list_interactions(ctx.db, account_id=account.id) == [] and heard


def test_by_is_the_staff_member_set_as_i_am(ctx, qtbot):
    from relationapp.services.common.settings import update_settings
    from relationapp.services.customers.staff import create_staff

    create_staff(ctx.db, name="Anouk")
    piet = create_staff(ctx.db, name="Piet")
    update_settings(ctx.db, current_staff_id=piet.id)
    account = create_account(ctx.db, name="Smit")
    dialog = _dialog(ctx, qtbot)
    assert dialog.staff.currentText() == "Piet"
    dialog.account.set_account(account.id, "Smit")
    dialog.accept()
    [touch] = list_interactions(ctx.db, account_id=account.id)
    assert touch.staff_id == piet.id
