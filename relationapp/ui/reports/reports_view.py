"""Reports: a quarter's account reviews and portfolio report, and "Print review" on an account.

The batch runs on its own thread (which waits on the worker processes of
reports.batch) rather than on ctx.tasks: that single thread carries the
app's database writes, and a long batch must not hold them up.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import platformdirs
from PySide6.QtCore import QT_TR_NOOP, QCoreApplication, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from relationapp.errors import ServiceError
from relationapp.reports.reporting.batch import BatchResult, Scope, run_batch
from relationapp.services.common.changes import Kind
from relationapp.services.customers import accounts as accounts_service
from relationapp.services.customers import staff as staff_service
from relationapp.services.value import quarters
from relationapp.services.value.pyramid import CUSTOMER_TIERS, TIER_LABELS
from relationapp.text import formatting
from relationapp.ui.common import theme
from relationapp.ui.common.accessibility import NamesItsControls
from relationapp.ui.common.i18n import tr
from relationapp.ui.common.page import Page
from relationapp.ui.common.widgets import plain_label

QUARTERS_OFFERED = 12
AUDIENCES = (("internal", QT_TR_NOOP("Internal: everything, with notes and profit")),
             ("client", QT_TR_NOOP("Client: no personal notes, costs or other customers")))
SCOPES = (("all", QT_TR_NOOP("All customers")), ("tiers", QT_TR_NOOP("Tiers")),
          ("owner", QT_TR_NOOP("An account manager's accounts")), ("account", QT_TR_NOOP("One account")))


def quarter_choices(today: dt.date | None = None) -> list[str]:
    """The current quarter and the ones before it ("2026Q3"), newest first; the last completed is the default."""
    current = quarters.current(today)
    return [str(current.shift(-i)) for i in range(QUARTERS_OFFERED)]


def default_folder(quarter: str) -> Path:
    """Documents/relationapp/2026Q3: the machine form, so the folders sort by date."""
    return Path(platformdirs.user_documents_dir()) / "relationapp" / quarter


def open_path(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _quarter_box(parent) -> QComboBox:
    """The quarters in words ("3e kwartaal 2026"); each item's data is its machine form ("2026Q3")."""
    box = QComboBox(parent)
    fmt = formatting.current()
    for code in quarter_choices():
        box.addItem(fmt.quarter(quarters.parse(code)), code)
    box.setCurrentIndex(1)  # the last completed quarter
    return box


def _audience_box(parent) -> QComboBox:
    box = QComboBox(parent)
    for key, label in AUDIENCES:
        box.addItem(tr(label), key)
    return box


