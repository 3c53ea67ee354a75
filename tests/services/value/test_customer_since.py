"""Customer since: the date the user gives, else the first order's date; never the day it was typed in."""

from __future__ import annotations

import datetime as dt

from relationapp.services.customers.accounts import (
    create_account,
    get_account,
    update_account,
)
from relationapp.services.customers.duplicates import merge_accounts
from relationapp.services.touches.personal_dates import yearly_dates
from relationapp.services.value.orders import (
    OrderInput,
    add_orders,
    create_order,
    delete_order,
)
from relationapp.services.value.value import account_value


def since(db, account_id) -> dt.date | None:
    return get_account(db, account_id=account_id).customer_since


def test_a_customer_typed_in_without_a_date_gets_its_first_orders_date(db):
    shop = create_account(db, name="Fietsenwinkel De Ring", stage="customer", today=dt.date(2026, 12, 1))
    assert shop.customer_since is None
    assert not [d for d in yearly_dates(db) if d.kind == "customer_since"]  # no "Customer since 2026"
    add_orders(db, orders=[OrderInput(shop.id, "2023-09-14", "450"), OrderInput(shop.id, "2022-04-01", "99.95"),
                           OrderInput(shop.id, "2025-01-20", "-20")])
    assert since(db, shop.id) == dt.date(2022, 4, 1)  # the earliest of the batch, not the first row
    assert [d.title for d in yearly_dates(db) if d.kind == "customer_since"] == ["Customer since 2022: Fietsenwinkel De Ring"]
    value = account_value(db, account_id=shop.id, as_of=dt.date(2026, 12, 1))
    assert value.customer_since == dt.date(2022, 4, 1) and str(value.lifetime_revenue) == "529.95"


def test_a_date_the_user_gave_is_never_changed_by_orders(db):
    given = create_account(db, name="Hotel Sanders", stage="customer", customer_since="2024-01-01")
    create_order(db, account_id=given.id, ordered_on="2019-05-05", amount="1000")
    assert since(db, given.id) == dt.date(2024, 1, 1)
    assert account_value(db, account_id=given.id, as_of=dt.date(2026, 12, 1)).lifetime_revenue == 1000
    # nor is a date once filled in moved by deleting the order it came from
    other = create_account(db, name="Bakkerij Vos", stage="customer")
    first = create_order(db, account_id=other.id, ordered_on="2020-02-02", amount="10")
    create_order(db, account_id=other.id, ordered_on="2021-03-03", amount="10")
    delete_order(db, order_id=first.id)
    assert since(db, other.id) == dt.date(2020, 2, 2)
    update_account(db, account_id=other.id, customer_since="2018-06-01")
    assert since(db, other.id) == dt.date(2018, 6, 1)


def test_a_prospect_that_becomes_a_customer_takes_its_first_order_not_today(db):
    lead = create_account(db, name="Kwekerij Smit")
    create_order(db, account_id=lead.id, ordered_on="2025-08-08", amount="300")
    changed = update_account(db, account_id=lead.id, stage="customer", today=dt.date(2026, 12, 1))
    assert changed.customer_since == dt.date(2025, 8, 8)


def test_merging_accounts_without_a_date_takes_the_first_of_their_orders(db):
    keep = create_account(db, name="Smit BV", city="Aalsmeer")
    twin = create_account(db, name="Smit B.V.", city="Aalsmeer", stage="customer")
    with db.write() as session:  # orders from before this rule: no customer since on either
        from relationapp.data.models import Order

        session.add(Order(account_id=twin.id, ordered_on=dt.date(2017, 7, 7), amount=5))
    assert since(db, twin.id) is None
    merge_accounts(db, survivor_id=keep.id, other_ids=[twin.id])
    assert since(db, keep.id) == dt.date(2017, 7, 7)
