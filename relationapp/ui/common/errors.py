"""An unexpected error becomes a message the user can read, not a silent crash."""

from __future__ import annotations

import sys
import traceback


def describe(exc: BaseException) -> str:
    from relationapp.ui.common.i18n import tr

    text = str(getattr(exc, "orig", exc))
    if "readonly database" in text or "read-only" in text:
        return tr("This database is open read-only (another relationapp window holds it), so the change was not saved.")
    if "database is locked" in text:
        return tr("The database is busy in another program; nothing was saved. Try again in a moment.")
    if type(getattr(exc, "orig", exc)).__name__ in ("DatabaseError", "OperationalError", "IntegrityError"):
        return tr("The database refused the change ({error}); nothing was saved.").format(error=text)
    return tr("Something went wrong: {kind}: {error}").format(kind=exc.__class__.__name__, error=text)


def install_error_dialog() -> None:
    """Show uncaught exceptions in a dialog and print the traceback for a bug report.

    A hook somebody else installed (a debugger, pytest-qt) is left in place.
    """
    if sys.excepthook is not sys.__excepthook__:
        return

    def hook(kind, exc, tb):
        traceback.print_exception(kind, exc, tb)
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication, QMessageBox

        if QApplication.instance() is None:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, "relationapp", describe(exc))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDetailedText("".join(traceback.format_exception(kind, exc, tb)))
        box.exec()

    sys.excepthook = hook
