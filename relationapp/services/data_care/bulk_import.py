"""Adding many checked accounts, people and interactions in one transaction.

The importers (CSV, vCard) parse and check every row first, then hand the
rows to one of these functions: one ``BEGIN IMMEDIATE`` unit of work, Core
``executemany`` (no ORM object per row), all or nothing. A row that matches
something already there (e-mail, phone, or name + city) is counted as
existing and not added again, so importing the same file twice creates
nothing new. Orders go through ``services.orders.add_orders``.
"""

from __future__ import annotations

import datetime as dt
import gc
import operator
import re
from contextlib import contextmanager
from dataclasses import dataclass, fields
from decimal import Decimal

import sqlalchemy as sa

from relationapp.data.db import Database
from relationapp.data.models import (
    Account,
    ContactPoint,
    ImportantDate,
    Interaction,
    InteractionPerson,
    LeadSource,
    Order,
    Person,
    Staff,
    StageChange,
    utc_now,
)
from relationapp.services.customers.matching import (
    city_key,
    email_key,
    name_key,
    phone_key,
)

_CHUNK = 500
BULK_CACHE_KIB = -65536  # 64 MB of page cache while a bulk insert runs (negative = KiB)


@dataclass(frozen=True)
class AccountInput:
    name: str
    kind: str = "organisation"
    stage: str = "prospect"
    street: str | None = None
    postcode: str | None = None
    city: str | None = None
    region: str | None = None
    country: str | None = None
    phone: str | None = None
    email: str | None = None
    website: str | None = None
    customer_since: dt.date | None = None
    annual_budget: Decimal | None = None
    source_detail: str | None = None
    notes: str | None = None
    source: str | None = None  # the lead source's name; a new one is added to the firm's list
    brought_in_by: str | None = None  # the colleague's name; a new one is added to the staff


@dataclass(frozen=True)
class PersonInput:
    name: str
    account: str | None = None  # the organisation's name; made if we do not know it
    job_title: str | None = None
    email: str | None = None
    phone: str | None = None
    birthday_day: int | None = None
    birthday_month: int | None = None
    birthday_year: int | None = None
    dmu_role: str | None = None
    preferred_channel: str | None = None
    do_not_contact: bool = False
    consent_date: dt.date | None = None
    family_notes: str | None = None
    personal_notes: str | None = None
    # an address belongs to the account (a private account for a person without one)
    street: str | None = None
    postcode: str | None = None
    city: str | None = None
    country: str | None = None
    # every phone, e-mail and web page as (kind, label, value), in the file's order, the main ones too
    contact_points: tuple = ()


@dataclass(frozen=True)
class InteractionInput:
    account_id: int
    occurred_on: dt.date
    kind: str = "call"
    duration_minutes: int = 0
    subject: str | None = None
    notes: str | None = None
    person_ids: tuple[int, ...] = ()
    gift_item: str | None = None
    gift_cost: Decimal | None = None
    source: str | None = None  # a lead source by name; one not known yet is added


@dataclass(frozen=True)
class BulkResult:
    added: int
    existing: int  # matched something already there (or earlier in the batch)
    accounts_added: int = 0


def _name_key(name: str | None) -> str:
    """``name_key``, or for a name of punctuation alone ("!!!", "€€") the name itself, so that
    such names neither match every other one nor get lost."""
    return name_key(name) or ("\x00" + (name or "").strip().casefold() if (name or "").strip() else "")


class _Index:
    """In-memory keys of what exists, so each row is matched without a query."""

    def __init__(self):
        self.by_email: dict[str, int] = {}
        self.by_phone: dict[str, int] = {}
        self.by_name_city: dict[tuple[str, str], int] = {}

    @staticmethod
    def keys(email, phone, name, city) -> tuple:
        return email_key(email), phone_key(phone), (_name_key(name), city_key(city))

    def find(self, keys: tuple) -> int | None:
        email, phone, name_city = keys
        for found in (
            self.by_email.get(email) if email else None,
            self.by_phone.get(phone) if phone else None,
            self.by_name_city.get(name_city),
        ):
            if found is not None:
                return found
        return None

    def add(self, ident: int, keys: tuple) -> None:
        email, phone, name_city = keys
        if email:
            self.by_email.setdefault(email, ident)
        if phone:
            self.by_phone.setdefault(phone, ident)
        self.by_name_city.setdefault(name_city, ident)


