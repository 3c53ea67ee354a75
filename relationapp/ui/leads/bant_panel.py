"""Qualify a lead with BANT: budget, authority, need, timeline.

Each letter rests on something typed (an amount, a decision maker of the
account, a sentence, a day); the dialog shows which letters are in place, the
score and the firm's rule as you type. Saving is one ``qualify`` call; when
the lead's stage moves (to a sales-qualified lead, say) the user is told.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from relationapp.errors import ServiceError
from relationapp.services.customers.people import people_of_account
from relationapp.services.leads.qualification import get_bant, qualify, rule_text
from relationapp.text import parsing
from relationapp.text.wording import ROLES, STAGES
from relationapp.ui.common import theme
from relationapp.ui.common import messages
from relationapp.ui.common.dialog_base import FormDialog
from relationapp.ui.common.i18n import tr
from relationapp.ui.common.widgets import OptionalDateField, combo, plain_label

MET = "✓"
NOT_MET = "✗"


def letters_text(budget: bool, authority: bool, need: bool, timeline: bool) -> str:
    """"Budget ✓ · Authority ✗ · Need ✓ · Timeline ✗" in the user's language."""
    parts = [(tr("Budget"), budget), (tr("Authority"), authority), (tr("Need"), need), (tr("Timeline"), timeline)]
    return " · ".join(f"{name} {MET if met else NOT_MET}" for name, met in parts)


def score_text(score: int) -> str:
    return tr("BANT score {score}/4").format(score=score)


def stage_label(stage: str | None) -> str:
    return tr(STAGES.get(stage, stage)) if stage else ""


def moved_text(stage: str) -> str:
    if stage == "sql":
        return tr("The lead is now a sales-qualified lead: talk to them.")
    if stage == "mql":
        return tr("The lead is now a marketing-qualified lead: keep nurturing it.")
    return tr("The lead moved to {stage}.").format(stage=stage_label(stage))


class BantDialog(FormDialog):
    def __init__(self, ctx, account_id: int, parent=None):
        super().__init__(ctx, tr("Qualify lead (BANT)"), parent)
        self.account_id = account_id
        self.today = dt.date.today()
        self.bant = get_bant(ctx.db, account_id=account_id, today=self.today)
        self.people = people_of_account(ctx.db, account_id=account_id)
        self.decision_makers = {p.id for p in self.people if p.dmu_role == "decision_maker"}
        choices = [(p.id, self._person_label(p)) for p in self.people]
        if self.bant.authority_person_id is not None and self.bant.authority_person_id not in {p.id for p in self.people}:
            choices.append((self.bant.authority_person_id, self.bant.authority_person or ""))
        self.budget = self.add_row(tr("&Budget"), "budget", QLineEdit(self))
        self.budget.setPlaceholderText(parsing.editable_amount(Decimal("5000")))
        self.budget.setToolTip(tr("The amount they have for it; counts when more than zero."))
        self.authority = self.add_row(tr("&Authority"), "authority", combo(choices, None, empty="—"))
        self.authority.setToolTip(tr("Counts when the person chosen is a decision maker."))
        self.need = self.add_row(tr("&Need"), "need", QLineEdit(self))
        self.need.setPlaceholderText(tr("what they need, in a sentence"))
        self.timeline = self.add_row(tr("&Timeline"), "timeline", OptionalDateField(None, self))
        self.timeline.setToolTip(tr("The day by which they want to decide."))
        self.notes = self.add_row(tr("N&otes"), "notes", QPlainTextEdit(self))
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(60)
        self.letters = plain_label("", self)
        self.score = plain_label("", self)
        theme.mark(self.score, "subheading")
        self.rule = plain_label(rule_text(self.bant.required_score), self)
        self.rule.setWordWrap(True)
        theme.mark(self.rule, "note")
        self.stage = plain_label(tr("Now: {stage}").format(stage=stage_label(self.bant.stage)), self)
        theme.mark(self.stage, "note")
        for widget in (self.letters, self.score, self.rule, self.stage):
            self.form.addRow(widget)
        self.budget.textChanged.connect(self.update_status)
        self.authority.currentIndexChanged.connect(self.update_status)
        self.need.textChanged.connect(self.update_status)
        self.timeline.enabled.toggled.connect(self.update_status)
        self.timeline.date.dateChanged.connect(self.update_status)
        self.moved_to: str | None = None
        # the service's names of what the letters rest on (the conflict dialog shows them by the rows above)
        self.fields.update(budget_amount=self.budget, authority_person_id=self.authority, need_text=self.need,
                           timeline_on=self.timeline)
        self.fill(self.bant)
        self.budget.setFocus()
        self.resize(520, 0)

    def fill(self, bant) -> None:
        """The fields as the qualification is stored (on opening, and when the user keeps somebody else's)."""
        self.bant, self.loaded, self.version = bant, bant, bant.version
        self.budget.setText(parsing.editable_amount(bant.budget_amount))
        self.authority.setCurrentIndex(max(self.authority.findData(bant.authority_person_id), 0))
        self.need.setText(bant.need or "")
        self.timeline.set_value(bant.timeline_on)
        self.notes.setPlainText(bant.notes or "")
        self.update_status()

    def reload(self) -> None:
        self.fill(get_bant(self.ctx.db, account_id=self.account_id, today=self.today))

    def _person_label(self, person) -> str:
        if person.dmu_role in ROLES:
            return f"{person.name} ({tr(ROLES[person.dmu_role])})"
        return person.name

    def _budget_value(self) -> Decimal | None:
        try:
            return parsing.parse_amount(self.budget.text(), field="budget", label=tr("Budget"))
        except ServiceError:
            return None

    def met(self) -> tuple[bool, bool, bool, bool]:
        """The letters met by what is typed now (the service decides on saving)."""
        budget = self._budget_value()
        when = self.timeline.value()
        return (budget is not None and budget > 0, self.authority.currentData() in self.decision_makers,
                bool(self.need.text().strip()), when is not None and when >= self.today)

    def update_status(self, *_args) -> None:
        met = self.met()
        self.letters.setText(letters_text(*met))
        self.score.setText(score_text(sum(met)))

    def save(self):
        changes: dict = dict(budget=parsing.parse_amount(self.budget.text(), field="budget", label=tr("Budget")),
                             authority_person_id=self.authority.currentData(), need=self.need.text(),
                             notes=self.notes.toPlainText())
        timeline = self.timeline.value()
        if timeline != self.bant.timeline_on:  # an unchanged day that has passed since stays as it was
            changes["timeline_on"] = timeline
        result = qualify(self.ctx.db, account_id=self.account_id, today=self.today, expected_version=self.version,
                         **changes)
        self.moved_to = result.moved_to
        self.bant, self.version = result.bant, result.bant.version
        return result


def open_bant_dialog(ctx, parent, account_id: int) -> bool:
    """Qualify ``account_id``; says when its stage moved. True when saved."""
    dialog = BantDialog(ctx, account_id, parent=parent)
    if not dialog.exec():
        return False
    result = dialog.result_value
    done = tr("BANT saved: {score}/4.").format(score=result.bant.score)
    if result.moved_to:
        text = moved_text(result.moved_to)
        ctx.say(done + " " + text)
        messages.inform(parent, tr("Lead qualified"), text)
    else:
        ctx.say(done)
    return True
