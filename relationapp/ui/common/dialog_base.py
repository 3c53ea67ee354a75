"""A form dialog that runs one service call and shows its refusal in place."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from relationapp.errors import ServiceError
from relationapp.ui.common import theme
from relationapp.ui.common.accessibility import NamesItsControls


class FormDialog(NamesItsControls, QDialog):
    """Subclasses fill ``self.form`` and implement ``save()`` returning the result.

    A ValidationError keeps the dialog open with the message shown and the
    offending field focused; nothing the user typed is lost.
    """

    def __init__(self, ctx, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.result_value: Any = None
        self.undo: tuple[str, Any] | None = None  # save() may set (label, how to take it back) for Ctrl+Z
        self.fields: dict[str, QWidget] = {}
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.error = QLabel(self)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        theme.mark(self.error, "error")
        self.error.hide()
        layout.addWidget(self.error)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def add_row(self, label: str, field: str, widget: QWidget) -> QWidget:
        self.form.addRow(label, widget)
        self.fields[field] = widget
        return widget

    def save(self) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def show_error(self, message: str, field: str | None = None) -> None:
        self.error.setText(message)
        self.error.show()
        widget = self.fields.get(field or "")
        if widget is not None:
            widget.setFocus()

    def accept(self) -> None:
        try:  # save() is the operation: what it wrote is broadcast by the runner
            self.result_value = self.ctx.ops.call(self.save)
        except ServiceError as exc:
            self.show_error(str(exc), getattr(exc, "field", None))
            return
        if self.undo is not None:
            self.ctx.push_undo(*self.undo)
        super().accept()