def _account_index(session) -> tuple[_Index, dict[str, int]]:
    index, by_name = _Index(), {}
    rows = session.execute(sa.select(Account.id, Account.email, Account.phone, Account.name, Account.city).order_by(Account.id))
    for ident, email, phone, name, city in rows:
        keys = index.keys(email, phone, name, city)
        index.add(ident, keys)
        by_name.setdefault(keys[2][0], ident)
    return index, by_name


_TRIGGER_INSERT = re.compile(
    r"^CREATE TRIGGER (\w+) AFTER INSERT ON (\w+) BEGIN (INSERT INTO \w+\s*\([^)]*\)) VALUES \((.*)\); END$",
    re.IGNORECASE | re.DOTALL,
)


def _suspend_row_triggers(session, table: sa.Table) -> list[tuple[str, str]]:
    """Row-by-row AFTER INSERT triggers (the search index) cost most of a bulk insert; we drop the
    simple ones inside our transaction, fill their target once for the batch, and put them back.
    Returns (trigger SQL, bulk statement) pairs; a trigger we cannot read stays and runs per row."""
    if session.bind.dialect.name != "sqlite":
        return []
    suspended = []
    for sql in session.execute(sa.text(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = :t"), {"t": table.name}).scalars():
        m = _TRIGGER_INSERT.match(" ".join((sql or "").split()))
        if m is None or m.group(2) != table.name:
            continue
        bulk = f"{m.group(3)} SELECT {m.group(4)} FROM {table.name} AS NEW WHERE NEW.id > :before ORDER BY NEW.id"
        session.execute(sa.text(f"DROP TRIGGER {m.group(1)}"))
        suspended.append((sql, bulk))
    return suspended


@contextmanager
def collector_paused():
    """Python's cycle collector off while a large file is checked and written: its rows make hundreds of
    thousands of short-lived objects without cycles (freed as they go), and each automatic pass walks all
    of them again (0.6 s of a 100,000-row import). Left off if it was off (the window collects on its
    own timer)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


_SHARED_TYPES = frozenset((dt.date, dt.datetime, bool))  # equal values of these convert alike


def _executemany(session, table: sa.Table, rows: list[dict]) -> None:
    """One INSERT for many rows straight through the driver, each value converted by its column's own
    type (money to cents, dates to text): Core's per-row parameter building costs more than SQLite.
    Other databases get Core's executemany (psycopg batches it)."""
    dialect = session.bind.dialect
    if dialect.name != "sqlite":
        session.execute(sa.insert(table), rows)
        return
    quote = dialect.identifier_preparer.quote
    names = list(rows[0])
    processors = [table.c[n].type.dialect_impl(dialect).bind_processor(dialect) for n in names]
    sql = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(n) for n in names)}) "
           f"VALUES ({', '.join('?' for _ in names)})")
    # only the columns with a conversion are touched (most are plain text), and each distinct stamp, day
    # or flag once: a file's rows share them (not money: 10 and 10.00 are equal but need not convert alike)
    converted = [(i, proc, {}) for i, proc in enumerate(processors) if proc is not None]
    cells = operator.itemgetter(*names) if len(names) > 1 else (lambda row: (row[names[0]],))
    params = []
    for row in rows:
        values = list(cells(row))
        for i, proc, seen in converted:
            value = values[i]
            if value is None:
                continue
            if type(value) not in _SHARED_TYPES:
                values[i] = proc(value)
            elif value in seen:
                values[i] = seen[value]
            else:
                values[i] = seen[value] = proc(value)
        params.append(tuple(values))
    conn = session.connection()
    # a bigger page cache for this statement: nine indexes on a table make random page writes
    previous = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size={BULK_CACHE_KIB}")
    try:
        conn.exec_driver_sql(sql, params)
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size={int(previous)}")


# from this many rows on, a table's secondary indexes are built once after the insert (a sort each)
# instead of taking every row one by one (a random b-tree insertion per row and index)
REINDEX_ROWS = 10_000


def _suspend_indexes(session, table: sa.Table) -> tuple[list[str], list[tuple]]:
    """Drop ``table``'s secondary indexes inside our transaction (a failure rolls the drop back too);
    returns their SQL and their planner statistics, for ``_restore_indexes``."""
    conn = session.connection()
    found = conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                                 "AND sql IS NOT NULL", (table.name,)).all()
    stats = []
    if conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first():
        stats = [tuple(r) for r in conn.exec_driver_sql("SELECT tbl, idx, stat FROM sqlite_stat1 WHERE tbl = ?",
                                                        (table.name,))]
    for name, _sql in found:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    return [sql for _name, sql in found], stats


