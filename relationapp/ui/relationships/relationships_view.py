"""The Relationships page: ambassadors, NPS by quarter / tier / manager, the
referral ledger with credited revenue, and the referral tree."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TR_NOOP, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from relationapp.services.relationships import ambassadors as ambassadors_service
from relationapp.services.relationships import nps as nps_service
from relationapp.services.relationships import referrals as referrals_service
from relationapp.services.value import quarters
from relationapp.text import formatting
from relationapp.ui.common.chart import Chart, Series
from relationapp.ui.common.i18n import tr
from relationapp.ui.common.page import Page
from relationapp.ui.common.view_state import remember_splitter
from relationapp.ui.common.widgets import plain_label
from relationapp.ui.lists.lazy_model import Column
from relationapp.ui.lists.rows_model import RowsModel
from relationapp.ui.relationships.relationship_tabs import (
    CHANGES,
    error_label,
    introduced_columns,
    money_column,
    small_table,
)


@dataclass(frozen=True)
class _Loaded:
    ambassadors: list
    report: nps_service.NpsReport
    ledger: list
    credits: list
    tree: list


NO_ACCOUNT = QT_TR_NOOP("No account")  # the nps service's tier label for scores without one


def _summary_columns(first: str, label=lambda s: s.label) -> list[Column]:
    return [
        Column(first, label),
        Column(QT_TR_NOOP("NPS"), lambda s: tr(s.text), align_right=True),
        Column(QT_TR_NOOP("Scores"), lambda s: s.responses, align_right=True),
        Column(QT_TR_NOOP("Promoters"), lambda s: s.promoters, align_right=True),
        Column(QT_TR_NOOP("Passives"), lambda s: s.passives, align_right=True),
        Column(QT_TR_NOOP("Detractors"), lambda s: s.detractors, align_right=True),
    ]


class RelationshipsView(Page, QWidget):
    CHANGES = CHANGES
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.stale = True  # loads when first shown
        self.loading = False
        self._generation = 0
        layout = QVBoxLayout(self)
        title = plain_label(tr("Relationships: who recommends us, who brought whom, how satisfied customers are"), self)
        layout.addWidget(title)
        self.error = error_label(self)
        layout.addWidget(self.error)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs, 1)

        # ambassadors
        self.ambassadors_model = RowsModel([
            Column(QT_TR_NOOP("Ambassador"), lambda a: a.person),
            Column(QT_TR_NOOP("Account"), lambda a: a.account),
            Column(QT_TR_NOOP("Latest score"), lambda a: f"{a.latest_score} ({formatting.current().date(a.scored_on)})"),
            Column(QT_TR_NOOP("Introductions"), lambda a: a.introductions, align_right=True),
            Column(QT_TR_NOOP("Became customers"), lambda a: a.customers, align_right=True),
            money_column(QT_TR_NOOP("First year"), lambda a: a.credited_first_year, ctx),
            money_column(QT_TR_NOOP("Revenue brought"), lambda a: a.credited_lifetime, ctx),
        ], self)
        self.ambassadors_table = small_table(self.ambassadors_model)
        self.ambassadors_table.doubleClicked.connect(
            lambda i: self._open(getattr(self.ambassadors_model.row_object(i.row()), "account_id", None)))
        page = QWidget()
        pl = QVBoxLayout(page)
        self.ambassadors_note = plain_label("", page)
        self.ambassadors_note.setWordWrap(True)
        pl.addWidget(self.ambassadors_note)
        pl.addWidget(self.ambassadors_table, 1)
        self.tabs.addTab(page, tr("Ambassadors"))

        # NPS
        page = QWidget()
        pl = QVBoxLayout(page)
        top = QHBoxLayout()
        top.addWidget(plain_label(tr("Period:"), page))
        self.period = QComboBox(page)
        self.period.addItem(tr("Last 12 months"), None)
        for label in nps_service.recent_quarter_labels(count=12):
            self.period.addItem(formatting.current().quarter(quarters.parse(label)), label)
        top.addWidget(self.period)
        self.headline = plain_label("", page)
        top.addWidget(self.headline, 1)
        pl.addLayout(top)
        self.by_quarter_model = RowsModel(_summary_columns(QT_TR_NOOP("Quarter")), self)
        self.by_tier_model = RowsModel(_summary_columns(QT_TR_NOOP("Pyramid tier"), lambda s: tr(s.label)), self)
        self.by_manager_model = RowsModel(_summary_columns(QT_TR_NOOP("Account manager")), self)
        split = QSplitter(Qt.Orientation.Vertical, page)
        # NPS per quarter (-100 to +100), the newest last; the table under it has the counts
        self.nps_chart = Chart(split, y_title=tr("NPS per quarter"), y_format=lambda v: f"{v:+.0f}" if v else "0",
                               empty_text=tr("No NPS scores in these quarters. Log them on an account's NPS tab."))
        self.nps_chart.setAccessibleName(tr("NPS per quarter"))
        split.addWidget(self.nps_chart)
        for model in (self.by_quarter_model, self.by_tier_model, self.by_manager_model):
            split.addWidget(small_table(model))
        remember_splitter(split, "relationships/nps")
        pl.addWidget(split, 1)
        self.tabs.addTab(page, tr("NPS"))
        self.period.currentIndexChanged.connect(self.refresh)

        # ledger
        page = QWidget()
        pl = QVBoxLayout(page)
        self.ledger_model = RowsModel(
            [Column(QT_TR_NOOP("Referrer"), lambda r: r.referrer)]
            + [c for c in introduced_columns(ctx) if c.title != "Through"], self)
        self.ledger_table = small_table(self.ledger_model)
        self.ledger_table.doubleClicked.connect(
            lambda i: self._open(getattr(self.ledger_model.row_object(i.row()), "referred_account_id", None)))
        self.credit_model = RowsModel([
            Column(QT_TR_NOOP("Referrer"), lambda c: c.referrer_person or c.referrer_account),
            Column(QT_TR_NOOP("Account"), lambda c: c.referrer_account),
            Column(QT_TR_NOOP("Introductions"), lambda c: c.introductions, align_right=True),
            Column(QT_TR_NOOP("Became customers"), lambda c: c.customers, align_right=True),
            money_column(QT_TR_NOOP("First year"), lambda c: c.credited_first_year, ctx),
            money_column(QT_TR_NOOP("Lifetime"), lambda c: c.credited_lifetime, ctx),
        ], self)
        pl.addWidget(plain_label(tr("Every referral, with the revenue credited to whoever made it"), page))
        pl.addWidget(self.ledger_table, 2)
        pl.addWidget(plain_label(tr("Credited per referrer"), page))
        pl.addWidget(small_table(self.credit_model), 1)
        self.tabs.addTab(page, tr("Referral ledger"))

        # tree
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([tr("Account"), tr("Introduced by"), tr("Revenue brought")])
        self.tree.header().setStretchLastSection(False)
        self.tree.itemActivated.connect(lambda item, _col: self._open(item.data(0, Qt.ItemDataRole.UserRole)))
        self.tabs.addTab(self.tree, tr("Referral tree"))

        self.watch(ctx)

    # --- loading --------------------------------------------------------------
    def refresh(self) -> None:
        self.loading = True
        db, quarter = self.ctx.db, self.period.currentData()

        def load() -> _Loaded:
            ledger = referrals_service.referral_ledger(db)  # once for the three views of it
            return _Loaded(
                ambassadors=ambassadors_service.list_ambassadors(db, ledger=ledger),
                report=nps_service.nps_report(db, quarter=quarter),
                ledger=ledger,
                credits=referrals_service.credit_by_referrer(db, ledger=ledger),
                tree=referrals_service.referral_tree(db),
            )

        self._generation += 1
        generation = self._generation
        self.ctx.tasks.run(load, on_done=lambda loaded: self._show(loaded, generation), on_error=self._failed)

    def _show(self, loaded: _Loaded, generation: int) -> None:
        if not isValid(self) or generation != self._generation:  # closed, or a newer load is under way
            return
        self.loading = False
        self.error.hide()
        self.ambassadors_model.set_rows(loaded.ambassadors)
        self.ambassadors_note.setText(
            tr("Promoters (latest score 9-10) who introduced at least one account, ranked by the revenue their "
               "introductions brought.") if loaded.ambassadors else
            tr("No ambassadors yet: an ambassador is a promoter (latest score 9-10) who introduced at least one account."))
        report = loaded.report
        overall = report.overall
        # a quarter is named as the service names it ("2026Q3"); the 12 months by their last day
        period = self.period.currentText() if self.period.currentData() else tr("12 months to {date}").format(date=formatting.current().date(report.end))
        if overall.responses:
            headline = tr("NPS {period}: {nps} from {count} scores")
        else:
            headline = tr("NPS {period}: {nps}")
        self.headline.setText(headline.format(period=period, nps=tr(overall.text), count=overall.responses))
        self.by_quarter_model.set_rows(list(reversed(report.by_quarter)))
        scored = [q for q in report.by_quarter if q.nps is not None]
        self.nps_chart.set_data([formatting.current().quarter(quarters.parse(q.label)) for q in report.by_quarter],
                                [Series(tr("NPS"), [q.nps for q in report.by_quarter])] if scored else [],
                                y_range=(-100, 100))
        self.by_tier_model.set_rows(report.by_tier)
        self.by_manager_model.set_rows(report.by_manager)
        self.ledger_model.set_rows(loaded.ledger)
        self.credit_model.set_rows(loaded.credits)
        self._fill_tree(loaded.tree)

    def _failed(self, exc: Exception) -> None:
        if not isValid(self):
            return
        self.loading = False
        self.error.setText(tr("Could not load the relationships: {error}").format(error=exc))
        self.error.show()

    def _fill_tree(self, roots) -> None:
        money = money_column("", lambda node: node.credited_lifetime, self.ctx).value

        def add(parent, node) -> None:
            item = QTreeWidgetItem(parent, [node.account, node.introduced_by or "", money(node)])
            item.setData(0, Qt.ItemDataRole.UserRole, node.account_id)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for child in node.children:
                add(item, child)

        self.tree.clear()
        for root in roots:
            add(self.tree, root)
        self.tree.expandAll()
        for column in range(3):
            self.tree.resizeColumnToContents(column)

    def _open(self, account_id) -> None:
        if account_id:
            self.ctx.open_account(account_id)

