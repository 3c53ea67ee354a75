"""Put a stored value back into a form's widget: how a form takes somebody else's change to one field.

Only the widget kinds the edit forms use; for any other, ``setter_for`` says None
and the caller falls back to asking the user, rather than guess.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QListWidget, QPlainTextEdit, QSpinBox, QWidget

from relationapp.text.parsing import editable_amount
from relationapp.ui.common.widgets import DateField, OptionalDateField


def setter_for(widget: QWidget | None, value) -> Callable[[], None] | None:
    """A call that shows ``value`` (a service's stored value) in ``widget``, or None when it cannot."""
    if isinstance(widget, QLineEdit):
        text = editable_amount(value) if isinstance(value, Decimal) else "" if value is None else str(value)
        return lambda: widget.setText(text)
    if isinstance(widget, QPlainTextEdit):
        return lambda: widget.setPlainText(value or "")
    if isinstance(widget, QComboBox):
        index = widget.findData(value)
        return (lambda: widget.setCurrentIndex(index)) if index >= 0 else None
    if isinstance(widget, QSpinBox) and (value is None or isinstance(value, int)):
        if value is None and widget.specialValueText() == "" and widget.minimum() > 0:
            return None  # no "none" on this box
        return lambda: widget.setValue(widget.minimum() if value is None else value)
    if isinstance(widget, QCheckBox) and isinstance(value, bool):
        return lambda: widget.setChecked(value)
    if isinstance(widget, OptionalDateField) and (value is None or isinstance(value, dt.date)):
        return lambda: widget.set_value(value)
    if isinstance(widget, DateField) and isinstance(value, dt.date):
        return lambda: widget.set_date(value)
    if isinstance(widget, QListWidget) and isinstance(value, (tuple, list)):
        return _ticks(widget, set(value))
    return None


def _ticks(widget: QListWidget, ids: set) -> Callable[[], None] | None:
    """Tick the items (their UserRole) in ``ids`` and untick the rest; None when one of ``ids`` is not listed."""
    items = [widget.item(row) for row in range(widget.count())]
    if not ids <= {item.data(Qt.ItemDataRole.UserRole) for item in items}:
        return None

    def tick() -> None:
        for item in items:
            checked = item.data(Qt.ItemDataRole.UserRole) in ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    return tick