def _restore_indexes(session, indexes: tuple[list[str], list[tuple]]) -> None:
    """Build the dropped indexes again and give back their statistics (dropping an index drops them,
    and a planner without them picks worse plans)."""
    conn = session.connection()
    sqls, stats = indexes
    for sql in sqls:
        conn.exec_driver_sql(sql)
    if stats:
        conn.exec_driver_sql("DELETE FROM sqlite_stat1 WHERE tbl = ?", (stats[0][0],))
        conn.exec_driver_sql("INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)", stats)


def _insert_returning_ids(session, table, rows: list[dict]) -> list[int]:
    """executemany, then the new ids: under our write lock (BEGIN IMMEDIATE) SQLite gives rows
    without an id max(id)+1, +2, ... (RETURNING would force one statement per row)."""
    if not rows:
        return []
    if session.bind.dialect.name != "sqlite":  # PostgreSQL batches RETURNING well
        result = session.execute(sa.insert(table).returning(table.c.id, sort_by_parameter_order=True), rows)
        return [r[0] for r in result]
    before = session.execute(sa.select(sa.func.max(table.c.id))).scalar() or 0
    suspended = _suspend_row_triggers(session, table) if len(rows) > 50 else []
    indexes = _suspend_indexes(session, table) if len(rows) >= REINDEX_ROWS else None
    _executemany(session, table, rows)
    if indexes is not None:
        _restore_indexes(session, indexes)
    for trigger_sql, bulk in suspended:
        session.execute(sa.text(bulk), {"before": before})
        session.execute(sa.text(trigger_sql))
    ids = list(range(before + 1, before + 1 + len(rows)))
    check = session.execute(sa.select(sa.func.count(), sa.func.max(table.c.id)).where(table.c.id > before)).one()
    if tuple(check) != (len(rows), ids[-1]):  # another backend, or ids not handed out in order
        raise RuntimeError(f"Bulk insert into {table.name}: ids not in order ({tuple(check)}).")
    return ids


_NAMED = ("source", "brought_in_by")  # names in the file, ids in the table
_ACCOUNT_FIELDS = tuple(f.name for f in fields(AccountInput) if f.name not in _NAMED)


def _account_values(a: AccountInput, now: dt.datetime, today: dt.date, named: "_Named | None" = None) -> dict:
    values = {name: getattr(a, name) for name in _ACCOUNT_FIELDS}
    values.update(archived=False, created_at=now, updated_at=now)
    if named is not None:
        values.update(source_id=named.source_id(a.source), brought_in_by_id=named.staff_id(a.brought_in_by))
    return values


class _Named:
    """Lead sources and colleagues by name (any case); a name not known yet is added once."""

    def __init__(self, session):
        self.session = session
        self.sources = {n.casefold(): i for i, n in session.execute(sa.select(LeadSource.id, LeadSource.name))}
        self.staff = {n.casefold(): i for i, n in session.execute(sa.select(Staff.id, Staff.name).order_by(Staff.id.desc()))}

    def source_id(self, name: str | None) -> int | None:
        return self._id(name, self.sources, lambda text: LeadSource(name=text, kind="other"))

    def staff_id(self, name: str | None) -> int | None:
        return self._id(name, self.staff, lambda text: Staff(name=text))

    def _id(self, name, known: dict, make) -> int | None:
        text = " ".join((name or "").split())
        if not text:
            return None
        if text.casefold() not in known:
            row = make(text)
            self.session.add(row)
            self.session.flush()
            known[text.casefold()] = row.id
        return known[text.casefold()]


def _add_account_rows(session, values: list[dict], today: dt.date) -> list[int]:
    ids = _insert_returning_ids(session, Account.__table__, values)
    if ids:
        _executemany(session, StageChange.__table__,
                     [{"account_id": i, "from_stage": None, "to_stage": v["stage"], "changed_on": today, "staff_id": None}
                      for i, v in zip(ids, values)])
    return ids


