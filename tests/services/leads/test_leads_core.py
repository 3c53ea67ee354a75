"""Leads are people: registered in one step, qualified with BANT, moved through stages with their history,
kept in a short focus list, never thrown away without a reason."""

import datetime as dt
from decimal import Decimal

import pytest

from relationapp.errors import ValidationError
from relationapp.services.common.settings import update_settings
from relationapp.services.customers.accounts import create_account, get_account, update_account
from relationapp.services.customers.people import create_person
from relationapp.services.customers.staff import create_staff, list_lead_sources
from relationapp.services.leads import focus, lead_list, qualification, stages
from relationapp.services.leads.lead_path import lead_path
from relationapp.services.leads.register import register_lead
from relationapp.services.touches.interactions import log_interaction
from relationapp.services.value.orders import create_order as add_order

DAY = dt.date(2026, 3, 2)


def _counts(db):
    import sqlalchemy as sa

    with db.read() as session:
        return tuple(session.execute(sa.text(f"SELECT COUNT(*) FROM {t}")).scalar()
                     for t in ("account", "person", "stage_change", "qualification", "lead_source"))


def test_a_lead_is_registered_with_its_source_colleague_and_need_in_one_step(db):
    tech = create_staff(db, name="Tom Kramer")
    lead = register_lead(db, person="Mila de Vries", organisation="Bakkerij Vos", email="mila@vos.nl",
                         new_source="Open dag 2026", source_detail="stand 4", brought_in_by_id=tech.id,
                         need="Een tweede oven voor de drukke ochtenden", today=DAY)
    account = get_account(db, account_id=lead.account_id)
    assert (account.name, account.kind, account.stage, account.source, account.source_detail,
            account.brought_in_by_id) == ("Bakkerij Vos", "organisation", "prospect", "Open dag 2026", "stand 4", tech.id)
    assert lead.person == "Mila de Vries"
    assert qualification.get_bant(db, account_id=lead.account_id, today=DAY).need.startswith("Een tweede oven")
    assert [s.name for s in list_lead_sources(db)] == ["Open dag 2026"]
    again = register_lead(db, organisation="Kwekerij Smit", new_source="open dag 2026", today=DAY)
    assert again.source_id == lead.source_id  # the same source, not a second one spelled differently


def test_a_lead_with_only_a_name_is_a_private_account(db):
    lead = register_lead(db, person="Jan Vos", email="jan@example.nl", today=DAY)
    account = get_account(db, account_id=lead.account_id)
    assert (account.name, account.kind, account.email) == ("Jan Vos", "private", "jan@example.nl")


@pytest.mark.parametrize("fields, field", [
    ({}, "person"),
    ({"person": "  ", "organisation": ""}, "person"),
    ({"person": "Jan", "email": "not an address"}, "email"),
    ({"person": "Jan", "brought_in_by_id": 999}, "brought_in_by_id"),
    ({"person": "Jan", "stage": "customer"}, "stage"),
])
def test_a_bad_lead_is_refused_with_the_field_and_nothing_is_written(db, fields, field):
    before = _counts(db)
    with pytest.raises(ValidationError) as refused:
        register_lead(db, today=DAY, **fields)
    assert refused.value.field == field
    assert _counts(db) == before


def test_every_stage_change_is_recorded_with_who_when_why_and_the_days_in_each_stage(db):
    anne = create_staff(db, name="Anne")
    lead = register_lead(db, organisation="Kok Zorggroep", today=dt.date(2026, 1, 1))
    stages.change_stage(db, account_id=lead.account_id, to_stage="mql", reason="Webinar gevolgd", staff_id=anne.id,
                        today=dt.date(2026, 1, 11))
    history = stages.change_stage(db, account_id=lead.account_id, to_stage="sql", reason="Offerte gevraagd",
                                  today=dt.date(2026, 2, 10))
    assert [(s.stage, s.since, s.until, s.by, s.reason) for s in history] == [
        ("prospect", dt.date(2026, 1, 1), dt.date(2026, 1, 11), None, "Registered as a lead"),
        ("mql", dt.date(2026, 1, 11), dt.date(2026, 2, 10), "Anne", "Webinar gevolgd"),
        ("sql", dt.date(2026, 2, 10), None, None, "Offerte gevraagd"),
    ]
    spent = stages.time_in_stages(stages.stage_history(db, account_id=lead.account_id, today=dt.date(2026, 3, 2)))
    assert spent == {"prospect": 10, "mql": 30, "sql": 20}


