"""Add or edit an account."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QSpinBox

from relationapp.services import accounts as accounts_service
from relationapp.services.staff import list_lead_sources, list_staff
from relationapp.ui.dialogs.base import FormDialog
from relationapp.ui.widgets import OptionalDateField

STAGE_LABELS = {
    "suspect": "Suspect", "prospect": "Prospect", "mql": "Lead (marketing-qualified, cold)",
    "sql": "Lead (sales-qualified, hot)", "customer": "Customer", "inactive": "Former customer",
}


def combo(items: list[tuple[object, str]], current=None, *, empty: str | None = None) -> QComboBox:
    box = QComboBox()
    if empty is not None:
        box.addItem(empty, None)
    for value, label in items:
        box.addItem(label, value)
    index = box.findData(current)
    box.setCurrentIndex(max(index, 0))
    return box


class AccountDialog(FormDialog):
    def __init__(self, ctx, account_id: int | None = None, parent=None):
        super().__init__(ctx, "Edit account" if account_id else "New account", parent)
        self.account_id = account_id
        a = accounts_service.get_account(ctx.db, account_id=account_id) if account_id else None
        staff = [(s.id, s.name) for s in list_staff(ctx.db)]
        sources = [(s.id, s.name) for s in list_lead_sources(ctx.db)]
        self.name = self.add_row("&Name", "name", QLineEdit(a.name if a else ""))
        self.kind = self.add_row("Kind", "kind", combo([("organisation", "Organisation"), ("private", "Private customer")], a.kind if a else "organisation"))
        self.stage = self.add_row("&Stage", "stage", combo(list(STAGE_LABELS.items()), a.stage if a else "prospect"))
        self.owner = self.add_row("Account manager", "owner_id", combo(staff, a.owner_id if a else None, empty="—"))
        self.street = self.add_row("Street", "street", QLineEdit(a.street or "" if a else ""))
        self.postcode = self.add_row("Postcode", "postcode", QLineEdit(a.postcode or "" if a else ""))
        self.city = self.add_row("&City", "city", QLineEdit(a.city or "" if a else ""))
        self.region = self.add_row("Region", "region", QLineEdit(a.region or "" if a else ""))
        self.country = self.add_row("Country", "country", QLineEdit(a.country or "" if a else ""))
        self.phone = self.add_row("&Phone", "phone", QLineEdit(a.phone or "" if a else ""))
        self.email = self.add_row("&E-mail", "email", QLineEdit(a.email or "" if a else ""))
        self.website = self.add_row("Website", "website", QLineEdit(a.website or "" if a else ""))
        self.source = self.add_row("Lead source", "source_id", combo(sources, a.source_id if a else None, empty="—"))
        self.source_detail = self.add_row("Source detail", "source_detail", QLineEdit(a.source_detail or "" if a else ""))
        self.introduced_by = None
        if not account_id:
            from relationapp.ui.referral_widgets import add_introduced_by  # (it uses combo() from here)

            self.introduced_by = add_introduced_by(self)
        self.customer_since = self.add_row("Customer since", "customer_since", OptionalDateField(a.customer_since if a else None))
        self.budget = self.add_row("Estimated annual budget", "annual_budget", QLineEdit(str(a.annual_budget) if a and a.annual_budget is not None else ""))
        self.budget.setPlaceholderText("what they spend a year on what we sell")
        self.cadence = self.add_row("Contact every (days)", "cadence_days", QSpinBox())
        self.cadence.setRange(0, 3650)
        self.cadence.setSpecialValueText("by tier (default)")
        self.cadence.setValue(a.cadence_days or 0 if a else 0)
        self.next_steps = self.add_row("Agreed next steps", "next_steps", QPlainTextEdit(a.next_steps or "" if a else ""))
        self.notes = self.add_row("Notes", "notes", QPlainTextEdit(a.notes or "" if a else ""))
        for edit in (self.next_steps, self.notes):
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(60)
        self.name.setFocus()
        self.resize(520, 0)

    def values(self) -> dict:
        return dict(
            name=self.name.text(), kind=self.kind.currentData(), stage=self.stage.currentData(),
            owner_id=self.owner.currentData(), street=self.street.text(), postcode=self.postcode.text(),
            city=self.city.text(), region=self.region.text(), country=self.country.text(),
            phone=self.phone.text(), email=self.email.text(), website=self.website.text(),
            source_id=self.source.currentData(), source_detail=self.source_detail.text(),
            customer_since=self.customer_since.value(), annual_budget=self.budget.text().replace(",", "."),
            cadence_days=self.cadence.value() or None, next_steps=self.next_steps.toPlainText(),
            notes=self.notes.toPlainText(),
        )

    def save(self):
        values = self.values()
        if self.account_id:
            result = accounts_service.update_account(self.ctx.db, account_id=self.account_id, **values)
        else:
            from relationapp.ui.referral_widgets import save_introduced_by

            self.introduced_by.checked_person_id()  # refuse an unknown name before anything is saved
            result = accounts_service.create_account(self.ctx.db, **values)
            save_introduced_by(self, self.introduced_by, result.id)
        self.ctx.notify({"accounts"})
        return result

