"""Yearly personal dates (birthdays, anniversaries) and where they fall in a given year.

A date is a month and a day (the year it started is optional). Feb 29 falls
on Feb 28 in other years, or on Mar 1 when the setting ``feb29_birthdays_on``
says "mar1". Everything is plain calendar arithmetic on ``date``: no clock,
no time zone.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from relationapp.text.catalogue import _

FEB29_CHOICES = ("feb28", "mar1")


def falls_on(month: int, day: int, year: int, *, feb29_on: str = "feb28") -> dt.date:
    """The day a yearly (month, day) is celebrated in ``year``: the one date rule here."""
    if month == 2 and day == 29 and not calendar.isleap(year):
        return dt.date(year, 3, 1) if feb29_on == "mar1" else dt.date(year, 2, 28)
    return dt.date(year, month, day)


def days_away_within(today: dt.date, days: int, *, feb29_on: str = "feb28") -> dict[tuple[int, int], int]:
    """(month, day) -> days from ``today`` to its next celebration, for those within ``days``.

    The first day on or after today on which the date is celebrated, as
    ``falls_on`` says (Feb 29 on Feb 28 or Mar 1 in other years).
    """
    out: dict[tuple[int, int], int] = {}
    for offset in range(days + 1):
        day = today + dt.timedelta(days=offset)
        out.setdefault((day.month, day.day), offset)
        if falls_on(2, 29, day.year, feb29_on=feb29_on) == day:
            out.setdefault((2, 29), offset)
    return out


def month_ranges(pairs: set[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """(month, first day, last day) spans covering the pairs: index-friendly SQL ranges."""
    by_month: dict[int, list[int]] = {}
    for month, day in pairs:
        by_month.setdefault(month, []).append(day)
    return [(month, min(d), max(d)) for month, d in sorted(by_month.items())]


def years_since(start_year: int | None, on: dt.date) -> int | None:
    """Age or number of years on the day itself; None without a start year or before it."""
    if start_year is None or start_year > on.year:
        return None
    return on.year - start_year


# --- every yearly date, for a calendar export ------------------------------------

@dataclass(frozen=True)
class YearlyDate:
    key: str  # stable and unique: "birthday-person-12", "customer-since-account-3", "date-7"
    kind: str  # birthday, customer_since, or an ImportantDate kind
    title: str
    month: int
    day: int
    year: int | None
    person_id: int | None
    account_id: int | None


def yearly_dates(db) -> list[YearlyDate]:
    """Birthdays, customer-since days and important dates of everyone who may be contacted."""
    import sqlalchemy as sa

    from relationapp.data.models import Account, ImportantDate, Person

    active_account = sa.or_(Account.id.is_(None), Account.archived == sa.false())
    contactable = sa.and_(Person.do_not_contact == sa.false(), Person.archived == sa.false(), active_account)
    out: list[YearlyDate] = []
    with db.read() as session:
        people = (
            sa.select(Person.id, Person.name, Person.account_id, Account.name, Person.birthday_month,
                      Person.birthday_day, Person.birthday_year)
            .outerjoin(Account, Account.id == Person.account_id)
            .where(Person.birthday_month.is_not(None), Person.birthday_day.is_not(None), contactable)
            .order_by(Person.id)
        )
        for pid, name, aid, account, month, day, year in session.execute(people):
            title = (_("Birthday: {person} ({account})").format(person=name, account=account) if account
                     else _("Birthday: {person}").format(person=name))
            out.append(YearlyDate(f"birthday-person-{pid}", "birthday", title, month, day, year, pid, aid))
        customers = (
            sa.select(Account.id, Account.name, Account.customer_since)
            .where(Account.stage == "customer", Account.archived == sa.false(), Account.customer_since.is_not(None))
            .order_by(Account.id)
        )
        for aid, name, since in session.execute(customers):
            out.append(YearlyDate(f"customer-since-account-{aid}", "customer_since", _("Customer since {year}: {account}").format(year=since.year, account=name),
                                  since.month, since.day, since.year, None, aid))
        dates = (
            sa.select(ImportantDate.id, ImportantDate.kind, ImportantDate.label, ImportantDate.month, ImportantDate.day,
                      ImportantDate.year, Person.id, Person.name, Account.id, Account.name)
            .outerjoin(Person, Person.id == ImportantDate.person_id)
            .outerjoin(Account, Account.id == sa.func.coalesce(ImportantDate.account_id, Person.account_id))
            .where(sa.or_(Person.id.is_(None), contactable), active_account)
            .order_by(ImportantDate.id)
        )
        for did, kind, label, month, day, year, pid, person, aid, account in session.execute(dates):
            whose = person or account
            out.append(YearlyDate(f"date-{did}", kind, f"{label} ({whose})" if whose else label, month, day, year, pid, aid))
    return out
