"""The server goes down under an open window (a real PostgreSQL cluster of this test's own, stopped and
started again): one dialog, read-only with writes refused, and back with the lists refreshed once it answers."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from relationapp.errors import ConnectionLost
from relationapp.services.customers import accounts

pytestmark = pytest.mark.pg
SHOTS = Path(os.environ.get("RELATIONAPP_SHOTS", "/tmp/signin"))


@pytest.fixture
def own_server():
    """A cluster for this test alone: stopping it must not stop any other test's server."""
    from tests import pg_server as servers

    try:
        server = servers.start_server(own=True)  # (never a given server: that one is not ours to stop)
    except FileNotFoundError as exc:
        if os.environ.get(servers.REQUIRE_ENV) == "1":
            pytest.fail(str(exc))
        pytest.skip(f"{exc}; this test needs PostgreSQL")
    yield server
    servers.stop_server(server)


@pytest.fixture
def server_window(own_server, qtbot):
    from relationapp.services.data_care.opening import open_database
    from relationapp.ui.common.context import AppContext
    from relationapp.ui.shell.main_window import MainWindow

    db = open_database(own_server.create_database("lost"))
    accounts.create_account(db, name="Bakkerij Jansen")
    ctx = AppContext(db)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    ctx.watch_other_sessions()
    yield window
    ctx.stop_watching()
    ctx.tasks.stop()
    db.dispose()


def test_the_window_is_read_only_while_the_server_is_down_and_writes_again_once_it_answers(
        server_window, own_server, qtbot, answered_boxes):
    from relationapp.data.db import Database
    from tests.pg_server import pause_server, resume_server

    window, ctx = server_window, server_window.ctx
    window.show_page("accounts")
    view = window.views["accounts"]
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)

    pause_server(own_server)
    qtbot.waitUntil(lambda: ctx.connection_lost, timeout=10_000)  # the watch (every 1.5 s) notices first
    assert len(answered_boxes.shown) == 1  # one dialog says what happened
    assert answered_boxes.shown[-1][:2] == ("Lost the connection",
                                            "Lost the connection to the server; the window is read-only until it returns.")
    assert not window.new_account_action.isEnabled() and not window.log_action.isEnabled()
    assert window.offline_label.isVisibleTo(window)
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / "window-read-only.png"))
    view.refresh_or_mark_stale()  # a page reading meanwhile: no error dialog, it reads again once back
    assert view.stale and len(answered_boxes.shown) == 1
    assert ctx.ops.run(window, accounts.create_account, ctx.db, name="Slagerij de Boer") is None  # refused at once
    assert answered_boxes.shown[-1][:2] == ("Not saved", "Lost the connection to the server; nothing was saved. "
                                            "The window is read-only until the server answers again.")
    with pytest.raises(ConnectionLost):
        ctx.ops.call(accounts.create_account, ctx.db, name="Slagerij de Boer")
    ctx.probe_server()  # still down: still read-only
    qtbot.waitUntil(lambda: not ctx._probing)
    assert ctx.connection_lost

    resume_server(own_server)
    other = Database(ctx.db.url)  # another window saved something as soon as the server was back
    try:
        accounts.create_account(other, name="Groenteboer Pietersen")
    finally:
        other.dispose()
    with qtbot.waitSignal(ctx.connection_lost_changed, timeout=10_000) as back:
        ctx.probe_server()
    assert back.args == [False] and not ctx.connection_lost
    assert window.new_account_action.isEnabled() and not window.offline_label.isVisibleTo(window)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)  # the lists refreshed
    assert ctx.ops.call(accounts.create_account, ctx.db, name="Slagerij de Boer").name == "Slagerij de Boer"
    assert len(answered_boxes.shown) == 2  # no error dialog on the way


def test_a_page_first_opened_while_the_server_is_down_waits_for_it(server_window, own_server, qtbot, answered_boxes):
    from relationapp.ui.shell.main_window import WaitingForServer
    from tests.pg_server import pause_server, resume_server

    window, ctx = server_window, server_window.ctx
    ctx.stop_watching()  # the page itself notices, not the watch
    pause_server(own_server)
    window.show_page("accounts")  # never built before: it cannot read its list
    waiting = window.stack.currentWidget()
    assert isinstance(waiting, WaitingForServer) and "opens once the server answers" in waiting.text.text()
    assert ctx.connection_lost and not window.new_account_action.isEnabled()
    assert [title for title, _text, _format in answered_boxes.shown] == ["Lost the connection"]  # no traceback
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / "page-waiting-for-server.png"))

    resume_server(own_server)
    with qtbot.waitSignal(ctx.connection_lost_changed, timeout=10_000):
        ctx.probe_server()
    view = window.stack.currentWidget()
    assert window.views["accounts"] is view and not isinstance(view, WaitingForServer)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    assert len(answered_boxes.shown) == 1
