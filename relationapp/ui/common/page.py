"""The one protocol of a page (a sidebar page or an account tab): refresh on the changes it shows.

    class TodayView(Page, QWidget):
        CHANGES = (Kind.INTERACTIONS, Kind.FOLLOW_UPS, ...)
        def __init__(self, ctx, parent=None):
            ...
            self.watch(ctx)

A page that is visible refreshes at once; a hidden one is only marked stale
and refreshes when next shown. A page with finer needs overrides
``changes_seen`` (and may still use ``stale``).
"""

from __future__ import annotations

from relationapp.errors import ConnectionLost
from relationapp.services.common.changes import Changes, Kind


class Page:
    CHANGES: tuple[Kind, ...] = ()
    stale: bool = False

    # No ``refresh`` here: each page has its own, and a list page takes LazyListView's (which
    # comes after Page in its bases, so a stub here would hide it).

    def watch(self, ctx) -> None:
        self._page_ctx = ctx
        ctx.changed.connect(self.changes_seen)  # a bound slot: Qt drops it with the widget

    def _refresh(self) -> None:
        """``refresh()``; a server that stopped answering meanwhile makes the window read-only (one dialog,
        not an error per page) and the page refreshes when the connection is back (everything is then)."""
        try:
            self.refresh()
        except ConnectionLost:
            self.stale = True
            ctx = getattr(self, "_page_ctx", None)
            if ctx is None:
                raise
            ctx.lose_connection()

    def changes_seen(self, changes: Changes) -> None:
        if changes.touches(*self.CHANGES):
            self.refresh_or_mark_stale()

    def refresh_or_mark_stale(self) -> None:
        if self.isVisible():
            self.stale = False
            self._refresh()
        else:
            self.stale = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.stale:
            self.stale = False
            self._refresh()
