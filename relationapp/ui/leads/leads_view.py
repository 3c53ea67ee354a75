"""The "Leads" page: where future customers stand, and what to do with each.

Leads are people too, but existing customers come first: Today leads with
the customers, and only the few leads in a manager's focus show there,
below them. This page is where the leads themselves are worked: qualified
(BANT), put in or out of focus, sent back to nurturing when not ready, or
closed with a reason (never the bin: a closed lead stays in the reports).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from relationapp.errors import ServiceError
from relationapp.services.common.changes import Kind
from relationapp.services.common.settings import get_settings
from relationapp.services.leads.focus import focus_list, set_focus
from relationapp.services.leads.lead_list import list_leads
from relationapp.services.leads.qualification import not_ready
from relationapp.services.leads.stages import LEAD_STAGES, close_lead
from relationapp.text import formatting
from relationapp.ui.common import theme
from relationapp.ui.common import messages
from relationapp.ui.common.dialog_base import FormDialog
from relationapp.ui.common.flow_layout import FlowLayout
from relationapp.ui.common.i18n import tr
from relationapp.ui.common.page import Page
from relationapp.ui.common.tables import read_only_table
from relationapp.ui.common.widgets import plain_label
from relationapp.ui.leads.bant_panel import open_bant_dialog, stage_label
from relationapp.ui.leads.nurture_view import NurtureView
from relationapp.ui.leads.sources_view import SourcesView
from relationapp.ui.lists.lazy_model import Column
from relationapp.ui.lists.rows_model import RowsModel, with_tooltip



def _stage(row) -> str:
    if row.stage == "inactive":
        return tr("Closed lead")
    return stage_label(row.stage)


COLUMNS = [
    Column(QT_TR_NOOP("Lead"), lambda r: r.account),
    Column(QT_TR_NOOP("Stage"), _stage),
    Column(QT_TR_NOOP("Source"), lambda r: r.source or ""),
    Column(QT_TR_NOOP("Source detail"), lambda r: r.source_detail or ""),
    Column(QT_TR_NOOP("Brought in by"), lambda r: r.brought_in_by or ""),
    Column(QT_TR_NOOP("Account manager"), lambda r: r.owner or ""),
    with_tooltip(Column(QT_TR_NOOP("BANT"), lambda r: f"{r.bant_score}/4", align_right=True),
                 QT_TR_NOOP("How many of budget, authority, need and timeline are in place")),
    with_tooltip(Column(QT_TR_NOOP("Focus"), lambda r: "✓" if r.in_focus else ""),
                 QT_TR_NOOP("In the account manager's focus list (shown on Today, below the customers)")),
    Column(QT_TR_NOOP("Last touch"), lambda r: formatting.current().date(r.last_touch_on) if r.last_touch_on else ""),
    Column(QT_TR_NOOP("Why closed"), lambda r: r.closed_reason or ""),
]


class ReasonDialog(FormDialog):
    """A reason (required by the service), optionally a nurture track; ``save`` is given by the caller."""

    def __init__(self, ctx, title: str, intro: str, account_id: int, *, tracks: bool = False, parent=None):
        super().__init__(ctx, title, parent)
        self.account_id = account_id
        self.intro = plain_label(intro, self)
        self.intro.setWordWrap(True)
        theme.mark(self.intro, "note")
        self.layout().insertWidget(0, self.intro)
        self.reason = self.add_row(tr("&Reason"), "reason", QLineEdit(self))
        self.track: QComboBox | None = None
        if tracks:
            self.track = self.add_row(tr("Nurture &track"), "track", QComboBox(self))
            self.track.addItem(tr("— no track —"), None)
            for name in _track_names(ctx.db):
                self.track.addItem(name, name)
        self.reason.setFocus()
        self.resize(480, 0)


def _track_names(db) -> list[str]:
    try:
        from relationapp.services.leads.nurture import list_tracks
    except ImportError:  # nurturing not there yet
        return []
    return [track.name for track in list_tracks(db)]


class NotReadyDialog(ReasonDialog):
    def __init__(self, ctx, account_id: int, name: str, parent=None):
        super().__init__(ctx, tr("Not ready now"), tr(
            "{name} is not ready to buy now: it goes back to nurturing with the reason, never to the bin.").format(
                name=name), account_id, tracks=True, parent=parent)
        self.reason.setPlaceholderText(tr("e.g. budget next year"))

    def save(self):
        return not_ready(self.ctx.db, account_id=self.account_id, reason=self.reason.text(),
                         track=self.track.currentData() if self.track is not None else None)


class CloseLeadDialog(ReasonDialog):
    def __init__(self, ctx, account_id: int, name: str, parent=None):
        super().__init__(ctx, tr("Close lead"), tr(
            "{name} will not buy: the lead is closed and stays in the reports with its reason. "
            "If it is only not ready now, send it to nurturing instead.").format(name=name), account_id,
            parent=parent)
        self.name = name
        self.reason.setPlaceholderText(tr("why it will not become a customer"))

    def accept(self) -> None:
        # without a reason the service refuses (shown here); with one, ask first
        if self.reason.text().strip() and not messages.ask(
                self, tr("Close lead"), tr("Close the lead {name}? This cannot be undone with Ctrl+Z.").format(
                    name=self.name)):
            return
        super().accept()

    def save(self):
        return close_lead(self.ctx.db, account_id=self.account_id, reason=self.reason.text())


class LeadsView(Page, QWidget):
    CHANGES = (Kind.ACCOUNTS, Kind.LEADS, Kind.INTERACTIONS, Kind.STAFF, Kind.SETTINGS)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget(self)
        outer.addWidget(self.tabs)
        self.list_tab = QWidget(self.tabs)
        layout = QVBoxLayout(self.list_tab)
        self.intro = plain_label(tr(
            "Leads are people who may become customers. Existing customers come first: only the leads in a "
            "manager's focus show on Today, below the customers."), self)
        self.intro.setWordWrap(True)
        theme.mark(self.intro, "note")
        layout.addWidget(self.intro)

        filters = QHBoxLayout()
        self.stage = QComboBox(self)
        self.stage.addItem(tr("All lead stages"), None)
        for code in LEAD_STAGES:
            self.stage.addItem(stage_label(code), code)
        self.show_closed = QCheckBox(tr("Show &closed leads"), self)
        self.focus_line = plain_label("", self)
        theme.mark(self.focus_line, "note")
        self.focus_line.setWordWrap(True)
        filters.addWidget(plain_label(tr("Stage"), self))
        filters.addWidget(self.stage)
        filters.addWidget(self.show_closed)
        filters.addStretch(1)
        filters.addWidget(self.focus_line)
        layout.addLayout(filters)

        self.model = RowsModel(COLUMNS, self)
        self.table = read_only_table(self.model, self)
        layout.addWidget(self.table, 1)
        self.empty = plain_label(tr("No leads here. Register one with File > New lead… (Ctrl+Shift+L)."), self)
        theme.mark(self.empty, "note")
        self.empty.hide()
        layout.addWidget(self.empty)

        buttons = FlowLayout()  # wraps on a narrow window (200 % text)
        self.qualify_button = QPushButton(tr("&Qualify… (BANT)"), self)
        self.focus_button = QPushButton(tr("Foc&us on/off"), self)
        self.not_ready_button = QPushButton(tr("&Not ready now…"), self)
        self.close_button = QPushButton(tr("C&lose lead…"), self)
        self.open_button = QPushButton(tr("&Open account"), self)
        self.new_button = QPushButton(tr("New lead… (Ctrl+Shift+L)"), self)
        for button in (self.qualify_button, self.focus_button, self.not_ready_button, self.close_button,
                       self.open_button):
            buttons.addWidget(button)
        buttons.addWidget(self.new_button)
        layout.addLayout(buttons)
        self.focus_button.setToolTip(tr("Space in the list"))
        self.open_button.setToolTip(tr("Enter in the list"))

        self.sources = SourcesView(ctx, self.tabs)
        self.nurture = NurtureView(ctx, self.tabs)
        self.tabs.addTab(self.list_tab, tr("Leads"))
        self.tabs.addTab(self.sources, tr("Sources"))
        self.tabs.addTab(self.nurture, tr("Nurturing"))

        self.qualify_button.clicked.connect(self.qualify)
        self.focus_button.clicked.connect(self.toggle_focus)
        self.not_ready_button.clicked.connect(self.mark_not_ready)
        self.close_button.clicked.connect(self.close_selected)
        self.open_button.clicked.connect(self.open_account)
        self.new_button.clicked.connect(self.new_lead)
        self.table.doubleClicked.connect(lambda _index: self.open_account())
        for key, slot in ((Qt.Key.Key_Return, self.open_account), (Qt.Key.Key_Enter, self.open_account),
                          (Qt.Key.Key_Space, self.toggle_focus)):
            QShortcut(QKeySequence(key), self.table, activated=slot, context=Qt.ShortcutContext.WidgetShortcut)
        self.stage.currentIndexChanged.connect(self.refresh)
        self.show_closed.toggled.connect(self.refresh)
        self.model.modelReset.connect(self._update_buttons)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.watch(ctx)
        self.refresh()

    # --- showing ------------------------------------------------------------
    def refresh(self, *_args) -> None:
        selected = self.selected()
        rows = list_leads(self.ctx.db, stage=self.stage.currentData(), include_closed=self.show_closed.isChecked())
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        if not (selected is not None and self.select(selected.account_id)) and rows:
            self.table.selectRow(0)  # the buttons work at once; the keys too
            self.table.setCurrentIndex(self.model.index(0, 0))
        self.table.setColumnHidden(len(COLUMNS) - 1, not self.show_closed.isChecked())
        limit = get_settings(self.ctx.db).focus_limit
        in_focus = len(focus_list(self.ctx.db, everyone=True))
        self.focus_line.setText(tr("{count} leads in focus (at most {limit} for each manager)").format(
            count=in_focus, limit=limit))

    def select(self, account_id: int) -> bool:
        for row, lead in enumerate(self.model.rows):
            if lead.account_id == account_id:
                self.table.selectRow(row)
                self.table.setCurrentIndex(self.model.index(row, 0))
                return True
        return False

    def selected(self):
        return self.model.row_object(self.table.currentIndex().row()) if self.table.currentIndex().isValid() else None

    def _update_buttons(self) -> None:
        lead = self.selected()
        is_lead = lead is not None and lead.stage in LEAD_STAGES
        for button in (self.qualify_button, self.focus_button, self.not_ready_button, self.close_button):
            button.setEnabled(is_lead)
        self.open_button.setEnabled(lead is not None)
        self.focus_button.setText(tr("Out of foc&us") if is_lead and lead.in_focus else tr("In foc&us"))

    # --- actions ------------------------------------------------------------
    def qualify(self) -> None:
        lead = self.selected()
        if lead is not None and lead.stage in LEAD_STAGES:
            open_bant_dialog(self.ctx, self, lead.account_id)

    def toggle_focus(self) -> None:
        lead = self.selected()
        if lead is None or lead.stage not in LEAD_STAGES:
            return
        db, account_id, now = self.ctx.db, lead.account_id, not lead.in_focus
        label = (tr("{name} put in focus") if now else tr("{name} taken out of focus")).format(name=lead.account)
        try:
            self.ctx.ops.call(set_focus, db, account_id=account_id, in_focus=now,
                              undo=lambda: set_focus(db, account_id=account_id, in_focus=not now), undo_label=label)
        except ServiceError as exc:  # a full focus list: the service says whose and how many
            messages.inform(self, tr("Focus list full"), str(exc))

    def mark_not_ready(self) -> None:
        lead = self.selected()
        if lead is not None and lead.stage in LEAD_STAGES:
            dialog = NotReadyDialog(self.ctx, lead.account_id, lead.account, parent=self)
            if dialog.exec():
                self.ctx.say(tr("{name} goes back to nurturing.").format(name=lead.account))

    def close_selected(self) -> None:
        lead = self.selected()
        if lead is not None and lead.stage in LEAD_STAGES:
            dialog = CloseLeadDialog(self.ctx, lead.account_id, lead.account, parent=self)
            if dialog.exec():
                self.ctx.say(tr("Lead {name} closed.").format(name=lead.account))

    def open_account(self) -> None:
        lead = self.selected()
        if lead is not None:
            self.ctx.open_account(lead.account_id)

    def new_lead(self) -> None:
        from relationapp.ui.leads.lead_dialog import open_lead_dialog

        open_lead_dialog(self.ctx, self)
