"""The app's claim on a database is an OS lock on its holder file: gone when the process is."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys

import pytest

from relationapp.services.data_care.instance_lock import (
    acquire_instance_lock,
    current_holder,
    held_here,
    lock_path,
    release_instance_lock,
)

pytestmark = pytest.mark.skipif(os.name != "posix", reason="flock and kill -9 are POSIX")

HOLD = ("import sys; from relationapp.services.data_care.instance_lock import acquire_instance_lock as a;"
        "h = a(sys.argv[1]); print('held' if h is None else f'refused {h.pid}', flush=True); sys.stdin.read()")


class OtherApp:
    """Another process that claims the database and keeps it until told to stop (or killed)."""

    def __init__(self, db_path):
        self.proc = subprocess.Popen([sys.executable, "-c", HOLD, str(db_path)], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True)
        self.answer = self.proc.stdout.readline().strip()

    @property
    def pid(self) -> int:
        return self.proc.pid

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.stdin.close()
        self.proc.wait(10)
        self.proc.stdout.close()
        if not self.proc.stdin.closed:
            self.proc.stdin.close()


@pytest.fixture
def other_app(db_path):
    started = []

    def start():
        app = OtherApp(db_path)
        started.append(app)
        return app

    yield start
    for app in started:
        app.stop()


def _stale_holder_file(db_path, pid: int) -> None:
    lock_path(db_path).write_text(json.dumps({"host": socket.gethostname(), "pid": pid, "since": "09:00"}))


def test_a_holder_file_naming_a_live_foreign_process_without_the_lock_is_taken_over(db_path):
    live = os.getppid()  # alive, not us, and holding no lock on the file (a PID reused after a crash)
    _stale_holder_file(db_path, live)
    assert current_holder(db_path) is None
    assert acquire_instance_lock(db_path) is None
    try:
        assert held_here(db_path)
        assert json.loads(lock_path(db_path).read_text())["pid"] == os.getpid()  # it says who holds it now
    finally:
        release_instance_lock(db_path)
    assert current_holder(db_path) is None


def test_a_process_holding_the_os_lock_is_reported_as_the_holder(db_path, other_app):
    app = other_app()
    assert app.answer == "held"
    holder = current_holder(db_path)
    assert holder is not None and holder.pid == app.pid
    assert acquire_instance_lock(db_path).pid == app.pid
    assert not held_here(db_path)
    release_instance_lock(db_path)  # not ours: nothing happens
    assert current_holder(db_path).pid == app.pid
    app.stop()  # a clean exit releases it too
    assert current_holder(db_path) is None


def test_a_holder_killed_with_kill_9_releases_the_database(db_path, other_app):
    app = other_app()
    assert app.answer == "held"
    assert acquire_instance_lock(db_path) is not None
    os.kill(app.pid, signal.SIGKILL)
    app.proc.wait(10)
    assert lock_path(db_path).exists()  # the file says process N still, but nobody holds the lock
    assert current_holder(db_path) is None
    assert acquire_instance_lock(db_path) is None
    release_instance_lock(db_path)


def test_this_process_holding_it_blocks_another(db_path, other_app):
    assert acquire_instance_lock(db_path) is None
    assert acquire_instance_lock(db_path) is None  # ours already
    try:
        app = other_app()
        assert app.answer == f"refused {os.getpid()}"
    finally:
        release_instance_lock(db_path)
    assert not lock_path(db_path).exists()
    assert other_app().answer == "held"  # free again


def test_restore_is_not_refused_because_of_a_stale_holder_file(tmp_path):
    from relationapp.services.customers.accounts import create_account
    from relationapp.services.data_care.opening import open_database

    path = tmp_path / "firm.db"
    db = open_database(str(path))
    create_account(db, name="A")
    db.dispose()
    cli = [sys.executable, "-m", "relationapp", "--db", str(path)]
    assert subprocess.run(cli + ["backup", str(tmp_path / "b.db")], capture_output=True).returncode == 0
    _stale_holder_file(path, os.getppid())
    out = subprocess.run(cli + ["restore", str(tmp_path / "b.db")], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert current_holder(path) is None


def test_restore_is_refused_while_a_window_holds_the_database(tmp_path, other_app):
    from relationapp.services.data_care.opening import open_database

    path = tmp_path / "relationapp.db"
    open_database(str(path)).dispose()
    cli = [sys.executable, "-m", "relationapp", "--db", str(path)]
    assert subprocess.run(cli + ["backup", str(tmp_path / "b.db")], capture_output=True).returncode == 0
    app = OtherApp(path)
    try:
        assert app.answer == "held"
        out = subprocess.run(cli + ["restore", str(tmp_path / "b.db")], capture_output=True, text=True)
        assert out.returncode == 2 and f"process {app.pid}" in out.stderr and out.stderr.count("\n") == 1
    finally:
        app.stop()
