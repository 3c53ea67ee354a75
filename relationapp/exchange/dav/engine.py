"""One collection (the address book, a calendar) <-> its records in the app, both ways.

    sync_collection(db, conn, collection, side, progress=..., stop=...) -> KindSummary

``side`` (``Side``) says what the records are: people and cards
(``exchange.dav.contacts``), follow-ups and tasks, visits and events, dates
(``exchange.dav.calendars``). The steps are the same for each:

1. The server's changes since the last sync token (hrefs and ETags, no
   bodies; without a token every href), then the bodies of the changed
   items, ``BATCH`` at a time, each batch one transaction: a new item becomes
   a record (or is matched to one not synced yet: a first sync never doubles
   anyone), a changed item is merged field by field with its record
   (``services.sync.merge``); what the app changed meanwhile goes back in the
   same pass. An item the server lost waits for the user's word
   (``store.DELETED_ON_SERVER``).
2. The app's changes: a record whose fields differ from the last sync goes
   into the server's item (the server's item is read and only those
   properties change), a new record is a new item with a UID of its own and
   ``href = UID + extension`` (written ``If-None-Match: *`` after its row is
   saved: a sync cut off in between writes the same item again, never a
   second one), a record gone from the app waits for the user's word
   (``store.DELETED_IN_APP``), a confirmed deletion is sent.
3. The new sync token is kept last: a sync cut off (an error, kill -9) asks
   again for the same changes; the items it had done match their ETags and
   are skipped.
"""

from __future__ import annotations

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import urlsplit

from relationapp.data.db import Database
from relationapp.exchange.dav.client import WRITERS, DavConnection, DavError
from relationapp.services.sync import store
from relationapp.services.sync.merge import merge
from relationapp.services.common.validation import shown
from relationapp.text.catalogue import _

BATCH = 200
Progress = Callable[[int, int, str], None]


@dataclass
class KindSummary:
    kind: str
    added_here: int = 0  # new in the app
    changed_here: int = 0
    added_there: int = 0  # new on the server
    changed_there: int = 0
    deleted_there: int = 0
    conflicts: int = 0
    waiting_deletions: int = 0
    problems: list = field(default_factory=list)

    @property
    def changed_anything(self) -> bool:
        return any((self.added_here, self.changed_here, self.added_there, self.changed_there, self.deleted_there,
                    self.conflicts, self.waiting_deletions))


class Unreadable(ValueError):
    """The server's item breaks its grammar (vCard, iCalendar) or lacks what the app needs (a start)."""


class Side:
    """What the records of one kind are; ``exchange.dav.contacts`` and ``calendars`` fill it in."""

    kind = ""
    fields: tuple[str, ...] = ()
    extension = ".ics"

    def local(self, db: Database, mapped: set[int]) -> dict[int, dict]:
        """{local id: fields} of the records to sync (``mapped``: the ids synced before)."""
        raise NotImplementedError

    def read(self, text: str) -> tuple[str | None, dict]:
        """(UID, fields) of the server's item; raises Unreadable."""
        raise NotImplementedError

    def new_text(self, local_id: int, uid: str) -> str:
        raise NotImplementedError

    def merged_text(self, text: str, fields: dict, changed: set[str], old: dict) -> str:
        raise NotImplementedError

    def match_keys(self, fields: dict) -> list[str]:
        """Keys a new server item and a record not synced yet share when they are the same one."""
        return []

    def add(self, session, fields: dict, cache: dict, problems: list[str]) -> int | None:
        """A new record for a new server item; None: the app does not take such items in (kept as they are)."""
        return None

    def apply(self, session, local_id: int, fields: dict, cache: dict, problems: list[str]) -> None:
        raise NotImplementedError


def _stop_check(stop: threading.Event | None) -> None:
    if stop is not None and stop.is_set():
        raise DavError(_("The sync was stopped; it goes on from here next time."))


