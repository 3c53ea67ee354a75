"""The "Customer value" page: the pyramid and who is in each tier, movement
between quarters, the Pareto share and the whale curve of profit, and the
customers with the most growth potential (wallet gap in money)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QT_TR_NOOP, QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from relationapp.errors import ServiceError
from relationapp.services.common.changes import Kind
from relationapp.services.value import pyramid as pyramid_service
from relationapp.services.value import value as value_service
from relationapp.text import formatting
from relationapp.ui.common import theme
from relationapp.ui.common.i18n import tr
from relationapp.ui.common.labels import movement_label, tier_label
from relationapp.ui.common.page import Page
from relationapp.ui.common.tables import style_rows
from relationapp.ui.common.view_state import remember_splitter
from relationapp.ui.common.widgets import DateField, plain_label
from relationapp.ui.lists.lazy_model import Column
from relationapp.ui.lists.rows_model import RowsModel
from relationapp.ui.value.pyramid_widget import PyramidWidget, WhaleCurveWidget

CHANGES = (Kind.ORDERS, Kind.ACCOUNTS, Kind.INTERACTIONS, Kind.SETTINGS, Kind.STAFF)


class MovementModel(QAbstractTableModel):
    """From-tier (rows) x to-tier (columns) counts of a services.pyramid.Movement."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.movement = None

    def set_movement(self, movement) -> None:
        self.beginResetModel()
        self.movement = movement
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() or self.movement is None else len(self.movement.tiers)

    def columnCount(self, parent=QModelIndex()) -> int:
        return self.rowCount(parent)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or self.movement is None or not 0 <= section < len(self.movement.tiers):
            return None
        label = movement_label(self.movement.tiers[section])
        return f"→ {label}" if orientation == Qt.Orientation.Horizontal else label

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if self.movement is None or not index.isValid():
            return None
        tiers = self.movement.tiers
        if not (0 <= index.row() < len(tiers) and 0 <= index.column() < len(tiers)):
            return None
        count = self.movement.counts[index.row()][index.column()]
        step = pyramid_service.TIER_LEVEL.get(tiers[index.column()], 0) - pyramid_service.TIER_LEVEL.get(tiers[index.row()], 0)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(count) if count else ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and count:
            if index.row() == index.column():
                return theme.accent("track")
            if step:
                return theme.accent("up") if step > 0 else theme.accent("down")
        if role == Qt.ItemDataRole.FontRole and count and step:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and count:
            return tr("{count} from {before} to {after}").format(
                count=count, before=movement_label(tiers[index.row()]), after=movement_label(tiers[index.column()]))
        return None


@dataclass(frozen=True)
class PyramidData:
    summary: pyramid_service.PyramidSummary
    members: tuple[pyramid_service.TierMember, ...]


def load_pyramid(db, as_of: dt.date) -> PyramidData:
    return PyramidData(pyramid_service.pyramid_summary(db, as_of=as_of), tuple(pyramid_service.tier_members(db, as_of=as_of)))


def _table(model):
    from relationapp.ui.relationships.relationship_tabs import small_table

    return small_table(model)  # the names stretch; the figures fit their contents


def _matrix_table(model) -> QTableView:
    """The from-tier x to-tier counts: every column as wide as the next (no key column), one cell at a time."""
    table = style_rows(QTableView())
    table.setModel(model)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    table.verticalHeader().setVisible(True)  # the from-tiers
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


