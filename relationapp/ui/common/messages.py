"""Message boxes whose text is always plain: account names and typed input are data, never markup."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

Button = QMessageBox.StandardButton


def _box(parent, icon, title: str, text: str, buttons, default=None) -> QMessageBox:
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if default is not None:
        box.setDefaultButton(default)
    return box


def _exec(box: QMessageBox):
    """The one place a box is shown (tests answer here and read the box)."""
    return box.exec()


def warn(parent, title: str, text: str) -> None:
    _exec(_box(parent, QMessageBox.Icon.Warning, title, text, Button.Ok))


def critical(parent, title: str, text: str) -> None:
    _exec(_box(parent, QMessageBox.Icon.Critical, title, text, Button.Ok))


def inform(parent, title: str, text: str) -> None:
    _exec(_box(parent, QMessageBox.Icon.Information, title, text, Button.Ok))


def ask(parent, title: str, text: str, *, default_yes: bool = False) -> bool:
    """Yes or No; No is the default for anything destructive."""
    box = _box(parent, QMessageBox.Icon.Question, title, text, Button.Yes | Button.No,
               Button.Yes if default_yes else Button.No)
    return _exec(box) == Button.Yes
