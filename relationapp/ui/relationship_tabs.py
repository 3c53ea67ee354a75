"""Account-page tabs: "Referrals" (who introduced it, whom it introduced) and
"NPS" (quick score entry, the scores, the journey stage)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from relationapp.reports.formatting import Formatter
from relationapp.services import journey as journey_service
from relationapp.services import nps as nps_service
from relationapp.services import referrals as referrals_service
from relationapp.services.errors import ServiceError
from relationapp.services.people import people_of_account
from relationapp.ui.lazy_model import Column
from relationapp.ui.nps_widgets import NpsScoreBox
from relationapp.ui.referral_widgets import RecordReferralDialog, ThankReferrerDialog
from relationapp.ui.rows_model import RowsModel
from relationapp.ui.widgets import DateField, plain_label

CHANGES = {"referrals", "nps", "orders", "accounts", "people", "interactions", "follow_ups"}


def money_column(title: str, value, ctx) -> Column:
    return Column(title, lambda r: Formatter.for_settings(ctx.settings).money(value(r), whole=True), align_right=True)


def introduced_columns(ctx) -> list[Column]:
    return [
        Column("Date", lambda r: r.referred_on),
        Column("Introduced", lambda r: r.referred_account),
        Column("Through", lambda r: r.referrer_person),
        Column("Outcome", lambda r: referrals_service.OUTCOME_LABELS.get(r.outcome, r.outcome)),
        money_column("First year", lambda r: r.credited_first_year, ctx),
        money_column("Lifetime", lambda r: r.credited_lifetime, ctx),
        Column("Thanked", lambda r: r.thanked_on or ("not yet" if r.first_order_on else "")),
    ]


RESPONSE_COLUMNS = [
    Column("Date", lambda r: r.responded_on),
    Column("Person", lambda r: r.person),
    Column("Score", lambda r: r.score, align_right=True),
    Column("", lambda r: r.category),
    Column("Comment", lambda r: (r.comment or "").replace("\n", " ")),
]


def error_label(parent) -> QWidget:
    label = plain_label("", parent)
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020; font-weight: bold;")
    label.hide()
    return label


def small_table(model, *, stretch_last: bool = True):
    from relationapp.ui.account_page import _table  # the account page's table look

    table = _table(model)
    # a last column of figures stays next to the others instead of far right
    table.horizontalHeader().setStretchLastSection(stretch_last)
    return table


class ReferralsTab(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.account_id: int | None = None
        self.data: referrals_service.AccountReferrals | None = None
        layout = QVBoxLayout(self)
        self.introduced_by = plain_label("", self)
        self.introduced_by.setWordWrap(True)
        layout.addWidget(self.introduced_by)
        row = QHBoxLayout()
        self.record_button = QPushButton("Record who introduced it…", self)
        self.open_referrer = QPushButton("Open the referrer's account", self)
        row.addWidget(self.record_button)
        row.addWidget(self.open_referrer)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(plain_label("Accounts it introduced", self))
        self.model = RowsModel(introduced_columns(ctx), self)
        self.table = small_table(self.model)
        layout.addWidget(self.table, 1)
        actions = QHBoxLayout()
        self.thank_button = QPushButton("Thank for this introduction…", self)
        actions.addWidget(self.thank_button)
        actions.addStretch(1)
        layout.addLayout(actions)
        self.record_button.clicked.connect(self.record)
        self.open_referrer.clicked.connect(self._open_referrer)
        self.thank_button.clicked.connect(self.thank_selected)
        self.table.doubleClicked.connect(lambda index: self._open(self.model.row_object(index.row())))

    def set_account(self, account_id: int) -> None:
        self.account_id = account_id
        self.data = referrals_service.account_referrals(self.ctx.db, account_id=account_id)
        by = self.data.introduced_by
        if by is None:
            self.introduced_by.setText("Nobody is recorded as having introduced this account.")
        else:
            parts = [f"Introduced by {by.referrer} on {by.referred_on.isoformat()}",
                     referrals_service.OUTCOME_LABELS.get(by.outcome, by.outcome)]
            parts.append(f"thanked on {by.thanked_on.isoformat()}" if by.thanked_on else "not thanked yet")
            text = " · ".join(parts)
            if by.note:
                text += "\n" + by.note
            self.introduced_by.setText(text)
        self.record_button.setVisible(by is None)
        self.open_referrer.setVisible(by is not None and by.referrer_account_id is not None)
        self.model.set_rows(self.data.introduced)
        self.thank_button.setEnabled(any(r.thanked_on is None for r in self.data.introduced))

    def record(self) -> None:
        if self.account_id is not None:
            RecordReferralDialog(self.ctx, self.account_id, parent=self).exec()  # it notifies; the page refreshes

    def thank_selected(self) -> None:
        """The selected introduction, else the first one not thanked yet."""
        row = self.model.row_object(self.table.currentIndex().row())
        if row is None or row.thanked_on is not None:
            row = next((r for r in self.model.rows if r.thanked_on is None), None)
        if row is not None:
            ThankReferrerDialog(self.ctx, row.id, parent=self).exec()

    def _open_referrer(self) -> None:
        if self.data and self.data.introduced_by and self.data.introduced_by.referrer_account_id:
            self.ctx.open_account(self.data.introduced_by.referrer_account_id)

    def _open(self, row) -> None:
        if row is not None:
            self.ctx.open_account(row.referred_account_id)


class NpsTab(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.account_id: int | None = None
        layout = QVBoxLayout(self)
        self.summary = plain_label("", self)
        layout.addWidget(self.summary)

        journey_row = QHBoxLayout()
        journey_row.addWidget(plain_label("Journey stage:", self))
        self.journey = QComboBox(self)
        journey_row.addWidget(self.journey)
        journey_row.addStretch(1)
        layout.addLayout(journey_row)

        entry = QHBoxLayout()
        self.person = QComboBox(self)
        self.score = NpsScoreBox(self)
        self.date = DateField(parent=self)
        self.comment = QLineEdit(self)
        self.comment.setPlaceholderText("what they said")
        self.save_button = QPushButton("Record score", self)
        for widget in (self.person, self.score, self.date):
            entry.addWidget(widget)
        entry.addWidget(self.comment, 1)
        entry.addWidget(self.save_button)
        layout.addLayout(entry)
        self.error = error_label(self)
        layout.addWidget(self.error)
        self.model = RowsModel(RESPONSE_COLUMNS, self)
        self.table = small_table(self.model)
        layout.addWidget(self.table, 1)
        self.save_button.clicked.connect(self.record)
        self.comment.returnPressed.connect(self.record)
        self.journey.activated.connect(self._journey_chosen)

    def set_account(self, account_id: int) -> None:
        self.account_id = account_id
        summary = nps_service.account_nps(self.ctx.db, account_id=account_id)
        if summary.nps is None:
            self.summary.setText("NPS, last 12 months: no scores yet")
        else:
            self.summary.setText(
                f"NPS, last 12 months: {summary.text}  ({summary.responses} score{'s' if summary.responses != 1 else ''}: {summary.promoters} promoters, "
                f"{summary.passives} passives, {summary.detractors} detractors)")
        current = self.person.currentData()
        self.person.clear()
        for person in people_of_account(self.ctx.db, account_id=account_id):
            self.person.addItem(person.name, person.id)
        self.person.setCurrentIndex(max(self.person.findData(current), 0))
        self.save_button.setEnabled(self.person.count() > 0)
        self.model.set_rows(nps_service.list_responses(self.ctx.db, account_id=account_id))
        self._show_journey()

    def _show_journey(self) -> None:
        stage = journey_service.journey_stage(self.ctx.db, account_id=self.account_id)
        self.journey.clear()
        derived = journey_service.JOURNEY_LABELS.get(stage.derived, "—") if stage.derived else "—"
        self.journey.addItem(f"Automatic: {derived} ({stage.reason})", None)
        for key, label in journey_service.JOURNEY_LABELS.items():
            self.journey.addItem(label, key)
        self.journey.setCurrentIndex(max(self.journey.findData(stage.stored), 0) if stage.stored else 0)

    def _journey_chosen(self) -> None:
        try:
            journey_service.set_journey_stage(self.ctx.db, account_id=self.account_id, stage=self.journey.currentData())
        except ServiceError as exc:
            self._show_error(str(exc))
            return
        self.ctx.notify({"accounts"})

    def record(self) -> None:
        if self.account_id is None or self.person.currentData() is None:
            return
        try:
            recorded = nps_service.record_score(self.ctx.db, person_id=self.person.currentData(), score=self.score.score(),
                                                responded_on=self.date.value(), comment=self.comment.text())
        except ServiceError as exc:
            self._show_error(str(exc))
            return
        self.error.hide()
        self.comment.clear()
        self.score.setCurrentIndex(0)
        message = f"Recorded {recorded.response.person}: {recorded.response.score}/10."
        if recorded.follow_ups:
            message += " Follow-up added: " + "; ".join(recorded.follow_ups) + "."
        self.ctx.say(message)
        self.ctx.notify({"nps", "follow_ups"})  # the account page refreshes its tabs

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
