"""The people list: everyone we know, by name, lazily loaded."""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import QAbstractItemView, QPushButton

from relationapp.services.common.changes import Kind
from relationapp.services.customers import people as people_service
from relationapp.ui.common.i18n import tr
from relationapp.ui.common.page import Page
from relationapp.ui.lists.lazy_model import Column, LazyTableModel
from relationapp.ui.lists.list_view import LazyListView
from relationapp.ui.relationships.referral_widgets import ambassador_column

COLUMNS = [
    Column(QT_TR_NOOP("Name"), lambda r: r.name, "name"),
    Column(QT_TR_NOOP("Account"), lambda r: r.account),
    Column(QT_TR_NOOP("Job title"), lambda r: r.job_title, "job_title"),
    Column(QT_TR_NOOP("Birthday"), lambda r: r.birthday),
    Column(QT_TR_NOOP("Phone"), lambda r: r.phone),
    Column(QT_TR_NOOP("E-mail"), lambda r: r.email, "email"),
]


def people_model(ctx, parent=None) -> LazyTableModel:
    return LazyTableModel(
        COLUMNS + [ambassador_column(ctx)],
        id_source=lambda **q: people_service.list_person_ids(ctx.db, **q),
        count_source=lambda **q: people_service.count_person_ids(ctx.db, **q),
        row_source=lambda ids: people_service.person_rows(ctx.db, ids=ids),
        parent=parent,
    )


class PeopleView(Page, LazyListView):
    CHANGES = (Kind.PEOPLE, Kind.ACCOUNTS)

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, people_model(ctx), tr("people"), parent, one=tr("person"))
        self.model.setParent(self)
        self.new_button = QPushButton(tr("New person…"), self)
        self.open_account = QPushButton(tr("Open account"), self)
        self.export_button = QPushButton(tr("Export vCards…"), self)
        self.export_button.setToolTip(tr("The selected people as one vCard file (Ctrl+click or Shift+click to select several)"))
        self.toolbar.addWidget(self.open_account)
        self.toolbar.addWidget(self.export_button)
        self.toolbar.addWidget(self.new_button)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.export_button.clicked.connect(self._export_selected)
        self.new_button.clicked.connect(self.new_person)
        self.open_account.clicked.connect(self._open_account)
        self.activated.connect(self.edit_person)
        self.set_empty_help("users", tr("No people yet. Add a contact person, or import your address book "
                                        "(File > Import…, Ctrl+I: vCard or CSV)."), tr("New person…"), lambda: self.new_person())
        self.watch(ctx)

    def new_person(self) -> None:
        from relationapp.ui.people.person_dialog import PersonDialog

        PersonDialog(self.ctx, parent=self).exec()

    def edit_person(self, person_id: int) -> None:
        from relationapp.ui.people.person_dialog import PersonDialog

        PersonDialog(self.ctx, person_id=person_id, parent=self).exec()

    def _export_selected(self) -> None:
        from relationapp.ui.data.data_actions import export_selected_vcards

        export_selected_vcards(self.ctx, self, self.selected_ids())

    def _open_account(self) -> None:
        person_id = self.selected_id()
        if person_id is None:
            return
        row = self.model.item(self.table.currentIndex().row())
        if row is not None and row.account_id:
            self.ctx.open_account(row.account_id)
