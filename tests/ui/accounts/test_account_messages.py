"""Confirmations quote account names as plain text, and archiving can be taken back."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402

from relationapp.services.customers.accounts import create_account, get_account  # noqa: E402

LINK = '<a href="http://127.0.0.1:9/">klik</a>'


def test_archive_asks_with_the_name_as_plain_text_and_ctrl_z_restores(ctx, qtbot, answered_boxes):
    from relationapp.ui.accounts.account_page import AccountPage

    account = create_account(ctx.db, name=LINK)
    page = AccountPage(ctx)
    qtbot.addWidget(page)
    page.set_account(account.id)
    answered_boxes.answer = False
    page.toggle_archive()
    assert not get_account(ctx.db, account_id=account.id).archived  # No keeps it
    answered_boxes.answer = True
    page.toggle_archive()
    _title, text, text_format = answered_boxes.shown[-1]
    assert LINK in text and text_format == Qt.TextFormat.PlainText
    assert get_account(ctx.db, account_id=account.id).archived
    assert ctx.undo()
    assert not get_account(ctx.db, account_id=account.id).archived
