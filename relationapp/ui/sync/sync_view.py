"""The Sync page: the sync accounts (each a server and what to sync, its last sync and result; added,
removed, synced one by one or all), and the review lists (conflicts: keep the app's or the phone's value;
deletions: carry over or undo)."""

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
        self.chosen: str | None = None  # the account the form shows
        self.adding = False  # the form holds a new account being typed
        layout = QVBoxLayout(self)

        accounts = QGroupBox(tr("Sync accounts"), self)
        accounts_layout = QVBoxLayout(accounts)
        self.accounts = _table([tr("Sync account"), tr("Server"), tr("User name"), tr("Last sync"), tr("Result")])
        self.accounts.setMaximumHeight(130)
        self.accounts.setWordWrap(False)
        for column, width in enumerate((140, 280, 150, 180)):  # "Laatste synchronisatie" whole
            self.accounts.setColumnWidth(column, width)
        self.accounts.itemSelectionChanged.connect(self._account_chosen)
        accounts_layout.addWidget(self.accounts)
        row = QHBoxLayout()
        self.add_button = QPushButton(tr("New sync account"), accounts)
        self.add_button.clicked.connect(self.new_account)
        self.remove_button = QPushButton(tr("Remove..."), accounts)
        self.remove_button.clicked.connect(self.remove_account)
        self.sync_all_button = QPushButton(tr("Sync all"), accounts)
        self.sync_all_button.clicked.connect(self.sync_all)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        self.sync_button = QPushButton(tr("Sync now"), accounts)
        self.sync_button.setToolTip(tr("Sync the chosen sync account"))
        self.sync_button.clicked.connect(self.sync_now)
        row.addWidget(self.sync_button)
        row.addWidget(self.sync_all_button)
        accounts_layout.addLayout(row)
        layout.addWidget(accounts)

        server = QGroupBox(tr("Server (CardDAV/CalDAV: iCloud, Google, Nextcloud, Radicale ...)"), self)
        form = QFormLayout(server)
        self.name = QLineEdit(server)
        self.name.setPlaceholderText(tr("e.g. phone, office; empty: 'default'"))
        self.url = QLineEdit(server)
        self.url.setPlaceholderText("https://dav.example.com/")
        self.user = QLineEdit(server)
        self.password = QLineEdit(server)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(tr("kept in the system keyring; type to change"))
        self.collections = {kind: CollectionField(server) for kind in store.SYNC_KINDS}
        form.addRow(tr("Name"), self.name)
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
        self.bar = QProgressBar(self)
        self.bar.hide()
        row.addWidget(self.last, 1)
        row.addWidget(self.bar)
        layout.addLayout(row)

        layout.addWidget(_label(tr("Changed on both sides, differently: which value stays?")))
        self.conflicts = _table([tr("Who or what"), tr("Field"), tr("In the app"), tr("On the phone"),
                                 tr("Sync account")])
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
        self.deletions = _table([tr("Who or what"), tr("Kind"), tr("Deleted"), tr("Sync account")])
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
    def _account(self) -> store.SyncAccountInfo | None:
        accounts = self.status.accounts if self.status else ()
        return next((a for a in accounts if a.name == self.chosen), None)

    def refresh(self) -> None:
        self.status = store.sync_status(self.ctx.db)
        names = [a.name for a in self.status.accounts]
        if self.chosen not in names and not self.adding:
            self.chosen = names[0] if names else None
        self.accounts.blockSignals(True)
        self.accounts.setRowCount(len(self.status.accounts))
        for row, a in enumerate(self.status.accounts):
            when = formatting.current().date(a.last_sync_at.date()) if a.last_sync_at else tr("never")
            for col, text in enumerate((a.name, a.url, a.user, when, a.last_result or "")):
                self.accounts.setItem(row, col, QTableWidgetItem(text))
        if self.chosen in names:
            self.accounts.selectRow(names.index(self.chosen))
        else:
            self.accounts.clearSelection()
        self.accounts.blockSignals(False)
        self._fill_form()
        account = self._account()
        self.last.setText(self._last_text(account))
        idle = not self.sync.running and not self.ctx.read_only
        self.sync_button.setEnabled(account is not None and idle)
        self.sync_all_button.setEnabled(len(names) > 1 and idle)
        self.remove_button.setEnabled(account is not None and idle)
        self.conflicts.setRowCount(len(self.status.conflicts))
        for row, c in enumerate(self.status.conflicts):
            for col, text in enumerate((c.what, tr(store.FIELD_LABELS.get(c.field, c.field)), c.app_value or "",
                                        c.server_value or "", c.account)):
                self.conflicts.setItem(row, col, QTableWidgetItem(text))
        self.deletions.setRowCount(len(self.status.deletions))
        for row, d in enumerate(self.status.deletions):
            where = {store.DELETED_IN_APP: tr("in the app"), store.DELETED_ON_SERVER: tr("on the phone"),
                     store.CONFIRMED: tr("confirmed, sent at the next sync")}.get(d.pending, d.pending)
            for col, text in enumerate((d.what, tr(store.KIND_LABELS[d.kind]), where, d.account)):
                self.deletions.setItem(row, col, QTableWidgetItem(text))
        for button in (self.keep_app, self.keep_server):
            button.setEnabled(bool(self.status.conflicts))
        for button in (self.delete_too, self.undo_delete):
            button.setEnabled(bool(self.status.deletions))

    def _fill_form(self, *, chosen: bool = False) -> None:
        """The chosen account in the form (its name fixed: another name is another account); a new one: empty.
        A refresh leaves the fields being typed in alone; choosing another account fills them all."""
        account = self._account()
        if account is None:
            self.name.setEnabled(True)
            return
        if not chosen and (self.url.hasFocus() or self.user.hasFocus()):
            return
        self.name.setText(account.name)
        self.name.setEnabled(False)
        self.url.setText(account.url)
        self.user.setText(account.user)
        for kind, edit in self.collections.items():
            col = account.collection(kind)
            edit.setText(col.url if col else "")

    def _account_chosen(self) -> None:
        rows = self.accounts.selectionModel().selectedRows()
        if rows and self.status is not None:
            self.chosen, self.adding = self.status.accounts[rows[0].row()].name, False
            self.password.clear()
            self.refresh()
            self._fill_form(chosen=True)

    def new_account(self) -> None:
        """An empty form for another account (iCloud for the phone beside the firm's Nextcloud)."""
        self.chosen, self.adding = None, True
        for edit in (self.name, self.url, self.user, self.password):
            edit.clear()
        for edit in self.collections.values():
            edit.clear()
            edit.setText("")
        self.name.setEnabled(True)
        self.accounts.clearSelection()
        self.refresh()
        self.name.setFocus()

    def _last_text(self, account) -> str:
        if account is None:
            if self.status is not None and self.status.accounts:
                return tr("A new sync account: give its name and server above, then Save and check.")
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

        def done(info) -> None:
            self.save_button.setEnabled(True)
            self.password.clear()
            self.chosen, self.adding = info.name, False
            self.refresh()
            self.sync.configure()
            self.ctx.say(tr("The server answered; the sync is set up."))

        def failed(exc: Exception) -> None:
            self.save_button.setEnabled(True)
            messages.warn(self, tr("Not saved"), str(exc) if isinstance(exc, ServiceError) else repr(exc))

        name = self.chosen if self.chosen is not None else (self.name.text().strip() or None)
        self.ctx.ops.start(set_up, self.ctx.db, name=name, url=self.url.text(), user=self.user.text(),
                           password=self.password.text() or None, address_book=values["contacts"],
                           tasks=values["tasks"], visits=values["visits"], dates=values["dates"],
                           on_done=done, on_error=failed, owner=self)

    def sync_now(self) -> None:
        """The chosen account."""
        if self.chosen is not None and not self.sync.sync_now(self.chosen):
            self.ctx.say(tr("A sync is running already."))

    def sync_all(self) -> None:
        if not self.sync.sync_now():
            self.ctx.say(tr("A sync is running already."))

    def remove_account(self) -> None:
        from relationapp.exchange.dav.run import remove

        account = self._account()
        if account is None:
            return
        if not messages.ask(self, tr("Remove the sync account?"), tr(
                "The app stops syncing with '{name}' ({url}). The cards and events on that server stay there, "
                "and the people, follow-ups and visits stay in the app; only what the app knows of that server "
                "goes (its conflicts and deletions under review too).").format(name=account.name, url=account.url)):
            return
        self.chosen, self.adding = None, False
        self.ctx.ops.run(self, remove, self.ctx.db, name=account.name)

    def _started(self) -> None:
        self.sync_button.setEnabled(False)
        self.sync_all_button.setEnabled(False)
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
        elif summary is not None and len(summary.accounts) > 1:
            self.last.setText(summary.text())  # every account's line

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
