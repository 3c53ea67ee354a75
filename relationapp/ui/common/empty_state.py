"""An empty list says what to do next: an icon, one sentence and, where an action exists, a button.

    EmptyState.over(table, "users", tr("No people at this account yet."), tr("Add person…"), self.add_person)

``over`` lays the notice on the table's viewport, centred, shown whenever the
model has no rows (after a reset, an insert or a removal); the header stays, so
the columns still say what the list holds. ``set_text`` rewords it (a filter
that matches nothing says so, with "Clear filter" as its button).
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from relationapp.ui.common import theme
from relationapp.ui.common.icons import pixmap
from relationapp.ui.common.widgets import plain_label

ICON_EXTENT = 32


class EmptyState(QWidget):
    def __init__(self, icon_name: str, text: str, button_text: str | None = None,
                 action: Callable[[], None] | None = None, parent=None):
        super().__init__(parent)
        self.icon_name = icon_name
        self._action = action
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.SPACE_L, theme.SPACE_L, theme.SPACE_L, theme.SPACE_L)
        layout.setSpacing(theme.SPACE_M)
        self.icon = QLabel(self)
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.icon.setPixmap(pixmap(icon_name, ICON_EXTENT, self))
        self.icon.setAccessibleName(text)
        layout.addWidget(self.icon)
        self.text = plain_label(text, self)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        theme.mark(self.text, "note")
        layout.addWidget(self.text)
        row = QHBoxLayout()
        row.addStretch(1)
        self.button = QPushButton(button_text or "", self)
        self.button.clicked.connect(self._clicked)
        self.button.setVisible(bool(button_text) and action is not None)
        row.addWidget(self.button)
        row.addStretch(1)
        layout.addLayout(row)

    def set_text(self, text: str, button_text: str | None = None, action: Callable[[], None] | None = None) -> None:
        """Reword the notice; a button only where ``action`` is given."""
        self.text.setText(text)
        self.icon.setAccessibleName(text)
        self._action = action
        self.button.setText(button_text or "")
        self.button.setVisible(bool(button_text) and action is not None)
        self.adjustSize()

    def _clicked(self) -> None:
        if self._action is not None:
            self._action()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.PaletteChange:  # light or dark: the icon in the new text colour
            self.icon.setPixmap(pixmap(self.icon_name, ICON_EXTENT, self))
        super().changeEvent(event)

    @classmethod
    def over(cls, view: QAbstractItemView, icon_name: str, text: str, button_text: str | None = None,
             action: Callable[[], None] | None = None) -> "EmptyState":
        """An empty state on ``view``'s viewport, shown while its model has no rows."""
        state = cls(icon_name, text, button_text, action, view.viewport())
        _Follower(view, state)
        return state


class _Follower(QObject):
    """Keeps an empty state centred on a view's viewport and shown only while the model is empty."""

    def __init__(self, view: QAbstractItemView, state: EmptyState):
        super().__init__(state)
        self.view = view
        self.state = state
        model = view.model()
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged):
            signal.connect(self.update)
        view.viewport().installEventFilter(self)
        self.update()

    def eventFilter(self, watched, event) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.place()
        return False

    def update(self, *_args) -> None:
        empty = self.view.model().rowCount() == 0
        self.state.setVisible(empty)
        if empty:
            self.place()

    def place(self) -> None:
        viewport = self.view.viewport()
        width = min(viewport.width(), max(260, min(480, viewport.width() - 2 * theme.SPACE_L)))
        height = self.state.heightForWidth(width) if self.state.hasHeightForWidth() else self.state.sizeHint().height()
        self.state.setGeometry((viewport.width() - width) // 2, max(0, (viewport.height() - height) // 3), width, height)