def add_accounts(db: Database, *, accounts: list[AccountInput], today: dt.date | None = None) -> BulkResult:
    """Add checked accounts; those matching one we have (or an earlier row) are left alone."""
    today = today or dt.date.today()
    now = utc_now()
    with db.write() as session:
        index, _ = _account_index(session)
        named = _Named(session) if any(a.source or a.brought_in_by for a in accounts) else None
        fresh: list[dict] = []
        for n, a in enumerate(accounts):
            keys = index.keys(a.email, a.phone, a.name, a.city)
            if index.find(keys) is not None:
                continue
            index.add(-1 - n, keys)
            fresh.append(_account_values(a, now, today, named))
        _add_account_rows(session, fresh, today)
    return BulkResult(added=len(fresh), existing=len(accounts) - len(fresh), accounts_added=len(fresh))


def _person_index(session) -> _Index:
    index = _Index()
    rows = session.execute(
        sa.select(Person.id, Person.email, Person.phone, Person.name, sa.func.coalesce(Account.city, Account.name))
        .outerjoin(Account, Account.id == Person.account_id).order_by(Person.id)
    )
    for ident, email, phone, name, place in rows:
        index.add(ident, index.keys(email, phone, name, place))
    return index


_PERSON_COLUMNS = (
    "name", "job_title", "email", "phone", "birthday_day", "birthday_month", "birthday_year", "dmu_role",
    "preferred_channel", "do_not_contact", "consent_date", "family_notes", "personal_notes",
)


def add_people(db: Database, *, people: list[PersonInput], today: dt.date | None = None,
               important_dates: list[tuple] | None = None) -> BulkResult:
    """Add checked people; an organisation we do not know yet is added as a prospect account.

    A person matches an existing one by e-mail, phone, or name + place (the
    city of their account, else the account's name: two Jan Jansens at two
    firms are two people). ``important_dates``, beside ``people`` (one tuple per person), holds each
    person's dates to remember as (kind, label, month, day, year or None): a vCard's anniversaries.
    """
    today = today or dt.date.today()
    now = utc_now()
    with db.write() as session:
        _, account_by_name = _account_index(session)
        people_index = _person_index(session)
        city_of: dict[str, str | None] = {
            _name_key(n): c for n, c in session.execute(sa.select(Account.name, Account.city).order_by(Account.id.desc()))
        }
        fresh: list[PersonInput] = []
        fresh_dates: list[tuple] = []
        new_accounts: dict[str, dict] = {}
        for n, p in enumerate(people):
            account_name = p.account or (p.name if (p.street or p.city or p.postcode) else None)
            place = p.city or (city_of.get(_name_key(account_name)) or account_name if account_name else None)
            keys = people_index.keys(p.email, p.phone, p.name, place)
            if people_index.find(keys) is not None:
                continue
            people_index.add(-1 - n, keys)
            fresh.append(p)
            fresh_dates.append(tuple(important_dates[n]) if important_dates and n < len(important_dates) else ())
            key = _name_key(account_name) if account_name else None
            if key and key not in account_by_name and key not in new_accounts:
                new_accounts[key] = _account_values(
                    AccountInput(
                        name=account_name, kind="organisation" if p.account else "private",
                        street=p.street, postcode=p.postcode, city=p.city, country=p.country,
                    ),
                    now, today,
                )
        keys = list(new_accounts)
        for key, ident in zip(keys, _add_account_rows(session, [new_accounts[k] for k in keys], today)):
            account_by_name[key] = ident
        rows = []
        for p in fresh:
            account_name = p.account or (p.name if (p.street or p.city or p.postcode) else None)
            values = {c: getattr(p, c) for c in _PERSON_COLUMNS}
            values.update(
                account_id=account_by_name.get(_name_key(account_name)) if account_name else None,
                do_not_contact=bool(p.do_not_contact), archived=False, created_at=now, updated_at=now,
            )
            rows.append(values)
        ids = _insert_returning_ids(session, Person.__table__, rows)
        _add_person_details(session, ids, fresh, fresh_dates)
    return BulkResult(added=len(rows), existing=len(people) - len(rows), accounts_added=len(keys))


