"""Settings > Mail beside the declared fields: the password (to the system keyring, never the database),
a connection test, and the review list."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

from relationapp.errors import ServiceError
from relationapp.ui.common import messages
from relationapp.ui.common.i18n import tr


class MailPassword(QWidget):
    """The password row and the buttons of the Mail group of a SettingsForm."""

    def __init__(self, ctx, form, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.form = form
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(tr("kept in the system keyring; type to change"))
        self.buttons = QWidget(parent)
        row = QHBoxLayout(self.buttons)
        row.setContentsMargins(0, 0, 0, 0)
        self.test_button = QPushButton(tr("Test connection"), self.buttons)
        self.senders_button = QPushButton(tr("Unknown senders…"), self.buttons)
        row.addWidget(self.test_button)
        row.addWidget(self.senders_button)
        row.addStretch(1)
        self.test_button.clicked.connect(self.test_connection)
        self.senders_button.clicked.connect(self.open_senders)
        self.hide()  # only its parts are shown, in the form's rows
        own = form.editors.get("mail_own_addresses")
        if isinstance(own, QLineEdit):
            own.setPlaceholderText(tr("besides the staff's: info@firm.nl, @firm.nl"))

    def server(self, values: dict):
        from relationapp.exchange.mail.imap import MailServer

        return MailServer(str(values["mail_host"]).strip(), int(values["mail_port"]), values["mail_security"],
                          str(values["mail_user"]).strip(), str(values["mail_folder"]).strip() or "INBOX")

    def store(self, values: dict) -> None:
        """Before the settings are saved: a typed password into the keyring (a ServiceError says why not)."""
        typed = self.password.text()
        if not typed:
            return
        from relationapp.exchange.mail.password import store_password

        server = self.server(values)
        server.check()
        store_password(host=server.host, user=server.user, password=typed)
        self.password.clear()

    def test_connection(self) -> None:
        from relationapp.exchange.mail.imap import check_connection

        try:
            server = self.server(self.form.values())
            server.check()
        except ServiceError as exc:
            messages.warn(self.window(), tr("Connection not tested"), str(exc))
            return
        typed = self.password.text() or None
        self.test_button.setEnabled(False)
        self.ctx.say(tr("Connecting to {host}…").format(host=server.host))

        def done(count: int) -> None:
            self.test_button.setEnabled(True)
            messages.inform(self.window(), tr("Connection works"),
                            tr("Logged in to {host}; the folder {folder} holds {count} mails.").format(
                                host=server.host, folder=server.folder, count=count))

        def failed(exc: Exception) -> None:
            self.test_button.setEnabled(True)
            text = str(exc) if isinstance(exc, ServiceError) else f"{type(exc).__name__}: {exc}"
            messages.warn(self.window(), tr("Connection failed"), text)

        # no database in it, only the network: a thread of its own, so it never queues ahead of the window's work
        self.ctx.tasks.run_detached(lambda _stop: check_connection(server, typed), on_done=done, on_error=failed)

    def open_senders(self) -> None:
        from relationapp.ui.mail.senders_dialog import SendersDialog

        SendersDialog(self.ctx, self.window()).exec()
