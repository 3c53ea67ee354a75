"""Add or edit an account."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QSpinBox

from relationapp.services.customers import accounts as accounts_service
from relationapp.services.customers.staff import list_lead_sources, list_staff
from relationapp.text.parsing import editable_amount
from relationapp.ui.common.dialog_base import FormDialog
from relationapp.ui.common.i18n import tr
from relationapp.ui.common.labels import STAGE_LABELS
from relationapp.ui.common.widgets import OptionalDateField, combo


class AccountDialog(FormDialog):
    def __init__(self, ctx, account_id: int | None = None, parent=None):
        super().__init__(ctx, tr("Edit account") if account_id else tr("New account"), parent)
        self.account_id = account_id
        a = accounts_service.get_account(ctx.db, account_id=account_id) if account_id else None
        staff = [(s.id, s.name) for s in list_staff(ctx.db)]
        sources = [(s.id, s.name) for s in list_lead_sources(ctx.db)]
        self.name = self.add_row(tr("&Name"), "name", QLineEdit())
        kinds = [("organisation", tr("Organisation")), ("private", tr("Private customer"))]
        self.kind = self.add_row(tr("Kind"), "kind", combo(kinds, "organisation"))
        stages = [(code, tr(label)) for code, label in STAGE_LABELS.items()]
        self.stage = self.add_row(tr("&Stage"), "stage", combo(stages, "prospect"))
        # a new stage is recorded with why (a closed lead needs it): shown once the stage is changed
        self.original_stage = None
        self.stage_reason = self.add_row(tr("Why the stage changed"), "stage_reason", QLineEdit())
        self.stage_reason.setPlaceholderText(tr("e.g. asked for a quote; chose a competitor"))
        self.stage.currentIndexChanged.connect(self._show_reason)
        self.owner = self.add_row(tr("Account manager"), "owner_id", combo(staff, None, empty="—"))
        self.street = self.add_row(tr("Street"), "street", QLineEdit())
        self.postcode = self.add_row(tr("Postcode"), "postcode", QLineEdit())
        self.city = self.add_row(tr("&City"), "city", QLineEdit())
        self.region = self.add_row(tr("Region"), "region", QLineEdit())
        self.country = self.add_row(tr("Country"), "country", QLineEdit())
        self.phone = self.add_row(tr("&Phone"), "phone", QLineEdit())
        self.email = self.add_row(tr("&E-mail"), "email", QLineEdit())
        self.website = self.add_row(tr("Website"), "website", QLineEdit())
        self.source = self.add_row(tr("Lead source"), "source_id", combo(sources, None, empty="—"))
        self.source_detail = self.add_row(tr("Source detail"), "source_detail", QLineEdit())
        self.brought_in_by = self.add_row(tr("Brought in by"), "brought_in_by_id", combo(staff, None, empty="—"))
        self.introduced_by = None
        if not account_id:
            from relationapp.ui.relationships.referral_widgets import (
                add_introduced_by,  # (it uses combo() from here)
            )

            self.introduced_by = add_introduced_by(self)
        self.customer_since = self.add_row(tr("Customer since"), "customer_since", OptionalDateField(None))
        self.budget = self.add_row(tr("Estimated annual budget"), "annual_budget", QLineEdit())
        self.budget.setPlaceholderText(tr("what they spend a year on what we sell"))
        self.cadence = self.add_row(tr("Contact every (days)"), "cadence_days", QSpinBox())
        self.cadence.setRange(0, 3650)
        self.cadence.setSpecialValueText(tr("by tier (default)"))
        self.next_steps = self.add_row(tr("Agreed next steps"), "next_steps", QPlainTextEdit())
        self.notes = self.add_row(tr("Notes"), "notes", QPlainTextEdit())
        for edit in (self.next_steps, self.notes):
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(60)
        if a is not None:
            self.fill(a)
        self._show_reason()
        self.name.setFocus()
        self.resize(520, 0)

    def fill(self, a: accounts_service.AccountDetail) -> None:
        """The fields as the account is stored (on opening, and when the user keeps somebody else's version)."""
        self.loaded, self.version = a, a.version
        self.original_stage = a.stage
        self.name.setText(a.name)
        for box, value in ((self.kind, a.kind), (self.stage, a.stage), (self.owner, a.owner_id),
                           (self.source, a.source_id), (self.brought_in_by, a.brought_in_by_id)):
            box.setCurrentIndex(max(box.findData(value), 0))
        for edit, text in ((self.street, a.street), (self.postcode, a.postcode), (self.city, a.city),
                           (self.region, a.region), (self.country, a.country), (self.phone, a.phone),
                           (self.email, a.email), (self.website, a.website), (self.source_detail, a.source_detail)):
            edit.setText(text or "")
        self.stage_reason.clear()
        self.customer_since.set_value(a.customer_since)
        self.budget.setText(editable_amount(a.annual_budget))
        self.cadence.setValue(a.cadence_days or 0)
        self.next_steps.setPlainText(a.next_steps or "")
        self.notes.setPlainText(a.notes or "")

    def reload(self) -> None:
        self.fill(accounts_service.get_account(self.ctx.db, account_id=self.account_id))
        self._show_reason()

    def values(self) -> dict:
        return dict(
            name=self.name.text(), kind=self.kind.currentData(), stage=self.stage.currentData(),
            owner_id=self.owner.currentData(), street=self.street.text(), postcode=self.postcode.text(),
            city=self.city.text(), region=self.region.text(), country=self.country.text(),
            phone=self.phone.text(), email=self.email.text(), website=self.website.text(),
            source_id=self.source.currentData(), source_detail=self.source_detail.text(),
            brought_in_by_id=self.brought_in_by.currentData(),
            customer_since=self.customer_since.value(), annual_budget=self.budget.text(),
            cadence_days=self.cadence.value() or None, next_steps=self.next_steps.toPlainText(),
            notes=self.notes.toPlainText(),
        )

    def _show_reason(self) -> None:
        changed = self.original_stage is not None and self.stage.currentData() != self.original_stage
        self.stage_reason.setVisible(changed)
        label = self.form.labelForField(self.stage_reason) if hasattr(self, "form") else None
        if label is not None:
            label.setVisible(changed)

    def save(self):
        values = self.values()
        if self.account_id:
            result = self.saved(accounts_service.update_account(
                self.ctx.db, account_id=self.account_id, expected_version=self.version,
                stage_reason=self.stage_reason.text(), **values))
        else:
            # the account and its introducer in one transaction: a refusal saves neither
            result = accounts_service.create_account(
                self.ctx.db, **values, introduced_by_person_id=self.introduced_by.checked_person_id())
        return result

