"""The Sync page: the server and what to sync, the last sync and its result, "Sync now", and the review
lists (conflicts: keep the app's or the phone's value; deletions: carry over or undo)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QProgressBar, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from relationapp.errors import ServiceError
from relationapp.services.common.changes import Kind
from relationapp.services.sync import store
from relationapp.text import formatting
from relationapp.ui.common import messages
from relationapp.ui.common.i18n import tr
from relationapp.ui.common.page import Page
from relationapp.ui.sync.background import PhoneSync


def _label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # server answers and names are data
    label.setWordWrap(True)
    return label


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().hide()
    return table


class CollectionField(QComboBox):
    """A collection's path, typed or chosen from what "Find on the server" found (name and path shown)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(30)

    def setPlaceholderText(self, text: str) -> None:
        self.lineEdit().setPlaceholderText(text)

    def offer(self, found: list) -> None:
        """The collections that can hold this kind; the typed text stays unless it was empty."""
        typed = self.text()
        self.clear()
        for collection in found:
            self.addItem(f"{collection.name} — {collection.href}", collection.href)
        self.setText(typed or (found[0].href if len(found) == 1 else ""))

    def text(self) -> str:
        index = self.findText(self.currentText())
        return self.itemData(index) if index >= 0 else self.currentText().strip()

    def setText(self, text: str) -> None:
        index = self.findData(text)
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setCurrentIndex(-1)
            self.setEditText(text)


