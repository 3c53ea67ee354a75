"""A lead's path: every touch before the first order, so the earlier ones are seen too.

"Most leads come from social media" is often wrong because the salesperson's
visit years ago and the few mails after it are not seen. The path lists the
first touch, the touches along the way and the one that converted (the last
before or on the day of the first order), each with its source where known.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa

from relationapp.data.db import Database
from relationapp.data.models import Interaction, LeadSource, Order
from relationapp.services.leads.stages import account_in

PATH_LIMIT = 200  # a path longer than this is shown from its start; the rest is counted


@dataclass(frozen=True)
class PathTouch:
    interaction_id: int
    occurred_on: dt.date
    kind: str
    subject: str | None
    source: str | None
    role: str  # "first", "along", "converting"


@dataclass(frozen=True)
class LeadPath:
    account_id: int
    registered_on: dt.date | None
    source: str | None  # the account's own source: where the lead came from
    first_order_on: dt.date | None
    touches: list[PathTouch]
    more: int  # touches beyond PATH_LIMIT


def lead_path(db: Database, *, account_id: int) -> LeadPath:
    from relationapp.data.models import StageChange

    with db.read() as session:
        account = account_in(session, account_id)
        source = session.get(LeadSource, account.source_id).name if account.source_id else None
        first_order = session.execute(sa.select(sa.func.min(Order.ordered_on))
                                      .where(Order.account_id == account_id)).scalar()
        registered = session.execute(sa.select(sa.func.min(StageChange.changed_on))
                                     .where(StageChange.account_id == account_id)).scalar()
        query = (sa.select(Interaction.id, Interaction.occurred_on, Interaction.kind, Interaction.subject,
                           LeadSource.name)
                 .outerjoin(LeadSource, LeadSource.id == Interaction.source_id)
                 .where(Interaction.account_id == account_id)
                 .order_by(Interaction.occurred_on, Interaction.id))
        if first_order is not None:
            query = query.where(Interaction.occurred_on <= first_order)
        rows = session.execute(query.limit(PATH_LIMIT + 1)).all()
        total = len(rows)
        if total > PATH_LIMIT:
            total = session.execute(sa.select(sa.func.count()).select_from(query.order_by(None).subquery())).scalar()
            rows = rows[:PATH_LIMIT]
    touches = []
    for i, (iid, day, kind, subject, touch_source) in enumerate(rows):
        converting = first_order is not None and i == len(rows) - 1 and total <= PATH_LIMIT
        role = "first" if i == 0 else ("converting" if converting else "along")
        touches.append(PathTouch(iid, day, kind, subject, touch_source, role))
    return LeadPath(account_id, registered, source, first_order, touches, max(total - PATH_LIMIT, 0))
