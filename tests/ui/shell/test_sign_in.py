"""Signing in as oneself: the dialog at start once staff members have passwords, and switching user."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from relationapp.services.customers import sign_in
from relationapp.services.customers.staff import create_staff, current_staff, list_staff
from relationapp.services.common.settings import update_settings
from tests.ui.conftest import run_modal

SHOTS = Path(os.environ.get("RELATIONAPP_SHOTS", "/tmp/signin"))


def _shoot(widget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / f"{name}.png"))


@pytest.fixture
def team(ctx):
    anna = create_staff(ctx.db, name="Anna de Vries")
    bram = create_staff(ctx.db, name="Bram Smit")
    update_settings(ctx.db, current_staff_id=bram.id)  # the old shared "I am": no longer who a window is
    for member in (anna, bram):  # as the owner of the file sets them up
        sign_in.reset_password(ctx.db, staff_id=member.id, password=f"{member.name.split()[0]} password")
    return anna, bram


def test_without_passwords_nothing_asks_to_sign_in(ctx, qtbot):
    from relationapp.ui.shell.sign_in import sign_in_if_asked

    create_staff(ctx.db, name="Anna de Vries", me=True)
    assert sign_in_if_asked(ctx.db)  # no dialog: a modal one would block the test here
    assert ctx.db.staff_id is None and current_staff(ctx.db).name == "Anna de Vries"


def test_a_wrong_password_says_so_and_the_dialog_stays_open_enter_signs_in(ctx, qtbot, team):
    from relationapp.ui.shell.sign_in import sign_in_if_asked

    anna, _bram = team
    seen = {}

    def work(dialog):
        assert [dialog.who.itemText(i) for i in range(dialog.who.count())] == ["Anna de Vries", "Bram Smit"]
        dialog.who.setCurrentIndex(0)
        qtbot.keyClicks(dialog.password, "not her password")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        seen["error"] = dialog.error.text() if dialog.error.isVisible() else None
        seen["open"] = dialog.isVisible()
        seen["cleared"] = dialog.password.text() == ""
        _shoot(dialog, "sign-in-wrong-password")
        qtbot.keyClicks(dialog.password, "Anna password")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

    result = {}
    run_modal(qtbot, lambda: result.setdefault("ok", sign_in_if_asked(ctx.db)), work)
    assert seen == {"error": "Wrong name or password.", "open": True, "cleared": True}
    assert result["ok"] and ctx.db.staff_id == anna.id
    assert current_staff(ctx.db).name == "Anna de Vries"  # not Bram, the setting


def test_esc_quits_instead_of_signing_in(ctx, qtbot, team):
    from relationapp.ui.shell.sign_in import sign_in_if_asked

    result = {}
    run_modal(qtbot, lambda: result.setdefault("ok", sign_in_if_asked(ctx.db)),
              lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Escape))
    assert result["ok"] is False and ctx.db.staff_id is None


def test_the_i_am_box_follows_who_signed_in_and_switching_needs_their_password(demo_ctx, qtbot, answered_boxes):
    from relationapp.ui.shell.main_window import MainWindow

    staff = list_staff(demo_ctx.db)
    first, second = staff[0], staff[1]
    for member in (first, second):  # as the owner of the file sets them up
        sign_in.reset_password(demo_ctx.db, staff_id=member.id, password="team password")
    sign_in.sign_in(demo_ctx.db, name_or_email=first.name, password="team password")
    window = MainWindow(demo_ctx)
    qtbot.addWidget(window)
    window.show()
    assert window.who_label.text() == f"Signed in: {first.name}"
    window.show_page("settings")
    form = window.views["settings"].form
    box = form.editors["current_staff_id"]
    assert box.currentText() == first.name and not box.isEnabled()  # no switching without signing in
    assert "current_staff_id" not in form.values()

    def as_second(dialog):
        dialog.who.setCurrentIndex(dialog.who.findText(second.name))
        qtbot.keyClicks(dialog.password, "team password")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

    run_modal(qtbot, window.switch_user_action.trigger, as_second)
    assert demo_ctx.db.staff_id == second.id and window.who_label.text() == f"Signed in: {second.name}"
    qtbot.waitUntil(lambda: box.currentText() == second.name)
    _shoot(window, "window-signed-in")
    today = window.views["today"]
    window.show_page("today")
    qtbot.waitUntil(lambda: today.whose.currentData() == second.id)  # my Today is the new one's

    run_modal(qtbot, window.switch_user_action.trigger, lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Escape))
    assert not window.isVisible()  # signed out and nobody signed in: the window closes
    assert answered_boxes.shown == []


def test_a_password_set_in_the_staff_panel_signs_in(ctx, qtbot):
    from relationapp.ui.data.settings_view import SettingsView

    create_staff(ctx.db, name="Anna de Vries")
    view = SettingsView(ctx)
    qtbot.addWidget(view)
    view.show()
    panel = view.form.staff_panel
    panel.table.selectRow(0)

    def typed(dialog, first, again):
        dialog.password.setText(first)
        dialog.again.setText(again)
        dialog.accept()
        return dialog.error.text() if dialog.isVisible() else None

    seen = {}

    def differ_then_same(dialog):
        seen["differ"] = typed(dialog, "correct horse", "correct hose")
        seen["same"] = typed(dialog, "correct horse", "correct horse")

    run_modal(qtbot, panel.password_button.click, differ_then_same)
    assert seen == {"differ": "The two passwords differ; nothing was changed.", "same": None}
    qtbot.waitUntil(lambda: panel.model.data(panel.model.index(0, 4)) == "yes")  # the list says who signs in
    assert sign_in.sign_in(ctx.db, name_or_email="Anna de Vries", password="correct horse").name == "Anna de Vries"


def test_the_app_opens_on_whoever_signs_in_and_esc_quits_without_a_window(tmp_path, qtbot, monkeypatch):
    from PySide6.QtWidgets import QApplication

    from relationapp.services.data_care.instance_lock import current_holder
    from relationapp.services.data_care.opening import open_database
    from relationapp.ui.shell import app as app_module

    path = tmp_path / "firm.db"
    db = open_database(str(path))
    anna = create_staff(db, name="Anna de Vries")
    sign_in.set_password(db, staff_id=anna.id, password="correct horse")
    db.dispose()
    windows = []
    # the event loop not run: the main windows shown at that point recorded instead
    monkeypatch.setattr(QApplication, "exec", staticmethod(lambda: windows.append(
        [w for w in QApplication.topLevelWidgets() if hasattr(w, "ctx") and w.isVisible()]) or 0))
    monkeypatch.setattr("relationapp.ui.common.tasks.collect_garbage_on_ui_thread", lambda parent: None)

    def sign_in_as_anna(dialog):
        qtbot.keyClicks(dialog.password, "correct horse")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

    result = {}
    run_modal(qtbot, lambda: result.setdefault("code", app_module.run_gui(db_arg=str(path))), sign_in_as_anna)
    assert result["code"] == 0
    [window] = windows[0]
    assert window.who_label.text() == "Aangemeld: Anna de Vries"  # the firm's language, Dutch by default
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QApplication.processEvents()

    quit_result = {}
    run_modal(qtbot, lambda: quit_result.setdefault("code", app_module.run_gui(db_arg=str(path))),
              lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Escape))
    assert quit_result["code"] == 0 and len(windows) == 1  # no window, no event loop
    assert current_holder(path) is None  # the file's claim released
