"""The demo firm's leads, as a story over three years: where do our good customers come from?

The technicians (Tom Kramer on site) bring few leads but valuable ones; the
trade fair brings many of little value, and costs a stand every year. Leads
move along suspect, prospect, MQL and SQL with a reason at each step, the
hottest are in their managers' focus, the others are nurtured with content,
and a few are closed with a reason. Drawn with its own random generator
after the rest of the firm, so the firm itself (orders, tiers, Today) stays
exactly as it was.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

import sqlalchemy as sa

from relationapp.data import models as m

CONTENT = (
    ("Zo kies je een warmtepomp die past", "article", "https://www.hoekstra-klimaat.nl/kennis/warmtepomp-kiezen"),
    ("Webinar: verduurzamen zonder gedoe (opname)", "webinar", "https://www.hoekstra-klimaat.nl/webinars/verduurzamen"),
    ("Praktijkcase: Sanders Hotel bespaart 38 % op gas", "case_study", "https://www.hoekstra-klimaat.nl/cases/sanders"),
    ("Whitepaper: subsidies voor bedrijfspanden 2026", "whitepaper", "https://www.hoekstra-klimaat.nl/whitepapers/subsidie"),
    ("Video: een dag met onze monteur", "video", "https://www.hoekstra-klimaat.nl/video/monteur"),
)
TRACK = ("Oriëntatie verduurzamen", "Voor leads die nog niet klaar zijn: elke maand iets nuttigs, nooit een verkooppraatje.")
STEP_WAITS = (0, 30, 30, 45, 60)
# what a source cost per year (the fair's stand, the webinars, search ads)
COSTS = {"trade_fair": Decimal("6500.00"), "webinar": Decimal("900.00"), "search_engine": Decimal("3600.00")}
CLOSE_REASONS = ("Gekozen voor een concurrent", "Geen budget en geen plannen", "Pand verkocht")
NOT_NOW = ("Budget pas volgend jaar", "Eerst de verbouwing afronden", "Wacht op de subsidieregeling")
NEEDS = ("Warmtepomp voor het kantoor", "Ventilatie in de werkplaats", "Onderhoudscontract voor drie panden",
         "Koeling voor de serverruimte", "Van het gas af in 2027")


def tell(session, *, accounts: list[m.Account], people: dict[int, list[m.Person]], staff: list[m.Staff],
         sources: list[m.LeadSource], today: dt.date, seed: int) -> None:
    rng = random.Random(seed * 7 + 3)
    by_kind = {s.kind: s for s in sources}
    technician = staff[-1]  # Tom Kramer: the service technician
    revenue = dict(session.execute(sa.select(m.Order.account_id, sa.func.sum(m.Order.amount))
                                   .group_by(m.Order.account_id)).all())
    _sources_by_value(accounts, revenue, by_kind, technician, staff, rng)
    _stage_paths(session, accounts, today, rng)
    _qualify_and_focus(session, accounts, people, staff, today, rng)
    _nurture(session, accounts, people, today, rng)
    for kind, cost in COSTS.items():
        for year in range(today.year - 2, today.year + 1):
            session.add(m.Campaign(source_id=by_kind[kind].id, year=year, name="", cost=cost))
    session.flush()


def _sources_by_value(accounts, revenue, by_kind, technician, staff, rng) -> None:
    """The best customers mostly came through the technicians, the smallest through the fair."""
    ranked = sorted((a for a in accounts if a.stage in ("customer", "inactive") and a.source_id != by_kind["referral"].id),
                    key=lambda a: -(revenue.get(a.id) or 0))
    top = len(ranked) // 8
    for i, account in enumerate(ranked):
        if i < top and rng.random() < 0.7:
            account.source_id, account.brought_in_by_id = by_kind["colleague"].id, technician.id
        elif i >= len(ranked) // 2 and rng.random() < 0.5:
            account.source_id = by_kind["trade_fair"].id
            account.source_detail = "Vakbeurs Installatie " + str(account.customer_since.year if account.customer_since
                                                                  else 2025)
            account.brought_in_by_id = rng.choice(staff[:3]).id
        elif account.source_id == by_kind["colleague"].id:
            account.source_id = by_kind[rng.choice(("website", "search_engine", "webinar"))].id
    for account in accounts:  # today's leads: many from the fair, a few from the technicians
        if account.stage in ("suspect", "prospect", "mql", "sql"):
            kind = rng.choices(("trade_fair", "colleague", "webinar", "search_engine", "social_media"),
                               weights=(8, 1, 2, 2, 2))[0]
            account.source_id = by_kind[kind].id
            account.brought_in_by_id = technician.id if kind == "colleague" else rng.choice(staff[:3]).id
            if kind == "trade_fair":
                account.source_detail = f"Vakbeurs Installatie {rng.choice((2024, 2025, 2026))}"


def _stage_paths(session, accounts, today, rng) -> None:
    """Customers won in the last three years were leads first; today's MQLs and SQLs got there step by step."""
    first = {c.account_id: c for c in session.execute(sa.select(m.StageChange)).scalars()}
    horizon = today - dt.timedelta(days=3 * 365)
    for account in accounts:
        change = first.get(account.id)
        if change is None:
            continue
        if account.stage == "customer" and account.customer_since and account.customer_since >= horizon:
            registered = account.customer_since - dt.timedelta(days=rng.randint(20, 240))
            change.to_stage, change.changed_on, change.reason = "prospect", registered, "Als lead vastgelegd"
            session.add(m.StageChange(account_id=account.id, from_stage="prospect", to_stage="customer",
                                      changed_on=account.customer_since, reason="Eerste order"))
        elif account.stage in ("mql", "sql"):
            registered = today - dt.timedelta(days=rng.randint(120, 900))
            change.to_stage, change.changed_on, change.reason = "prospect", registered, "Als lead vastgelegd"
            mql_on = registered + dt.timedelta(days=rng.randint(10, 60))
            session.add(m.StageChange(account_id=account.id, from_stage="prospect", to_stage="mql", changed_on=mql_on,
                                      reason="Webinar gevolgd en whitepaper gedownload"))
            if account.stage == "sql":
                session.add(m.StageChange(account_id=account.id, from_stage="mql", to_stage="sql",
                                          changed_on=min(today, mql_on + dt.timedelta(days=rng.randint(20, 120))),
                                          reason="BANT 3 van 4"))
        elif account.stage == "inactive" and account.customer_since is None:
            change.reason = rng.choice(CLOSE_REASONS)


