"""One sync with the phone's server: the account's address book and calendars, both ways.

    sync_now(db, kinds=None, password=None, progress=..., stop=...) -> SyncSummary
    set_up(db, url=..., user=..., password=..., address_book=..., tasks=..., visits=..., dates=...)
    find_collections(db, url=..., user=..., password=None) -> [Collection]   (to choose from)

The password lives in the system keyring (``exchange.mail.password`` with
the service ``relationapp-dav``), never in the database. Each kind syncs on
its own: one that fails (the server answered 500, timed out, went away) is
reported and the others still run; the next sync resumes where it stopped.
The account keeps the last sync's time and one line of result.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from urllib.parse import urlsplit

from relationapp.data.db import Database
from relationapp.errors import ValidationError
from relationapp.exchange.dav.client import Collection, DavConnection, DavError, LoginRefused, check_url
from relationapp.exchange.dav.contacts import sync_contacts
from relationapp.exchange.dav.engine import KindSummary, Progress
from relationapp.exchange.mail import password as passwords
from relationapp.services.sync import store
from relationapp.text import formatting
from relationapp.text.catalogue import _

SERVICE = "relationapp-dav"
COMMAND = "relationapp sync --password-stdin"


@dataclass(frozen=True)
class SyncSummary:
    kinds: tuple[KindSummary, ...]
    failures: tuple[str, ...]  # one line per kind that could not sync

    @property
    def ok(self) -> bool:
        return not self.failures

    def text(self) -> str:
        fmt = formatting.current()
        parts = []
        for k in self.kinds:
            bits = []
            if k.added_here or k.changed_here:
                bits.append(_("{count} in from the server").format(count=fmt.number(k.added_here + k.changed_here)))
            if k.added_there or k.changed_there or k.deleted_there:
                bits.append(_("{count} out to the server").format(
                    count=fmt.number(k.added_there + k.changed_there + k.deleted_there)))
            if k.conflicts:
                bits.append(_("{count} conflicts to review").format(count=fmt.number(k.conflicts)))
            if k.waiting_deletions:
                bits.append(_("{count} deletions to confirm").format(count=fmt.number(k.waiting_deletions)))
            if k.problems:
                bits.append(_("{count} problems").format(count=fmt.number(len(k.problems))))
            label = _(store.KIND_LABELS[k.kind])
            parts.append(f"{label}: " + (", ".join(bits) if bits else _("nothing changed")))
        parts.extend(self.failures)
        return "; ".join(parts) or _("Nothing to sync.")


def _host(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.hostname}:{parts.port}" if parts.port else (parts.hostname or url)


def _password(url: str, user: str, password: str | None) -> str:
    password = password or passwords.load_password(host=_host(url), user=user, service=SERVICE, command=COMMAND)
    if not password:
        raise ValidationError(_("Give the password (relationapp sync setup ... --password-stdin)."),
                              field="password")
    return password


def find_collections(db: Database, *, url: str | None = None, user: str | None = None,
                     password: str | None = None) -> list[Collection]:
    """The address books and calendars on the server (the one set up when ``url`` is not given)."""
    if not url:
        account = store.sync_account(db)
        if account is None:
            raise ValidationError(_("Give the server address and user name first."), field="url")
        url, user = account.url, account.user
    url, user = check_url(url), (user or "").strip()
    with DavConnection(url, user, _password(url, user, password)) as conn:
        return conn.collections()


def set_up(db: Database, *, url: str, user: str, password: str | None = None, address_book: str | None = None,
           tasks: str | None = None, visits: str | None = None, dates: str | None = None,
           check: bool = True) -> store.SyncAccountInfo:
    """The sync account: checked against the server (the password and each collection) before it is kept.

    Without any collection named, the server's only (or first) address book is taken; calendars are
    only ever the ones the user names (one per kind: a wrong pick would mix visits into a calendar)."""
    url = check_url(url)
    user = (user or "").strip()
    collections = {"contacts": address_book, "tasks": tasks, "visits": visits, "dates": dates}
    collections = {k: (v if not v or "://" in v or v.startswith("/") else url + v.strip("/") + "/")
                   for k, v in collections.items()}
    if password is None:
        password = passwords.load_password(host=_host(url), user=user, service=SERVICE, command=COMMAND)
    if check:
        password = _password(url, user, password)
        with DavConnection(url, user, password) as conn:
            if not any(collections.values()):
                books = [c for c in conn.collections() if c.kind == "contacts"]
                if not books:
                    raise ValidationError(_("The server has no address book for {user}; name one with "
                                            "--address-book.").format(user=user), field="contacts")
                collections["contacts"] = books[0].href
            for value in collections.values():
                if value:
                    conn.check(value)
    if password:
        passwords.store_password(host=_host(url), user=user, password=password, service=SERVICE, command=COMMAND)
    return store.set_up_account(db, url=url, user=user, collections={k: v or "" for k, v in collections.items()})


def sync_now(db: Database, *, kinds: tuple[str, ...] | None = None, password: str | None = None,
             progress: Progress | None = None, stop: threading.Event | None = None,
             timeout: float | None = None, describe_visits=None) -> SyncSummary:
    """``describe_visits(db, stops) -> {visit id: text}``: the briefing's summary for each visit's event
    (``reports.visits.visits_ics.visit_descriptions``, passed in from above: reports sit over exchange)."""
    account = store.sync_account(db)
    if account is None:
        raise ValidationError(_("No sync is set up: relationapp sync setup --url URL --user USER "
                                "--address-book NAME --password-stdin (or the Sync page)."))
    if password is None:
        password = passwords.load_password(host=_host(account.url), user=account.user, service=SERVICE,
                                           command=COMMAND)
    if not password:
        raise ValidationError(_("No password is stored for {user}: give it with relationapp sync setup ... "
                                "--password-stdin.").format(user=account.user), field="password")
    from relationapp.exchange.dav import calendars

    runners = {"contacts": sync_contacts, "tasks": calendars.sync_tasks, "visits": calendars.sync_visits,
               "dates": calendars.sync_dates}
    done: list[KindSummary] = []
    failures: list[str] = []
    kw = {"timeout": timeout} if timeout else {}
    with DavConnection(account.url, account.user, password, **kw) as conn:
        for collection in account.collections:
            if kinds and collection.kind not in kinds:
                continue
            try:
                extra = {"describe": describe_visits} if collection.kind == "visits" and describe_visits else {}
                done.append(runners[collection.kind](db, conn, collection, progress=progress, stop=stop, **extra))
            except DavError as exc:
                failures.append(f"{_(store.KIND_LABELS[collection.kind])}: {exc}")
                if isinstance(exc, LoginRefused):
                    break
    summary = SyncSummary(tuple(done), tuple(failures))
    store.record_result(db, account_id=account.id, ok=summary.ok, result=summary.text())
    return summary
