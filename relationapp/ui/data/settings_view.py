"""Settings, built from the declarations in relationapp.config (one place)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from relationapp.config import Settings
from relationapp.errors import ServiceError
from relationapp.services.common import settings as settings_service
from relationapp.services.common.changes import Kind
from relationapp.services.customers.staff import list_staff
from relationapp.text import parsing
from relationapp.ui.common import theme
from relationapp.ui.common import messages
from relationapp.ui.common.i18n import tr
from relationapp.ui.common.page import Page
from relationapp.ui.common.widgets import plain_label

# a language is named in its own words, never translated
CHOICE_LABELS = {"nl": "Nederlands", "en": "English", "feb28": QT_TR_NOOP("Feb 28"), "mar1": QT_TR_NOOP("Mar 1"),
                 "ssl": "SSL/TLS", "starttls": "STARTTLS", "none": QT_TR_NOOP("None (only a server on this computer)"),
                 "system": QT_TR_NOOP("As the system"), "light": QT_TR_NOOP("Light"), "dark": QT_TR_NOOP("Dark")}

# config.Settings declares its labels and groups in English (no Qt there); listed here so
# lupdate collects them (tests/ui/test_i18n.py checks none is missing)
SETTING_TEXTS = (
    QT_TR_NOOP("General"), QT_TR_NOOP("Cadence"), QT_TR_NOOP("Visits"), QT_TR_NOOP("Pyramid"),
    QT_TR_NOOP("Reports"), QT_TR_NOOP("Backups"), QT_TR_NOOP("Leads"),
    QT_TR_NOOP("Prospects in each manager's focus (at most)"), QT_TR_NOOP("BANT letters in place for a sales-qualified lead"),
    QT_TR_NOOP("Company name"), QT_TR_NOOP("Language"), QT_TR_NOOP("Appearance"), QT_TR_NOOP("Currency"),
    QT_TR_NOOP("Hourly cost of staff time"), QT_TR_NOOP("What we call a lead"),
    QT_TR_NOOP("Cadence Top (days)"), QT_TR_NOOP("Cadence Big (days)"), QT_TR_NOOP("Cadence Medium (days)"),
    QT_TR_NOOP("Cadence Small (days)"), QT_TR_NOOP("Cadence prospects and leads (days)"),
    QT_TR_NOOP("Cadence sales-qualified (hot) leads (days)"),
    QT_TR_NOOP("Visit every Top customer (days)"), QT_TR_NOOP("Visit every Big customer (days)"),
    QT_TR_NOOP("Visit every Medium customer (days)"), QT_TR_NOOP("Visit every Small customer (days)"),
    QT_TR_NOOP("Top tier (% of customers)"), QT_TR_NOOP("Big tier (% of customers)"),
    QT_TR_NOOP("Medium tier (% of customers)"), QT_TR_NOOP("Feb 29 birthdays in other years fall on"),
    QT_TR_NOOP("Show personal dates this many days ahead"), QT_TR_NOOP("Paper size"),
    QT_TR_NOOP("Logo for reports (PNG or JPEG)"), QT_TR_NOOP("Backups to keep"),
    QT_TR_NOOP("I am"), QT_TR_NOOP("Folder for visit briefings"),
    QT_TR_NOOP("Mail"), QT_TR_NOOP("IMAP server"), QT_TR_NOOP("IMAP port"), QT_TR_NOOP("Connection security"),
    QT_TR_NOOP("IMAP user name"), QT_TR_NOOP("Folder to watch"),
    QT_TR_NOOP("Check every (minutes; 0: only by hand)"),
    QT_TR_NOOP("Our own addresses and domains"),
    QT_TR_NOOP("Phone sync"), QT_TR_NOOP("Sync with the phone every (minutes; 0: only by hand)"),
)


COMPACT_WIDTH = 140  # pixels for a number of a few digits or an amount


def _is_percent(name: str) -> bool:
    """The settings in percent (the pyramid's tier shares); the other Decimals are amounts."""
    return name.endswith("_pct")


class SettingsForm(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.editors: dict[str, QWidget] = {}
        layout = QVBoxLayout(self)
        self.error = plain_label("", self)
        theme.mark(self.error, "error")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        groups: dict[str, QFormLayout] = {}
        for spec in Settings.specs():
            meta = spec.metadata
            if meta["group"] not in groups:
                box = QGroupBox(tr(meta["group"]), self)
                groups[meta["group"]] = QFormLayout(box)
                layout.addWidget(box)
            editor = self._editor(spec)
            groups[meta["group"]].addRow(tr(meta["label"]), self._logo_row(editor) if spec.name == "logo_path" else editor)
            if spec.name == "current_staff_id":  # who can be "I am": the staff, kept right here
                from relationapp.ui.data.staff_panel import StaffPanel

                self.staff_panel = StaffPanel(ctx, self)
                self.staff_panel.loaded.connect(self._fill_staff_box)
                groups[meta["group"]].addRow(tr("Staff"), self.staff_panel)
            if spec.name == "language":  # the window is built once, in the language of the start
                self.language_note = plain_label(tr("A new language shows after restarting relationapp; saving offers to restart."), self)
                self.language_note.setStyleSheet("color: palette(mid);")
                self.language_note.setWordWrap(True)
                groups[meta["group"]].addRow("", self.language_note)
        if "Backups" in groups:  # act on backups where their setting is
            from relationapp.ui.data import data_actions

            row = QHBoxLayout()
            for title, action in ((tr("Backup now"), data_actions.backup_now), (tr("Restore…"), data_actions.restore_from_backup)):
                button = QPushButton(title, self)
                button.clicked.connect(lambda _checked=False, act=action: act(self.ctx, self.window()))
                row.addWidget(button)
            row.addStretch(1)
            groups["Backups"].addRow("", row)
        self.mail = None
        if "Mail" in groups:  # the password goes to the system keyring, never to the settings
            from relationapp.ui.mail.mail_settings import MailPassword

            self.mail = MailPassword(ctx, self, self)
            groups["Mail"].addRow(tr("Password"), self.mail.password)
            groups["Mail"].addRow("", self.mail.buttons)
        layout.addStretch(1)
        self.load()

    def _editor(self, spec) -> QWidget:
        meta = spec.metadata
        if spec.name == "current_staff_id":  # a staff member by name, stored by id; filled in load()
            editor = QComboBox(self)
        elif meta["choices"]:
            editor = QComboBox(self)
            for choice in meta["choices"]:
                editor.addItem(tr(CHOICE_LABELS.get(choice, choice)), choice)
        elif spec.type in ("int", int):
            editor = QSpinBox(self)
            editor.setRange(meta["min"] or 0, meta["max"] or 1_000_000)
            editor.setMaximumWidth(COMPACT_WIDTH)  # two or three digits need no full-width field
        else:
            editor = QLineEdit(self)
            if spec.type in ("Decimal", Decimal):
                editor.setMaximumWidth(COMPACT_WIDTH)
        if isinstance(editor, QComboBox):
            editor.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            editor.setMaximumWidth(3 * COMPACT_WIDTH)
        self.editors[spec.name] = editor
        return editor

    def _logo_row(self, editor: QLineEdit) -> QWidget:
        """The logo's path with a button to pick the picture."""
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(editor, 1)
        self.logo_button = QPushButton(tr("Choose…"), row)
        self.logo_button.setToolTip(tr("Pick the logo for the reports (PNG or JPEG)"))
        self.logo_button.clicked.connect(lambda: self._choose_logo(editor))
        layout.addWidget(self.logo_button)
        return row

    def _choose_logo(self, editor: QLineEdit) -> None:
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        start = editor.text().strip() or str(Path.home())
        name, _filter = QFileDialog.getOpenFileName(self, tr("Logo for reports"), start,
                                                    tr("Pictures (*.png *.jpg *.jpeg)"))
        if name:
            editor.setText(name)  # checked and kept when the settings are saved

    def _fill_staff_box(self) -> None:
        """The "I am" choices: the staff may have changed since the form was built, and the staff list may
        have just set "I am" (so the stored choice, not the box's, is shown: saving the form keeps it)."""
        staff_box = self.editors["current_staff_id"]
        chosen = self.ctx.me_id
        # signed in: "I am" is whoever signed in here; someone else only by signing in as them
        staff_box.setEnabled(not self.ctx.signed_in)
        staff_box.setToolTip(tr("You signed in: File > Sign out / switch user to be someone else") if self.ctx.signed_in
                             else tr("Whose day the visit planner opens on"))
        staff_box.blockSignals(True)
        staff_box.clear()
        staff_box.addItem(tr("not set (everyone's visits)"), 0)
        panel = getattr(self, "staff_panel", None)  # it has just read every staff member: no second query
        staff = [s for s in panel.model.rows if s.active] if panel is not None else list_staff(self.ctx.db)
        for member in staff:
            staff_box.addItem(member.name, member.id)
        staff_box.setCurrentIndex(max(staff_box.findData(chosen), 0))
        staff_box.blockSignals(False)

    def load(self) -> None:
        current = settings_service.get_settings(self.ctx.db)
        self._fill_staff_box()
        for name, editor in self.editors.items():
            value = self.ctx.me_id if name == "current_staff_id" and self.ctx.signed_in else getattr(current, name)
            if isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(editor.findData(value), 0))
            elif isinstance(editor, QSpinBox):
                editor.setValue(int(value))
            elif isinstance(value, Decimal):  # in the language, as values() reads it back
                editor.setText(parsing.editable_number(value) if _is_percent(name) else parsing.editable_amount(value))
            else:
                editor.setText(str(value))
        self.error.hide()

    def values(self) -> dict:
        out = {}
        for name, editor in self.editors.items():
            if isinstance(editor, QComboBox):
                out[name] = editor.currentData()
            elif isinstance(editor, QSpinBox):
                out[name] = editor.value()
            else:
                out[name] = editor.text()
        if self.ctx.signed_in:  # the shared setting stays as it is: this window's "I am" is who signed in
            out.pop("current_staff_id")
        for spec in Settings.specs():  # amounts and percentages as typed in the language (relationapp.text.parsing)
            if spec.type in ("Decimal", Decimal):
                read = parsing.parse_percent if _is_percent(spec.name) else parsing.parse_amount
                out[spec.name] = read(out[spec.name], field=spec.name, label=tr(spec.metadata["label"]))
        return out

    def save(self) -> bool:
        language_before = self.ctx.settings.language
        try:
            values = self.values()
            if self.mail is not None:
                self.mail.store(values)
            self.ctx.ops.call(settings_service.update_settings, self.ctx.db, **values)
        except ServiceError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return False
        self.error.hide()
        if self.ctx.settings.language != language_before:
            self.ctx.say(tr("Settings saved. Restart relationapp to see the new language."))
            self._offer_restart()
        else:
            self.ctx.say(tr("Settings saved."))
        return True


    def _offer_restart(self) -> None:
        """The window is built in one language; a restart shows the new one everywhere at once."""
        from PySide6.QtWidgets import QApplication

        from relationapp.ui.common.i18n import RESTART

        if messages.ask(self.window(), tr("Restart relationapp?"),
                        tr("The new language shows everywhere after a restart. Restart now? "
                           "Everything is saved."), default_yes=True):
            QApplication.instance().exit(RESTART)


class SettingsView(Page, QWidget):
    CHANGES = (Kind.SETTINGS, Kind.STAFF)
    """The Settings page in the sidebar."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        self.form = SettingsForm(ctx, scroll)
        scroll.setWidget(self.form)
        layout.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(tr("Save settings"), self)
        self.revert_button = QPushButton(tr("Revert"), self)
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self.form.save)
        self.revert_button.clicked.connect(self.form.load)

    def refresh(self) -> None:
        self.form.load()
