import gc

import pytest


@pytest.fixture(autouse=True)
def collect_garbage_on_the_ui_thread():
    """As in the app (ui.tasks.collect_garbage_on_ui_thread): never let the cycle
    collector free a Qt object on a worker thread."""
    gc.disable()
    yield
    gc.collect()
    gc.enable()


@pytest.fixture(autouse=True)
def english_after_each_test(qapp):
    """A test that starts the app in Dutch (the default language) leaves no translator behind."""
    yield
    from relationapp.ui.common.i18n import install

    install(qapp, "en")


@pytest.fixture
def ctx(db, qtbot):
    from relationapp.ui.common.context import AppContext

    context = AppContext(db)
    yield context
    context.stop_watching()
    context.tasks.stop()


@pytest.fixture
def demo_ctx(demo_db, qtbot):
    from relationapp.ui.common.context import AppContext

    context = AppContext(demo_db)
    yield context
    context.stop_watching()
    context.tasks.stop()


@pytest.fixture
def window(demo_ctx, qtbot):
    from relationapp.ui.shell.main_window import MainWindow

    win = MainWindow(demo_ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def run_modal(qtbot, trigger, handle):
    """Trigger something that opens a modal dialog and let ``handle(dialog)`` work it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    seen = {}

    def work():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, work)
            return
        seen["dialog"] = dialog
        handle(dialog)

    QTimer.singleShot(0, work)
    trigger()
    return seen.get("dialog")


@pytest.fixture
def answered_boxes(monkeypatch):
    """Every message box is answered Yes (``boxes.answer = False`` for No) and recorded:
    ``boxes.shown`` holds (title, text, text format) of each."""
    from PySide6.QtWidgets import QMessageBox

    from relationapp.ui.common import messages

    class Boxes:
        answer = True
        shown: list = []

    boxes = Boxes()
    boxes.shown = []

    def answer(box):
        boxes.shown.append((box.windowTitle(), box.text(), box.textFormat()))
        return QMessageBox.StandardButton.Yes if boxes.answer else QMessageBox.StandardButton.No

    monkeypatch.setattr(messages, "_exec", answer)
    return boxes


# Background work (Today's agenda, searches) takes its time on a loaded machine: a wait for it may take
# up to this long before it counts as failed. A deadline only, never a speed check (that is benchmarks/).
PATIENCE_MS = 60_000


@pytest.fixture(autouse=True)
def patient_waits(monkeypatch):
    from pytestqt.qtbot import QtBot

    wait_until, wait_signal = QtBot.waitUntil, QtBot.waitSignal

    def until(self, callback, *, timeout=PATIENCE_MS):
        return wait_until(self, callback, timeout=max(timeout, PATIENCE_MS))

    def signal(self, signal=None, *, timeout=PATIENCE_MS, **kwargs):
        return wait_signal(self, signal, timeout=max(timeout, PATIENCE_MS), **kwargs)

    monkeypatch.setattr(QtBot, "waitUntil", until)
    monkeypatch.setattr(QtBot, "waitSignal", signal)
