"""The "Sources" tab of the Leads page: how many leads did we have in a year, and where do good customers come from?

What counts is the value of a lead, not its cost: per lead source and per
colleague who brought the lead in, the leads of one year next to what they
bought and what the source cost (``services.leads.sources_report``). The
report takes a moment on a big file, so it is computed off the UI thread;
an answer for a year no longer asked for is dropped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QT_TR_NOOP, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from relationapp.services.common.changes import Kind
from relationapp.services.customers.staff import list_lead_sources
from relationapp.services.leads.campaigns import set_campaign_cost
from relationapp.services.leads.sources_report import (
    NOBODY_NAMED,
    UNKNOWN_SOURCE,
    LeadFigures,
    SourcesReport,
    sources_report,
    years_available,
)
from relationapp.text import formatting, parsing
from relationapp.ui.common import theme
from relationapp.ui.common import messages
from relationapp.ui.common.dialog_base import FormDialog
from relationapp.ui.common.i18n import tr
from relationapp.ui.common.page import Page
from relationapp.ui.common.tables import fit_columns, fit_height, read_only_table
from relationapp.ui.common.widgets import plain_label
from relationapp.ui.lists.lazy_model import Column
from relationapp.ui.lists.rows_model import RowsModel, with_tooltip



@dataclass(frozen=True)
class FiguresRow:
    """One line of a table: the words shown in the first column and the service's figures."""

    label: str
    figures: LeadFigures
    total: bool = False

    @property
    def id(self) -> int | None:
        return None if self.total else self.figures.id


def _money(amount) -> str:
    return formatting.current().money(amount, whole=True)


def _days(days: float | None) -> str:
    if days is None:
        return "–"
    return formatting.current().number(days, digits=0 if float(days).is_integer() else 1)


def _figure_columns(first: str) -> list[Column]:
    return [
        Column(first, lambda r: r.label),
        Column(QT_TR_NOOP("Leads"), lambda r: formatting.current().number(r.figures.leads), align_right=True),
        with_tooltip(Column(QT_TR_NOOP("Qualified"), lambda r: formatting.current().percent(r.figures.qualified_share),
                            align_right=True),
                     QT_TR_NOOP("Share of the leads that became a marketing- or sales-qualified lead or customer")),
        with_tooltip(Column(QT_TR_NOOP("Became customer"),
                            lambda r: formatting.current().percent(r.figures.customer_share), align_right=True),
                     QT_TR_NOOP("Share of the leads that became customer")),
        with_tooltip(Column(QT_TR_NOOP("First 12 months"), lambda r: _money(r.figures.revenue_12m), align_right=True),
                     QT_TR_NOOP("Revenue in the 12 months from each lead's first order")),
        Column(QT_TR_NOOP("Lifetime revenue"), lambda r: _money(r.figures.revenue_lifetime), align_right=True),
        with_tooltip(Column(QT_TR_NOOP("Value per lead"), lambda r: _money(r.figures.value_per_lead), align_right=True),
                     QT_TR_NOOP("Lifetime revenue of the leads divided by their number")),
        Column(QT_TR_NOOP("Cost"), lambda r: _money(r.figures.cost), align_right=True),
        with_tooltip(Column(QT_TR_NOOP("Cost per lead"), lambda r: _money(r.figures.cost_per_lead), align_right=True),
                     QT_TR_NOOP("Shown only where a cost was entered")),
        with_tooltip(Column(QT_TR_NOOP("Days to first order"), lambda r: _days(r.figures.median_days_to_first_order),
                            align_right=True),
                     QT_TR_NOOP("Median days from registration to the first order, of the leads that became customer")),
    ]


CAMPAIGN_COLUMNS = [
    Column(QT_TR_NOOP("Campaign"), lambda c: c.name),
    Column(QT_TR_NOOP("Source"), lambda c: c.source_name),
    Column(QT_TR_NOOP("Leads"), lambda c: formatting.current().number(c.leads), align_right=True),
    Column(QT_TR_NOOP("Customers"), lambda c: formatting.current().number(c.customers), align_right=True),
    Column(QT_TR_NOOP("Lifetime revenue"), lambda c: _money(c.revenue_lifetime), align_right=True),
    Column(QT_TR_NOOP("Value per lead"), lambda c: _money(c.value_per_lead), align_right=True),
    Column(QT_TR_NOOP("Cost"), lambda c: _money(c.cost), align_right=True),
    Column(QT_TR_NOOP("Cost per lead"), lambda c: _money(c.cost_per_lead), align_right=True),
]
SOURCE_COLUMNS = _figure_columns(QT_TR_NOOP("Source"))
COLLEAGUE_COLUMNS = _figure_columns(QT_TR_NOOP("Brought in by"))
COST_COLUMNS = (7, 8)  # a colleague has no cost
VALUE_PER_LEAD = 6
COST_PER_LEAD = 8


def source_rows(report: SourcesReport) -> list[FiguresRow]:
    rows = [FiguresRow(r.name or tr(UNKNOWN_SOURCE), r) for r in report.sources]
    return rows + [FiguresRow(tr("Total"), report.total, total=True)]


