"""Orders: revenue lines per account, typed in or imported from accounting.

A negative amount is a credit note. A reference (invoice number) is unique
per account: typing it twice is refused, importing it twice skips it, so the
same accounting export can be imported again without doubling revenue.
Tier snapshots are derived from orders, so a change to orders drops the
snapshots it makes stale (they are recomputed by ``pyramid.snapshot_quarters``).
An account without a customer-since date gets the date of its first order
(``customer_since.fill_customer_since``); a date already there is kept.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import sqlalchemy as sa

from relationapp.data.db import Database
from relationapp.data.models import Account, Order, TierSnapshot, cents_to_decimal
from relationapp.errors import NotFound, ValidationError
from relationapp.services.common import validation
from relationapp.services.customers.customer_since import fill_customer_since
from relationapp.services.relationships import referrals
from relationapp.services.value import pyramid, quarters
from relationapp.text.catalogue import _

_CHUNK = 500  # ids per IN (...) list: well below SQLite's variable limit


@dataclass(frozen=True)
class OrderRow:
    id: int
    account_id: int
    ordered_on: dt.date
    amount: Decimal
    cost_of_goods: Decimal | None
    reference: str | None
    description: str | None

    @property
    def is_credit_note(self) -> bool:
        return self.amount < 0

    @property
    def margin(self) -> Decimal | None:
        return None if self.cost_of_goods is None else self.amount - self.cost_of_goods


@dataclass(frozen=True)
class OrderInput:
    """One order to add; ``row`` (e.g. the line in a CSV file) is named in error messages."""

    account_id: int
    ordered_on: dt.date | str
    amount: Decimal | str
    cost_of_goods: Decimal | str | None = None
    reference: str | None = None
    description: str | None = None
    row: int | None = None


@dataclass(frozen=True)
class AddOrdersResult:
    added: int
    skipped_duplicates: int  # (account, reference) already present, or twice in the batch
    first_date: dt.date | None  # earliest date among the added orders


def _clean(order: OrderInput) -> dict:
    try:
        account_id = int(order.account_id)
    except (TypeError, ValueError):
        raise ValidationError(_("Account: '{value}' is not an account id.").format(value=order.account_id), field="account_id") from None
    return dict(
        account_id=account_id,
        ordered_on=validation.parse_date(order.ordered_on, field="ordered_on", label=_("Order date"), required=True),
        amount=validation.money(order.amount, field="amount", label=_("Amount"), allow_negative=True, required=True),
        cost_of_goods=validation.money(order.cost_of_goods, field="cost_of_goods", label=_("Cost of goods"), allow_negative=True),
        reference=validation.text(order.reference, field="reference", label=_("Reference"), max_length=100),
        description=validation.text(order.description, field="description", label=_("Description"), max_length=500),
    )


def _where(order: OrderInput, index: int) -> str:
    if order.row is not None:
        return _("Row {row}").format(row=order.row)
    return _("Order {number}").format(number=index + 1)


def _in_chunks(values: list):
    for start in range(0, len(values), _CHUNK):
        yield values[start:start + _CHUNK]


def drop_stale_snapshots(session, since: dt.date) -> None:
    """Tier snapshots at quarter ends on or after ``since`` no longer match the orders.

    Call it in the same transaction from anything that adds, removes or moves
    orders (merging accounts, too); ``pyramid.snapshot_quarters`` redoes them.
    """
    session.execute(sa.delete(TierSnapshot).where(TierSnapshot.quarter_end >= since))


def _row(o: Order) -> OrderRow:
    return OrderRow(o.id, o.account_id, o.ordered_on, o.amount, o.cost_of_goods, o.reference, o.description)


def create_order(
    db: Database,
    *,
    account_id: int,
    ordered_on: dt.date | str,
    amount: Decimal | str,
    cost_of_goods: Decimal | str | None = None,
    reference: str | None = None,
    description: str | None = None,
) -> OrderRow:
    """Type in one order; a reference already used for this account is refused."""
    cleaned = _clean(OrderInput(account_id, ordered_on, amount, cost_of_goods, reference, description))
    with db.write() as session:
        held = pyramid.held_standing(session)
        if session.get(Account, cleaned["account_id"]) is None:
            raise NotFound(_("Account #{id} does not exist.").format(id=cleaned["account_id"]))
        if cleaned["reference"] is not None:
            taken = session.execute(
                sa.select(Order.id).where(Order.account_id == cleaned["account_id"], Order.reference == cleaned["reference"])
            ).first()
            if taken:
                raise ValidationError(
                    _("This account already has an order with reference '{reference}'.").format(
                        reference=cleaned["reference"]), field="reference"
                )
        order = Order(**cleaned)
        session.add(order)
        drop_stale_snapshots(session, cleaned["ordered_on"])
        session.flush()
        fill_customer_since(session, [order.account_id])
        referrals.on_orders_added(session, [order.account_id])  # a first order: thank the referrer
        pyramid.restand(session, held=held, account_ids=[order.account_id], since=order.ordered_on)
        return _row(order)


def add_orders(db: Database, *, orders: list[OrderInput]) -> AddOrdersResult:
    """Add many orders in one transaction, all or nothing (the CSV import uses this).

    Every order is checked before anything is written; the first problem is
    raised with its row. Orders whose (account, reference) is already present,
    or appears earlier in the same batch, are skipped and counted.
    """
    cleaned: list[dict] = []
    for index, order in enumerate(orders):
        try:
            cleaned.append(_clean(order))
        except ValidationError as exc:
            raise ValidationError(_("{where}: {problem}").format(where=_where(order, index), problem=exc.message), field=exc.field) from None
    if not cleaned:
        return AddOrdersResult(added=0, skipped_duplicates=0, first_date=None)
    account_ids = sorted({c["account_id"] for c in cleaned})
    with db.write() as session:
        held = pyramid.held_standing(session)
        known: set[int] = set()
        taken: set[tuple[int, str]] = set()
        for chunk in _in_chunks(account_ids):
            known.update(session.execute(sa.select(Account.id).where(Account.id.in_(chunk))).scalars())
            present = session.execute(
                sa.select(Order.account_id, Order.reference).where(Order.account_id.in_(chunk), Order.reference.is_not(None))
            )
            taken.update((account_id, reference) for account_id, reference in present)
        for index, (order, values) in enumerate(zip(orders, cleaned)):
            if values["account_id"] not in known:
                raise ValidationError(_("{where}: account #{id} does not exist.").format(
                    where=_where(order, index), id=values["account_id"]), field="account_id")
        fresh = []
        for values in cleaned:
            key = (values["account_id"], values["reference"])
            if values["reference"] is not None:
                if key in taken:
                    continue
                taken.add(key)
            fresh.append(values)
        if fresh:
            # Core executemany: one statement for the batch, no ORM object per row
            session.execute(sa.insert(Order.__table__), fresh)
            first = min(v["ordered_on"] for v in fresh)
            drop_stale_snapshots(session, first)
            fill_customer_since(session, {v["account_id"] for v in fresh})
            referrals.on_orders_added(session, {v["account_id"] for v in fresh})
            pyramid.restand(session, held=held, account_ids={v["account_id"] for v in fresh}, since=first)
        else:
            first = None
        return AddOrdersResult(added=len(fresh), skipped_duplicates=len(cleaned) - len(fresh), first_date=first)


def list_orders(
    db: Database,
    *,
    account_id: int,
    since: dt.date | None = None,
    until: dt.date | None = None,
    limit: int | None = None,
) -> list[OrderRow]:
    """An account's orders, newest first."""
    query = sa.select(Order).where(Order.account_id == account_id)
    if since is not None:
        query = query.where(Order.ordered_on >= since)
    if until is not None:
        query = query.where(Order.ordered_on <= until)
    query = query.order_by(Order.ordered_on.desc(), Order.id.desc())
    if limit is not None:
        query = query.limit(limit)
    with db.read() as session:
        return [_row(o) for o in session.execute(query).scalars()]


