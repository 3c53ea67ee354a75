"""A person's privacy: export everything we hold on them, or erase them (with confirmation)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from relationapp.errors import ServiceError
from relationapp.services.customers import people as people_service
from relationapp.services.data_care import privacy
from relationapp.ui.common.accessibility import NamesItsControls
from relationapp.ui.common import messages
from relationapp.ui.common.errors import describe
from relationapp.ui.common.i18n import tr
from relationapp.ui.common.widgets import plain_label


class ErasePrompt(NamesItsControls, QDialog):
    """Erasing cannot be undone: the user types the name and chooses what happens to the history."""

    SHOWN = 5  # excerpts listed; the count says how many there are

    def __init__(self, name: str, parent=None, *, mentions=()):
        super().__init__(parent)
        self.name = name
        self.setWindowTitle(tr("Erase a person"))
        layout = QVBoxLayout(self)
        if mentions:
            lines = [f"• {m.excerpt}" for m in mentions[: self.SHOWN]]
            if len(mentions) > self.SHOWN:
                lines.append(tr("… and {count} more.").format(count=len(mentions) - self.SHOWN))
            summary = tr("{count} records mention them; these mentions are removed:").format(count=len(mentions))
        else:
            lines, summary = [], tr("No other records mention them.")
        self.mentions = plain_label("\n".join([summary, *lines]), self)
        self.mentions.setWordWrap(True)
        layout.addWidget(self.mentions)
        text = plain_label(
            tr("Erase {name} for good? Their details, dates, scores and enrolments are deleted and their name is "
               "removed from notes and subjects. This cannot be undone (except by restoring a backup).\n\n"
               "Type the name to confirm:").format(name=name), self)
        text.setWordWrap(True)
        layout.addWidget(text)
        self.typed = QLineEdit(self)
        layout.addWidget(self.typed)
        self.keep = QCheckBox(tr("Keep their interactions as account history, without their name"), self)
        self.keep.setChecked(True)
        layout.addWidget(self.keep)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.erase = self.buttons.addButton(tr("Erase"), QDialogButtonBox.ButtonRole.DestructiveRole)
        self.erase.setEnabled(False)
        self.erase.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.typed.textChanged.connect(lambda t: self.erase.setEnabled(t.strip().casefold() == name.strip().casefold()))


class PrivacyDialog(NamesItsControls, QDialog):
    def __init__(self, ctx, person_id: int | None = None, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(tr("Privacy of a person"))
        self.resize(520, 420)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(tr("Find the person by name or e-mail…"))
        self.search.textChanged.connect(self._find)
        row.addWidget(self.search)
        layout.addLayout(row)
        self.matches = QListWidget(self)
        self.matches.setAccessibleName(tr("People found"))
        self.matches.currentRowChanged.connect(self._chosen)
        layout.addWidget(self.matches)
        self.status = plain_label("", self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.busy = QProgressBar(self)  # while the mentions are looked for (off the UI thread)
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.hide()
        layout.addWidget(self.busy)
        actions = QHBoxLayout()
        self.export_button = QPushButton(tr("Export everything we hold…"), self)
        self.export_button.clicked.connect(self.export)
        self.erase_button = QPushButton(tr("Erase…"), self)
        self.erase_button.clicked.connect(self.erase)
        actions.addWidget(self.export_button)
        actions.addWidget(self.erase_button)
        layout.addLayout(actions)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self._ids: list[int] = []
        self._searching: int | None = None  # the person whose mentions are being looked for
        self._closed = False
        self._chosen(-1)
        if person_id is not None:
            self._fill(people_service.person_rows(ctx.db, ids=[person_id]))
            self.matches.setCurrentRow(0)

    def _find(self, text: str) -> None:
        ids = people_service.list_person_ids(self.ctx.db, search=text, include_archived=True)[:50] if text.strip() else []
        self._fill(people_service.person_rows(self.ctx.db, ids=ids))

    def _fill(self, rows) -> None:
        self.matches.clear()
        self._ids = [r.id for r in rows]
        for r in rows:
            self.matches.addItem(QListWidgetItem(f"{r.name}" + (f" — {r.account}" if r.account else "")
                                                 + (f" <{r.email}>" if r.email else "")))

    def person_id(self) -> int | None:
        row = self.matches.currentRow()
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def _chosen(self, _row: int) -> None:
        chosen = self.person_id() is not None
        self.export_button.setEnabled(chosen)
        self.erase_button.setEnabled(chosen and self._searching is None)

    def done(self, result: int) -> None:
        self._closed = True  # a search still running is ignored when it ends
        super().done(result)

    def searching(self) -> bool:
        """True while the mentions are being looked for (the erase button waits for them)."""
        return self._searching is not None

    def export(self) -> None:
        person_id = self.person_id()
        if person_id is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, tr("Export everything we hold"), str(Path.home() / f"person-{person_id}.json"),
                                              "JSON (*.json)")
        if not name:
            return
        from relationapp.reports.data_care.privacy_export import export_person

        pdf = str(Path(name).with_suffix(".pdf"))
        written = self.ctx.ops.run(self, lambda: export_person(self.ctx.db, person_id=person_id, out=name, pdf=pdf))
        if written:
            self.status.setText(tr("Written: {files}").format(files=", ".join(str(p) for p in written)))

    def erase(self) -> None:
        """Look for the mentions off the UI thread (slow in a big file), then ask to confirm."""
        person_id = self.person_id()
        if person_id is None or self._searching is not None:
            return
        detail = people_service.get_person(self.ctx.db, person_id=person_id)
        db = self.ctx.db
        self._set_searching(person_id)
        self.status.setText(tr("Looking for records that mention {name}…").format(name=detail.name))
        self.ctx.tasks.run(lambda: privacy.find_mentions(db, person_id=person_id),
                           on_done=lambda mentions: self._mentions_found(person_id, detail.name, mentions),
                           on_error=lambda exc: self._mentions_failed(person_id, exc), owner=self)

    def _set_searching(self, person_id: int | None) -> None:
        self._searching = person_id
        self.busy.setVisible(person_id is not None)
        self._chosen(self.matches.currentRow())

    def _current_search(self, person_id: int) -> bool:
        """The result of a search still wanted: the dialog is open and no other search took over."""
        if self._closed or self._searching != person_id:
            return False
        self._set_searching(None)
        self.status.setText("")
        return True

    def _mentions_failed(self, person_id: int, exc: Exception) -> None:
        if not self._current_search(person_id):
            return
        text = str(exc) if isinstance(exc, ServiceError) else describe(exc, db_path=self.ctx.db.path)
        messages.warn(self, tr("Erase a person"), text)

    def _mentions_found(self, person_id: int, name: str, mentions) -> None:
        if not self._current_search(person_id):
            return
        prompt = ErasePrompt(name, self, mentions=mentions)
        if prompt.exec() != QDialog.DialogCode.Accepted:
            return
        keep = prompt.keep.isChecked()
        # scrubbing a name from every touch and the search index takes seconds in a big file: off the UI thread
        self._set_searching(person_id)
        self.status.setText(tr("Erasing {name}…").format(name=name))
        self.ctx.ops.start(privacy.erase_person, self.ctx.db, person_id=person_id, keep_interactions=keep,
                           on_done=lambda result: self._erased(person_id, result),
                           on_error=lambda exc: self._erase_failed(person_id, exc), owner=self)

    def _erase_failed(self, person_id: int, exc: Exception) -> None:
        if self._searching == person_id:
            self._set_searching(None)
            self.status.setText("")
        if self._closed:
            return
        text = str(exc) if isinstance(exc, ServiceError) else describe(exc, db_path=self.ctx.db.path)
        messages.warn(self, tr("Not erased"), text)

    def _erased(self, person_id: int, result) -> None:
        if self._searching == person_id:
            self._set_searching(None)
        if self._closed:  # closed while erasing: the pages heard of it, nothing more to show
            return
        self.status.setText(tr("Erased. Interactions kept without the name: {kept}; deleted: {deleted}.").format(
            kept=result.interactions_kept, deleted=result.interactions_deleted))
        self._find(self.search.text())
        messages.inform(self, tr("Erased"), tr("The person is erased. Older backups still hold them until they are "
                                                       "replaced by newer ones."))


def open_privacy(ctx, parent, person_id: int) -> None:
    """For a person page or dialog: the privacy actions for this person."""
    PrivacyDialog(ctx, person_id=person_id, parent=parent).exec()
