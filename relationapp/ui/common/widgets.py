"""Small reusable widgets: optional dates, money fields, the account picker."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from relationapp.services.customers.accounts import account_choices
from relationapp.ui.common.i18n import tr


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(qdate: QDate) -> dt.date:
    return dt.date(qdate.year(), qdate.month(), qdate.day())


def plain_label(text: str = "", parent=None) -> QLabel:
    """A label that never interprets user text as rich text."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


class DateField(QDateEdit):
    """A date with a calendar popup, defaulting to today."""

    def __init__(self, day: dt.date | None = None, parent=None):
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("d MMM yyyy")  # as dates read everywhere else (Formatter.date), in the QLocale of the language
        self.set_date(day or dt.date.today())

    def set_date(self, day: dt.date) -> None:
        self.setDate(to_qdate(day))

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 - Qt's name
        # Tab leaves the field, as in every other field (QDateEdit walks its day, month and year);
        # the arrow keys still move between them
        return QWidget.focusNextPrevChild(self, next)

    def value(self) -> dt.date:
        return from_qdate(self.date())


class OptionalDateField(QWidget):
    """A date that may be absent: a checkbox turns it on."""

    def __init__(self, day: dt.date | None = None, parent=None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.enabled = QCheckBox(self)
        self.date = DateField(day, self)
        layout.addWidget(self.enabled)
        layout.addWidget(self.date, 1)
        self.enabled.toggled.connect(self.date.setEnabled)
        self.set_value(day)

    def set_value(self, day: dt.date | None) -> None:
        self.enabled.setChecked(day is not None)
        self.date.setEnabled(day is not None)
        if day is not None:
            self.date.set_date(day)

    def value(self) -> dt.date | None:
        return self.date.value() if self.enabled.isChecked() else None


class AccountPicker(QLineEdit):
    """Type part of a name; pick from the matches (searched in SQL as you type)."""

    account_chosen = Signal(int)

    def __init__(self, db, parent=None, *, choices=None, placeholder: str | None = None):
        super().__init__(parent)
        self.db = db
        # (db, search=, limit=) -> [(id, label)]; other pickers (people) reuse this widget
        self._choices_fn = choices or account_choices
        self._account_id: int | None = None
        self._choices: dict[str, int] = {}
        self.setPlaceholderText(placeholder or tr("Type to find an account…"))
        self._model = QStringListModel(self)
        self._completer = QCompleter(self._model, self)
        # the service already matched (folding ı, ł ...): show its choices as they are, in its order
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCompleter(self._completer)
        self._completer.activated.connect(self._chosen)
        # ahead of the completer's own filter, which only hides the list on Enter
        self._completer.popup().installEventFilter(self)
        self._timer = QTimer(self, singleShot=True, interval=120)
        self._timer.timeout.connect(self._search)
        self.textEdited.connect(self._edited)

    def _edited(self, _text: str) -> None:
        self._account_id = None
        self._timer.start()

    def search_now(self) -> None:
        """Look up what was typed without waiting for the pause (Enter came first)."""
        self._timer.stop()
        self._search()

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._take_suggestion():
            return  # the first Enter chose; the next one reaches the dialog and saves
        super().keyPressEvent(event)

    def eventFilter(self, watched, event) -> bool:
        if (watched is self._completer.popup() and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self._take_suggestion()
            return True
        return super().eventFilter(watched, event)

    def _take_suggestion(self) -> bool:
        """Choose the highlighted suggestion, else the first; False when there is nothing to choose."""
        if self._timer.isActive():
            self.search_now()
        elif self._account_id is not None or not self.text().strip():
            return False
        popup = self._completer.popup()
        index = popup.currentIndex() if popup.isVisible() else None
        if index is None or not index.isValid():
            index = self._completer.completionModel().index(0, 0)
        label = index.data() if index.isValid() else None
        if label not in self._choices:
            return False  # no match: the dialog says to choose from the list
        popup.hide()
        self._chosen(label)
        return True

    def _search(self) -> None:
        pairs = self._choices_fn(self.db, search=self.text(), limit=25)
        self._choices = {label: account_id for account_id, label in pairs}
        self._model.setStringList(list(self._choices))
        if self._choices:
            self._completer.complete()
        if len(pairs) == 1 and pairs[0][1].lower().startswith(self.text().strip().lower()) and self.text().strip():
            self._account_id = pairs[0][0]

    def _chosen(self, label: str) -> None:
        if label in self._choices:
            self.set_account(self._choices[label], label)

    def set_account(self, account_id: int | None, label: str = "") -> None:
        self._account_id = account_id
        self.setText(label)
        if account_id is not None:
            self.account_chosen.emit(account_id)

    def account_id(self) -> int | None:
        if self._account_id is None and self.text() in self._choices:
            self._account_id = self._choices[self.text()]
        return self._account_id


def combo(items: list[tuple[object, str]], current=None, *, empty: str | None = None) -> QComboBox:
    box = QComboBox()
    if empty is not None:
        box.addItem(empty, None)
    for value, label in items:
        box.addItem(label, value)
    index = box.findData(current)
    box.setCurrentIndex(max(index, 0))
    return box
