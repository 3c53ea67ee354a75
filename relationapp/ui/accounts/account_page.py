"""One account: who they are, their people, every touch, open follow-ups, notes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QT_TR_NOOP, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from relationapp.errors import NotFound
from relationapp.services.common.changes import Changes
from relationapp.services.customers import accounts as accounts_service
from relationapp.services.customers import people as people_service
from relationapp.services.leads.stages import stage_history
from relationapp.services.touches import follow_ups as follow_ups_service
from relationapp.services.touches import interactions as interactions_service
from relationapp.text import formatting
from relationapp.ui.common import theme
from relationapp.ui.common import messages
from relationapp.ui.common.empty_state import EmptyState
from relationapp.ui.common.flow_layout import FlowLayout
from relationapp.ui.common.i18n import tr
from relationapp.ui.common.labels import STAGE_LABELS
from relationapp.ui.common.tables import read_only_table
from relationapp.ui.common.widgets import plain_label
from relationapp.ui.lists.lazy_model import Column
from relationapp.ui.lists.rows_model import RowsModel
from relationapp.ui.people.person_dialog import ROLES
from relationapp.ui.shell import pages
from relationapp.ui.touches.log_interaction import KINDS

ROLE_LABELS = dict(ROLES)
KIND_LABELS = {**dict(KINDS), "stage": QT_TR_NOOP("Stage change")}


@dataclass(frozen=True)
class StageEntry:
    """A stage change shown among the touches of the timeline (read only: not an interaction)."""

    occurred_on: dt.date
    subject: str
    staff: str | None
    notes: str
    id: None = None
    kind: str = "stage"
    people: tuple = ()
    gift_item: None = None
    duration_minutes: int = 0


def timeline_rows(db, account_id: int, *, limit: int = 500) -> list:
    """The account's touches and its stage changes (who, when, why), newest first."""
    touches = interactions_service.list_interactions(db, account_id=account_id, limit=limit)
    changes = [StageEntry(span.since, " → ".join(tr(STAGE_LABELS.get(s, s)) for s in (span.from_stage, span.stage) if s),
                          span.by, span.reason or "")
               for span in stage_history(db, account_id=account_id)]
    return sorted(touches + changes, key=lambda row: row.occurred_on, reverse=True)

MAIL_DIRECTION_LABELS = {"in": QT_TR_NOOP("E-mail received"), "out": QT_TR_NOOP("E-mail sent")}


def _kind(row) -> str:
    """The touch's kind in words; an e-mail says which way it went (a stage change has no kind of its own)."""
    direction = getattr(row, "direction", None)
    if row.kind == "email" and direction in MAIL_DIRECTION_LABELS:
        return tr(MAIL_DIRECTION_LABELS[direction])
    return tr(KIND_LABELS.get(row.kind, row.kind))


PEOPLE_COLUMNS = [
    Column(QT_TR_NOOP("Name"), lambda p: p.name),
    Column(QT_TR_NOOP("Job title"), lambda p: p.job_title),
    Column(QT_TR_NOOP("Role"), lambda p: tr(ROLE_LABELS[p.dmu_role]) if p.dmu_role in ROLE_LABELS else ""),
    Column(QT_TR_NOOP("Birthday"), lambda p: people_service.format_birthday(p.birthday_day, p.birthday_month, p.birthday_year)),
    Column(QT_TR_NOOP("Phone"), lambda p: p.phone),
    Column(QT_TR_NOOP("E-mail"), lambda p: p.email),
    Column(QT_TR_NOOP("Family"), lambda p: p.family_notes),
]
TIMELINE_COLUMNS = [
    Column(QT_TR_NOOP("Date"), lambda i: i.occurred_on),
    Column(QT_TR_NOOP("Kind"), lambda i: _kind(i)),
    Column(QT_TR_NOOP("With"), lambda i: ", ".join(i.people)),
    Column(QT_TR_NOOP("Subject"), lambda i: i.subject or (f"{i.gift_item}" if i.gift_item else "")),
    Column(QT_TR_NOOP("Minutes"), lambda i: i.duration_minutes or "", align_right=True),
    Column(QT_TR_NOOP("By"), lambda i: i.staff),
    Column(QT_TR_NOOP("Note"), lambda i: (i.notes or "").replace("\n", " ")),
]
FOLLOW_UP_COLUMNS = [
    Column(QT_TR_NOOP("Due"), lambda f: f.effective_due),
    Column(QT_TR_NOOP("What"), lambda f: f.title),
    Column(QT_TR_NOOP("Person"), lambda f: f.person),
    Column(QT_TR_NOOP("Note"), lambda f: f.notes),
]


