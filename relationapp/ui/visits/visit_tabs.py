"""Account-page tab "Visits": the visits planned for this account (and those made from a plan); plan one."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from relationapp.services.common.changes import Changes, Kind
from relationapp.services.visits import visits as visits_service
from relationapp.text import formatting
from relationapp.ui.common.i18n import tr
from relationapp.ui.common.widgets import DateField, plain_label
from relationapp.ui.lists.lazy_model import Column
from relationapp.ui.lists.rows_model import RowsModel
from relationapp.ui.relationships.relationship_tabs import small_table
from relationapp.ui.visits.visit_models import STATUS_LABELS

CHANGES = (Kind.VISITS, Kind.INTERACTIONS, Kind.ACCOUNTS)

VISIT_COLUMNS = [
    Column(QT_TR_NOOP("Day"), lambda s: formatting.current().date(s.planned_on)),
    Column(QT_TR_NOOP("Time"), lambda s: f"{s.start_time:%H:%M}" if s.start_time else ""),
    Column(QT_TR_NOOP("Minutes"), lambda s: s.duration_minutes, align_right=True),
    Column(QT_TR_NOOP("By"), lambda s: s.staff),
    Column(QT_TR_NOOP("Status"), lambda s: tr(STATUS_LABELS.get(s.status, s.status))),
    Column(QT_TR_NOOP("Notes"), lambda s: (s.notes or "").replace("\n", " ")),
]


class AccountVisitsTab(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.account_id: int | None = None
        layout = QVBoxLayout(self)
        self.model = RowsModel(VISIT_COLUMNS, self)
        self.table = small_table(self.model)
        layout.addWidget(self.table, 1)
        self.empty = plain_label(tr("No visit planned."), self)
        layout.addWidget(self.empty)
        row = QHBoxLayout()
        self.day = DateField(dt.date.today() + dt.timedelta(days=1), self)
        self.plan_button = QPushButton(tr("Plan a visit"), self)
        self.remove_button = QPushButton(tr("Remove planned visit"), self)
        row.addWidget(self.day)
        row.addWidget(self.plan_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.plan_button.clicked.connect(self.plan_visit)
        self.remove_button.clicked.connect(self.remove_selected)
        ctx.changed.connect(self._changed)

    def set_account(self, account_id: int) -> None:
        self.account_id = account_id
        stops = visits_service.visits_for_account(self.ctx.db, account_id=account_id, include_past=True)
        upcoming = [s for s in stops if s.status == "planned" and s.planned_on >= dt.date.today()]
        # what is coming first, then what happened (newest first)
        rows = upcoming + sorted((s for s in stops if s not in upcoming), key=lambda s: s.planned_on, reverse=True)
        self.model.set_rows(rows)
        self.empty.setVisible(not upcoming)

    def _changed(self, changes: Changes) -> None:
        if self.account_id is not None and changes.touches(*CHANGES):
            self.set_account(self.account_id)

    def plan_visit(self) -> None:
        if self.account_id is None:
            return
        result = self.ctx.ops.run(self, lambda: visits_service.add_stop(self.ctx.db, account_id=self.account_id, day=self.day.value()))
        if result is not None:
            for warning in result.warnings:
                self.ctx.say(warning)

    def remove_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        stop = self.model.row_object(rows[0].row()) if rows else None
        if stop is None or stop.status != "planned":
            return
        self.ctx.ops.run(self, lambda: visits_service.remove_stop(self.ctx.db, visit_id=stop.id))