def _add_person_details(session, ids: list[int], people: list[PersonInput], dates_of: list[tuple]) -> None:
    """Every phone, e-mail, web page and profile (ContactPoint) and every date to remember (ImportantDate)
    of the people just added."""
    points = [
        {"person_id": ident, "kind": kind, "label": label, "value": value.lower() if kind == "email" else value,
         "position": position}
        for ident, p in zip(ids, people)
        for position, (kind, label, value) in enumerate(p.contact_points)
    ]
    if points:
        _executemany(session, ContactPoint.__table__, points)
    dates = [
        {"person_id": ident, "account_id": None, "kind": kind, "label": label, "month": month, "day": day,
         "year": year, "notice_days": 14}
        for ident, person_dates in zip(ids, dates_of)
        for kind, label, month, day, year in person_dates
    ]
    if dates:
        _executemany(session, ImportantDate.__table__, dates)


def add_interactions(db: Database, *, interactions: list[InteractionInput]) -> BulkResult:
    """Add checked interactions; one with the same account, day, kind and subject exists already."""
    account_ids = sorted({i.account_id for i in interactions})
    now = utc_now()
    with db.write() as session:
        seen: set[tuple] = set()
        for start in range(0, len(account_ids), _CHUNK):
            chunk = account_ids[start:start + _CHUNK]
            seen.update(
                (a, d, k, s or "")
                for a, d, k, s in session.execute(
                    sa.select(Interaction.account_id, Interaction.occurred_on, Interaction.kind, Interaction.subject)
                    .where(Interaction.account_id.in_(chunk))
                )
            )
        fresh = []
        for i in interactions:
            key = (i.account_id, i.occurred_on, i.kind, i.subject or "")
            if key in seen:
                continue
            seen.add(key)
            fresh.append(i)
        named = _Named(session)
        rows = [
            {"account_id": i.account_id, "kind": i.kind, "occurred_on": i.occurred_on,
             "duration_minutes": i.duration_minutes, "staff_id": None, "subject": i.subject, "notes": i.notes,
             "gift_item": i.gift_item, "gift_cost": i.gift_cost, "source_id": named.source_id(i.source), "created_at": now}
            for i in fresh
        ]
        ids = _insert_returning_ids(session, Interaction.__table__, rows)
        links = [{"interaction_id": ident, "person_id": p} for ident, i in zip(ids, fresh) for p in dict.fromkeys(i.person_ids)]
        if links:
            session.execute(sa.insert(InteractionPerson.__table__), links)
    return BulkResult(added=len(fresh), existing=len(interactions) - len(fresh))


@dataclass(frozen=True)
class AccountLookup:
    """Account names (matched as name_key) to ids, for rows that name their account."""

    ids_by_name: dict[str, tuple[int, ...]]
    people_by_account: dict[int, dict[str, int]]  # account id -> person name/email key -> id
    account_ids: frozenset[int] = frozenset()  # every account's id, for rows that give the number


def account_lookup(db: Database, *, with_people: bool = False) -> AccountLookup:
    by_name: dict[str, list[int]] = {}
    people: dict[int, dict[str, int]] = {}
    ids: set[int] = set()
    with db.read() as session:
        for ident, name in session.execute(sa.select(Account.id, Account.name).order_by(Account.id)):
            ids.add(ident)
            key = name_key(name)
            if key:  # a name of punctuation alone is found by its number only
                by_name.setdefault(key, []).append(ident)
        if with_people:
            for ident, account_id, name, email in session.execute(
                sa.select(Person.id, Person.account_id, Person.name, Person.email).where(Person.account_id.is_not(None))
            ):
                keys = people.setdefault(account_id, {})
                keys.setdefault(name_key(name), ident)
                if email_key(email):
                    keys.setdefault(email_key(email), ident)
    return AccountLookup({k: tuple(v) for k, v in by_name.items()}, people, frozenset(ids))


def unreferenced_orders(db: Database, *, account_ids: list[int]) -> set[tuple[int, dt.date, Decimal, str]]:
    """(account, date, amount, description) of orders without a reference: how a re-import of
    such rows is recognised (orders with a reference are matched on it by add_orders)."""
    out: set[tuple[int, dt.date, Decimal, str]] = set()
    with db.read() as session:
        for start in range(0, len(account_ids), _CHUNK):
            chunk = account_ids[start:start + _CHUNK]
            for a, d, amount, desc in session.execute(
                sa.select(Order.account_id, Order.ordered_on, Order.amount, Order.description)
                .where(Order.account_id.in_(chunk), Order.reference.is_(None))
            ):
                out.add((a, d, amount, desc or ""))
    return out
