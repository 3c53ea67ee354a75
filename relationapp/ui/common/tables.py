"""Every table's look: rows one line high, the key column stretching, the others as wide as their contents.

    table = read_only_table(model, parent)     # a list of rows, one selected at a time
    fit_columns(table)                         # (read_only_table does it) the name column takes the room left

Dates, amounts and counts are fitted to what the first rows hold (never the
whole list: a lazy list reads no more), a long text is cut at ``WIDEST`` (its
tooltip shows it whole). A column the user widened or narrowed keeps that
width on this computer (ui.common.view_state), by the table's columns.
"""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from relationapp.ui.common import theme, view_state

WIDEST = 420  # a long reason or note is cut here (its tooltip shows it whole)
FIT_ROWS = 60  # rows read to fit a column to its contents


# columns that hold a date, a time or a short word: they fit their contents and never stretch
FITTED_TITLES = frozenset({"Date", "Due", "When", "Time", "Day", "Since", "Birthday", "Kind", "Stage", "Tier",
                           "Last touch", "Last visit", "Last mail", "Overdue", "Quarter"})


def key_column(model) -> int:
    """The column that stretches: one marked ``stretch``, else the first text column that is no date (the name)."""
    columns = getattr(model, "columns", None) or []
    for number, column in enumerate(columns):
        if getattr(column, "stretch", False):
            return number
    for number, column in enumerate(columns):
        if not getattr(column, "align_right", False) and getattr(column, "title", "") not in FITTED_TITLES:
            return number
    return 0


def table_key(model) -> str | None:
    """A name for the table's remembered widths: its column titles (the same table in every place it shows)."""
    columns = getattr(model, "columns", None)
    if not columns:
        return None
    titles = "|".join(str(getattr(column, "title", "")) for column in columns)
    return "columns/" + hashlib.sha1(titles.encode("utf-8")).hexdigest()[:12]


class _Fitter(QObject):
    """Fits a table's columns after each reset; keeps the widths a user drags.

    The key column stretches into the room the others leave, but never below its contents'
    width (up to ``widest``): in a narrow table (half of a 1366-pixel window) it keeps its names
    readable and the table scrolls sideways instead of cutting every name to "...".
    """

    def __init__(self, table: QTableView, stretch: int, widest: int):
        super().__init__(table)
        self.table = table
        self.stretch = stretch
        self.widest = widest
        self.natural = 0  # the key column's width for its contents
        self.key = table_key(table.model())
        self.fitting = False
        header = table.horizontalHeader()
        header.setParent(table)
        header.sectionResized.connect(self._resized)
        table.model().modelReset.connect(self.fit)
        table.model().layoutChanged.connect(self.fit)
        table.viewport().installEventFilter(self)  # the viewport: when it hears of a resize, it has its new width

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize and watched is self.table.viewport():
            self.relax()
        return False

    def saved(self) -> dict[int, int]:
        value = view_state.read(self.key) if self.key else None
        if not value:
            return {}
        try:
            return {int(k): int(v) for k, v in (pair.split(":") for pair in str(value).split(","))}
        except ValueError:
            return {}

    def fit(self) -> None:
        header = self.table.horizontalHeader()
        if header.count() == 0:
            return
        self.fitting = True
        try:
            stretch = min(self.stretch, header.count() - 1)
            header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            header.resizeSections(QHeaderView.ResizeMode.ResizeToContents)
            kept = self.saved()
            for column in range(header.count()):
                if column in kept:
                    header.resizeSection(column, kept[column])
                elif column != stretch and header.sectionSize(column) > self.widest:
                    header.resizeSection(column, self.widest)
            self.natural = min(header.sectionSize(stretch), self.widest)
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        finally:
            self.fitting = False
        self.relax()

    def relax(self) -> None:
        """Stretch the key column when the room left holds its contents; else give it that width and scroll."""
        header = self.table.horizontalHeader()
        if header.count() == 0 or not self.natural:
            return
        stretch = min(self.stretch, header.count() - 1)
        others = sum(header.sectionSize(c) for c in range(header.count()) if c != stretch and not header.isSectionHidden(c))
        squeezed = self.table.viewport().width() - others < self.natural
        mode = QHeaderView.ResizeMode.Interactive if squeezed else QHeaderView.ResizeMode.Stretch
        self.fitting = True
        try:
            if header.sectionResizeMode(stretch) != mode:
                header.setSectionResizeMode(stretch, mode)
            if squeezed and header.sectionSize(stretch) != self.natural:
                header.resizeSection(stretch, self.natural)
        finally:
            self.fitting = False

    def _resized(self, column: int, _old: int, new: int) -> None:
        header = self.table.horizontalHeader()
        if self.fitting or self.key is None or header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch:
            return
        kept = self.saved()
        kept[column] = new
        view_state.write(self.key, ",".join(f"{k}:{v}" for k, v in sorted(kept.items())))


def fit_columns(table: QTableView, stretch: int | None = None, *, widest: int = WIDEST) -> None:
    """Column ``stretch`` (default: the key column) takes the room left; the others fit their contents."""
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setResizeContentsPrecision(FIT_ROWS)
    fitter = getattr(table, "_relationapp_fitter", None)
    if fitter is None:
        fitter = _Fitter(table, key_column(table.model()) if stretch is None else stretch, widest)
        table._relationapp_fitter = fitter
    elif stretch is not None:
        fitter.stretch = stretch
    fitter.widest = widest
    fitter.fit()


def fit_height(table: QTableView, *, most: int = 12, least: int = 2) -> None:
    """A table as tall as its rows (between ``least`` and ``most`` of them): no empty box under a short list."""
    rows = max(least, min(most, table.model().rowCount()))
    header = table.horizontalHeader().sizeHint().height()
    scroll = table.horizontalScrollBar().sizeHint().height() if table.horizontalScrollBar().isVisible() else 0
    table.setFixedHeight(header + rows * table.verticalHeader().defaultSectionSize() + 2 * table.frameWidth() + scroll)


def style_rows(table: QTableView) -> QTableView:
    """Rows one line high, no row numbers, whole rows selected one at a time."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(theme.ROW_HEIGHT)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    return table


def read_only_table(model, parent=None, *, stretch: int | None = None) -> QTableView:
    """A read-only list of rows, one selected at a time, its key column stretching."""
    table = QTableView(parent)
    table.setModel(model)
    style_rows(table)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    fit_columns(table, stretch)
    return table