def delete_order(db: Database, *, order_id: int) -> None:
    with db.write() as session:
        held = pyramid.held_standing(session)
        order = session.get(Order, order_id)
        if order is None:
            raise NotFound(_("Order #{id} does not exist.").format(id=order_id))
        drop_stale_snapshots(session, order.ordered_on)
        session.delete(order)
        session.flush()
        pyramid.restand(session, held=held, account_ids=[order.account_id], since=order.ordered_on)


@dataclass(frozen=True)
class QuarterRevenue:
    quarter: str  # "2026Q3"
    start: dt.date
    end: dt.date
    revenue: Decimal


def revenue_by_quarter(db: Database, *, account_id: int, count: int = 8,
                       today: dt.date | None = None) -> list[QuarterRevenue]:
    """The account's revenue in each of the last ``count`` quarters (the current one last), summed in SQL."""
    shown = [quarters.quarter_of(today or dt.date.today())]
    while len(shown) < max(1, count):
        shown.insert(0, shown[0].shift(-1))
    cents = sa.type_coerce(Order.amount, sa.Integer)
    sums = [sa.func.coalesce(sa.func.sum(sa.case((Order.ordered_on.between(q.start, q.end), cents), else_=0)), 0)
            for q in shown]
    with db.read() as session:
        if session.get(Account, account_id) is None:
            raise NotFound(_("Account #{id} does not exist.").format(id=account_id))
        totals = session.execute(sa.select(*sums).where(
            Order.account_id == account_id, Order.ordered_on.between(shown[0].start, shown[-1].end))).one()
    return [QuarterRevenue(str(q), q.start, q.end, cents_to_decimal(total)) for q, total in zip(shown, totals)]
