"""A table model over a short list of read objects (an account's people, its timeline)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from relationapp.ui.common.i18n import tr
from relationapp.ui.common.text import tooltip
from relationapp.ui.lists.lazy_model import Column


_DISPLAY, _TOOLTIP = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole
_USER, _ALIGNMENT = Qt.ItemDataRole.UserRole, Qt.ItemDataRole.TextAlignmentRole
_ANSWERED = frozenset((_DISPLAY, _TOOLTIP, _USER, _ALIGNMENT))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class TipColumn(Column):
    """A column whose header explains itself when hovered."""

    tooltip: str | None = None  # QT_TR_NOOP(...): translated when shown


def with_tooltip(column: Column, tip: str) -> TipColumn:
    """``column`` with a header tooltip ``tip`` (QT_TR_NOOP(...), like the title)."""
    return TipColumn(**{f.name: getattr(column, f.name) for f in fields(column)}, tooltip=tip)


class RowsModel(QAbstractTableModel):
    def __init__(self, columns: list[Column], parent=None):
        super().__init__(parent)
        self.columns = columns
        self.rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_object(self, row: int) -> Any:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return tr(self.columns[section].title)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = getattr(self.columns[section], "tooltip", None)
            return tooltip(tr(tip)) if tip else None
        return None

    def data(self, index, role=_DISPLAY):
        if role not in _ANSWERED:  # fitting the columns asks every cell for a dozen roles: say no first
            return None
        row, col = index.row(), index.column()
        if not index.isValid() or not 0 <= row < len(self.rows) or not 0 <= col < len(self.columns):
            return None
        column = self.columns[col]
        obj = self.rows[row]
        if role == _USER:
            return getattr(obj, "id", None)
        if role == _ALIGNMENT:
            return _RIGHT if column.align_right else None
        value = column.value(obj)
        text = "" if value is None else str(value)
        if role == _TOOLTIP:
            return tooltip(text) if text else None
        return text
