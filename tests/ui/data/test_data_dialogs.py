"""Duplicates review and the privacy dialog, as a user uses them."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from relationapp.services.customers.people import create_person  # noqa: E402
from tests.helpers import count  # noqa: E402


def test_duplicates_side_by_side_and_merge(ctx, qtbot, tmp_path):
    from relationapp.ui.data.duplicates_dialog import DuplicatesDialog

    create_person(ctx.db, name="Anna de Vries", email="anna@example.nl")
    create_person(ctx.db, name="Anna de Vries", email="ANNA@example.nl", phone="06-12345678")
    dialog = DuplicatesDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.groups.count() == 1, timeout=5000)
    assert dialog.table.columnCount() == 2
    assert dialog.table.item(1, 1).text() == "ANNA@example.nl"
    dialog.grab().save(str(tmp_path / "dups.png"))
    dialog.merge()
    assert count(ctx.db, "person") == 1
    qtbot.waitUntil(lambda: "No likely duplicates" in dialog.summary.text(), timeout=5000)
    assert dialog.groups.count() == 0


def test_erase_needs_the_name_typed(ctx, qtbot, monkeypatch, answered_boxes):
    from PySide6.QtWidgets import QDialog

    from relationapp.ui.data import privacy_dialog

    person = create_person(ctx.db, name="Zoë Çelik")
    dialog = privacy_dialog.PrivacyDialog(ctx, person_id=person.id)
    qtbot.addWidget(dialog)
    assert dialog.person_id() == person.id
    prompt = privacy_dialog.ErasePrompt("Zoë Çelik")
    qtbot.addWidget(prompt)
    prompt.typed.setText("Zoe")
    assert not prompt.erase.isEnabled()
    prompt.typed.setText("zoë çelik")
    assert prompt.erase.isEnabled()

    monkeypatch.setattr(privacy_dialog.ErasePrompt, "exec", lambda self: QDialog.DialogCode.Accepted)
    dialog.erase()
    qtbot.waitUntil(lambda: count(ctx.db, "person") == 0, timeout=5000)


def test_erase_prompt_lists_the_mentions_first(ctx, qtbot, monkeypatch, answered_boxes):
    from PySide6.QtWidgets import QDialog

    from relationapp.services.customers.accounts import create_account
    from relationapp.ui.data import privacy_dialog

    account = create_account(ctx.db, name="Smit BV", notes="Fenna decides")
    person = create_person(ctx.db, name="Fenna Bakker", account_id=account.id)
    for i in range(7):
        create_person(ctx.db, name=f"Colleague {i}", account_id=account.id, personal_notes=f"Knows Bakker {i}")
    shown = []

    def accept(prompt):
        shown.append(prompt.mentions.text())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(privacy_dialog.ErasePrompt, "exec", accept)
    dialog = privacy_dialog.PrivacyDialog(ctx, person_id=person.id)
    qtbot.addWidget(dialog)
    dialog.erase()
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=5000)
    (text,) = shown
    assert text.startswith("8 records mention them") and "Fenna decides" in text and "… and 3 more." in text
    qtbot.waitUntil(lambda: count(ctx.db, "person") == 7, timeout=5000)
    empty = privacy_dialog.ErasePrompt("Nobody")
    qtbot.addWidget(empty)
    assert empty.mentions.text() == "No other records mention them."


def _held_search(monkeypatch, privacy_dialog):
    """find_mentions waits on the worker thread until the test lets it go."""
    import threading

    release, started = threading.Event(), threading.Event()
    real = privacy_dialog.privacy.find_mentions

    def slow(db, *, person_id):
        started.set()
        release.wait(10)
        return real(db, person_id=person_id)

    monkeypatch.setattr(privacy_dialog.privacy, "find_mentions", slow)
    return started, release


def test_mentions_are_found_off_the_ui_thread(ctx, qtbot, monkeypatch, answered_boxes):
    from PySide6.QtWidgets import QDialog

    from relationapp.ui.data import privacy_dialog

    person = create_person(ctx.db, name="Fenna Bakker", personal_notes="x")
    create_person(ctx.db, name="Other", personal_notes="Call Fenna Bakker")
    started, release = _held_search(monkeypatch, privacy_dialog)
    shown = []
    monkeypatch.setattr(privacy_dialog.ErasePrompt, "exec",
                        lambda prompt: shown.append(prompt.mentions.text()) or QDialog.DialogCode.Rejected)
    dialog = privacy_dialog.PrivacyDialog(ctx, person_id=person.id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.erase()  # returns at once: the window keeps responding
    qtbot.waitUntil(started.is_set, timeout=5000)
    assert dialog.searching() and not dialog.busy.isHidden()
    assert not dialog.erase_button.isEnabled()
    assert "Looking for records that mention Fenna Bakker" in dialog.status.text()
    dialog.matches.setCurrentRow(0)
    assert not dialog.erase_button.isEnabled()
    assert shown == []
    release.set()
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=5000)
    assert "Call Fenna Bakker" in shown[0]
    assert not dialog.searching() and dialog.busy.isHidden()
    assert dialog.erase_button.isEnabled()
    assert count(ctx.db, "person") == 2  # the prompt was cancelled


def test_a_search_that_ends_after_the_dialog_closed_is_ignored(ctx, qtbot, monkeypatch, answered_boxes):
    from relationapp.ui.data import privacy_dialog

    person = create_person(ctx.db, name="Fenna Bakker")
    started, release = _held_search(monkeypatch, privacy_dialog)
    prompts = []
    monkeypatch.setattr(privacy_dialog.ErasePrompt, "exec", lambda prompt: prompts.append(prompt) or 0)
    dialog = privacy_dialog.PrivacyDialog(ctx, person_id=person.id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.erase()
    qtbot.waitUntil(started.is_set, timeout=5000)
    dialog.reject()
    release.set()
    assert ctx.tasks.wait(10000)
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()  # the result is delivered (and dropped) here
    assert prompts == [] and answered_boxes.shown == []
    assert count(ctx.db, "person") == 1


def test_menu_actions_are_registered_and_load():
    from relationapp.ui.shell import pages

    targets = [m.target for m in pages.MENU_ACTIONS if "data_actions" in m.target or "import_wizard" in m.target]
    assert len(targets) == 7
    for target in targets:
        assert callable(pages.load(target))


def test_backup_now_and_restore_from_the_file_menu(ctx, qtbot, monkeypatch, answered_boxes):
    from PySide6.QtWidgets import QFileDialog

    from relationapp.services.common.changes import Kind
    from relationapp.services.customers.accounts import create_account
    from relationapp.services.data_care.backups import list_backups
    from relationapp.ui.data import data_actions

    create_account(ctx.db, name="Before")
    data_actions.backup_now(ctx, None)
    ctx.tasks.wait()
    qtbot.waitUntil(lambda: len(list_backups(ctx.db.path.parent / "backups")) == 1, timeout=5000)
    (backup,) = list_backups(ctx.db.path.parent / "backups")
    create_account(ctx.db, name="After")
    changed = []
    ctx.changed.connect(changed.append)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(backup.path), ""))
    data_actions.restore_from_backup(ctx, None)
    assert count(ctx.db, "account") == 1
    assert changed and changed[-1].touches(Kind.ACCOUNTS)


def test_the_person_dialog_offers_the_privacy_actions(ctx, qtbot, monkeypatch):
    from relationapp.ui.data import privacy_dialog
    from relationapp.ui.people.person_dialog import PersonDialog

    person = create_person(ctx.db, name="Jan Jansen")
    dialog = PersonDialog(ctx, person_id=person.id)
    qtbot.addWidget(dialog)
    button = next(b for b in dialog.buttons.buttons() if b.text() == "Privacy…")
    opened = []
    monkeypatch.setattr(privacy_dialog, "open_privacy", lambda ctx, parent, pid: opened.append(pid))
    button.click()
    assert opened == [person.id]


def test_settings_offer_backup_now_and_restore(ctx, qtbot, monkeypatch):
    from PySide6.QtWidgets import QPushButton

    from relationapp.ui.data import data_actions
    from relationapp.ui.data.settings_view import SettingsView

    calls = []
    monkeypatch.setattr(data_actions, "backup_now", lambda c, w: calls.append("backup"))
    view = SettingsView(ctx)
    qtbot.addWidget(view)
    buttons = {b.text(): b for b in view.findChildren(QPushButton)}
    assert "Restore…" in buttons
    buttons["Backup now"].click()
    assert calls == ["backup"]


def test_erasing_runs_off_the_ui_thread_and_pages_hear_of_it_even_if_the_dialog_closed(ctx, qtbot, monkeypatch,
                                                                                      answered_boxes):
    import threading

    from PySide6.QtWidgets import QDialog

    from relationapp.services.common.changes import Kind
    from relationapp.ui.data import privacy_dialog

    person = create_person(ctx.db, name="Fenna Bakker")
    release, started = threading.Event(), threading.Event()
    real = privacy_dialog.privacy.erase_person

    def slow(db, **kwargs):
        started.set()
        release.wait(10)
        return real(db, **kwargs)

    monkeypatch.setattr(privacy_dialog.privacy, "erase_person", slow)
    monkeypatch.setattr(privacy_dialog.ErasePrompt, "exec", lambda prompt: QDialog.DialogCode.Accepted)
    heard = []
    ctx.changed.connect(heard.append)
    dialog = privacy_dialog.PrivacyDialog(ctx, person_id=person.id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.erase()
    qtbot.waitUntil(started.is_set, timeout=5000)
    assert "Erasing Fenna Bakker" in dialog.status.text() and not dialog.erase_button.isEnabled()
    dialog.reject()
    release.set()
    qtbot.waitUntil(lambda: bool(heard), timeout=5000)
    assert count(ctx.db, "person") == 0 and heard[0].touches(Kind.PEOPLE)
    assert answered_boxes.shown == []  # the closed dialog shows nothing


@pytest.mark.pg
def test_backup_now_on_a_server_database_says_it_used_pg_dump(pg_db, qtbot, isolated_user_dirs):
    from relationapp import config
    from relationapp.ui.common.context import AppContext
    from relationapp.ui.data import data_actions

    ctx = AppContext(pg_db)
    said = []
    ctx.status_message.connect(said.append)
    try:
        data_actions.backup_now(ctx, None)
        qtbot.waitUntil(lambda: any("pg_dump" in line for line in said), timeout=30000)
    finally:
        ctx.tasks.stop()
    [made] = list(config.backup_dir().glob("*.dump"))
    assert said[-1] == f"Backup made with pg_dump: {made}"


@pytest.mark.pg
def test_the_window_on_a_server_makes_its_daily_backup_after_it_shows(pg_db, qtbot, isolated_user_dirs):
    from relationapp import config
    from relationapp.ui.common.context import AppContext
    from relationapp.ui.shell import startup_checks

    ctx = AppContext(pg_db)
    try:
        with qtbot.waitSignal(ctx.status_message, timeout=30000) as said:
            startup_checks.after_window_shown(ctx, None)
    finally:
        ctx.tasks.stop()
    [made] = list(config.backup_dir().glob("*-auto.dump"))
    assert said.args[0] == f"Daily backup: Backup made with pg_dump: {made}"
