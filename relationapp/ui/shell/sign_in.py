"""Signing in as oneself: the dialog the window opens with once staff members have passwords.

    if not sign_in_if_asked(db):   # nobody has a password: True at once, nothing shown
        return 0                   # Esc: the user quit instead of signing in

Enter signs in, Esc quits; a wrong name or password says so in the dialog, which stays open with
the password cleared. Whoever signs in is this window's "I am" (``db.staff_id``); File > Sign out /
switch user opens the same dialog again (services.customers.sign_in).
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QVBoxLayout

from relationapp.errors import ValidationError
from relationapp.services.customers import sign_in as sign_in_service
from relationapp.ui.common import theme
from relationapp.ui.common.i18n import tr
from relationapp.ui.common.widgets import plain_label


class SignInDialog(QDialog):
    def __init__(self, db, parent=None):
        super().__init__(parent)
        self.db = db
        self.signed: sign_in_service.SignedIn | None = None
        self.setWindowTitle(tr("Sign in to relationapp"))
        layout = QVBoxLayout(self)
        intro = plain_label(tr("Sign in as yourself: your Today, accounts and visits open, "
                               "and what you change is recorded in your name."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.who = QComboBox(self)
        for member in sign_in_service.who_can_sign_in(db):
            self.who.addItem(member.name, member.staff_id)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(tr("&Staff member"), self.who)
        form.addRow(tr("&Password"), self.password)
        layout.addLayout(form)
        self.error = plain_label("", self)
        theme.mark(self.error, "error")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(self)
        self.sign_in_button = self.buttons.addButton(tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit_button = self.buttons.addButton(tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.sign_in_button.setDefault(True)  # Enter in the password field signs in
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)  # and Esc, as QDialog makes it
        layout.addWidget(self.buttons)
        self.password.setFocus()
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)  # the intro in two lines, not four

    def accept(self) -> None:
        try:
            self.signed = sign_in_service.sign_in(self.db, name_or_email=self.who.currentText(),
                                                  password=self.password.text())
        except ValidationError as exc:
            self.error.setText(str(exc))
            self.error.show()
            self.password.clear()
            self.password.setFocus()
            return
        super().accept()


def sign_in_if_asked(db, parent=None) -> bool:
    """Ask who signs in when staff members have passwords; False when the user quit instead."""
    if not sign_in_service.has_passwords(db):
        return True
    dialog = SignInDialog(db, parent)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
