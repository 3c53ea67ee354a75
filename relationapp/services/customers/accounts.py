"""Accounts: create, edit, archive, list (lazily, sorted and filtered in SQL), get.

Customer since is the date the user gives; without one it is the date of the
account's first (earliest) order, filled in when orders arrive (typed in,
imported, merged in) or when an account with orders becomes a customer. It
never defaults to the day the account was made, and a date that is there is
never changed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import sqlalchemy as sa
from sqlmodel import select

from relationapp.data.db import Database
from relationapp.data.models import (
    ACCOUNT_KINDS,
    STAGES,
    Account,
    Interaction,
    LeadSource,
    Staff,
    StageChange,
    utc_now,
)
from relationapp.errors import NotFound, ValidationError
from relationapp.services.common import validation
from relationapp.services.common.versions import check_version
from relationapp.services.customers.sort_names import ACCOUNT_SORT_NAME, walked_page
from relationapp.text.catalogue import _


@dataclass(frozen=True)
class AccountRow:
    """One line of the accounts list."""

    id: int
    name: str
    stage: str
    city: str | None
    phone: str | None
    email: str | None
    owner: str | None
    last_touch: dt.date | None
    archived: bool


@dataclass(frozen=True)
class AccountDetail:
    id: int
    name: str
    kind: str
    stage: str
    owner_id: int | None
    owner: str | None
    street: str | None
    postcode: str | None
    city: str | None
    region: str | None
    country: str | None
    latitude: float | None
    longitude: float | None
    phone: str | None
    email: str | None
    website: str | None
    source_id: int | None
    source: str | None
    source_detail: str | None
    brought_in_by_id: int | None
    customer_since: dt.date | None
    annual_budget: Decimal | None
    cadence_days: int | None
    journey_stage: str | None
    next_steps: str | None
    notes: str | None
    archived: bool
    version: int = 1  # what an edit saves with (expected_version)

    @property
    def address_line(self) -> str:
        return address_line(street=self.street, postcode=self.postcode, city=self.city, country=self.country)


def address_line(*, street=None, postcode=None, city=None, country=None) -> str:
    """"Street 1, 1234 AB City, Country", leaving out what is not known."""
    parts = [street, " ".join(p for p in (postcode, city) if p), country]
    return ", ".join(p for p in parts if p)


# Columns a list may be sorted by; each is indexed (or cheap) in SQL.
SORT_COLUMNS = {
    "name": ACCOUNT_SORT_NAME,
    "stage": Account.stage,
    "city": Account.city,
    "postcode": Account.postcode,
    "created": Account.created_at,
    "id": Account.id,
}

_TEXT_FIELDS = {
    # field: (label, max length)
    "street": ("Street", 300),
    "postcode": ("Postcode", 20),
    "city": ("City", 200),
    "region": ("Region", 200),
    "country": ("Country", 100),
    "website": ("Website", 500),
    "source_detail": ("Source detail", 500),
}


def clean_fields(changes: dict) -> dict:
    """Validate the given account fields; returns them cleaned."""
    out: dict = {}
    for key, value in changes.items():
        if key == "name":
            out[key] = validation.text(value, field="name", label=_("Name"), required=True, max_length=300)
        elif key == "kind":
            out[key] = validation.choice(value or "organisation", ACCOUNT_KINDS, field="kind", label=_("Kind"))
        elif key == "stage":
            out[key] = validation.choice(value or "prospect", STAGES, field="stage", label=_("Stage"))
        elif key in _TEXT_FIELDS:
            label, length = _TEXT_FIELDS[key]
            out[key] = validation.text(value, field=key, label=label, max_length=length)
        elif key == "email":
            out[key] = validation.email(value)
        elif key == "phone":
            out[key] = validation.phone(value)
        elif key in ("notes", "next_steps"):
            out[key] = validation.long_text(value)
        elif key == "customer_since":
            out[key] = validation.parse_date(value, field=key, label=_("Customer since"))
        elif key == "annual_budget":
            out[key] = validation.money(value, field=key, label=_("Estimated annual budget"))
        elif key == "cadence_days":
            out[key] = validation.whole_number(value, field=key, label=_("Contact cadence (days)"), minimum=1, maximum=3650)
        elif key == "latitude":
            out[key] = _coordinate(value, key, "Latitude", 90)
        elif key == "longitude":
            out[key] = _coordinate(value, key, "Longitude", 180)
        elif key in ("owner_id", "source_id", "brought_in_by_id"):
            out[key] = int(value) if value not in (None, "") else None
        elif key == "journey_stage":
            from relationapp.data.models import JOURNEY_STAGES

            out[key] = validation.choice(value, JOURNEY_STAGES, field=key, label=_("Journey stage"))
        elif key == "archived":
            out[key] = bool(value)
        else:
            raise ValidationError(_("Accounts have no field '{key}'.").format(key=key))
    return out


def _coordinate(value, field: str, label: str, limit: int) -> float | None:
    if value in (None, ""):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValidationError(_("{label}: '{value}' is not a number.").format(label=label, value=value), field=field) from None
    if not -limit <= number <= limit:
        raise ValidationError(_("{label} must lie between -{limit} and {limit}.").format(label=label, limit=limit), field=field)
    return number


def _check_references(session, fields: dict) -> None:
    for key, model, label in (
        ("owner_id", Staff, _("Account manager")),
        ("brought_in_by_id", Staff, _("Brought in by")),
        ("source_id", LeadSource, _("Lead source")),
    ):
        if fields.get(key) is not None and session.get(model, fields[key]) is None:
            raise ValidationError(_("{label} #{id} does not exist.").format(label=label, id=fields[key]), field=key)


def create_account(
    db: Database,
    *,
    name: str,
    today: dt.date | None = None,
    introduced_by_person_id: int | None = None,
    introduced_by_account_id: int | None = None,
    **fields,
) -> AccountDetail:
    """A new account; with ``introduced_by_person_id`` (and/or ``introduced_by_account_id``) also the
    referral "introduced by", in the same transaction (referred on ``today``).

    The introducer is checked before anything is written: an unknown person or
    account (or a person of another account than the one given) raises
    ValidationError and no account is made.
    """
    cleaned = clean_fields({"name": name, **fields})
    cleaned.setdefault("stage", "prospect")
    day = today or dt.date.today()
    # a new customer without a customer-since date gets the date of its first order (orders service)
    introduced = introduced_by_person_id is not None or introduced_by_account_id is not None
    if introduced:
        from relationapp.services.relationships import referrals

        referral = referrals.clean_referral(referrer_person_id=introduced_by_person_id,
                                            referrer_account_id=introduced_by_account_id, today=day)
    with db.write() as session:
        _check_references(session, cleaned)
        if introduced:
            referrals.check_referrer(session, referrer_person_id=introduced_by_person_id,
                                     referrer_account_id=introduced_by_account_id)
        account = Account(**cleaned)
        session.add(account)
        session.flush()
        session.add(StageChange(account_id=account.id, from_stage=None, to_stage=account.stage, changed_on=day))
        session.flush()
        if introduced:
            referrals.record_in_session(session, referred_account_id=account.id, **referral)
        return _detail(session, account)


def update_account(db: Database, *, account_id: int, today: dt.date | None = None, stage_reason: str | None = None,
                   staff_id: int | None = None, expected_version: int | None = None, **changes) -> AccountDetail:
    """Change an account; a new stage is recorded with ``stage_reason`` and its side effects (leads.stages).

    With ``expected_version`` (the version the form loaded) a newer stored account raises ConflictError.
    """
    from relationapp.services.leads import stages

    cleaned = clean_fields(changes)
    stage = cleaned.pop("stage", None)
    with db.write() as session:
        account = _get(session, account_id)
        yours = cleaned if stage is None else {"stage": stage, **cleaned}
        check_version(session, account, expected_version=expected_version, yours=yours)
        _check_references(session, cleaned)
        for key, value in cleaned.items():
            setattr(account, key, value)
        account.updated_at = utc_now()
        session.add(account)
        session.flush()
        if stage is not None and stage != account.stage:
            reason = (stage_reason or "").strip() or None
            stages.refuse_closing_without_reason(session, account, stage, reason, field="stage_reason")
            stages.record_stage_change(session, account, stage, day=today or dt.date.today(), reason=reason,
                                       staff_id=staff_id)
        return _detail(session, account)


def archive_account(db: Database, *, account_id: int, archived: bool = True) -> AccountDetail:
    return update_account(db, account_id=account_id, archived=archived)


def get_account(db: Database, *, account_id: int) -> AccountDetail:
    with db.read() as session:
        return _detail(session, _get(session, account_id))


def _get(session, account_id: int) -> Account:
    account = session.get(Account, account_id)
    if account is None:
        raise NotFound(_("Account #{id} does not exist.").format(id=account_id))
    return account


def _detail(session, a: Account) -> AccountDetail:
    owner = session.get(Staff, a.owner_id).name if a.owner_id else None
    source = session.get(LeadSource, a.source_id).name if a.source_id else None
    return AccountDetail(
        id=a.id, name=a.name, kind=a.kind, stage=a.stage, owner_id=a.owner_id, owner=owner,
        street=a.street, postcode=a.postcode, city=a.city, region=a.region, country=a.country,
        latitude=a.latitude, longitude=a.longitude, phone=a.phone, email=a.email, website=a.website,
        source_id=a.source_id, source=source, source_detail=a.source_detail,
        brought_in_by_id=a.brought_in_by_id, customer_since=a.customer_since,
        annual_budget=a.annual_budget, cadence_days=a.cadence_days, journey_stage=a.journey_stage,
        next_steps=a.next_steps, notes=a.notes, archived=a.archived, version=a.version,
    )


def _filtered(query, *, search: str | None, stage: str | None, include_archived: bool, city: str | None = None,
              owner_id: int | None = None, dialect: str = "sqlite", session=None, page: int | None = None):
    if not include_archived:
        query = query.where(Account.archived == sa.false())
    if stage:
        query = query.where(Account.stage == stage)
    if city:
        query = query.where(Account.city == city)
    if owner_id is not None:
        query = query.where(Account.owner_id == owner_id)
    if search and search.strip():
        from relationapp.services.customers.search import list_filter

        query = query.where(list_filter(Account, search.strip(), dialect=dialect, session=session, page=page,
                                        like_columns=(Account.name, Account.city, Account.email)))
    return query


def list_account_ids(
    db: Database,
    *,
    search: str | None = None,
    stage: str | None = None,
    city: str | None = None,
    owner_id: int | None = None,
    include_archived: bool = False,
    sort: str = "name",
    descending: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> list[int]:
    """Ids of the accounts matching, in display order; with ``limit``, one page of them (for lazy list models,
    which count them with ``count_account_ids`` afterwards)."""
    column = SORT_COLUMNS.get(sort, ACCOUNT_SORT_NAME)
    order = column.desc() if descending else column.asc()
    with db.read() as session:
        query = _filtered(sa.select(Account.id), search=search, stage=stage, include_archived=include_archived, city=city,
                          owner_id=owner_id, dialect=db.engine.dialect.name, session=session,
                          page=walked_page(limit, offset, by_name=column is ACCOUNT_SORT_NAME and not descending,
                                           include_archived=include_archived))
        query = query.order_by(order, Account.id)
        if limit is not None:
            query = query.limit(limit).offset(offset)
        return list(session.execute(query).scalars())


def count_account_ids(db: Database, *, search: str | None = None, stage: str | None = None, city: str | None = None,
                      owner_id: int | None = None, include_archived: bool = False) -> int:
    """How many ids ``list_account_ids`` gives for the same filters."""
    with db.read() as session:
        query = _filtered(sa.select(sa.func.count()).select_from(Account), search=search, stage=stage,
                          include_archived=include_archived, city=city, owner_id=owner_id,
                          dialect=db.engine.dialect.name, session=session)
        return session.execute(query).scalar_one()


def account_rows(db: Database, *, ids: list[int]) -> list[AccountRow]:
    """The list rows for these ids, in the order given (missing ids are left out)."""
    if not ids:
        return []
    last_touch = (
        sa.select(sa.func.max(Interaction.occurred_on))
        .where(Interaction.account_id == Account.id)
        .correlate(Account)
        .scalar_subquery()
    )
    query = (
        sa.select(Account.id, Account.name, Account.stage, Account.city, Account.phone, Account.email, Staff.name, last_touch, Account.archived)
        .outerjoin(Staff, Staff.id == Account.owner_id)
        .where(Account.id.in_(ids))
    )
    with db.read() as session:
        rows = {r[0]: r for r in session.execute(query)}
    out = []
    for i in ids:
        r = rows.get(i)
        if r is None:
            continue
        touch = r[7]
        if isinstance(touch, str):  # max() over a date column comes back as text in SQLite
            touch = dt.date.fromisoformat(touch)
        out.append(AccountRow(id=r[0], name=r[1], stage=r[2], city=r[3], phone=r[4], email=r[5], owner=r[6], last_touch=touch, archived=bool(r[8])))
    return out


def list_accounts(db: Database, *, search: str | None = None, stage: str | None = None, include_archived: bool = False,
                  owner_id: int | None = None, limit: int | None = None) -> list[AccountRow]:
    ids = list_account_ids(db, search=search, stage=stage, include_archived=include_archived, owner_id=owner_id)
    if limit is not None:
        ids = ids[:limit]
    rows: list[AccountRow] = []
    for start in range(0, len(ids), 500):
        rows.extend(account_rows(db, ids=ids[start:start + 500]))
    return rows


def find_account(db: Database, *, name_or_id: str) -> AccountDetail:
    """An account by id or exact name (case-insensitive); refuses an ambiguous name."""
    text = name_or_id.strip()
    with db.read() as session:
        if text.isdigit():
            account = session.get(Account, int(text))
            if account is not None:
                return _detail(session, account)
        matches = session.exec(select(Account).where(sa.func.lower(Account.name) == text.lower())).all()
        if not matches:
            raise NotFound(_("No account called '{name}'.").format(name=text))
        if len(matches) > 1:
            raise ValidationError(_("{count} accounts are called '{name}'; use the id ({ids}).").format(
                count=len(matches), name=text, ids=", ".join(str(m.id) for m in matches)))
        return _detail(session, matches[0])


def account_choices(db: Database, *, search: str = "", limit: int = 20) -> list[tuple[int, str]]:
    """(id, label) pairs for pickers: name and city, active accounts only."""
    query = _filtered(sa.select(Account.id, Account.name, Account.city), search=search, stage=None, include_archived=False,
                      dialect=db.engine.dialect.name)
    query = query.order_by(ACCOUNT_SORT_NAME, Account.id).limit(limit)
    with db.read() as session:
        return [(r[0], f"{r[1]} ({r[2]})" if r[2] else r[1]) for r in session.execute(query)]


def count_accounts(db: Database, *, include_archived: bool = False) -> int:
    query = sa.select(sa.func.count(Account.id))
    if not include_archived:
        query = query.where(Account.archived == sa.false())
    with db.read() as session:
        return session.execute(query).scalar_one()
