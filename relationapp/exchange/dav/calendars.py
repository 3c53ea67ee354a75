"""Follow-ups, planned visits and personal dates on CalDAV calendars (filled in below)."""

from __future__ import annotations

from relationapp.exchange.dav.contacts import KindSummary


def sync_tasks(db, conn, collection, *, progress=None, stop=None) -> KindSummary:
    return KindSummary("tasks")


def sync_visits(db, conn, collection, *, progress=None, stop=None) -> KindSummary:
    return KindSummary("visits")


def sync_dates(db, conn, collection, *, progress=None, stop=None) -> KindSummary:
    return KindSummary("dates")
