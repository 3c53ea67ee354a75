"""Pieces other screens include: the "Introduced by" picker, the referral and
thank-you dialogs, the ambassador badge column."""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from relationapp.errors import ValidationError
from relationapp.services.common.changes import Changes, Kind
from relationapp.services.relationships import referrals as referrals_service
from relationapp.ui.common.dialog_base import FormDialog
from relationapp.ui.common.i18n import tr
from relationapp.ui.common.labels import outcome_label
from relationapp.ui.common.widgets import AccountPicker, DateField, combo
from relationapp.ui.lists.lazy_model import Column
from relationapp.ui.touches.log_interaction import LogInteractionDialog

OUTCOMES = list(referrals_service.OUTCOME_LABELS)


class ReferrerPicker(AccountPicker):
    """Type part of a person's (or their account's) name; pick who made the introduction."""

    def __init__(self, db, parent=None):
        super().__init__(db, parent, choices=referrals_service.referrer_choices,
                         placeholder=tr("Type a name to find who introduced it…"))

    def person_id(self) -> int | None:
        return self.account_id()  # the picker's id is a person id here

    def checked_person_id(self) -> int | None:
        """The chosen person; refuses text that names nobody in the list."""
        if self.text().strip() and self.person_id() is None:
            raise ValidationError(tr("Pick who introduced it from the list (or leave it empty)."), field="referrer_person_id")
        return self.person_id()


# --- "Introduced by" in the new-account dialog --------------------------------


def add_introduced_by(dialog: FormDialog) -> ReferrerPicker:
    """Adds the row to a new-account form; its ``checked_person_id()`` goes to ``create_account``."""
    picker = dialog.add_row(tr("Introduced by"), "referrer_person_id", ReferrerPicker(dialog.ctx.db))
    picker.setToolTip(tr("Who recommended us to them? Their referral is credited and thanked."))
    return picker


# --- dialogs ------------------------------------------------------------------


class RecordReferralDialog(FormDialog):
    """Who introduced this account: person, date, outcome, note."""

    def __init__(self, ctx, account_id: int, parent=None):
        super().__init__(ctx, tr("Record who introduced this account"), parent)
        self.account_id = account_id
        self.referrer = self.add_row(tr("Introduced &by"), "referrer_person_id", ReferrerPicker(ctx.db))
        self.date = self.add_row(tr("&Date"), "referred_on", DateField())
        self.outcome = self.add_row(tr("&Outcome"), "outcome", combo([(o, outcome_label(o)) for o in OUTCOMES], "introduced"))
        self.note = self.add_row(tr("&Note"), "note", QPlainTextEdit())
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(60)
        self.referrer.setFocus()
        self.resize(460, 0)

    def save(self):
        person_id = self.referrer.checked_person_id()
        if person_id is None:
            raise ValidationError(tr("Choose who made the introduction."), field="referrer_person_id")
        row = referrals_service.record_referral(
            self.ctx.db, referred_account_id=self.account_id, referrer_person_id=person_id,
            referred_on=self.date.value(), outcome=self.outcome.currentData(), note=self.note.toPlainText(),
        )
        self.ctx.say(tr("Recorded: {referrer} introduced {account}.").format(referrer=row.referrer, account=row.referred_account))
        return row


class ThankReferrerDialog(FormDialog):
    """Thank a referrer with a card or a gift; it is logged as an interaction."""

    def __init__(self, ctx, referral_id: int, parent=None):
        super().__init__(ctx, tr("Thank the referrer"), parent)
        self.referral = referrals_service.get_referral(ctx.db, referral_id=referral_id)
        self.kind = self.add_row(tr("&With"), "kind", combo([("card", tr("A card")), ("gift", tr("A gift"))], "card"))
        self.gift_item = self.add_row(tr("&Gift"), "gift_item", QLineEdit())
        self.gift_cost = self.add_row(tr("Gift &cost"), "gift_cost", QLineEdit())
        self.date = self.add_row(tr("&Date"), "thanked_on", DateField())
        self.note = self.add_row(tr("&Note"), "notes", QPlainTextEdit())
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(60)
        self.setWindowTitle(tr("Thank {referrer} for introducing {account}").format(
            referrer=self.referral.referrer, account=self.referral.referred_account))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.resize(460, 0)

    # the same fields as in the log-interaction dialog: gift and cost only for a gift
    _kind_changed = LogInteractionDialog._kind_changed

    def save(self):
        is_gift = self.kind.currentData() == "gift"
        row = referrals_service.thank_referrer(
            self.ctx.db, referral_id=self.referral.id, kind=self.kind.currentData(),
            gift_item=self.gift_item.text() if is_gift else None,
            gift_cost=self.gift_cost.text() if is_gift else None,  # read as typed, in the language, by the service
            thanked_on=self.date.value(), notes=self.note.toPlainText(),
        )
        self.ctx.say(tr("Thanked {referrer}.").format(referrer=row.referrer))
        return row


def thank_referrer_for(ctx, parent, follow_up_id: int) -> bool:
    """For a "Thank ..." follow-up, ask how the thanks went (card or gift) and record it;
    False for any other follow-up (the caller then simply marks it done)."""
    referral = referrals_service.referral_for_follow_up(ctx.db, follow_up_id=follow_up_id)
    if referral is None:
        return False
    ThankReferrerDialog(ctx, referral.id, parent=parent).exec()
    return True


def complete_follow_up(ctx, parent, follow_up) -> bool:
    """Mark a follow-up done (a "Thank ..." one through the thank-you dialog); False if refused."""
    from relationapp.services.touches import follow_ups as follow_ups_service

    if thank_referrer_for(ctx, parent, follow_up.id):
        return True
    done = ctx.ops.run(parent, lambda: follow_ups_service.complete_follow_up(ctx.db, follow_up_id=follow_up.id))
    return done is not None


# --- the ambassador badge -------------------------------------------------------


class _AmbassadorBadge:
    """Column value for people lists: "★ Ambassador"; the ids are fetched once per change."""

    def __init__(self, ctx):
        self.ctx = ctx
        self.ids: frozenset[int] | None = None
        ctx.changed.connect(self._changed)

    def _changed(self, changes: Changes) -> None:
        if changes.touches(Kind.NPS, Kind.REFERRALS, Kind.PEOPLE, Kind.ACCOUNTS):
            self.ids = None

    def __call__(self, row) -> str:
        if self.ids is None:
            from relationapp.services.relationships.ambassadors import (
                ambassador_person_ids,
            )

            self.ids = ambassador_person_ids(self.ctx.db)
        # people lists have the person's own id; agenda rows name theirs (or none)
        person_id = row.person_id if hasattr(row, "person_id") else row.id
        return tr("★ Ambassador") if person_id in self.ids else ""


def ambassador_column(ctx):
    """A column for any list of people rows (``person_id`` or ``id``)."""
    return Column(QT_TR_NOOP("Ambassador"), _AmbassadorBadge(ctx))
