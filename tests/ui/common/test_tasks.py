"""Background work: results come back on the UI thread, and never to a closed widget."""

import gc
import threading

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QLabel

from relationapp.ui.common.tasks import TaskRunner


def test_result_and_progress_arrive_on_the_ui_thread(qtbot):
    runner = TaskRunner()
    seen = {}

    def work(progress):
        seen["worker"] = threading.get_ident()
        progress(1, 2, "half")
        return 42

    done = []
    runner.run(work, on_done=lambda value: done.append((value, QThread.currentThread() is QApplication.instance().thread())),
               on_progress=lambda d, t, text: seen.setdefault("progress", (d, t, text)))
    qtbot.waitUntil(lambda: bool(done))
    assert done == [(42, True)]
    assert seen["progress"] == (1, 2, "half")
    assert seen["worker"] != threading.get_ident()


def test_errors_are_delivered_not_raised(qtbot):
    runner = TaskRunner()
    errors = []
    runner.run(lambda: 1 / 0, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], ZeroDivisionError)


def test_a_closed_widget_gets_no_result(qtbot):
    runner = TaskRunner()
    gate = threading.Event()
    label = QLabel()
    runner.run(lambda: gate.wait(5) and "late", on_done=label.setText)
    label.deleteLater()
    qtbot.waitUntil(lambda: not __import__("shiboken6").isValid(label))
    gate.set()
    assert runner.wait(5000)
    QApplication.processEvents()  # would crash or raise if the result were delivered


def test_what_a_task_holds_is_freed_on_the_ui_thread(qtbot):
    """A page's work may hold a Qt object (a model, a widget's data): freed on a worker thread, Qt crashes."""
    runner = TaskRunner()
    freed_on = []

    class Held:
        def __del__(self):
            freed_on.append(threading.get_ident())

    def work_holding(held):
        return lambda: held is not None

    done = []
    runner.run(work_holding(Held()), on_done=done.append)
    qtbot.waitUntil(lambda: bool(done))
    assert runner.wait(5000)
    # Qt frees a deleted signal object's slots as it processes events, the app's timer collects cycles on
    # the UI thread: wait for that, then look where it was freed
    qtbot.waitUntil(lambda: runner.wait(100) and gc.collect() >= 0 and bool(freed_on))
    assert freed_on == [threading.get_ident()]
    runner.run(lambda: 1 / 0, on_error=done.append)  # a failed task too
    qtbot.waitUntil(lambda: len(done) == 2)
    assert runner.wait(5000) and not runner._pending


def test_a_callback_may_hold_the_last_reference_to_the_runners_owner(qtbot):
    """A page's callback keeps its window (and so the runner) alive; the window's last other reference goes
    (a test ends, a dialog closes) once the result is in. Freeing the callback then must not destroy the
    runner from inside its own signal object's deletion (that crashed, in the events processed after the
    test)."""
    runner = TaskRunner()
    done = []
    runner.run(lambda: 1, on_done=lambda value, window=runner: done.append(value))
    qtbot.waitUntil(lambda: done == [1])
    del runner


def test_a_callback_may_stop_the_runner_and_start_more_work(qtbot):
    """A result that leads to a restore stops the runner from inside its own callback; another starts
    the next piece of work there. Neither may delete the signal object that is delivering."""
    runner = TaskRunner()
    seen = []

    def first(value):
        seen.append(value)
        assert runner.stop(5000)  # the restore's stop, inside the callback
        runner.run(lambda: "second", on_done=seen.append)

    runner.run(lambda: "first", on_done=first)
    qtbot.waitUntil(lambda: seen == ["first", "second"])
    runner.run_detached(lambda stop: "detached", on_done=seen.append)
    qtbot.waitUntil(lambda: len(seen) == 3)
    assert seen[-1] == "detached" and runner.stop(5000) and not runner._pending
