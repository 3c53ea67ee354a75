"""Where a customer relationship stands on the decision journey loop.

Derived from the data where it can be: a customer is *enjoying* by default,
*advocating* when someone there is a promoter or the account introduced
another, *bonded* when it has ordered in three or more different years.
Before the sale the stage follows the lead stage (consider, evaluate). A
stage set by hand (``account.journey_stage``) overrides the derived one.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from relationapp.data.db import Database
from relationapp.data.models import Account, Order, Person, Referral
from relationapp.errors import NotFound
from relationapp.services.relationships import nps
from relationapp.text.catalogue import _
from relationapp.text.wording import JOURNEY_LABELS

BONDED_YEARS = 3
_BEFORE_SALE = {"suspect": "consider", "prospect": "consider", "mql": "evaluate", "sql": "evaluate"}


@dataclass(frozen=True)
class JourneyStage:
    account_id: int
    derived: str | None
    stored: str | None  # set by hand; wins over the derived stage
    reason: str  # why the derived stage, for a tooltip

    @property
    def effective(self) -> str | None:
        return self.stored or self.derived

    @property
    def label(self) -> str:
        return JOURNEY_LABELS.get(self.effective, "") if self.effective else ""


def journey_stages(db: Database, *, account_ids: list[int] | None = None) -> dict[int, JourneyStage]:
    """Derived and stored stage per account (all active accounts when no ids are given)."""
    with db.read() as session:
        query = sa.select(Account.id, Account.stage, Account.journey_stage)
        query = query.where(Account.id.in_(account_ids)) if account_ids is not None else query.where(Account.archived == sa.false())
        accounts = session.execute(query).all()
        ids = [a[0] for a in accounts]
        order_years = dict(session.execute(
            sa.select(Order.account_id, sa.func.count(sa.distinct(sa.extract("year", Order.ordered_on))))
            .where(Order.account_id.in_(ids)).group_by(Order.account_id)
        ).all())
        referrers = set(session.execute(
            sa.select(Referral.referrer_account_id).where(Referral.referrer_account_id.in_(ids)).distinct()
        ).scalars())
        latest = nps.latest_scores(session, account_ids=ids if account_ids is not None else None)
        promoter_people = [p for p, (score, _day) in latest.items() if nps.category(score) == "promoter"]
        promoter_accounts = set(session.execute(
            sa.select(Person.account_id).where(Person.id.in_(promoter_people), Person.account_id.in_(ids)).distinct()
        ).scalars()) if promoter_people else set()
    out = {}
    for account_id, stage, stored in accounts:
        derived, reason = _derive(stage, order_years.get(account_id, 0), account_id in promoter_accounts, account_id in referrers)
        out[account_id] = JourneyStage(account_id, derived, stored, reason)
    return out


def _derive(stage: str, years: int, promoter: bool, referrer: bool) -> tuple[str | None, str]:
    if stage != "customer":
        derived = _BEFORE_SALE.get(stage)
        return derived, _("lead stage {stage}").format(stage=stage) if derived else _("not a customer any more")
    if years >= BONDED_YEARS:
        return "bond", _("ordered in {count} different years").format(count=years)
    if promoter or referrer:
        return "advocate", _("introduced another account") if referrer else _("a promoter (scored 9-10)")
    return "enjoy", _("a customer")


def journey_stage(db: Database, *, account_id: int) -> JourneyStage:
    stages = journey_stages(db, account_ids=[account_id])
    if account_id not in stages:
        raise NotFound(_("Account #{id} does not exist.").format(id=account_id))
    return stages[account_id]


def set_journey_stage(db: Database, *, account_id: int, stage: str | None) -> JourneyStage:
    """Mark the stage by hand; ``None`` goes back to the derived stage."""
    from relationapp.services.customers.accounts import update_account

    update_account(db, account_id=account_id, journey_stage=stage or None)
    return journey_stage(db, account_id=account_id)
