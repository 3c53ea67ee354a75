"""The customer pyramid (Jay Curry): tiers from revenue over the last 12 months.

Customers with revenue in the 12 months up to a date are ranked by it:
Top = the first 1 %, Big = the next 4 %, Medium = the next 15 %, Small = the
rest (shares in settings). Each boundary is the cumulative share of the
number of paying customers, rounded half up; with any paying customer at
all there is at least one Top; customers with equal revenue stay together in
the higher tier. Below them: Prospect, Suspect, and Inactive (former
customers, i.e. with orders before, but no revenue in the window).

The tiers are aggregated in SQL over the covering index
``ix_orders_date_account_amount`` (one grouped range scan) and ranked from
plain tuples: the benchmark holds this to 1.5x a hand-written sqlite3 query.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import sqlalchemy as sa

from relationapp.config import Settings
from relationapp.data.db import READ_SESSION, Database
from relationapp.data.models import (
    Account,
    Order,
    StageChange,
    TierCache,
    TierCacheState,
    TierSnapshot,
    cents_to_decimal,
)
from relationapp.services.common import settings as settings_service
from relationapp.services.value.quarters import (
    parse_quarter,
    previous_quarter_end,
    quarter_end,
    quarter_ends,
)
from relationapp.text.wording import MOVEMENT_LABELS, NOT_LISTED, TIERS  # noqa: F401 - MOVEMENT_LABELS named here too

CUSTOMER_TIERS = ("top", "big", "medium", "small")
PYRAMID_TIERS = CUSTOMER_TIERS + ("prospect", "suspect", "inactive")
TIER_LABELS = TIERS
# how high a tier stands: moving to a higher level is "up"; prospects,
# suspects and former customers are all below the paying tiers
TIER_LEVEL = {"top": 4, "big": 3, "medium": 2, "small": 1}


@dataclass(frozen=True, slots=True)  # slots: small and quick, there can be 50k of them
class TierAssignment:
    account_id: int
    tier: str
    revenue_cents: int  # 12-month revenue; the Decimal is made only when asked for
    rank: int | None  # 1 = highest revenue; None below the customer tiers

    @property
    def revenue_12m(self) -> Decimal:
        return cents_to_decimal(self.revenue_cents)


def window(as_of: dt.date) -> tuple[dt.date, dt.date]:
    """The 12 months up to and including ``as_of``: (first day, last day)."""
    try:
        start = as_of.replace(year=as_of.year - 1) + dt.timedelta(days=1)
    except ValueError:  # Feb 29
        start = dt.date(as_of.year - 1, 3, 1)
    return start, as_of


def _revenue_query(start: dt.date, end: dt.date):
    return (
        sa.select(Order.account_id, sa.func.sum(sa.type_coerce(Order.amount, sa.BigInteger)).label("cents"))
        .where(Order.ordered_on >= start, Order.ordered_on <= end)
        .group_by(Order.account_id)
    )


def revenue_cents_by_account(session, start: dt.date, end: dt.date) -> dict[int, int]:
    """Sum of order amounts (in cents) per account with ``start <= date <= end``."""
    return {account_id: int(total or 0) for account_id, total in session.execute(_revenue_query(start, end))}


def _count(n: int, pct: Decimal) -> int:
    return int((Decimal(n) * Decimal(pct) / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _tier_ends(ordered: list[tuple[int, int]], settings: Settings) -> list[int]:
    """Exclusive end index of Top, Big, Medium and Small in ``ordered`` (revenue descending)."""
    n = len(ordered)
    ends: list[int] = []
    cumulative = Decimal(0)
    start = 0
    for i, pct in enumerate((settings.tier_top_pct, settings.tier_big_pct, settings.tier_medium_pct)):
        cumulative += Decimal(pct)
        end = _count(n, cumulative)
        if i == 0:
            end = max(1, end)  # few customers: the best one is still Top
        end = min(max(end, start), n)
        # customers tied with this tier's last member stay in this tier
        while start < end < n and ordered[end][1] == ordered[end - 1][1]:
            end += 1
        ends.append(end)
        start = end
    ends.append(n)
    return ends


# --- classifying every account ---------------------------------------------------

# the tier of an account without revenue and without any order, by its stage
_STAGE_TIER = {"inactive": "inactive", "customer": "small", "suspect": "suspect"}  # other stages: prospect


def _plain_rows(session, query) -> list[tuple]:
    """All rows as plain tuples. On SQLite straight from the driver: for 50k rows
    SQLAlchemy's Row objects cost as much as the aggregation itself. (Plain
    bound values only: no expanding ``IN`` lists.)"""
    conn = session.connection()
    if conn.dialect.name != "sqlite":
        return [tuple(row) for row in conn.execute(query)]
    compiled = query.compile(dialect=conn.dialect)
    values = compiled.construct_params()
    params = [values[name] for name in compiled.positiontup]
    params = [v.isoformat() if isinstance(v, dt.date) else v for v in params]  # dates are ISO text in SQLite
    cursor = conn.connection.driver_connection.cursor()
    try:
        return cursor.execute(compiled.string, params).fetchall()
    finally:
        cursor.close()


def _classify(session, *, as_of: dt.date, settings: Settings, stages: dict[int, str | None] | None = None) -> list[tuple[int, str, int, int | None]]:
    """(account_id, tier, revenue cents, rank) for every active account, best first.

    ``stages`` gives the stage on ``as_of`` of the accounts whose stage changed since (``_stage_history``);
    the others had their current stage. Without it a past day reads the history itself. An account with
    no orders by then whose stage was not yet known is left out.
    """
    key = _reusable(session, as_of, settings) if stages is None else None
    if key is not None and key in _recent_standing:
        return list(_recent_standing[key])
    if stages is None and as_of < dt.date.today():  # (no stage changes after today: a shortcut only)
        # a past day: the stages then, so that an account made or promoted later is not counted as it is now
        stages = _stage_history(session, after=as_of)(as_of)
    start, end = window(as_of)
    revenue = _revenue_query(start, end).subquery()
    before = sa.alias(Order.__table__, "before_window")
    ordered_before = sa.select(1).where(before.c.account_id == Account.id, before.c.ordered_on < start).exists()
    # 1 = has ordered before (a former customer when not paying now); the look
    # back (one index seek) is only made for accounts without orders in the window
    former = sa.case((revenue.c.cents > 0, 0), (revenue.c.account_id.is_not(None), 1),
                     else_=sa.cast(ordered_before, sa.Integer))
    query = (
        sa.select(Account.id, Account.stage, sa.func.coalesce(revenue.c.cents, 0), sa.type_coerce(former, sa.Integer))
        .outerjoin(revenue, revenue.c.account_id == Account.id)
        .where(Account.archived == sa.false())
    )
    paying: list[tuple[int, int]] = []  # (-cents, account_id): sorts best first without a key function
    others: list[tuple[int, str, int, None]] = []
    for account_id, stage, cents, had_orders in _plain_rows(session, query):
        if cents > 0:
            paying.append((-cents, account_id))
            continue
        if stages is not None:
            stage = stages.get(account_id, stage)
        if had_orders:
            tier = "inactive"
        elif stage is None:  # not known yet on that day
            continue
        else:
            tier = _STAGE_TIER.get(stage, "prospect")
        others.append((account_id, tier, cents, None))
    out = _ranked(paying, settings)
    out.extend(others)
    if key is not None:
        if len(_recent_standing) >= 4:
            _recent_standing.clear()
        _recent_standing[key] = tuple(out)
    return out


# Reads of one unchanged file ask for the same standing several times (the portfolio report: the
# quarter's shared figures, the pyramid, the values and the agenda at the quarter end all rank every
# account): a read session reuses it while the file's signature holds. A write session never does
# (its own uncommitted changes do not show in the signature).
_recent_standing: dict[tuple, tuple] = {}


def _reusable(session, as_of: dt.date, settings: Settings) -> tuple | None:
    db = session.info.get(READ_SESSION)
    signature = None if db is None else db.signature()
    return None if signature is None else (db.url, signature, as_of, settings)


def _ranked(paying: list[tuple[int, int]], settings: Settings) -> list[tuple[int, str, int, int | None]]:
    """(account_id, tier, cents, rank) of the paying accounts, given as (-cents, account_id), best first."""
    paying.sort()
    ordered = [(account_id, -negative) for negative, account_id in paying]
    out: list[tuple[int, str, int, int | None]] = []
    start_index = 0
    for tier, end_index in zip(CUSTOMER_TIERS, _tier_ends(ordered, settings)):
        out.extend((account_id, tier, cents, i) for i, (account_id, cents) in enumerate(ordered[start_index:end_index], start=start_index + 1))
        start_index = end_index
    return out


class Tiers(Mapping[int, TierAssignment]):
    """account_id -> TierAssignment, read-only, best first.

    The assignment objects are made when looked up: callers mostly look up a
    few accounts, and making 50k objects up front costs more than the query.
    """

    __slots__ = ("_rows",)

    def __init__(self, rows: list[tuple[int, str, int, int | None]]):
        self._rows = {row[0]: row for row in rows}

    def __getitem__(self, account_id: int) -> TierAssignment:
        return TierAssignment(*self._rows[account_id])

    def __iter__(self) -> Iterator[int]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def __contains__(self, account_id: object) -> bool:
        return account_id in self._rows

    def tiers_and_cents(self) -> dict[int, tuple[str, int]]:
        """account_id -> (tier, 12-month revenue in cents) of every account, without an assignment object each."""
        return {account_id: (row[1], row[2]) for account_id, row in self._rows.items()}

    def tier_of(self, account_id: int, default: str | None = None) -> str | None:
        row = self._rows.get(account_id)
        return default if row is None else row[1]


def compute_tiers(db: Database, *, as_of: dt.date | None = None, settings: Settings | None = None) -> Tiers:
    """The tier of every active account on ``as_of`` (default today)."""
    as_of = as_of or dt.date.today()
    with db.read() as session:
        settings = settings or settings_service.load(session)
        return tiers_in_session(session, as_of=as_of, settings=settings)


def tiers_in_session(session, *, as_of: dt.date, settings: Settings) -> Tiers:
    return Tiers(_classify(session, as_of=as_of, settings=settings))


# --- the current standing, kept in tier_cache (revision 0006) ----------------------
#
# tier_cache holds the tiers of one day (tier_cache_state.as_of) and, for the
# accounts that fell since the quarter end before it, the tier they fell from.
# Triggers (SQLite's, and their plpgsql twins on PostgreSQL) clear
# tier_cache_state.valid whenever orders, an account's stage or archived flag,
# the accounts themselves, the tier percentages or the snapshot of that quarter
# end change.


def tier_cache_holds(session, as_of: dt.date) -> bool:
    """tier_cache is exactly the standing on ``as_of``."""
    return held_standing(session) == as_of


def _level(tier):
    return sa.case(*((tier == t, level) for t, level in TIER_LEVEL.items()), else_=0)


def _mark_drops(session, now: sa.Table, then: sa.Table, quarter: dt.date, *, only: list[int] | None = None) -> None:
    """In ``now``: the customer tier each account had in ``then`` at ``quarter`` when it is lower now
    (of the accounts ``only``, when given)."""
    update = (
        sa.update(now)
        .where(then.c.quarter_end == quarter, then.c.account_id == now.c.account_id,
               then.c.tier.in_(CUSTOMER_TIERS), _level(now.c.tier) < _level(then.c.tier))
        .values(dropped_from=then.c.tier, revenue_before=then.c.revenue_12m)
    )
    if only is not None:
        update = update.where(now.c.account_id.in_(only))
    session.execute(update)


_CACHE_COLUMNS = ("account_id", "tier", "revenue_12m", "rank")


def store_tier_cache(session, *, as_of: dt.date, settings: Settings) -> list[tuple[int, str, int, int | None]]:
    """Compute the standing on ``as_of`` and keep it as the cache. Call inside ``db.write()``:
    BEGIN IMMEDIATE keeps every other writer out between reading the orders and marking the cache valid.

    The first look after a quarter end keeps that quarter's snapshot (the drops compare with it).
    """
    quarter = previous_quarter_end(as_of)
    keep_quarter(session, quarter)
    rows = _classify(session, as_of=as_of, settings=settings)
    session.execute(sa.delete(TierCache))
    _insert_rows(session, "tier_cache", _CACHE_COLUMNS, sorted(rows))
    _mark_drops(session, TierCache.__table__, TierSnapshot.__table__, quarter)
    session.execute(sa.delete(TierCacheState))
    session.execute(sa.insert(TierCacheState).values(id=1, as_of=as_of, quarter_end=quarter, valid=True))
    return rows


def held_standing(session) -> dt.date | None:
    """The day tier_cache holds exactly (None when stale); asked at the start of a write that changes orders
    (before its triggers mark the cache stale), for ``restand`` at its end."""
    state = session.execute(sa.select(TierCacheState.as_of, TierCacheState.valid).where(TierCacheState.id == 1)).first()
    return state.as_of if state is not None and state.valid else None


def restand(session, *, held: dt.date | None, account_ids, since: dt.date) -> bool:
    """After a write that changed only the orders of ``account_ids``: bring tier_cache, which held
    the day ``held`` before it, up to date from the cached revenues of the other accounts, instead of
    aggregating every order again at the next look (a new order re-ranks one account; the others'
    ranks shift, and a tier changes only where a boundary moved).

    ``since`` is the earliest order date written. Gives up (the cache stays stale and the next look
    recomputes it) whenever the cache alone cannot say the answer: an order on or before the quarter
    end the drops compare with (its snapshot was dropped), an account that is
    not in the cache, or one whose tier without revenue depends on its older orders or its stage.
    """
    if held is None:
        return False
    quarter = previous_quarter_end(held)
    if since <= quarter:
        return False
    ids = {int(a) for a in account_ids}
    if len(ids) > 200:
        return False  # a big import: one full recomputation is cheaper
    start, end = window(held)
    revenue = dict(session.execute(_revenue_query(start, end).where(Order.account_id.in_(sorted(ids)))).all())
    # the paying accounts (the ranking) and the changed ones; unordered: they are sorted below
    cache = TierCache.__table__
    cents_column = sa.type_coerce(cache.c.revenue_12m, sa.BigInteger)
    shape = sa.select(cache.c.account_id, cache.c.tier, cents_column, cache.c.rank)
    rows = {row[0]: row for row in _plain_rows(session, shape.where(cents_column > 0))}
    rows.update((row[0], tuple(row)) for row in session.execute(shape.where(cache.c.account_id.in_(sorted(ids)))))
    for account_id in ids:
        row = rows.get(account_id)
        if row is None:
            return False
        cents = int(revenue.get(account_id) or 0)
        if cents <= 0 and not (row[2] <= 0 and row[1] == "inactive"):
            return False  # no revenue now: its tier comes from older orders or its stage
        if cents != row[2]:
            rows[account_id] = (account_id, row[1], cents, row[3])
    paying = [(-cents, account_id) for account_id, _tier, cents, _rank in rows.values() if cents > 0]
    moved, retiered = [], []
    for account_id, tier, cents, rank in _ranked(paying, settings_service.load(session)):
        _id, old_tier, _cents, old_rank = rows[account_id]
        if tier != old_tier:
            retiered.append((tier, cents, rank, account_id))
        elif rank != old_rank or account_id in ids:
            moved.append((cents, rank, account_id))
    # straight to the driver: a jump in rank shifts thousands of others by one, and SQLAlchemy's
    # executemany costs some 20 µs a row (the cents are the stored integers, as in _insert_rows)
    conn = session.connection()
    mark = "?" if conn.dialect.name == "sqlite" else "%s"  # the driver's own placeholder
    cursor = conn.connection.driver_connection.cursor()
    try:
        cursor.executemany(f"UPDATE tier_cache SET revenue_12m = {mark}, rank = {mark} WHERE account_id = {mark}", moved)
        cursor.executemany(f"UPDATE tier_cache SET tier = {mark}, revenue_12m = {mark}, rank = {mark}, "
                           f"dropped_from = NULL, revenue_before = NULL WHERE account_id = {mark}", retiered)
    finally:
        cursor.close()
    changed = [r[3] for r in retiered]
    for chunk_start in range(0, len(changed), 500):
        _mark_drops(session, cache, TierSnapshot.__table__, quarter, only=changed[chunk_start:chunk_start + 500])
    session.execute(sa.update(TierCacheState).where(TierCacheState.id == 1).values(valid=True))
    return True


def temporary_standing(session, *, as_of: dt.date) -> sa.Table:
    """For a database that cannot keep the cache (opened read-only): the standing on ``as_of`` in a
    TEMP table of this connection, shaped like tier_cache (computed, so slower)."""
    conn = session.connection()
    now = sa.Table("standing_now", sa.MetaData(), sa.Column("account_id", sa.Integer, primary_key=True),
                   sa.Column("tier", sa.String), sa.Column("revenue_12m", sa.BigInteger), sa.Column("rank", sa.Integer),
                   sa.Column("dropped_from", sa.String), sa.Column("revenue_before", sa.BigInteger),
                   prefixes=["TEMPORARY"])
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {now.name}")
    now.create(conn)
    quarter = previous_quarter_end(as_of)
    _insert_rows(session, now.name, _CACHE_COLUMNS,
                 sorted(_classify(session, as_of=as_of, settings=settings_service.load(session))))
    if not _quarter_kept(session, quarter):  # the drops compare with that quarter end, computed here
        then = sa.Table("standing_then", sa.MetaData(), sa.Column("quarter_end", sa.Date, primary_key=True),
                        sa.Column("account_id", sa.Integer, primary_key=True), sa.Column("tier", sa.String),
                        sa.Column("revenue_12m", sa.BigInteger), prefixes=["TEMPORARY"])
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS {then.name}")
        then.create(conn)
        day = quarter.isoformat() if conn.dialect.name == "sqlite" else quarter
        _insert_rows(session, then.name, ("quarter_end", "account_id", "tier", "revenue_12m"),
                     [(day, a, t, c) for a, (t, c) in _tiers_at_quarter_end(session, quarter).items()])
    else:  # kept: compared in place (copying 50k rows cost more than the comparison)
        then = TierSnapshot.__table__
    _mark_drops(session, now, then, quarter)
    return now


def with_standing(db: Database, *, as_of: dt.date, work, keep: bool = True):
    """``work(session, tiers)`` with the standing on ``as_of`` as a table shaped like tier_cache: tier_cache
    itself when it holds that day (money columns in integer cents either way).

    When it does not (an order changed, a new day) it is recomputed first, in
    the write transaction ``work`` then reads in. A database that cannot be
    written gets a TEMP table instead (computed each time, so slower), and so
    does a look at another day with ``keep`` false (a report on a quarter end
    leaves today's cache alone).
    """
    with db.read() as session:
        if tier_cache_holds(session, as_of):
            return work(session, TierCache.__table__)
        if not keep:
            return work(session, temporary_standing(session, as_of=as_of))
    try:
        with db.write() as session:
            if not tier_cache_holds(session, as_of):
                store_tier_cache(session, as_of=as_of, settings=settings_service.load(session))
            return work(session, TierCache.__table__)
    except sa.exc.OperationalError:  # opened read-only (or locked for longer than the busy timeout)
        with db.read() as session:
            return work(session, temporary_standing(session, as_of=as_of))


def _cached_rows(session) -> list[tuple[int, str, int, int | None]]:
    query = sa.select(TierCache.account_id, TierCache.tier, sa.type_coerce(TierCache.revenue_12m, sa.BigInteger),
                      TierCache.rank).order_by(TierCache.rank.is_(None), TierCache.rank, TierCache.account_id)
    return _plain_rows(session, query)


def current_tiers(db: Database, *, as_of: dt.date | None = None) -> Tiers:
    """The tier of every active account on ``as_of`` (default today), from the cache when it holds that day.

    Otherwise computed and kept as the cache in one write transaction (the
    cache holds one day: the last one asked for). A database that cannot be
    written (opened read-only) gets the tiers computed.
    """
    as_of = as_of or dt.date.today()
    with db.read() as session:
        if tier_cache_holds(session, as_of):
            return Tiers(_cached_rows(session))
    try:
        with db.write() as session:
            if tier_cache_holds(session, as_of):  # another writer kept it meanwhile
                return Tiers(_cached_rows(session))
            return Tiers(store_tier_cache(session, as_of=as_of, settings=settings_service.load(session)))
    except sa.exc.OperationalError:  # read-only, or locked for longer than the busy timeout
        return compute_tiers(db, as_of=as_of)


def standing_of(db: Database, *, account_id: int, as_of: dt.date | None = None) -> TierAssignment | None:
    """One account's tier and 12-month revenue (for its page): a cache look-up when the cache holds the day."""
    as_of = as_of or dt.date.today()
    with db.read() as session:
        if tier_cache_holds(session, as_of):
            row = session.execute(
                sa.select(TierCache.account_id, TierCache.tier, sa.type_coerce(TierCache.revenue_12m, sa.BigInteger),
                          TierCache.rank).where(TierCache.account_id == account_id)
            ).first()
            return Tiers([tuple(row)]).get(account_id) if row is not None else None
    return current_tiers(db, as_of=as_of).get(account_id)


# --- the pyramid as a whole ----------------------------------------------------------


@dataclass(frozen=True)
class TierSummary:
    tier: str
    label: str
    count: int
    revenue: Decimal
    revenue_share: Decimal | None  # percent of all revenue in the window; None without revenue
    account_ids: tuple[int, ...]  # best first


@dataclass(frozen=True)
class PyramidSummary:
    as_of: dt.date
    window_start: dt.date
    customers: int  # accounts in the four customer tiers
    revenue: Decimal  # revenue of those customers in the window
    tiers: tuple[TierSummary, ...]  # PYRAMID_TIERS order

    def tier(self, name: str) -> TierSummary:
        return next(t for t in self.tiers if t.tier == name)


def _share(part: int, whole: int) -> Decimal | None:
    if whole <= 0:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def pyramid_summary(db: Database, *, as_of: dt.date | None = None) -> PyramidSummary:
    """Per tier: how many accounts, their revenue and its share, and who they are."""
    as_of = as_of or dt.date.today()
    with db.read() as session:
        rows = _classify(session, as_of=as_of, settings=settings_service.load(session))
    members: dict[str, list[int]] = {tier: [] for tier in PYRAMID_TIERS}
    cents: dict[str, int] = dict.fromkeys(PYRAMID_TIERS, 0)
    for account_id, tier, revenue, _ in rows:
        members[tier].append(account_id)
        cents[tier] += revenue
    total = sum(cents[t] for t in CUSTOMER_TIERS)
    tiers = tuple(
        TierSummary(
            tier=t, label=TIER_LABELS[t], count=len(members[t]), revenue=cents_to_decimal(cents[t]),
            revenue_share=_share(cents[t], total) if t in CUSTOMER_TIERS else None,
            # customers best first; the others by id (not in whatever order the database read them)
            account_ids=tuple(members[t] if t in CUSTOMER_TIERS else sorted(members[t])),
        )
        for t in PYRAMID_TIERS
    )
    return PyramidSummary(
        as_of=as_of, window_start=window(as_of)[0], customers=sum(len(members[t]) for t in CUSTOMER_TIERS),
        revenue=cents_to_decimal(total), tiers=tiers,
    )


@dataclass(frozen=True)
class TierMember:
    account_id: int
    name: str
    city: str | None
    tier: str
    revenue_12m: Decimal
    rank: int | None


def tier_members(db: Database, *, as_of: dt.date | None = None, tier: str | None = None) -> list[TierMember]:
    """The accounts of one tier (or all), best first, with name and revenue."""
    as_of = as_of or dt.date.today()
    with db.read() as session:
        rows = _classify(session, as_of=as_of, settings=settings_service.load(session))
        if tier is not None:
            rows = [r for r in rows if r[1] == tier]
        names = _names(session, [r[0] for r in rows])
    members = [
        TierMember(account_id=a, name=names[a][0], city=names[a][1], tier=t, revenue_12m=cents_to_decimal(c), rank=rank)
        for a, t, c, rank in rows
    ]
    # customers by rank; prospects, suspects and former customers by name
    members.sort(key=lambda m: (PYRAMID_TIERS.index(m.tier), m.rank or 0, m.name.casefold(), m.account_id))
    return members


def _names(session, ids: list[int]) -> dict[int, tuple[str, str | None]]:
    """account_id -> (name, city); many ids are read in one pass over the accounts."""
    if len(ids) > 5000:
        wanted = set(ids)
        query = sa.select(Account.id, Account.name, Account.city)
        return {r[0]: (r[1], r[2]) for r in session.connection().execute(query) if r[0] in wanted}
    out: dict[int, tuple[str, str | None]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        query = sa.select(Account.id, Account.name, Account.city).where(Account.id.in_(chunk))
        out.update({r[0]: (r[1], r[2]) for r in session.execute(query)})
    return out


# --- quarterly snapshots and movement --------------------------------------------------


@dataclass(frozen=True)
class SnapshotResult:
    quarter_ends: tuple[dt.date, ...]  # every quarter end from the first order through the date
    computed: tuple[dt.date, ...]  # the ones (re)computed now
    rows: int


def _stage_history(session, *, after: dt.date):
    """A function giving, for a date from ``after`` on, the stage then of each account whose stage
    changed since (None: not known yet); every other account had its current stage.

    The current stage rolled back through the changes made after the date: an account whose first change
    since was its creation (from no stage) was not known yet, as in a quarter's tiers kept before it was
    made (so the two agree; an account entered later with an earlier "customer since" is not counted either).
    Accounts without recorded changes keep their current stage.
    """
    query = (sa.select(StageChange.account_id, StageChange.changed_on, StageChange.from_stage)
             .where(StageChange.changed_on > after).order_by(StageChange.changed_on.desc(), StageChange.id.desc()))
    changes = _plain_rows(session, query)  # latest first
    if changes and isinstance(changes[0][1], str):  # the driver's own rows: ISO text on SQLite
        changes = [(a, dt.date.fromisoformat(day), stage) for a, day, stage in changes]

    def at(day: dt.date) -> dict[int, str | None]:
        then: dict[int, str | None] = {}
        for account_id, changed_on, from_stage in changes:
            if changed_on <= day:
                break
            then[account_id] = from_stage  # the earliest change after the day is applied last
        return then

    return at


def _first_order_date(session) -> dt.date | None:
    first = session.execute(sa.select(sa.func.min(Order.ordered_on))).scalar()
    if isinstance(first, str):  # min() over a date column comes back as text in SQLite
        first = dt.date.fromisoformat(first)
    return first


def snapshot_quarters(db: Database, *, through: dt.date | None = None, replace: bool = False) -> SnapshotResult:
    """Keep the tier of every account at each quarter end, back to the first order.

    Idempotent: quarter ends already stored are left alone unless ``replace``
    (changing orders drops the snapshots they affect, so those are redone).
    """
    through = through or dt.date.today()
    with db.read() as session:
        first = _first_order_date(session)
        stored = set(session.execute(sa.select(TierSnapshot.quarter_end).distinct()).scalars())
    if first is None:
        return SnapshotResult(quarter_ends=(), computed=(), rows=0)
    ends = quarter_ends(first, through)
    todo = [end for end in ends if replace or end not in stored]
    if not todo:
        return SnapshotResult(quarter_ends=tuple(ends), computed=(), rows=0)
    with db.read() as session:
        settings = settings_service.load(session)
        stages_at = _stage_history(session, after=todo[0])  # the changes before the first quarter never count
    rows = 0
    for end in todo:
        # one transaction per quarter: the write lock is never held for long
        with db.write() as session:
            rows += len(_store_quarter(session, end, settings, stages_at(end)))
    return SnapshotResult(quarter_ends=tuple(ends), computed=tuple(todo), rows=rows)


def _store_quarter(session, end: dt.date, settings: Settings,
                   stages: dict[int, str | None] | None = None) -> list[tuple[int, str, int, int | None]]:
    tiers = _classify(session, as_of=end, settings=settings, stages=stages)
    session.execute(sa.delete(TierSnapshot).where(TierSnapshot.quarter_end == end))
    _insert_snapshot(session, end, tiers)
    return tiers


def _insert_snapshot(session, end: dt.date, tiers: list[tuple[int, str, int, int | None]]) -> None:
    day = end.isoformat() if session.connection().dialect.name == "sqlite" else end
    _insert_rows(session, "tier_snapshot", ("quarter_end", "account_id", "tier", "revenue_12m"),
                 [(day, a, t, c) for a, t, c, _ in tiers])


def _insert_rows(session, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
    """Plain values (cents, ISO dates on SQLite) straight into the columns: on SQLite one driver
    executemany (40k rows a quarter at L)."""
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        cursor = conn.connection.driver_connection.cursor()
        try:
            cursor.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", rows)
        finally:
            cursor.close()
    elif rows:
        target = sa.table(table, *(sa.column(c) for c in columns))
        conn.execute(sa.insert(target), [dict(zip(columns, row)) for row in rows])


def _quarter_kept(session, end: dt.date) -> bool:
    return session.execute(sa.select(TierSnapshot.account_id).where(TierSnapshot.quarter_end == end).limit(1)
                           ).first() is not None


def quarter_missing(session, end: dt.date) -> bool:
    """No snapshot is kept for ``end`` although there were orders by then."""
    if _quarter_kept(session, end):
        return False
    first = _first_order_date(session)
    return first is not None and first <= end


def keep_quarter(session, end: dt.date) -> list[tuple[int, str, int, int | None]]:
    """Store the tiers at quarter end ``end`` when missing (inside ``db.write()``); the rows stored."""
    if not quarter_missing(session, end):
        return []
    return _store_quarter(session, end, settings_service.load(session))


def available_quarter_ends(db: Database, *, through: dt.date | None = None) -> list[dt.date]:
    """Every quarter end from the first order up to ``through`` (default today): the quarters one can compare."""
    with db.read() as session:
        first = _first_order_date(session)
    return [] if first is None else quarter_ends(first, through or dt.date.today())


def stored_quarter_ends(db: Database) -> list[dt.date]:
    with db.read() as session:
        return sorted(session.execute(sa.select(TierSnapshot.quarter_end).distinct()).scalars())


def _stored_tiers(session, end: dt.date, *, customers_only: bool = False) -> dict[int, tuple[str, int]] | None:
    """account_id -> (tier, revenue cents) kept for a quarter end; None when none is kept."""
    query = sa.select(TierSnapshot.account_id, TierSnapshot.tier, sa.type_coerce(TierSnapshot.revenue_12m, sa.BigInteger)).where(
        TierSnapshot.quarter_end == end)
    if customers_only:
        kept = session.execute(sa.select(TierSnapshot.account_id).where(TierSnapshot.quarter_end == end).limit(1)).first()
        if kept is None:
            return None
        query = query.where(sa.or_(*(TierSnapshot.tier == t for t in CUSTOMER_TIERS)))
    stored = {a: (t, c) for a, t, c in _plain_rows(session, query)}
    return stored if stored or customers_only else None


def _tiers_at_quarter_end(session, end: dt.date) -> dict[int, tuple[str, int]]:
    """account_id -> (tier, revenue cents) at a quarter end: stored, or computed from orders."""
    stored = _stored_tiers(session, end)
    if stored is not None:
        return stored
    settings = settings_service.load(session)
    rows = _classify(session, as_of=end, settings=settings)
    return {a: (t, c) for a, t, c, _ in rows}


def quarter_end_tiers(db: Database, *, end: dt.date) -> dict[int, tuple[str, int]]:
    """account_id -> (tier, 12-month revenue in cents) at quarter end ``end``, as kept in tier_snapshot
    (the movement between quarters compares the same); computed from the orders and the stage history
    when none is kept."""
    with db.read() as session:
        return _tiers_at_quarter_end(session, end)


NOT_KNOWN = NOT_LISTED  # in a movement: the account was not (yet, or any more) in the pyramid
MOVEMENT_TIERS = PYRAMID_TIERS + (NOT_KNOWN,)


@dataclass(frozen=True)
class MovedAccount:
    account_id: int
    name: str
    from_tier: str
    to_tier: str
    revenue_before: Decimal
    revenue_after: Decimal


@dataclass(frozen=True)
class Movement:
    from_end: dt.date
    to_end: dt.date
    tiers: tuple[str, ...]  # row and column order of ``counts``
    counts: tuple[tuple[int, ...], ...]  # counts[from][to]
    moved_up: tuple[MovedAccount, ...]  # biggest revenue first
    moved_down: tuple[MovedAccount, ...]  # biggest revenue lost first

    def count(self, from_tier: str, to_tier: str) -> int:
        return self.counts[self.tiers.index(from_tier)][self.tiers.index(to_tier)]


def _as_quarter_end(value: str | dt.date) -> dt.date:
    if isinstance(value, dt.date):
        return quarter_end(value)
    return parse_quarter(value)[1]


def movement(db: Database, *, from_quarter: str | dt.date, to_quarter: str | dt.date) -> Movement:
    """From-tier x to-tier counts between two quarter ends, and who moved up or down.

    Quarters as '2026Q2' or any date in the quarter. Stored snapshots are
    used where present, otherwise the tiers are computed from the orders.
    """
    from_end, to_end = _as_quarter_end(from_quarter), _as_quarter_end(to_quarter)
    with db.read() as session:
        before = _tiers_at_quarter_end(session, from_end)
        after = _tiers_at_quarter_end(session, to_end)
        index = {t: i for i, t in enumerate(MOVEMENT_TIERS)}
        counts = [[0] * len(MOVEMENT_TIERS) for _ in MOVEMENT_TIERS]
        up: list[tuple] = []
        down: list[tuple] = []
        for account_id in before.keys() | after.keys():
            t0, c0 = before.get(account_id, (NOT_KNOWN, 0))
            t1, c1 = after.get(account_id, (NOT_KNOWN, 0))
            counts[index[t0]][index[t1]] += 1
            step = TIER_LEVEL.get(t1, 0) - TIER_LEVEL.get(t0, 0)
            if step:
                (up if step > 0 else down).append((account_id, t0, t1, c0, c1))
        names = _names(session, [m[0] for m in up + down])

    def moved(items: list[tuple], key) -> tuple[MovedAccount, ...]:
        items.sort(key=key)
        return tuple(
            MovedAccount(a, names[a][0], t0, t1, cents_to_decimal(c0), cents_to_decimal(c1)) for a, t0, t1, c0, c1 in items
        )

    return Movement(
        from_end=from_end, to_end=to_end, tiers=MOVEMENT_TIERS, counts=tuple(tuple(r) for r in counts),
        moved_up=moved(up, lambda m: (-m[4], m[0])),
        moved_down=moved(down, lambda m: (-(m[3] - m[4]), m[0])),
    )


@dataclass(frozen=True)
class DroppedAccount:
    account_id: int
    name: str
    from_tier: str  # at the previous quarter end
    to_tier: str  # now
    quarter_end: dt.date
    revenue_before: Decimal  # 12-month revenue at that quarter end
    revenue_now: Decimal


def dropped_accounts(db: Database, *, as_of: dt.date | None = None, current: Mapping[int, TierAssignment] | None = None) -> list[DroppedAccount]:
    """Customers whose tier on ``as_of`` is lower than at the previous quarter end.

    For Today's attention list, biggest revenue at stake first. Pass
    ``current`` (from ``compute_tiers`` for the same day) to save computing it twice.
    """
    as_of = as_of or dt.date.today()
    previous = previous_quarter_end(as_of)
    if current is None:
        current = compute_tiers(db, as_of=as_of)
    with db.read() as session:
        then = _stored_tiers(session, previous, customers_only=True)
    if then is None:  # the first look after a quarter end keeps that quarter's tiers
        with db.write() as session:
            rows = keep_quarter(session, previous)
        then = {a: (t, c) for a, t, c, _ in rows}
    tier_now = current.tier_of if isinstance(current, Tiers) else (lambda a: current[a].tier if a in current else None)
    found = []
    for account_id, (tier, cents) in then.items():
        level = TIER_LEVEL.get(tier, 0)
        if not level:
            continue
        now = tier_now(account_id)
        if now is not None and TIER_LEVEL.get(now, 0) < level:
            found.append((account_id, tier, now, cents, current[account_id].revenue_12m))
    with db.read() as session:
        names = _names(session, [f[0] for f in found])
    found.sort(key=lambda f: (-f[3], f[0]))
    return [
        DroppedAccount(a, names[a][0], t0, t1, previous, cents_to_decimal(c0), revenue_now)
        for a, t0, t1, c0, revenue_now in found
    ]
