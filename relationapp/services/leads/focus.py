"""A short focus list: each account manager gives real attention to a handful of prospects.

At most ``Settings.focus_limit`` leads per manager are in focus; the others
are nurtured until one leaves the list (it becomes a customer, is closed,
or goes back to nurturing). Prospects in focus show on Today, below the
customers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa

from relationapp.data.db import Database
from relationapp.data.models import Account, Staff
from relationapp.errors import ValidationError
from relationapp.services.common.settings import get_settings
from relationapp.services.leads.stages import LEAD_STAGES, account_in
from relationapp.text.catalogue import _, ngettext


@dataclass(frozen=True)
class FocusLead:
    account_id: int
    account: str
    stage: str
    owner_id: int | None
    owner: str | None
    last_touch_on: dt.date | None


def set_focus(db: Database, *, account_id: int, in_focus: bool = True) -> list[FocusLead]:
    """Put a lead in (or take it out of) its manager's focus list; returns that list.

    A full list is refused with a message saying whose list and its limit.
    """
    limit = get_settings(db).focus_limit
    with db.write() as session:
        account = account_in(session, account_id)
        if in_focus and not account.in_focus:
            if account.stage not in LEAD_STAGES or account.archived:
                raise ValidationError(_("Only a lead can be in focus; {account} is not one.").format(
                    account=account.name), field="focus")
            held = _count(session, account.owner_id)
            if held >= limit:
                owner = session.get(Staff, account.owner_id).name if account.owner_id else _("The firm")
                raise ValidationError(ngettext(
                    "{owner} already has {count} lead in focus (the most, see Settings). Take it out first: "
                    "the others are nurtured until one leaves the list.",
                    "{owner} already has {count} leads in focus (the most, see Settings). Take one out first: "
                    "the others are nurtured until one leaves the list.", held).format(owner=owner, count=held),
                    field="focus")
        account.in_focus = bool(in_focus)
        session.add(account)
        session.flush()
        return _list(session, account.owner_id)


def focus_list(db: Database, *, owner_id: int | None = None, everyone: bool = False) -> list[FocusLead]:
    """The leads in focus of one manager (``owner_id``; None: those without a manager), or of everyone."""
    with db.read() as session:
        return _list(session, owner_id, everyone=everyone)


def _owned_by(owner_id: int | None):
    return Account.owner_id.is_(None) if owner_id is None else Account.owner_id == owner_id


def _count(session, owner_id: int | None) -> int:
    query = sa.select(sa.func.count()).where(Account.in_focus == sa.true(), Account.archived == sa.false(),
                                             _owned_by(owner_id))
    return session.execute(query).scalar_one()


def _list(session, owner_id: int | None, *, everyone: bool = False) -> list[FocusLead]:
    query = (sa.select(Account.id, Account.name, Account.stage, Account.owner_id, Staff.name, Account.last_touch_on)
             .outerjoin(Staff, Staff.id == Account.owner_id)
             .where(Account.in_focus == sa.true(), Account.archived == sa.false())
             .order_by(Account.last_touch_on.is_not(None), Account.last_touch_on, Account.name))
    if not everyone:
        query = query.where(_owned_by(owner_id))
    return [FocusLead(*row) for row in session.execute(query)]
