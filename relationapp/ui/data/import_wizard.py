"""The import wizard: file and kind, columns, a preview of every row's problems, then import.

Reading, checking and writing run off the UI thread (``ctx.tasks``); the
wizard only shows what the importer found. Nothing is written before the
user presses Import on the preview page, and then all or nothing. When rows
have problems the preview lists each one (file, row, column, why) and the
button reads "Import the N good rows": pressing it leaves the bad rows out;
Cancel writes nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TR_NOOP, QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableView,
    QTableWidget,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from relationapp.exchange import columns as column_specs
from relationapp.ui.common import theme
from relationapp.ui.common.accessibility import NamesItsControls
from relationapp.ui.common.i18n import tr
from relationapp.ui.common.widgets import plain_label

KINDS = [
    ("accounts", QT_TR_NOOP("Accounts (organisations and private customers)")),
    ("people", QT_TR_NOOP("People")),
    ("orders", QT_TR_NOOP("Orders (revenue from the accounting package)")),
    ("interactions", QT_TR_NOOP("Interactions (visits, calls, ...)")),
    ("vcard", QT_TR_NOOP("Contacts from a vCard file (.vcf)")),
]
PRESETS = [("", QT_TR_NOOP("Recognise the column names")), ("google", QT_TR_NOOP("Google Contacts export")),
           ("outlook", QT_TR_NOOP("Outlook export")), ("relationapp", QT_TR_NOOP("relationapp's own export"))]
NOT_IMPORTED = QT_TR_NOOP("(not imported)")
# io.columns.FIELDS names the fields in English (no Qt there); marked here for lupdate
# (tests/ui/test_i18n.py checks none is missing)
FIELD_TEXTS = (
    QT_TR_NOOP("Name"), QT_TR_NOOP("Kind"), QT_TR_NOOP("Stage"), QT_TR_NOOP("Street"), QT_TR_NOOP("Postcode"),
    QT_TR_NOOP("City"), QT_TR_NOOP("Region"), QT_TR_NOOP("Country"), QT_TR_NOOP("Phone"), QT_TR_NOOP("E-mail"),
    QT_TR_NOOP("Website"), QT_TR_NOOP("Customer since"), QT_TR_NOOP("Annual budget"), QT_TR_NOOP("Source detail"),
    QT_TR_NOOP("Notes"), QT_TR_NOOP("First name"), QT_TR_NOOP("Middle name"), QT_TR_NOOP("Last name"),
    QT_TR_NOOP("Organisation"), QT_TR_NOOP("Job title"), QT_TR_NOOP("Birthday"), QT_TR_NOOP("Birthday day"),
    QT_TR_NOOP("Birthday month"), QT_TR_NOOP("Birthday year"), QT_TR_NOOP("Role"), QT_TR_NOOP("Preferred channel"),
    QT_TR_NOOP("Do not contact"), QT_TR_NOOP("Consent date"), QT_TR_NOOP("Family"), QT_TR_NOOP("Customer"),
    QT_TR_NOOP("Date"), QT_TR_NOOP("Amount"), QT_TR_NOOP("Cost of goods"), QT_TR_NOOP("Reference"),
    QT_TR_NOOP("Description"), QT_TR_NOOP("Account"), QT_TR_NOOP("Minutes"), QT_TR_NOOP("Subject"),
    QT_TR_NOOP("Person"), QT_TR_NOOP("Gift"), QT_TR_NOOP("Gift cost"),
)
ADDED = {
    "accounts": QT_TR_NOOP("{count} accounts added."), "people": QT_TR_NOOP("{count} people added."),
    "orders": QT_TR_NOOP("{count} orders added."), "interactions": QT_TR_NOOP("{count} interactions added."),
}


class PreviewModel(QAbstractTableModel):
    """The previewed rows: row number, the mapped cells, and the row's problems."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._headers: list[str] = []
        self._rows: list[tuple] = []  # (number, the cells' text at an index, problems)

    def set_csv(self, preview) -> None:
        self.beginResetModel()
        self._headers = [tr("Row"), tr("Problems"), *(tr(label) for label in preview.labels)]
        self._rows = [(r.row, r.value, r.problems) for r in preview.rows]
        self.endResetModel()

    def set_cards(self, preview) -> None:
        self.beginResetModel()
        self._headers = [tr("Card"), tr("Problems"), tr("Name")]
        self._rows = [(c.number, lambda i, name=c.name: name if i == 0 else "", c.problems + c.notes)
                      for c in preview.cards]
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows = []
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        """Column 0 the row number, 1 its problems (first: they are what the user must see), then the cells."""
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        number, cell, problems = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == 0:
                return str(number)
            if col == 1:
                texts = [_without_place(p).rstrip(".") for p in problems]
                return "; ".join(texts) if role == Qt.ItemDataRole.DisplayRole else "\n".join(texts)
            value = cell(col - 2)
            return value.replace("\n", " ⏎ ") if role == Qt.ItemDataRole.DisplayRole else value
        if role == Qt.ItemDataRole.ForegroundRole and col == 1 and problems:
            return theme.accent("error")
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        return None