class SyncView(Page, QWidget):
    CHANGES = (Kind.SYNC, Kind.PEOPLE, Kind.FOLLOW_UPS, Kind.VISITS)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.sync = getattr(ctx, "phone_sync", None) or PhoneSync(ctx, self)
        self.status: store.SyncStatus | None = None
        layout = QVBoxLayout(self)

        server = QGroupBox(tr("Server (CardDAV/CalDAV: iCloud, Google, Nextcloud, Radicale ...)"), self)
        form = QFormLayout(server)
        self.url = QLineEdit(server)
        self.url.setPlaceholderText("https://dav.example.com/")
        self.user = QLineEdit(server)
        self.password = QLineEdit(server)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(tr("kept in the system keyring; type to change"))
        self.collections = {kind: CollectionField(server) for kind in store.SYNC_KINDS}
        form.addRow(tr("Server address"), self.url)
        form.addRow(tr("User name"), self.user)
        form.addRow(tr("Password"), self.password)
        examples = {"contacts": tr("user/contacts/"), "tasks": tr("user/tasks/"), "visits": tr("user/visits/"),
                    "dates": tr("user/birthdays/")}
        for kind, edit in self.collections.items():
            edit.setPlaceholderText(tr("a path on the server, e.g. {example}; empty: not synced").format(
                example=examples[kind]))
            edit.setAccessibleName(tr(store.KIND_LABELS[kind]))
            form.addRow(tr(store.KIND_LABELS[kind]), edit)
        self.find_button = QPushButton(tr("Find on the server"), server)
        self.find_button.setToolTip(tr("List the address books and calendars of this user, to choose one per kind"))
        self.find_button.clicked.connect(self.find_collections)
        self.save_button = QPushButton(tr("Save and check"), server)
        self.save_button.clicked.connect(self.save)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.find_button)
        buttons_row.addWidget(self.save_button)
        buttons_row.addStretch(1)
        form.addRow("", buttons_row)
        layout.addWidget(server)

        row = QHBoxLayout()
        self.last = _label()
        self.sync_button = QPushButton(tr("Sync now"), self)
        self.sync_button.clicked.connect(self.sync_now)
        self.bar = QProgressBar(self)
        self.bar.hide()
        row.addWidget(self.last, 1)
        row.addWidget(self.bar)
        row.addWidget(self.sync_button)
        layout.addLayout(row)

        layout.addWidget(_label(tr("Changed on both sides, differently: which value stays?")))
        self.conflicts = _table([tr("Who or what"), tr("Field"), tr("In the app"), tr("On the phone")])
        layout.addWidget(self.conflicts, 1)
        buttons = QHBoxLayout()
        self.keep_app = QPushButton(tr("Keep the app's"), self)
        self.keep_server = QPushButton(tr("Keep the phone's"), self)
        self.keep_app.clicked.connect(lambda: self.resolve("app"))
        self.keep_server.clicked.connect(lambda: self.resolve("server"))
        buttons.addStretch(1)
        buttons.addWidget(self.keep_app)
        buttons.addWidget(self.keep_server)
        layout.addLayout(buttons)

        layout.addWidget(_label(tr("Deleted on one side: delete on the other side too?")))
        self.deletions = _table([tr("Who or what"), tr("Kind"), tr("Deleted")])
        layout.addWidget(self.deletions, 1)
        buttons = QHBoxLayout()
        self.delete_too = QPushButton(tr("Delete there too"), self)
        self.undo_delete = QPushButton(tr("Keep it"), self)
        self.delete_too.clicked.connect(lambda: self.settle(True))
        self.undo_delete.clicked.connect(lambda: self.settle(False))
        buttons.addStretch(1)
        buttons.addWidget(self.delete_too)
        buttons.addWidget(self.undo_delete)
        layout.addLayout(buttons)

        self.sync.started.connect(self._started)
        self.sync.progressed.connect(self._progressed)
        self.sync.finished.connect(self._finished)
        self.watch(ctx)
        self.refresh()

    # --- showing --------------------------------------------------------------------
    def refresh(self) -> None:
        self.status = store.sync_status(self.ctx.db)
        account = self.status.accounts[0] if self.status.accounts else None
        if account is not None and not self.url.hasFocus():
            self.url.setText(account.url)
            self.user.setText(account.user)
            for kind, edit in self.collections.items():
                col = account.collection(kind)
                edit.setText(col.url if col else "")
        self.last.setText(self._last_text(account))
        self.sync_button.setEnabled(account is not None and not self.sync.running and not self.ctx.read_only)
        self.conflicts.setRowCount(len(self.status.conflicts))
        for row, c in enumerate(self.status.conflicts):
            for col, text in enumerate((c.what, tr(store.FIELD_LABELS.get(c.field, c.field)), c.app_value or "",
                                        c.server_value or "")):
                self.conflicts.setItem(row, col, QTableWidgetItem(text))
        self.deletions.setRowCount(len(self.status.deletions))
        for row, d in enumerate(self.status.deletions):
            where = {store.DELETED_IN_APP: tr("in the app"), store.DELETED_ON_SERVER: tr("on the phone"),
                     store.CONFIRMED: tr("confirmed, sent at the next sync")}.get(d.pending, d.pending)
            for col, text in enumerate((d.what, tr(store.KIND_LABELS[d.kind]), where)):
                self.deletions.setItem(row, col, QTableWidgetItem(text))
        for button in (self.keep_app, self.keep_server):
            button.setEnabled(bool(self.status.conflicts))
        for button in (self.delete_too, self.undo_delete):
            button.setEnabled(bool(self.status.deletions))

    def _last_text(self, account) -> str:
        if account is None:
            return tr("Not set up yet: give the server above, then Save and check.")
        if account.last_sync_at is None:
            return tr("Not synced yet.")
        fmt = formatting.current()
        return tr("Last sync {when}: {result}").format(when=fmt.date(account.last_sync_at.date()),
                                                      result=account.last_result or "")

    # --- doing ----------------------------------------------------------------------
    def find_collections(self) -> None:
        from relationapp.exchange.dav.run import find_collections

        self.find_button.setEnabled(False)

        def done(found) -> None:
            self.find_button.setEnabled(True)
            for kind, field in self.collections.items():
                field.offer([c for c in found if c.holds(kind)])
            self.ctx.say(tr("Found {count} address books and calendars; choose one per kind.").format(
                count=formatting.current().number(len(found))))

        def failed(exc: Exception) -> None:
            self.find_button.setEnabled(True)
            messages.warn(self, tr("Nothing found"), str(exc) if isinstance(exc, ServiceError) else repr(exc))

        db, url, user, password = self.ctx.db, self.url.text(), self.user.text(), self.password.text() or None
        self.ctx.tasks.run(lambda: find_collections(db, url=url, user=user, password=password),
                           on_done=done, on_error=failed, owner=self)

    def save(self) -> None:
        from relationapp.exchange.dav.run import set_up

        values = {kind: edit.text().strip() or None for kind, edit in self.collections.items()}
        self.save_button.setEnabled(False)

        def done(_info) -> None:
            self.save_button.setEnabled(True)
            self.password.clear()
            self.sync.configure()
            self.ctx.say(tr("The server answered; the sync is set up."))

        def failed(exc: Exception) -> None:
            self.save_button.setEnabled(True)
            messages.warn(self, tr("Not saved"), str(exc) if isinstance(exc, ServiceError) else repr(exc))

        self.ctx.ops.start(set_up, self.ctx.db, url=self.url.text(), user=self.user.text(),
                           password=self.password.text() or None, address_book=values["contacts"],
                           tasks=values["tasks"], visits=values["visits"], dates=values["dates"],
                           on_done=done, on_error=failed, owner=self)

    def sync_now(self) -> None:
        if not self.sync.sync_now():
            self.ctx.say(tr("A sync is running already."))

    def _started(self) -> None:
        self.sync_button.setEnabled(False)
        self.bar.setRange(0, 0)
        self.bar.show()

    def _progressed(self, done: int, total: int, text: str) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
        self.bar.setToolTip(text)

    def _finished(self, summary, fault: str) -> None:
        self.bar.hide()
        self.refresh()
        if fault:
            self.last.setText(fault)

    def resolve(self, keep: str) -> None:
        row = self.conflicts.currentRow()
        if self.status is None or not 0 <= row < len(self.status.conflicts):
            self.ctx.say(tr("Choose a conflict first."))
            return
        self.ctx.ops.run(self, store.resolve_conflict, self.ctx.db, conflict_id=self.status.conflicts[row].id,
                         keep=keep)

    def settle(self, delete: bool) -> None:
        row = self.deletions.currentRow()
        if self.status is None or not 0 <= row < len(self.status.deletions):
            self.ctx.say(tr("Choose a deletion first."))
            return
        self.ctx.ops.run(self, store.settle_deletion, self.ctx.db, item_id=self.status.deletions[row].item_id,
                         delete=delete)