class BatchRun(QObject):
    """One batch on a background thread; progress and the outcome come back by signal."""

    progress = Signal(int, int, str)
    finished = Signal(object)  # BatchResult
    failed = Signal(object)  # Exception

    def __init__(self, db, *, parent=None, **batch_args):
        super().__init__(parent)
        self.db = db
        self.batch_args = batch_args
        self.cancel_event = threading.Event()
        self.thread = threading.Thread(target=self._run, name="report-batch", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def cancel(self) -> None:
        self.cancel_event.set()

    def wait(self, seconds: float = 60) -> bool:
        self.thread.join(seconds)
        return not self.thread.is_alive()

    def _run(self) -> None:
        try:
            result = run_batch(self.db, cancel=self.cancel_event,
                               progress=lambda p: self.progress.emit(p.done, p.total, p.last_file), **self.batch_args)
        except Exception as exc:  # shown on the page, on the UI thread
            self.failed.emit(exc)
        else:
            self.finished.emit(result)


class ReportsView(Page, QWidget):
    CHANGES = (Kind.STAFF,)  # the owner picker
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.run: BatchRun | None = None
        self.result: BatchResult | None = None
        outer = QHBoxLayout(self)  # the form keeps a readable width on a wide screen
        content = QWidget(self)
        content.setMaximumWidth(1000)
        outer.addWidget(content, 1)
        outer.addStretch(0)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        intro = plain_label(tr("Once a quarter: one PDF review per account and the portfolio report, "
                               "written into a folder."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        self.quarter = _quarter_box(self)
        self.quarter.currentIndexChanged.connect(lambda _: self._quarter_changed(self.quarter.currentData()))
        form.addRow(tr("Quarter"), self.quarter)

        self.scope = QComboBox(self)
        for key, label in SCOPES:
            self.scope.addItem(tr(label), key)
        form.addRow(tr("Accounts"), self.scope)
        self.scope_detail = QStackedWidget(self)
        self.scope_detail.addWidget(QWidget(self))
        tiers = QWidget(self)
        tiers_row = QHBoxLayout(tiers)
        tiers_row.setContentsMargins(0, 0, 0, 0)
        self.tier_boxes = {}
        for tier in CUSTOMER_TIERS:
            box = QCheckBox(tr(TIER_LABELS[tier]), tiers)
            box.setChecked(tier in ("top", "big"))
            self.tier_boxes[tier] = box
            tiers_row.addWidget(box)
        tiers_row.addStretch(1)
        self.scope_detail.addWidget(tiers)
        self.owner = QComboBox(self)
        self.scope_detail.addWidget(self.owner)
        self.account = QLineEdit(self)
        self.account.setPlaceholderText(tr("Name or number of the account"))
        self.account_completer = QCompleter([], self.account)
        self.account_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.account.setCompleter(self.account_completer)
        self.account.textEdited.connect(self._suggest_accounts)
        self.scope_detail.addWidget(self.account)
        form.addRow("", self.scope_detail)
        self.scope.currentIndexChanged.connect(self.scope_detail.setCurrentIndex)
        # "All customers" needs no detail: no empty row under it
        self.scope.currentIndexChanged.connect(lambda i: form.setRowVisible(self.scope_detail, i != 0))
        form.setRowVisible(self.scope_detail, False)

        self.audience = _audience_box(self)
        form.addRow(tr("For"), self.audience)
        self.with_portfolio = QCheckBox(tr("Also the portfolio report"), self)
        self.with_portfolio.setChecked(True)
        form.addRow("", self.with_portfolio)

        folder_row = QHBoxLayout()
        self.folder = QLineEdit(str(default_folder(self.quarter.currentData())), self)
        self._folder_is_default = True
        self.folder.textEdited.connect(lambda _: setattr(self, "_folder_is_default", False))
        choose = QPushButton(tr("Choose…"), self)
        choose.clicked.connect(self._choose_folder)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)
        form.addRow(tr("Folder"), folder_row)
        layout.addLayout(form)

        buttons = QHBoxLayout()
        self.run_button = QPushButton(tr("Write the reports"), self)
        self.run_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(tr("Cancel"), self)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.open_button = QPushButton(tr("Open"), self)
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_result)
        for button in (self.run_button, self.cancel_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.hide()  # shown from the first run on: an empty bar says nothing
        layout.addWidget(self.progress)
        self.status = plain_label("", self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.refresh()

    # --- choices ------------------------------------------------------------
    def refresh(self) -> None:
        current = self.owner.currentData()
        self.owner.clear()
        for member in staff_service.list_staff(self.ctx.db):
            self.owner.addItem(member.name, member.id)
        if current is not None and self.owner.findData(current) >= 0:
            self.owner.setCurrentIndex(self.owner.findData(current))

    def _suggest_accounts(self, text: str) -> None:
        names = [label for _, label in accounts_service.account_choices(self.ctx.db, search=text, limit=20)]
        self.account_completer.model().setStringList(names)

    def _quarter_changed(self, quarter: str) -> None:
        if self._folder_is_default:
            self.folder.setText(str(default_folder(quarter)))

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Folder for the reports"), self.folder.text())
        if folder:
            self.folder.setText(folder)
            self._folder_is_default = False

    def _scope(self) -> Scope:
        kind = self.scope.currentData()
        if kind == "tiers":
            chosen = tuple(t for t, box in self.tier_boxes.items() if box.isChecked())
            if not chosen:
                raise ServiceError(tr("Tick at least one tier."))
            return Scope(tiers=chosen)
        if kind == "owner":
            if self.owner.currentData() is None:
                raise ServiceError(tr("There is no account manager to choose."))
            return Scope(owner_id=self.owner.currentData())
        if kind == "account":
            text = self.account.text().strip()
            # "Name (City)" from the completer: the name is what identifies it
            if text.endswith(")") and " (" in text:
                text = text.rsplit(" (", 1)[0]
            return Scope(account_ids=(accounts_service.find_account(self.ctx.db, name_or_id=text).id,))
        return Scope()

    # --- running ------------------------------------------------------------
    def start(self) -> None:
        if self.run is not None:
            return
        try:
            scope = self._scope()
            quarter = quarters.parse(self.quarter.currentData())
        except ServiceError as exc:
            self._say(str(exc), error=True)
            return
        self.result = None
        self.open_button.setEnabled(False)
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setRange(0, 0)  # busy until the first file tells the total
        self.progress.show()
        self._say(tr("Preparing…"))
        self.run = BatchRun(self.ctx.db, parent=self, quarter=quarter, folder=self.folder.text(), scope=scope,
                            audience=self.audience.currentData(), include_portfolio=self.with_portfolio.isChecked())
        self.run.progress.connect(self._progress)
        self.run.finished.connect(self._finished)
        self.run.failed.connect(self._failed)
        QCoreApplication.instance().aboutToQuit.connect(self.run.cancel)  # quitting stops between files
        self.run.start()

    def cancel(self) -> None:
        if self.run is not None:
            self.run.cancel()
            self.cancel_button.setEnabled(False)
            self._say(tr("Stopping after the files being written now…"))

    def _progress(self, done: int, total: int, name: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self._say(tr("{done} of {total}: {name}").format(done=done, total=total, name=name))

    def _finished(self, result: BatchResult) -> None:
        self._stopped()
        self.result = result
        count = len(result.files) + (1 if result.portfolio else 0)
        self.progress.setRange(0, max(result.total, 1))
        self.progress.setValue(count)
        if result.cancelled:
            self._say(tr("Cancelled: {count} of {total} files written to {folder}.").format(
                count=count, total=result.total, folder=result.folder))
        elif count == 0:
            self._say(tr("No accounts in this choice; nothing written."))
        else:
            self._say(tr("{count} files written to {folder}.").format(count=count, folder=result.folder))
        self.open_button.setEnabled(count > 0)
        if count and not result.cancelled:
            self.open_result()

    def _failed(self, exc: Exception) -> None:
        self._stopped()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        message = str(exc) if isinstance(exc, ServiceError) else tr("The reports could not be written: {error}").format(error=exc)
        self._say(message, error=True)

    def _stopped(self) -> None:
        self.run = None
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def open_result(self) -> None:
        if self.result is None:
            return
        only = list(self.result.files) + ([self.result.portfolio] if self.result.portfolio else [])
        open_path(only[0] if len(only) == 1 else self.result.folder)

    def _say(self, text: str, *, error: bool = False) -> None:
        theme.mark(self.status, "error" if error else "body")
        self.status.setText(text)


class PrintReviewDialog(NamesItsControls, QDialog):
    """Quarter and audience for one account's review."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Print review"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.quarter = _quarter_box(self)
        self.audience = _audience_box(self)
        form.addRow(tr("Quarter"), self.quarter)
        form.addRow(tr("For"), self.audience)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def print_review(ctx, page, account_id: int) -> None:
    """The account page's "Print review…": ask quarter and audience, write the PDF, open it."""
    from relationapp.reports.reporting.account_review import write_account_review
    from relationapp.reports.reporting.batch import prepare_folder
    from relationapp.reports.reporting.file_names import formatter_for, review_file_name

    dialog = PrintReviewDialog(page)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    quarter = quarters.parse(dialog.quarter.currentData())
    audience = dialog.audience.currentData()
    name = accounts_service.get_account(ctx.db, account_id=account_id).name

    def write():
        folder = prepare_folder(default_folder(str(quarter)))
        # the name the command line gives by default, in the report's language
        path = folder / review_file_name(formatter_for(ctx.db), quarter, name, audience=audience)
        return write_account_review(ctx.db, account_id=account_id, quarter=quarter, path=path, audience=audience)

    ctx.say(tr("Writing the review…"))
    ctx.tasks.run(write, on_done=lambda path: (ctx.say(tr("Review written to {path}").format(path=path)), open_path(path)),
                  on_error=lambda exc: ctx.say(str(exc)))