def test_a_lead_is_closed_only_with_a_reason_and_stays_a_closed_lead(db):
    lead = register_lead(db, organisation="Fietsenwinkel De Ring", today=DAY)
    with pytest.raises(ValidationError, match="Say why"):
        stages.change_stage(db, account_id=lead.account_id, to_stage="inactive", today=DAY)
    with pytest.raises(ValidationError, match="Say why"):
        update_account(db, account_id=lead.account_id, stage="inactive", today=DAY)  # the account dialog too
    assert get_account(db, account_id=lead.account_id).stage == "prospect"
    stages.close_lead(db, account_id=lead.account_id, reason="Gekozen voor een concurrent", today=DAY)
    closed = lead_list.list_leads(db, include_closed=True)
    assert [(r.account, r.stage, r.closed_reason) for r in closed] == [
        ("Fietsenwinkel De Ring", "inactive", "Gekozen voor een concurrent")]
    assert lead_list.list_leads(db) == []


def test_a_former_customer_goes_inactive_without_a_reason(db):
    account = create_account(db, name="Oude Klant", stage="customer", today=DAY)
    stages.change_stage(db, account_id=account.id, to_stage="inactive", today=DAY)
    assert get_account(db, account_id=account.id).stage == "inactive"
    assert lead_list.list_leads(db, include_closed=True) == []  # not a closed lead


def _lead_with_decider(db):
    lead = register_lead(db, organisation="Sanders Hotel", today=DAY)
    boss = create_person(db, name="Els Sanders", account_id=lead.account_id, dmu_role="decision_maker")
    user = create_person(db, name="Piet", account_id=lead.account_id, dmu_role="user")
    return lead, boss, user


def test_bant_scores_each_letter_from_what_it_rests_on(db):
    lead, boss, user = _lead_with_decider(db)
    bant = qualification.qualify(db, account_id=lead.account_id, budget="1,500.00", authority_person_id=user.id,
                                 today=DAY).bant
    assert (bant.budget_amount, bant.budget_met, bant.authority_met, bant.need_met, bant.timeline_met, bant.score) == (
        Decimal("1500.00"), True, False, False, False, 1)  # a user is no authority
    bant = qualification.qualify(db, account_id=lead.account_id, authority_person_id=boss.id,
                                 timeline_on=dt.date(2026, 6, 1), today=DAY).bant
    assert (bant.authority_person, bant.authority_met, bant.timeline_met, bant.score, bant.sales_ready) == (
        "Els Sanders", True, True, 3, False)  # no need yet: never sales-ready without one
    assert bant.budget_amount == Decimal("1500.00")  # letters not given stay as they were


def test_the_firms_rule_moves_a_lead_to_sql_and_a_need_alone_to_mql(db):
    lead, boss, _user = _lead_with_decider(db)
    done = qualification.qualify(db, account_id=lead.account_id, need="Nieuwe keuken", today=DAY)
    assert (done.bant.score, done.moved_to) == (1, "mql")
    done = qualification.qualify(db, account_id=lead.account_id, authority_person_id=boss.id, today=DAY)
    assert (done.bant.score, done.moved_to) == (2, None)
    done = qualification.qualify(db, account_id=lead.account_id, budget=Decimal("20000"), today=DAY)
    assert (done.bant.score, done.bant.sales_ready, done.moved_to) == (3, True, "sql")
    assert stages.stage_history(db, account_id=lead.account_id, today=DAY)[-1].reason == "BANT 3 of 4"


def test_a_stricter_rule_needs_all_four(db):
    update_settings(db, sql_bant_score=4)
    lead, boss, _user = _lead_with_decider(db)
    done = qualification.qualify(db, account_id=lead.account_id, need="x", budget="10", authority_person_id=boss.id,
                                 today=DAY)
    assert (done.bant.score, done.bant.sales_ready, done.moved_to) == (3, False, "mql")
    assert "4 of the four" in qualification.rule_text(4)


