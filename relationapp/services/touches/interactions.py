"""Interactions: every touch with an account and some of its people."""

from __future__ import annotations

import dataclasses
import json
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import sqlalchemy as sa

from relationapp.data.db import Database, SqliteStatement, ids_in_json
from relationapp.data.models import (
    INTERACTION_KINDS,
    MAIL_DIRECTIONS,
    Account,
    Interaction,
    InteractionPerson,
    LeadSource,
    Person,
    Staff,
    utc_now,
)
from relationapp.errors import NotFound, ValidationError
from relationapp.services.common import validation
from relationapp.services.common.versions import check_version, count_as_changed
from relationapp.services.touches import follow_ups
from relationapp.text.catalogue import N_, _


@dataclass(frozen=True)
class InteractionRow:
    id: int
    account_id: int | None
    account: str | None
    kind: str
    occurred_on: dt.date
    duration_minutes: int
    staff_id: int | None
    staff: str | None
    subject: str | None
    notes: str | None
    person_ids: tuple[int, ...]
    people: tuple[str, ...]
    gift_item: str | None
    gift_cost: Decimal | None
    # the planned contacts (cadence follow-ups) this touch closed when it was logged; () elsewhere
    closed_follow_up_ids: tuple[int, ...] = ()
    # where this touch came from (a fair, a webinar, an ad); shown on the lead's path
    source_id: int | None = None
    source: str | None = None
    direction: str | None = None  # an e-mail touch: "in" or "out"
    version: int = 1  # what an edit saves with (expected_version)


_REFERENCES = {"account_id": N_("Account"), "staff_id": N_("Staff member"), "source_id": N_("Lead source")}


def _clean(fields: dict) -> dict:
    out: dict = {}
    for key, value in fields.items():
        if key == "kind":
            out[key] = validation.choice(value, INTERACTION_KINDS, field=key, label=_("Kind"), required=True)
        elif key == "occurred_on":
            out[key] = validation.parse_date(value, field=key, label=_("Date"), required=True)
        elif key == "duration_minutes":
            out[key] = validation.whole_number(value or 0, field=key, label=_("Duration (minutes)"), minimum=0, maximum=24 * 60)
        elif key == "subject":
            out[key] = validation.text(value, field=key, label=_("Subject"), max_length=500)
        elif key == "notes":
            out[key] = validation.long_text(value)
        elif key == "gift_item":
            out[key] = validation.text(value, field=key, label=_("Gift"), max_length=300)
        elif key == "gift_cost":
            out[key] = validation.money(value, field=key, label=_("Gift cost"))
        elif key == "direction":
            out[key] = validation.choice(value, MAIL_DIRECTIONS, field=key, label=_("Direction"))
        elif key in _REFERENCES:
            out[key] = validation.whole_number(value, field=key, label=_(_REFERENCES[key]))
        else:
            raise ValidationError(_("Interactions have no field '{key}'.").format(key=key))
    return out


def log_interaction(
    db: Database,
    *,
    account_id: int | None,
    kind: str,
    occurred_on: dt.date | str | None = None,
    duration_minutes: int = 0,
    person_ids: list[int] | tuple[int, ...] = (),
    staff_id: int | None = None,
    subject: str | None = None,
    notes: str | None = None,
    gift_item: str | None = None,
    gift_cost: Decimal | str | None = None,
    source_id: int | None = None,
    direction: str | None = None,
) -> InteractionRow:
    """Record a touch. Any touch resets the account's keep-in-touch clock and closes its planned
    contact (see ``log_in_session``)."""
    with db.write() as session:
        return log_in_session(
            session, account_id=account_id, kind=kind, occurred_on=occurred_on, duration_minutes=duration_minutes,
            person_ids=person_ids, staff_id=staff_id, subject=subject, notes=notes, gift_item=gift_item,
            gift_cost=gift_cost, source_id=source_id, direction=direction,
        )


