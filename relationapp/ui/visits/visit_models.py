"""Qt models of the visit planner: the due list (read-only) and a day's stops (editable, drag to reorder)."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import (
    QT_TR_NOOP,
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from relationapp.services.visits.visit_route import Leg
from relationapp.services.visits.visits import Stop
from relationapp.text import formatting
from relationapp.ui.common.i18n import tr
from relationapp.ui.common.labels import tier_label
from relationapp.ui.common.text import tooltip
from relationapp.ui.lists.lazy_model import Column
from relationapp.ui.lists.rows_model import RowsModel

STOP_MIME = "application/x-relationapp-visit-ids"


def overdue_text(row) -> str:
    """"never visited" rather than days counted from the day they became a customer."""
    if row.days_overdue is None:
        return tr("never visited")
    if row.days_overdue >= 0:
        return tr("{days} d").format(days=row.days_overdue)
    return tr("in {days} d").format(days=-row.days_overdue)


def planned_text(row) -> str:
    return tr("planned {date}").format(date=formatting.current().short_date(row.next_planned)) if row.next_planned else ""


def due_columns(money: Callable) -> list[Column]:
    # the planned mark next to the name: it must be seen before a second visit is planned
    return [
        Column(QT_TR_NOOP("Account"), lambda r: r.name),
        Column(QT_TR_NOOP("Planned"), planned_text),
        Column(QT_TR_NOOP("City"), lambda r: r.city),
        Column(QT_TR_NOOP("Tier"), lambda r: tier_label(r.tier)),
        Column(QT_TR_NOOP("Last visit"), lambda r: formatting.current().date(r.last_visit)),  # "–" when never
        Column(QT_TR_NOOP("Overdue"), overdue_text, align_right=True),
        Column(QT_TR_NOOP("At stake"), lambda r: money(r.value_at_stake), align_right=True),
        Column(QT_TR_NOOP("Manager"), lambda r: r.owner),
    ]


class DueModel(RowsModel):
    """Customers due for a visit; the UserRole of a row is its account id. Planned ones are greyed."""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if role == Qt.ItemDataRole.UserRole:
            return self.rows[index.row()].account_id
        if role == Qt.ItemDataRole.ForegroundRole and self.rows[index.row()].next_planned:
            return QColor("#7a7a7a")
        return super().data(index, role)


def drive_text(leg: Leg | None) -> str:
    """"~25 min, 18 km" (estimated): the drive from the stop before; nothing for a day's first stop."""
    if leg is None:
        return ""
    if leg.km is None:
        return tr("~{minutes} min").format(minutes=leg.minutes)
    return tr("~{minutes} min, {km} km").format(minutes=leg.minutes, km=formatting.current().number(round(leg.km)))


# stored status -> label (shown through tr)
STATUS_LABELS = {"planned": QT_TR_NOOP("planned"), "done": QT_TR_NOOP("visited"), "cancelled": QT_TR_NOOP("cancelled")}


class StopsModel(QAbstractTableModel):
    """The stops of a day in planned order.

    Time and minutes are edited in place; dragging rows reorders the day. The
    model changes nothing itself: it hands each change to the view's callbacks
    (``on_edit(stop, field, value)``, ``on_reorder(visit_ids)``), which call the
    visits service and reload.
    """

    COLUMNS = ("#", QT_TR_NOOP("Time"), QT_TR_NOOP("Minutes"), QT_TR_NOOP("Drive"), QT_TR_NOOP("Account"),
               QT_TR_NOOP("By"), QT_TR_NOOP("Status"), QT_TR_NOOP("Address"))
    TIME, MINUTES, DRIVE, BY = 1, 2, 3, 5

    def __init__(self, parent=None, *, on_edit: Callable[[Stop, str, object], bool] | None = None,
                 on_reorder: Callable[[list[int]], None] | None = None):
        super().__init__(parent)
        self.stops: list[Stop] = []
        self.travel: list[Leg | None] = []
        self.on_edit = on_edit
        self.on_reorder = on_reorder

    def set_stops(self, stops, travel=()) -> None:
        """The stops in order, with ``travel[i]`` the estimated drive to stop i (services.visits.travel_legs)."""
        self.beginResetModel()
        self.stops = list(stops)
        self.travel = list(travel) + [None] * (len(self.stops) - len(travel))
        self.endResetModel()

    def stop(self, row: int) -> Stop | None:
        return self.stops[row] if 0 <= row < len(self.stops) else None

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.stops)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.COLUMNS):
            return tr(self.COLUMNS[section])
        return None

    def _text(self, stop: Stop, column: int, row: int) -> str:
        if column == 0:
            return str(row + 1)
        if column == self.TIME:
            return f"{stop.start_time:%H:%M}–{stop.end_time:%H:%M}" if stop.start_time else ""
        if column == self.MINUTES:
            return str(stop.duration_minutes)
        if column == self.DRIVE:
            return drive_text(self.travel[row])
        if column == 4:
            return stop.account
        if column == self.BY:
            return stop.staff or ""
        if column == 6:
            return tr(STATUS_LABELS.get(stop.status, stop.status))
        return stop.address or tr("no address")

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.stops) or not 0 <= index.column() < len(self.COLUMNS):
            return None
        stop = self.stops[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return stop.id
        if role == Qt.ItemDataRole.EditRole:
            if index.column() == self.TIME:
                return f"{stop.start_time:%H:%M}" if stop.start_time else ""
            if index.column() == self.MINUTES:
                return stop.duration_minutes
            return self._text(stop, index.column(), index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(stop, index.column(), index.row())
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(self._text(stop, index.column(), index.row())) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (0, self.MINUTES, self.DRIVE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and stop.status != "planned":
            return QColor("#7a7a7a")  # visited: history, no longer to plan
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        stop = self.stop(index.row())
        if stop is not None and stop.status == "planned" and index.column() in (self.TIME, self.MINUTES):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.on_edit is None:
            return False
        stop = self.stop(index.row())
        if stop is None:
            return False
        field = {self.TIME: "start_time", self.MINUTES: "duration_minutes"}.get(index.column())
        if field is None:
            return False
        return bool(self.on_edit(stop, field, value))

    # --- drag and drop: rows move within the day -----------------------------------
    def supportedDropActions(self):
        return Qt.DropAction.MoveAction

    def supportedDragActions(self):
        return Qt.DropAction.MoveAction

    def mimeTypes(self):
        return [STOP_MIME]

    def mimeData(self, indexes):
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data = QMimeData()
        data.setData(STOP_MIME, QByteArray(",".join(str(self.stops[r].id) for r in rows).encode()))
        return data

    def canDropMimeData(self, data, action, row, column, parent):
        return data.hasFormat(STOP_MIME) and action == Qt.DropAction.MoveAction

    def dropMimeData(self, data, action, row, column, parent):
        if not self.canDropMimeData(data, action, row, column, parent) or self.on_reorder is None:
            return False
        text = bytes(data.data(STOP_MIME).data()).decode()
        moving = [int(x) for x in text.split(",") if x.strip()]
        if row < 0:
            row = parent.row() if parent.isValid() else len(self.stops)
        ids = [s.id for s in self.stops]
        before = [i for i in ids[:row] if i not in moving]
        after = [i for i in ids[row:] if i not in moving]
        new_order = before + [i for i in ids if i in moving] + after
        if new_order != ids:
            self.on_reorder(new_order)
        # False: the view must not remove the dragged rows; the reload shows the new order
        return False
