"""People as the fields a contact card carries, and a card's fields written back onto a person.

The fields (``FIELDS``) are what the app and a phone both know of a person:
name, main e-mail and phone, job title, the account as organisation,
birthday (``YYYY-MM-DD``, or ``--MM-DD`` without a year), the anniversary
(the person's first important date of the kind "anniversary", in the same form)
and the personal notes. They are compared as texts, so a three-way merge is a
comparison of three dictionaries.
"""

from __future__ import annotations

import sqlalchemy as sa

from relationapp.data.db import Database
from relationapp.data.models import Account, ImportantDate, Person, utc_now
from relationapp.errors import ValidationError
from relationapp.text.catalogue import _
from relationapp.services.customers.accounts import clean_fields as clean_account_fields
from relationapp.services.customers.people import clean_fields
from relationapp.services.customers.person_cards import PersonCard, person_cards

FIELDS = ("name", "email", "phone", "job_title", "organisation", "birthday", "anniversary", "notes")


def birthday_text(day: int | None, month: int | None, year: int | None) -> str | None:
    if not (day and month):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


def parse_birthday(text: str | None) -> tuple[int | None, int | None, int | None]:
    """(day, month, year) of ``birthday_text``'s forms."""
    if not text:
        return None, None, None
    if text.startswith("--"):
        month, day = text[2:].split("-")
        return int(day), int(month), None
    year, month, day = text.split("-")
    return int(day), int(month), int(year)


def card_fields(card: PersonCard, anniversary: str | None = None) -> dict[str, str | None]:
    return {"name": card.name, "email": card.email or None, "phone": card.phone or None,
            "job_title": card.job_title or None, "organisation": card.organisation or None,
            "birthday": birthday_text(card.birthday_day, card.birthday_month, card.birthday_year),
            "anniversary": anniversary, "notes": card.notes or None}


def _anniversary_of(session, person_id: int) -> ImportantDate | None:
    """The person's anniversary a card carries: the first one (a card holds one)."""
    return session.execute(sa.select(ImportantDate).where(ImportantDate.person_id == person_id,
                                                          ImportantDate.kind == "anniversary")
                           .order_by(ImportantDate.id).limit(1)).scalar()


def anniversaries(db: Database) -> dict[int, str]:
    """{person id: the first anniversary as ``birthday_text``} of everyone who has one."""
    with db.read() as session:
        rows = session.execute(sa.select(ImportantDate.person_id, ImportantDate.day, ImportantDate.month,
                                         ImportantDate.year)
                               .where(ImportantDate.kind == "anniversary", ImportantDate.person_id.is_not(None))
                               .order_by(ImportantDate.id.desc())).all()
    return {pid: birthday_text(day, month, year) for pid, day, month, year in rows}  # the first id wins


def people_fields(db: Database) -> tuple[dict[int, dict], dict[int, PersonCard]]:
    """Everyone not archived: {person id: fields}, and their cards (for writing a new vCard)."""
    cards = {c.id: c for c in person_cards(db)}
    dates = anniversaries(db)
    return {pid: card_fields(c, dates.get(pid)) for pid, c in cards.items()}, cards


def _set_anniversary(session, person_id: int, text: str | None, problems: list[str]) -> None:
    """The card's anniversary onto the person's first one: changed, added, or (cleared on the phone) removed."""
    try:
        day, month, year = parse_birthday(text)
    except ValueError:
        problems.append(text or "")
        return
    date = _anniversary_of(session, person_id)
    if day is None:
        if date is not None:
            session.delete(date)
        return
    if date is None:
        date = ImportantDate(person_id=person_id, kind="anniversary", label=_("Anniversary"), month=month, day=day)
    date.month, date.day, date.year = month, day, year
    session.add(date)


def _account_id(session, name: str | None, cache: dict) -> int | None:
    if not name:
        return None
    key = name.casefold()
    if key not in cache:
        found = session.execute(sa.select(Account.id).where(sa.func.lower(Account.name) == key)
                                .order_by(Account.archived, Account.id)).scalar()
        if found is None:
            account = Account(name=name[:300], kind="organisation", stage="prospect")
            session.add(account)
            session.flush()
            found = account.id
        cache[key] = found
    return cache[key]


def take_organisation(session, fields: dict, cache: dict) -> int | None:
    """A company card's account (found by name, else new), its phone and e-mail filled where it has none."""
    account_id = _account_id(session, fields.get("organisation") or fields.get("name"), cache)
    if account_id is None:
        return None
    account = session.get(Account, account_id)
    for field in ("phone", "email"):
        if fields.get(field) and not getattr(account, field):
            try:
                setattr(account, field, clean_account_fields({field: fields[field]})[field])
            except ValidationError:
                pass  # the account is there; a value it cannot hold is left on the card
    return account_id


def _columns(session, fields: dict, cache: dict, problems: list[str]) -> dict:
    """Person columns of (some of) the fields; a value the app cannot take is left out and said."""
    values: dict = {}
    plain = {"name": "name", "email": "email", "phone": "phone", "job_title": "job_title", "notes": "personal_notes"}
    for field, column in plain.items():
        if field in fields:
            try:
                values.update(clean_fields({column: fields[field]}))
            except ValidationError as exc:
                problems.append(str(exc))
    if "birthday" in fields:
        try:
            day, month, year = parse_birthday(fields["birthday"])
            values.update(birthday_day=day, birthday_month=month, birthday_year=year)
        except ValueError:
            problems.append(fields["birthday"])
    if "organisation" in fields:
        values["account_id"] = _account_id(session, fields["organisation"], cache)
    return values


def add_person(session, fields: dict, cache: dict, problems: list[str]) -> int:
    values = _columns(session, fields, cache, problems)
    if not values.get("name"):
        values["name"] = fields.get("email") or fields.get("phone") or "?"
    person = Person(**values)
    session.add(person)
    session.flush()
    if fields.get("anniversary"):
        _set_anniversary(session, person.id, fields["anniversary"], problems)
    return person.id


def apply_fields(session, person_id: int, fields: dict, cache: dict | None = None,
                 problems: list[str] | None = None) -> None:
    person = session.get(Person, person_id)
    if person is None:
        return
    values = _columns(session, fields, {} if cache is None else cache, [] if problems is None else problems)
    if "account_id" in values and values["account_id"] is None and person.account_id is not None:
        account = session.get(Account, person.account_id)
        if account is not None and account.kind == "private":
            values.pop("account_id")  # a private account is no organisation: the card had none either
    for key, value in values.items():
        setattr(person, key, value)
    person.updated_at = utc_now()
    session.add(person)
    if "anniversary" in fields:
        _set_anniversary(session, person_id, fields["anniversary"], [] if problems is None else problems)


def delete_person(session, person_id: int) -> None:
    """A contact deleted on the phone, confirmed: the person is archived (their history stays)."""
    person = session.get(Person, person_id)
    if person is not None:
        person.archived, person.updated_at = True, utc_now()
        session.add(person)
