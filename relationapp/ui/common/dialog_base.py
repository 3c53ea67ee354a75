"""A form dialog that runs one service call and shows its refusal in place."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from relationapp.errors import ConflictError, ServiceError
from relationapp.ui.common import theme
from relationapp.ui.common.accessibility import NamesItsControls
from relationapp.ui.common.field_values import setter_for
from relationapp.ui.common.i18n import tr


_MISSING = object()


def _same(a, b) -> bool:
    """Equal as a form means it: the people of a touch in any order."""
    if isinstance(a, (tuple, list)) and isinstance(b, (tuple, list)):
        return sorted(a) == sorted(b)
    return a == b


class FormDialog(NamesItsControls, QDialog):
    """Subclasses fill ``self.form`` and implement ``save()`` returning the result.

    A ValidationError keeps the dialog open with the message shown and the
    offending field focused; nothing the user typed is lost.

    A form that edits a stored record keeps the version it loaded in
    ``self.version`` and saves with ``expected_version=self.version``; it
    implements ``reload()`` (read the record again, fill the fields, set
    ``self.version``). When somebody saved the record meanwhile, a field only
    they changed takes their value and the save goes through; only a field both
    changed differently opens the conflict dialog (ui.common.conflict_dialog),
    where the user keeps theirs (``reload()``) or saves theirs over (the save
    again, with the version now stored, their other changes kept).
    """

    version: int | None = None  # of the record the form edits, as loaded
    loaded: Any = None  # the record as the form loaded it (fill() sets both)

    def __init__(self, ctx, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.result_value: Any = None
        self.undo: tuple[str, Any] | None = None  # save() may set (label, how to take it back) for Ctrl+Z
        self.fields: dict[str, QWidget] = {}
        self.labels: dict[str, str] = {}  # a field's name where its row has no label (the conflict dialog shows it)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.error = QLabel(self)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        theme.mark(self.error, "error")
        self.error.hide()
        layout.addWidget(self.error)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def add_row(self, label: str, field: str, widget: QWidget) -> QWidget:
        self.form.addRow(label, widget)
        self.fields[field] = widget
        return widget

    def save(self) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def reload(self) -> None:  # pragma: no cover - every edit form has its own
        """Fill the form with the record as stored now, and take its version."""
        raise NotImplementedError

    def saved(self, result: Any) -> Any:
        """What ``save()`` returns for a stored record: the form keeps working with its new version."""
        if hasattr(result, "version"):
            self.loaded, self.version = result, result.version
        return result

    def _changed_by_them(self, conflict: ConflictError) -> list[str]:
        """The fields of the form whose stored value is no longer the one the form loaded (``self.loaded``,
        the record ``fill`` took); a field the loaded record does not name counts as changed."""
        return [field for field in conflict.yours
                if not _same(getattr(self.loaded, field, _MISSING), conflict.theirs.get(field))]

    def _changed_by_me(self, conflict: ConflictError) -> list[str]:
        """The fields the user changed in the form since it loaded the record (unknown ones count as changed)."""
        return [field for field in conflict.yours if not _same(getattr(self.loaded, field, _MISSING), conflict.yours[field])]

    def _take_theirs(self, conflict: ConflictError, fields: list[str]) -> bool:
        """Show their stored value in each of ``fields``; False, and nothing changed, when a widget cannot take it."""
        setters = [setter_for(self.fields.get(field), conflict.theirs.get(field)) for field in fields]
        if any(setter is None for setter in setters):
            return False
        for setter in setters:
            setter()
        return True

    def _resolve(self, conflict: ConflictError) -> None:
        """A three-way merge against what the form loaded: a field only they changed takes theirs, a field
        only this form changed keeps mine, and only a field both changed differently is the user's to choose."""
        from relationapp.ui.common import conflict_dialog

        if not conflict.yours:  # found by the database itself: no field values to compare
            self.show_error(str(conflict))
            return
        theirs = self._changed_by_them(conflict)
        mine = set(self._changed_by_me(conflict))
        both = [field for field in theirs if field in mine and not _same(conflict.yours[field], conflict.theirs.get(field))]
        only_theirs = [field for field in theirs if field not in mine]
        unsettable = [field for field in only_theirs if setter_for(self.fields.get(field), conflict.theirs.get(field)) is None]
        both += unsettable  # a widget that cannot show their value: the user chooses that field too
        only_theirs = [field for field in only_theirs if field not in unsettable]
        if not both and self._take_theirs(conflict, only_theirs):
            # (nothing they changed is in the form, or none of it was touched here: saving loses nothing of theirs)
            self.version = conflict.version
            self.accept()
            if only_theirs and self.result() == QDialog.DialogCode.Accepted:
                names = ", ".join(conflict_dialog.field_label(self, field) for field in only_theirs)
                self.ctx.say(tr("Saved; somebody else's changes to {fields} are kept.").format(fields=names))
            return
        dialog = conflict_dialog.ConflictDialog(conflict, self, both=both, kept=only_theirs)
        choice = conflict_dialog.choose(dialog)
        dialog.deleteLater()
        if choice == conflict_dialog.KEEP_THEIRS:
            self.reload()
            self.error.hide()
            self.ctx.say(tr("The form shows their version now."))
        elif choice == conflict_dialog.SAVE_MINE:
            self._take_theirs(conflict, only_theirs)
            self.version = conflict.version  # an explicit overwrite of exactly the version the user saw
            self.accept()
        else:
            self.show_error(tr("Not saved: somebody else saved this record meanwhile. Save again to choose."))

    def show_error(self, message: str, field: str | None = None) -> None:
        self.error.setText(message)
        self.error.show()
        widget = self.fields.get(field or "")
        if widget is not None:
            widget.setFocus()

    def accept(self) -> None:
        try:  # save() is the operation: what it wrote is broadcast by the runner
            self.result_value = self.ctx.ops.call(self.save)
        except ConflictError as exc:
            self._resolve(exc)
            return
        except ServiceError as exc:
            self.show_error(str(exc), getattr(exc, "field", None))
            return
        if self.undo is not None:
            self.ctx.push_undo(*self.undo)
        super().accept()
