"""An unexpected error becomes a message the user can read, not a silent crash.

A fault of the machine (a full disk, no permission, the write lock held by
another program, a damaged file) is worded by
``services.data_care.faults.describe_fault``: the same line the command line
prints. Anything else keeps the wording below (a bug: "Something went wrong").
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path


def _open_database_path() -> Path | None:
    """The database file this process has open, when there is exactly one (the window's)."""
    try:
        from relationapp.data.db import live_database_files

        files = live_database_files()
    except Exception:  # noqa: BLE001 - the message matters more than the file name
        return None
    return next(iter(files)) if len(files) == 1 else None


def describe(exc: BaseException, *, db_path: str | Path | None = None) -> str:
    """One message for the error dialog. ``db_path``: the database in use (``ctx.db.path``);
    without it the one database file this process has open is named."""
    from relationapp.errors import ServiceError
    from relationapp.services.data_care.faults import describe_fault
    from relationapp.ui.common.i18n import tr

    if isinstance(exc, ServiceError):  # worded for the user already (a lost connection while a page read)
        return str(exc)

    try:
        fault = describe_fault(exc, db_path=db_path if db_path is not None else _open_database_path())
    except Exception:  # noqa: BLE001 - never fail while describing a failure
        fault = None
    if fault:
        return fault
    text = str(getattr(exc, "orig", exc))
    if "readonly database" in text or "read-only" in text:
        return tr("This database is open read-only (another relationapp window holds it), so the change was not saved.")
    if "database is locked" in text:
        return tr("The database is busy in another program; nothing was saved. Try again in a moment.")
    if type(getattr(exc, "orig", exc)).__name__ in ("DatabaseError", "OperationalError", "IntegrityError"):
        return tr("The database refused the change ({error}); nothing was saved.").format(error=text)
    return tr("Something went wrong: {kind}: {error}").format(kind=exc.__class__.__name__, error=text)


def show_error(kind, exc, tb, *, db_path: str | Path | None = None) -> None:
    """The error dialog: the message of ``describe`` and the traceback as details (for a bug report)."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from relationapp.ui.common import messages

    if QApplication.instance() is None:
        return
    box = messages._box(None, QMessageBox.Icon.Warning, "relationapp", describe(exc, db_path=db_path),
                        QMessageBox.StandardButton.Ok)
    box.setDetailedText("".join(traceback.format_exception(kind, exc, tb)))
    messages._exec(box)


def install_error_dialog() -> None:
    """Show uncaught exceptions in a dialog and print the traceback for a bug report.

    An error of an operation (``ctx.ops.run``/``call`` in a slot) that is not a
    ``ServiceError`` ends here. A hook somebody else installed (a debugger,
    pytest-qt) is left in place.
    """
    if sys.excepthook is not sys.__excepthook__:
        return

    def hook(kind, exc, tb):
        traceback.print_exception(kind, exc, tb)
        show_error(kind, exc, tb)

    sys.excepthook = hook
