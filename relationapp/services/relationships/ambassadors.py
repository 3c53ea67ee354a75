"""Ambassadors: promoters (latest score 9-10) who introduced at least one account."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import sqlalchemy as sa

from relationapp.data.db import Database
from relationapp.data.models import Referral
from relationapp.services.relationships import nps, referrals


@dataclass(frozen=True)
class AmbassadorRow:
    person_id: int
    person: str
    account_id: int | None
    account: str | None
    latest_score: int
    scored_on: dt.date
    introductions: int
    customers: int
    credited_first_year: Decimal
    credited_lifetime: Decimal


def ambassador_person_ids(db: Database) -> frozenset[int]:
    """Who gets the ambassador badge in lists and on Today."""
    with db.read() as session:
        referrers = set(session.execute(
            sa.select(Referral.referrer_person_id).where(Referral.referrer_person_id.is_not(None)).distinct()
        ).scalars())
        latest = nps.latest_scores(session, person_ids=referrers)
    return frozenset(p for p in referrers if p in latest and nps.category(latest[p][0]) == "promoter")


def list_ambassadors(db: Database, *, ledger: list[referrals.ReferralRow] | None = None) -> list[AmbassadorRow]:
    """Ambassadors ranked by the revenue their introductions brought (lifetime); ``ledger`` as for
    ``referrals.credit_by_referrer``."""
    with db.read() as session:
        latest = nps.latest_scores(session)
    rows = [
        AmbassadorRow(
            person_id=c.referrer_person_id, person=c.referrer_person, account_id=c.referrer_account_id,
            account=c.referrer_account, latest_score=latest[c.referrer_person_id][0],
            scored_on=latest[c.referrer_person_id][1], introductions=c.introductions, customers=c.customers,
            credited_first_year=c.credited_first_year, credited_lifetime=c.credited_lifetime,
        )
        for c in referrals.credit_by_referrer(db, ledger=ledger)
        if c.referrer_person_id in latest and nps.category(latest[c.referrer_person_id][0]) == "promoter"
    ]
    return rows  # credit_by_referrer is already ranked by lifetime revenue