def _without_place(problem: str) -> str:
    """ "people.csv row 4: Mobile Phone: 'x' is not ..." -> "Mobile Phone: 'x' is not ..." (the row is in column 0)."""
    return problem.split(": ", 1)[-1]


class SourcePage(QWizardPage):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(tr("What to import"))
        self.setSubTitle(tr("A CSV file from a spreadsheet, Google, Outlook or the accounting package, or a vCard file."))
        form = QFormLayout(self)
        row = QHBoxLayout()
        self.path = QLineEdit(self)
        self.path.setPlaceholderText(tr("Choose a file…"))
        browse = QPushButton(tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        row.addWidget(self.path)
        row.addWidget(browse)
        form.addRow(tr("File"), row)
        self.kind = QComboBox(self)
        for key, label in KINDS:
            self.kind.addItem(tr(label), key)
        form.addRow(tr("Import as"), self.kind)
        self.path.textChanged.connect(self._path_changed)
        self.path.textChanged.connect(self.completeChanged)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, tr("Import file"), str(Path.home()),
                                              tr("CSV or vCard (*.csv *.txt *.vcf);;All files (*)"))
        if name:
            self.path.setText(name)

    def _path_changed(self, text: str) -> None:
        if text.lower().endswith(".vcf"):
            self.kind.setCurrentIndex(self.kind.findData("vcard"))

    def isComplete(self) -> bool:
        return Path(self.path.text().strip()).is_file()

    def nextId(self) -> int:
        return ImportWizard.PREVIEW if self.kind.currentData() == "vcard" else ImportWizard.COLUMNS