@pytest.mark.parametrize("fields, field", [
    ({"timeline_on": dt.date(2026, 3, 1)}, "timeline"),  # the day before today
    ({"budget": "lots"}, "budget"),
    ({"authority_person_id": 999}, "authority"),
])
def test_bad_bant_input_is_refused_and_nothing_changes(db, fields, field):
    lead, _boss, _user = _lead_with_decider(db)
    with pytest.raises(ValidationError) as refused:
        qualification.qualify(db, account_id=lead.account_id, today=DAY, **fields)
    assert refused.value.field == field
    assert qualification.get_bant(db, account_id=lead.account_id, today=DAY).updated_on is None


def test_authority_must_be_a_person_of_the_account(db):
    lead, _boss, _user = _lead_with_decider(db)
    other = register_lead(db, person="Ander Mens", organisation="Ander Bedrijf", today=DAY)
    with pytest.raises(ValidationError, match="choose a person of Sanders Hotel"):
        qualification.qualify(db, account_id=lead.account_id, authority_person_id=other.person_id, today=DAY)


def test_not_ready_now_goes_back_to_nurturing_with_its_reason(db):
    lead, _boss, _user = _lead_with_decider(db)
    focus.set_focus(db, account_id=lead.account_id)
    qualification.not_ready(db, account_id=lead.account_id, reason="Budget pas volgend jaar", today=DAY)
    bant = qualification.get_bant(db, account_id=lead.account_id, today=DAY)
    assert (bant.stage, bant.not_ready_reason) == ("mql", "Budget pas volgend jaar")
    assert focus.focus_list(db) == []  # its place goes to a lead that is ready


def test_the_focus_list_holds_at_most_the_limit_per_manager(db):
    update_settings(db, focus_limit=2)
    anne, bas = create_staff(db, name="Anne"), create_staff(db, name="Bas")
    leads = [register_lead(db, organisation=f"Lead {i}", owner_id=anne.id, today=DAY) for i in range(3)]
    other = register_lead(db, organisation="Lead van Bas", owner_id=bas.id, today=DAY)
    focus.set_focus(db, account_id=leads[0].account_id)
    focus.set_focus(db, account_id=leads[1].account_id)
    with pytest.raises(ValidationError, match="Anne already has 2 leads in focus"):
        focus.set_focus(db, account_id=leads[2].account_id)
    focus.set_focus(db, account_id=other.account_id)  # Bas's own list
    focus.set_focus(db, account_id=leads[0].account_id, in_focus=False)
    assert [f.account for f in focus.set_focus(db, account_id=leads[2].account_id)] == ["Lead 1", "Lead 2"]
    assert len(focus.focus_list(db, everyone=True)) == 3


def test_a_customer_leaves_the_focus_list_and_gets_its_first_orders_day(db):
    lead = register_lead(db, organisation="Kwekerij Smit", today=DAY)
    focus.set_focus(db, account_id=lead.account_id)
    add_order(db, account_id=lead.account_id, ordered_on=dt.date(2026, 2, 20), amount="100")
    stages.change_stage(db, account_id=lead.account_id, to_stage="customer", today=DAY)
    assert focus.focus_list(db) == []
    assert get_account(db, account_id=lead.account_id).customer_since == dt.date(2026, 2, 20)
    with pytest.raises(ValidationError, match="Only a lead"):
        focus.set_focus(db, account_id=lead.account_id)


def test_the_lead_path_shows_every_touch_up_to_the_first_order(db):
    lead = register_lead(db, organisation="Vakhandel Bos", today=dt.date(2023, 1, 5))
    for day, kind, subject in ((dt.date(2023, 1, 10), "visit", "Bezoek monteur"),
                               (dt.date(2024, 5, 1), "email", "Nieuwsbrief"),
                               (dt.date(2025, 9, 1), "call", "Offerte besproken"),
                               (dt.date(2025, 12, 1), "call", "Na de eerste order")):
        log_interaction(db, account_id=lead.account_id, kind=kind, occurred_on=day, subject=subject)
    add_order(db, account_id=lead.account_id, ordered_on=dt.date(2025, 9, 15), amount="5000")
    path = lead_path(db, account_id=lead.account_id)
    assert path.first_order_on == dt.date(2025, 9, 15)
    assert [(t.subject, t.role) for t in path.touches] == [
        ("Bezoek monteur", "first"), ("Nieuwsbrief", "along"), ("Offerte besproken", "converting")]