def log_in_session(session, *, account_id, kind, occurred_on=None, duration_minutes=0, person_ids=(),
                   staff_id=None, subject=None, notes=None, gift_item=None, gift_cost=None,
                   source_id=None, direction=None) -> InteractionRow:
    """For services that record a touch inside their own unit of work (a logged visit, a thank-you).

    Rule: a touch of any kind with an account (given, or filled in from its
    people) closes that account's open planned contacts, the follow-ups made
    from Today (origin "cadence"), done today; their ids are in
    ``closed_follow_up_ids``. Every kind counts, a note too: the cadence of
    Today counts every interaction as the last touch (services.today.attention).
    """
    cleaned = check_touch(
        account_id=account_id, kind=kind, occurred_on=occurred_on or dt.date.today(),
        duration_minutes=duration_minutes, staff_id=staff_id, subject=subject, notes=notes,
        gift_item=gift_item, gift_cost=gift_cost, source_id=source_id, direction=direction,
    )
    people = _people(session, person_ids)
    if cleaned["account_id"] is None:
        accounts = {p.account_id for p in people if p.account_id}
        if len(accounts) == 1:
            cleaned["account_id"] = accounts.pop()
        elif not people:
            raise ValidationError(_("Choose the account (or person) this touch was with."), field="account_id")
    if cleaned["account_id"] is not None and session.get(Account, cleaned["account_id"]) is None:
        raise ValidationError(_("Account #{id} does not exist.").format(id=cleaned["account_id"]), field="account_id")
    if cleaned["staff_id"] is not None and session.get(Staff, cleaned["staff_id"]) is None:
        raise ValidationError(_("Staff member #{id} does not exist.").format(id=cleaned["staff_id"]), field="staff_id")
    _check_source(session, cleaned["source_id"])
    interaction = Interaction(**cleaned)
    session.add(interaction)
    session.flush()
    for person in people:
        session.add(InteractionPerson(interaction_id=interaction.id, person_id=person.id))
    session.flush()
    closed: tuple[int, ...] = ()
    if interaction.account_id is not None:
        closed = follow_ups.close_planned_in_session(session, account_id=interaction.account_id, done_on=dt.date.today())
    return dataclasses.replace(_rows(session, [interaction.id])[0], closed_follow_up_ids=closed)


def check_touch(*, account_id, kind, occurred_on, duration_minutes=0, staff_id=None, subject=None, notes=None,
                gift_item=None, gift_cost=None, source_id=None, direction=None) -> dict:
    """The fields of a new touch as they are stored, checked as every touch is (the database is not asked:
    the references are the caller's to check). Raises ValidationError."""
    cleaned = _clean(dict(
        account_id=account_id, kind=kind, occurred_on=occurred_on, duration_minutes=duration_minutes,
        staff_id=staff_id, subject=subject, notes=notes, gift_item=gift_item, gift_cost=gift_cost,
        source_id=source_id, direction=direction,
    ))
    if cleaned["direction"] is not None and cleaned["kind"] != "email":
        raise ValidationError(_("Only an e-mail has a direction."), field="direction")
    if cleaned["kind"] == "gift" and not cleaned["gift_item"]:
        raise ValidationError(_("A gift needs the item given."), field="gift_item")
    if cleaned["kind"] != "gift" and (cleaned["gift_item"] or cleaned["gift_cost"] is not None):
        raise ValidationError(_("Only a gift has an item and a cost."), field="gift_item")
    if cleaned["occurred_on"] > dt.date.today() + dt.timedelta(days=1):
        raise ValidationError(_("An interaction cannot be logged in the future; plan a follow-up instead."), field="occurred_on")
    return cleaned


def log_many_in_session(session, touches: list[tuple[dict, tuple[int, ...]]], *,
                        only_planned_before: bool = False) -> list[int]:
    """Many touches at once (a mail import): each ``(check_touch(...), person_ids)``, one statement per table.

    The accounts, people and staff they name must exist (the caller read them
    from the database). The rule of ``log_in_session`` holds: each account's
    planned contacts are closed; with ``only_planned_before`` (touches read in
    later, such as last year's mail) only those made on or before its latest
    touch here. Returns the new ids in the order given.
    """
    if not touches:
        return []
    now = utc_now()
    ids = list(session.execute(sa.insert(Interaction).returning(Interaction.id, sort_by_parameter_order=True),
                               [{**fields, "created_at": now} for fields, _people in touches]).scalars())
    links = [{"interaction_id": iid, "person_id": pid}
             for iid, (_fields, person_ids) in zip(ids, touches) for pid in dict.fromkeys(person_ids)]
    if links:
        session.execute(sa.insert(InteractionPerson), links)
    latest: dict[int, dt.date] = {}
    for fields, _people in touches:
        if fields["account_id"] is not None:
            latest[fields["account_id"]] = max(latest.get(fields["account_id"], fields["occurred_on"]), fields["occurred_on"])
    follow_ups.close_planned_of_accounts(
        session, made_by=latest if only_planned_before else dict.fromkeys(latest), done_on=dt.date.today())
    return ids


def _check_source(session, source_id: int | None) -> None:
    if source_id is not None and session.get(LeadSource, source_id) is None:
        raise ValidationError(_("Lead source #{id} does not exist.").format(id=source_id), field="source_id")


def _people(session, person_ids) -> list[Person]:
    people = []
    for pid in dict.fromkeys(int(p) for p in person_ids):
        person = session.get(Person, pid)
        if person is None:
            raise ValidationError(_("Person #{id} does not exist.").format(id=pid), field="person_ids")
        people.append(person)
    return people