def colleague_rows(report: SourcesReport) -> list[FiguresRow]:
    return [FiguresRow(r.name or tr(NOBODY_NAMED), r) for r in report.colleagues]


def heading_text(report: SourcesReport) -> str:
    fmt = formatting.current()
    question = tr("How many leads did we have in {year}?").format(year=report.year)
    answer = tr("{count}, of which {customers} became customer.").format(
        count=fmt.number(report.total.leads), customers=fmt.number(report.total.customers))
    return question + " " + answer


def default_year(years: tuple[int, ...], today: dt.date) -> int:
    """Last year when leads came in then; else the newest year with leads; else this year."""
    if today.year - 1 in years:
        return today.year - 1
    return years[0] if years else today.year


def open_path(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class CostDialog(FormDialog):
    """What a source (or one campaign of it) cost in a year: ``set_campaign_cost``."""

    def __init__(self, ctx, *, year: int, source_id: int | None = None, parent=None):
        super().__init__(ctx, tr("Enter a cost"), parent)
        self.today = dt.date.today()
        intro = plain_label(tr("What a lead source cost in a year: the whole source, or one campaign of it. "
                               "A cost entered again for the same source, year and campaign replaces it."), self)
        intro.setWordWrap(True)
        theme.mark(intro, "note")
        self.layout().insertWidget(0, intro)
        self.source = self.add_row(tr("Lead &source"), "source_id", QComboBox(self))
        for source in list_lead_sources(ctx.db):
            self.source.addItem(source.name, source.id)
        if source_id is not None and self.source.findData(source_id) >= 0:
            self.source.setCurrentIndex(self.source.findData(source_id))
        self.year = self.add_row(tr("&Year"), "year", QSpinBox(self))
        self.year.setRange(1900, self.today.year + 1)
        self.year.setValue(year)
        self.campaign = self.add_row(tr("&Campaign"), "name", QLineEdit(self))
        self.campaign.setPlaceholderText(tr("empty for the whole source that year"))
        self.amount = self.add_row(tr("&Amount"), "cost", QLineEdit(self))
        self.amount.setPlaceholderText(parsing.editable_amount(Decimal(2500)))
        self.amount.setFocus()
        self.resize(480, 0)

    def save(self):
        cost = parsing.parse_amount(self.amount.text(), field="cost", label=tr("Amount"))
        return set_campaign_cost(self.ctx.db, source_id=self.source.currentData(), year=self.year.value(),
                                 name=self.campaign.text(), cost=cost, today=self.today)


class SourcesView(Page, QWidget):
    CHANGES = (Kind.ACCOUNTS, Kind.LEADS, Kind.ORDERS, Kind.STAFF)
    shown = Signal(object)  # the SourcesReport on screen now (tests wait for it)
    pdf_written = Signal(object)  # the path, or None when it failed

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.report: SourcesReport | None = None
        self._asked = 0  # the number of the last question: older answers are dropped
        self._years_known = False
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        top.addWidget(plain_label(tr("Year"), self))
        self.year = QComboBox(self)
        top.addWidget(self.year)
        self.heading = plain_label("", self)
        theme.mark(self.heading, "heading")
        top.addWidget(self.heading, 1)
        layout.addLayout(top)
        self.summary = plain_label("", self)
        self.summary.setWordWrap(True)
        theme.mark(self.summary, "note")
        layout.addWidget(self.summary)

        self.source_model = RowsModel(SOURCE_COLUMNS, self)
        self.source_table = read_only_table(self.source_model, self)
        layout.addWidget(self.source_table)
        self.colleague_label = plain_label(tr("By colleague who brought the lead in"), self)
        theme.mark(self.colleague_label, "subheading")
        layout.addWidget(self.colleague_label)
        self.colleague_model = RowsModel(COLLEAGUE_COLUMNS, self)
        self.colleague_table = read_only_table(self.colleague_model, self)
        for column in COST_COLUMNS:
            self.colleague_table.setColumnHidden(column, True)
        layout.addWidget(self.colleague_table)
        self.campaign_label = plain_label(tr("Campaigns (leads whose source detail carries the campaign's name)"), self)
        theme.mark(self.campaign_label, "subheading")
        layout.addWidget(self.campaign_label)
        self.campaign_model = RowsModel(CAMPAIGN_COLUMNS, self)
        self.campaign_table = read_only_table(self.campaign_model, self)
        layout.addWidget(self.campaign_table)

        self.explain = plain_label(tr(
            "A lead is an account registered in that year; existing customers entered later are not leads. "
            "Value per lead is the lifetime revenue of the leads divided by their number."), self)
        self.explain.setWordWrap(True)
        theme.mark(self.explain, "note")
        layout.addWidget(self.explain)
        layout.addStretch(1)

        buttons = QHBoxLayout()
        self.cost_button = QPushButton(tr("&Enter a cost…"), self)
        self.pdf_button = QPushButton(tr("Save as &PDF…"), self)
        self.status = plain_label("", self)
        theme.mark(self.status, "note")
        buttons.addWidget(self.cost_button)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        buttons.addWidget(self.status)
        layout.addLayout(buttons)

        self.cost_button.clicked.connect(self.enter_cost)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.year.currentIndexChanged.connect(lambda _i: self.refresh())
        self.pdf_button.setEnabled(False)
        self.campaign_label.hide()
        self.campaign_table.hide()
        self.watch(ctx)
        self.stale = True  # computed when first shown

    # --- showing ------------------------------------------------------------
    def chosen_year(self) -> int | None:
        return self.year.currentData()

    def refresh(self, *_args) -> None:
        """Ask for the report of the chosen year (and the years there are) off the UI thread."""
        self._asked += 1
        asked, db, year, today = self._asked, self.ctx.db, self.chosen_year(), dt.date.today()
        self.status.setText(tr("Counting…"))

        def work():
            years = years_available(db)
            wanted = year if year is not None else default_year(years, today)
            return years, sources_report(db, year=wanted, today=today)

        self.ctx.tasks.run(work, on_done=lambda answer: self._show(asked, *answer),
                           on_error=lambda exc: self._failed(asked, exc), owner=self)

    def _failed(self, asked: int, exc: Exception) -> None:
        if asked == self._asked:
            self.status.setText(str(exc))

    def _show(self, asked: int, years: tuple[int, ...], report: SourcesReport) -> None:
        if asked != self._asked:
            return  # a newer question is on its way
        self._set_years(years, report.year)
        self.report = report
        self.heading.setText(heading_text(report))
        fmt = formatting.current()
        summary = tr("{revenue} revenue from these leads so far; value per lead {value}.").format(
            revenue=fmt.money(report.total.revenue_lifetime, whole=True), value=_money(report.total.value_per_lead))
        if not report.complete:
            summary += " " + tr("The year is not over yet.")
        self.summary.setText(summary)
        selected = self.selected_source_id()
        self.source_model.set_rows(source_rows(report))
        self.colleague_model.set_rows(colleague_rows(report))
        self.campaign_model.set_rows(report.campaigns)
        for table in (self.source_table, self.colleague_table, self.campaign_table):
            fit_columns(table, 0)
            fit_height(table, most=14 if table is self.source_table else 8)
        self.campaign_label.setVisible(bool(report.campaigns))
        self.campaign_table.setVisible(bool(report.campaigns))
        self.select_source(selected)
        self.status.setText("")
        self.pdf_button.setEnabled(True)
        self.shown.emit(report)

    def _set_years(self, years: tuple[int, ...], shown: int) -> None:
        wanted = sorted(set(years) | {shown}, reverse=True)
        current = [self.year.itemData(i) for i in range(self.year.count())]
        if current == wanted and self.year.currentData() == shown:
            return
        self.year.blockSignals(True)
        self.year.clear()
        for year in wanted:
            self.year.addItem(str(year), year)
        self.year.setCurrentIndex(self.year.findData(shown))
        self.year.blockSignals(False)

    def selected_source_id(self) -> int | None:
        index = self.source_table.currentIndex()
        row = self.source_model.row_object(index.row()) if index.isValid() else None
        return row.id if row is not None else None

    def select_source(self, source_id: int | None) -> None:
        for number, row in enumerate(self.source_model.rows):
            if source_id is not None and row.id == source_id:
                self.source_table.selectRow(number)
                return

    def row_of_source(self, name: str) -> int | None:
        for number, row in enumerate(self.source_model.rows):
            if not row.total and row.figures.name == name:
                return number
        return None

    # --- actions ------------------------------------------------------------
    def enter_cost(self) -> None:
        if not list_lead_sources(self.ctx.db):
            messages.inform(self, tr("Enter a cost"), tr("There are no lead sources yet: register a lead with its "
                                                         "source first."))
            return
        year = self.chosen_year() or dt.date.today().year
        dialog = CostDialog(self.ctx, year=year, source_id=self.selected_source_id(), parent=self)
        if dialog.exec():
            row = dialog.result_value
            self.ctx.say(tr("Cost of {source} in {year} saved.").format(source=row.source_name, year=row.year))

    def save_pdf(self) -> None:
        from relationapp.reports.common.layout import write_atomically
        from relationapp.reports.leads.sources_pdf import render_sources_report
        from relationapp.services.common.settings import get_settings

        report = self.report
        if report is None:
            return
        name = f"lead-sources-{report.year}.pdf"
        path, _ = QFileDialog.getSaveFileName(self, tr("Save the lead sources as PDF"), str(Path.home() / name),
                                              tr("PDF (*.pdf)"))
        if not path:
            return
        db = self.ctx.db
        self.pdf_button.setEnabled(False)

        def done(written):
            self.pdf_button.setEnabled(True)
            self.ctx.say(tr("Lead sources written to {path}.").format(path=written))
            self.pdf_written.emit(written)
            open_path(written)

        def failed(exc):
            self.pdf_button.setEnabled(True)
            messages.warn(self, tr("No PDF written"), str(exc))
            self.pdf_written.emit(None)

        self.ctx.tasks.run(lambda: write_atomically(path, render_sources_report(report, settings=get_settings(db))),
                           on_done=done, on_error=failed, owner=self)
