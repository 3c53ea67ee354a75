"""Tools > Unknown senders: the addresses mail came from that we know no person by.

Each can be added as a person on an account, or as a new lead, or ignored
(never asked about again; Ctrl+Z or "Review again" takes that back).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from relationapp.services.common.changes import Kind
from relationapp.services.mail import senders
from relationapp.text import formatting
from relationapp.ui.common.dialog_base import FormDialog
from relationapp.ui.common.i18n import tr
from relationapp.ui.common.widgets import AccountPicker, plain_label
from relationapp.ui.leads.lead_dialog import LeadDialog
from relationapp.ui.common.tables import read_only_table
from relationapp.ui.lists.lazy_model import Column
from relationapp.ui.lists.rows_model import RowsModel

COLUMNS = [
    Column(QT_TR_NOOP("Address"), lambda s: s.address),
    Column(QT_TR_NOOP("Name"), lambda s: s.name or ""),
    Column(QT_TR_NOOP("Mails"), lambda s: s.messages, align_right=True),
    Column(QT_TR_NOOP("Last mail"), lambda s: formatting.current().date(s.last_on)),
    Column(QT_TR_NOOP("Last subject"), lambda s: s.last_subject or ""),
]


class SenderPersonDialog(FormDialog):
    """Add an unknown sender as a person on an existing account."""

    def __init__(self, ctx, sender: senders.SenderRow, parent=None):
        super().__init__(ctx, tr("Add as person"), parent)
        self.sender = sender
        note = plain_label(tr("The {count} mails from {address} are logged for this person, and the mail that "
                              "comes after them.").format(count=sender.messages, address=sender.address), self)
        note.setWordWrap(True)
        self.layout().insertWidget(0, note)
        self.name = self.add_row(tr("&Name"), "name", QLineEdit(sender.suggested_name, self))
        self.account = self.add_row(tr("&Account"), "account_id", AccountPicker(ctx.db, self))
        self.job_title = self.add_row(tr("&Job title"), "job_title", QLineEdit(self))
        self.account.setFocus()
        self.resize(460, 0)

    def save(self):
        from relationapp.errors import ValidationError

        if self.account.account_id() is None:
            raise ValidationError(tr("Choose the account this person belongs to."), field="account_id")
        return senders.add_sender_as_person(self.ctx.db, address=self.sender.address, name=self.name.text(),
                                            account_id=self.account.account_id(), job_title=self.job_title.text())


class SenderLeadDialog(LeadDialog):
    """The New lead dialog, filled in from the sender; the address is theirs."""

    def __init__(self, ctx, sender: senders.SenderRow, parent=None):
        super().__init__(ctx, parent)
        self.sender = sender
        self.person.setText(sender.suggested_name)
        self.organisation.setText(sender.suggested_organisation or "")
        self.email.setText(sender.address)
        self.email.setReadOnly(True)

    def save(self):
        values = self.values()
        values.pop("email")
        return senders.add_sender_as_lead(self.ctx.db, address=self.sender.address, **values)


class SendersDialog(QDialog):
    CHANGES = (Kind.INTERACTIONS, Kind.PEOPLE, Kind.ACCOUNTS)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(tr("Unknown senders"))
        layout = QVBoxLayout(self)
        intro = plain_label(tr("Mail came from these addresses, but no person has them. Add a sender as a person "
                               "or a lead and their mail is logged as touches; an ignored address is never "
                               "asked about again."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.show_ignored = QCheckBox(tr("Show the ignored addresses"), self)
        layout.addWidget(self.show_ignored)
        self.model = RowsModel(COLUMNS, self)
        self.table = read_only_table(self.model, self)  # read-only, one row selected at a time
        layout.addWidget(self.table, 1)
        self.empty = plain_label(tr("No unknown senders to review."), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty)
        row = QHBoxLayout()
        self.person_button = QPushButton(tr("Add as &person…"), self)
        self.lead_button = QPushButton(tr("Add as &lead…"), self)
        self.ignore_button = QPushButton(tr("&Ignore"), self)
        self.review_button = QPushButton(tr("&Review again"), self)
        for button in (self.person_button, self.lead_button, self.ignore_button, self.review_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.person_button.clicked.connect(self.add_person)
        self.lead_button.clicked.connect(self.add_lead)
        self.ignore_button.clicked.connect(self.ignore)
        self.review_button.clicked.connect(self.review_again)
        self.show_ignored.toggled.connect(lambda _on: self.refresh())
        self.table.doubleClicked.connect(lambda _index: self.add_person())
        ctx.changed.connect(self._changed)
        self.resize(820, 460)
        self.refresh()

    def _changed(self, changes) -> None:
        if changes.touches(*self.CHANGES):
            self.refresh()

    def refresh(self) -> None:
        ignored = self.show_ignored.isChecked()
        self.model.set_rows(senders.list_senders(self.ctx.db, status="ignored" if ignored else "waiting"))
        self.table.resizeColumnsToContents()  # a short list: the columns fit what they hold
        self.empty.setVisible(self.model.rowCount() == 0)
        self.table.setVisible(self.model.rowCount() > 0)
        if self.model.rowCount():
            self.table.selectRow(0)
        for button in (self.person_button, self.lead_button, self.ignore_button):
            button.setVisible(not ignored)
        self.review_button.setVisible(ignored)
        self._enable()

    def _enable(self) -> None:
        some = self.model.rowCount() > 0
        for button in (self.person_button, self.lead_button, self.ignore_button, self.review_button):
            button.setEnabled(some)

    def current(self) -> senders.SenderRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_object(rows[0].row()) if rows else None

    def add_person(self) -> None:
        sender = self.current()
        if sender is not None and sender.status == "waiting":
            dialog = SenderPersonDialog(self.ctx, sender, self)
            if dialog.exec():
                added = dialog.result_value
                self.ctx.say(tr("{name} added to {account}; {count} waiting mails logged.").format(
                    name=added.name, account=added.account, count=added.logged))

    def add_lead(self) -> None:
        sender = self.current()
        if sender is not None:
            dialog = SenderLeadDialog(self.ctx, sender, self)
            if dialog.exec():
                added = dialog.result_value
                self.ctx.say(tr("Lead {name} registered; {count} waiting mails logged.").format(
                    name=added.account, count=added.logged))

    def ignore(self) -> None:
        sender = self.current()
        if sender is None:
            return
        address = sender.address
        self.ctx.ops.run(self, senders.ignore_sender, self.ctx.db, address=address,
                         undo=lambda: senders.review_again(self.ctx.db, address=address),
                         undo_label=tr("{address} ignored").format(address=address))

    def review_again(self) -> None:
        sender = self.current()
        if sender is not None:
            self.ctx.ops.run(self, senders.review_again, self.ctx.db, address=sender.address)


def open_senders(ctx, window) -> None:
    SendersDialog(ctx, window).exec()
