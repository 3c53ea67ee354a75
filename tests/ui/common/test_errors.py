"""The error dialog words a fault of the machine as the command line does; a bug stays a bug."""

from __future__ import annotations

import errno
import sqlite3
import sys

import pytest

pytest.importorskip("PySide6")

from relationapp.services.data_care.faults import describe_fault  # noqa: E402
from relationapp.ui.common import errors  # noqa: E402


def _raised_by_operation(ctx, exc: BaseException) -> BaseException:
    def service(db):
        raise exc

    try:
        ctx.ops.run(None, service, ctx.db)
    except BaseException as caught:  # noqa: BLE001 - not a ServiceError: it leaves the runner
        return caught
    raise AssertionError("the operation did not raise")


@pytest.mark.parametrize("exc", [
    sqlite3.OperationalError("database or disk is full"),
    OSError(errno.ENOSPC, "No space left on device", "/data/relationapp.db-journal"),
])
def test_a_full_disk_in_an_operation_shows_the_fault_line(ctx, answered_boxes, exc):
    caught = _raised_by_operation(ctx, exc)
    errors.show_error(type(caught), caught, caught.__traceback__, db_path=ctx.db.path)
    (title, text, _format), = answered_boxes.shown
    assert text == describe_fault(caught, db_path=ctx.db.path)
    assert text.startswith("The disk is full")


def test_the_installed_hook_shows_the_fault_line(ctx, answered_boxes, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    errors.install_error_dialog()
    assert sys.excepthook is not sys.__excepthook__
    caught = _raised_by_operation(ctx, sqlite3.OperationalError("database or disk is full"))
    monkeypatch.setattr(errors.traceback, "print_exception", lambda *a: None)
    sys.excepthook(type(caught), caught, caught.__traceback__)
    (_title, text, _format), = answered_boxes.shown
    assert "The disk is full" in text and "nothing was saved" in text


def test_the_open_database_is_named_without_a_path(ctx):
    with ctx.db.read():
        pass
    line = errors.describe(sqlite3.OperationalError("database or disk is full"))
    if errors._open_database_path() is not None:
        assert str(errors._open_database_path()) in line
    assert line.startswith("The disk is full")


def test_a_plain_bug_still_says_something_went_wrong(ctx, answered_boxes):
    caught = _raised_by_operation(ctx, KeyError("oops"))
    errors.show_error(type(caught), caught, caught.__traceback__, db_path=ctx.db.path)
    (_title, text, _format), = answered_boxes.shown
    assert text.startswith("Something went wrong: KeyError")


def test_another_database_refusal_keeps_its_wording(ctx):
    line = errors.describe(sqlite3.IntegrityError("UNIQUE constraint failed: account.name"), db_path=ctx.db.path)
    assert line.startswith("The database refused the change")