class ColumnsPage(QWizardPage):
    """Which column holds what; presets for known programs; the file's conventions."""

    def __init__(self, wizard: "ImportWizard"):
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(tr("Columns"))
        self.setSubTitle(tr("Check what each column is imported as. Recognised columns are filled in already."))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.preset = QComboBox(self)
        for key, label in PRESETS:
            self.preset.addItem(tr(label), key)
        self.preset.currentIndexChanged.connect(self._load)
        form.addRow(tr("Made by"), self.preset)
        self.decimal = QComboBox(self)
        for value, label in ((None, tr("Detect from the file")), (True, tr("1.234,56 (decimal comma)")),
                             (False, tr("1,234.56 (decimal point)"))):
            self.decimal.addItem(label, value)
        form.addRow(tr("Amounts"), self.decimal)
        self.dates = QComboBox(self)
        for value, label in ((None, tr("Detect from the file")), (True, tr("31-12-2025 (day first)")),
                             (False, tr("12/31/2025 (month first)"))):
            self.dates.addItem(label, value)
        form.addRow(tr("Dates"), self.dates)
        layout.addLayout(form)
        self.info = plain_label("", self)
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([tr("Column in the file"), tr("Imported as")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table)
        self.problem = plain_label("", self)
        theme.mark(self.problem, "error")
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        self._combos: list[tuple[str, QComboBox]] = []
        self._columns = None

    def initializePage(self) -> None:
        self._load()

    def _load(self) -> None:
        from relationapp.errors import ServiceError
        from relationapp.exchange.csv_import import inspect_csv

        self.table.setRowCount(0)
        self._combos = []
        self._columns = None
        try:
            cols = inspect_csv(path=self.wiz.path(), kind=self.wiz.kind(), mapping=self.preset.currentData() or None)
        except ServiceError as exc:
            self.problem.setText(str(exc))
            self.completeChanged.emit()
            return
        self._columns = cols
        delimiter = {",": tr("comma"), ";": tr("semicolon"), "\t": tr("tab")}.get(cols.delimiter, cols.delimiter)
        self.info.setText(tr("{file}: {encoding} text, columns separated by {delimiter}.").format(
            file=cols.path.name, encoding=cols.encoding, delimiter=delimiter))
        self.table.setRowCount(len(cols.header))
        for row, header in enumerate(cols.header):
            item_label = plain_label(header or tr("(column {number} has no name)").format(number=row + 1))
            self.table.setCellWidget(row, 0, item_label)
            combo = QComboBox(self.table)
            combo.addItem(tr(NOT_IMPORTED), None)
            for field, label in cols.fields.items():
                combo.addItem(tr(label), field)
            current = cols.mapping.get(header)
            combo.setCurrentIndex(max(0, combo.findData(current)) if current else 0)
            combo.currentIndexChanged.connect(self._changed)
            self.table.setCellWidget(row, 1, combo)
            self._combos.append((header, combo))
        self._changed()

    def mapping(self) -> dict[str, str]:
        return {h: c.currentData() for h, c in self._combos if c.currentData()}

    def _changed(self, *_):
        chosen = self.mapping()
        missing = column_specs.missing_required({i: f for i, f in enumerate(chosen.values())}, self.wiz.kind())
        self.problem.setText(tr("Choose a column for: {fields}.").format(fields=", ".join(tr(label) for label in missing)) if missing else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self._columns is not None and not self.problem.text()


class PreviewPage(QWizardPage):
    """Every row with its problems, and a list of every problem; Import writes all rows or, when some
    have problems, "Import the N good rows" writes the others. Nothing is written before that press."""

    def __init__(self, wizard: "ImportWizard"):
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(tr("Preview"))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, tr("Import"))
        layout = QVBoxLayout(self)
        self.summary = plain_label("", self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.model = PreviewModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.view, 3)
        self.problems_title = plain_label(tr("Problems, one per line:"), self)
        layout.addWidget(self.problems_title)
        self.problem_list = QListWidget(self)  # plain text items: the file's text is shown as it is
        self.problem_list.setWordWrap(True)
        self.problem_list.setAlternatingRowColors(True)
        layout.addWidget(self.problem_list, 2)
        self.problems_title.hide()
        self.problem_list.hide()
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.hide()
        layout.addWidget(self.progress)
        self.preview = None
        self.result = None
        self._busy = False

    def initializePage(self) -> None:
        self.preview = None
        self.result = None
        self.model.clear()
        self.problem_list.clear()
        self.problems_title.hide()
        self.problem_list.hide()
        self._set_import_text(0, 0)
        self.summary.setText(tr("Reading and checking every row…"))
        self._start(self.wiz.make_preview, self._previewed, with_progress=True)

    def _start(self, fn, on_done, *, with_progress: bool = False, writes: bool = False) -> None:
        self._busy = True
        self.progress.setRange(0, 0)  # busy until the first progress report
        self.progress.show()
        self.completeChanged.emit()
        if writes:  # the import itself: an operation, its changes broadcast when it ends
            self.wiz.ctx.ops.start(fn, on_done=on_done, on_error=self._failed, owner=self)
            return
        self.wiz.ctx.tasks.run(fn, on_done=on_done, on_error=self._failed,
                               on_progress=self._progressed if with_progress else None)

    def _progressed(self, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.summary.setText(text)

    def _previewed(self, preview) -> None:
        self._busy = False
        self.progress.hide()
        self.preview = preview
        cards = not hasattr(preview, "labels")
        if not cards:
            self.model.set_csv(preview)
            total, bad = len(preview.rows), len(preview.bad_rows)
            problems = list(preview.problems)
        else:
            self.model.set_cards(preview)
            total, bad = len(preview.cards), sum(1 for c in preview.cards if c.problems)
            problems = [p for c in preview.cards for p in c.problems]
        self.view.setColumnWidth(0, 50)
        self.view.setColumnWidth(1, 320 if bad else 120)
        good = total - bad
        if bad and good:
            summary = tr("{total} rows, {bad} with problems (listed below). Fix the file and start again, "
                         "or import the {good} good rows and leave the others out.") if not cards else \
                tr("{total} cards, {bad} with problems (listed below). Fix the file and start again, "
                   "or import the {good} good cards and leave the others out.")
        elif bad:
            summary = tr("{total} rows, all with problems (listed below): nothing can be imported.") if not cards else \
                tr("{total} cards, all with problems (listed below): nothing can be imported.")
        else:
            summary = tr("{total} rows, {bad} with problems. Every row can be imported; rows we already have are left alone.") \
                if not cards else tr("{total} cards, none with problems. Every card can be imported; "
                                     "people we already have are left alone.")
        self.summary.setText(summary.format(total=total, bad=bad, good=good))
        self.problem_list.clear()
        self.problem_list.addItems(problems)
        self.problems_title.setVisible(bool(problems))
        self.problem_list.setVisible(bool(problems))
        self._set_import_text(bad, good, cards=cards)
        self.completeChanged.emit()

    def _set_import_text(self, bad: int, good: int, *, cards: bool = False) -> None:
        """ "Import", or with bad rows "Import the N good rows" (the bad ones are left out)."""
        if bad:
            text = (tr("Import the {count} good cards") if cards else tr("Import the {count} good rows")).format(count=good)
        else:
            text = tr("Import")
        self.setButtonText(QWizard.WizardButton.CommitButton, text)  # the wizard's button changes at once

    def _failed(self, exc: Exception) -> None:
        self._busy = False
        self.progress.hide()
        self.summary.setText(str(exc) if _is_user_error(exc) else tr("The import stopped: {error}").format(error=exc))
        self.completeChanged.emit()

    def bad_count(self) -> int:
        if self.preview is None:
            return 0
        if hasattr(self.preview, "bad_rows"):
            return len(self.preview.bad_rows)
        return sum(1 for c in self.preview.cards if c.problems)

    def good_count(self) -> int:
        if self.preview is None:
            return 0
        if hasattr(self.preview, "bad_rows"):
            return len(self.preview.rows) - len(self.preview.bad_rows)
        return sum(1 for c in self.preview.cards if not c.problems)

    def isComplete(self) -> bool:
        """Import can be pressed once the preview is there and something can be imported."""
        return (not self._busy and self.preview is not None and (self.bad_count() == 0 or self.good_count() > 0)) \
            or self.result is not None

    def validatePage(self) -> bool:
        if self.result is not None:
            return True
        # pressing "Import the N good rows" is the user's choice to leave the bad ones out
        preview, skip = self.preview, self.bad_count() > 0
        self.summary.setText(tr("Importing…"))
        self._start(lambda: self.wiz.commit(preview, skip), self._committed, writes=True)
        return False

    def _committed(self, result) -> None:
        self._busy = False
        self.progress.hide()
        self.result = result
        self.wiz.finished_import(result)
        self.wiz.next()


def _is_user_error(exc: Exception) -> bool:
    from relationapp.errors import ServiceError

    return isinstance(exc, ServiceError)


class DonePage(QWizardPage):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(tr("Imported"))
        layout = QVBoxLayout(self)
        self.text = plain_label("", self)
        self.text.setWordWrap(True)
        layout.addWidget(self.text)
        self.setFinalPage(True)


class ImportWizard(NamesItsControls, QWizard):
    SOURCE, COLUMNS, PREVIEW, DONE = range(4)

    def __init__(self, ctx, parent=None, *, path: str | None = None, kind: str | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(tr("Import"))
        self.source = SourcePage(self)
        self.columns = ColumnsPage(self)
        self.preview_page = PreviewPage(self)
        self.done_page = DonePage(self)
        self.setPage(self.SOURCE, self.source)
        self.setPage(self.COLUMNS, self.columns)
        self.setPage(self.PREVIEW, self.preview_page)
        self.setPage(self.DONE, self.done_page)
        self.resize(820, 560)
        if path:
            self.source.path.setText(path)
        if kind:
            self.source.kind.setCurrentIndex(self.source.kind.findData(kind))

    def path(self) -> str:
        return self.source.path.text().strip()

    def kind(self) -> str:
        return self.source.kind.currentData()

    def make_preview(self, progress=None):
        """Runs off the UI thread."""
        if self.kind() == "vcard":
            from relationapp.exchange.vcard import preview_vcards

            return preview_vcards(self.path())
        from relationapp.exchange.csv_import import preview_csv

        return preview_csv(self.ctx.db, path=self.path(), kind=self.kind(), mapping=self.columns.mapping(),
                           decimal_comma=self.columns.decimal.currentData(), day_first=self.columns.dates.currentData(),
                           progress=progress)

    def commit(self, preview, skip: bool):
        """Runs off the UI thread: one transaction."""
        if self.kind() == "vcard":
            from relationapp.exchange.vcard import commit_vcards

            return commit_vcards(self.ctx.db, preview=preview, skip_bad_cards=skip)
        from relationapp.exchange.csv_import import commit_csv

        return commit_csv(self.ctx.db, preview=preview, skip_bad_rows=skip)

    def finished_import(self, result) -> None:
        added = tr(ADDED[result.kind]) if result.kind in ADDED else tr("{count} {kind} added.")
        lines = [added.format(count=result.added, kind=result.kind),
                 tr("{count} were already there and were left alone.").format(count=result.existing)]
        if result.accounts_added:
            lines.append(tr("{count} new accounts were made for their organisations.").format(count=result.accounts_added))
        if result.skipped_bad:
            left_out = tr("{count} cards with problems were left out.") if self.kind() == "vcard" \
                else tr("{count} rows with problems were skipped.")
            lines.append(left_out.format(count=result.skipped_bad))
        self.done_page.text.setText("\n".join(lines))


def open_import_wizard(ctx, window) -> None:
    """File ▸ Import… (registered in ui/pages.py)."""
    ImportWizard(ctx, window).exec()
