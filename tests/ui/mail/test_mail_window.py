"""Mail in the window: files dropped on it or on an account, the review list, the settings, the background sync."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from relationapp.services.common.changes import Kind
from relationapp.services.mail import senders
from relationapp.services.touches.interactions import list_interactions
from tests.mail_samples import firm, mail


@pytest.fixture
def people(db):
    return firm(db)


@pytest.fixture
def win(ctx, people, qtbot):
    from relationapp.ui.shell.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _mime(*paths) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def _drop(widget, mime) -> bool:
    actions, button, keys = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPointF(20, 20), actions, mime, button, keys)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    QApplication.sendEvent(widget, QDropEvent(QPointF(20, 20), actions, mime, button, keys))
    return True


def test_dropping_mail_files_on_the_window_logs_them_and_says_what_came_of_them(win, ctx, people, tmp_path, qtbot,
                                                                                answered_boxes):
    (tmp_path / "offerte.eml").write_bytes(mail())
    (tmp_path / "nieuw.eml").write_bytes(mail(sender="Nieuw <nieuw@elders.nl>", message_id="<n@x>"))
    seen = []
    ctx.changed.connect(seen.append)

    assert _drop(win, _mime(tmp_path / "offerte.eml", tmp_path / "nieuw.eml"))
    qtbot.waitUntil(lambda: bool(answered_boxes.shown), timeout=20000)

    (title, text, text_format) = answered_boxes.shown[0]
    assert title == "Mail imported" and text_format == Qt.TextFormat.PlainText
    assert "1 of 2 mails logged as touches." in text and "1 came from senders we do not know" in text
    assert [t.subject for t in list_interactions(ctx.db, account_id=people["bakker"].id)] == ["Offerte"]
    assert any(c.touches(Kind.INTERACTIONS) for c in seen)


def test_mail_dropped_on_an_account_page_is_logged_there(win, ctx, people, tmp_path, qtbot, answered_boxes):
    (tmp_path / "nieuw.eml").write_bytes(mail(sender="Nieuw <nieuw@bakker-bouw.nl>", message_id="<acc@x>"))
    win.show_account(people["bakker"].id)

    assert _drop(win, _mime(tmp_path))
    qtbot.waitUntil(lambda: bool(answered_boxes.shown), timeout=20000)

    (touch,) = list_interactions(ctx.db, account_id=people["bakker"].id)
    assert touch.kind == "email" and touch.people == ()


def test_a_drag_without_mail_is_refused(win, tmp_path):
    (tmp_path / "notes.txt").write_text("x")

    assert not _drop(win, _mime(tmp_path / "notes.txt"))


@pytest.fixture
def waiting(db, people, tmp_path):
    from relationapp.exchange.mail.files import import_mail

    (tmp_path / "a.eml").write_bytes(mail(sender="Piet de Boer <piet@boer-bouw.nl>", message_id="<a@x>"))
    (tmp_path / "b.eml").write_bytes(mail(sender="spam@reclame.nl", message_id="<b@x>"))
    import_mail(db, paths=[tmp_path])


def test_the_review_list_ignores_with_undo(ctx, waiting, qtbot, qtmodeltester):
    from relationapp.ui.mail.senders_dialog import SendersDialog

    dialog = SendersDialog(ctx)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    assert [s.address for s in dialog.model.rows] == ["piet@boer-bouw.nl", "spam@reclame.nl"]
    dialog.table.selectRow(1)

    dialog.ignore_button.click()
    assert [s.address for s in dialog.model.rows] == ["piet@boer-bouw.nl"]
    dialog.show_ignored.setChecked(True)
    assert [s.address for s in dialog.model.rows] == ["spam@reclame.nl"]

    ctx.undo()
    assert dialog.model.rows == []
    dialog.show_ignored.setChecked(False)
    assert len(dialog.model.rows) == 2


def test_the_review_list_adds_a_person_on_an_account(ctx, people, waiting, qtbot):
    from relationapp.ui.mail.senders_dialog import SenderPersonDialog, SendersDialog

    dialog = SendersDialog(ctx)
    qtbot.addWidget(dialog)
    sender = dialog.current()
    form = SenderPersonDialog(ctx, sender, dialog)
    qtbot.addWidget(form)
    assert form.name.text() == "Piet de Boer"
    form.accept()
    assert "Choose the account" in form.error.text()

    form.account.set_account(people["bakker"].id, "Bakker BV")
    form.accept()

    assert (form.result_value.account, form.result_value.name, form.result_value.logged) == (
        "Bakker BV", "Piet de Boer", 1)
    assert [t.subject for t in list_interactions(ctx.db, account_id=people["bakker"].id)] == ["Offerte"]
    assert [s.address for s in dialog.model.rows] == ["spam@reclame.nl"]  # the list followed the change


def test_the_review_list_adds_a_lead_filled_in_from_the_address(ctx, waiting, qtbot):
    from relationapp.ui.mail.senders_dialog import SenderLeadDialog

    sender = senders.get_sender(ctx.db, address="piet@boer-bouw.nl")
    form = SenderLeadDialog(ctx, sender)
    qtbot.addWidget(form)
    assert (form.person.text(), form.organisation.text(), form.email.text()) == (
        "Piet de Boer", "Boer Bouw", "piet@boer-bouw.nl")

    form.accept()

    assert form.result_value.account == "Boer Bouw"
    assert senders.count_waiting(ctx.db) == 1


def test_settings_keep_the_password_in_the_keyring_never_in_the_database(ctx, db_path, qtbot, memory_keyring):
    from relationapp.ui.data.settings_view import SettingsForm

    form = SettingsForm(ctx)
    qtbot.addWidget(form)
    form.editors["mail_host"].setText("imap.example.nl")
    form.editors["mail_user"].setText("eva@ourfirm.nl")
    form.mail.password.setText("zeer-geheim-42")

    assert form.save(), form.error.text()

    assert memory_keyring.secrets == {("relationapp-imap", "eva@ourfirm.nl@imap.example.nl"): "zeer-geheim-42"}
    assert ctx.settings.mail_host == "imap.example.nl" and form.mail.password.text() == ""
    ctx.db.dispose()
    for path in db_path.parent.glob(db_path.name + "*"):
        assert b"zeer-geheim-42" not in path.read_bytes()


def test_settings_without_a_keyring_say_so_and_save_nothing(ctx, qtbot):
    from relationapp.ui.data.settings_view import SettingsForm

    form = SettingsForm(ctx)
    qtbot.addWidget(form)
    form.editors["mail_host"].setText("imap.example.nl")
    form.editors["mail_user"].setText("eva")
    form.mail.password.setText("pw")

    assert not form.save()

    assert "No system keyring is usable" in form.error.text()
    assert ctx.settings.mail_host == ""


def test_the_window_syncs_the_watched_folder_in_the_background(ctx, people, imap, memory_keyring, qtbot):
    from relationapp.exchange.mail.password import store_password
    from relationapp.services.common.settings import update_settings
    from relationapp.ui.shell.main_window import MainWindow

    imap.make_folder("relationapp")
    imap.append("relationapp", mail(message_id="<bg@bakker.nl>"))
    update_settings(ctx.db, mail_host=imap.host, mail_port=imap.port, mail_security="none", mail_user=imap.user)
    store_password(host=imap.host, user=imap.user, password=imap.password)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.mail_sync.timer.isActive()  # configured: checked every mail_sync_minutes
    done = []

    assert window.mail_sync.sync_now(on_done=done.append)
    assert not window.mail_sync.sync_now()  # one at a time
    qtbot.waitUntil(lambda: bool(done), timeout=20000)

    assert done[0].logged == 1 and not window.mail_sync.bar.isVisible()
    assert [t.subject for t in list_interactions(ctx.db, account_id=people["bakker"].id)] == ["Offerte"]


def test_a_background_sync_that_fails_says_so_in_the_status_bar_only(ctx, people, qtbot, answered_boxes):
    from relationapp.services.common.settings import update_settings
    from relationapp.ui.shell.main_window import MainWindow

    update_settings(ctx.db, mail_host="127.0.0.1", mail_port=1, mail_security="none", mail_user="eva")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    failed = []

    window.mail_sync.sync_now(on_error=failed.append)
    qtbot.waitUntil(lambda: bool(failed), timeout=20000)

    assert "No system keyring is usable" in window.mail_sync.last_error
    assert window.mail_sync.status.toolTip() == window.mail_sync.last_error
    assert answered_boxes.shown == []
