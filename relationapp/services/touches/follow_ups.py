"""Follow-ups: promises with a due date, made by hand or by a rule."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa

from relationapp.data.db import Database
from relationapp.data.models import FOLLOW_UP_ORIGINS, Account, FollowUp, Person, bump
from relationapp.errors import NotFound, ValidationError
from relationapp.services.common import validation
from relationapp.text.catalogue import _

# A follow-up planned from Today for an overdue account (attention.plan_contact): "get in touch".
# While open, the account leaves "Needs attention"; the next touch with the account closes it.
CADENCE_ORIGIN = "cadence"


@dataclass(frozen=True)
class FollowUpRow:
    id: int
    title: str
    notes: str | None
    due_on: dt.date
    snoozed_until: dt.date | None
    done_on: dt.date | None
    account_id: int | None
    account: str | None
    person_id: int | None
    person: str | None
    staff_id: int | None
    origin: str

    @property
    def effective_due(self) -> dt.date:
        """When it shows up again: the snooze date if later than the due date."""
        if self.snoozed_until and self.snoozed_until > self.due_on:
            return self.snoozed_until
        return self.due_on


def create_follow_up(
    db: Database,
    *,
    title: str,
    due_on: dt.date | str,
    account_id: int | None = None,
    person_id: int | None = None,
    staff_id: int | None = None,
    notes: str | None = None,
    origin: str = "manual",
    origin_ref: int | None = None,
) -> FollowUpRow:
    clean_title = validation.text(title, field="title", label=_("Title"), required=True, max_length=500)
    due = validation.parse_date(due_on, field="due_on", label=_("Due date"), required=True)
    validation.choice(origin, FOLLOW_UP_ORIGINS, field="origin", label=_("Origin"), required=True)
    with db.write() as session:
        return _create(session, title=clean_title, due_on=due, account_id=account_id, person_id=person_id,
                       staff_id=staff_id, notes=validation.long_text(notes), origin=origin, origin_ref=origin_ref)


def create_in_session(session, **fields) -> FollowUpRow:
    """For services whose rules make a follow-up inside their own unit of work."""
    return _create(session, **fields)


def _create(session, **fields) -> FollowUpRow:
    if fields.get("account_id") is not None and session.get(Account, fields["account_id"]) is None:
        raise ValidationError(_("Account #{id} does not exist.").format(id=fields["account_id"]), field="account_id")
    if fields.get("person_id") is not None:
        person = session.get(Person, fields["person_id"])
        if person is None:
            raise ValidationError(_("Person #{id} does not exist.").format(id=fields["person_id"]), field="person_id")
        if fields.get("account_id") is None:
            fields["account_id"] = person.account_id
    follow_up = FollowUp(**fields)
    session.add(follow_up)
    session.flush()
    return _rows(session, [follow_up.id])[0]


def close_planned_in_session(session, *, account_id: int, done_on: dt.date) -> tuple[int, ...]:
    """Rule for a logged touch, inside its unit of work: every open cadence follow-up of the
    account is done on ``done_on``. Returns the ids closed (none: an empty tuple)."""
    return close_planned_of_accounts(session, made_by={account_id: None}, done_on=done_on)


def close_planned_of_accounts(session, *, made_by: dict[int, dt.date | None], done_on: dt.date) -> tuple[int, ...]:
    """The same rule for many accounts at once (``made_by``: account id -> None for every open cadence
    follow-up, or a day for those made on or before it). Returns the ids closed, in order."""
    closed: list[int] = []
    accounts = list(made_by)
    for start in range(0, len(accounts), 500):
        rows = session.execute(
            sa.select(FollowUp.id, FollowUp.account_id, FollowUp.created_at)
            .where(FollowUp.origin == CADENCE_ORIGIN, FollowUp.done_on.is_(None),
                   FollowUp.account_id.in_(accounts[start:start + 500]))
        )
        for fid, account_id, created in rows:
            day = made_by[account_id]
            if day is None or created.date() <= day:
                closed.append(fid)
    closed.sort()
    for start in range(0, len(closed), 500):
        session.execute(sa.update(FollowUp).where(FollowUp.id.in_(closed[start:start + 500])).values(done_on=done_on, **bump(FollowUp)))
    return tuple(closed)


def complete_follow_up(db: Database, *, follow_up_id: int, done_on: dt.date | None = None) -> FollowUpRow:
    with db.write() as session:
        follow_up = _get(session, follow_up_id)
        follow_up.done_on = done_on or dt.date.today()
        session.add(follow_up)
        session.flush()
        return _rows(session, [follow_up_id])[0]


def reopen_follow_up(db: Database, *, follow_up_id: int) -> FollowUpRow:
    with db.write() as session:
        follow_up = _get(session, follow_up_id)
        follow_up.done_on = None
        session.add(follow_up)
        session.flush()
        return _rows(session, [follow_up_id])[0]


def snooze_day(until: dt.date | str, *, today: dt.date | None = None) -> dt.date:
    """The day to snooze to: after today, never into the past."""
    day = validation.parse_date(until, field="until", label=_("Snooze until"), required=True)
    if day <= (today or dt.date.today()):
        raise ValidationError(_("Snooze to a day after today."), field="until")
    return day


def snooze_follow_up(db: Database, *, follow_up_id: int, until: dt.date | str, today: dt.date | None = None) -> FollowUpRow:
    day = snooze_day(until, today=today)
    with db.write() as session:
        follow_up = _get(session, follow_up_id)
        follow_up.snoozed_until = day
        session.add(follow_up)
        session.flush()
        return _rows(session, [follow_up_id])[0]


def _get(session, follow_up_id: int) -> FollowUp:
    follow_up = session.get(FollowUp, follow_up_id)
    if follow_up is None:
        raise NotFound(_("Follow-up #{id} does not exist.").format(id=follow_up_id))
    return follow_up


def list_follow_ups(
    db: Database,
    *,
    account_id: int | None = None,
    open_only: bool = True,
    due_by: dt.date | None = None,
    limit: int | None = 500,
) -> list[FollowUpRow]:
    """Open follow-ups (or all), earliest due first. ``due_by`` keeps those due (or snoozed until) by that day."""
    query = sa.select(FollowUp.id)
    if account_id is not None:
        query = query.where(FollowUp.account_id == account_id)
    if open_only:
        query = query.where(FollowUp.done_on.is_(None))
    if due_by is not None:
        query = query.where(FollowUp.due_on <= due_by).where(
            sa.or_(FollowUp.snoozed_until.is_(None), FollowUp.snoozed_until <= due_by)
        )
    query = query.order_by(FollowUp.due_on, FollowUp.id)
    if limit is not None:
        query = query.limit(limit)
    with db.read() as session:
        return _rows(session, list(session.execute(query).scalars()))


def _rows(session, ids: list[int]) -> list[FollowUpRow]:
    if not ids:
        return []
    result = session.execute(
        sa.select(FollowUp, Account.name, Person.name)
        .outerjoin(Account, Account.id == FollowUp.account_id)
        .outerjoin(Person, Person.id == FollowUp.person_id)
        .where(FollowUp.id.in_(ids))
    ).all()
    by_id = {
        f.id: FollowUpRow(
            id=f.id, title=f.title, notes=f.notes, due_on=f.due_on, snoozed_until=f.snoozed_until,
            done_on=f.done_on, account_id=f.account_id, account=account, person_id=f.person_id,
            person=person, staff_id=f.staff_id, origin=f.origin,
        )
        for f, account, person in result
    }
    return [by_id[i] for i in ids if i in by_id]
