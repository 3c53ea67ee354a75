"""The search box in the toolbar: type any word of a name, city, e-mail or phone."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit

from relationapp.services.customers.search import search
from relationapp.ui.common.i18n import tr
from relationapp.ui.common.icons import icon

HIT_ROLE = Qt.ItemDataRole.UserRole + 1


class GlobalSearch(QLineEdit):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setPlaceholderText(tr("Find a person or account…  (Ctrl+K)"))
        self.setAccessibleName(tr("Find a person or account"))
        self.setClearButtonEnabled(True)
        self.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.setMinimumWidth(320)
        self.setMaximumWidth(520)
        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, self)
        # the service already matched; show its hits as they are
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setMaxVisibleItems(15)
        self.setCompleter(self.completer)
        self.completer.activated.connect(self._chosen_text)
        self._hits: dict[str, object] = {}
        self._timer = QTimer(self, singleShot=True, interval=100)
        self._timer.timeout.connect(self.run_search)
        self.textEdited.connect(lambda _t: self._timer.start())
        self.returnPressed.connect(self._open_first)

    def run_search(self) -> None:
        hits = search(self.ctx.db, text=self.text(), limit=15)
        self.model.clear()
        self._hits = {}
        for hit in hits:
            label = f"{hit.name} — {hit.detail}" if hit.detail else hit.name
            if label in self._hits:  # an account and a person of the same name: the icon alone is not text
                label = f"{label} ({tr('account') if hit.kind == 'account' else tr('person')})"
            item = QStandardItem(icon("building-2" if hit.kind == "account" else "user"), label)
            item.setData(hit, HIT_ROLE)
            self.model.appendRow(item)
            self._hits[label] = hit
        if not hits and self.text().strip():
            # an empty popup looked broken: say that nothing matched (not choosable)
            item = QStandardItem(tr("No account or person matches '{text}'.").format(text=self.text().strip()))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.model.appendRow(item)
        if self.model.rowCount():
            self.completer.complete()

    def _chosen_text(self, label: str) -> None:
        hit = self._hits.get(label)
        if hit is not None:
            self.open_hit(hit)

    def _open_first(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.run_search()
        if self._hits:
            self.open_hit(next(iter(self._hits.values())))

    def open_hit(self, hit) -> None:
        self.completer.popup().hide()
        self.clear()
        if hit.account_id is not None:
            self.ctx.open_account(hit.account_id)
        else:
            self.ctx.open_person(hit.id)
