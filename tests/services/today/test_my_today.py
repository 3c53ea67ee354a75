"""One account manager's Today: their accounts, their follow-ups, their accounts' dates; None is everyone's."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from relationapp.data.models import Order
from relationapp.services.customers import accounts, people
from relationapp.services.customers.staff import create_staff
from relationapp.services.today import attention
from relationapp.services.touches import follow_ups

TODAY = dt.date(2026, 6, 15)


def _customer(db, name: str, owner_id: int | None) -> int:
    account = accounts.create_account(db, name=name, stage="customer", customer_since=dt.date(2020, 1, 10),
                                      owner_id=owner_id)
    with db.write() as session:
        session.add(Order(account_id=account.id, ordered_on=TODAY - dt.timedelta(days=30), amount=Decimal("5000.00")))
    return account.id


def test_my_today_holds_only_what_is_mine_and_everyones_holds_it_all(db):
    anna = create_staff(db, name="Anna Jansen").id
    bram = create_staff(db, name="Bram de Vries").id
    annas = _customer(db, "Bakkerij Smit", anna)  # never touched: overdue
    brams = _customer(db, "Garage Öztürk", bram)
    nobodys = _customer(db, "Zonder Beheerder", None)
    people.create_person(db, name="Els Smit", account_id=annas, birthday_day=20, birthday_month=6)
    people.create_person(db, name="Mehmet Öztürk", account_id=brams, birthday_day=21, birthday_month=6)
    follow_ups.create_follow_up(db, title="Offerte nabellen", due_on=TODAY, account_id=brams, staff_id=anna)  # assigned to Anna
    follow_ups.create_follow_up(db, title="Catalogus sturen", due_on=TODAY, account_id=annas)  # unassigned, Anna's account
    follow_ups.create_follow_up(db, title="Factuur checken", due_on=TODAY, account_id=brams)  # unassigned, Bram's
    follow_ups.create_follow_up(db, title="Bram's eigen taak", due_on=TODAY, account_id=annas, staff_id=bram)

    mine = attention.agenda(db, today=TODAY, staff_id=anna)
    assert [i.account for i in mine.needs_attention] == ["Bakkerij Smit"] and mine.needs_attention_total == 1
    assert sorted(f.title for f in mine.follow_ups_due) == ["Catalogus sturen", "Offerte nabellen"]
    assert mine.follow_ups_due_total == 2
    assert [c.person for c in mine.coming_up if c.kind == "birthday"] == ["Els Smit"]

    everyone = attention.agenda(db, today=TODAY)
    assert sorted(i.account for i in everyone.needs_attention) == ["Bakkerij Smit", "Garage Öztürk", "Zonder Beheerder"]
    assert everyone.follow_ups_due_total == 4
    assert sorted(c.person for c in everyone.coming_up if c.kind == "birthday") == ["Els Smit", "Mehmet Öztürk"]

    brams_day = attention.agenda(db, today=TODAY, staff_id=bram)
    assert [i.account for i in brams_day.needs_attention] == ["Garage Öztürk"]
    assert sorted(f.title for f in brams_day.follow_ups_due) == ["Bram's eigen taak", "Factuur checken"]
    assert nobodys not in {i.account_id for i in mine.needs_attention + brams_day.needs_attention}


def test_my_time_bar_counts_my_hours_and_everyones_counts_the_firms(db):
    from relationapp.services.today.attention_balance import attention_balance
    from relationapp.services.touches.interactions import log_interaction

    anna = create_staff(db, name="Anna Jansen").id
    bram = create_staff(db, name="Bram de Vries").id
    customer = _customer(db, "Bakkerij Smit", anna)
    prospect = accounts.create_account(db, name="Nieuw Bedrijf", stage="prospect", today=TODAY).id  # known by then
    log_interaction(db, account_id=customer, kind="visit", occurred_on=TODAY, duration_minutes=90, staff_id=anna)
    log_interaction(db, account_id=prospect, kind="call", occurred_on=TODAY, duration_minutes=30, staff_id=bram)
    log_interaction(db, account_id=prospect, kind="call", occurred_on=TODAY, duration_minutes=60)  # nobody's

    annas = attention_balance(db, today=TODAY, staff_id=anna)
    assert (annas.total_hours, annas.customer_hours, annas.prospect_hours) == (Decimal("1.5"), Decimal("1.5"), Decimal("0.0"))
    brams = attention_balance(db, today=TODAY, staff_id=bram)
    assert (brams.total_hours, brams.prospect_hours) == (Decimal("0.5"), Decimal("0.5"))
    firm = attention_balance(db, today=TODAY)
    assert (firm.total_hours, firm.customer_hours, firm.prospect_hours) == (Decimal("3.0"), Decimal("1.5"), Decimal("1.5"))
