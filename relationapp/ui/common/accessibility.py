"""Every control has a name a screen reader can say.

Buttons, checkboxes and form fields with a label are named by Qt itself.
Tables, filter boxes and date fields placed under a heading are not: they
are named here after what a sighted user reads beside them (their tooltip,
placeholder, group box title, tab or the label just above them). A test
walks every page and dialog and fails on a control left without a name.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSlider,
    QStackedWidget,
    QTabWidget,
    QTextEdit,
    QWidget,
)

INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QAbstractSpinBox, QPlainTextEdit,
               QTextEdit, QSlider)


def spoken_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return (interface.text(QAccessible.Text.Name) if interface is not None else "").strip()


def is_part_of_another(widget: QWidget) -> bool:
    """The line edit inside a spin box or combo box, a table's headers and corner button: read with their owner."""
    if isinstance(widget, QHeaderView) or widget.objectName().startswith("qt_"):
        return True
    parent = widget.parentWidget()
    while parent is not None:  # a combo box's popup list lives in a frame of its own below it
        if isinstance(parent, (QAbstractSpinBox, QComboBox, QLineEdit)):
            return True
        parent = parent.parentWidget()
    return False


def unnamed_controls(root: QWidget) -> list[QWidget]:
    return [w for w in root.findChildren(QWidget)
            if isinstance(w, INTERACTIVE) and not is_part_of_another(w) and not spoken_name(w)]


def name_unnamed_controls(root: QWidget) -> None:
    for widget in unnamed_controls(root):
        name = _context_name(widget)
        if name:
            widget.setAccessibleName(name)


class NamesItsControls:
    """For a dialog or window: its controls are named when it is shown (put before the Qt class)."""

    def showEvent(self, event) -> None:
        name_unnamed_controls(self)
        super().showEvent(event)


def _text(label: str) -> str:
    return " ".join(label.replace("&&", "\0").replace("&", "").replace("\0", "&").split())


def _context_name(widget: QWidget) -> str:
    if widget.toolTip() and "<" not in widget.toolTip():
        return _text(widget.toolTip())
    if isinstance(widget, QLineEdit) and widget.placeholderText():
        return _text(widget.placeholderText())
    child: QWidget = widget
    parent = widget.parentWidget()
    while parent is not None:
        heading = _form_label(parent, child) or _label_above(parent, child)
        if heading:
            return heading
        if isinstance(parent, QGroupBox) and parent.title():
            return _text(parent.title())
        if isinstance(parent, QStackedWidget) and isinstance(parent.parentWidget(), QTabWidget):
            tabs = parent.parentWidget()
            return _text(tabs.tabText(tabs.indexOf(child)))
        child, parent = parent, parent.parentWidget()
    return ""


def _form_label(parent: QWidget, child: QWidget) -> str:
    """A field made of several controls (a date with a checkbox, day-month-year): the form row's label."""
    layout = parent.layout()
    if not isinstance(layout, QFormLayout):
        return ""
    label = layout.labelForField(child)
    return _text(label.text()) if isinstance(label, QLabel) else ""


def _label_above(parent: QWidget, child: QWidget) -> str:
    """The text of the nearest label before ``child`` in its parent's layouts (a heading, or "12 months up to")."""
    layout = parent.layout()
    return (_label_before(layout, child) or "") if layout is not None else ""


def _label_before(layout, child: QWidget) -> str | None:
    """None when ``child`` is not in ``layout``; else the label found before it ("" when a control sits between)."""
    for index in range(layout.count()):
        item = layout.itemAt(index)
        inner = item.layout()
        found = _label_before(inner, child) if inner is not None else None
        if item.widget() is child or found is not None:
            if found:
                return found
            return _preceding_label(layout, index)
    return None


def _preceding_label(layout, index: int) -> str:
    for position in range(index - 1, -1, -1):
        found = layout.itemAt(position).widget()
        if isinstance(found, QLabel) and found.text().strip() and not found.isHidden():
            return _text(found.text())
        if found is not None and isinstance(found, INTERACTIVE):
            return ""  # another control sits between: that label is not this one's
    return ""
