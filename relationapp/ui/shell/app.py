"""Start the window: claim and open (and migrate) the database, then show the main window."""

from __future__ import annotations

import sys

from relationapp.ui.common import messages


def run_gui(*, db_arg: str | None = None) -> int:
    from PySide6.QtWidgets import QApplication

    from relationapp import config
    from relationapp.data.db import DatabaseError, sqlite_path, url_for
    from relationapp.services.data_care.opening import open_database

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("relationapp")
    app.setOrganizationName("relationapp")
    app.setWindowIcon(application_icon())
    app.setDesktopFileName("relationapp")  # Wayland and the task bar match the window to relationapp.desktop
    from relationapp.ui.common.errors import install_error_dialog

    install_error_dialog()
    from relationapp.ui.common.tasks import collect_garbage_on_ui_thread

    collect_garbage_on_ui_thread(app)
    path = sqlite_path(url_for(config.resolve_db(db_arg)))
    if path is not None and not _may_create(db_arg, path):
        return 2
    read_only = False
    if path is not None and path.exists():
        from relationapp.ui.shell.startup_checks import claim_database

        choice = claim_database(path)
        if choice == "quit":
            return 0
        read_only = choice == "read_only"
    try:
        if read_only:
            from relationapp.services.data_care.instance_lock import open_read_only

            db = open_read_only(path)
        else:
            db = open_database(db_arg)
            if path is not None:
                from relationapp.services.data_care.instance_lock import (
                    acquire_instance_lock,
                )

                acquire_instance_lock(path)  # a new file: claim it now that it exists
    except DatabaseError as exc:
        _release(path, read_only)
        from relationapp.ui.common.i18n import tr

        messages.critical(None, tr("relationapp cannot open the database"), str(exc))
        return 2
    from relationapp.services.common.settings import get_settings
    from relationapp.text import formatting
    from relationapp.ui.common.i18n import install

    settings = get_settings(db)
    install(app, settings.language)
    formatting.use(settings)
    from relationapp.ui.common import theme

    theme.install(app, settings.appearance)  # light, dark or the system's, following its changes
    from relationapp.ui.shell.sign_in import sign_in_if_asked

    if not sign_in_if_asked(db):  # staff members have passwords and the user quit instead of signing in
        db.dispose()
        _release(path, read_only)
        return 0
    window = build_main_window(db, read_only=read_only)
    window.show()
    if not read_only:
        from relationapp.ui.shell.startup_checks import after_window_shown

        after_window_shown(window.ctx, window)
    _quit_after_smoke_test(app)
    try:
        code = app.exec()
    finally:
        window.ctx.stop_watching()
        window.ctx.tasks.stop()  # end background work before the database closes
        db.dispose()
        _release(path, read_only)
    from relationapp.ui.common.i18n import RESTART

    if code == RESTART:  # the user changed the language and asked for a restart: the lock is free now
        _start_again()
        return 0
    return code


APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)  # packaging/render_icons.py renders these from the SVG


def application_icon():
    """relationapp's own icon (resources/icons/app) at every size it was rendered in.

    PNGs rather than the SVG: a bundle then needs no SVG icon-engine plugin for it."""
    from importlib import resources

    from PySide6.QtGui import QIcon

    folder = resources.files("relationapp") / "resources" / "icons" / "app"
    result = QIcon()
    for size in APP_ICON_SIZES:
        with resources.as_file(folder / f"relationapp-{size}.png") as path:
            result.addFile(str(path))
    return result


# milliseconds after which the window closes itself: packaging/build_bundle.py starts the built bundle
# offscreen with it, to see the window come up and end cleanly without anyone there to close it
QUIT_AFTER_ENV = "RELATIONAPP_QUIT_AFTER_MS"


def _quit_after_smoke_test(app) -> None:
    import os

    delay = os.environ.get(QUIT_AFTER_ENV, "")
    if delay.isdigit():
        from PySide6.QtCore import QTimer

        QTimer.singleShot(int(delay), app.closeAllWindows)  # as the user closing it: sizes remembered, work stopped


def own_command(*args: str) -> list[str]:
    """The command line that starts relationapp again with ``args``: ``python -m relationapp ...``,
    or in a bundle (PyInstaller sets ``sys.frozen``) its own executable, which takes no ``-m``."""
    if getattr(sys, "frozen", False):
        return [sys.executable, *args]
    return [sys.executable, "-m", "relationapp", *args]


def _start_again() -> None:
    import subprocess

    subprocess.Popen(own_command(*sys.argv[1:]), start_new_session=True)


def _may_create(db_arg: str | None, path) -> bool:
    """A --db (or RELATIONAPP_DB_URL) in a folder that does not exist is refused; an empty file is asked about.

    A missing file in an existing folder is made: opening the window on it is
    the user asking for it. The default file in the user data folder is
    always made on first start.
    """
    import os

    from relationapp import config
    from relationapp.services.data_care.opening import new_database_problem
    from relationapp.ui.common.i18n import tr

    given = db_arg if db_arg is not None else (os.environ.get(config.DB_ENV) or None)
    if new_database_problem(given) is None:
        return True
    if not path.parent.is_dir():
        messages.critical(None, tr("relationapp cannot open the database"),
                          tr("The folder {folder} does not exist, so there is no database {file} to open.\n\n"
                             "Check the path; nothing was created.").format(folder=str(path.parent), file=path.name))
        return False
    return messages.ask(None, tr("Make a new database?"),
                        tr("{file} is an empty file (0 bytes), not a database.\n\n"
                           "Make a new, empty database in it?").format(file=str(path)))


def _release(path, read_only: bool) -> None:
    if path is not None and not read_only:
        from relationapp.services.data_care.instance_lock import release_instance_lock

        release_instance_lock(path)


def build_main_window(db, *, read_only: bool = False):
    from relationapp.ui.common.context import AppContext
    from relationapp.ui.shell.main_window import MainWindow

    ctx = AppContext(db)
    ctx.read_only = read_only
    window = MainWindow(ctx)
    ctx.setParent(window)
    ctx.watch_other_sessions()  # another window's (another process's) writes show here too
    if read_only:
        from relationapp.ui.common.i18n import tr

        window.setWindowTitle(tr("{title} (read-only)").format(title=window.windowTitle()))
    return window
