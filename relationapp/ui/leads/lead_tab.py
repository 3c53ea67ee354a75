"""The "Lead" tab of the account page: its BANT, its stages with the days spent in each, and its path.

The path shows every touch before the first order (the first one, those along
the way, the converting one), each with its source, so the salesperson's
visit years ago is seen next to the click that came last.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from relationapp.errors import NotFound
from relationapp.services.leads.lead_path import lead_path
from relationapp.services.leads.qualification import get_bant, rule_text
from relationapp.services.leads.stages import LEAD_STAGES, stage_history, time_in_stages
from relationapp.text import formatting
from relationapp.text.wording import KINDS
from relationapp.ui.common import theme
from relationapp.ui.common.i18n import tr
from relationapp.ui.common.widgets import plain_label
from relationapp.ui.leads.bant_panel import letters_text, open_bant_dialog, score_text, stage_label
from relationapp.ui.lists.lazy_model import Column
from relationapp.ui.lists.rows_model import RowsModel

ROLE_TEXTS = {"first": QT_TR_NOOP("First touch"), "along": QT_TR_NOOP("Along the way"),
              "converting": QT_TR_NOOP("Converting touch")}


def _date(day: dt.date | None) -> str:
    return formatting.current().date(day) if day else ""


HISTORY_COLUMNS = [
    Column(QT_TR_NOOP("Stage"), lambda s: stage_label(s.stage)),
    Column(QT_TR_NOOP("Since"), lambda s: _date(s.since)),
    Column(QT_TR_NOOP("Until"), lambda s: _date(s.until) if s.until else tr("now")),
    Column(QT_TR_NOOP("Days"), lambda s: formatting.current().number(s.days), align_right=True),
    Column(QT_TR_NOOP("By"), lambda s: s.by or ""),
    Column(QT_TR_NOOP("Why"), lambda s: s.reason or ""),
]
PATH_COLUMNS = [
    Column(QT_TR_NOOP("Date"), lambda t: _date(t.occurred_on)),
    Column(QT_TR_NOOP("Touch"), lambda t: tr(ROLE_TEXTS.get(t.role, t.role))),
    Column(QT_TR_NOOP("Kind"), lambda t: tr(KINDS.get(t.kind, t.kind))),
    Column(QT_TR_NOOP("Source"), lambda t: t.source or ""),
    Column(QT_TR_NOOP("Subject"), lambda t: t.subject or ""),
]


def _heading(text: str, parent) -> QWidget:
    label = plain_label(text, parent)
    theme.mark(label, "subheading")
    return label


class LeadTab(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        from relationapp.ui.relationships.relationship_tabs import small_table

        self.ctx = ctx
        self.account_id: int | None = None
        layout = QVBoxLayout(self)
        bant_row = QHBoxLayout()
        self.bant_line = plain_label("", self)
        self.bant_line.setWordWrap(True)
        self.qualify_button = QPushButton(tr("Qualify…"), self)
        self.qualify_button.clicked.connect(self.qualify)
        bant_row.addWidget(self.bant_line, 1)
        bant_row.addWidget(self.qualify_button)
        layout.addLayout(bant_row)
        self.bant_facts = plain_label("", self)
        self.bant_facts.setWordWrap(True)
        theme.mark(self.bant_facts, "note")
        layout.addWidget(self.bant_facts)

        layout.addWidget(_heading(tr("Stages"), self))
        self.stages_line = plain_label("", self)
        self.stages_line.setWordWrap(True)
        layout.addWidget(self.stages_line)
        self.history_model = RowsModel(HISTORY_COLUMNS, self)
        self.history_table = small_table(self.history_model)
        layout.addWidget(self.history_table, 1)

        layout.addWidget(_heading(tr("Lead path"), self))
        self.path_line = plain_label("", self)
        self.path_line.setWordWrap(True)
        layout.addWidget(self.path_line)
        self.path_model = RowsModel(PATH_COLUMNS, self)
        self.path_table = small_table(self.path_model)
        layout.addWidget(self.path_table, 1)

    def set_account(self, account_id: int) -> None:
        self.account_id = account_id
        today = dt.date.today()
        try:
            bant = get_bant(self.ctx.db, account_id=account_id, today=today)
            history = stage_history(self.ctx.db, account_id=account_id, today=today)
            path = lead_path(self.ctx.db, account_id=account_id)
        except NotFound:
            return
        fmt = formatting.current()
        line = score_text(bant.score) + " · " + letters_text(
            bant.budget_met, bant.authority_met, bant.need_met, bant.timeline_met)
        if bant.stage in LEAD_STAGES:  # the firm's rule matters while it is a lead
            line += " · " + rule_text(bant.required_score)
        self.bant_line.setText(line)
        facts = []
        if bant.budget_amount is not None:
            facts.append(tr("budget {amount}").format(amount=fmt.money(bant.budget_amount)))
        if bant.authority_person:
            facts.append(tr("authority {name}").format(name=bant.authority_person))
        if bant.need:
            facts.append(tr("need: {need}").format(need=bant.need))
        if bant.timeline_on:
            facts.append(tr("decides by {date}").format(date=fmt.date(bant.timeline_on)))
        if bant.not_ready_reason and bant.stage != "sql":
            facts.append(tr("not ready now: {reason}").format(reason=bant.not_ready_reason))
        self.bant_facts.setText(" · ".join(facts) if facts else tr("Nothing qualified yet."))
        self.bant_facts.setVisible(True)
        self.qualify_button.setEnabled(bant.stage in LEAD_STAGES)

        self.history_model.set_rows(history)
        spent = time_in_stages(history)
        if spent:
            self.stages_line.setText(" · ".join(
                tr("{stage}: {days} days").format(stage=stage_label(stage), days=fmt.number(days))
                for stage, days in spent.items()))
        else:
            self.stages_line.setText(tr("No stage changes recorded."))

        self.path_model.set_rows(path.touches)
        parts = []
        if path.source:
            parts.append(tr("came through {source}").format(source=path.source))
        if path.registered_on:
            parts.append(tr("registered {date}").format(date=fmt.date(path.registered_on)))
        if path.first_order_on:
            parts.append(tr("first order {date}").format(date=fmt.date(path.first_order_on)))
        else:
            parts.append(tr("no order yet"))
        if path.more:
            parts.append(tr("{count} more touches not shown").format(count=fmt.number(path.more)))
        if not path.touches:
            parts.append(tr("no touches yet"))
        self.path_line.setText(" · ".join(parts))

    def qualify(self) -> None:
        if self.account_id is not None:
            open_bant_dialog(self.ctx, self, self.account_id)
            if not self.isVisible():
                self.set_account(self.account_id)
