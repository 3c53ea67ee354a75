"""The people <-> the address book on a CardDAV server (the steps: ``exchange.dav.engine``).

A new card is matched to a person not synced yet by e-mail, phone or name
before it becomes a new person: a first sync never doubles anyone. A contact
group's card (iCloud keeps groups as cards) is nobody, and a company card
(Apple's X-ABShowAs:COMPANY, vCard 4's KIND:org) is an account: both stay on
the server as they are.
"""

from __future__ import annotations

import threading

from relationapp.data.db import Database
from relationapp.exchange.dav import cards
from relationapp.exchange.dav.client import DavConnection
from relationapp.exchange.dav.engine import KindSummary, Progress, Side, Unreadable, sync_collection
from relationapp.services.sync import people, store


class PeopleSide(Side):
    kind = "contacts"
    fields = people.FIELDS
    extension = ".vcf"

    def local(self, db: Database, mapped: set[int]) -> dict[int, dict]:
        fields, self._cards = people.people_fields(db)
        self._anniversaries = {pid: f["anniversary"] for pid, f in fields.items() if f["anniversary"]}
        return fields

    def read(self, text: str) -> tuple[str | None, dict]:
        try:
            return cards.fields_of_card(text)
        except cards.CardUnreadable as exc:
            raise Unreadable(str(exc)) from None

    def new_text(self, local_id: int, uid: str) -> str:
        return cards.new_card(self._cards[local_id], uid, self._anniversaries.get(local_id))

    def merged_text(self, text: str, fields: dict, changed: set[str], old: dict) -> str:
        return cards.merged_card(text, fields, changed, old)

    def match_keys(self, fields: dict) -> list[str]:
        if fields.get(cards.CARD_KIND):
            return []  # a group or company card is never one of the people
        keys = []
        if fields.get("email"):
            keys.append("e:" + fields["email"].casefold())
        if fields.get("phone"):
            keys.append("p:" + "".join(ch for ch in fields["phone"] if ch.isdigit() or ch == "+"))
        if fields.get("name"):
            keys.append("n:" + " ".join(fields["name"].split()).casefold())
        return keys

    def add(self, session, fields: dict, cache: dict, problems: list[str]) -> int | None:
        kind = fields.get(cards.CARD_KIND)
        if kind == "organisation":
            people.take_organisation(session, fields, cache)
        if kind:
            return None  # kept on the server as it is, never written back
        return people.add_person(session, fields, cache, problems)

    def apply(self, session, local_id: int, fields: dict, cache: dict, problems: list[str]) -> None:
        people.apply_fields(session, local_id, fields, cache, problems)


def sync_contacts(db: Database, conn: DavConnection, collection: store.CollectionInfo, *,
                  progress: Progress | None = None, stop: threading.Event | None = None) -> KindSummary:
    return sync_collection(db, conn, collection, PeopleSide(), progress=progress, stop=stop)
