"""People: the humans behind the accounts, with their birthdays and personal notes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import select

from relationapp.data.db import Database
from relationapp.data.models import CHANNELS, DMU_ROLES, Account, Person, utc_now
from relationapp.errors import NotFound, ValidationError
from relationapp.services.customers.sort_names import PERSON_SORT_NAME, walked_page
from relationapp.services.common import validation
from relationapp.services.common.versions import check_version
from relationapp.text import formatting
from relationapp.text.catalogue import _


@dataclass(frozen=True)
class PersonRow:
    id: int
    name: str
    account_id: int | None
    account: str | None
    job_title: str | None
    email: str | None
    phone: str | None
    birthday: str | None  # "14 Mar" or "14 Mar 1971", for lists
    archived: bool


@dataclass(frozen=True)
class PersonDetail:
    id: int
    name: str
    account_id: int | None
    account: str | None
    job_title: str | None
    dmu_role: str | None
    email: str | None
    phone: str | None
    birthday_day: int | None
    birthday_month: int | None
    birthday_year: int | None
    family_notes: str | None
    personal_notes: str | None
    preferred_channel: str | None
    do_not_contact: bool
    consent_date: dt.date | None
    archived: bool
    version: int = 1  # what an edit saves with (expected_version)


def format_birthday(day: int | None, month: int | None, year: int | None, *, fmt=None) -> str | None:
    """In ``fmt``'s language (a report's), else the window's or command line's."""
    if not day or not month:
        return None
    fmt = fmt or formatting.current()
    if year:
        return fmt.date(dt.date(year, month, day))
    return fmt.short_date(dt.date(2000, month, day))  # 2000: a leap year, so 29 Feb too


SORT_COLUMNS = {"name": PERSON_SORT_NAME, "job_title": Person.job_title, "email": Person.email, "id": Person.id}


def clean_fields(changes: dict) -> dict:
    out: dict = {}
    for key, value in changes.items():
        if key == "name":
            out[key] = validation.text(value, field="name", label=_("Name"), required=True, max_length=300)
        elif key == "job_title":
            out[key] = validation.text(value, field=key, label=_("Job title"), max_length=200)
        elif key == "dmu_role":
            out[key] = validation.choice(value, DMU_ROLES, field=key, label=_("Role in the decision"))
        elif key == "preferred_channel":
            out[key] = validation.choice(value, CHANNELS, field=key, label=_("Preferred channel"))
        elif key == "email":
            out[key] = validation.email(value)
        elif key == "phone":
            out[key] = validation.phone(value)
        elif key in ("family_notes", "personal_notes"):
            out[key] = validation.long_text(value)
        elif key == "consent_date":
            out[key] = validation.parse_date(value, field=key, label=_("Consent date"))
        elif key in ("do_not_contact", "archived"):
            out[key] = bool(value)
        elif key == "account_id":
            out[key] = int(value) if value not in (None, "") else None
        elif key in ("birthday_day", "birthday_month", "birthday_year"):
            out[key] = validation.whole_number(value, field=key, label=_("Birthday"))
        else:
            raise ValidationError(_("People have no field '{key}'.").format(key=key))
    return out


def _check_birthday(fields: dict, person: Person | None = None) -> None:
    keys = ("birthday_day", "birthday_month", "birthday_year")
    if not any(k in fields for k in keys):
        return
    current = [fields.get(k, getattr(person, k) if person else None) for k in keys]
    day, month, year = validation.month_day(*current, field="birthday", label=_("Birthday"))
    fields.update(birthday_day=day, birthday_month=month, birthday_year=year)


def _check_account(session, fields: dict) -> None:
    if fields.get("account_id") is not None and session.get(Account, fields["account_id"]) is None:
        raise ValidationError(_("Account #{id} does not exist.").format(id=fields["account_id"]), field="account_id")


def create_person(db: Database, *, name: str, **fields) -> PersonDetail:
    cleaned = clean_fields({"name": name, **fields})
    _check_birthday(cleaned)
    with db.write() as session:
        _check_account(session, cleaned)
        person = Person(**cleaned)
        session.add(person)
        session.flush()
        return _detail(session, person)


def update_person(db: Database, *, person_id: int, expected_version: int | None = None, **changes) -> PersonDetail:
    """Change a person; with ``expected_version`` (the form's) a newer stored person raises ConflictError."""
    cleaned = clean_fields(changes)
    with db.write() as session:
        person = _get(session, person_id)
        _check_birthday(cleaned, person)
        _check_account(session, cleaned)
        check_version(session, person, expected_version=expected_version, yours=cleaned)
        for key, value in cleaned.items():
            setattr(person, key, value)
        person.updated_at = utc_now()
        session.add(person)
        session.flush()
        return _detail(session, person)


def get_person(db: Database, *, person_id: int) -> PersonDetail:
    with db.read() as session:
        return _detail(session, _get(session, person_id))


def _get(session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound(_("Person #{id} does not exist.").format(id=person_id))
    return person


def _detail(session, p: Person) -> PersonDetail:
    account = session.get(Account, p.account_id).name if p.account_id else None
    return PersonDetail(
        id=p.id, name=p.name, account_id=p.account_id, account=account, job_title=p.job_title,
        dmu_role=p.dmu_role, email=p.email, phone=p.phone, birthday_day=p.birthday_day,
        birthday_month=p.birthday_month, birthday_year=p.birthday_year, family_notes=p.family_notes,
        personal_notes=p.personal_notes, preferred_channel=p.preferred_channel,
        do_not_contact=p.do_not_contact, consent_date=p.consent_date, archived=p.archived, version=p.version,
    )


def _person_filter(query, session, *, search: str | None, account_id: int | None, include_archived: bool,
                   page: int | None = None):
    if not include_archived:
        query = query.where(Person.archived == sa.false())
    if account_id is not None:
        query = query.where(Person.account_id == account_id)
    if search and search.strip():
        from relationapp.services.customers.search import list_filter

        query = query.where(list_filter(Person, search.strip(), dialect=session.get_bind().dialect.name, session=session,
                                        page=page,
                                        like_columns=(Person.name, Person.email)))
    return query


def list_person_ids(
    db: Database,
    *,
    search: str | None = None,
    account_id: int | None = None,
    include_archived: bool = False,
    sort: str = "name",
    descending: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> list[int]:
    """Ids of the people matching, in display order; with ``limit``, one page of them (counted with
    ``count_person_ids``)."""
    column = SORT_COLUMNS.get(sort, PERSON_SORT_NAME)
    with db.read() as session:
        query = _person_filter(sa.select(Person.id), session, search=search, account_id=account_id,
                               include_archived=include_archived,
                               page=walked_page(limit, offset, by_name=column is PERSON_SORT_NAME and not descending,
                                                include_archived=include_archived))
        query = query.order_by(column.desc() if descending else column.asc(), Person.id)
        if limit is not None:
            query = query.limit(limit).offset(offset)
        return list(session.execute(query).scalars())


def count_person_ids(db: Database, *, search: str | None = None, account_id: int | None = None,
                     include_archived: bool = False) -> int:
    """How many ids ``list_person_ids`` gives for the same filters."""
    with db.read() as session:
        query = _person_filter(sa.select(sa.func.count()).select_from(Person), session, search=search,
                               account_id=account_id, include_archived=include_archived)
        return session.execute(query).scalar_one()


def person_rows(db: Database, *, ids: list[int]) -> list[PersonRow]:
    if not ids:
        return []
    query = (
        sa.select(Person.id, Person.name, Person.account_id, Account.name, Person.job_title, Person.email, Person.phone,
                  Person.birthday_day, Person.birthday_month, Person.birthday_year, Person.archived)
        .outerjoin(Account, Account.id == Person.account_id)
        .where(Person.id.in_(ids))
    )
    with db.read() as session:
        rows = {r[0]: r for r in session.execute(query)}
    return [
        PersonRow(id=r[0], name=r[1], account_id=r[2], account=r[3], job_title=r[4], email=r[5], phone=r[6],
                  birthday=format_birthday(r[7], r[8], r[9]), archived=bool(r[10]))
        for r in (rows.get(i) for i in ids) if r is not None
    ]


def people_of_account(db: Database, *, account_id: int, include_archived: bool = False) -> list[PersonDetail]:
    with db.read() as session:
        query = select(Person).where(Person.account_id == account_id)
        if not include_archived:
            query = query.where(Person.archived == sa.false())
        return [_detail(session, p) for p in session.exec(query.order_by(PERSON_SORT_NAME, Person.id)).all()]
