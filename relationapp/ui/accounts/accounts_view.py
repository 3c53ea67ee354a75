"""The accounts list: 50,000 rows stay instant (lazy model, sort and filter in SQL)."""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import QCheckBox, QComboBox, QPushButton

from relationapp.services.common.changes import Changes, Kind
from relationapp.services.customers import accounts as accounts_service
from relationapp.services.customers.staff import current_staff, list_staff
from relationapp.text import formatting
from relationapp.ui.common.i18n import tr
from relationapp.ui.common.labels import STAGE_LABELS
from relationapp.ui.common.page import Page
from relationapp.ui.common.staff_choice import StaffChoice
from relationapp.ui.lists.lazy_model import Column, LazyTableModel
from relationapp.ui.lists.list_view import LazyListView

COLUMNS = [
    Column(QT_TR_NOOP("Name"), lambda r: r.name, "name"),
    Column(QT_TR_NOOP("Stage"), lambda r: tr(STAGE_LABELS.get(r.stage, r.stage)), "stage"),
    Column(QT_TR_NOOP("City"), lambda r: r.city, "city"),
    Column(QT_TR_NOOP("Account manager"), lambda r: r.owner),
    Column(QT_TR_NOOP("Last touch"), lambda r: formatting.current().date(r.last_touch) if r.last_touch else ""),
    Column(QT_TR_NOOP("Phone"), lambda r: r.phone),
    Column(QT_TR_NOOP("E-mail"), lambda r: r.email),
]


def accounts_model(ctx, parent=None) -> LazyTableModel:
    return LazyTableModel(
        COLUMNS,
        id_source=lambda **q: accounts_service.list_account_ids(ctx.db, **q),
        count_source=lambda **q: accounts_service.count_account_ids(ctx.db, **q),
        row_source=lambda ids: accounts_service.account_rows(ctx.db, ids=ids),
        parent=parent,
    )


class AccountsView(Page, LazyListView):
    def __init__(self, ctx, parent=None):
        super().__init__(ctx, accounts_model(ctx), tr("accounts"), parent, one=tr("account"))
        self.model.setParent(self)
        self.stage = QComboBox(self)
        self.stage.addItem(tr("All stages"), None)
        for value, label in STAGE_LABELS.items():
            self.stage.addItem(tr(label), value)
        # as wide as "All stages", not as the longest lead stage: the list opens as wide as it needs
        self.stage.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.stage.setMinimumContentsLength(max(len(self.stage.itemText(0)), 10))
        self.manager = StaffChoice(tr("All account managers"), self)
        self._fill_managers()
        self.archived = QCheckBox(tr("Show archived"), self)
        self.new_button = QPushButton(tr("New account…"), self)
        for widget in (self.manager, self.stage, self.archived, self.new_button):
            self.toolbar.addWidget(widget)
        self.stage.currentIndexChanged.connect(lambda _i: self.model.set_query(stage=self.stage.currentData()))
        self.manager.currentIndexChanged.connect(lambda _i: self.model.set_query(owner_id=self.manager.currentData()))
        self.archived.toggled.connect(lambda on: self.model.set_query(include_archived=on))
        self.new_button.clicked.connect(self.new_account)
        self.activated.connect(ctx.open_account)
        self.set_empty_help("building-2", tr("No accounts yet. Add your first customer, or import them from a spreadsheet "
                                             "(File > Import…, Ctrl+I)."), tr("New account…"), lambda: self.new_account())
        self.watch(ctx)

    def filtered(self) -> bool:
        return super().filtered() or self.stage.currentData() is not None or self.manager.currentData() is not None

    def clear_filters(self) -> None:
        self.stage.setCurrentIndex(0)
        self.manager.setCurrentIndex(0)
        super().clear_filters()

    def _fill_managers(self) -> None:
        """One's own accounts first ("I am" in the settings), everyone's one click away."""
        self.manager.fill(list_staff(self.ctx.db), me=current_staff(self.ctx.db))
        self.model.set_query(owner_id=self.manager.currentData())

    def changes_seen(self, changes: Changes) -> None:
        if changes.touches(Kind.STAFF, Kind.SETTINGS):
            self._fill_managers()
        if not self.model.loaded:
            return
        if changes.touches(Kind.ACCOUNTS):
            self.model.reload()
        elif changes.touches(Kind.INTERACTIONS):
            self.model.refresh_rows()

    def new_account(self) -> None:
        from relationapp.ui.accounts.account_dialog import AccountDialog

        dialog = AccountDialog(self.ctx, parent=self)
        if dialog.exec():
            row = self.model.row_of(dialog.result_value.id)
            if row is not None:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
