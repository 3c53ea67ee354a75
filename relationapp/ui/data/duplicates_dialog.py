"""Review likely duplicates side by side and merge them into the one to keep."""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from relationapp.services.customers import duplicates
from relationapp.ui.common.accessibility import NamesItsControls
from relationapp.ui.common.i18n import tr
from relationapp.ui.common.widgets import plain_label

_ROWS = ((QT_TR_NOOP("Name"), "name"), (QT_TR_NOOP("E-mail"), "email"), (QT_TR_NOOP("Phone"), "phone"),
         (QT_TR_NOOP("City"), "city"), (QT_TR_NOOP("Account"), "account"),
         (QT_TR_NOOP("History (interactions, orders)"), "links"), (QT_TR_NOOP("Number"), "id"))


class DuplicatesDialog(NamesItsControls, QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(tr("Likely duplicates"))
        self.resize(900, 480)
        layout = QVBoxLayout(self)
        self.summary = plain_label("", self)
        layout.addWidget(self.summary)
        split = QSplitter(self)
        self.groups = QListWidget(split)
        self.groups.currentRowChanged.connect(self._show_group)
        right = QWidget(split)
        side = QVBoxLayout(right)
        self.table = QTableWidget(0, 0, right)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        side.addWidget(self.table)
        row = QHBoxLayout()
        row.addWidget(plain_label(tr("Keep"), right))
        self.keep = QComboBox(right)
        row.addWidget(self.keep, 1)
        self.merge_button = QPushButton(tr("Merge the others into it"), right)
        self.merge_button.clicked.connect(self.merge)
        row.addWidget(self.merge_button)
        side.addLayout(row)
        split.setStretchFactor(1, 3)
        layout.addWidget(split, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.found: list[duplicates.DuplicateGroup] = []
        self.reload()

    def reload(self) -> None:
        """Looking for duplicates reads every person and account: off the UI thread."""
        self.summary.setText(tr("Looking for likely duplicates…"))
        self.merge_button.setEnabled(False)
        self.ctx.tasks.run(lambda: duplicates.find_duplicates(self.ctx.db), on_done=self._found,
                           on_error=lambda exc: self.summary.setText(str(exc)))

    def _found(self, found: list) -> None:
        self.found = found
        self.groups.clear()
        for group in self.found:
            first = group.records[0]
            label = tr("Person: {name} ×{count} ({reason})") if group.kind == "person" else tr("Account: {name} ×{count} ({reason})")
            label = label.format(name=first.name, count=len(group.records), reason=group.reason)
            self.groups.addItem(QListWidgetItem(label))  # QListWidgetItem text is plain
        n = len(self.found)
        self.summary.setText(tr("Groups of likely duplicates: {count}.").format(count=n) if self.found
                             else tr("No likely duplicates found."))
        self.merge_button.setEnabled(bool(self.found))
        if self.found:
            self.groups.setCurrentRow(0)
        else:
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            self.keep.clear()

    def _show_group(self, index: int) -> None:
        if not (0 <= index < len(self.found)):
            return
        group = self.found[index]
        self.table.setColumnCount(len(group.records))
        self.table.setRowCount(len(_ROWS))
        self.table.setVerticalHeaderLabels([tr(label) for label, _ in _ROWS])
        self.table.setHorizontalHeaderLabels([f"#{r.id}" for r in group.records])
        for col, record in enumerate(group.records):
            for row, (_, attr) in enumerate(_ROWS):
                value = getattr(record, attr)
                item = QTableWidgetItem("" if value is None else str(value))
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, col, item)
        self.keep.clear()
        best = max(range(len(group.records)), key=lambda i: (group.records[i].links, -group.records[i].id))
        for record in group.records:
            self.keep.addItem(f"#{record.id} {record.name}", record.id)
        self.keep.setCurrentIndex(best)

    def merge(self) -> None:
        index = self.groups.currentRow()
        if not (0 <= index < len(self.found)):
            return
        group = self.found[index]
        survivor = self.keep.currentData()
        others = [r.id for r in group.records if r.id != survivor]
        fn = duplicates.merge_people if group.kind == "person" else duplicates.merge_accounts
        result = self.ctx.ops.run(self, lambda: fn(self.ctx.db, survivor_id=survivor, other_ids=others))
        if result is None:
            return
        self.ctx.say(tr("Merged {count} into #{number}.").format(count=len(others), number=survivor))
        self.reload()
