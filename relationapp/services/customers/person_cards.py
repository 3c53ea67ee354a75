"""People as contact cards: what a vCard export needs, read in one query."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from relationapp.data.db import Database
from relationapp.data.models import Account, Person
from relationapp.services.customers.sort_names import PERSON_SORT_NAME


@dataclass(frozen=True)
class PersonCard:
    id: int
    name: str
    organisation: str | None  # None for a private account named after the person
    job_title: str | None
    email: str | None
    phone: str | None
    birthday_day: int | None
    birthday_month: int | None
    birthday_year: int | None
    street: str | None
    postcode: str | None
    city: str | None
    country: str | None
    notes: str | None


def person_cards(db: Database, *, person_ids: list[int] | None = None, include_archived: bool = False) -> list[PersonCard]:
    """Everyone (or the people given), by name; the address is their account's."""
    query = (
        sa.select(Person.id, Person.name, Account.name, Account.kind, Person.job_title, Person.email, Person.phone,
                  Person.birthday_day, Person.birthday_month, Person.birthday_year, Account.street,
                  Account.postcode, Account.city, Account.country, Person.personal_notes)
        .outerjoin(Account, Account.id == Person.account_id)
        .order_by(PERSON_SORT_NAME, Person.id)
    )
    if person_ids is not None:
        query = query.where(Person.id.in_(person_ids))
    elif not include_archived:
        query = query.where(Person.archived == sa.false())
    with db.read() as session:
        rows = session.execute(query).all()
    return [
        PersonCard(
            id=r[0], name=r[1], organisation=None if (r[3] == "private" and r[2] == r[1]) else r[2],
            job_title=r[4], email=r[5], phone=r[6], birthday_day=r[7], birthday_month=r[8], birthday_year=r[9],
            street=r[10], postcode=r[11], city=r[12], country=r[13], notes=r[14],
        )
        for r in rows
    ]