def update_interaction(db: Database, *, interaction_id: int, person_ids: list[int] | tuple[int, ...] | None = None,
                       expected_version: int | None = None, **changes) -> InteractionRow:
    """Correct a logged touch; only the given fields change (``person_ids`` replaces who was there).

    With ``expected_version`` (the form's) a newer stored touch raises ConflictError.
    """
    cleaned = _clean(changes)
    with db.write() as session:
        interaction = session.get(Interaction, interaction_id)
        if interaction is None:
            raise NotFound(_("Interaction #{id} does not exist.").format(id=interaction_id))
        if expected_version is not None:
            yours = dict(cleaned)
            if person_ids is not None:
                yours["person_ids"] = tuple(sorted({int(p) for p in person_ids}))

            def theirs() -> dict:
                stored = _rows(session, [interaction_id])[0]
                return {name: tuple(sorted(stored.person_ids)) if name == "person_ids" else getattr(stored, name)
                        for name in yours}

            check_version(session, interaction, expected_version=expected_version, yours=yours, theirs=theirs)
        for key, value in cleaned.items():
            setattr(interaction, key, value)
        if interaction.kind == "gift" and not interaction.gift_item:
            raise ValidationError(_("A gift needs the item given."), field="gift_item")
        if interaction.kind != "gift":
            interaction.gift_item = interaction.gift_cost = None
        if interaction.occurred_on > dt.date.today() + dt.timedelta(days=1):
            raise ValidationError(_("An interaction cannot be dated in the future."), field="occurred_on")
        if interaction.account_id is not None and session.get(Account, interaction.account_id) is None:
            raise ValidationError(_("Account #{id} does not exist.").format(id=interaction.account_id), field="account_id")
        _check_source(session, interaction.source_id)
        session.add(interaction)
        if person_ids is not None:
            people = _people(session, person_ids)
            session.execute(sa.delete(InteractionPerson).where(InteractionPerson.interaction_id == interaction_id))
            for person in people:
                session.add(InteractionPerson(interaction_id=interaction_id, person_id=person.id))
            count_as_changed(interaction, "duration_minutes")  # who was there is part of the touch
        session.flush()
        return _rows(session, [interaction_id])[0]


def get_interaction(db: Database, *, interaction_id: int) -> InteractionRow:
    with db.read() as session:
        rows = _rows(session, [interaction_id])
    if not rows:
        raise NotFound(_("Interaction #{id} does not exist.").format(id=interaction_id))
    return rows[0]


def delete_interaction(db: Database, *, interaction_id: int) -> InteractionRow:
    """Remove an interaction; returns what was removed (so the UI can offer undo)."""
    with db.write() as session:
        rows = _rows(session, [interaction_id])
        if not rows:
            raise NotFound(_("Interaction #{id} does not exist.").format(id=interaction_id))
        session.execute(sa.delete(Interaction).where(Interaction.id == interaction_id))
        return rows[0]


def restore_interaction(db: Database, *, row: InteractionRow) -> InteractionRow:
    """Undo of delete_interaction."""
    return log_interaction(
        db, account_id=row.account_id, kind=row.kind, occurred_on=row.occurred_on,
        duration_minutes=row.duration_minutes, person_ids=row.person_ids, staff_id=row.staff_id,
        subject=row.subject, notes=row.notes, gift_item=row.gift_item, gift_cost=row.gift_cost,
        source_id=row.source_id, direction=row.direction,
    )


def list_interactions(
    db: Database,
    *,
    account_id: int | None = None,
    person_id: int | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    limit: int | None = 200,
) -> list[InteractionRow]:
    """Newest first."""
    if account_id is not None and person_id is None and since is None and until is None and limit is not None:
        if db.is_sqlite:  # the account page: statements compiled once, on the plain sqlite3 connection
            with db.sqlite_read() as con:
                base = _ACCOUNT_PAGE_SQLITE.rows(con, account_id=account_id, limit=limit)
                people = _PEOPLE_OF_SQLITE.rows(con, ids=json.dumps([r[0] for r in base])) if base else []
            return _assembled([(*r[:4], _date(r[4]), *r[5:11], _money(r[11]), *r[12:]) for r in base], people)
        with db.read() as session:
            return _built(session, _ACCOUNT_PAGE, {"account_id": account_id, "limit": limit})
    query = sa.select(Interaction.id)
    if account_id is not None:
        query = query.where(Interaction.account_id == account_id)
    if person_id is not None:
        query = query.where(Interaction.id.in_(sa.select(InteractionPerson.interaction_id).where(InteractionPerson.person_id == person_id)))
    if since is not None:
        query = query.where(Interaction.occurred_on >= since)
    if until is not None:
        query = query.where(Interaction.occurred_on <= until)
    newest_first = (Interaction.occurred_on.desc(), Interaction.id.desc())
    query = query.order_by(*newest_first)
    if limit is not None:
        query = query.limit(limit)
    with db.read() as session:
        return _built(session, _page_rows(query.subquery("page")))


