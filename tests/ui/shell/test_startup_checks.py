"""Around opening the database: another app holding it, a damaged file, the daily backup."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading

import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QMessageBox  # noqa: E402

from relationapp.services.customers.accounts import create_account  # noqa: E402
from relationapp.services.data_care.backups import list_backups, make_backup  # noqa: E402
from relationapp.services.data_care.instance_lock import (  # noqa: E402
    lock_path,
    release_instance_lock,
)
from relationapp.ui.shell import startup_checks  # noqa: E402
from tests.helpers import count  # noqa: E402


def test_a_free_database_is_claimed(db_path, qtbot):
    assert startup_checks.claim_database(db_path) == "open"
    release_instance_lock(db_path)


HOLD = ("import sys; from relationapp.services.data_care.instance_lock import acquire_instance_lock as a;"
        "assert a(sys.argv[1]) is None; print('held', flush=True); sys.stdin.read()")


def test_a_database_held_elsewhere_is_offered_read_only(db_path, qtbot, monkeypatch):
    other = subprocess.Popen([sys.executable, "-c", HOLD, str(db_path)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout.readline().strip() == "held"  # the other app has the OS lock
        shown = {}

        def fake_exec(box):
            shown["text"] = box.text()
            box.buttons()[0].click()  # "Open read-only"
            return 0

        monkeypatch.setattr(QMessageBox, "exec", fake_exec)
        assert startup_checks.claim_database(db_path) == "read_only"
        assert f"process {other.pid}" in shown["text"]
    finally:
        other.stdin.close()
        other.wait(10)
        other.stdout.close()


def test_a_stale_holder_file_naming_a_live_process_does_not_block_the_start(db_path, qtbot, monkeypatch):
    # the PID belongs to a live process (pytest's parent) that holds no lock: a leftover, not a holder
    lock_path(db_path).write_text(json.dumps({"host": socket.gethostname(), "pid": os.getppid(), "since": "9:00"}))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: pytest.fail("asked although nobody holds the file"))
    assert startup_checks.claim_database(db_path) == "open"
    release_instance_lock(db_path)


def test_after_start_a_daily_backup_is_made_without_a_plain_open_of_the_live_file(ctx, qtbot, plain_opens_of):
    create_account(ctx.db, name="A")
    seen = plain_opens_of(ctx.db.path)
    with qtbot.waitSignal(ctx.status_message, timeout=10000) as said:
        startup_checks.after_window_shown(ctx, None)
    assert "Daily backup written" in said.args[0]
    assert len(list_backups(ctx.db.path.parent / "backups")) == 1
    assert seen == []


def test_closing_during_the_check_stops_it_and_delivers_nothing(ctx, qtbot):
    started, said = threading.Event(), []
    ctx.status_message.connect(said.append)

    def check(stop):
        started.set()
        stop.wait(30)
        return "late"

    ctx.tasks.run_detached(check, on_done=lambda value: ctx.say(value))
    assert started.wait(10)
    assert ctx.tasks.stop(10000)
    qtbot.wait(20)  # a queued result would arrive now
    assert said == []


def test_a_damaged_database_is_offered_the_latest_good_backup(ctx, qtbot, answered_boxes):
    create_account(ctx.db, name="Safe")
    make_backup(ctx.db.path, backup_dir=ctx.db.path.parent / "backups")
    ctx.db.dispose()
    data = bytearray(ctx.db.path.read_bytes())
    data[4096 * 2:4096 * 2 + 64] = b"\xff" * 64  # a page header gone
    ctx.db.path.write_bytes(bytes(data))
    startup_checks.after_window_shown(ctx, None)
    qtbot.waitUntil(lambda: bool(answered_boxes.shown), timeout=5000)
    asked = answered_boxes.shown[0][1]
    assert "damaged" in asked or "latest good backup" in asked
    assert count(ctx.db, "account") == 1
