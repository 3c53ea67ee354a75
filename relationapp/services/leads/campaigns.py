"""What a lead source cost in a year: the ``campaign`` rows behind cost per lead.

A row with ``name`` "" is the whole source that year (the stand at every fair,
the search-engine budget); a named row is one campaign, matched to the
accounts whose ``source_detail`` carries that name (trimmed, case-insensitive)
in the sources report. Setting the cost of a (source, year, name) that
exists replaces it; a cost of 0 is a real cost ("it was free").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import sqlalchemy as sa

from relationapp.data.db import Database
from relationapp.data.models import Campaign, LeadSource
from relationapp.errors import NotFound
from relationapp.services.common import validation
from relationapp.services.leads.sources_report import check_year
from relationapp.text.catalogue import _


@dataclass(frozen=True)
class CampaignRow:
    id: int
    source_id: int
    source_name: str
    year: int
    name: str  # "" = the whole source that year
    cost: Decimal


def _row(campaign: Campaign, source_name: str) -> CampaignRow:
    return CampaignRow(id=campaign.id, source_id=campaign.source_id, source_name=source_name, year=campaign.year,
                       name=campaign.name, cost=campaign.cost)


def set_campaign_cost(db: Database, *, source_id: int, year, name: str | None = "", cost,
                      today: dt.date | None = None) -> CampaignRow:
    """Enter (or replace) what ``source_id`` cost in ``year``, for the whole source (``name`` "") or one campaign.

    The year runs from 1900 to next year (a fair booked ahead); the cost is an amount of at least 0.
    """
    today = today or dt.date.today()
    year = check_year(year, today=today, latest=today.year + 1)
    name = validation.text(name, field="name", label=_("Campaign"), max_length=500) or ""
    amount = validation.money(cost, field="cost", label=_("Cost"), required=True)
    source = validation.whole_number(source_id, field="source_id", label=_("Lead source"), minimum=1, required=True)
    with db.write() as session:
        lead_source = session.get(LeadSource, source)
        if lead_source is None:
            raise NotFound(_("Lead source #{id} does not exist.").format(id=source))
        campaign = session.execute(
            sa.select(Campaign).where(Campaign.source_id == source, Campaign.year == year, Campaign.name == name)
        ).scalar_one_or_none()
        if campaign is None:
            campaign = Campaign(source_id=source, year=year, name=name, cost=amount)
        else:
            campaign.cost = amount
        session.add(campaign)
        session.flush()
        return _row(campaign, lead_source.name)


def list_campaigns(db: Database, *, year: int | None = None) -> list[CampaignRow]:
    """Every campaign cost (of one year), by year (newest first), source and name."""
    query = (sa.select(Campaign, LeadSource.name).join(LeadSource, LeadSource.id == Campaign.source_id)
             .order_by(Campaign.year.desc(), LeadSource.name, Campaign.name))
    if year is not None:
        query = query.where(Campaign.year == validation.whole_number(year, field="year", label=_("Year")))
    with db.read() as session:
        return [_row(c, source_name) for c, source_name in session.execute(query)]


def remove_campaign(db: Database, *, campaign_id: int) -> None:
    with db.write() as session:
        campaign = session.get(Campaign, campaign_id)
        if campaign is None:
            raise NotFound(_("Campaign #{id} does not exist.").format(id=campaign_id))
        session.delete(campaign)
