"""Dutch and English in the window: it speaks the catalogue's language when asked."""

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "tools"))
import update_catalogue  # noqa: E402


def _sources() -> set:
    return {m.id for m in update_catalogue.load() if m.id}

def test_labels_declared_outside_the_ui_are_in_the_dutch_file():
    """config.Settings, exchange.columns and the services name things in English; the catalogue has them all."""
    from relationapp.config import Settings
    from relationapp.exchange.columns import FIELDS
    from relationapp.services.relationships.journey import JOURNEY_LABELS
    from relationapp.services.relationships.nps import NO_SCORES
    from relationapp.services.relationships.referrals import OUTCOME_LABELS
    from relationapp.services.today.attention_balance import GROUP_LABELS
    from relationapp.services.value.pyramid import MOVEMENT_LABELS

    wanted = {spec.metadata["label"] for spec in Settings.specs()} | {spec.metadata["group"] for spec in Settings.specs()}
    wanted |= {label for fields in FIELDS.values() for label in fields.values()}
    wanted |= set(MOVEMENT_LABELS.values()) | set(OUTCOME_LABELS.values()) | set(JOURNEY_LABELS.values()) | {NO_SCORES}
    wanted |= set(GROUP_LABELS.values())
    assert wanted - _sources() == set()


@pytest.fixture
def language(qapp):
    """Install a language for one test; afterwards no translator (the other UI tests assert English)."""
    from PySide6.QtCore import QLocale

    from relationapp.ui.common.i18n import install

    locale = QLocale()
    yield lambda code: install(qapp, code)
    install(qapp, "en")
    QLocale.setDefault(locale)


def _window(ctx, qtbot):
    from relationapp.ui.shell.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    return window


def _sidebar(window) -> list[str]:
    return [window.sidebar.item(i).text() for i in range(window.sidebar.count())]


def _accounts_header(window) -> str:
    from PySide6.QtCore import Qt

    return window.views["accounts"].model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)


def test_the_window_speaks_dutch_with_the_dutch_translator(language, demo_ctx, qtbot):
    assert language("nl") is True
    window = _window(demo_ctx, qtbot)
    assert _sidebar(window)[:3] == ["Vandaag", "Relaties", "Personen"]
    assert _accounts_header(window) == "Naam"
    assert window.menus["File"].title() == "&Bestand"
    assert window.views["accounts"].stage.itemText(0) == "Alle fasen"


def test_english_removes_the_translators(language, demo_ctx, qtbot):
    language("nl")
    assert language("en") is False
    window = _window(demo_ctx, qtbot)
    assert _sidebar(window)[0] == "Today"
    assert _accounts_header(window) == "Name"


def test_dutch_mnemonics_do_not_collide_within_a_menu(language, demo_ctx, qtbot):
    language("nl")
    window = _window(demo_ctx, qtbot)
    menus = [window.menuBar().actions()] + [menu.actions() for menu in window.menus.values()]
    for actions in menus:
        keys = [m.group(1).lower() for a in actions if (m := re.search(r"&(\w)", a.text()))]
        assert len(keys) == len(set(keys)), [a.text() for a in actions]


def test_dutch_mnemonics_do_not_collide_within_a_form(language, demo_ctx, qtbot):
    from PySide6.QtWidgets import QLabel

    from relationapp.services.customers import accounts
    from relationapp.services.relationships import referrals
    from relationapp.ui.accounts.account_dialog import AccountDialog
    from relationapp.ui.people.person_dialog import PersonDialog
    from relationapp.ui.relationships.referral_widgets import (
        RecordReferralDialog,
        ThankReferrerDialog,
    )
    from relationapp.ui.touches.follow_up_dialog import FollowUpDialog
    from relationapp.ui.touches.log_interaction import LogInteractionDialog

    language("nl")
    account_id = accounts.list_accounts(demo_ctx.db)[0].id
    dialogs = [AccountDialog(demo_ctx), PersonDialog(demo_ctx), FollowUpDialog(demo_ctx),
               LogInteractionDialog(demo_ctx), RecordReferralDialog(demo_ctx, account_id)]
    ledger = referrals.referral_ledger(demo_ctx.db)
    if ledger:
        dialogs.append(ThankReferrerDialog(demo_ctx, ledger[0].id))
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        texts = [label.text() for label in dialog.findChildren(QLabel)]
        keys = [m.group(1).lower() for text in texts if (m := re.search(r"&(\w)", text))]
        assert keys, type(dialog).__name__
        assert len(keys) == len(set(keys)), (type(dialog).__name__, texts)


@pytest.mark.parametrize("restart", [True, False])
def test_changing_the_language_offers_a_restart(restart, ctx, qtbot, answered_boxes, monkeypatch):
    from PySide6.QtWidgets import QApplication

    from relationapp.ui.common.i18n import RESTART
    from relationapp.ui.data.settings_view import SettingsForm

    exits = []
    monkeypatch.setattr(QApplication.instance(), "exit", exits.append)
    answered_boxes.answer = restart
    form = SettingsForm(ctx)
    qtbot.addWidget(form)
    said = []
    ctx.status_message.connect(said.append)
    assert "restart" in form.language_note.text()
    language = form.editors["language"]
    language.setCurrentIndex(language.findData("en" if ctx.settings.language == "nl" else "nl"))
    assert form.save()
    assert said == ["Settings saved. Restart relationapp to see the new language."]
    assert [title for title, _, _ in answered_boxes.shown] == ["Restart relationapp?"]
    assert exits == ([RESTART] if restart else [])
    said.clear()
    assert form.save()  # nothing changed about the language now: no second question
    assert said == ["Settings saved."]
    assert len(answered_boxes.shown) == 1


@pytest.mark.parametrize("code, shown", [("nl", "2 mrt 2026"), ("en", "2 Mar 2026")])
def test_a_date_field_reads_as_dates_do_elsewhere(language, qtbot, code, shown):
    """Not ISO "2026-03-02" in a window that writes "2 mrt 2026" beside it."""
    import datetime as dt

    from relationapp.text.formatting import Formatter
    from relationapp.ui.common.widgets import DateField

    language(code)
    field = DateField(dt.date(2026, 3, 2))
    qtbot.addWidget(field)
    assert field.text() == shown == Formatter.for_language(code).date(dt.date(2026, 3, 2))
    assert field.value() == dt.date(2026, 3, 2)
