"""The leads: accounts in a lead stage (and, when asked, closed leads with their reason)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa

from relationapp.data.db import Database
from relationapp.data.models import STAGES, Account, LeadSource, Qualification, Staff, StageChange
from relationapp.services.common import validation
from relationapp.services.leads.stages import LEAD_STAGES
from relationapp.text.catalogue import _


@dataclass(frozen=True)
class LeadRow:
    account_id: int
    account: str
    stage: str
    source: str | None
    source_detail: str | None
    brought_in_by: str | None
    owner: str | None
    registered_on: dt.date | None
    bant_score: int
    in_focus: bool
    last_touch_on: dt.date | None
    closed_reason: str | None  # for a closed lead (inactive, never a customer)


def list_leads(db: Database, *, stage: str | None = None, owner_id: int | None = None,
               include_closed: bool = False, limit: int | None = None) -> list[LeadRow]:
    """Leads, hottest stage first, then the longest untouched."""
    validation.choice(stage, STAGES, field="stage", label=_("Stage"))
    brought = sa.orm.aliased(Staff)
    owner = sa.orm.aliased(Staff)
    registered = (sa.select(sa.func.min(StageChange.changed_on)).where(StageChange.account_id == Account.id)
                  .correlate(Account).scalar_subquery())
    closed_reason = (sa.select(StageChange.reason).where(StageChange.account_id == Account.id,
                                                         StageChange.to_stage == "inactive")
                     .order_by(StageChange.changed_on.desc(), StageChange.id.desc()).limit(1)
                     .correlate(Account).scalar_subquery())
    ever_customer = (sa.select(StageChange.id).where(StageChange.account_id == Account.id,
                                                     StageChange.to_stage == "customer")
                     .correlate(Account).exists())
    score = (sa.cast(sa.func.coalesce(Qualification.budget, False), sa.Integer)
             + sa.cast(sa.func.coalesce(Qualification.authority, False), sa.Integer)
             + sa.cast(sa.func.coalesce(Qualification.need, False), sa.Integer)
             + sa.cast(sa.func.coalesce(Qualification.timeline, False), sa.Integer))
    stages = (stage,) if stage else LEAD_STAGES + (("inactive",) if include_closed else ())
    heat = sa.case(*((Account.stage == s, i) for i, s in enumerate(("sql", "mql", "prospect", "suspect"))), else_=9)
    query = (sa.select(Account.id, Account.name, Account.stage, LeadSource.name, Account.source_detail, brought.name,
                       owner.name, registered, score, Account.in_focus, Account.last_touch_on, closed_reason)
             .outerjoin(LeadSource, LeadSource.id == Account.source_id)
             .outerjoin(brought, brought.id == Account.brought_in_by_id)
             .outerjoin(owner, owner.id == Account.owner_id)
             .outerjoin(Qualification, Qualification.account_id == Account.id)
             .where(Account.archived == sa.false(), Account.stage.in_(stages))
             .order_by(heat, Account.last_touch_on.is_not(None), Account.last_touch_on, Account.name))
    if "inactive" in stages:  # a former customer is not a closed lead
        query = query.where(sa.or_(Account.stage != "inactive", ~ever_customer))
    if owner_id is not None:
        query = query.where(Account.owner_id == owner_id)
    if limit is not None:
        query = query.limit(limit)
    with db.read() as session:
        return [LeadRow(*row[:11], row[11] if row[2] == "inactive" else None) for row in session.execute(query)]
