"""A table model for big lists: ids in display order plus a row cache.

Sorting and filtering happen in SQL (the id source, asked for one page of
ids at a time with ``limit``/``offset``); rows are fetched in blocks as the
view asks for them, and the view grows by pages through
``canFetchMore``/``fetchMore``. How many there are in all is asked of the
count source only when something shows it (``total()``), after the first
page: a filter that matches 40,000 people shows its first rows without
sorting or counting them all.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from relationapp.errors import ConnectionLost
from relationapp.ui.common.i18n import tr
from relationapp.ui.common.text import tooltip

PAGE = 1000
BLOCK = 100
CACHE_ROWS = 5000


@dataclass(frozen=True)
class Column:
    title: str  # QT_TR_NOOP(...): translated when shown
    value: Callable[[Any], Any]
    sort_key: str | None = None  # the service's sort name; None = not sortable
    align_right: bool = False


class LazyTableModel(QAbstractTableModel):
    def __init__(
        self,
        columns: list[Column],
        id_source: Callable[..., list[int]],
        row_source: Callable[[list[int]], list[Any]],
        count_source: Callable[..., int],
        parent=None,
    ):
        super().__init__(parent)
        self.columns = columns
        self._id_source = id_source  # (**query, limit=, offset=) -> one page of ids in display order
        self._row_source = row_source
        self._count_source = count_source  # (**filters) -> how many ids in all
        self._ids: list[int] = []  # the pages read so far
        self._more = False  # the id source has ids after those
        self._total: int | None = None  # counted when first asked for
        self._shown = 0
        self._cache: OrderedDict[int, Any] = OrderedDict()
        self._query: dict[str, Any] = {"sort": columns[0].sort_key or "name", "descending": False}
        self._loaded = False

    # --- loading -----------------------------------------------------------
    def set_query(self, **changes) -> None:
        """Change filter or sort arguments of the id source; reload if shown already."""
        if all(self._query.get(k) == v for k, v in changes.items()) and self._loaded:
            return
        self._query.update(changes)
        if self._loaded:
            self.reload()

    def ensure_loaded(self) -> None:
        """Load on first show, so hidden pages cost nothing at start-up."""
        if not self._loaded:
            self.reload()

    @property
    def loaded(self) -> bool:
        return self._loaded

    @property
    def query(self) -> dict[str, Any]:
        return dict(self._query)

    def reload(self) -> None:
        self._loaded = True
        self.beginResetModel()
        self._ids, self._more, self._total = [], True, None
        try:
            self._read_page()  # a lost connection propagates to the page (ui.common.page), the model stays whole
        finally:
            self._shown = len(self._ids)
            self._cache.clear()
            self.endResetModel()

    def _read_page(self) -> None:
        # one id past the page says whether there is more, without counting
        try:
            page = self._id_source(**self._query, limit=PAGE + 1, offset=len(self._ids))
        except ConnectionLost:
            self._more = False  # Qt asks no more until the page reloads, once the server is back
            raise
        self._more = len(page) > PAGE
        self._ids += page[:PAGE]

    def refresh_rows(self) -> None:
        """Data changed but the set of ids did not: drop cached rows and repaint."""
        self._cache.clear()
        if self._shown:
            self.dataChanged.emit(self.index(0, 0), self.index(self._shown - 1, len(self.columns) - 1))

    def total(self) -> int:
        """How many ids match in all (not only those read so far)."""
        if self._total is None:
            if not self._more:
                self._total = len(self._ids)
            else:
                filters = {k: v for k, v in self._query.items() if k not in ("sort", "descending")}
                self._total = self._count_source(**filters)
        return self._total

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < self._shown else None

    def row_of(self, item_id: int) -> int | None:
        while item_id not in self._ids and self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())
        try:
            return self._ids.index(item_id)
        except ValueError:
            return None

    def item(self, row: int) -> Any:
        item_id = self.id_at(row)
        if item_id is None:
            return None
        if item_id not in self._cache:
            start = (row // BLOCK) * BLOCK
            block = self._ids[start:min(start + BLOCK, self._shown)]
            try:
                rows = self._row_source(block)
            except ConnectionLost:  # painted empty until the page reloads once the server is back
                return None
            for obj in rows:
                self._cache[obj.id] = obj
            while len(self._cache) > CACHE_ROWS:
                self._cache.popitem(last=False)
        return self._cache.get(item_id)

    # --- Qt model API ------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent=QModelIndex()) -> None:
        if parent.isValid() or not self._more:
            return
        before = len(self._ids)
        try:
            self._read_page()
        except ConnectionLost:  # Qt's own call while scrolling: the window knows through its watch and ops
            return
        if len(self._ids) == before:
            return
        self.beginInsertRows(QModelIndex(), self._shown, len(self._ids) - 1)
        self._shown = len(self._ids)
        self.endInsertRows()

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.columns):
            return tr(self.columns[section].title)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < self._shown or not 0 <= index.column() < len(self.columns):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.UserRole):
            return None
        if role == Qt.ItemDataRole.UserRole:
            return self.id_at(index.row())
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.align_right:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        obj = self.item(index.row())
        if obj is None:
            return None
        value = column.value(obj)
        text = "" if value is None else str(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(text) if text else None
        return text

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns) or self.columns[column].sort_key is None:
            return
        self.set_query(sort=self.columns[column].sort_key, descending=order == Qt.SortOrder.DescendingOrder)
