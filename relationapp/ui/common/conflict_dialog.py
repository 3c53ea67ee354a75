"""Somebody saved the record while the form was open: both versions side by side, and the user chooses.

``FormDialog.accept`` opens it on a ``ConflictError`` when a field was changed
differently in the form and in the stored record: one row per field the form
sent (field, yours, theirs), those fields marked. "Keep theirs" reloads the
form with the stored record; "Save mine over theirs" saves the form again over
the version now stored, keeping their changes to fields the form left alone;
"Back to my form" changes nothing (what was typed stays, and the next save
asks again).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from relationapp.errors import ConflictError, NotFound
from relationapp.services.customers.accounts import get_account
from relationapp.text import formatting
from relationapp.ui.common import theme
from relationapp.ui.common.i18n import tr
from relationapp.ui.common.widgets import AccountPicker, plain_label

KEEP_THEIRS, SAVE_MINE = 2, 3  # exec() results besides Rejected (0: back to the form)
DIFFERS = "≠"


class ConflictDialog(QDialog):
    """``form`` is the FormDialog that met the conflict: its rows name the fields and its widgets word the
    values (``field_label``, ``value_text``)."""

    def __init__(self, conflict: ConflictError, form, *, both: list[str] | None = None, kept: list[str] = ()):
        """``both``: the fields to choose, changed differently on both sides (default: every differing one);
        ``kept``: the fields only they changed, which saving mine keeps as theirs."""
        super().__init__(form)
        self.setWindowTitle(tr("Saved by somebody else meanwhile"))
        layout = QVBoxLayout(self)
        differing = conflict.differing() if both is None else list(both)
        names = ", ".join(field_label(form, field) for field in differing)
        intro = tr("Somebody else saved this record after you opened it. Nothing of yours is saved yet.")
        intro += "\n" + tr("Different in their version: {fields}.").format(fields=names)
        if kept:
            intro += "\n" + tr("Their changes to {fields} are kept when you save yours.").format(
                fields=", ".join(field_label(form, field) for field in kept))
        self.intro = plain_label(intro, self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)

        self.table = QTableWidget(len(conflict.yours), 4, self)
        self.table.setHorizontalHeaderLabels(["", tr("Field"), tr("Yours"), tr("Theirs")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(True)
        for row, field in enumerate(conflict.yours):
            differs = field in differing
            cells = [DIFFERS if differs else "", field_label(form, field), value_text(form, field, conflict.yours[field]),
                     value_text(form, field, conflict.theirs.get(field))]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)  # plain text: typed names and notes are data
                item.setToolTip(text)
                if differs:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                    if column == 0:
                        item.setForeground(theme.accent("warning"))
                        item.setToolTip(tr("Different in their version"))
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)

        self.buttons = QDialogButtonBox(self)
        self.keep_theirs = self.buttons.addButton(tr("&Keep theirs"), QDialogButtonBox.ButtonRole.ResetRole)
        self.keep_theirs.setToolTip(tr("Load their version into the form; what you typed is dropped."))
        self.save_mine = self.buttons.addButton(tr("&Save mine over theirs"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_mine.setToolTip(tr("Save your values where both of you changed a field; their other changes stay."))
        self.back = back = self.buttons.addButton(tr("&Back to my form"), QDialogButtonBox.ButtonRole.RejectRole)
        back.setDefault(True)  # never overwrite or drop anything on a stray Enter
        self.keep_theirs.clicked.connect(lambda: self.done(KEEP_THEIRS))
        self.save_mine.clicked.connect(lambda: self.done(SAVE_MINE))
        back.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(620, 120 + 30 * min(len(conflict.yours), 14))

    def differing_rows(self) -> list[str]:
        """The field labels of the rows marked as different (what a user sees in the first column)."""
        return [self.table.item(row, 1).text() for row in range(self.table.rowCount())
                if self.table.item(row, 0).text() == DIFFERS]


def field_label(form, field: str) -> str:
    """The field's name as the form's row shows it (``form.labels`` where the row has none)."""
    if field in form.labels:
        return form.labels[field]
    widget = form.fields.get(field)
    label = form.form.labelForField(widget) if widget is not None else None
    text = label.text() if isinstance(label, QLabel) else ""
    if not text and isinstance(widget, QCheckBox):
        text = widget.text()
    return text.replace("&", "") or field


def value_text(form, field: str, value) -> str:
    """A stored or typed value as the form shows it: a choice by its label, money and dates formatted."""
    if value is None or value == "" or value == ():
        return "—"
    widget = form.fields.get(field)
    if isinstance(widget, AccountPicker) and isinstance(value, int):
        try:
            return get_account(form.ctx.db, account_id=value).name
        except NotFound:
            return f"#{value}"
    if isinstance(widget, QComboBox) and widget.findData(value) >= 0:
        return widget.itemText(widget.findData(value))
    if isinstance(widget, QListWidget) and isinstance(value, (tuple, list)):
        names = {widget.item(i).data(Qt.ItemDataRole.UserRole): widget.item(i).text() for i in range(widget.count())}
        return ", ".join(names.get(v, f"#{v}") for v in value)
    if isinstance(value, bool):
        return tr("Yes") if value else tr("No")
    fmt = formatting.current()
    if isinstance(value, Decimal):
        return fmt.money(value)
    if isinstance(value, dt.date):
        return fmt.date(value)
    return str(value)


def choose(dialog: ConflictDialog) -> int:
    """The one place the dialog is shown (tests answer here)."""
    return dialog.exec()
