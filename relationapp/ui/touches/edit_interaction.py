"""Correct a logged touch: the log dialog, filled in, saving over the original."""

from __future__ import annotations

from relationapp.errors import ValidationError
from relationapp.services.touches import interactions as interactions_service
from relationapp.text.parsing import editable_amount
from relationapp.ui.common.i18n import tr
from relationapp.ui.touches.log_interaction import LogInteractionDialog


class EditInteractionDialog(LogInteractionDialog):
    def __init__(self, ctx, interaction_id: int, parent=None):
        row = interactions_service.get_interaction(ctx.db, interaction_id=interaction_id)
        super().__init__(ctx, row.account_id, kind=row.kind, person_ids=row.person_ids, occurred_on=row.occurred_on,
                         duration_minutes=row.duration_minutes, subject=row.subject or "",
                         source_id=row.source_id, staff_id=row.staff_id, parent=parent)
        self.setWindowTitle(tr("Edit interaction"))
        self.interaction_id = interaction_id
        self.fill(row)
        nps = self.fields.get("nps_score")
        if nps is not None:  # a score is recorded when logging, not when correcting
            nps.hide()
            self.form.labelForField(nps).hide()

    def fill(self, row: interactions_service.InteractionRow) -> None:
        """The fields as the touch is stored (on opening, and when the user keeps somebody else's version)."""
        self.loaded, self.version = row, row.version
        self._preselect = set(row.person_ids)
        self.account.set_account(row.account_id, row.account or "")  # (ticks who was there)
        for box, value in ((self.kind, row.kind), (self.staff, row.staff_id), (self.source, row.source_id)):
            box.setCurrentIndex(max(box.findData(value), 0))
        self.date.set_date(row.occurred_on)
        self.minutes.setValue(row.duration_minutes)
        self.subject.setText(row.subject or "")
        self.notes.setPlainText(row.notes or "")
        self.gift_item.setText(row.gift_item or "")
        self.gift_cost.setText(editable_amount(row.gift_cost))

    def reload(self) -> None:
        self.fill(interactions_service.get_interaction(self.ctx.db, interaction_id=self.interaction_id))

    def save(self):
        account_id = self.account.account_id()
        if account_id is None:
            raise ValidationError(tr("Choose the account from the list."), field="account_id")
        is_gift = self.kind.currentData() == "gift"
        result = interactions_service.update_interaction(
            self.ctx.db, interaction_id=self.interaction_id, expected_version=self.version,
            account_id=account_id, kind=self.kind.currentData(),
            occurred_on=self.date.value(), duration_minutes=self.minutes.value(), person_ids=self.person_ids(),
            subject=self.subject.text(), notes=self.notes.toPlainText(),
            gift_item=self.gift_item.text() if is_gift else None,
            gift_cost=self.gift_cost.text() if is_gift else None,  # read as typed, in the language, by the service
            source_id=self.source.currentData(), staff_id=self.staff.currentData(),
        )
        return self.saved(result)
