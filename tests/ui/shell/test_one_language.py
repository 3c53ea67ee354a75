"""The window in one language: every page, tab and dialog of the demo firm, read as the user sees it.

Dutch must show no English glossary word, no English month or day name and no
decimal point; English no Dutch glossary word, month name or decimal comma.
"""

from __future__ import annotations

import re

import pytest

from tests.language import foreign, the_firms_own_words, without


def test_the_check_itself_finds_mixed_language():
    assert foreign("Omzet 12 mnd: 160.6 u, 12 May 1975", "nl") == ["160.6", "May"] or \
        set(foreign("Omzet 12 mnd: 160.6 u, 12 May 1975", "nl")) == {"160.6", "May"}
    assert "revenue" in foreign("Revenue: € 1.234,56", "nl")
    assert foreign("Omzet: € 1.234,56 op 12 mei", "nl") == []
    assert set(foreign("Omzet: 1,5 h on 3 maart", "en")) == {"omzet", "1,5", "maart"}
    assert foreign("Revenue: €1,234.56 on 12 May", "en") == []


def _texts(root) -> list[tuple[str, str]]:
    """(where, text) of everything a user can read in ``root`` and its children."""
    from PySide6.QtCore import QModelIndex, Qt
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QPlainTextEdit,
        QTabWidget,
        QTextEdit,
        QWidget,
    )

    out = []
    widgets = [root] + root.findChildren(QWidget)
    for w in widgets:
        where = type(w).__name__ + ":" + (w.objectName() or "")
        if w.isWindow() and w.windowTitle():
            out.append((where, w.windowTitle()))
        if w.toolTip():
            out.append((where, re.sub(r"<[^>]+>", "", w.toolTip())))
        if isinstance(w, QLabel):
            out.append((where, re.sub(r"<[^>]+>", " ", w.text())))
        elif isinstance(w, QAbstractButton):
            out.append((where, w.text()))
        elif isinstance(w, QGroupBox):
            out.append((where, w.title()))
        elif isinstance(w, QTabWidget):
            out += [(where, w.tabText(i)) for i in range(w.count())]
        elif isinstance(w, QComboBox):
            out += [(where, w.itemText(i)) for i in range(w.count())]
        elif isinstance(w, QLineEdit):
            out.append((where, w.placeholderText()))
        elif isinstance(w, (QTextEdit, QPlainTextEdit)):
            out.append((where, w.placeholderText()))
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # a list model keeps columnCount private
                columns = 1
            for c in range(columns):
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = model.headerData(c, Qt.Orientation.Horizontal, role)
                    if isinstance(value, str):
                        out.append((where + " header", value))
            for r in range(min(model.rowCount(QModelIndex()), 15)):
                for c in range(max(columns, 1)):
                    value = model.data(model.index(r, c), Qt.ItemDataRole.DisplayRole)
                    if isinstance(value, str):
                        out.append((where + f" row {r}", value))
    return [(where, text) for where, text in out if text]


def _settled(window, qtbot) -> None:
    """Background loads done and their results shown."""
    from PySide6.QtCore import QCoreApplication

    for _ in range(3):
        window.ctx.tasks.wait()
        QCoreApplication.processEvents()
        qtbot.wait(1)


def _everything(window, qtbot) -> list[tuple[str, str]]:
    from relationapp.services.customers import accounts
    from relationapp.ui.accounts.account_dialog import AccountDialog
    from relationapp.ui.people.person_dialog import PersonDialog
    from relationapp.ui.shell import pages
    from relationapp.ui.touches.follow_up_dialog import FollowUpDialog
    from relationapp.ui.touches.log_interaction import LogInteractionDialog

    seen = []
    for entry in pages.PAGES:
        window.show_page(entry.key)
        view = window.views[entry.key]
        _settled(window, qtbot)
        tabs = getattr(view, "tabs", None)
        for i in range(tabs.count() if tabs is not None else 1):
            if tabs is not None:
                tabs.setCurrentIndex(i)
                _settled(window, qtbot)
            seen += [(f"{entry.key}: {w}", t) for w, t in _texts(view)]
    ctx = window.ctx
    customers = [a for a in accounts.list_accounts(ctx.db) if a.stage == "customer"][:3]
    for account in customers:
        window.open_account(account.id) if hasattr(window, "open_account") else ctx.open_account(account.id)
        page = window.stack.currentWidget()
        _settled(window, qtbot)
        for i in range(page.tabs.count()):
            page.tabs.setCurrentIndex(i)
            _settled(window, qtbot)
            seen += [(f"account {account.name}: {w}", t) for w, t in _texts(page)]
    from relationapp.services.relationships import referrals
    from relationapp.ui.data.duplicates_dialog import DuplicatesDialog
    from relationapp.ui.data.import_wizard import ImportWizard
    from relationapp.ui.data.privacy_dialog import PrivacyDialog
    from relationapp.ui.relationships.referral_widgets import (
        RecordReferralDialog,
        ThankReferrerDialog,
    )
    from relationapp.ui.reports.reports_view import PrintReviewDialog
    from relationapp.ui.today.today_view import PickDateDialog

    first = customers[0].id
    dialogs = [AccountDialog(ctx), AccountDialog(ctx, first), PersonDialog(ctx), FollowUpDialog(ctx, first),
               LogInteractionDialog(ctx, first), RecordReferralDialog(ctx, first), DuplicatesDialog(ctx),
               ImportWizard(ctx), PrivacyDialog(ctx), PrintReviewDialog(), PickDateDialog()]
    ledger = referrals.referral_ledger(ctx.db)
    if ledger:
        dialogs.append(ThankReferrerDialog(ctx, ledger[0].id))
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        _settled(window, qtbot)
        seen += [(type(dialog).__name__ + ": " + w, t) for w, t in _texts(dialog)]
    return seen


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_page_tab_and_dialog_speaks_one_language(language, demo_ctx, qtbot, qapp):
    from relationapp.services.common.settings import get_settings
    from relationapp.ui.common.i18n import install
    from relationapp.ui.shell.main_window import MainWindow

    install(qapp, language)
    names = the_firms_own_words(demo_ctx.db)
    window = MainWindow(demo_ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    assert get_settings(demo_ctx.db) is not None
    problems = sorted({f"{where}: {text!r} -> {found}" for where, text in _everything(window, qtbot)
                       if (found := foreign(without(text, names), language))})
    assert problems == []
