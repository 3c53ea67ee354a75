"""Every window current: another process's writes reach this window's pages; its own are broadcast once."""

from __future__ import annotations

import subprocess
import sys

from relationapp.services.common.changes import Kind
from relationapp.services.customers import accounts

ANOTHER_WINDOW = """
import sys
from relationapp.data.db import Database
from relationapp.services.customers import accounts
db = Database.open(sys.argv[1])
accounts.create_account(db, name=sys.argv[2], city="Maastricht")
db.dispose()
"""


def test_an_account_another_process_adds_shows_in_the_open_list(window, qtbot):
    ctx = window.ctx
    ctx.watch_other_sessions(interval_ms=200)
    window.show_page("accounts")
    view = window.views["accounts"]
    qtbot.keyClicks(view.search, "zonnepanelen")
    qtbot.waitUntil(lambda: view.model.total() == 0)

    with qtbot.waitSignal(ctx.changed, check_params_cb=lambda changes: changes.touches(Kind.ACCOUNTS)):
        subprocess.run([sys.executable, "-c", ANOTHER_WINDOW, str(ctx.db.path), "Zonnepanelen Zuid B.V."], check=True)
    qtbot.waitUntil(lambda: view.model.total() == 1)
    assert view.model.data(view.model.index(0, 0)) == "Zonnepanelen Zuid B.V."
    assert ctx.stop_watching() is True


def test_this_windows_own_write_is_broadcast_once(ctx, qtbot):
    ctx.watch_other_sessions(interval_ms=60_000)  # looked at by hand below
    heard = []
    ctx.changed.connect(heard.append)
    ctx.ops.call(accounts.create_account, ctx.db, name="Jansen")
    assert [changes.touches(Kind.ACCOUNTS) for changes in heard] == [True]
    ctx.look_for_other_writes()  # the data version moved (our own commit), but the write was ours
    assert len(heard) == 1
