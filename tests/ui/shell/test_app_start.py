"""Starting the window: a second app is told who holds the file and may look read-only."""

import pytest
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from relationapp.ui.common.errors import describe
from relationapp.ui.shell import app as app_module


@pytest.fixture
def no_event_loop(monkeypatch):
    """run_gui up to the event loop: record the window instead of running it."""
    shown = {}
    monkeypatch.setattr(QApplication, "exec", staticmethod(lambda: shown.setdefault("ran", True) and 0))
    monkeypatch.setattr("relationapp.ui.common.tasks.collect_garbage_on_ui_thread", lambda parent: None)
    yield shown
    for widget in QApplication.topLevelWidgets():  # what the real event loop's end would close
        widget.close()
        widget.deleteLater()
    QApplication.processEvents()


def test_window_opens_and_releases_its_claim(tmp_path, qtbot, no_event_loop):
    from relationapp.services.data_care.instance_lock import current_holder

    path = tmp_path / "firm.db"
    assert app_module.run_gui(db_arg=str(path)) == 0
    assert no_event_loop["ran"]
    assert current_holder(path) is None  # released at exit


def test_second_app_may_open_read_only(tmp_path, qtbot, monkeypatch, no_event_loop):
    from relationapp.services.data_care.instance_lock import acquire_instance_lock
    from relationapp.services.data_care.opening import open_database

    path = tmp_path / "firm.db"
    open_database(str(path)).dispose()
    monkeypatch.setattr("relationapp.ui.shell.startup_checks.claim_database", lambda p, parent=None: "read_only")
    built = {}
    original = app_module.build_main_window
    monkeypatch.setattr(app_module, "build_main_window", lambda db, read_only=False: built.setdefault("w", original(db, read_only=read_only)))
    assert app_module.run_gui(db_arg=str(path)) == 0
    window = built["w"]
    qtbot.addWidget(window)
    assert window.windowTitle().endswith("(alleen-lezen)")  # run_gui speaks the database's language: Dutch by default
    assert acquire_instance_lock(path) is None  # a read-only viewer holds no claim


def test_quit_when_another_app_holds_the_file(tmp_path, qtbot, monkeypatch, no_event_loop):
    from relationapp.services.data_care.opening import open_database

    path = tmp_path / "firm.db"
    open_database(str(path)).dispose()
    monkeypatch.setattr("relationapp.ui.shell.startup_checks.claim_database", lambda p, parent=None: "quit")
    assert app_module.run_gui(db_arg=str(path)) == 0
    assert "ran" not in no_event_loop


def test_database_errors_read_as_sentences(monkeypatch):
    import sqlite3

    # no database open in this process: a window an earlier test ran on this worker may still have a
    # connection registered until it is collected, and describe() would name that file instead
    monkeypatch.setattr("relationapp.ui.common.errors._open_database_path", lambda: None)

    assert "read-only" in describe(sqlite3.OperationalError("attempt to write a readonly database"))
    assert "Another program is writing" in describe(sqlite3.OperationalError("database is locked"))
    assert describe(sqlite3.OperationalError("attempt to write a readonly database")).startswith("The database")


def test_a_db_in_a_folder_that_does_not_exist_is_refused_with_a_dialog(tmp_path, qtbot, no_event_loop, answered_boxes):
    path = tmp_path / "mistyped" / "firm.db"
    assert app_module.run_gui(db_arg=str(path)) == 2
    assert "ran" not in no_event_loop
    assert len(answered_boxes.shown) == 1 and str(path.parent) in answered_boxes.shown[0][1]
    assert not path.parent.exists()


def test_an_empty_file_is_only_made_a_database_when_the_user_says_so(tmp_path, qtbot, no_event_loop, answered_boxes):
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    answered_boxes.answer = False
    assert app_module.run_gui(db_arg=str(path)) == 2
    assert "ran" not in no_event_loop and path.stat().st_size == 0
    answered_boxes.answer = True
    assert app_module.run_gui(db_arg=str(path)) == 0
    assert no_event_loop["ran"] and path.stat().st_size > 0
    assert "0 bytes" in answered_boxes.shown[0][1]


def test_the_readme_command_opens_the_demo_in_a_fresh_folder(tmp_path, qtbot, no_event_loop, monkeypatch, capsys):
    from relationapp.__main__ import main

    monkeypatch.chdir(tmp_path)
    assert main(["--db", "demo.db", "demo", "--open"]) == 0  # relationapp --db demo.db demo --open
    assert no_event_loop["ran"]
    no_event_loop.clear()
    assert main(["--db", "demo.db", "demo", "--open"]) == 0  # again: opens the same file as it is
    assert no_event_loop["ran"]
    assert "opening it as it is" in capsys.readouterr().err


def test_the_window_carries_relationapps_own_icon(tmp_path, qtbot, no_event_loop):
    QApplication.setWindowIcon(QIcon())
    assert app_module.run_gui(db_arg=str(tmp_path / "firm.db")) == 0
    sizes = {size.width() for size in QApplication.windowIcon().availableSizes()}
    assert {16, 32, 48, 256} <= sizes
    assert QApplication.desktopFileName() == "relationapp"  # matches packaging/linux/relationapp.desktop


def test_starting_again_runs_the_bundles_own_program_when_frozen(monkeypatch):
    import sys

    assert app_module.own_command("demo")[1:] == ["-m", "relationapp", "demo"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)  # what PyInstaller sets in a bundle
    assert app_module.own_command("--db", "x.db", "demo") == [sys.executable, "--db", "x.db", "demo"]


def test_a_smoke_test_start_closes_the_window_by_itself(tmp_path, qtbot, monkeypatch):
    """packaging/build_bundle.py starts the bundle so, with nobody there to close the window."""
    from relationapp.services.data_care.instance_lock import current_holder

    monkeypatch.setenv(app_module.QUIT_AFTER_ENV, "200")
    monkeypatch.setattr("relationapp.ui.common.tasks.collect_garbage_on_ui_thread", lambda parent: None)
    path = tmp_path / "firm.db"
    assert app_module.run_gui(db_arg=str(path)) == 0
    assert current_holder(path) is None
    for widget in QApplication.topLevelWidgets():
        widget.deleteLater()
    QApplication.processEvents()


# What the first window imports of the layers below the UI, once the start has imported its services
# before Qt: each of these would pay PySide6's import hook (it reads the module's source), and a start
# that pays it for hundreds of modules is 0.1 s slower. A fresh interpreter, as a start is.
_AFTER_QT = r"""
import sys
from relationapp.__main__ import _import_before_qt
_import_before_qt()
before = set(sys.modules)
import PySide6.QtWidgets
import relationapp.ui.shell.app, relationapp.ui.shell.main_window, relationapp.ui.today.today_view
late = sorted(m for m in set(sys.modules) - before
              if m.startswith("relationapp.") and not m.startswith("relationapp.ui")
              or m.split(".")[0] in ("sqlalchemy", "sqlmodel", "pydantic", "babel"))
print("\n".join(late))
"""


def test_the_first_window_imports_its_services_before_qt():
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", _AFTER_QT], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    late = done.stdout.split()
    assert late == [], f"imported after Qt (add them to relationapp.__main__._import_before_qt): {late}"
