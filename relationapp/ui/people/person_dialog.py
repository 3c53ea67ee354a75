"""Add or edit a person: name, role, contact details, birthday, family and personal notes."""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP, QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from relationapp.services.customers import people as people_service
from relationapp.services.customers.accounts import get_account
from relationapp.text import wording
from relationapp.ui.common.dialog_base import FormDialog
from relationapp.ui.common.i18n import tr
from relationapp.ui.common.widgets import AccountPicker, OptionalDateField, combo

# stored code -> label (shown through tr)
ROLES = list(wording.ROLES.items())
CHANNELS = [("email", QT_TR_NOOP("E-mail")), ("phone", QT_TR_NOOP("Phone")), ("visit", QT_TR_NOOP("Visit")),
            ("post", QT_TR_NOOP("Post")), ("message", QT_TR_NOOP("Message"))]


def _translated(pairs):
    return [(value, tr(label)) for value, label in pairs]


class PersonDialog(FormDialog):
    def __init__(self, ctx, person_id: int | None = None, account_id: int | None = None, parent=None):
        super().__init__(ctx, tr("Edit person") if person_id else tr("New person"), parent)
        self.person_id = person_id
        p = people_service.get_person(ctx.db, person_id=person_id) if person_id else None
        self.name = self.add_row(tr("&Name"), "name", QLineEdit())
        self.account = self.add_row(tr("Account"), "account_id", AccountPicker(ctx.db))
        self.job_title = self.add_row(tr("Job title"), "job_title", QLineEdit())
        self.role = self.add_row(tr("Role in decisions"), "dmu_role", combo(_translated(ROLES), None, empty="—"))
        self.email = self.add_row(tr("&E-mail"), "email", QLineEdit())
        self.phone = self.add_row(tr("&Phone"), "phone", QLineEdit())
        birthday = QWidget()
        row = QHBoxLayout(birthday)
        row.setContentsMargins(0, 0, 0, 0)
        self.bday = QSpinBox()
        self.bday.setRange(0, 31)
        self.bday.setSpecialValueText(tr("day"))
        months = [(m, QLocale().monthName(m, QLocale.FormatType.ShortFormat)) for m in range(1, 13)]
        self.bmonth = combo(months, None, empty=tr("month"))
        self.byear = QSpinBox()
        self.byear.setRange(0, 2100)
        self.byear.setSpecialValueText(tr("year (optional)"))
        for w in (self.bday, self.bmonth, self.byear):
            row.addWidget(w)
        self.add_row(tr("&Birthday"), "birthday", birthday)
        self.fields["birthday"] = self.bday
        # the three parts as the service names them (the conflict dialog shows each)
        self.fields.update(birthday_day=self.bday, birthday_month=self.bmonth, birthday_year=self.byear)
        self.labels.update(birthday_day=tr("Birthday: day"), birthday_month=tr("Birthday: month"),
                           birthday_year=tr("Birthday: year"))
        self.family = self.add_row(tr("Family"), "family_notes", QPlainTextEdit())
        self.family.setPlaceholderText(tr("partner, children's names, …"))
        self.personal = self.add_row(tr("Personal notes"), "personal_notes", QPlainTextEdit())
        self.personal.setPlaceholderText(tr("hobbies, preferences, gifts they liked, …"))
        for edit in (self.family, self.personal):
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(56)
        self.channel = self.add_row(tr("Preferred channel"), "preferred_channel", combo(_translated(CHANNELS), None, empty="—"))
        self.dnc = self.add_row("", "do_not_contact", QCheckBox(tr("Do not contact")))
        self.consent = self.add_row(tr("Consent given on"), "consent_date", OptionalDateField(None))
        if p is not None:
            self.fill(p)
        elif account_id:
            self.account.set_account(account_id, get_account(ctx.db, account_id=account_id).name)
        if person_id:  # an access request or "forget me" (AVG/GDPR)
            privacy = self.buttons.addButton(tr("Privacy…"), QDialogButtonBox.ButtonRole.ResetRole)
            privacy.clicked.connect(self._privacy)
        self.name.setFocus()
        self.resize(480, 0)

    def fill(self, p: people_service.PersonDetail) -> None:
        """The fields as the person is stored (on opening, and when the user keeps somebody else's version)."""
        self.loaded, self.version = p, p.version
        self.name.setText(p.name)
        self.account.set_account(p.account_id, p.account or "")
        for edit, text in ((self.job_title, p.job_title), (self.email, p.email), (self.phone, p.phone)):
            edit.setText(text or "")
        for box, value in ((self.role, p.dmu_role), (self.bmonth, p.birthday_month), (self.channel, p.preferred_channel)):
            box.setCurrentIndex(max(box.findData(value), 0))
        self.bday.setValue(p.birthday_day or 0)
        self.byear.setValue(p.birthday_year or 0)
        self.family.setPlainText(p.family_notes or "")
        self.personal.setPlainText(p.personal_notes or "")
        self.dnc.setChecked(bool(p.do_not_contact))
        self.consent.set_value(p.consent_date)

    def reload(self) -> None:
        self.fill(people_service.get_person(self.ctx.db, person_id=self.person_id))

    def _privacy(self) -> None:
        from relationapp.errors import NotFound
        from relationapp.ui.data.privacy_dialog import open_privacy

        open_privacy(self.ctx, self, self.person_id)
        try:
            people_service.get_person(self.ctx.db, person_id=self.person_id)
        except NotFound:  # erased: nothing left to edit
            self.reject()

    def save(self):
        values = dict(
            name=self.name.text(), account_id=self.account.account_id(), job_title=self.job_title.text(),
            dmu_role=self.role.currentData(), email=self.email.text(), phone=self.phone.text(),
            birthday_day=self.bday.value() or None, birthday_month=self.bmonth.currentData(),
            birthday_year=self.byear.value() or None, family_notes=self.family.toPlainText(),
            personal_notes=self.personal.toPlainText(), preferred_channel=self.channel.currentData(),
            do_not_contact=self.dnc.isChecked(), consent_date=self.consent.value(),
        )
        if self.account.text().strip() and values["account_id"] is None:
            from relationapp.errors import ValidationError

            raise ValidationError(tr("Pick the account from the list (or clear the field)."), field="account_id")
        if self.person_id:
            result = self.saved(people_service.update_person(self.ctx.db, person_id=self.person_id,
                                                             expected_version=self.version, **values))
        else:
            result = people_service.create_person(self.ctx.db, **values)
        return result
