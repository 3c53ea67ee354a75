"""Visits: who is due for a visit (filtered by place and account manager), and the day planner.

Left, the customers due, highest value at stake first (those already planned
say so); "Add to day" puts the selected ones on the planned day. Right, the
day of the user ("I am" in the settings; everyone's when unset): drag stops
(or Ctrl+Up/Down) to reorder, edit time and minutes in place, "Order by
route" (which times the stops from a start time and the estimated drives),
remove, log a visit, open the address on OpenStreetMap, save and open the
briefing, export the day or week to a calendar file.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, QTime, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from relationapp.errors import ServiceError
from relationapp.services.common import settings as settings_service
from relationapp.services.common.changes import Changes, Kind
from relationapp.services.customers.staff import current_staff, list_staff
from relationapp.services.visits import visits as visits_service
from relationapp.text import formatting
from relationapp.ui.accounts.account_page import _table
from relationapp.ui.common import theme
from relationapp.ui.common import messages
from relationapp.ui.common.i18n import tr
from relationapp.ui.common.staff_choice import StaffChoice
from relationapp.ui.common.page import Page
from relationapp.ui.common.view_state import remember_splitter
from relationapp.ui.common.widgets import DateField, plain_label
from relationapp.ui.visits.visit_models import DueModel, StopsModel, due_columns

CHANGES = (Kind.VISITS, Kind.INTERACTIONS, Kind.ACCOUNTS, Kind.PEOPLE, Kind.ORDERS, Kind.SETTINGS)
DEFAULT_HORIZON_DAYS = 30  # show who falls due in the coming month too: that is what one plans for


def open_url(url: str) -> None:
    QDesktopServices.openUrl(QUrl(url))


def open_file(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _combo(items: list[tuple[str, object]], parent) -> QComboBox:
    box = QComboBox(parent)
    for label, data in items:
        box.addItem(label, data)
    return box


class VisitsView(Page, QWidget):
    CHANGES = CHANGES
    due_loaded = Signal()
    plan_loaded = Signal()
    briefing_written = Signal(object)  # the PDF's path
    calendar_written = Signal(object)  # the .ics file's path

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.plan: visits_service.DayPlan | None = None
        self._generation = 0
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        layout.addWidget(splitter, 1)
        splitter.addWidget(self._build_due())
        splitter.addWidget(self._build_planner())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        remember_splitter(splitter, "visits/main")
        self.splitter = splitter
        self._filter_timer = QTimer(self, singleShot=True, interval=250)
        self._filter_timer.timeout.connect(self.refresh_due)
        self.watch(ctx)
        self._choices_stale = True  # the pickers too: distinct cities of 50,000 accounts are not read at start-up
        self.stale = True  # loads when first shown (see showEvent), not at start-up
        self.me = current_staff(ctx.db)  # whose day the planner opens on
        self.day.blockSignals(True)
        self.day.set_date(visits_service.next_planned_day(ctx.db, staff_id=self.me.id if self.me else None)
                          or dt.date.today())
        self.day.blockSignals(False)

    # --- building -------------------------------------------------------------------
    def _build_due(self) -> QWidget:
        box = QGroupBox(tr("Due for a visit"), self)
        layout = QVBoxLayout(box)
        filters = QGridLayout()
        self.city = QComboBox(box)
        self.city.setEditable(True)
        self.region = QComboBox(box)
        self.region.setEditable(True)
        self.postcode = QLineEdit(box)
        self.postcode.setPlaceholderText(tr("e.g. 35"))
        self.manager = StaffChoice(tr("Any manager"), box)
        self.horizon = QSpinBox(box)
        self.horizon.setRange(0, 365)
        self.horizon.setValue(DEFAULT_HORIZON_DAYS)
        self.horizon.setSuffix(tr(" days"))
        for col, (label, widget) in enumerate(((tr("City"), self.city), (tr("Region"), self.region),
                                               (tr("Postcode"), self.postcode))):
            filters.addWidget(plain_label(label, box), 0, col * 2)
            filters.addWidget(widget, 0, col * 2 + 1)
        filters.addWidget(plain_label(tr("Manager"), box), 1, 0)
        filters.addWidget(self.manager, 1, 1)
        filters.addWidget(plain_label(tr("Due within"), box), 1, 2)
        filters.addWidget(self.horizon, 1, 3)
        layout.addLayout(filters)
        self.due_model = DueModel(due_columns(self._money), self)
        self.due_table = _table(self.due_model)
        self.due_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.due_table.doubleClicked.connect(lambda _i: self.add_selected())
        layout.addWidget(self.due_table, 1)
        self.due_summary = plain_label("", box)
        layout.addWidget(self.due_summary)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(tr("Add to day →"), box)
        self.open_account_button = QPushButton(tr("Open account"), box)
        self.due_map_button = QPushButton(tr("Open in map"), box)
        for button in (self.add_button, self.open_account_button, self.due_map_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add_selected)
        self.open_account_button.clicked.connect(self._open_due_account)
        self.due_map_button.clicked.connect(self._open_due_map)
        for signal in (self.city.currentTextChanged, self.region.currentTextChanged, self.postcode.textChanged,
                       self.manager.currentIndexChanged, self.horizon.valueChanged):
            signal.connect(lambda *_: self._filter_timer.start())
        return box

    def _build_planner(self) -> QWidget:
        box = QGroupBox(tr("Day plan"), self)
        layout = QVBoxLayout(box)
        top = QHBoxLayout()
        self.day = DateField(parent=box)
        self.planner_staff = StaffChoice(tr("Everyone"), box)
        top.addWidget(plain_label(tr("Day"), box))
        top.addWidget(self.day)
        top.addWidget(plain_label(tr("For"), box))
        top.addWidget(self.planner_staff, 1)
        layout.addLayout(top)
        self.whose = plain_label("", box)  # says whose stops these are, and how to make them one's own
        self.whose.setWordWrap(True)
        self.whose.setStyleSheet("color: palette(mid);")
        layout.addWidget(self.whose)
        self.stops_model = StopsModel(self, on_edit=self._edit_stop, on_reorder=self.reorder)
        self.stops_table = _table(self.stops_model)
        table = self.stops_table
        table.setDragEnabled(True)
        table.setAcceptDrops(True)
        table.setDropIndicatorShown(True)
        table.setDragDropOverwriteMode(False)
        table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        table.setDefaultDropAction(Qt.DropAction.MoveAction)
        table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
        layout.addWidget(table, 1)
        self.warnings = plain_label("", box)
        self.warnings.setWordWrap(True)
        theme.mark(self.warnings, "warning")
        layout.addWidget(self.warnings)
        row1, row2 = QHBoxLayout(), QHBoxLayout()
        self.route_button = QPushButton(tr("Order by route"), box)
        self.route_start = QTimeEdit(QTime(9, 0), box)
        self.route_start.setDisplayFormat("HH:mm")
        self.route_start.setToolTip(tr("When the first stop starts; each next one after the estimated drive"))
        self.route_start.setAccessibleName(tr("Start of the route"))
        self.up_button = QPushButton(tr("Move up"), box)
        self.down_button = QPushButton(tr("Move down"), box)
        self.remove_button = QPushButton(tr("Remove"), box)
        self.log_button = QPushButton(tr("Log visit…"), box)
        self.map_button = QPushButton(tr("Open in map"), box)
        self.brief_button = QPushButton(tr("Save briefing…"), box)
        self.ics_button = QPushButton(tr("Export to calendar…"), box)
        self.whole_week = QCheckBox(tr("whole week"), box)
        # three short rows rather than two long ones: the due list next to it needs the width at 1366 pixels
        row0 = QHBoxLayout()
        row0.addWidget(self.route_button)
        row0.addWidget(plain_label(tr("from"), box))
        row0.addWidget(self.route_start)
        row0.addWidget(self.log_button)
        row0.addStretch(1)
        for button in (self.up_button, self.down_button, self.remove_button):
            row1.addWidget(button)
        row1.addStretch(1)
        for widget in (self.map_button, self.brief_button, self.ics_button, self.whole_week):
            row2.addWidget(widget)
        row2.addStretch(1)
        for row in (row0, row1, row2):
            layout.addLayout(row)
        self.saved = plain_label("", box)  # where the last briefing went: stays until the next one
        self.saved.setWordWrap(True)
        self.saved.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.saved)
        self.route_button.clicked.connect(self.order_by_route)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.remove_button.clicked.connect(self.remove_selected)
        self.log_button.clicked.connect(self.log_selected)
        self.map_button.clicked.connect(self._open_stop_map)
        self.brief_button.clicked.connect(self.print_briefing)
        self.ics_button.clicked.connect(self.export_calendar)
        for keys, step in (("Ctrl+Up", -1), ("Ctrl+Down", 1)):
            shortcut = QShortcut(QKeySequence(keys), table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda step=step: self.move_selected(step))
        self.day.dateChanged.connect(lambda *_: self.refresh_plan())
        self.planner_staff.currentIndexChanged.connect(lambda *_: self.refresh_plan())
        return box

    def resizeEvent(self, event) -> None:
        """Side by side when there is room; one above the other on a narrow window (200 % text)."""
        super().resizeEvent(event)
        panes = [self.splitter.widget(i).minimumSizeHint().width() for i in range(self.splitter.count())]
        wanted = (Qt.Orientation.Horizontal if self.width() >= sum(panes) + self.splitter.handleWidth() + 40
                  else Qt.Orientation.Vertical)
        if self.splitter.orientation() != wanted:
            self.splitter.setOrientation(wanted)

    def _fill_choices(self) -> None:
        self._choices_stale = False
        choices = visits_service.visit_filter_choices(self.ctx.db)
        staff = list_staff(self.ctx.db)
        for box, items in ((self.city, choices["city"]), (self.region, choices["region"])):
            box.blockSignals(True)
            box.clear()
            box.addItems([""] + items)
            box.blockSignals(False)
        for box in (self.manager, self.planner_staff):  # one's own customers and day first
            box.fill(staff, me=self.me)
        self._say_whose()

    def _say_whose(self) -> None:
        if self.me is None:
            text = tr("Everyone's stops. Choose who you are in Settings (“I am”) to open on your own day.")
        elif self.planner_staff.currentData() == self.me.id:
            text = tr("Your day ({name}).").format(name=self.me.name)
        elif self.planner_staff.currentData() is None:
            text = tr("Everyone's stops, not only yours.")
        else:
            text = tr("{name}'s day, not yours.").format(name=self.planner_staff.currentText())
        self.whose.setText(text)

    def _money(self, amount) -> str:
        return formatting.current().money(amount, whole=True)

    # --- loading ----------------------------------------------------------------------
    def refresh(self) -> None:
        if self._choices_stale:
            self._fill_choices()
        self.refresh_due()
        self.refresh_plan()

    def refresh_due(self) -> None:
        """The due list is computed off the UI thread (a second at 50,000 accounts)."""
        self._generation += 1
        generation = self._generation
        db = self.ctx.db
        filters = dict(city=self.city.currentText(), region=self.region.currentText(), postcode=self.postcode.text(),
                       owner_id=self.manager.currentData(), horizon_days=self.horizon.value())
        self.due_summary.setText(tr("Looking for customers due…"))
        self.ctx.tasks.run(lambda: visits_service.due_for_visit(db, **filters),
                           on_done=lambda rows: self._due_done(generation, rows), on_error=self._due_failed)

    def _due_done(self, generation: int, rows) -> None:
        if generation != self._generation:
            return  # the filters changed meanwhile; a newer answer is on its way
        self.due_model.set_rows(rows)
        # one manager's list: the same name on every row is room the other columns need
        self.due_table.setColumnHidden(len(self.due_model.columns) - 1, self.manager.currentData() is not None)
        overdue = sum(1 for r in rows if r.days_overdue is None or r.days_overdue >= 0)
        planned = sum(1 for r in rows if r.next_planned)
        self.due_summary.setText(
            tr("{overdue} overdue, {coming} due within {days} days; {planned} of them planned.").format(
                overdue=overdue, coming=len(rows) - overdue, days=self.horizon.value(), planned=planned)
            if rows else tr("Nobody is due for a visit with these filters."))
        self.due_loaded.emit()

    def _due_failed(self, exc) -> None:
        self.due_summary.setText(str(exc) if isinstance(exc, ServiceError) else tr("The due list failed: {error}").format(error=exc))
        self.due_loaded.emit()

    def refresh_plan(self) -> None:
        plan = visits_service.day_plan(self.ctx.db, day=self.day.value(), staff_id=self.planner_staff.currentData())
        self._show_plan(plan)

    def _show_plan(self, plan: visits_service.DayPlan) -> None:
        selected = self.selected_stop()
        self.plan = plan
        self.stops_model.set_stops(plan.stops, plan.travel)
        self.stops_table.setColumnHidden(StopsModel.BY, plan.staff_id is not None)  # one person's day: "by" is them
        self._say_whose()
        self.warnings.setText("\n".join("⚠ " + w for w in plan.warnings))
        self.warnings.setVisible(bool(plan.warnings))
        has_stops = bool(plan.stops)
        for button in (self.route_button, self.brief_button, self.ics_button):
            button.setEnabled(has_stops)
        if selected is not None:
            self.select_stop(selected.id)
        self.plan_loaded.emit()

    def changes_seen(self, changes: Changes) -> None:
        if changes.touches(Kind.SETTINGS):
            self.me = current_staff(self.ctx.db)
            self._say_whose()
        if changes.touches(Kind.STAFF, Kind.ACCOUNTS):
            self._choices_stale = True
            if self.isVisible():
                self._fill_choices()
        super().changes_seen(changes)

    # --- the due list -------------------------------------------------------------
    def selected_due(self) -> list:
        rows = sorted({i.row() for i in self.due_table.selectionModel().selectedRows()})
        return [self.due_model.row_object(r) for r in rows]

    def add_selected(self) -> None:
        chosen = self.selected_due()
        if not chosen:
            self.ctx.say(tr("Select the customers to visit first."))
            return
        plan = None
        for row in chosen:
            result = self.ctx.ops.run(self, lambda row=row: visits_service.add_stop(
                self.ctx.db, account_id=row.account_id, day=self.day.value(), staff_id=self.planner_staff.currentData()))
            plan = result or plan
        if plan is not None:
            self.ctx.say(tr("Visits planned on {date}: {count}.").format(date=formatting.current().date(self.day.value()), count=len(chosen)))

    def _open_due_account(self) -> None:
        chosen = self.selected_due()
        if chosen:
            self.ctx.open_account(chosen[0].account_id)

    def _open_due_map(self) -> None:
        chosen = self.selected_due()
        if chosen:
            row = chosen[0]
            self._open_map(visits_service.map_url(street=row.street, postcode=row.postcode, city=row.city))

    def _open_map(self, url: str | None) -> None:
        if url is None:
            self.ctx.say(tr("No address on file for this account."))
            return
        open_url(url)

    # --- the day ------------------------------------------------------------------
    def selected_stop(self) -> visits_service.Stop | None:
        rows = self.stops_table.selectionModel().selectedRows() if self.stops_table.selectionModel() else []
        return self.stops_model.stop(rows[0].row()) if rows else None

    def select_stop(self, visit_id: int) -> None:
        for row, stop in enumerate(self.stops_model.stops):
            if stop.id == visit_id:
                self.stops_table.selectRow(row)
                return

    def _edit_stop(self, stop, field: str, value) -> bool:
        result = self.ctx.ops.run(self, lambda: visits_service.update_stop(self.ctx.db, visit_id=stop.id, **{field: value}))
        return result is not None

    def reorder(self, visit_ids: list[int]) -> None:
        moved = self.selected_stop()
        self.ctx.ops.run(self, lambda: visits_service.reorder_stops(
            self.ctx.db, day=self.day.value(), visit_ids=visit_ids, staff_id=self.planner_staff.currentData()))
        if moved is not None:
            self.select_stop(moved.id)

    def move_selected(self, step: int) -> None:
        stop = self.selected_stop()
        if stop is None:
            return
        ids = [s.id for s in self.stops_model.stops]
        i = ids.index(stop.id)
        j = i + step
        if not 0 <= j < len(ids):
            return
        ids[i], ids[j] = ids[j], ids[i]
        self.reorder(ids)

    def order_by_route(self) -> None:
        """Order and time the stops from the start time; Ctrl+Z puts back the order and times before."""
        db, day, staff_id = self.ctx.db, self.day.value(), self.planner_staff.currentData()
        before = list(self.plan.stops) if self.plan else []
        start = self.route_start.time().toPython()
        self.ctx.ops.run(self, lambda: visits_service.order_by_route(db, day=day, staff_id=staff_id, start_time=start),
                         undo=lambda: visits_service.reorder_stops(
                             db, day=day, staff_id=staff_id, visit_ids=[s.id for s in before],
                             start_times=[s.start_time for s in before]),
                         undo_label=tr("Ordered the day by route"))

    def remove_selected(self) -> None:
        stop = self.selected_stop()
        if stop is None:
            return
        result = self.ctx.ops.run(self, lambda: visits_service.remove_stop(self.ctx.db, visit_id=stop.id))
        if result is not None:
            account_id, day, staff_id = stop.account_id, stop.planned_on, stop.staff_id
            start, minutes = stop.start_time, stop.duration_minutes
            self.ctx.push_undo(tr("Removed the visit to {account}").format(account=stop.account), lambda: visits_service.add_stop(
                self.ctx.db, account_id=account_id, day=day, staff_id=staff_id, start_time=start,
                duration_minutes=minutes, auto_time=False))

    def log_selected(self) -> None:
        from relationapp.ui.visits.log_visit import LogVisitDialog

        stop = self.selected_stop()
        if stop is None:
            self.ctx.say(tr("Select the stop you visited."))
            return
        if stop.status != "planned":
            self.ctx.say(tr("This visit has been logged already."))
            return
        prefill = self.ctx.ops.run(self, lambda: visits_service.visit_prefill(self.ctx.db, visit_id=stop.id))
        if prefill is not None:
            LogVisitDialog(self.ctx, prefill, parent=self).exec()

    def _open_stop_map(self) -> None:
        stop = self.selected_stop()
        if stop is not None:
            self._open_map(stop.map_url)

    def print_briefing(self) -> None:
        """Save the day's briefing PDF where the user chooses (the folder is remembered), then open it."""
        from relationapp.reports.visits.briefing import write_briefing

        day, staff_id, db = self.day.value(), self.planner_staff.currentData(), self.ctx.db
        folder = self.ctx.settings.briefing_folder
        if not folder or not Path(folder).is_dir():
            folder = str(Path.home())
        suffix = f"-{self.planner_staff.currentText().split()[0].lower()}" if staff_id else ""
        chosen, _ = QFileDialog.getSaveFileName(self, tr("Save the visit briefing"),
                                                str(Path(folder) / f"visit-briefing-{day.isoformat()}{suffix}.pdf"),
                                                tr("PDF (*.pdf)"))
        if not chosen:
            return
        path = Path(chosen) if chosen.lower().endswith(".pdf") else Path(chosen + ".pdf")
        if str(path.parent) != self.ctx.settings.briefing_folder:
            self.ctx.ops.run(self, settings_service.update_settings, db, briefing_folder=str(path.parent))
        self.brief_button.setEnabled(False)
        self.saved.setText(tr("Writing the briefing…"))

        def done(written):
            self.brief_button.setEnabled(True)
            open_file(written)
            self.saved.setText(tr("Briefing saved to {path} and opened.").format(path=written))
            self.briefing_written.emit(written)

        def failed(exc):
            self.brief_button.setEnabled(True)
            self.saved.setText(tr("No briefing: {error}").format(error=exc))
            self.briefing_written.emit(None)

        self.ctx.tasks.run(lambda: write_briefing(db, day=day, path=path, staff_id=staff_id), on_done=done, on_error=failed)

    def export_calendar(self) -> None:
        from relationapp.reports.visits.visits_ics import write_visits_ics

        day = self.day.value()
        name = f"visits-week-of-{day.isoformat()}.ics" if self.whole_week.isChecked() else f"visits-{day.isoformat()}.ics"
        path, _ = QFileDialog.getSaveFileName(self, tr("Export visits to calendar"), str(Path.home() / name),
                                              tr("Calendar (*.ics)"))
        if not path:
            return
        db, week, staff_id = self.ctx.db, self.whole_week.isChecked(), self.planner_staff.currentData()
        self.ics_button.setEnabled(False)

        def done(written):
            self.ics_button.setEnabled(True)
            self.ctx.say(tr("Calendar written to {path}.").format(path=written))
            self.calendar_written.emit(written)

        def failed(exc):
            self.ics_button.setEnabled(True)
            messages.warn(self, tr("No calendar written"), str(exc))
            self.calendar_written.emit(None)

        # a week of briefings takes a moment on a big database: off the UI thread
        self.ctx.tasks.run(lambda: write_visits_ics(db, day=day, week=week, path=path, staff_id=staff_id),
                           on_done=done, on_error=failed)