class CustomerValueView(Page, QWidget):
    CHANGES = CHANGES
    loaded = Signal()
    movement_loaded = Signal()

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.pyramid_data: PyramidData | None = None
        self.overview: value_service.ValueOverview | None = None
        # the latest refresh; a list so that work on the worker thread can read it
        # without holding the view (a widget must never be freed on that thread)
        self._generation = [0]
        self.stale = True  # the figures are computed when the page is first shown
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        top.addWidget(plain_label(tr("12 months up to"), self))
        self.as_of = DateField(parent=self)
        top.addWidget(self.as_of)
        self.refresh_button = QPushButton(tr("Refresh"), self)
        top.addWidget(self.refresh_button)
        self.headline = plain_label("", self)
        top.addWidget(self.headline, 1)
        layout.addLayout(top)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        layout.addWidget(splitter, 1)
        upper = QSplitter(Qt.Orientation.Horizontal, splitter)
        self.pyramid = PyramidWidget(upper, money=self._money)
        members = QWidget(upper)
        members_layout = QVBoxLayout(members)
        members_layout.setContentsMargins(0, 0, 0, 0)
        self.members_title = plain_label(tr("Click a tier to see its accounts."), members)
        members_layout.addWidget(self.members_title)
        self.members_model = RowsModel([
            Column("#", lambda m: m.rank or "", align_right=True),
            Column(QT_TR_NOOP("Account"), lambda m: m.name),
            Column(QT_TR_NOOP("City"), lambda m: m.city or ""),
            Column(QT_TR_NOOP("Revenue 12 months"), lambda m: self._money(m.revenue_12m), align_right=True),
        ], self)
        self.members_table = _table(self.members_model)
        members_layout.addWidget(self.members_table, 1)
        upper.setStretchFactor(0, 1)
        upper.setStretchFactor(1, 1)
        remember_splitter(upper, "value/upper")

        self.tabs = QTabWidget(splitter)
        self.tabs.addTab(self._build_movement(), tr("Movement between quarters"))
        self.tabs.addTab(self._build_profit(), tr("Pareto and profit"))
        self.tabs.addTab(self._build_growth(), tr("Growth potential"))
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        remember_splitter(splitter, "value/main")

        self.pyramid.tier_clicked.connect(self.show_tier)
        self.refresh_button.clicked.connect(self.refresh)
        self.as_of.dateChanged.connect(lambda _d: self.refresh())
        self.members_table.doubleClicked.connect(lambda i: self._open(self.members_model.row_object(i.row())))
        self.watch(ctx)

    # --- building ---------------------------------------------------------------------
    def _build_movement(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        row.addWidget(plain_label(tr("From"), page))
        self.from_quarter = QComboBox(page)
        row.addWidget(self.from_quarter)
        row.addWidget(plain_label(tr("to"), page))
        self.to_quarter = QComboBox(page)
        row.addWidget(self.to_quarter)
        for box in (self.from_quarter, self.to_quarter):  # "3e kwartaal 2025" whole: the year tells them apart
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        row.addStretch(1)
        layout.addLayout(row)
        body = QHBoxLayout()
        self.movement_model = MovementModel(self)
        self.movement_table = _matrix_table(self.movement_model)
        body.addWidget(self.movement_table, 3)
        moved_columns = [
            Column(QT_TR_NOOP("Account"), lambda m: m.name),
            Column(QT_TR_NOOP("From"), lambda m: movement_label(m.from_tier)),
            Column(QT_TR_NOOP("To"), lambda m: movement_label(m.to_tier)),
            Column(QT_TR_NOOP("Revenue then"), lambda m: self._money(m.revenue_before), align_right=True),
            Column(QT_TR_NOOP("Revenue now"), lambda m: self._money(m.revenue_after), align_right=True),
        ]
        lists = QVBoxLayout()
        self.up_title = plain_label(tr("Moved up"), page)
        self.up_model = RowsModel(moved_columns, self)
        self.up_table = _table(self.up_model)
        self.down_title = plain_label(tr("Moved down"), page)
        self.down_model = RowsModel(moved_columns, self)
        self.down_table = _table(self.down_model)
        for widget in (self.up_title, self.up_table, self.down_title, self.down_table):
            lists.addWidget(widget)
        body.addLayout(lists, 2)
        layout.addLayout(body, 1)
        self.from_quarter.currentIndexChanged.connect(lambda _i: self.refresh_movement())
        self.to_quarter.currentIndexChanged.connect(lambda _i: self.refresh_movement())
        for table, model in ((self.up_table, self.up_model), (self.down_table, self.down_model)):
            table.doubleClicked.connect(lambda i, m=model: self._open(m.row_object(i.row())))
        return page

    def _build_profit(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.pareto_label = plain_label("", page)
        self.pareto_label.setWordWrap(True)
        layout.addWidget(self.pareto_label)
        self.whale = WhaleCurveWidget(page, money=self._money)
        layout.addWidget(self.whale, 1)
        self.whale_label = plain_label("", page)
        self.whale_label.setWordWrap(True)
        layout.addWidget(self.whale_label)
        return page

    def _build_growth(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(plain_label(tr("Customers with an estimated budget, the biggest gap between budget and our revenue first."), page))
        self.growth_model = RowsModel([
            Column(QT_TR_NOOP("Account"), lambda v: v.name),
            Column(QT_TR_NOOP("Tier"), lambda v: tier_label(v.tier)),
            Column(QT_TR_NOOP("Revenue 12 months"), lambda v: self._money(v.revenue), align_right=True),
            Column(QT_TR_NOOP("Budget"), lambda v: self._money(v.annual_budget), align_right=True),
            Column(QT_TR_NOOP("Share of wallet"), lambda v: formatting.current().share(v.share_of_wallet), align_right=True),
            Column(QT_TR_NOOP("Wallet gap"), lambda v: self._money(v.wallet_gap), align_right=True),
            Column(QT_TR_NOOP("Profit"), lambda v: self._money(v.profit), align_right=True),
        ], self)
        self.growth_table = _table(self.growth_model)
        layout.addWidget(self.growth_table, 1)
        self.growth_table.doubleClicked.connect(lambda i: self._open(self.growth_model.row_object(i.row())))
        return page

    def _money(self, amount) -> str:
        return formatting.current().money(amount, whole=True)

    # --- loading ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Answers off the UI thread, quickest first: the pyramid, the quarters, the money,
        the movement; last the quarter snapshots are kept up to date (the first
        time at 50,000 accounts that takes a while; movement needs none of it)."""
        self.stale = False
        self._generation[0] += 1
        latest = self._generation
        generation, db, as_of = latest[0], self.ctx.db, self.as_of.value()
        self.headline.setText(tr("Computing the pyramid…"))
        self.pyramid_data = None
        self.overview = None

        def unless_stale(work):  # a newer refresh makes queued work pointless
            return lambda: None if generation != latest[0] else work()

        run = self.ctx.tasks.run
        run(unless_stale(lambda: load_pyramid(db, as_of)),
            on_done=lambda data: self._pyramid_loaded(generation, data), on_error=self._failed)
        run(unless_stale(lambda: tuple(pyramid_service.available_quarter_ends(db, through=as_of))),
            on_done=lambda ends: self._quarters_loaded(generation, ends), on_error=self._failed)
        run(unless_stale(lambda: value_service.value_overview(db, as_of=as_of)),
            on_done=lambda overview: self._overview_loaded(generation, overview), on_error=self._failed)

    def _pyramid_loaded(self, generation: int, data: PyramidData) -> None:
        if generation != self._generation[0]:
            return  # the date changed meanwhile; a newer answer is on its way
        self.pyramid_data = data
        s = data.summary
        self.headline.setText(tr("{count} customers, revenue {revenue} ({start} to {end})").format(
            count=formatting.current().number(s.customers), revenue=self._money(s.revenue), start=formatting.current().date(s.window_start), end=formatting.current().date(s.as_of)))
        self.pyramid.set_summary(s)
        self.show_tier(self.pyramid.selected or "top")
        self._maybe_loaded()

    def _quarters_loaded(self, generation: int, ends: tuple[dt.date, ...]) -> None:
        if generation != self._generation[0]:
            return
        self._fill_quarters(ends)
        self.refresh_movement()
        # after the movement in the queue: keep the quarter snapshots up to date
        db, as_of = self.ctx.db, self.as_of.value()
        latest = self._generation
        self.ctx.tasks.run(lambda: None if generation != latest[0] else pyramid_service.snapshot_quarters(db, through=as_of),
                           on_error=self._failed)

    def _overview_loaded(self, generation: int, overview: value_service.ValueOverview) -> None:
        if generation != self._generation[0]:
            return
        self.overview = overview
        self._show_profit(overview)
        self.growth_model.set_rows(overview.growth)
        self._maybe_loaded()

    def _maybe_loaded(self) -> None:
        if self.pyramid_data is not None and self.overview is not None:
            self.loaded.emit()

    def _failed(self, exc) -> None:
        self.headline.setText(str(exc) if isinstance(exc, ServiceError) else tr("The pyramid could not be computed: {error}").format(error=exc))
        self.loaded.emit()

    def show_tier(self, tier: str) -> None:
        """List the accounts of one tier (the pyramid's click)."""
        if self.pyramid.selected != tier:
            self.pyramid.select_tier(tier)  # emits tier_clicked, which comes back here
            return
        if self.pyramid_data is None:
            return
        rows = [m for m in self.pyramid_data.members if m.tier == tier]
        self.members_model.set_rows(rows)
        title = tr("{tier}: {count} account (double-click to open)") if len(rows) == 1 \
            else tr("{tier}: {count} accounts (double-click to open)")
        self.members_title.setText(title.format(tier=tier_label(tier), count=formatting.current().number(len(rows))))

    def _show_profit(self, overview: value_service.ValueOverview) -> None:
        p, w = overview.pareto, overview.whale
        if p.customers:
            pareto = tr("The best {top} of {count} customers ({share}) bring {top_revenue} of {revenue} revenue: {revenue_share}.") \
                if p.top_revenue_share is not None else \
                tr("The best {top} of {count} customers ({share}) bring {top_revenue} of {revenue} revenue.")
            self.pareto_label.setText(pareto.format(
                top=formatting.current().number(p.top_customers), count=formatting.current().number(p.customers), share=formatting.current().share(p.share_pct), top_revenue=self._money(p.top_revenue),
                revenue=self._money(p.total_revenue), revenue_share=formatting.current().share(p.top_revenue_share)))
        else:
            self.pareto_label.setText(tr("No customers with revenue in these 12 months."))
        self.whale.set_curve(w)
        whale = tr("Profit after cost of goods and cost to serve (hours x hourly cost): {profit}. "
                   "{count} customer costs more than it brings; it gives {given_back} of the peak back.") \
            if w.unprofitable_customers == 1 else \
            tr("Profit after cost of goods and cost to serve (hours x hourly cost): {profit}. "
               "{count} customers cost more than they bring; they give {given_back} of the peak back.")
        self.whale_label.setText(whale.format(
            profit=self._money(w.total_profit), count=formatting.current().number(w.unprofitable_customers),
            given_back=self._money(w.given_back)) if w.customers else "")

    def _fill_quarters(self, ends: tuple[dt.date, ...]) -> None:
        previous = (self.from_quarter.currentData(), self.to_quarter.currentData())
        for box in (self.from_quarter, self.to_quarter):
            box.blockSignals(True)
            box.clear()
            for end in ends:
                box.addItem(formatting.current().quarter(end), end)
        if ends:
            start, finish = previous
            self.to_quarter.setCurrentIndex(ends.index(finish) if finish in ends else len(ends) - 1)
            default_from = max(0, len(ends) - 5)  # a year back
            self.from_quarter.setCurrentIndex(ends.index(start) if start in ends else default_from)
        for box in (self.from_quarter, self.to_quarter):
            box.blockSignals(False)

    def refresh_movement(self) -> None:
        start, finish = self.from_quarter.currentData(), self.to_quarter.currentData()
        if start is None or finish is None:
            self.movement_model.set_movement(None)
            self.up_model.set_rows([])
            self.down_model.set_rows([])
            self.movement_loaded.emit()
            return
        db = self.ctx.db
        self.ctx.tasks.run(lambda: pyramid_service.movement(db, from_quarter=start, to_quarter=finish),
                           on_done=self._show_movement, on_error=self._failed)

    def _show_movement(self, movement) -> None:
        if (movement.from_end, movement.to_end) != (self.from_quarter.currentData(), self.to_quarter.currentData()):
            return  # the choice changed meanwhile
        self.movement_model.set_movement(movement)
        self.up_model.set_rows(movement.moved_up)
        self.down_model.set_rows(movement.moved_down)
        self.up_title.setText(tr("Moved up: {count}").format(count=formatting.current().number(len(movement.moved_up))))
        self.down_title.setText(tr("Moved down: {count} (biggest loss of revenue first)").format(
            count=formatting.current().number(len(movement.moved_down))))
        self.movement_loaded.emit()

    def _open(self, row) -> None:
        if row is not None:
            self.ctx.open_account(row.account_id)