def _table(model) -> QTableView:
    return read_only_table(model)  # the key column stretches, the others fit what the first rows hold


class AccountPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.account = None
        layout = QVBoxLayout(self)
        self.title = plain_label("", self)
        theme.mark(self.title, "title")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts = plain_label("", self)
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        # what the relationship is worth, first (the cached pyramid; off the UI thread when not cached)
        self.standing = plain_label("", self)
        theme.mark(self.standing, "subheading")
        layout.addWidget(self.standing)

        contact = FlowLayout()  # both rows wrap on a narrow window (200 % text)
        self.phone_button = QPushButton(self)
        self.email_button = QPushButton(self)
        self.map_button = QPushButton(tr("Open map"), self)
        self.web_button = QPushButton(tr("Website"), self)
        for button in (self.phone_button, self.email_button, self.map_button, self.web_button):
            contact.addWidget(button)
        layout.addLayout(contact)
        self.phone_button.clicked.connect(lambda: self._open(f"tel:{self.account.phone.replace(' ', '')}"))
        self.email_button.clicked.connect(lambda: self._open(f"mailto:{self.account.email}"))
        self.map_button.clicked.connect(lambda: self._open(self.map_url()))
        self.web_button.clicked.connect(lambda: self._open(self._website()))

        actions = FlowLayout()
        self.log_button = QPushButton(tr("Log interaction… (Ctrl+L)"), self)
        self.follow_up_button = QPushButton(tr("New follow-up…"), self)
        self.person_button = QPushButton(tr("Add person…"), self)
        self.edit_button = QPushButton(tr("Edit…"), self)
        self.archive_button = QPushButton(tr("Archive"), self)
        for button in (self.log_button, self.follow_up_button, self.person_button, self.edit_button, self.archive_button):
            actions.addWidget(button)
        self.action_buttons = []
        for entry in pages.ACCOUNT_ACTIONS:
            button = QPushButton(tr(entry.title), self)
            action = pages.load(entry.target)
            button.clicked.connect(lambda _=False, action=action: self.account and action(self.ctx, self, self.account.id))
            actions.addWidget(button)
            self.action_buttons.append(button)
        self.actions_layout = actions
        layout.addLayout(actions)
        self.log_button.clicked.connect(self.log_interaction)
        self.follow_up_button.clicked.connect(self.new_follow_up)
        self.person_button.clicked.connect(self.add_person)
        self.edit_button.clicked.connect(self.edit)
        self.archive_button.clicked.connect(self.toggle_archive)

        self.tabs = QTabWidget(self)
        self.people_model = RowsModel(PEOPLE_COLUMNS, self)
        self.timeline_model = RowsModel(TIMELINE_COLUMNS, self)
        self.follow_ups_model = RowsModel(FOLLOW_UP_COLUMNS, self)
        self.people_table = _table(self.people_model)
        self.timeline_table = _table(self.timeline_model)
        self.follow_ups_table = _table(self.follow_ups_model)
        self.people_table.doubleClicked.connect(self._edit_person)
        # an empty tab says what to do next, with the button that does it
        self.people_empty = EmptyState.over(self.people_table, "users", tr("No people at this account yet."),
                                            tr("Add person…"), lambda: self.add_person())
        self.timeline_empty = EmptyState.over(self.timeline_table, "message-square-plus",
                                              tr("Nothing logged with this account yet: log the first call, visit or e-mail."),
                                              tr("Log interaction…"), lambda: self.log_interaction())
        self.follow_ups_empty = EmptyState.over(self.follow_ups_table, "bell-plus", tr("No follow-ups open for this account."),
                                                tr("New follow-up…"), lambda: self.new_follow_up())
        self.timeline_table.doubleClicked.connect(self.edit_interaction)
        delete = QAction(tr("Delete interaction"), self.timeline_table)
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self.delete_interaction)
        self.timeline_table.addAction(delete)
        self.timeline_table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        follow_ups_tab = QWidget()
        fl = QVBoxLayout(follow_ups_tab)
        fl.addWidget(self.follow_ups_table)
        done = QPushButton(tr("Mark done"), follow_ups_tab)
        done.clicked.connect(self._mark_done)
        fl.addWidget(done, 0, Qt.AlignmentFlag.AlignLeft)
        self.notes = QPlainTextEdit(self)
        self.notes.setReadOnly(True)
        self.tabs.addTab(self.people_table, tr("People"))
        self.tabs.addTab(self.timeline_table, tr("Timeline"))
        self.tabs.addTab(follow_ups_tab, tr("Follow-ups"))
        self.tabs.addTab(self.notes, tr("Notes"))
        self.extra_tabs = []
        for entry in pages.ACCOUNT_TABS:
            tab = pages.load(entry.target)(ctx, self)
            self.extra_tabs.append(tab)
            self.tabs.addTab(tab, tr(entry.title))
        layout.addWidget(self.tabs, 1)
        ctx.changed.connect(self._changed)

    # --- showing ------------------------------------------------------------
    def set_account(self, account_id: int) -> None:
        try:
            self.account = accounts_service.get_account(self.ctx.db, account_id=account_id)
        except NotFound:
            self.account = None
            self.title.setText(tr("This account no longer exists."))
            return
        a = self.account
        self.title.setText(tr("{name}  (archived)").format(name=a.name) if a.archived else a.name)
        facts = [tr(STAGE_LABELS.get(a.stage, a.stage))]
        if a.customer_since:
            facts.append(tr("customer since {date}").format(date=formatting.current().date(a.customer_since)))
        if a.owner:
            facts.append(tr("account manager {name}").format(name=a.owner))
        if a.source:
            source = f"{a.source} ({a.source_detail})" if a.source_detail else a.source
            facts.append(tr("came through {source}").format(source=source))
        lines = [" · ".join(facts)]
        if a.address_line:
            lines.append(a.address_line)
        self.facts.setText("\n".join(lines))
        self._show_standing(a)
        self.phone_button.setText(tr("Call {phone}").format(phone=a.phone) if a.phone else tr("No phone"))
        self.phone_button.setEnabled(bool(a.phone))
        self.email_button.setText(tr("Mail {email}").format(email=a.email) if a.email else tr("No e-mail"))
        self.email_button.setEnabled(bool(a.email))
        self.map_button.setEnabled(bool(a.address_line or a.latitude is not None))
        self.web_button.setEnabled(bool(a.website))
        self.archive_button.setText(tr("Restore") if a.archived else tr("Archive"))
        self.people_model.set_rows(people_service.people_of_account(self.ctx.db, account_id=a.id))
        self.timeline_model.set_rows(timeline_rows(self.ctx.db, a.id))
        self.follow_ups_model.set_rows(follow_ups_service.list_follow_ups(self.ctx.db, account_id=a.id))
        notes = []
        if a.next_steps:
            notes.append(tr("Agreed next steps:") + "\n" + a.next_steps)
        if a.notes:
            notes.append(tr("Notes:") + "\n" + a.notes)
        self.notes.setPlainText("\n\n".join(notes))
        for tab in self.extra_tabs:
            tab.set_account(a.id)

    def _show_standing(self, account) -> None:
        from relationapp.services.value.pyramid import standing_of

        self.standing.setText("")
        db, account_id = self.ctx.db, account.id

        def shown(standing) -> None:
            if self.account is None or self.account.id != account_id or standing is None:
                return
            from relationapp.ui.common.labels import tier_label

            money = formatting.current().money(standing.revenue_12m, whole=True)
            if standing.tier in ("top", "big", "medium", "small"):
                text = tr("{tier} customer · {money} revenue in the last 12 months").format(tier=tier_label(standing.tier), money=money)
            else:
                text = tier_label(standing.tier)
            self.standing.setText(text)

        self.ctx.tasks.run(lambda: standing_of(db, account_id=account_id), on_done=shown, owner=self)

    def refresh(self) -> None:
        if self.account is not None:
            self.set_account(self.account.id)

    def _changed(self, changes: Changes) -> None:
        if self.account is not None and self.isVisible():
            self.refresh()

    def map_url(self) -> str:
        from relationapp.services.visits.visits import map_url

        a = self.account
        return map_url(street=a.street, postcode=a.postcode, city=a.city, country=a.country,
                       latitude=a.latitude, longitude=a.longitude) or ""

    def _website(self) -> str:
        site = self.account.website or ""
        return site if "://" in site else "https://" + site

    def _open(self, url: str) -> None:
        QDesktopServices.openUrl(QUrl(url))

    # --- actions ------------------------------------------------------------
    def log_interaction(self) -> None:
        from relationapp.ui.touches.log_interaction import LogInteractionDialog

        if self.account is not None:
            LogInteractionDialog(self.ctx, self.account.id, parent=self).exec()

    def new_follow_up(self) -> None:
        from relationapp.ui.touches.follow_up_dialog import FollowUpDialog

        if self.account is not None:
            FollowUpDialog(self.ctx, self.account.id, parent=self).exec()

    def add_person(self) -> None:
        from relationapp.ui.people.person_dialog import PersonDialog

        if self.account is not None:
            PersonDialog(self.ctx, account_id=self.account.id, parent=self).exec()

    def edit(self) -> None:
        from relationapp.ui.accounts.account_dialog import AccountDialog

        if self.account is not None:
            AccountDialog(self.ctx, self.account.id, parent=self).exec()

    def toggle_archive(self) -> None:
        a = self.account
        if a is None:
            return
        if not a.archived:
            if not messages.ask(
                self, tr("Archive account"),
                tr("Archive {name}? It leaves the lists and Today; its history is kept and you can restore it.").format(name=a.name),
            ):
                return
        label = tr("Archived {name}") if not a.archived else tr("Restored {name}")
        self.ctx.ops.run(self, lambda: accounts_service.archive_account(self.ctx.db, account_id=a.id, archived=not a.archived),
                         undo=lambda: accounts_service.archive_account(self.ctx.db, account_id=a.id, archived=a.archived),
                         undo_label=label.format(name=a.name))

    def edit_interaction(self, index=None) -> None:
        from relationapp.ui.touches.edit_interaction import EditInteractionDialog

        row = self.timeline_model.row_object((index or self.timeline_table.currentIndex()).row())
        if row is not None and row.id is not None:  # a stage change is history, not a touch to edit
            EditInteractionDialog(self.ctx, row.id, parent=self).exec()

    def delete_interaction(self) -> None:
        """Delete the selected touch at once; Ctrl+Z brings it back."""
        row = self.timeline_model.row_object(self.timeline_table.currentIndex().row())
        if row is None or row.id is None:
            return
        removed = self.ctx.ops.run(self, lambda: interactions_service.delete_interaction(self.ctx.db, interaction_id=row.id))
        if removed is None:
            return
        self.ctx.push_undo(
            tr("Deleted {kind} of {date}").format(kind=tr(KIND_LABELS.get(removed.kind, removed.kind)).lower(),
                                                  date=formatting.current().date(removed.occurred_on)),
            lambda: interactions_service.restore_interaction(self.ctx.db, row=removed),
        )

    def _edit_person(self, index) -> None:
        from relationapp.ui.people.person_dialog import PersonDialog

        person = self.people_model.row_object(index.row())
        if person is not None:
            PersonDialog(self.ctx, person_id=person.id, parent=self).exec()

    def _mark_done(self) -> None:
        follow_up = self.follow_ups_model.row_object(self.follow_ups_table.currentIndex().row())
        if follow_up is not None:
            from relationapp.ui.relationships.referral_widgets import (
                complete_follow_up,  # a thank-you asks: card or gift?
            )

            complete_follow_up(self.ctx, self, follow_up)
