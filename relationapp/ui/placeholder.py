"""Pages whose capability is still to come: they say so plainly."""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import QVBoxLayout, QWidget

from relationapp.ui.i18n import tr
from relationapp.ui.widgets import plain_label


class _Placeholder(QWidget):
    TEXT = ""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        label = plain_label(tr(self.TEXT), self)
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addStretch(1)

    def refresh(self) -> None:
        pass


class TodayPlaceholder(_Placeholder):
    TEXT = QT_TR_NOOP("Today: who needs you, whose birthday is near, what you promised. (Coming with the Today capability.)")


class ReportsPlaceholder(_Placeholder):
    TEXT = QT_TR_NOOP("Reports: account reviews and the quarterly portfolio report. (Coming with the reports capability.)")