def _qualify_and_focus(session, accounts, people, staff, today, rng) -> None:
    held = {s.id: 0 for s in staff}
    for account in sorted(accounts, key=lambda a: ("sql", "mql", "prospect").index(a.stage)
                          if a.stage in ("sql", "mql", "prospect") else 9):
        if account.stage not in ("sql", "mql"):
            continue
        decider = next((p for p in people[account.id] if p.dmu_role == "decision_maker"), None)
        ready = account.stage == "sql"
        session.add(m.Qualification(
            account_id=account.id, need=True, need_text=rng.choice(NEEDS),
            budget=ready, budget_amount=Decimal(rng.choice((8000, 15000, 40000))) if ready else None,
            authority=decider is not None, authority_person_id=decider.id if decider else None,
            timeline=ready, timeline_on=today + dt.timedelta(days=rng.randint(30, 200)) if ready else None,
            not_ready_reason=None if ready else rng.choice(NOT_NOW), updated_on=today - dt.timedelta(days=rng.randint(1, 60))))
        if account.owner_id in held and held[account.owner_id] < 4:
            account.in_focus = True
            held[account.owner_id] += 1
            # real attention: a recent talk (some are due again by now)
            talk = m.Interaction(account_id=account.id, kind=rng.choice(("call", "visit", "meeting")),
                                 occurred_on=today - dt.timedelta(days=rng.randint(3, 40)), duration_minutes=45,
                                 staff_id=account.owner_id, subject="Offerte en planning besproken")
            session.add(talk)
            if decider is not None:
                session.flush()
                session.add(m.InteractionPerson(interaction_id=talk.id, person_id=decider.id))


def _nurture(session, accounts, people, today, rng) -> None:
    items = [m.ContentItem(title=t, kind=k, url=u, language="nl", topics="verduurzamen") for t, k, u in CONTENT]
    session.add_all(items)
    track = m.NurtureTrack(name=TRACK[0], description=TRACK[1])
    session.add(track)
    session.flush()
    for position, (item, wait) in enumerate(zip(items, STEP_WAITS), start=1):
        session.add(m.NurtureStep(track_id=track.id, position=position, content_item_id=item.id, wait_days=wait))
    for account in accounts:
        if account.stage not in ("prospect", "mql") or account.in_focus or rng.random() < 0.3:
            continue
        reachable = [p for p in people[account.id] if not p.do_not_contact]
        if not reachable:
            continue
        started = today - dt.timedelta(days=rng.randint(5, 150))
        sent = 0
        for position, wait in enumerate(STEP_WAITS, start=1):
            if started + dt.timedelta(days=sum(STEP_WAITS[:position])) > today - dt.timedelta(days=rng.randint(0, 20)):
                break
            sent = position
        for position in range(1, sent + 1):
            on = started + dt.timedelta(days=sum(STEP_WAITS[:position]))
            touch = m.Interaction(account_id=account.id, kind="content", occurred_on=on, duration_minutes=5,
                                  staff_id=account.owner_id, subject=items[position - 1].title,
                                  content_item_id=items[position - 1].id)
            session.add(touch)
            session.flush()
            for person in reachable[:1]:
                session.add(m.InteractionPerson(interaction_id=touch.id, person_id=person.id))
                session.add(m.ContentSent(person_id=person.id, content_item_id=items[position - 1].id, sent_on=on,
                                          interaction_id=touch.id))
        done = sent >= len(STEP_WAITS)
        next_due = None if done else started + dt.timedelta(days=sum(STEP_WAITS[:sent + 1]))
        session.add(m.NurtureEnrolment(track_id=track.id, account_id=account.id, started_on=started,
                                       next_position=sent + 1, next_due_on=next_due,
                                       stopped_on=today if done else None, stop_reason="ended" if done else None,
                                       reason=rng.choice(NOT_NOW)))
