"""Customer since: the day of the first order, never the day an account was typed in or imported."""

from __future__ import annotations

import sqlalchemy as sa

from relationapp.data.models import Account, Order, bump

_CHUNK = 500  # ids per IN (...) list: well below SQLite's variable limit


def fill_customer_since(session, account_ids) -> None:
    """Accounts of ``account_ids`` without a customer-since date that have orders get the date of
    their first (earliest) order; a date already there is left alone. Call it in the transaction
    that added (or moved) the orders."""
    ids = sorted({int(i) for i in account_ids if i is not None})
    first = (sa.select(sa.func.min(Order.ordered_on)).where(Order.account_id == Account.id)
             .correlate(Account).scalar_subquery())
    has_orders = sa.select(Order.id).where(Order.account_id == Account.id).correlate(Account).exists()
    for start in range(0, len(ids), _CHUNK):
        session.execute(
            sa.update(Account)
            .where(Account.id.in_(ids[start:start + _CHUNK]), Account.customer_since.is_(None), has_orders)
            .values(customer_since=first, **bump(Account))
            .execution_options(synchronize_session="fetch")
        )
