import datetime as dt
from decimal import Decimal

import pytest

from relationapp.errors import NotFound, ValidationError
from relationapp.services.common.validation import parse_amount
from relationapp.services.customers.accounts import create_account
from relationapp.services.value.orders import (
    OrderInput,
    add_orders,
    create_order,
    delete_order,
    list_orders,
)

DAY = dt.date(2026, 3, 15)


@pytest.fixture
def account(db):
    return create_account(db, name="Bakkerij Smit", stage="customer", today=DAY).id


def test_typed_order_is_listed_with_exact_decimals(db, account):
    create_order(db, account_id=account, ordered_on=DAY, amount="0.10", cost_of_goods="0.07", reference="F-1")
    create_order(db, account_id=account, ordered_on=DAY + dt.timedelta(days=1), amount=Decimal("0.20"), reference="F-2")
    orders = list_orders(db, account_id=account)
    assert [o.reference for o in orders] == ["F-2", "F-1"]  # newest first
    assert sum(o.amount for o in orders) == Decimal("0.30")
    assert orders[1].margin == Decimal("0.03")
    assert orders[0].margin is None


def test_credit_note_is_allowed(db, account):
    order = create_order(db, account_id=account, ordered_on=DAY, amount="-125.50", reference="CN-7")
    assert order.amount == Decimal("-125.50") and order.is_credit_note


def test_reference_used_twice_for_one_account_is_refused(db, account):
    other = create_account(db, name="Hotel Vos", stage="customer", today=DAY).id
    create_order(db, account_id=account, ordered_on=DAY, amount="10", reference="F-1")
    with pytest.raises(ValidationError, match="already has an order with reference 'F-1'"):
        create_order(db, account_id=account, ordered_on=DAY, amount="99", reference=" F-1 ")
    create_order(db, account_id=other, ordered_on=DAY, amount="10", reference="F-1")  # another account may
    assert len(list_orders(db, account_id=account)) == 1


@pytest.mark.parametrize("amount, message", [("12,3,4", "not an amount"), ("1.005", "two decimals"), ("", "required")])
def test_bad_amount_is_refused(db, account, amount, message):
    with pytest.raises(ValidationError, match=message):
        create_order(db, account_id=account, ordered_on=DAY, amount=amount)
    assert list_orders(db, account_id=account) == []


def test_unknown_account_and_delete(db, account):
    with pytest.raises(NotFound):
        create_order(db, account_id=999, ordered_on=DAY, amount="1")
    order = create_order(db, account_id=account, ordered_on=DAY, amount="1")
    delete_order(db, order_id=order.id)
    assert list_orders(db, account_id=account) == []
    with pytest.raises(NotFound):
        delete_order(db, order_id=order.id)


def test_add_orders_skips_references_already_present(db, account):
    create_order(db, account_id=account, ordered_on=DAY, amount="10", reference="F-1")
    batch = [
        OrderInput(account, DAY, "10", reference="F-1"),  # already there
        OrderInput(account, DAY, "20", reference="F-2"),
        OrderInput(account, DAY, "20", reference="F-2"),  # twice in the file
        OrderInput(account, DAY, "5"),  # no reference: always added
    ]
    result = add_orders(db, orders=batch)
    assert (result.added, result.skipped_duplicates) == (2, 2)
    again = add_orders(db, orders=batch)  # the same file imported again adds nothing new ...
    assert again.skipped_duplicates == 3  # ... except the line without a reference
    assert sorted(o.amount for o in list_orders(db, account_id=account)) == [Decimal("5.00"), Decimal("5.00"), Decimal("10.00"), Decimal("20.00")]


def test_add_orders_is_all_or_nothing_and_names_the_row(db, account):
    batch = [OrderInput(account, DAY, "10", row=2), OrderInput(account, "2026-02-30", "10", row=3)]
    with pytest.raises(ValidationError, match="Row 3: Order date"):
        add_orders(db, orders=batch)
    with pytest.raises(ValidationError, match="Row 5: account #4242 does not exist"):
        add_orders(db, orders=[OrderInput(account, DAY, "1", row=4), OrderInput(4242, DAY, "1", row=5)])
    assert list_orders(db, account_id=account) == []


@pytest.mark.parametrize("text, decimal_comma, expected", [
    ("1.234,56", True, "1234.56"),
    ("1,234.56", False, "1234.56"),
    ("-1.234,56", True, "-1234.56"),
    ("€ 1 234,5", True, "1234.50"),
    ("12,5", True, "12.50"),
    ("1234.56", False, "1234.56"),
])
def test_parse_amount_per_locale(text, decimal_comma, expected):
    assert parse_amount(text, decimal_comma=decimal_comma) == Decimal(expected)


@pytest.mark.parametrize("text, decimal_comma", [("1.234,56", False), ("1,234.56", True), ("12.50", True), ("1e5", False), ("abc", True), ("1,2345", True)])
def test_parse_amount_refuses_the_other_locale(text, decimal_comma):
    with pytest.raises(ValidationError, match="not an amount|two decimals"):
        parse_amount(text, decimal_comma=decimal_comma)


def test_revenue_by_quarter_sums_each_quarter_and_keeps_empty_ones(db, account):
    from relationapp.services.value.orders import revenue_by_quarter

    create_order(db, account_id=account, ordered_on=dt.date(2026, 1, 5), amount="100.10", reference="A")
    create_order(db, account_id=account, ordered_on=dt.date(2026, 3, 31), amount="0.20", reference="B")
    create_order(db, account_id=account, ordered_on=dt.date(2025, 8, 1), amount="-50", reference="C")
    create_order(db, account_id=account, ordered_on=dt.date(2023, 8, 1), amount="999", reference="D")  # too long ago
    rows = revenue_by_quarter(db, account_id=account, count=4, today=DAY)
    assert [r.quarter for r in rows] == ["2025Q2", "2025Q3", "2025Q4", "2026Q1"]
    assert [r.revenue for r in rows] == [Decimal("0.00"), Decimal("-50.00"), Decimal("0.00"), Decimal("100.30")]
    with pytest.raises(NotFound):
        revenue_by_quarter(db, account_id=account + 99, today=DAY)
