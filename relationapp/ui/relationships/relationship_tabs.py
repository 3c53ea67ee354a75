"""Account-page tabs: "Referrals" (who introduced it, whom it introduced) and
"NPS" (quick score entry, the scores, the journey stage)."""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from relationapp.errors import ServiceError
from relationapp.services.common.changes import Kind
from relationapp.services.customers.people import people_of_account
from relationapp.services.relationships import journey as journey_service
from relationapp.services.relationships import nps as nps_service
from relationapp.services.relationships import referrals as referrals_service
from relationapp.text import formatting
from relationapp.ui.common import theme
from relationapp.ui.common.i18n import tr
from relationapp.ui.common.labels import journey_label, outcome_label
from relationapp.ui.common.tables import read_only_table
from relationapp.ui.common.widgets import DateField, plain_label
from relationapp.ui.lists.lazy_model import Column
from relationapp.ui.lists.rows_model import RowsModel
from relationapp.ui.relationships.nps_widgets import NpsScoreBox, category_label
from relationapp.ui.relationships.referral_widgets import (
    RecordReferralDialog,
    ThankReferrerDialog,
)

CHANGES = (Kind.REFERRALS, Kind.NPS, Kind.ORDERS, Kind.ACCOUNTS, Kind.PEOPLE, Kind.INTERACTIONS, Kind.FOLLOW_UPS)


def money_column(title: str, value, ctx) -> Column:
    """``title``: QT_TR_NOOP(...), like every column title."""
    return Column(title, lambda r: formatting.current().money(value(r), whole=True), align_right=True)


def introduced_columns(ctx) -> list[Column]:
    return [
        Column(QT_TR_NOOP("Date"), lambda r: r.referred_on),
        Column(QT_TR_NOOP("Introduced"), lambda r: r.referred_account),
        Column(QT_TR_NOOP("Through"), lambda r: r.referrer_person),
        Column(QT_TR_NOOP("Outcome"), lambda r: outcome_label(r.outcome)),
        money_column(QT_TR_NOOP("First year"), lambda r: r.credited_first_year, ctx),
        money_column(QT_TR_NOOP("Lifetime"), lambda r: r.credited_lifetime, ctx),
        Column(QT_TR_NOOP("Thanked"), lambda r: r.thanked_on or (tr("not yet") if r.first_order_on else "")),
    ]


RESPONSE_COLUMNS = [
    Column(QT_TR_NOOP("Date"), lambda r: r.responded_on),
    Column(QT_TR_NOOP("Person"), lambda r: r.person),
    Column(QT_TR_NOOP("Score"), lambda r: r.score, align_right=True),
    Column("", lambda r: category_label(r.category)),
    Column(QT_TR_NOOP("Comment"), lambda r: (r.comment or "").replace("\n", " ")),
]


def error_label(parent) -> QWidget:
    label = plain_label("", parent)
    label.setWordWrap(True)
    theme.mark(label, "error")
    label.hide()
    return label


def small_table(model):
    """A short read-only list: its key column stretches, figures and dates fit their contents."""
    return read_only_table(model)


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
        self.record_button = QPushButton(tr("Record who introduced it…"), self)
        self.open_referrer = QPushButton(tr("Open the referrer's account"), self)
        row.addWidget(self.record_button)
        row.addWidget(self.open_referrer)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(plain_label(tr("Accounts it introduced"), self))
        self.model = RowsModel(introduced_columns(ctx), self)
        self.table = small_table(self.model)
        layout.addWidget(self.table, 1)
        actions = QHBoxLayout()
        self.thank_button = QPushButton(tr("Thank for this introduction…"), self)
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
            self.introduced_by.setText(tr("Nobody is recorded as having introduced this account."))
        else:
            parts = [tr("Introduced by {referrer} on {date}").format(referrer=by.referrer, date=formatting.current().date(by.referred_on)),
                     outcome_label(by.outcome)]
            parts.append(tr("thanked on {date}").format(date=formatting.current().date(by.thanked_on)) if by.thanked_on
                         else tr("not thanked yet"))
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
        journey_row.addWidget(plain_label(tr("Journey stage:"), self))
        self.journey = QComboBox(self)
        journey_row.addWidget(self.journey)
        journey_row.addStretch(1)
        layout.addLayout(journey_row)

        entry = QHBoxLayout()
        self.person = QComboBox(self)
        self.score = NpsScoreBox(self)
        self.date = DateField(parent=self)
        self.comment = QLineEdit(self)
        self.comment.setPlaceholderText(tr("what they said"))
        self.save_button = QPushButton(tr("Record score"), self)
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
            self.summary.setText(tr("NPS, last 12 months: no scores yet"))
        else:
            self.summary.setText(
                tr("NPS, last 12 months: {nps}  (scores: {responses}; promoters: {promoters}, passives: {passives}, "
                   "detractors: {detractors})").format(
                    nps=summary.text, responses=summary.responses, promoters=summary.promoters,
                    passives=summary.passives, detractors=summary.detractors))
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
        derived = journey_label(stage.derived) or "—"
        self.journey.addItem(tr("Automatic: {stage} ({reason})").format(stage=derived, reason=stage.reason), None)
        for key in journey_service.JOURNEY_LABELS:
            self.journey.addItem(journey_label(key), key)
        self.journey.setCurrentIndex(max(self.journey.findData(stage.stored), 0) if stage.stored else 0)

    def _journey_chosen(self) -> None:
        try:
            self.ctx.ops.call(journey_service.set_journey_stage, self.ctx.db, account_id=self.account_id, stage=self.journey.currentData())
        except ServiceError as exc:
            self._show_error(str(exc))
            return

    def record(self) -> None:
        if self.account_id is None or self.person.currentData() is None:
            return
        try:
            recorded = self.ctx.ops.call(nps_service.record_score, self.ctx.db, person_id=self.person.currentData(), score=self.score.score(),
                                                responded_on=self.date.value(), comment=self.comment.text())
        except ServiceError as exc:
            self._show_error(str(exc))
            return
        self.error.hide()
        self.comment.clear()
        self.score.setCurrentIndex(0)
        if recorded.follow_ups:
            message = tr("Recorded {person}: {score}/10. Follow-up added: {titles}.")
        else:
            message = tr("Recorded {person}: {score}/10.")
        self.ctx.say(message.format(person=recorded.response.person, score=recorded.response.score,
                                    titles="; ".join(recorded.follow_ups)))

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
