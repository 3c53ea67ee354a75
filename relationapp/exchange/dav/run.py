"""One sync with the phone's servers: each account's address book and calendars, both ways.

    sync_now(db, account=None, kinds=None, password=None, progress=..., stop=...) -> SyncRun
    set_up(db, name=None, url=..., user=..., password=..., address_book=..., tasks=..., visits=..., dates=...)
    remove(db, name=...) -> store.RemovedAccount
    find_collections(db, account=None, url=..., user=..., password=None) -> [Collection]   (to choose from)

The password lives in the system keyring (``exchange.mail.password`` with
the service ``relationapp-dav``), never in the database, one entry per user
and server: two accounts of the same login (two address books of one
Nextcloud user) share it. Each kind syncs on its own: one that fails (the
server answered 500, timed out, went away) is reported and the others still
run; so does each account when all sync. The next sync resumes where it
stopped. Each account keeps its last sync's time and one line of result.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from urllib.parse import urlsplit

from relationapp.data.db import Database
from relationapp.errors import ServiceError, ValidationError
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
    account: str = ""

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


@dataclass(frozen=True)
class SyncRun:
    """The sync of one account or of all of them, one summary each."""

    accounts: tuple[SyncSummary, ...]

    @property
    def ok(self) -> bool:
        return all(a.ok for a in self.accounts)

    @property
    def kinds(self) -> tuple[KindSummary, ...]:
        return tuple(k for a in self.accounts for k in a.kinds)

    @property
    def failures(self) -> tuple[str, ...]:
        return tuple(self._named(a, line) for a in self.accounts for line in a.failures)

    def _named(self, summary: SyncSummary, text: str) -> str:
        return f"{summary.account}: {text}" if len(self.accounts) > 1 else text

    def text(self) -> str:
        if not self.accounts:
            return _("Nothing to sync.")
        return "\n".join(self._named(a, a.text()) for a in self.accounts)


def _host(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.hostname}:{parts.port}" if parts.port else (parts.hostname or url)


def _password(url: str, user: str, password: str | None) -> str:
    password = password or passwords.load_password(host=_host(url), user=user, service=SERVICE, command=COMMAND)
    if not password:
        raise ValidationError(_("Give the password (relationapp sync setup ... --password-stdin)."),
                              field="password")
    return password


def find_collections(db: Database, *, account: str | None = None, url: str | None = None, user: str | None = None,
                     password: str | None = None) -> list[Collection]:
    """The address books and calendars on the server (the account's when ``url`` is not given)."""
    if not url:
        info = store.sync_account(db, name=account)
        if info is None:
            if account is not None or len(store.account_names(db)) > 1:
                raise store.unknown_account(db, account)
            raise ValidationError(_("Give the server address and user name first."), field="url")
        url, user = info.url, info.user
    url, user = check_url(url), (user or "").strip()
    with DavConnection(url, user, _password(url, user, password)) as conn:
        return conn.collections()


def set_up(db: Database, *, url: str, user: str, password: str | None = None, address_book: str | None = None,
           tasks: str | None = None, visits: str | None = None, dates: str | None = None,
           check: bool = True, name: str | None = None) -> store.SyncAccountInfo:
    """A sync account (``name``; without one the only account, or the first, "default"): checked against
    the server (the password and each collection) before it is kept.

    Without any collection named, the server's only (or first) address book is taken; calendars are
    only ever the ones the user names (one per kind: a wrong pick would mix visits into a calendar)."""
    url = check_url(url)
    user = (user or "").strip()
    if name is not None:
        name = store.clean_name(name)
    elif len(store.account_names(db)) > 1:
        raise store.unknown_account(db, None)
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
    return store.set_up_account(db, name=name, url=url, user=user,
                                collections={k: v or "" for k, v in collections.items()})


def remove(db: Database, *, name: str) -> store.RemovedAccount:
    """The account goes (its cards and events stay on the server); its password too, unless another
    account logs in with it."""
    account = store.sync_account(db, name=name)
    if account is None:
        raise store.unknown_account(db, name)
    removed = store.remove_account(db, name=name)
    if not any((a.url, a.user) == (account.url, account.user) for a in store.sync_accounts(db)):
        try:
            passwords.forget_password(host=_host(account.url), user=account.user, service=SERVICE, command=COMMAND)
        except passwords.KeyringMissing:
            pass  # nothing could have been stored there
    return removed


def sync_now(db: Database, *, account: str | None = None, kinds: tuple[str, ...] | None = None,
             password: str | None = None, progress: Progress | None = None, stop: threading.Event | None = None,
             timeout: float | None = None, describe_visits=None) -> SyncRun:
    """The account called ``account``, or every account one after the other (one that fails is its own
    line; the others still sync). ``password``: for a single account only.

    ``describe_visits(db, stops) -> {visit id: text}``: the briefing's summary for each visit's event
    (``reports.visits.visits_ics.visit_descriptions``, passed in from above: reports sit over exchange)."""
    if account is not None:
        one = store.sync_account(db, name=account)
        if one is None:
            raise store.unknown_account(db, account)
        accounts: tuple[store.SyncAccountInfo, ...] = (one,)
    else:
        accounts = store.sync_accounts(db)
        if not accounts:
            raise store.unknown_account(db, None)
    if password is not None and len(accounts) > 1:
        raise ValidationError(_("A password given here is for one sync account: name it with --account."),
                              field="password")
    if len(accounts) == 1:
        return SyncRun((_sync_account(db, accounts[0], kinds=kinds, password=password, progress=progress, stop=stop,
                                      timeout=timeout, describe_visits=describe_visits),))
    done = []
    for info in accounts:
        if stop is not None and stop.is_set():
            break
        try:
            done.append(_sync_account(db, info, kinds=kinds, password=None, progress=progress, stop=stop,
                                      timeout=timeout, describe_visits=describe_visits))
        except ServiceError as exc:  # no password stored, the keyring locked: this account's line
            store.record_result(db, account_id=info.id, ok=False, result=str(exc))
            done.append(SyncSummary((), (str(exc),), info.name))
    return SyncRun(tuple(done))


def _sync_account(db: Database, account: store.SyncAccountInfo, *, kinds, password, progress, stop, timeout,
                  describe_visits) -> SyncSummary:
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
    summary = SyncSummary(tuple(done), tuple(failures), account.name)
    store.record_result(db, account_id=account.id, ok=summary.ok, result=summary.text())
    return summary
