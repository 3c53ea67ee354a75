"""Stages with history: suspect, prospect, MQL, SQL, customer, inactive.

Every change is recorded with who, when and why (``stage_change``), by one
function whatever the path (the account dialog, a qualification, a closed
lead), so its side effects happen every time: an account that becomes
sales-qualified or a customer stops being nurtured; one that becomes a
customer or inactive leaves its manager's focus list and gets its first
order's date as customer since.

Never the bin: a lead (an account that never was a customer) is closed only
with a reason, and stays in the reports as a closed lead.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa

from relationapp.data.db import Database
from relationapp.data.models import STAGES, Account, Staff, StageChange
from relationapp.errors import NotFound, ValidationError
from relationapp.services.common import validation
from relationapp.text.catalogue import _

LEAD_STAGES = ("suspect", "prospect", "mql", "sql")
# reaching these ends nurturing: sales talks to them now, or they buy
_NURTURE_ENDS = ("sql", "customer")
# reaching these ends a place in the focus list
_FOCUS_ENDS = ("customer", "inactive")


@dataclass(frozen=True)
class StageSpan:
    """One stage an account was in: from ``since`` up to ``until`` (None: still in it)."""

    stage: str
    from_stage: str | None
    since: dt.date
    until: dt.date | None
    days: int  # up to ``until``, or up to today for the current stage
    by: str | None
    reason: str | None


def record_stage_change(session, account: Account, to_stage: str, *, day: dt.date, reason: str | None = None,
                        staff_id: int | None = None) -> bool:
    """Move ``account`` to ``to_stage`` inside the caller's transaction, with its side effects.

    Returns False (and records nothing) when it already is in that stage.
    """
    old = account.stage
    if to_stage == old:
        return False
    account.stage = to_stage
    session.add(StageChange(account_id=account.id, from_stage=old, to_stage=to_stage, changed_on=day,
                            staff_id=staff_id, reason=reason))
    if to_stage in _FOCUS_ENDS:
        account.in_focus = False
    session.add(account)
    session.flush()
    if to_stage in _NURTURE_ENDS:
        from relationapp.services.leads.nurture import stop_enrolments_in_session

        stop_enrolments_in_session(session, account_id=account.id, reason=to_stage, today=day)
    if to_stage == "customer" and account.customer_since is None:
        from relationapp.services.customers.customer_since import fill_customer_since

        fill_customer_since(session, [account.id])  # its first order's date, if any
    return True


def was_customer(session, account_id: int) -> bool:
    query = sa.select(sa.literal(1)).where(StageChange.account_id == account_id, StageChange.to_stage == "customer")
    return session.execute(query.limit(1)).first() is not None


def refuse_closing_without_reason(session, account: Account, to_stage: str, reason: str | None, *,
                                  field: str = "reason") -> None:
    """A lead goes to "inactive" only with a reason (a former customer needs none)."""
    if to_stage != "inactive" or reason or account.stage in ("customer", "inactive"):
        return
    if not was_customer(session, account.id):
        raise ValidationError(_("Say why this lead is closed: it stays in the reports with its reason. "
                                "If it is only not ready now, send it to nurturing instead."), field=field)


def change_stage(db: Database, *, account_id: int, to_stage: str, reason: str | None = None,
                 staff_id: int | None = None, today: dt.date | None = None) -> list[StageSpan]:
    """Move an account to another stage; returns its stage history.

    Closing a lead (to "inactive" for an account that never was a customer)
    needs a reason: it stays reportable, and the reason says why.
    """
    stage = validation.choice(to_stage, STAGES, field="stage", label=_("Stage"), required=True)
    why = validation.text(reason, field="reason", label=_("Reason"), max_length=500)
    day = today or dt.date.today()
    with db.write() as session:
        account = account_in(session, account_id)
        refuse_closing_without_reason(session, account, stage, why)
        record_stage_change(session, account, stage, day=day, reason=why, staff_id=staff_id)
        return _history(session, account.id, day)


def close_lead(db: Database, *, account_id: int, reason: str, staff_id: int | None = None,
               today: dt.date | None = None) -> list[StageSpan]:
    """A lead that will not buy: inactive, with the reason (required)."""
    return change_stage(db, account_id=account_id, to_stage="inactive", reason=reason, staff_id=staff_id,
                        today=today)


def stage_history(db: Database, *, account_id: int, today: dt.date | None = None) -> list[StageSpan]:
    """Every stage the account was in, oldest first, with the days spent in each."""
    with db.read() as session:
        account_in(session, account_id)
        return _history(session, account_id, today or dt.date.today())


def time_in_stages(history: list[StageSpan]) -> dict[str, int]:
    """Days spent in each stage, summed over returns to it."""
    out: dict[str, int] = {}
    for span in history:
        out[span.stage] = out.get(span.stage, 0) + span.days
    return out


def _history(session, account_id: int, today: dt.date) -> list[StageSpan]:
    rows = session.execute(
        sa.select(StageChange.to_stage, StageChange.from_stage, StageChange.changed_on, Staff.name, StageChange.reason)
        .outerjoin(Staff, Staff.id == StageChange.staff_id)
        .where(StageChange.account_id == account_id)
        .order_by(StageChange.changed_on, StageChange.id)
    ).all()
    spans = []
    for i, (stage, from_stage, since, by, reason) in enumerate(rows):
        until = rows[i + 1][2] if i + 1 < len(rows) else None
        days = max(((until or today) - since).days, 0)
        spans.append(StageSpan(stage, from_stage, since, until, days, by, reason))
    return spans


def account_in(session, account_id: int) -> Account:
    """The account, or NotFound (the one lookup of the leads services)."""
    account = session.get(Account, account_id)
    if account is None:
        raise NotFound(_("Account #{id} does not exist.").format(id=account_id))
    return account
