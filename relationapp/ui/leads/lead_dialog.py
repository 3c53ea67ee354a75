"""Register a lead in seconds (File > New lead…, Ctrl+Shift+L from anywhere).

The firm's own definition of a lead stands on top, so everyone (the
technician, the service desk) registers the same thing. One operation writes
the account, its person, the stage and the first need (``register_lead``).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit

from relationapp.services.customers.staff import list_lead_sources, list_staff
from relationapp.services.leads.register import register_lead
from relationapp.ui.common import theme
from relationapp.ui.common.dialog_base import FormDialog
from relationapp.ui.common.i18n import tr
from relationapp.ui.common.widgets import combo, plain_label



class SourceBox(QComboBox):
    """The firm's lead sources; typing a name that is not among them makes a new source."""

    def __init__(self, sources: list[tuple[int, str]], parent=None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItem("", None)
        for source_id, name in sources:
            self.addItem(name, source_id)
        self.setCurrentIndex(0)
        self.lineEdit().setPlaceholderText(tr("choose, or type a new source"))

    def chosen(self) -> tuple[int | None, str | None]:
        """(source_id, None) for one of the list, (None, name) for a new one, (None, None) for none."""
        text = self.currentText().strip()
        if not text:
            return None, None
        index = self.findText(text)  # any case: the service reuses an existing name too
        if index < 0:
            for i in range(self.count()):
                if self.itemText(i).lower() == text.lower():
                    index = i
                    break
        if index > 0:
            return self.itemData(index), None
        return None, text


class LeadDialog(FormDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(ctx, tr("New lead"), parent)
        definition = ctx.settings.lead_definition
        self.definition = plain_label(tr("What we call a lead: {definition}").format(definition=definition), self)
        self.definition.setWordWrap(True)
        theme.mark(self.definition, "note")
        self.layout().insertWidget(0, self.definition)
        staff = [(s.id, s.name) for s in list_staff(ctx.db)]
        sources = [(s.id, s.name) for s in list_lead_sources(ctx.db)]
        self.person = self.add_row(tr("&Name"), "person", QLineEdit(self))
        self.person.setPlaceholderText(tr("the person who asked"))
        self.organisation = self.add_row(tr("&Organisation"), "organisation", QLineEdit(self))
        self.organisation.setPlaceholderText(tr("empty for a private person"))
        self.email = self.add_row(tr("&E-mail"), "email", QLineEdit(self))
        self.phone = self.add_row(tr("&Phone"), "phone", QLineEdit(self))
        self.source = self.add_row(tr("Lead &source"), "source", SourceBox(sources, self))
        self.fields["source_id"] = self.source
        self.source_detail = self.add_row(tr("Source detail"), "source_detail", QLineEdit(self))
        self.source_detail.setPlaceholderText(tr("which fair, campaign or colleague's contact"))
        self.brought_in_by = self.add_row(tr("&Brought in by"), "brought_in_by_id", combo(staff, None, empty="—"))
        self.owner = self.add_row(tr("&Account manager"), "owner_id", combo(staff, None, empty="—"))
        self.need = self.add_row(tr("Nee&d"), "need", QLineEdit(self))
        self.need.setPlaceholderText(tr("what they need, in a sentence"))
        # nurturing writes only to people who agreed; asked, not assumed
        self.consent = self.add_row("", "consent_on", QCheckBox(tr("Agreed to hear from us (today)"), self))
        self.person.setFocus()
        self.resize(520, 0)

    def values(self) -> dict:
        source_id, new_source = self.source.chosen()
        return dict(person=self.person.text(), organisation=self.organisation.text(), email=self.email.text(),
                    phone=self.phone.text(), source_id=source_id, new_source=new_source,
                    source_detail=self.source_detail.text(), brought_in_by_id=self.brought_in_by.currentData(),
                    owner_id=self.owner.currentData(), need=self.need.text(),
                    consent_on=dt.date.today() if self.consent.isChecked() else None)

    def save(self):
        return register_lead(self.ctx.db, **self.values())


def open_lead_dialog(ctx, window) -> None:
    """The menu action (File > New lead…): register, then say so in the status bar."""
    dialog = LeadDialog(ctx, parent=window)
    if dialog.exec():
        lead = dialog.result_value
        ctx.say(tr("Lead {name} registered.").format(name=lead.account))
