"""The first start on an empty database: start with your own customers, or look around the demo firm."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout

from relationapp.ui.common import theme
from relationapp.ui.common.i18n import tr
from relationapp.ui.common.widgets import plain_label


class Welcome(QFrame):
    """Shown by Today while the database holds no account, person or staff member."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        heading = plain_label(tr("Welcome to relationapp"), self)
        theme.mark(heading, "heading")
        layout.addWidget(heading)
        text = plain_label(tr("Start with your own customers: bring in your contacts, then your orders. Today then "
                              "shows who needs attention and what they are worth."), self)
        text.setWordWrap(True)
        layout.addWidget(text)
        buttons = QHBoxLayout()
        self.contacts_button = QPushButton(tr("Import contacts…"), self)
        self.contacts_button.setToolTip(tr("A CSV from Excel, Google or Outlook, or vCards from Apple Contacts"))
        self.orders_button = QPushButton(tr("Import orders…"), self)
        self.orders_button.setToolTip(tr("A CSV of invoices or orders from your accounting package"))
        self.demo_button = QPushButton(tr("Try the demo firm"), self)
        self.demo_button.setToolTip(tr("Opens a made-up installation firm in a window of its own; "
                                       "your database stays empty"))
        for button in (self.contacts_button, self.orders_button, self.demo_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.status = plain_label("", self)
        layout.addWidget(self.status)
        self.contacts_button.clicked.connect(lambda: self._import("people"))
        self.orders_button.clicked.connect(lambda: self._import("orders"))
        self.demo_button.clicked.connect(self.open_demo)

    def _import(self, kind: str) -> None:
        from relationapp.ui.data.import_wizard import ImportWizard

        ImportWizard(self.ctx, self.window(), kind=kind).exec()

    def demo_path(self) -> Path:
        """demo.db beside the database in use (the demo command opens it as it is when it exists)."""
        here = self.ctx.db.path
        return (here.parent if here is not None else Path.home()) / "demo.db"

    def open_demo(self) -> None:
        path = self.demo_path()
        from relationapp.ui.shell.app import own_command

        subprocess.Popen(own_command("--db", str(path), "demo", "--open"), start_new_session=True)
        self.status.setText(tr("The demo firm opens in a new window in a few seconds ({path}).").format(path=str(path)))
