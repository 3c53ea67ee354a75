"""Today shows the 12-month revenue in euros, as Customer value does, in every section (the tier cache
stores cents; a read-only database's computed standing is covered in test_today_caches)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from relationapp.data.models import Order
from relationapp.services.customers import accounts
from relationapp.services.leads.focus import set_focus
from relationapp.services.today import attention
from relationapp.services.touches import follow_ups
from relationapp.services.value.value import account_value

TODAY = dt.date(2026, 6, 15)


def _account(db, name: str, stage: str, amounts: list[str]):
    account = accounts.create_account(db, name=name, stage=stage, customer_since=dt.date(2020, 1, 10))
    with db.write() as session:
        for n, amount in enumerate(amounts):
            session.add(Order(account_id=account.id, ordered_on=TODAY - dt.timedelta(days=30 + n), amount=Decimal(amount)))
    return account


def test_every_section_shows_the_revenue_in_euros(db):
    hotel = _account(db, "Sanders Hotel", "customer", ["284000.00", "723.45"])
    lead = _account(db, "Camping De Vliert", "sql", ["1234.56"])  # a hot lead that ordered once already
    set_focus(db, account_id=lead.id)
    follow_ups.create_follow_up(db, title="Offer the spring package", due_on=TODAY, account_id=hotel.id)
    result = attention.agenda(db, today=TODAY)
    revenue = account_value(db, account_id=hotel.id, as_of=TODAY).revenue
    assert revenue == Decimal("284723.45")
    assert [(r.account, r.revenue_12m) for r in result.needs_attention] == [("Sanders Hotel", revenue)]
    row = result.needs_attention[0]  # never touched since 2020: the value at stake is many times the revenue
    assert row.value == (revenue * row.days_overdue / row.cadence_days).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
    assert [(f.account, f.value) for f in result.follow_ups_due] == [("Sanders Hotel", revenue)]
    assert [(p.account, p.revenue_12m) for p in result.prospects_in_focus] == [(lead.name, Decimal("1234.56"))]
