"""Make a follow-up: what to do, for whom, by when."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from relationapp.services.customers.accounts import get_account
from relationapp.services.touches import follow_ups as follow_ups_service
from relationapp.ui.common.dialog_base import FormDialog
from relationapp.ui.common.i18n import tr
from relationapp.ui.common.widgets import AccountPicker, DateField


class FollowUpDialog(FormDialog):
    def __init__(self, ctx, account_id: int | None = None, *, title: str = "", due_on: dt.date | None = None, parent=None):
        super().__init__(ctx, tr("New follow-up"), parent)
        self.account = self.add_row(tr("&Account"), "account_id", AccountPicker(ctx.db))
        if account_id:
            self.account.set_account(account_id, get_account(ctx.db, account_id=account_id).name)
        self.title = self.add_row(tr("&What"), "title", QLineEdit(title))
        self.due = self.add_row(tr("&Due"), "due_on", DateField(due_on or dt.date.today() + dt.timedelta(days=7)))
        self.notes = self.add_row(tr("&Note"), "notes", QPlainTextEdit())
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(60)
        self.title.setFocus()

    def save(self):
        result = follow_ups_service.create_follow_up(
            self.ctx.db, title=self.title.text(), due_on=self.due.value(),
            account_id=self.account.account_id(), notes=self.notes.toPlainText(),
        )
        return result
