"""BANT: qualify a lead before handing it to sales (Budget, Authority, Need, Timeline).

Each letter rests on something the user typed: a budget amount, a person of
the account with the decision-maker role, the need in a sentence, and a day
by which they want to decide. The score is how many letters are in place; the
firm's rule (Settings: ``sql_bant_score``, need always among them) makes a
lead sales-qualified (SQL). A lead that is qualified but not ready now goes
back to nurturing with its reason - never to the bin.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from relationapp.data.db import Database
from relationapp.data.models import Account, Person, Qualification
from relationapp.errors import ValidationError
from relationapp.services.common import validation
from relationapp.services.common.settings import get_settings
from relationapp.services.common.versions import check_version
from relationapp.services.leads import stages
from relationapp.text import formatting
from relationapp.text.catalogue import _

# the stages a qualification may move forward from
_BEFORE_SQL = ("suspect", "prospect", "mql")
_UNSET = object()


@dataclass(frozen=True)
class Bant:
    account_id: int
    budget_amount: Decimal | None
    authority_person_id: int | None
    authority_person: str | None
    need: str | None
    timeline_on: dt.date | None
    notes: str | None
    not_ready_reason: str | None
    updated_on: dt.date | None
    budget_met: bool
    authority_met: bool
    need_met: bool
    timeline_met: bool
    score: int  # letters met, 0-4
    required_score: int  # the firm's rule
    sales_ready: bool  # the rule is met: a sales-qualified lead
    stage: str
    version: int = 0  # of the stored qualification, what an edit saves with (0: none stored yet)


@dataclass(frozen=True)
class Qualified:
    """What a qualification did: the BANT and the stage it moved the account to (None: unchanged)."""

    bant: Bant
    moved_to: str | None


def rule_text(required: int) -> str:
    return _("Sales-qualified (SQL) when {count} of the four letters are in place, need always among them.").format(
        count=required)


def get_bant(db: Database, *, account_id: int, today: dt.date | None = None) -> Bant:
    with db.read() as session:
        account = stages.account_in(session, account_id)
        return _bant(session, account, session.get(Qualification, account_id), get_settings(db).sql_bant_score,
                     today or dt.date.today())


def qualify(db: Database, *, account_id: int, budget=_UNSET, authority_person_id=_UNSET, need=_UNSET,
            timeline_on=_UNSET, notes=_UNSET, staff_id: int | None = None, today: dt.date | None = None,
            expected_version: int | None = None) -> Qualified:
    """Record what BANT rests on (only the letters given change); a lead that meets the rule becomes SQL.

    A lead with a need that does not meet the rule yet becomes a
    marketing-qualified (MQL) lead. A timeline in the past is refused.
    With ``expected_version`` (``Bant.version`` as the form loaded it; 0 for
    none yet) a qualification saved meanwhile raises ConflictError.
    """
    day = today or dt.date.today()
    changes: dict = {}
    if budget is not _UNSET:
        changes["budget_amount"] = validation.money(budget, field="budget", label=_("Budget"))
    if need is not _UNSET:
        changes["need_text"] = validation.text(need, field="need", label=_("Need"), max_length=1000)
    if timeline_on is not _UNSET:
        when = validation.parse_date(timeline_on, field="timeline", label=_("Timeline"))
        if when is not None and when < day:
            raise ValidationError(_("Timeline: {day} has passed; give the day by which they want to decide.").format(
                day=formatting.current().date(when)), field="timeline")
        changes["timeline_on"] = when
    if notes is not _UNSET:
        changes["notes"] = validation.long_text(notes)
    if authority_person_id is not _UNSET:
        changes["authority_person_id"] = authority_person_id
    required = get_settings(db).sql_bant_score
    with db.write() as session:
        account = stages.account_in(session, account_id)
        if changes.get("authority_person_id") is not None:
            person = session.get(Person, changes["authority_person_id"])
            if person is None or person.account_id != account.id:
                raise ValidationError(_("Authority: choose a person of {account}.").format(account=account.name),
                                      field="authority")
        row = session.get(Qualification, account_id)
        if row is not None:
            check_version(session, row, expected_version=expected_version, yours=changes)
        row = row or Qualification(account_id=account_id)
        for key, value in changes.items():
            setattr(row, key, value)
        row.updated_on = day
        bant = _bant(session, account, row, required, day)
        row.budget, row.authority, row.need, row.timeline = (bant.budget_met, bant.authority_met, bant.need_met,
                                                             bant.timeline_met)
        session.add(row)
        session.flush()
        moved_to = None
        if account.stage in _BEFORE_SQL:
            target = "sql" if bant.sales_ready else ("mql" if bant.need_met and account.stage != "mql" else None)
            if target and stages.record_stage_change(
                    session, account, target, day=day, staff_id=staff_id,
                    reason=_("BANT {score} of 4").format(score=bant.score)):
                moved_to = target
        return Qualified(_bant(session, account, row, required, day), moved_to)


def not_ready(db: Database, *, account_id: int, reason: str, track: int | str | None = None,
              staff_id: int | None = None, today: dt.date | None = None):
    """Qualified but not ready to buy now: back to nurturing with the reason (the default for "not now").

    The lead becomes (or stays) an MQL and is enrolled in ``track`` (a nurture
    track's id or name) when one is given. Returns the enrolment, or None.
    """
    why = validation.text(reason, field="reason", label=_("Reason"), required=True, max_length=500)
    day = today or dt.date.today()
    with db.write() as session:
        account = stages.account_in(session, account_id)
        if account.stage not in stages.LEAD_STAGES:
            raise ValidationError(_("{account} is not a lead (stage: {stage}).").format(
                account=account.name, stage=_(_stage_label(account.stage))), field="account")
        row = session.get(Qualification, account_id) or Qualification(account_id=account_id)
        row.not_ready_reason, row.updated_on = why, day
        session.add(row)
        stages.record_stage_change(session, account, "mql", day=day, reason=why, staff_id=staff_id)
        account.in_focus = False  # its place in the focus list goes to a lead that is ready
        session.add(account)
        session.flush()
    if track is None:
        return None
    from relationapp.services.leads import nurture

    return nurture.enrol(db, account_id=account_id, track=track, reason=why, today=day)


def _stage_label(stage: str) -> str:
    from relationapp.text.wording import STAGES

    return STAGES.get(stage, stage)


def _bant(session, account: Account, row: Qualification | None, required: int, today: dt.date) -> Bant:
    person = session.get(Person, row.authority_person_id) if row is not None and row.authority_person_id else None
    budget = row.budget_amount if row is not None else None
    need = row.need_text if row is not None else None
    timeline = row.timeline_on if row is not None else None
    met = {
        "budget": budget is not None and budget > 0,
        "authority": person is not None and person.dmu_role == "decision_maker" and not person.archived,
        "need": bool(need and need.strip()),
        "timeline": timeline is not None and timeline >= today,
    }
    score = sum(met.values())
    return Bant(
        account_id=account.id, budget_amount=budget, authority_person_id=person.id if person else None,
        authority_person=person.name if person else None, need=need, timeline_on=timeline,
        notes=row.notes if row is not None else None,
        not_ready_reason=row.not_ready_reason if row is not None else None,
        updated_on=row.updated_on if row is not None else None,
        budget_met=met["budget"], authority_met=met["authority"], need_met=met["need"], timeline_met=met["timeline"],
        score=score, required_score=required, sales_ready=met["need"] and score >= required, stage=account.stage,
        version=row.version if row is not None and row.version is not None else 0,
    )
