"""Log an interaction in seconds (Ctrl+L from anywhere): account, kind, date, duration, note, and where it
came from (a fair, a webinar); Enter saves."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
)

from relationapp.errors import ValidationError
from relationapp.services.customers.accounts import get_account
from relationapp.services.customers.people import people_of_account
from relationapp.services.customers.staff import current_staff, list_lead_sources, list_staff
from relationapp.services.touches import interactions as interactions_service
from relationapp.text import wording
from relationapp.ui.common.dialog_base import FormDialog
from relationapp.ui.common.i18n import tr
from relationapp.ui.common.widgets import AccountPicker, DateField, combo
from relationapp.ui.relationships.nps_widgets import (
    NpsScoreBox,
    check_nps_person,
    save_nps,
)
from relationapp.ui.touches.gift_check import GiftRepeatGuard

# stored kind -> label (shown through tr), in the order the form offers them; the labels are the catalogue's
KINDS = [(code, wording.KINDS[code]) for code in ("call", "visit", "meeting", "email", "event", "gift", "card",
                                                  "content", "note")]
DEFAULT_MINUTES = {"call": 15, "visit": 60, "meeting": 60, "email": 5, "event": 120, "gift": 10, "card": 10, "content": 5, "note": 0}


class LogInteractionDialog(FormDialog):
    def __init__(self, ctx, account_id: int | None = None, *, kind: str = "call", person_ids=(),
                 occurred_on: dt.date | None = None, duration_minutes: int | None = None, subject: str = "",
                 source_id: int | None = None, staff_id: int | None = None, parent=None):
        super().__init__(ctx, tr("Log interaction"), parent)
        self.account = self.add_row(tr("&Account"), "account_id", AccountPicker(ctx.db))
        self.kind = self.add_row(tr("&Kind"), "kind", combo([(value, tr(label)) for value, label in KINDS], kind))
        self.date = self.add_row(tr("&Date"), "occurred_on", DateField(occurred_on))
        self.minutes = self.add_row(tr("D&uration (minutes)"), "duration_minutes", QSpinBox())
        self.minutes.setRange(0, 24 * 60)
        self.minutes.setSingleStep(5)
        self.minutes.setValue(duration_minutes if duration_minutes is not None else DEFAULT_MINUTES.get(kind, 15))
        # who made the touch: the staff member set as "I am" unless the touch says otherwise
        staff = [(member.id, member.name) for member in list_staff(ctx.db)]
        me = current_staff(ctx.db)
        self.staff = self.add_row(tr("&By"), "staff_id", combo(staff, staff_id if staff_id is not None else
                                                                 (me.id if me else None), empty="—"))
        self.people = self.add_row(tr("With"), "person_ids", QListWidget())
        self.people.setMaximumHeight(90)
        self.subject = self.add_row(tr("&Subject"), "subject", QLineEdit(subject))
        sources = [(s.id, s.name) for s in list_lead_sources(ctx.db)]
        self.source = self.add_row(tr("S&ource"), "source_id", combo(sources, source_id, empty="—"))
        self.source.setToolTip(tr("Where this touch came from: a trade fair, a webinar, an advert. "
                                  "It shows on the lead's path."))
        self.gift_item = self.add_row(tr("Gift"), "gift_item", QLineEdit())
        self.gift_cost = self.add_row(tr("Gift cost"), "gift_cost", QLineEdit())
        self.notes = self.add_row(tr("&Note"), "notes", QPlainTextEdit())
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(70)
        self.nps_score = self.add_row(tr("NPS score"), "nps_score", NpsScoreBox())
        self._preselect = set(person_ids)
        self.gift_guard = GiftRepeatGuard()
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.account.account_chosen.connect(self._load_people)
        self.buttons.button(self.buttons.StandardButton.Save).setDefault(True)
        if account_id:
            self.account.set_account(account_id, get_account(ctx.db, account_id=account_id).name)
            self.subject.setFocus()
        else:
            self.account.setFocus()
        self._kind_changed()
        self.resize(460, 0)

    def _kind_changed(self) -> None:
        is_gift = self.kind.currentData() == "gift"
        for widget in (self.gift_item, self.gift_cost):
            widget.setVisible(is_gift)
            self.form.labelForField(widget).setVisible(is_gift)

    def _load_people(self, account_id: int) -> None:
        self.people.clear()
        for person in people_of_account(self.ctx.db, account_id=account_id):
            item = QListWidgetItem(person.name + (f" — {person.job_title}" if person.job_title else ""))
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if person.id in self._preselect else Qt.CheckState.Unchecked)
            self.people.addItem(item)

    def person_ids(self) -> list[int]:
        return [
            self.people.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.people.count())
            if self.people.item(i).checkState() == Qt.CheckState.Checked
        ]

    def save(self):
        account_id = self.account.account_id()
        if account_id is None:
            raise ValidationError(tr("Choose the account from the list."), field="account_id")
        is_gift = self.kind.currentData() == "gift"
        nps_person = check_nps_person(self.nps_score, self.person_ids(), self.date.value())  # before anything is saved
        if is_gift:  # warns once when this person already got this item
            self.gift_guard.check(self.ctx.db, item=self.gift_item.text(), person_ids=self.person_ids(), account_id=account_id)
        result = interactions_service.log_interaction(
            self.ctx.db, account_id=account_id, kind=self.kind.currentData(), occurred_on=self.date.value(),
            duration_minutes=self.minutes.value(), person_ids=self.person_ids(), subject=self.subject.text(),
            notes=self.notes.toPlainText(), gift_item=self.gift_item.text() if is_gift else None,
            gift_cost=self.gift_cost.text() if is_gift else None,  # read as typed, in the language, by the service
            source_id=self.source.currentData(), staff_id=self.staff.currentData(),
        )
        save_nps(self.ctx, self.nps_score, nps_person, day=self.date.value(), comment=self.notes.toPlainText())
        db, logged = self.ctx.db, result.id
        self.undo = (tr("Logged {kind} with {account}").format(kind=self.kind.currentText().lower(), account=result.account),
                     lambda: interactions_service.delete_interaction(db, interaction_id=logged))
        return result