def sync_collection(db: Database, conn: DavConnection, collection: store.CollectionInfo, side: Side, *,
                    progress: Progress | None = None, stop: threading.Event | None = None) -> KindSummary:
    summary = KindSummary(side.kind)
    kind = "contacts" if side.kind == "contacts" else "calendar"
    say = progress or (lambda done, total, text: None)
    base_path = urlsplit(conn.absolute(collection.url)).path
    say(0, 0, _("Asking the server what changed"))
    # the server answers while the app reads its own side: the two overlap (the REPORT walks the whole
    # collection on the server; our side reads every record), so a sync with nothing changed takes the
    # longer of the two, not their sum
    with ThreadPoolExecutor(max_workers=1) as asking:
        asked = asking.submit(conn.changes, collection.url, collection.sync_token)
        items = first_items = store.items_of(db, collection_id=collection.id)
        by_href = {i.href: i for i in items}
        local = side.local(db, {i.local_id for i in items if i.local_id is not None})
        listing = asked.result()
    changed = [h for h, etag in listing.changed.items() if h not in by_href or by_href[h].etag != etag]
    removed = set(listing.removed)
    if listing.complete:
        removed |= {h for h, i in by_href.items() if h not in listing.changed and i.etag is not None}
    touched: set[int] = set()  # items this pass has done

    # unmapped records a new item may be (people: by e-mail, phone, name)
    mapped = {i.local_id for i in items if i.local_id is not None}
    free: dict[str, int] = {}
    for pid, f in local.items():
        if pid not in mapped:
            for key in side.match_keys(f):
                free.setdefault(key, pid)

    pushes: list[tuple[int, str, str, str | None, dict]] = []  # (item id, href, text, etag, base after)
    done = 0
    for start in range(0, len(changed), BATCH):
        _stop_check(stop)
        chunk = changed[start:start + BATCH]
        fetched = conn.fetch(collection.url, chunk, kind=kind)
        say(done, len(changed), _("Reading what changed on the server"))
        with db.write() as session:
            cache: dict = {}
            for href in chunk:
                if href not in fetched:
                    continue
                etag, text = fetched[href]
                try:
                    uid, remote = side.read(text)
                except Unreadable as exc:
                    summary.problems.append(_("{item} on the server cannot be read: {problem}").format(
                        item=shown(href.rsplit("/", 1)[-1]), problem=shown(str(exc))))
                    continue
                item = by_href.get(href)
                if item is None:
                    uid = uid or href.rsplit("/", 1)[-1]
                    pid = next((free[k] for k in side.match_keys(remote) if k in free and free[k] not in mapped),
                               None)
                    if pid is None:
                        pid = side.add(session, remote, cache, summary.problems)
                        if pid is not None:
                            summary.added_here += 1
                            mapped.add(pid)
                        # an item the app does not take in (an event made on the phone) is kept, never written
                        item_id = store.add_item(session, collection_id=collection.id, href=href, uid=uid,
                                                 local_id=pid, etag=etag, base=remote)
                        touched.add(item_id)
                        continue
                    mapped.add(pid)
                    item_id = store.add_item(session, collection_id=collection.id, href=href, uid=uid,
                                             local_id=pid, etag=None, base=None)
                    item = store.ItemState(item_id, href, uid, None, pid, None, None)
                touched.add(item.id)
                if item.pending or item.local_id is None:
                    store.update_item(session, item.id, etag=etag)
                    continue
                mine = local.get(item.local_id)
                if mine is None:
                    store.update_item(session, item.id, etag=etag, pending=store.DELETED_IN_APP)
                    summary.waiting_deletions += 1
                    continue
                held = store.conflicting_fields(session, item.id)
                result = merge(item.base, mine, remote, side.fields, held=held)
                if result.to_local:
                    side.apply(session, item.local_id, {f: result.merged[f] for f in result.to_local}, cache,
                               summary.problems)
                    summary.changed_here += 1
                for name in result.conflicts:
                    store.add_conflict(session, item_id=item.id, field=name, app_value=mine.get(name),
                                       server_value=remote.get(name))
                    summary.conflicts += 1
                if result.to_remote:
                    after = dict(result.merged)
                    pushes.append((item.id, href, side.merged_text(text, after, result.to_remote, remote), etag,
                                   after))
                store.update_item(session, item.id, etag=etag, base=result.merged)
        done += len(chunk)

    # cards the server lost
    if removed:
        with db.write() as session:
            for href in removed:
                item = by_href.get(href)
                if item is None:
                    continue
                touched.add(item.id)
                if item.pending in (store.CONFIRMED, store.DELETED_IN_APP) or item.local_id not in local:
                    # both gone (or an item the app never took in)
                    store.drop_item(session, item.id)
                elif item.pending != store.DELETED_ON_SERVER:
                    store.update_item(session, item.id, pending=store.DELETED_ON_SERVER)
                    summary.waiting_deletions += 1

    # the app's side: changed people, gone people, confirmed deletions, unconfirmed writes
    # (nothing re-read when nothing came in: the items are the ones read at the start)
    items = [i for i in (store.items_of(db, collection_id=collection.id) if touched or removed else items)
             if i.id not in touched]
    held_of = store.held_fields(db, collection_id=collection.id)
    to_read: list[store.ItemState] = []
    creates: list[store.ItemState] = []
    never_sent: list[int] = []
    gone_here: list[int] = []
    for item in items:
        if item.pending or item.local_id is None:
            continue  # a deletion under review (or confirmed), an item the app does not take in
        mine = local.get(item.local_id)
        if mine is None:
            if item.etag is None and item.base is None:
                never_sent.append(item.id)
            else:
                gone_here.append(item.id)
            continue
        if item.etag is None:
            creates.append(item)
            continue
        held = held_of.get(item.id, set())
        base = item.base or {}
        if any(not _same(mine.get(f), base.get(f)) for f in side.fields if f not in held):
            to_read.append(item)
    if never_sent or gone_here:  # a sync with nothing changed writes nothing here
        with db.write() as session:
            for item_id in never_sent:
                store.drop_item(session, item_id)
            for item_id in gone_here:
                store.update_item(session, item_id, pending=store.DELETED_IN_APP)
        summary.waiting_deletions += len(gone_here)
    for start in range(0, len(to_read), BATCH):
        _stop_check(stop)
        chunk = to_read[start:start + BATCH]
        fetched = conn.fetch(collection.url, [i.href for i in chunk], kind=kind)
        for item in chunk:
            if item.href not in fetched or fetched[item.href][0] != item.etag:
                continue  # changed on the server since: the next sync merges it
            held_base = item.base or {}
            mine = local[item.local_id]
            changed_fields = {f for f in side.fields if not _same(mine.get(f), held_base.get(f))}
            changed_fields -= held_of.get(item.id, set())
            after = {**held_base, **{f: mine.get(f) for f in changed_fields}}
            pushes.append((item.id, item.href, side.merged_text(fetched[item.href][1], mine, changed_fields,
                                                                held_base), item.etag, after))

    # new records: their rows first, then their items
    new_ids = [pid for pid in local if pid not in mapped]
    for start in range(0, len(new_ids), BATCH * 10):
        rows = []
        for pid in new_ids[start:start + BATCH * 10]:
            uid = f"relationapp-{uuid.uuid4()}"
            rows.append((f"{base_path}{uid}{side.extension}", uid, pid))
        with db.write() as session:
            ids = store.add_items(session, collection_id=collection.id, rows=rows)
        creates.extend(store.ItemState(item_id, href, uid, None, pid, None, None)
                       for item_id, (href, uid, pid) in zip(ids, rows))

    # each batch's PUTs in flight while the next batch's texts are made and the one before is recorded:
    # the server's time and ours overlap
    total = len(pushes) + len(creates)
    progress_of = {"sent": 0}
    say(0, total, _("Writing to the server"))

    def pushed(chunk, written) -> None:
        # a 412: changed on the server meanwhile, merged at the next sync
        done_rows = [(item_id, w.etag, after) for (item_id, _h, _t, _e, after), w in zip(chunk, written)
                     if w.status != 412]
        with db.write() as session:
            store.mark_written(session, done_rows)
        summary.changed_there += len(done_rows)
        progress_of["sent"] += len(chunk)
        say(progress_of["sent"], total, _("Writing to the server"))

    def new_batches():
        for start in range(0, len(creates), BATCH):
            yield [(item.id, item.href, side.new_text(item.local_id, item.uid), None, local[item.local_id])
                   for item in creates[start:start + BATCH]]

    def added(chunk, written) -> None:
        again = [w.href for w in written if w.status == 412]
        known = conn.fetch(collection.url, again, kind=kind) if again else {}
        done_rows = []
        for (item_id, href, _text, _etag, fields), w in zip(chunk, written):
            if w.status == 412:
                # written by a sync that was cut off: the server's card is the base, the merge does the rest
                if href in known:
                    try:
                        _uid, remote = side.read(known[href][1])
                    except Unreadable:
                        continue
                    done_rows.append((item_id, known[href][0], remote))
                continue
            done_rows.append((item_id, w.etag, fields))
            summary.added_there += 1
        with db.write() as session:
            store.mark_written(session, done_rows)
        progress_of["sent"] += len(chunk)
        say(progress_of["sent"], total, _("Writing to the server"))

    if pushes or creates:
        with ThreadPoolExecutor(max_workers=WRITERS) as writers:  # this sync's; joined before it returns
            _pipelined(writers, conn, kind, (pushes[i:i + BATCH] for i in range(0, len(pushes), BATCH)), pushed,
                       stop)
            _pipelined(writers, conn, kind, new_batches(), added, stop)

    # confirmed deletions
    confirmed = [i for i in store.items_of(db, collection_id=collection.id) if i.pending == store.CONFIRMED] \
        if any(i.pending == store.CONFIRMED for i in first_items) else []
    for item in confirmed:
        _stop_check(stop)
        conn.delete(item.href, etag=item.etag)
        with db.write() as session:
            store.drop_item(session, item.id)
        summary.deleted_there += 1

    token = listing.token
    if token and (pushes or creates or confirmed):
        # our own writes come after that token: ask once more, and where every change it lists is ours
        # (our ETags), keep the newer token, so the next sync does not list them all again
        after = conn.changes(collection.url, token)
        mine = {i.href: i.etag for i in store.items_of(db, collection_id=collection.id)}
        if after.token and not after.complete and all(mine.get(h) == e for h, e in after.changed.items()) \
                and not any(h in mine for h in after.removed):
            token = after.token
    if token and token != collection.sync_token:
        with db.write() as session:
            store.save_token(session, collection_id=collection.id, token=token)
    return summary


def _pipelined(pool: ThreadPoolExecutor, conn: DavConnection, kind: str, batches, finish, stop) -> None:
    """PUT each batch of (item id, href, text, etag, after) through ``pool``; ``finish(batch, [Written])`` runs for
    batch N-1 while batch N is on its way (and the generator makes batch N+1). A fault cancels what has not
    started: the rows not yet recorded are written again, If-None-Match, at the next sync."""
    waiting = None
    futures: list = []
    try:
        for batch in batches:
            _stop_check(stop)
            futures = [pool.submit(conn.put, href, text, etag=etag, kind=kind) for _i, href, text, etag, _a in batch]
            if waiting is not None:
                finish(waiting[0], [f.result() for f in waiting[1]])
            waiting = (batch, futures)
        if waiting is not None:
            finish(waiting[0], [f.result() for f in waiting[1]])
    except BaseException:
        for future in futures + (waiting[1] if waiting else []):
            future.cancel()
        raise


def _same(a, b) -> bool:
    from relationapp.services.sync.merge import same

    return same(a, b)
