"""Settings > Staff: the account managers, added, changed, marked as left (and back), in one list.

Someone who left keeps their accounts, touches and visits (the records say who it was) but is no
longer offered in the choices, the "I am" box included.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from relationapp.errors import ValidationError
from relationapp.services.customers import sign_in as sign_in_service
from relationapp.services.customers import staff as staff_service
from relationapp.text import formatting, parsing
from relationapp.ui.common.dialog_base import FormDialog
from relationapp.ui.common.empty_state import EmptyState
from relationapp.ui.common.i18n import tr
from relationapp.ui.common.tables import read_only_table
from relationapp.ui.common.widgets import plain_label
from relationapp.ui.lists.lazy_model import Column
from relationapp.ui.lists.rows_model import RowsModel


class StaffDialog(FormDialog):
    """A new staff member, or one to change (``staff`` given)."""

    def __init__(self, ctx, staff: staff_service.StaffRow | None = None, parent=None):
        super().__init__(ctx, tr("Change staff member") if staff else tr("New staff member"), parent)
        self.staff = staff
        self.name = self.add_row(tr("&Name"), "name", QLineEdit(self))
        self.email = self.add_row(tr("&E-mail"), "email", QLineEdit(self))
        self.hourly_cost = self.add_row(tr("&Hourly cost"), "hourly_cost", QLineEdit(self))
        self.hourly_cost.setPlaceholderText(tr("what an hour of theirs costs, for the cost to serve"))
        self.me = self.add_row("", "me", QCheckBox(tr("This is me (“I am”)"), self))
        self.me.setChecked(staff is not None and ctx.me_id == staff.id)
        self.me.setVisible(not ctx.signed_in)  # signed in: who this window is, not a setting to save
        if staff is not None:
            self.fill(staff)

    def fill(self, staff: staff_service.StaffRow) -> None:
        """The fields as the staff member is stored (on opening, and when the user keeps somebody else's)."""
        self.staff, self.loaded, self.version = staff, staff, staff.version
        self.name.setText(staff.name)
        self.email.setText(staff.email or "")
        self.hourly_cost.setText(parsing.editable_amount(staff.hourly_cost) if staff.hourly_cost is not None else "")

    def reload(self) -> None:
        self.fill(staff_service.get_staff(self.ctx.db, staff_id=self.staff.id))

    def save(self):
        values = dict(name=self.name.text(), email=self.email.text().strip() or None,
                      hourly_cost=self.hourly_cost.text().strip() or None)
        if not self.ctx.signed_in:
            values["me"] = self.me.isChecked()
        if self.staff is None:
            return staff_service.create_staff(self.ctx.db, **values)
        return self.saved(staff_service.update_staff(self.ctx.db, staff_id=self.staff.id,
                                                     expected_version=self.version, **values))


class PasswordDialog(FormDialog):
    """A staff member's new password, typed twice; once anyone has one, every window signs in."""

    def __init__(self, ctx, staff: staff_service.StaffRow, parent=None):
        super().__init__(ctx, tr("Password for {name}").format(name=staff.name), parent)
        self.staff = staff
        self.password = self.add_row(tr("&New password"), "password", QLineEdit(self))
        self.again = self.add_row(tr("&Again"), "again", QLineEdit(self))
        for field in (self.password, self.again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.note = plain_label(tr("Once a staff member has a password, relationapp asks everyone to sign in "
                                   "as themselves when it opens."), self)
        self.note.setWordWrap(True)
        self.form.addRow("", self.note)

    def save(self):
        if self.password.text() != self.again.text():
            raise ValidationError(tr("The two passwords differ; nothing was changed."), field="again")
        return sign_in_service.set_password(self.ctx.db, staff_id=self.staff.id, password=self.password.text())


class StaffPanel(QWidget):
    """The list with Add, Change and Left / Back; ``loaded`` after each reload (the "I am" box follows)."""

    loaded = Signal()

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        ctx.changed.connect(self._changes_seen)  # a bound slot: Qt drops it with the widget
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        money = formatting.current().money
        self.model = RowsModel([
            Column(QT_TR_NOOP("Name"), lambda s: tr("{name} (me)").format(name=s.name) if s.id == ctx.me_id else s.name),
            Column(QT_TR_NOOP("E-mail"), lambda s: s.email or ""),
            Column(QT_TR_NOOP("Hourly cost"), lambda s: money(s.hourly_cost) if s.hourly_cost is not None else "",
                   align_right=True),
            Column(QT_TR_NOOP("Status"), lambda s: tr("active") if s.active else tr("left")),
            Column(QT_TR_NOOP("Password"), lambda s: tr("yes") if s.has_password else ""),
            Column(QT_TR_NOOP("Manages staff"), lambda s: tr("yes") if s.manages_staff else ""),
        ], self)
        self.table = read_only_table(self.model, self)
        self.table.setAccessibleName(tr("Staff members"))
        self.table.setMinimumHeight(140)
        self.table.doubleClicked.connect(lambda _index: self.change())
        self.empty_state = EmptyState.over(self.table, "users", tr("No staff yet. Add yourself and your colleagues, then choose "
                                                "who you are (“I am”)."), tr("Add…"), lambda: self.add())
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.add_button = QPushButton(tr("Add…"), self)
        self.change_button = QPushButton(tr("Change…"), self)
        self.leave_button = QPushButton(tr("Mark as left"), self)
        self.password_button = QPushButton(tr("Password…"), self)
        # once staff sign in, only one who manages staff sets others' passwords and marks them as left
        self.manages_button = QPushButton(tr("Manages staff"), self)
        self.manages_button.setCheckable(True)
        self.manages_button.setToolTip(tr("Sets others' passwords and marks them as left or back"))
        self.manages_button.clicked.connect(self.toggle_manages)
        self.add_button.clicked.connect(self.add)
        self.change_button.clicked.connect(self.change)
        self.leave_button.clicked.connect(self.toggle_left)
        self.password_button.clicked.connect(self.set_password)
        for button in (self.add_button, self.change_button, self.leave_button, self.password_button,
                       self.manages_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.load()

    def load(self) -> None:
        chosen = self.selected()
        self.model.set_rows(staff_service.list_staff(self.ctx.db, active_only=False))
        if chosen is not None:
            for row in range(self.model.rowCount()):
                if self.model.row_object(row).id == chosen.id:
                    self.table.selectRow(row)
        self._update_buttons()
        self.loaded.emit()

    def _changes_seen(self, changes) -> None:
        from relationapp.services.common.changes import Kind

        if changes.touches(Kind.STAFF, Kind.SETTINGS):
            self.load()

    def selected(self) -> staff_service.StaffRow | None:
        index = self.table.currentIndex() if self.table.selectionModel() else None
        return self.model.row_object(index.row()) if index is not None and index.isValid() else None

    def _update_buttons(self) -> None:
        staff = self.selected()
        self.change_button.setEnabled(staff is not None)
        # signed in without managing staff: one's own password only (the service refuses the rest anyway)
        manager = not self.ctx.signed_in or any(
            self.model.row_object(r).id == self.ctx.me_id and self.model.row_object(r).manages_staff
            for r in range(self.model.rowCount()))
        own = staff is not None and staff.id == self.ctx.me_id
        self.password_button.setEnabled(staff is not None and staff.active and (manager or own))
        self.leave_button.setEnabled(staff is not None and manager)
        self.manages_button.setEnabled(staff is not None and staff.active and staff.has_password and manager)
        self.manages_button.setChecked(staff is not None and staff.manages_staff)
        self.leave_button.setText(tr("Back again") if staff is not None and not staff.active else tr("Mark as left"))

    def add(self) -> None:
        StaffDialog(self.ctx, parent=self).exec()

    def change(self) -> None:
        staff = self.selected()
        if staff is not None:
            StaffDialog(self.ctx, staff, parent=self).exec()

    def set_password(self) -> None:
        staff = self.selected()
        if staff is not None:
            if PasswordDialog(self.ctx, staff, parent=self).exec():
                self.ctx.say(tr("{name} has a new password.").format(name=staff.name))

    def toggle_manages(self) -> None:
        staff = self.selected()
        if staff is None:
            return
        self.ctx.ops.run(self, sign_in_service.set_manages_staff, self.ctx.db, staff_id=staff.id,
                         manages=not staff.manages_staff)
        self._update_buttons()  # refused: the button shows what is stored again

    def toggle_left(self) -> None:
        staff = self.selected()
        if staff is None:
            return
        label = tr("Back again: {name}") if not staff.active else tr("Left: {name}")
        self.ctx.ops.run(self, staff_service.update_staff, self.ctx.db, staff_id=staff.id, active=not staff.active,
                         undo=lambda: staff_service.update_staff(self.ctx.db, staff_id=staff.id, active=staff.active),
                         undo_label=label.format(name=staff.name))
