"""The "Nurturing" tab of the Leads page: the content to send today, the content library and the tracks.

Nurturing is a steady conversation with useful content, never a product
pitch (``services.leads.nurture``). The list on top is what is due now, one
line per person; "Log as sent" (Ctrl+Enter) writes the touch and moves the
enrolment on in one operation. Below: the library the tracks draw from and
the tracks with their steps.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TR_NOOP, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from relationapp.services.common.changes import Kind
from relationapp.services.leads.content import CONTENT_KIND_LABELS, add_content, list_content
from relationapp.services.leads.nurture import add_track, due_content, list_tracks, log_sent
from relationapp.text import formatting
from relationapp.ui.common import theme
from relationapp.ui.common import messages
from relationapp.ui.common.dialog_base import FormDialog
from relationapp.ui.common.i18n import tr
from relationapp.ui.common.page import Page
from relationapp.ui.common.view_state import remember_splitter
from relationapp.ui.common.widgets import plain_label
from relationapp.ui.common.tables import fit_columns, fit_height, read_only_table
from relationapp.ui.lists.lazy_model import Column
from relationapp.ui.lists.rows_model import RowsModel, with_tooltip



def kind_label(kind: str | None) -> str:
    return tr(CONTENT_KIND_LABELS[kind]) if kind in CONTENT_KIND_LABELS else (kind or "")


def _late(days: int) -> str:
    return formatting.current().number(days) if days > 0 else ""


DUE_COLUMNS = [
    Column(QT_TR_NOOP("Person"), lambda r: r.person),
    Column(QT_TR_NOOP("Account"), lambda r: r.account),
    Column(QT_TR_NOOP("Content"), lambda r: r.title),
    Column(QT_TR_NOOP("Kind"), lambda r: kind_label(r.kind)),
    Column(QT_TR_NOOP("Step"), lambda r: formatting.current().number(r.step), align_right=True),
    Column(QT_TR_NOOP("Due"), lambda r: formatting.current().date(r.due_on)),
    with_tooltip(Column(QT_TR_NOOP("Days late"), lambda r: _late(r.days_late), align_right=True),
                 QT_TR_NOOP("Days since the content was due")),
    Column(QT_TR_NOOP("Nurturing track"), lambda r: r.track),
]
CONTENT_COLUMNS = [
    Column(QT_TR_NOOP("Title"), lambda r: r.title),
    Column(QT_TR_NOOP("Kind"), lambda r: kind_label(r.kind)),
    Column(QT_TR_NOOP("Topics"), lambda r: r.topics or ""),
    Column(QT_TR_NOOP("Language"), lambda r: r.language or ""),
    with_tooltip(Column(QT_TR_NOOP("Link"), lambda r: "✓" if r.url else ""),
                 QT_TR_NOOP("Has a web address: double-click the line to open it")),
]
TRACK_COLUMNS = [
    Column(QT_TR_NOOP("Nurturing track"), lambda r: r.name),
    Column(QT_TR_NOOP("Steps"), lambda r: formatting.current().number(len(r.steps)), align_right=True),
    with_tooltip(Column(QT_TR_NOOP("Open"), lambda r: formatting.current().number(r.open_enrolments),
                        align_right=True),
                 QT_TR_NOOP("Enrolments still running on this track")),
    Column(QT_TR_NOOP("Description"), lambda r: r.description or ""),
]
STEP_COLUMNS = [
    Column(QT_TR_NOOP("Step"), lambda r: formatting.current().number(r.position), align_right=True),
    with_tooltip(Column(QT_TR_NOOP("Wait"), lambda r: tr("{days} days").format(
        days=formatting.current().number(r.wait_days)), align_right=True),
                 QT_TR_NOOP("Days to wait after the step before (the first: after enrolling)")),
    Column(QT_TR_NOOP("Content"), lambda r: r.title or ""),
    Column(QT_TR_NOOP("Kind"), lambda r: kind_label(r.kind)),
]


def open_url(url: str) -> None:
    QDesktopServices.openUrl(QUrl(url))


def _heading(text: str, parent) -> QWidget:
    label = plain_label(text, parent)
    theme.mark(label, "subheading")
    return label


class ContentDialog(FormDialog):
    """One item of the library: ``add_content`` (a title is required)."""

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, tr("Add content"), parent)
        intro = plain_label(tr("Useful content that helps a prospect decide: an article, a video, a case study. "
                               "Never a product pitch."), self)
        intro.setWordWrap(True)
        theme.mark(intro, "note")
        self.layout().insertWidget(0, intro)
        self.title = self.add_row(tr("&Title"), "title", QLineEdit(self))
        self.kind = self.add_row(tr("&Kind"), "kind", QComboBox(self))
        for code, label in CONTENT_KIND_LABELS.items():
            self.kind.addItem(tr(label), code)
        self.url = self.add_row(tr("&Link"), "url", QLineEdit(self))
        self.url.setPlaceholderText("https://…")
        self.topics = self.add_row(tr("T&opics"), "topics", QLineEdit(self))
        self.topics.setPlaceholderText(tr("e.g. heat pumps, subsidies"))
        self.language = self.add_row(tr("Lan&guage"), "language", QLineEdit(self))
        self.language.setPlaceholderText(tr("e.g. nl or en"))
        self.title.setFocus()
        self.resize(480, 0)

    def save(self):
        return add_content(self.ctx.db, title=self.title.text(), kind=self.kind.currentData(), url=self.url.text(),
                           topics=self.topics.text(), language=self.language.text())


class StepRow:
    """One step of a new track: the content and the days to wait before it."""

    def __init__(self, content: list[tuple[int, str]], wait: str, parent):
        self.content = QComboBox(parent)
        self.content.addItem("—", None)
        for content_id, title in content:
            self.content.addItem(title, content_id)
        self.wait = QLineEdit(wait, parent)
        self.wait.setMaximumWidth(70)
        self.wait.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.days = plain_label(tr("days to wait"), parent)

    def value(self) -> tuple[int | None, str]:
        return self.content.currentData(), self.wait.text().strip()

    def widgets(self) -> tuple[QWidget, ...]:
        return self.content, self.wait, self.days


class TrackDialog(FormDialog):
    """A new track: name, description and its steps in order (``add_track``)."""

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, tr("New nurturing track"), parent)
        self.content = [(c.id, c.title) for c in list_content(ctx.db)]
        self.name = self.add_row(tr("&Name"), "name", QLineEdit(self))
        self.description = self.add_row(tr("&Description"), "description", QPlainTextEdit(self))
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(54)
        steps = QWidget(self)
        box = QVBoxLayout(steps)
        box.setContentsMargins(0, 0, 0, 0)
        self.grid = QGridLayout()
        box.addLayout(self.grid)
        self.steps_error = plain_label("", steps)
        self.steps_error.setWordWrap(True)
        theme.mark(self.steps_error, "error")
        self.steps_error.hide()
        box.addWidget(self.steps_error)
        more = QHBoxLayout()
        self.add_step_button = QPushButton(tr("Add a step"), steps)
        self.remove_step_button = QPushButton(tr("Remove the last step"), steps)
        more.addWidget(self.add_step_button)
        more.addWidget(self.remove_step_button)
        more.addStretch(1)
        box.addLayout(more)
        self.add_row(tr("&Steps"), "steps", steps)
        self.rows: list[StepRow] = []
        self.add_step_button.clicked.connect(self.add_step)
        self.remove_step_button.clicked.connect(self.remove_step)
        self.add_step("0")
        self.name.setFocus()
        self.resize(560, 0)

    def add_step(self, wait: str | bool = "14") -> StepRow:
        row = StepRow(self.content, wait if isinstance(wait, str) else "14", self)
        number = len(self.rows)
        self.grid.addWidget(plain_label(tr("Step {position}").format(position=number + 1), self), number, 0)
        for column, widget in enumerate(row.widgets(), start=1):
            self.grid.addWidget(widget, number, column)
        self.grid.setColumnStretch(1, 1)
        self.rows.append(row)
        self.remove_step_button.setEnabled(len(self.rows) > 1)
        return row

    def remove_step(self) -> None:
        if len(self.rows) <= 1:
            return
        number = len(self.rows) - 1
        self.rows.pop()
        for column in range(self.grid.columnCount()):
            item = self.grid.itemAtPosition(number, column)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()
        self.remove_step_button.setEnabled(len(self.rows) > 1)
        self.adjustSize()

    def show_error(self, message: str, field: str | None = None) -> None:
        if field != "steps":
            self.steps_error.hide()
            super().show_error(message, field)
            return
        self.error.hide()
        self.steps_error.setText(message)  # next to the steps, the one it is about focused
        self.steps_error.show()
        for row in self.rows:
            content, wait = row.value()
            if content is None:
                row.content.setFocus()
                return
            if not wait.isdigit():
                row.wait.setFocus()
                row.wait.selectAll()
                return
        if self.rows:
            self.rows[0].content.setFocus()

    def save(self):
        return add_track(self.ctx.db, name=self.name.text(), description=self.description.toPlainText(),
                         steps=[row.value() for row in self.rows])


class NurtureView(Page, QWidget):
    CHANGES = (Kind.ACCOUNTS, Kind.PEOPLE, Kind.LEADS, Kind.INTERACTIONS)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter)

        due = QWidget(splitter)
        due_box = QVBoxLayout(due)
        due_box.setContentsMargins(0, 0, 0, 0)
        self.due_heading = _heading(tr("Content to send"), due)
        due_box.addWidget(self.due_heading)
        self.due_model = RowsModel(DUE_COLUMNS, self)
        self.due_table = read_only_table(self.due_model, due)
        due_box.addWidget(self.due_table, 1)
        self.due_empty = plain_label(tr("Nothing to send today. Leads that are not ready go on a nurturing track "
                                        "with \"Not ready now…\"."), due)
        theme.mark(self.due_empty, "note")
        self.due_empty.hide()
        due_box.addWidget(self.due_empty)
        due_buttons = QHBoxLayout()
        self.sent_button = QPushButton(tr("&Log as sent (Ctrl+Enter)"), due)
        self.link_button = QPushButton(tr("Open lin&k"), due)
        due_buttons.addWidget(self.sent_button)
        due_buttons.addWidget(self.link_button)
        due_buttons.addStretch(1)
        self.due_hint = plain_label(tr("Send it yourself (e-mail, post, a visit); then log it here. "
                                       "Nobody gets the same content twice."), due)
        theme.mark(self.due_hint, "note")
        self.due_hint.setWordWrap(True)  # a narrow window (200 % text) wraps it instead of widening
        due_buttons.addWidget(self.due_hint)
        due_box.addLayout(due_buttons)

        lower = QSplitter(Qt.Orientation.Horizontal, splitter)
        lower.setChildrenCollapsible(False)
        library = QWidget(lower)
        library_box = QVBoxLayout(library)
        library_box.setContentsMargins(0, 0, 0, 0)
        library_box.addWidget(_heading(tr("Content library"), library))
        self.content_model = RowsModel(CONTENT_COLUMNS, self)
        self.content_table = read_only_table(self.content_model, library)
        library_box.addWidget(self.content_table, 1)
        library_buttons = QHBoxLayout()
        self.add_content_button = QPushButton(tr("&Add content…"), library)
        library_buttons.addWidget(self.add_content_button)
        library_buttons.addStretch(1)
        library_box.addLayout(library_buttons)

        tracks = QWidget(lower)
        tracks_box = QVBoxLayout(tracks)
        tracks_box.setContentsMargins(0, 0, 0, 0)
        tracks_box.addWidget(_heading(tr("Nurturing tracks"), tracks))
        self.track_model = RowsModel(TRACK_COLUMNS, self)
        self.track_table = read_only_table(self.track_model, tracks)
        tracks_box.addWidget(self.track_table)
        self.step_model = RowsModel(STEP_COLUMNS, self)
        self.step_table = read_only_table(self.step_model, tracks)
        tracks_box.addWidget(self.step_table, 1)
        track_buttons = QHBoxLayout()
        self.new_track_button = QPushButton(tr("&New track…"), tracks)
        track_buttons.addWidget(self.new_track_button)
        track_buttons.addStretch(1)
        tracks_box.addLayout(track_buttons)
        lower.setStretchFactor(0, 1)
        lower.setStretchFactor(1, 1)
        splitter.setStretchFactor(0, 3)  # what to send now comes first
        splitter.setStretchFactor(1, 2)
        remember_splitter(lower, "nurture/lower")
        remember_splitter(splitter, "nurture/main")

        self.sent_button.clicked.connect(self.log_sent)
        self.link_button.clicked.connect(self.open_link)
        self.add_content_button.clicked.connect(self.add_content)
        self.new_track_button.clicked.connect(self.new_track)
        self.due_table.doubleClicked.connect(lambda _index: self.open_link())
        self.content_table.doubleClicked.connect(self._open_content)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(QKeySequence(Qt.KeyboardModifier.ControlModifier | key), self, activated=self.log_sent,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.due_model.modelReset.connect(self._update_buttons)
        self.due_table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.track_table.selectionModel().currentRowChanged.connect(lambda *_: self._show_steps())
        self.watch(ctx)
        self._update_buttons()
        self.stale = True  # read when first shown

    # --- showing ------------------------------------------------------------
    def refresh(self, *_args) -> None:
        selected = self.selected_due()
        rows = due_content(self.ctx.db, today=dt.date.today(), stop_passed=not self.ctx.read_only)
        self.due_model.set_rows(rows)
        self.due_empty.setVisible(not rows)
        self.due_heading.setText(tr("Content to send ({count})").format(count=formatting.current().number(len(rows)))
                                 if rows else tr("Content to send"))
        if rows:
            keep = 0
            if selected is not None:
                for number, row in enumerate(rows):
                    if (row.enrolment_id, row.person_id) == (selected.enrolment_id, selected.person_id):
                        keep = number
                        break
            self.due_table.selectRow(keep)
            self.due_table.setCurrentIndex(self.due_model.index(keep, 0))
        self.content_model.set_rows(list_content(self.ctx.db))
        track = self.selected_track()
        self.track_model.set_rows(list_tracks(self.ctx.db))
        keep = 0
        if track is not None:
            keep = next((n for n, t in enumerate(self.track_model.rows) if t.id == track.id), 0)
        if self.track_model.rows:
            self.track_table.selectRow(keep)
            self.track_table.setCurrentIndex(self.track_model.index(keep, 0))
        self._show_steps()
        fit_columns(self.due_table, 2)  # the content's title takes the room left
        fit_columns(self.content_table, 0)
        fit_columns(self.track_table, 3)  # the description; whole in its tooltip
        fit_height(self.track_table, most=5)
        self._update_buttons()

    def _show_steps(self) -> None:
        track = self.selected_track()
        self.step_model.set_rows(track.steps if track is not None else [])
        fit_columns(self.step_table, 2)

    def selected_due(self):
        index = self.due_table.currentIndex()
        return self.due_model.row_object(index.row()) if index.isValid() else None

    def selected_track(self):
        index = self.track_table.currentIndex()
        return self.track_model.row_object(index.row()) if index.isValid() else None

    def _update_buttons(self) -> None:
        row = self.selected_due()
        self.sent_button.setEnabled(row is not None)
        self.link_button.setEnabled(row is not None and bool(row.url))
        self.link_button.setToolTip(row.url if row is not None and row.url else "")

    # --- actions ------------------------------------------------------------
    def log_sent(self) -> None:
        row = self.selected_due()
        if row is None:
            return
        sent = self.ctx.ops.run(self, log_sent, self.ctx.db, enrolment_id=row.enrolment_id, person_id=row.person_id,
                                today=dt.date.today())
        if sent is not None:
            self.ctx.say(tr("'{title}' logged as sent to {person}.").format(title=sent.title, person=row.person))

    def open_link(self) -> None:
        row = self.selected_due()
        if row is not None and row.url:
            open_url(row.url)

    def _open_content(self, index) -> None:
        item = self.content_model.row_object(index.row())
        if item is not None and item.url:
            open_url(item.url)

    def add_content(self) -> None:
        dialog = ContentDialog(self.ctx, parent=self)
        if dialog.exec():
            self.ctx.say(tr("Content '{title}' added.").format(title=dialog.result_value.title))

    def new_track(self) -> None:
        if not self.content_model.rows and not list_content(self.ctx.db):
            messages.inform(self, tr("New nurturing track"), tr("A track sends content: add content to the library "
                                                                "first."))
            return
        dialog = TrackDialog(self.ctx, parent=self)
        if dialog.exec():
            self.ctx.say(tr("Nurturing track '{name}' saved.").format(name=dialog.result_value.name))
