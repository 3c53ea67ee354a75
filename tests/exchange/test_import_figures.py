"""Accounts and orders imported from CSV: lifetime revenue counts every order, customer since is the
first order's date (never the import day), and the referral ledger agrees."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from relationapp.exchange.csv_import import import_csv
from relationapp.services.customers.accounts import (
    create_account,
    find_account,
    get_account,
)
from relationapp.services.relationships.referrals import (
    record_referral,
    referral_ledger,
)
from relationapp.services.touches.personal_dates import yearly_dates
from relationapp.services.value.value import account_value

AS_OF = dt.date(2026, 11, 22)
ORDERS = {  # account -> (date, amount) as in orders.csv
    "Sanders Hotel": [(dt.date(2021, 3, 15), Decimal("1200.50")), (dt.date(2024, 7, 1), Decimal("84000.00")),
                      (dt.date(2026, 2, 1), Decimal("-150.25")), (dt.date(2026, 10, 3), Decimal("284723.00"))],
    "Bakkerij Vos": [(dt.date(2019, 9, 30), Decimal("310.00")), (dt.date(2025, 12, 24), Decimal("95.10"))],
    "Kwekerij Smit": [(dt.date(2023, 5, 2), Decimal("780.00"))],
}


def _write(path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.fixture
def imported(db, tmp_path):
    """A customer file without customer-since dates (one given), then the orders from accounting."""
    accounts_csv = _write(tmp_path / "klanten.csv",
                          "Name,City,Stage,Customer since\n"
                          "Sanders Hotel,Zwolle,customer,\n"
                          "Bakkerij Vos,Utrecht,customer,\n"
                          "Kwekerij Smit,Aalsmeer,customer,2024-01-01\n")
    orders_csv = _orders_csv(tmp_path)
    assert import_csv(db, path=accounts_csv, kind="accounts").added == 3
    assert import_csv(db, path=orders_csv, kind="orders").added == 7
    return {name: find_account(db, name_or_id=name).id for name in ORDERS}


def _orders_csv(tmp_path) -> str:
    lines = ["Account,Date,Amount,Reference"]
    for name, orders in ORDERS.items():
        lines += [f"{name},{day.isoformat()},{amount},{name[:3]}-{n}" for n, (day, amount) in enumerate(orders)]
    return _write(tmp_path / "orders.csv", "\n".join(lines) + "\n")


def test_lifetime_revenue_after_a_csv_import_is_the_sum_of_the_accounts_orders(db, imported):
    for name, orders in ORDERS.items():
        value = account_value(db, account_id=imported[name], as_of=AS_OF)
        assert value.lifetime_revenue == sum(amount for _, amount in orders), name
    # the customer-since date given in the file is kept, and orders before it still count
    smit = account_value(db, account_id=imported["Kwekerij Smit"], as_of=AS_OF)
    assert smit.customer_since == dt.date(2024, 1, 1) and smit.lifetime_revenue == Decimal("780.00")


CALENDAR = {"Customer since 2021: Sanders Hotel", "Customer since 2019: Bakkerij Vos",
            "Customer since 2024: Kwekerij Smit"}  # the first orders' years; Smit's date was in the file


def _anniversaries(db) -> set[str]:
    return {d.title for d in yearly_dates(db) if d.kind == "customer_since"}


def test_orders_imported_for_accounts_typed_in_give_customer_since_from_the_first_order(db, tmp_path):
    create_account(db, name="Sanders Hotel", stage="customer")
    create_account(db, name="Bakkerij Vos", stage="customer")
    create_account(db, name="Kwekerij Smit", stage="customer", customer_since="2024-01-01")
    assert _anniversaries(db) == {"Customer since 2024: Kwekerij Smit"}  # none from the day they were typed in
    import_csv(db, path=_orders_csv(tmp_path), kind="orders")
    for name, orders in ORDERS.items():
        account = find_account(db, name_or_id=name)
        first = dt.date(2024, 1, 1) if name == "Kwekerij Smit" else min(day for day, _ in orders)
        assert account.customer_since == first, name  # the date given is kept, though an order is older
    assert _anniversaries(db) == CALENDAR


def test_customer_since_after_a_csv_import_is_the_first_orders_date(db, imported):
    for name, orders in ORDERS.items():
        if name != "Kwekerij Smit":  # its date was in the file
            assert get_account(db, account_id=imported[name]).customer_since == min(day for day, _ in orders), name
    assert _anniversaries(db) == CALENDAR  # no "Customer since <the import year>"


def test_referral_ledger_lifetime_equals_the_accounts_lifetime(db, imported):
    record_referral(db, referred_account_id=imported["Sanders Hotel"], referrer_account_id=imported["Bakkerij Vos"],
                    referred_on="2024-06-01", today=AS_OF)
    record_referral(db, referred_account_id=imported["Kwekerij Smit"], referrer_account_id=imported["Bakkerij Vos"],
                    referred_on="2024-02-01", today=AS_OF)
    ledger = {r.referred_account_id: r for r in referral_ledger(db)}
    for name in ("Sanders Hotel", "Kwekerij Smit"):
        aid = imported[name]
        assert ledger[aid].credited_lifetime == account_value(db, account_id=aid, as_of=AS_OF).lifetime_revenue, name
