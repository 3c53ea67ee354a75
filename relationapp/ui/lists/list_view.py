"""A filterable lazy list: search box (type to filter), extra filters, count, table."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from relationapp.text import formatting
from relationapp.ui.common.empty_state import EmptyState
from relationapp.ui.common.i18n import tr
from relationapp.ui.common.tables import fit_columns, style_rows
from relationapp.ui.common.widgets import plain_label
from relationapp.ui.lists.lazy_model import LazyTableModel


class LazyListView(QWidget):
    """Subclasses give the model and react to ``activated(id)`` (Enter or double-click).

    ``noun`` is the translated plural ("accounts") for the filter box and the count, ``one`` the
    singular for a count of one ("1 account", not "1 accounts").
    """

    activated = Signal(int)

    def __init__(self, ctx, model: LazyTableModel, noun: str, parent=None, *, one: str | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = model
        self.noun, self.noun_one = noun, one or noun
        layout = QVBoxLayout(self)
        self.toolbar = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(tr("Filter {things}…  (Ctrl+F)").format(things=noun))
        self.search.setClearButtonEnabled(True)
        # room for a few typed words: beside the filter combos on a narrow window it shrank to "Fi…"
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance("m" * 10))
        self.toolbar.addWidget(self.search, 1)
        self.count = plain_label("", self)
        layout.addLayout(self.toolbar)
        self.table = QTableView(self)
        self.table.setAccessibleName(tr("List of {things}").format(things=noun))
        self.table.setModel(model)
        style_rows(self.table)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        fit_columns(self.table)  # the name stretches; the others fit the first page's rows
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self._focus_first)
        self.table.doubleClicked.connect(lambda index: self._activate(index.row()))
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, activated=lambda: self._activate(self.table.currentIndex().row()), context=Qt.ShortcutContext.WidgetShortcut)
        # the count after the first page is painted: counting every match of a broad filter takes longer
        self._count_timer = QTimer(self, singleShot=True, interval=0)
        self._count_timer.timeout.connect(self._update_count)
        model.modelReset.connect(self._count_timer.start)
        self._empty_help: tuple | None = None
        self.empty_state: EmptyState | None = None
        model.modelReset.connect(self._reword_empty_state)

    def set_empty_help(self, icon_name: str, text: str, button_text: str | None = None, action=None) -> None:
        """What the empty list says (and offers) when nothing is filtered; a filter that matches
        nothing says so instead, with a button that clears it."""
        self._empty_help = (icon_name, text, button_text, action)
        if self.empty_state is None:
            self.empty_state = EmptyState.over(self.table, icon_name, text, button_text, action)
        self._reword_empty_state()

    def filtered(self) -> bool:
        """Whether a filter hides rows (subclasses with more filters add theirs)."""
        return bool(self.search.text().strip())

    def clear_filters(self) -> None:
        self.search.clear()
        self.apply_filter()

    def _reword_empty_state(self) -> None:
        if self.empty_state is None or self._empty_help is None:
            return
        if self.filtered():
            self.empty_state.set_text(tr("No {things} match this filter.").format(things=self.noun),
                                      tr("Clear filter"), self.clear_filters)
        else:
            _icon, text, button_text, action = self._empty_help
            self.empty_state.set_text(text, button_text, action)

    def showEvent(self, event) -> None:
        self.model.ensure_loaded()
        super().showEvent(event)

    def apply_filter(self) -> None:
        self.model.set_query(search=self.search.text())

    def refresh(self) -> None:
        if self.model.loaded:
            self.model.reload()

    def _update_count(self) -> None:
        total = self.model.total()
        count = formatting.current().number(total)  # 1.234 in Dutch, 1,234 in English
        self.count.setText(tr("{count} {things}").format(count=count, things=self.noun_one if total == 1 else self.noun))

    def _focus_first(self) -> None:
        if self.model.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)

    def _activate(self, row: int) -> None:
        item_id = self.model.id_at(row)
        if item_id is not None:
            self.activated.emit(item_id)

    def selected_ids(self) -> list[int]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [i for i in (self.model.id_at(r) for r in rows) if i is not None]

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
