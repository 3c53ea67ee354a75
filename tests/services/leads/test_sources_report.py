"""The sources report on a hand-built firm whose figures are worked out here by hand."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from relationapp.data.models import Account, Campaign, LeadSource, Order, Staff, StageChange
from relationapp.errors import NotFound, ValidationError
from relationapp.services.leads.campaigns import list_campaigns, remove_campaign, set_campaign_cost
from relationapp.services.leads.sources_report import sources_report, years_available

TODAY = dt.date(2026, 6, 30)
D = dt.date


def build_firm(db) -> dict[str, int]:
    """Leads of 2025 (A1-A6) and two accounts that are not (A7 of 2024, A8 an imported customer).

    Fair: A1 (Piet; prospect 1 Feb > mql > customer; orders 11 Apr 2025 1000, 10 Apr 2026 500 = still
    in the first 12 months, 11 Apr 2026 200 = lifetime only, 1 Jul 2026 50 = after today),
    A2 (nobody; suspect > prospect, no orders), A3 (Anna; mql 1 Jun > customer; order 21 Jun 300).
    Google: A4 (Piet; prospect > sql > prospect, no orders), A5 (nobody; prospect 1 Sep > customer;
    order 1 Dec 2000). No source: A6 (Piet; no stage change, created 5 Nov 2025, customer; order 15 Nov 100).
    Webinar: no leads, a cost. Costs 2025: Fair whole 1000 + "Vakbeurs Gent" 500, Webinar 300; Fair 2024 999.
    """
    with db.write() as s:
        fair = LeadSource(name="Vakbeurs Installatie", kind="trade_fair")
        google = LeadSource(name="Google", kind="search_engine")
        webinar = LeadSource(name="Webinar warmtepompen", kind="webinar")
        piet, anna = Staff(name="Piet Monteur"), Staff(name="Anna Verkoop")
        s.add_all([fair, google, webinar, piet, anna])
        s.flush()

        def account(name, stage, source, staff, changes, orders=(), detail=None, **extra):
            a = Account(name=name, stage=stage, source_id=source.id if source else None, source_detail=detail,
                        brought_in_by_id=staff.id if staff else None, **extra)
            s.add(a)
            s.flush()
            previous = None
            for day, stage_to in changes:
                s.add(StageChange(account_id=a.id, from_stage=previous, to_stage=stage_to, changed_on=day))
                previous = stage_to
            for day, amount in orders:
                s.add(Order(account_id=a.id, ordered_on=day, amount=Decimal(amount)))
            return a.id

        ids = {
            "A1": account("Bakkerij Jansen", "customer", fair, piet,
                          [(D(2025, 2, 1), "prospect"), (D(2025, 3, 1), "mql"), (D(2025, 4, 1), "customer")],
                          [(D(2025, 4, 11), "1000.00"), (D(2026, 4, 10), "500.00"), (D(2026, 4, 11), "200.00"),
                           (D(2026, 7, 1), "50.00")], detail="Vakbeurs Gent"),
            "A2": account("Garage Smit", "prospect", fair, None,
                          [(D(2025, 5, 10), "suspect"), (D(2025, 6, 1), "prospect")], detail=" vakbeurs GENT "),
            "A3": account("Hotel Vos", "customer", fair, anna,
                          [(D(2025, 6, 1), "mql"), (D(2025, 7, 1), "customer")], [(D(2025, 6, 21), "300.00")],
                          detail="Vakbeurs Utrecht"),
            "A4": account("Drukkerij de Boer", "prospect", google, piet,
                          [(D(2025, 1, 15), "prospect"), (D(2025, 2, 1), "sql"), (D(2025, 8, 1), "prospect")]),
            "A5": account("Kapsalon Yilmaz", "customer", google, None,
                          [(D(2025, 9, 1), "prospect"), (D(2025, 10, 1), "customer")], [(D(2025, 12, 1), "2000.00")]),
            "A6": account("Fam. de Vries", "customer", None, piet, [], [(D(2025, 11, 15), "100.00")],
                          created_at=dt.datetime(2025, 11, 5, 10, 30)),
            "A7": account("Vorig Jaar BV", "customer", fair, piet,
                          [(D(2024, 12, 31), "prospect"), (D(2025, 1, 10), "customer")], [(D(2025, 2, 1), "4000.00")]),
            "A8": account("Oude Klant NV", "customer", fair, anna, [(D(2025, 3, 1), "customer")],
                          [(D(2025, 3, 5), "5000.00")], customer_since=D(2019, 1, 1)),
        }
        s.add_all([
            Campaign(source_id=fair.id, year=2025, name="", cost=Decimal("1000.00")),
            Campaign(source_id=fair.id, year=2025, name="Vakbeurs Gent", cost=Decimal("500.00")),
            Campaign(source_id=webinar.id, year=2025, name="", cost=Decimal("300.00")),
            Campaign(source_id=fair.id, year=2024, name="", cost=Decimal("999.00")),
        ])
        ids.update(fair=fair.id, google=google.id, webinar=webinar.id, piet=piet.id, anna=anna.id)
    return ids


@pytest.fixture
def firm(db):
    return build_firm(db)


def _by_id(rows):
    return {r.id: r for r in rows}


def test_leads_per_source_with_shares_revenue_value_and_cost(db, firm):
    report = sources_report(db, year=2025, today=TODAY)
    assert report.year == 2025 and report.complete
    sources = _by_id(report.sources)
    assert [r.id for r in report.sources] == [firm["fair"], firm["google"], firm["webinar"], None]

    fair = sources[firm["fair"]]  # A1, A2, A3; A7 (2024) and A8 (imported customer) are not leads
    assert (fair.name, fair.kind, fair.leads, fair.qualified, fair.customers) == ("Vakbeurs Installatie", "trade_fair", 3, 2, 2)
    assert fair.qualified_share == pytest.approx(2 / 3) and fair.customer_share == pytest.approx(2 / 3)
    assert fair.revenue_12m == Decimal("1800.00")  # 1000 + 500 (A1, within 12 months) + 300 (A3)
    assert fair.revenue_lifetime == Decimal("2000.00")  # + 200 after 12 months; the order after today not at all
    assert fair.value_per_lead == Decimal("666.67")
    assert fair.cost == Decimal("1500.00") and fair.cost_per_lead == Decimal("500.00")  # the 2024 cost is left out
    assert fair.median_days_to_first_order == 44.5  # 69 days (A1: 1 Feb > 11 Apr) and 20 (A3)

    google = sources[firm["google"]]
    assert (google.leads, google.qualified, google.customers) == (2, 2, 1)  # A4 was sql once: qualified
    assert google.qualified_share == 1.0 and google.customer_share == 0.5
    assert google.revenue_12m == google.revenue_lifetime == Decimal("2000.00")
    assert google.value_per_lead == Decimal("1000.00")
    assert google.cost is None and google.cost_per_lead is None  # no cost entered
    assert google.median_days_to_first_order == 91

    webinar = sources[firm["webinar"]]  # cost money, brought nobody
    assert webinar.leads == 0 and webinar.cost == Decimal("300.00") and webinar.cost_per_lead is None
    assert webinar.qualified_share is None and webinar.value_per_lead is None and webinar.median_days_to_first_order is None

    unknown = sources[None]  # A6: registered by created_at (no stage change), current stage customer
    assert (unknown.name, unknown.leads, unknown.qualified, unknown.customers) == (None, 1, 1, 1)
    assert unknown.revenue_lifetime == Decimal("100.00") and unknown.median_days_to_first_order == 10


def test_colleagues_and_total(db, firm):
    report = sources_report(db, year=2025, today=TODAY)
    staff = _by_id(report.colleagues)
    assert [r.id for r in report.colleagues] == [firm["piet"], firm["anna"], None]  # by revenue; "nobody named" last
    piet = staff[firm["piet"]]  # A1, A4, A6
    assert (piet.name, piet.leads, piet.qualified, piet.customers) == ("Piet Monteur", 3, 3, 2)
    assert piet.revenue_12m == Decimal("1600.00") and piet.revenue_lifetime == Decimal("1800.00")
    assert piet.value_per_lead == Decimal("600.00") and piet.cost is None
    assert piet.median_days_to_first_order == 39.5  # 69 and 10
    anna = staff[firm["anna"]]  # A3 (A8 is an imported customer)
    assert (anna.leads, anna.customers, anna.revenue_lifetime, anna.median_days_to_first_order) == (1, 1, Decimal("300.00"), 20)
    nobody = staff[None]  # A2, A5
    assert (nobody.leads, nobody.qualified, nobody.customers, nobody.revenue_lifetime) == (2, 1, 1, Decimal("2000.00"))

    total = report.total
    assert (total.leads, total.qualified, total.customers) == (6, 5, 4)
    assert total.revenue_12m == Decimal("3900.00") and total.revenue_lifetime == Decimal("4100.00")
    assert total.value_per_lead == Decimal("683.33")
    assert total.cost == Decimal("1800.00")
    assert total.cost_per_lead == Decimal("600.00")  # 1800 over the 3 leads of the sources with a cost
    assert total.median_days_to_first_order == 44.5  # 10, 20, 69, 91


def test_named_campaign_matches_source_detail(db, firm):
    report = sources_report(db, year=2025, today=TODAY)
    [gent] = report.campaigns
    assert (gent.name, gent.source_id, gent.source_name) == ("Vakbeurs Gent", firm["fair"], "Vakbeurs Installatie")
    assert (gent.leads, gent.customers) == (2, 1)  # A1 and " vakbeurs GENT " (A2)
    assert gent.revenue_lifetime == Decimal("1700.00") and gent.value_per_lead == Decimal("850.00")
    assert gent.cost == Decimal("500.00") and gent.cost_per_lead == Decimal("250.00")


def test_other_year_and_years_available(db, firm):
    earlier = sources_report(db, year=2024, today=TODAY)
    assert earlier.total.leads == 1 and earlier.sources[0].id == firm["fair"]  # A7 only
    assert earlier.sources[0].cost == Decimal("999.00") and earlier.sources[0].cost_per_lead == Decimal("999.00")
    assert earlier.sources[0].revenue_lifetime == Decimal("4000.00")
    assert years_available(db) == (2025, 2024)
    this_year = sources_report(db, year=2026, today=TODAY)
    assert not this_year.complete and this_year.total.leads == 0 and this_year.total.value_per_lead is None


def test_empty_database(db):
    report = sources_report(db, year=2025, today=TODAY)
    assert report.sources == () and report.colleagues == () and report.campaigns == ()
    assert report.total.leads == 0 and report.total.cost is None and report.total.median_days_to_first_order is None
    assert years_available(db) == ()


@pytest.mark.parametrize("year", ["abc", 1899, 2027, None, "2025.5"])
def test_bad_year_is_refused(db, year):
    with pytest.raises(ValidationError):
        sources_report(db, year=year, today=TODAY)


def test_campaign_costs_set_replace_list_remove(db, firm):
    row = set_campaign_cost(db, source_id=firm["google"], year=2025, cost="250.50", today=TODAY)
    assert (row.source_name, row.year, row.name, row.cost) == ("Google", 2025, "", Decimal("250.50"))
    again = set_campaign_cost(db, source_id=firm["google"], year="2025", cost=Decimal("300"), today=TODAY)
    assert again.id == row.id and again.cost == Decimal("300.00")  # replaced, not added
    named = set_campaign_cost(db, source_id=firm["google"], year=2027, name="  Voorjaar  ", cost=0, today=TODAY)
    assert named.name == "Voorjaar" and named.cost == Decimal("0.00")
    assert [(c.year, c.source_name, c.name) for c in list_campaigns(db, year=2025)] == [
        (2025, "Google", ""), (2025, "Vakbeurs Installatie", ""), (2025, "Vakbeurs Installatie", "Vakbeurs Gent"),
        (2025, "Webinar warmtepompen", "")]
    assert list_campaigns(db)[0].year == 2027
    google = _by_id(sources_report(db, year=2025, today=TODAY).sources)[firm["google"]]
    assert google.cost == Decimal("300.00") and google.cost_per_lead == Decimal("150.00")
    remove_campaign(db, campaign_id=row.id)
    assert _by_id(sources_report(db, year=2025, today=TODAY).sources)[firm["google"]].cost is None
    with pytest.raises(NotFound):
        remove_campaign(db, campaign_id=row.id)


@pytest.mark.parametrize("changes", [
    dict(cost="-1"), dict(cost="abc"), dict(cost=None), dict(year=2028), dict(year="twee"), dict(source_id=999),
    dict(name="x" * 501),
])
def test_bad_campaign_cost_is_refused(db, firm, changes):
    values = dict(source_id=firm["fair"], year=2025, name="", cost="10", today=TODAY) | changes
    with pytest.raises((ValidationError, NotFound)):
        set_campaign_cost(db, **values)
    assert len(list_campaigns(db)) == 4


def test_first_twelve_months_from_29_february_and_a_credit_note(db):
    with db.write() as s:
        source = LeadSource(name="LinkedIn", kind="social_media")
        s.add(source)
        s.flush()
        a = Account(name="Schrikkel BV", stage="customer", source_id=source.id)
        s.add(a)
        s.flush()
        s.add_all([StageChange(account_id=a.id, from_stage=None, to_stage="customer", changed_on=D(2024, 3, 10)),
                   Order(account_id=a.id, ordered_on=D(2024, 2, 29), amount=Decimal("100.00")),  # before registration
                   Order(account_id=a.id, ordered_on=D(2025, 2, 28), amount=Decimal("10.00")),
                   Order(account_id=a.id, ordered_on=D(2025, 2, 28), amount=Decimal("-5.00")),  # a credit note
                   Order(account_id=a.id, ordered_on=D(2025, 3, 1), amount=Decimal("1.00"))])
    [row] = sources_report(db, year=2024, today=TODAY).sources
    assert row.leads == 1 and row.customers == 1  # registered as customer, but no customer_since before: a lead
    assert row.revenue_12m == Decimal("105.00") and row.revenue_lifetime == Decimal("106.00")
    assert row.median_days_to_first_order == 0  # the first order came before registration