_ROW_COLUMNS = (Interaction.id, Interaction.account_id, Account.name, Interaction.kind, Interaction.occurred_on,
                Interaction.duration_minutes, Interaction.staff_id, Staff.name, Interaction.subject, Interaction.notes,
                Interaction.gift_item, Interaction.gift_cost, Interaction.source_id, LeadSource.name,
                Interaction.direction, Interaction.version)


def _joined(query):
    return (query.outerjoin(Account, Account.id == Interaction.account_id)
            .outerjoin(Staff, Staff.id == Interaction.staff_id)
            .outerjoin(LeadSource, LeadSource.id == Interaction.source_id))


def _rows(session, ids: list[int]) -> list[InteractionRow]:
    """The rows for these ids, in that order."""
    if not ids:
        return []
    by_id = {row.id: row for row in _built(session, _joined(sa.select(*_ROW_COLUMNS)).where(Interaction.id.in_(ids)))}
    return [by_id[i] for i in ids if i in by_id]


# one statement for any number of ids (an expanding parameter: no per-id expression to build)
def _people_of(ids):
    """(interaction id, person id, name) of the touches ``ids`` (a list parameter or a subquery)."""
    return (sa.select(InteractionPerson.interaction_id, Person.id, Person.name)
            .join(Person, Person.id == InteractionPerson.person_id)
            .where(InteractionPerson.interaction_id.in_(ids))
            .order_by(Person.name))


_PEOPLE_OF = _people_of(sa.bindparam("ids", expanding=True))


def _page_rows(page):
    """The rows of a subquery of ids (``page.c.id``), newest first."""
    return (_joined(sa.select(*_ROW_COLUMNS).select_from(page).join(Interaction, Interaction.id == page.c.id))
            .order_by(Interaction.occurred_on.desc(), Interaction.id.desc()))


# an account's newest touches: the ids from ix_interaction_account_date alone, then their rows
_ACCOUNT_PAGE = _page_rows(
    sa.select(Interaction.id).where(Interaction.account_id == sa.bindparam("account_id"))
    .order_by(Interaction.occurred_on.desc(), Interaction.id.desc()).limit(sa.bindparam("limit")).subquery("page"))


# the same two statements as plain SQLite SQL (the people by a JSON array of ids: one statement for any number)
_ACCOUNT_PAGE_SQLITE = SqliteStatement(_ACCOUNT_PAGE)
_PEOPLE_OF_SQLITE = SqliteStatement(_people_of(ids_in_json(sa.bindparam("ids"))))
_date = dt.date.fromisoformat


def _money(cents: int | None) -> Decimal | None:
    return None if cents is None else Decimal(int(cents)) / 100  # as the Money column type reads it


def _built(session, query, params: dict | None = None) -> list[InteractionRow]:
    """The rows ``query`` (of ``_ROW_COLUMNS``) selects, with their people: plain columns, as building
    ORM objects cost several times SQLite's own work."""
    conn = session.connection()  # Core rows: the ORM's result machinery is not needed for plain columns
    base = conn.execute(query, params or {}).all()
    if not base:
        return []
    return _assembled(base, conn.execute(_PEOPLE_OF, {"ids": [r[0] for r in base]}))


def _assembled(base, people_rows) -> list[InteractionRow]:
    """Rows of ``_ROW_COLUMNS`` (dates and money converted) and (interaction id, person id, name) rows."""
    people: dict[int, list[tuple[int, str]]] = {}
    for iid, pid, pname in people_rows:
        people.setdefault(iid, []).append((pid, pname))
    out = []
    new = object.__new__
    for (iid, account_id, account, kind, occurred_on, minutes, staff_id, staff, subject, notes, gift, cost, source_id,
         source, direction, version) in base:
        who = people.get(iid)
        person_ids, names = zip(*who) if who else ((), ())
        # frozen for its readers, filled without the generated __init__ (one object.__setattr__ per field:
        # half the time of the account page's 50 newest touches)
        row = new(InteractionRow)
        row.__dict__.update(
            id=iid, account_id=account_id, account=account, kind=kind, occurred_on=occurred_on,
            duration_minutes=minutes, staff_id=staff_id, staff=staff, subject=subject, notes=notes,
            person_ids=person_ids, people=names, gift_item=gift, gift_cost=cost, closed_follow_up_ids=(),
            source_id=source_id, source=source, direction=direction, version=version)
        out.append(row)
    return out
