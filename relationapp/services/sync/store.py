"""The sync bookkeeping: accounts and their collections, one row per synced item, conflicts, deletions.

    set_up_account(db, name=..., url=..., user=..., collections={kind: url}) -> SyncAccountInfo
    sync_accounts(db) -> (SyncAccountInfo, ...);  sync_account(db, name=None) -> one or None
    remove_account(db, name=...) -> RemovedAccount (what stays on the server)
    sync_status(db) -> SyncStatus (accounts, last result, conflicts and deletions to review)
    resolve_conflict(db, conflict_id=..., keep="app"|"server")
    settle_deletion(db, item_id=..., delete=True|False)

A field both sides changed differently stays as each side has it until the
user picks one: the pick becomes the app's value, and the base the other
side's, so the next sync carries it over. A deletion on one side is never
carried to the other without the user's word: ``pending`` holds it.

Accounts have names (the owner's iCloud, the firm's Nextcloud). Items hang
under an account's collections, so a person synced with two servers has one
item in each and is one person here; one collection is never in two accounts
(each would take the other's cards for new ones).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

import sqlalchemy as sa

from relationapp.data.db import Database
from relationapp.data.models import Person, SyncAccount, SyncCollection, SyncConflict, SyncItem, utc_now
from relationapp.errors import NotFound, ValidationError
from relationapp.text.catalogue import N_, _

SYNC_KINDS = ("contacts", "tasks", "visits", "dates")
KIND_LABELS = {"contacts": N_("Contacts"), "tasks": N_("Follow-ups"), "visits": N_("Planned visits"),
               "dates": N_("Birthdays and anniversaries")}
# a deletion waiting for the user's word; "delete" once confirmed (carried out at the next sync)
DELETED_IN_APP = "deleted_in_app"  # gone here: delete the server's item too?
DELETED_ON_SERVER = "deleted_on_server"  # gone there: delete ours too?
CONFIRMED = "delete"
FIELD_LABELS = {"name": N_("Name"), "email": N_("E-mail"), "phone": N_("Phone"), "job_title": N_("Job title"),
                "organisation": N_("Organisation"), "birthday": N_("Birthday"), "notes": N_("Notes"),
                "title": N_("Title"), "due": N_("Due"), "done": N_("Done"), "date": N_("Date"),
                "start": N_("Start")}


@dataclass(frozen=True)
class CollectionInfo:
    id: int
    kind: str
    url: str
    sync_token: str | None


DEFAULT_NAME = "default"  # the account made by a setup that names none (and by revision 0017)
NAME_LENGTH = 100


@dataclass(frozen=True)
class SyncAccountInfo:
    id: int
    name: str
    url: str
    user: str
    last_sync_at: dt.datetime | None
    last_result: str | None
    last_ok: bool
    collections: tuple[CollectionInfo, ...]

    def collection(self, kind: str) -> CollectionInfo | None:
        return next((c for c in self.collections if c.kind == kind), None)


@dataclass(frozen=True)
class ItemState:
    id: int
    href: str
    uid: str
    etag: str | None
    local_id: int | None
    base: dict | None
    pending: str | None


@dataclass(frozen=True)
class ConflictView:
    id: int
    item_id: int
    account: str
    kind: str
    local_id: int | None
    what: str  # the person's name, the follow-up's title
    field: str
    app_value: str | None
    server_value: str | None


@dataclass(frozen=True)
class DeletionView:
    item_id: int
    account: str
    kind: str
    local_id: int | None
    what: str
    pending: str  # DELETED_IN_APP / DELETED_ON_SERVER / CONFIRMED


@dataclass(frozen=True)
class SyncStatus:
    accounts: tuple[SyncAccountInfo, ...]
    conflicts: tuple[ConflictView, ...]
    deletions: tuple[DeletionView, ...]
    items: dict  # kind -> items synced


def _info(session, row: SyncAccount) -> SyncAccountInfo:
    cols = session.execute(sa.select(SyncCollection).where(SyncCollection.account_id == row.id)
                           .order_by(SyncCollection.id)).scalars().all()
    return SyncAccountInfo(row.id, row.name, row.url, row.user, row.last_sync_at, row.last_result, bool(row.last_ok),
                           tuple(CollectionInfo(c.id, c.kind, c.url, c.sync_token) for c in cols))


@dataclass(frozen=True)
class RemovedAccount:
    name: str
    url: str
    items: int  # cards and events synced with it: they stay on the server, and the app keeps its records


def clean_name(name: str | None) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError(_("Give the sync account a name."), field="name")
    if len(name) > NAME_LENGTH:
        raise ValidationError(_("The name is at most {count} characters.").format(count=NAME_LENGTH), field="name")
    return name


def _row(session, name: str | None) -> SyncAccount | None:
    """The account by name; without a name the only one (None when there are several: the caller asks)."""
    if name is not None:
        return session.execute(sa.select(SyncAccount).where(SyncAccount.name == clean_name(name))).scalars().first()
    rows = session.execute(sa.select(SyncAccount).order_by(SyncAccount.id).limit(2)).scalars().all()
    return rows[0] if len(rows) == 1 else None


def account_names(db: Database) -> list[str]:
    with db.read() as session:
        return list(session.execute(sa.select(SyncAccount.name).order_by(SyncAccount.id)).scalars())


def unknown_account(db: Database, name: str | None) -> ValidationError:
    """Why no account was found: none set up, several to choose from, or a name that is not there."""
    names = account_names(db)
    if not names:
        return ValidationError(_("No sync is set up: relationapp sync setup --url URL --user USER "
                                 "--address-book NAME --password-stdin (or the Sync page)."))
    if name is None:
        return ValidationError(_("There are several sync accounts; choose one with --account: {names}.").format(
            names=", ".join(names)), field="account")
    return ValidationError(_("No sync account is called '{name}'; there are: {names}.").format(
        name=name[:NAME_LENGTH], names=", ".join(names)), field="account")


def set_up_account(db: Database, *, url: str, user: str, collections: dict[str, str],
                   name: str | None = None) -> SyncAccountInfo:
    """A sync account made or changed, by name (without one: the only account, or "default" for the first):
    a collection whose address changes starts afresh."""
    user = (user or "").strip()
    if not user:
        raise ValidationError(_("Give the user name on the server."), field="user")
    unknown = set(collections) - set(SYNC_KINDS)
    if unknown:
        raise ValidationError(_("Unknown kind of collection: {kinds}.").format(kinds=", ".join(sorted(unknown))))
    if not any(collections.values()):
        raise ValidationError(_("Choose an address book or a calendar to sync."))
    if name is None and len(account_names(db)) > 1:
        raise unknown_account(db, None)
    with db.write() as session:
        row = _row(session, name)
        name = clean_name(name) if name is not None else (row.name if row is not None else DEFAULT_NAME)
        taken = session.execute(
            sa.select(SyncAccount.name, SyncCollection.url).join(SyncCollection, SyncCollection.account_id == SyncAccount.id)
            .where(SyncAccount.name != name, SyncCollection.url.in_([u for u in collections.values() if u]))).first()
        if taken is not None:
            raise ValidationError(_("{url} is synced by the sync account '{name}' already: one collection, one sync "
                                    "account.").format(url=taken[1], name=taken[0]), field="collections")
        if row is None:
            row = SyncAccount(name=name, url=url, user=user)
        elif (row.url, row.user) != (url, user):
            session.execute(sa.delete(SyncCollection).where(SyncCollection.account_id == row.id))
        row.url, row.user = url, user
        session.add(row)
        session.flush()
        for kind, col_url in collections.items():
            col = session.execute(sa.select(SyncCollection).where(
                SyncCollection.account_id == row.id, SyncCollection.kind == kind)).scalars().first()
            if not col_url:
                if col is not None:
                    session.delete(col)
                continue
            if col is not None and col.url != col_url:
                session.delete(col)
                session.flush()
                col = None
            if col is None:
                session.add(SyncCollection(account_id=row.id, kind=kind, url=col_url))
        session.flush()
        return _info(session, row)


def sync_account(db: Database, *, name: str | None = None) -> SyncAccountInfo | None:
    """The account called ``name``; without a name the only one (None if there are none or several)."""
    with db.read() as session:
        row = _row(session, name)
        return None if row is None else _info(session, row)


def sync_accounts(db: Database) -> tuple[SyncAccountInfo, ...]:
    with db.read() as session:
        return tuple(_info(session, row) for row in session.execute(
            sa.select(SyncAccount).order_by(SyncAccount.id)).scalars())


def remove_account(db: Database, *, name: str) -> RemovedAccount:
    """The app stops syncing with this account: its bookkeeping goes (items, conflicts, deletions under
    review); the server keeps its cards and events, the app its people and follow-ups."""
    with db.write() as session:
        row = _row(session, name)
        if row is None:
            raise NotFound(_("No sync account is called '{name}'.").format(name=clean_name(name)))
        collections = sa.select(SyncCollection.id).where(SyncCollection.account_id == row.id)
        item_ids = sa.select(SyncItem.id).where(SyncItem.collection_id.in_(collections))
        removed = RemovedAccount(row.name, row.url, session.execute(
            sa.select(sa.func.count()).select_from(item_ids.subquery())).scalar() or 0)
        # child tables first: no reliance on ON DELETE CASCADE being on in every connection
        session.execute(sa.delete(SyncConflict).where(SyncConflict.item_id.in_(item_ids)))
        session.execute(sa.delete(SyncItem).where(SyncItem.collection_id.in_(collections)))
        session.execute(sa.delete(SyncCollection).where(SyncCollection.account_id == row.id))
        session.execute(sa.delete(SyncAccount).where(SyncAccount.id == row.id))
    return removed


def record_result(db: Database, *, account_id: int, ok: bool, result: str) -> None:
    with db.write() as session:
        row = session.get(SyncAccount, account_id)
        if row is not None:
            row.last_sync_at, row.last_ok, row.last_result = utc_now(), ok, result
            session.add(row)


def items_of(db: Database, *, collection_id: int) -> list[ItemState]:
    with db.read() as session:
        return [ItemState(i, h, u, e, lid, json.loads(b) if b else None, p) for i, h, u, e, lid, b, p in session.execute(
            sa.select(SyncItem.id, SyncItem.href, SyncItem.uid, SyncItem.etag, SyncItem.local_id, SyncItem.base,
                      SyncItem.pending).where(SyncItem.collection_id == collection_id))]


def save_token(session, *, collection_id: int, token: str | None) -> None:
    col = session.get(SyncCollection, collection_id)
    if col is not None and token:
        col.sync_token = token
        session.add(col)


def add_item(session, *, collection_id: int, href: str, uid: str, local_id: int | None, etag: str | None = None,
             base: dict | None = None) -> int:
    item = SyncItem(collection_id=collection_id, href=href, uid=uid, local_id=local_id, etag=etag,
                    base=json.dumps(base, sort_keys=True) if base is not None else None)
    session.add(item)
    session.flush()
    return item.id


def add_items(session, *, collection_id: int, rows: list[tuple[str, str, int | None]]) -> list[int]:
    """New items (href, UID, local id) in one INSERT; their ids in the same order (a first sync adds thousands)."""
    if not rows:
        return []
    statement = sa.insert(SyncItem).returning(SyncItem.id, sort_by_parameter_order=True)
    return list(session.execute(statement, [{"collection_id": collection_id, "href": h, "uid": u, "local_id": lid}
                                            for h, u, lid in rows]).scalars())


def mark_written(session, rows: list[tuple[int, str | None, dict]]) -> None:
    """(item id, ETag, base) of items the server took: one executemany UPDATE for a batch."""
    if not rows:
        return
    table = SyncItem.__table__
    session.execute(sa.update(table).where(table.c.id == sa.bindparam("item_id"))
                    .values(etag=sa.bindparam("new_etag"), base=sa.bindparam("new_base")),
                    [{"item_id": i, "new_etag": e, "new_base": json.dumps(b, sort_keys=True)} for i, e, b in rows])


def update_item(session, item_id: int, **values) -> None:
    if "base" in values and values["base"] is not None:
        values["base"] = json.dumps(values["base"], sort_keys=True)
    session.execute(sa.update(SyncItem).where(SyncItem.id == item_id).values(**values))


def drop_item(session, item_id: int) -> None:
    session.execute(sa.delete(SyncItem).where(SyncItem.id == item_id))


def add_conflict(session, *, item_id: int, field: str, app_value, server_value) -> None:
    old = session.execute(sa.select(SyncConflict).where(SyncConflict.item_id == item_id,
                                                        SyncConflict.field == field)).scalars().first()
    if old is None:
        old = SyncConflict(item_id=item_id, field=field)
    old.app_value, old.server_value, old.found_at = _text(app_value), _text(server_value), utc_now()
    session.add(old)


def conflicting_fields(session, item_id: int) -> set[str]:
    return set(session.execute(sa.select(SyncConflict.field).where(SyncConflict.item_id == item_id)).scalars())


def held_fields(db: Database, *, collection_id: int) -> dict[int, set[str]]:
    """{item id: fields under review} of a collection, in one query (a sync looks at every item)."""
    held: dict[int, set[str]] = {}
    with db.read() as session:
        for item_id, field in session.execute(
                sa.select(SyncConflict.item_id, SyncConflict.field).join(SyncItem, SyncItem.id == SyncConflict.item_id)
                .where(SyncItem.collection_id == collection_id)):
            held.setdefault(item_id, set()).add(field)
    return held


def _text(value) -> str | None:
    return None if value is None else str(value)


def _what(session, kind: str, local_id: int | None) -> str:
    if local_id is None:
        return ""
    if kind == "contacts":
        return session.execute(sa.select(Person.name).where(Person.id == local_id)).scalar() or ""
    from relationapp.data.models import FollowUp, PlannedVisit, Account

    if kind == "tasks":
        return session.execute(sa.select(FollowUp.title).where(FollowUp.id == local_id)).scalar() or ""
    if kind == "visits":
        return session.execute(sa.select(Account.name).join(PlannedVisit, PlannedVisit.account_id == Account.id)
                               .where(PlannedVisit.id == local_id)).scalar() or ""
    return ""


def sync_status(db: Database) -> SyncStatus:
    with db.read() as session:
        accounts = tuple(_info(session, row) for row in session.execute(
            sa.select(SyncAccount).order_by(SyncAccount.id)).scalars())
        names = {a.id: a.name for a in accounts}
        conflicts = []
        for cid, item_id, field, app_value, server_value, account_id, kind, local_id in session.execute(
                sa.select(SyncConflict.id, SyncConflict.item_id, SyncConflict.field, SyncConflict.app_value,
                          SyncConflict.server_value, SyncCollection.account_id, SyncCollection.kind, SyncItem.local_id)
                .join(SyncItem, SyncItem.id == SyncConflict.item_id)
                .join(SyncCollection, SyncCollection.id == SyncItem.collection_id).order_by(SyncConflict.id)):
            conflicts.append(ConflictView(cid, item_id, names.get(account_id, ""), kind, local_id,
                                          _what(session, kind, local_id), field, app_value, server_value))
        deletions = []
        for item_id, account_id, kind, local_id, pending, base in session.execute(
                sa.select(SyncItem.id, SyncCollection.account_id, SyncCollection.kind, SyncItem.local_id,
                          SyncItem.pending, SyncItem.base)
                .join(SyncCollection, SyncCollection.id == SyncItem.collection_id)
                .where(SyncItem.pending.is_not(None)).order_by(SyncItem.id)):
            stored = json.loads(base) if base else {}  # what the item was at the last sync
            what = _what(session, kind, local_id) or stored.get("name") or stored.get("title") or ""
            deletions.append(DeletionView(item_id, names.get(account_id, ""), kind, local_id, what, pending))
        counts = dict(session.execute(
            sa.select(SyncCollection.kind, sa.func.count(SyncItem.id))
            .join(SyncItem, SyncItem.collection_id == SyncCollection.id).group_by(SyncCollection.kind)).all())
    return SyncStatus(accounts, tuple(conflicts), tuple(deletions), counts)


def resolve_conflict(db: Database, *, conflict_id: int, keep: str) -> None:
    """``keep="app"``: the app's value goes to the server; ``"server"``: the server's value comes into the app."""
    if keep not in ("app", "server"):
        raise ValidationError(_("Keep 'app' or 'server'."), field="keep")
    from relationapp.services.sync import people

    with db.write() as session:
        conflict = session.get(SyncConflict, conflict_id)
        if conflict is None:
            raise NotFound(_("Conflict #{id} does not exist (resolved already?).").format(id=conflict_id))
        item = session.get(SyncItem, conflict.item_id)
        kind = session.get(SyncCollection, item.collection_id).kind
        base = json.loads(item.base) if item.base else {}
        if keep == "server":
            if kind == "contacts" and item.local_id is not None:
                people.apply_fields(session, item.local_id, {conflict.field: conflict.server_value})
            elif kind in ("tasks", "visits") and item.local_id is not None:
                from relationapp.services.sync import agenda

                apply = agenda.apply_task if kind == "tasks" else agenda.apply_visit
                apply(session, item.local_id, {conflict.field: conflict.server_value})
            base[conflict.field] = conflict.server_value
        else:
            base[conflict.field] = conflict.server_value  # the server still has it: the app's side is the change
        item.base = json.dumps(base, sort_keys=True)
        session.add(item)
        session.delete(conflict)


def settle_deletion(db: Database, *, item_id: int, delete: bool) -> None:
    """A deletion on one side: carry it to the other (``delete=True``, at the next sync) or undo it."""
    with db.write() as session:
        item = session.get(SyncItem, item_id)
        if item is None or item.pending is None:
            raise NotFound(_("No deletion #{id} waits for review.").format(id=item_id))
        kind = session.get(SyncCollection, item.collection_id).kind
        if delete:
            if item.pending == DELETED_ON_SERVER:
                if item.local_id is not None and kind == "contacts":
                    from relationapp.services.sync import people

                    people.delete_person(session, item.local_id)
                elif item.local_id is not None:
                    from relationapp.services.sync import agenda

                    agenda.delete_local(session, kind, item.local_id)
                session.delete(item)
            else:
                item.pending = CONFIRMED  # the server's item goes at the next sync
                session.add(item)
        elif item.pending == DELETED_ON_SERVER:
            # keep ours: it goes to the server again as a new item
            item.href, item.etag, item.base, item.pending = item.href, None, None, None
            session.add(item)
        else:
            # keep the server's: it comes back into the app at the next sync
            session.delete(item)
            session.flush()
            col = session.get(SyncCollection, item.collection_id)
            col.sync_token = None
            session.add(col)
