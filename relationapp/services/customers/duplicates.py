"""Likely duplicates among people and accounts, and merging them.

Candidates share an e-mail address or a phone number, or have a similar
name in the same city. Merging keeps one record (the survivor): everything
that points at the others (interactions, orders, dates, referrals,
follow-ups, NPS answers, people, planned visits, tags, ...) is moved to it
in one transaction, its empty fields are filled from the others, and the
others are deleted. The moves follow the schema's foreign keys, so a table
added later is moved too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from difflib import SequenceMatcher

import sqlalchemy as sa
from sqlmodel import SQLModel

from relationapp.data.db import Database
from relationapp.data.models import Account, Person, bump, utc_now
from relationapp.errors import NotFound, ValidationError
from relationapp.services.customers.matching import (
    city_key,
    email_key,
    name_key,
    phone_key,
)
from relationapp.text.catalogue import N_, _

SIMILAR_NAME = 0.88


@dataclass(frozen=True)
class DuplicateRecord:
    id: int
    name: str
    email: str | None
    phone: str | None
    city: str | None
    account: str | None  # people: their account's name
    links: int  # interactions (people) or interactions + orders (accounts): who to keep


@dataclass(frozen=True)
class DuplicateGroup:
    kind: str  # "person" or "account"
    reason: str  # "same e-mail", "same phone", "similar name in Utrecht"
    records: tuple[DuplicateRecord, ...]


@dataclass(frozen=True)
class MergeResult:
    kind: str
    survivor_id: int
    merged_ids: tuple[int, ...]
    moved: dict[str, int]  # table -> rows moved


class _Groups:
    """Union-find over record ids, remembering why two records were joined."""

    def __init__(self):
        self.parent: dict[int, int] = {}
        self.reason: dict[int, str] = {}

    def find(self, a: int) -> int:
        while self.parent.get(a, a) != a:
            a = self.parent[a]
        return a

    def join(self, a: int, b: int, reason: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
            self.reason.setdefault(min(ra, rb), reason)

    def groups(self, ids) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        for i in ids:
            out.setdefault(self.find(i), []).append(i)
        return {k: sorted(v) for k, v in out.items() if len(v) > 1}


def _similar(a: str, b: str) -> bool:
    return a == b or SequenceMatcher(None, a, b).ratio() >= SIMILAR_NAME


def _group(records: list[DuplicateRecord]) -> list[tuple[str, list[int]]]:
    groups = _Groups()
    for key_fn, reason in ((lambda r: email_key(r.email), "same e-mail"), (lambda r: phone_key(r.phone), "same phone")):
        first: dict[str, int] = {}
        for r in records:
            k = key_fn(r)
            if k:
                if k in first:
                    groups.join(first[k], r.id, reason)
                else:
                    first[k] = r.id
    by_city: dict[str, list[DuplicateRecord]] = {}
    for r in records:
        if r.city:
            by_city.setdefault(city_key(r.city), []).append(r)
    for bucket in by_city.values():
        keys = [(r, name_key(r.name)) for r in bucket]
        keys.sort(key=lambda x: x[1])
        # compare neighbours in sorted order and names with the same first letters: cheap and catches typos
        for i, (r, k) in enumerate(keys):
            for s, other in keys[i + 1:i + 6]:
                if _similar(k, other):
                    groups.join(r.id, s.id, _("similar name in {city}").format(city=r.city))
    found = groups.groups([r.id for r in records])
    return [(groups.reason.get(root, "similar"), ids) for root, ids in found.items()]


def find_duplicates(db: Database, *, kind: str | None = None) -> list[DuplicateGroup]:
    """Likely duplicate people and/or accounts (archived ones left out)."""
    from relationapp.data.models import Interaction, InteractionPerson, Order

    out: list[DuplicateGroup] = []
    with db.read() as session:
        if kind in (None, "person"):
            touches = dict(session.execute(
                sa.select(InteractionPerson.person_id, sa.func.count()).group_by(InteractionPerson.person_id)).all())
            rows = session.execute(
                sa.select(Person.id, Person.name, Person.email, Person.phone, Account.city, Account.name)
                .outerjoin(Account, Account.id == Person.account_id).where(Person.archived == sa.false())
            ).all()
            people = [DuplicateRecord(r[0], r[1], r[2], r[3], r[4], r[5], touches.get(r[0], 0)) for r in rows]
            by_id = {p.id: p for p in people}
            for reason, ids in _group(people):
                out.append(DuplicateGroup("person", reason, tuple(by_id[i] for i in ids)))
        if kind in (None, "account"):
            counts: dict[int, int] = {}
            for table in (Interaction, Order):
                for a, n in session.execute(sa.select(table.account_id, sa.func.count()).group_by(table.account_id)):
                    if a is not None:
                        counts[a] = counts.get(a, 0) + n
            rows = session.execute(
                sa.select(Account.id, Account.name, Account.email, Account.phone, Account.city)
                .where(Account.archived == sa.false())
            ).all()
            accounts = [DuplicateRecord(r[0], r[1], r[2], r[3], r[4], None, counts.get(r[0], 0)) for r in rows]
            by_id = {a.id: a for a in accounts}
            for reason, ids in _group(accounts):
                out.append(DuplicateGroup("account", reason, tuple(by_id[i] for i in ids)))
    return out


def _referencing_columns(table: sa.Table) -> list[sa.Column]:
    cols = []
    for t in SQLModel.metadata.sorted_tables:
        for fk in t.foreign_keys:
            if fk.column.table is table:
                cols.append(fk.parent)
    return cols


def _move_references(session, table: sa.Table, survivor: int, others: list[int]) -> dict[str, int]:
    """Point every foreign key at the survivor; a row that would clash (a unique key) stays and goes
    with the deleted record (its ON DELETE rule)."""
    moved: dict[str, int] = {}
    sqlite = session.bind.dialect.name == "sqlite"
    for col in _referencing_columns(table):
        if sqlite:
            statements = [sa.update(col.table).where(col.in_(others))
                          .values({col.name: survivor, **bump(col.table)}).prefix_with("OR IGNORE")]
        else:  # one at a time, so that two others of one row do not clash with each other
            statements = [_update_unless_clash(col, other, survivor) for other in others]
        count = sum(session.execute(stmt).rowcount or 0 for stmt in statements)
        if count:
            moved[col.table.name] = moved.get(col.table.name, 0) + count
    return moved


def _update_unless_clash(col: sa.Column, other: int, survivor: int):
    """SQLite's UPDATE OR IGNORE elsewhere: move ``col`` from ``other`` to ``survivor`` in the rows where no row
    already holds the unique key (primary key or unique constraint) that this would make."""
    table = col.table
    stmt = sa.update(table).where(col == other).values({col.name: survivor, **bump(table)})
    keys = [c.columns for c in table.constraints
            if isinstance(c, (sa.PrimaryKeyConstraint, sa.UniqueConstraint)) and col.name in c.columns]
    for key in keys:
        held = table.alias("held")
        stmt = stmt.where(~sa.exists().where(*(held.c[c.name] == (survivor if c.name == col.name else c) for c in key)))
    return stmt


def _fill_empty(survivor, others, skip: set[str]) -> None:
    for col in type(survivor).__table__.columns:
        if col.name in skip or getattr(survivor, col.name) not in (None, ""):
            continue
        for o in others:
            value = getattr(o, col.name)
            if value not in (None, ""):
                setattr(survivor, col.name, value)
                break


def _merge(db: Database, model, label: str, survivor_id: int, other_ids: list[int]) -> MergeResult:
    others_ids = sorted({int(i) for i in other_ids} - {int(survivor_id)})
    if not others_ids:
        raise ValidationError(_("Choose at least one other {what} to merge into #{id}.").format(
            what=_(label), id=survivor_id))
    with db.write() as session:
        survivor = session.get(model, survivor_id)
        if survivor is None:
            raise NotFound(_("{what} #{id} does not exist.").format(what=_(label.capitalize()), id=survivor_id))
        others = [session.get(model, i) for i in others_ids]
        missing = [i for i, o in zip(others_ids, others) if o is None]
        if missing:
            raise NotFound(_("{what} #{id} does not exist.").format(what=_(label.capitalize()), id=missing[0]))
        _fill_empty(survivor, others, {"id", "created_at", "updated_at", "archived"})
        notes_field = "personal_notes" if model is Person else "notes"
        extra = [getattr(o, notes_field) for o in others if getattr(o, notes_field)]
        mine = getattr(survivor, notes_field)
        extra = [e for e in extra if e != mine]
        if extra and mine:
            setattr(survivor, notes_field, "\n".join([mine, *extra]))
        survivor.updated_at = utc_now()
        session.add(survivor)
        session.flush()
        if model is Account:
            _drop_snapshots_for_moved_orders(session, others_ids)
        moved = _move_references(session, model.__table__, survivor_id, others_ids)
        session.execute(sa.delete(model.__table__).where(model.__table__.c.id.in_(others_ids)))
        if model is Account:  # none of them had a customer-since date: the first of the orders now together
            from relationapp.services.customers.customer_since import fill_customer_since

            fill_customer_since(session, [survivor_id])
    return MergeResult(label, survivor_id, tuple(others_ids), moved)


def _drop_snapshots_for_moved_orders(session, account_ids: list[int]) -> None:
    """Orders moving to the survivor change its revenue in every quarter since the first of them."""
    from relationapp.data.models import Order
    from relationapp.services.value.orders import drop_stale_snapshots

    first = session.execute(sa.select(sa.func.min(Order.ordered_on)).where(Order.account_id.in_(account_ids))).scalar()
    if first is not None:
        drop_stale_snapshots(session, dt.date.fromisoformat(first) if isinstance(first, str) else first)


def merge_people(db: Database, *, survivor_id: int, other_ids: list[int]) -> MergeResult:
    return _merge(db, Person, N_("person"), survivor_id, other_ids)


def merge_accounts(db: Database, *, survivor_id: int, other_ids: list[int]) -> MergeResult:
    return _merge(db, Account, N_("account"), survivor_id, other_ids)
