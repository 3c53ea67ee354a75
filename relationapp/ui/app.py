"""Start the window: open (and migrate) the database first, then show the main window."""

from __future__ import annotations

import sys


def run_gui(*, db_arg: str | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from relationapp.data.db import DatabaseError
    from relationapp.startup import open_database

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("relationapp")
    app.setOrganizationName("relationapp")
    try:
        db = open_database(db_arg)
    except DatabaseError as exc:
        QMessageBox.critical(None, "relationapp cannot open the database", str(exc))
        return 2
    from relationapp.services.settings import get_settings
    from relationapp.ui.i18n import install

    install(app, get_settings(db).language)
    window = build_main_window(db)
    window.show()
    code = app.exec()
    window.ctx.tasks.wait()  # let background work finish before the database closes
    db.dispose()
    return code


def build_main_window(db):
    from relationapp.ui.context import AppContext
    from relationapp.ui.main_window import MainWindow

    ctx = AppContext(db)
    window = MainWindow(ctx)
    ctx.setParent(window)
    return window
