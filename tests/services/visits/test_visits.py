import datetime as dt
from decimal import Decimal

import pytest

from relationapp.data.models import Order
from relationapp.errors import ValidationError
from relationapp.services.customers.accounts import create_account, update_account
from relationapp.services.customers.people import create_person
from relationapp.services.customers.staff import create_staff
from relationapp.services.touches.interactions import list_interactions, log_interaction
from relationapp.services.visits import visits
from relationapp.services.visits.visit_route import RoutePoint, route_order

TODAY = dt.date(2026, 11, 2)
DAY = dt.date(2026, 11, 10)


def _customer(db, name, *, revenue, region="Utrecht", city="Utrecht", postcode="3511 AB", owner=None, lat=None, lon=None, street="Oudegracht 1"):
    account = create_account(db, name=name, stage="customer", customer_since=dt.date(2020, 1, 1), region=region,
                             city=city, postcode=postcode, street=street, owner_id=owner, latitude=lat, longitude=lon)
    with db.write() as session:
        session.add(Order(account_id=account.id, ordered_on=dt.date(2026, 6, 1), amount=Decimal(revenue)))
    return account


@pytest.fixture
def firm(db):
    """Eleven paying customers: 1 Top (Anna), 1 Big (Bert), the rest Medium/Small."""
    anna_staff = create_staff(db, name="Anna Manager")
    bob_staff = create_staff(db, name="Bob Manager")
    accounts = {
        "top": _customer(db, "Top Utrecht", revenue="500000", owner=anna_staff.id),
        "big": _customer(db, "Big Amersfoort", revenue="90000", city="Amersfoort", postcode="3811 CD", owner=bob_staff.id),
        "zh": _customer(db, "Rotterdam Medium", revenue="20000", region="Zuid-Holland", city="Rotterdam", postcode="3011 AA"),
    }
    for i in range(8):
        accounts[f"small{i}"] = _customer(db, f"Small {i}", revenue=str(1000 + i), region="Groningen", city="Groningen", postcode="9711 AA")
    return {"accounts": accounts, "anna": anna_staff, "bob": bob_staff}


def _names(rows):
    return [r.name for r in rows]


def test_due_list_per_region_sorted_by_value_at_stake(db, firm):
    acc = firm["accounts"]
    # Top visited 100 days ago (cadence 90: 10 days late); Big 400 days ago (cadence 180: very late)
    log_interaction(db, account_id=acc["top"].id, kind="visit", occurred_on=TODAY - dt.timedelta(days=100))
    log_interaction(db, account_id=acc["big"].id, kind="meeting", occurred_on=TODAY - dt.timedelta(days=400))
    due = visits.due_for_visit(db, region="utrecht", today=TODAY)
    assert _names(due) == ["Top Utrecht", "Big Amersfoort"]  # 500000 x 1.11 > 90000 x 2.22
    top = due[0]
    assert top.tier == "top" and top.cadence_days == 90 and top.days_overdue == 10
    assert top.last_visit == TODAY - dt.timedelta(days=100)
    assert top.value_at_stake == Decimal("555555.56")
    assert _names(visits.due_for_visit(db, region="Zuid-Holland", today=TODAY)) == ["Rotterdam Medium"]
    assert _names(visits.due_for_visit(db, city="AMERSFOORT", today=TODAY)) == ["Big Amersfoort"]
    assert _names(visits.due_for_visit(db, postcode="38 11", today=TODAY)) == ["Big Amersfoort"]
    assert _names(visits.due_for_visit(db, owner_id=firm["anna"].id, today=TODAY)) == ["Top Utrecht"]
    assert visits.due_for_visit(db, region="Friesland", today=TODAY) == []


def test_only_visits_and_meetings_reset_the_visit_clock(db, firm):
    top = firm["accounts"]["top"]
    log_interaction(db, account_id=top.id, kind="visit", occurred_on=TODAY - dt.timedelta(days=200))
    log_interaction(db, account_id=top.id, kind="call", occurred_on=TODAY - dt.timedelta(days=2))
    assert "Top Utrecht" in _names(visits.due_for_visit(db, today=TODAY))
    # a visit logged on a person of the account (no account on the touch) counts too
    mia = create_person(db, name="Mia", account_id=top.id)
    other = create_person(db, name="Olaf", account_id=firm["accounts"]["zh"].id)
    touch = log_interaction(db, account_id=None, kind="visit", occurred_on=TODAY - dt.timedelta(days=5), person_ids=[mia.id, other.id])
    assert touch.account_id is None
    assert "Top Utrecht" not in _names(visits.due_for_visit(db, today=TODAY))
    # and due again within the horizon shows it in advance
    assert "Top Utrecht" in _names(visits.due_for_visit(db, horizon_days=90, today=TODAY))


def test_accounts_whose_people_all_refused_contact_are_not_proposed(db, firm):
    zh = firm["accounts"]["zh"]
    create_person(db, name="Nee Bellen", account_id=zh.id, do_not_contact=True)
    assert "Rotterdam Medium" not in _names(visits.due_for_visit(db, today=TODAY))
    create_person(db, name="Wel Bellen", account_id=zh.id)
    assert "Rotterdam Medium" in _names(visits.due_for_visit(db, today=TODAY))


def test_due_list_shows_the_next_planned_visit(db, firm):
    top = firm["accounts"]["top"]
    visits.add_stop(db, account_id=top.id, day=DAY)
    row = next(r for r in visits.due_for_visit(db, today=TODAY) if r.account_id == top.id)
    assert row.next_planned == DAY
    assert top.id not in [r.account_id for r in visits.due_for_visit(db, unplanned_only=True, today=TODAY)]


def test_route_order_on_hand_placed_coordinates():
    # a line of stops west to east, given shuffled; start in the west
    points = [
        RoutePoint(3, 52.0, 5.0, None, "C"),
        RoutePoint(1, 52.0, 4.0, None, "A"),
        RoutePoint(4, 52.0, 5.5, None, "D"),
        RoutePoint(2, 52.0, 4.5, None, "B"),
        RoutePoint(9, None, None, None, None),  # no address: last
        RoutePoint(7, None, None, "3512 XX", "B"),  # no coordinates: after B's stop
    ]
    assert route_order(points, start=(52.0, 3.9)) == [1, 2, 7, 3, 4, 9]
    # without a start point the first located stop begins the route
    assert route_order(points) == [3, 4, 2, 7, 1, 9]


def test_route_order_without_coordinates_groups_by_postcode_and_city():
    points = [
        RoutePoint(1, None, None, "9711 AA", "Groningen"),
        RoutePoint(2, None, None, "3511 AB", "Utrecht"),
        RoutePoint(3, None, None, None, None),
        RoutePoint(4, None, None, "9712 BB", "Groningen"),
        RoutePoint(5, None, None, "3512", "Utrecht"),
    ]
    assert route_order(points) == [2, 5, 1, 4, 3]


def test_plan_a_day_order_by_route_and_stops_without_address(db, firm):
    anna = firm["anna"].id
    west = _customer(db, "West", revenue="10", lat=52.0, lon=4.0, owner=anna)
    east = _customer(db, "East", revenue="10", lat=52.0, lon=5.5, owner=anna)
    middle = _customer(db, "Middle", revenue="10", lat=52.0, lon=4.7, owner=anna)
    nowhere = create_account(db, name="Nowhere", stage="customer", owner_id=anna)
    for account in (east, nowhere, west, middle):
        plan = visits.add_stop(db, account_id=account.id, day=DAY)
    assert [s.account for s in plan.stops] == ["East", "Nowhere", "West", "Middle"]
    # each new stop after the one before plus the estimated drive (30 minutes when a stop has no coordinates)
    assert [s.start_time for s in plan.stops] == [dt.time(9), dt.time(10, 30), dt.time(12), dt.time(14, 5)]
    assert plan.warnings == ()
    nowhere_stop = plan.stops[1]
    assert nowhere_stop.address == "" and nowhere_stop.map_url is None

    plan = visits.order_by_route(db, day=DAY, staff_id=anna, start_latitude=52.0, start_longitude=3.5)
    assert [s.account for s in plan.stops] == ["West", "Middle", "East", "Nowhere"]
    plan = visits.order_by_route(db, day=DAY, staff_id=anna)  # from the first stop
    assert [s.account for s in plan.stops][0] == "West"

    plan = visits.reorder_stops(db, day=DAY, visit_ids=[s.id for s in reversed(plan.stops)])
    assert [s.account for s in plan.stops] == ["Nowhere", "East", "Middle", "West"]
    plan = visits.remove_stop(db, visit_id=plan.stops[0].id)
    assert [s.account for s in plan.stops] == ["East", "Middle", "West"]


def test_overlapping_slots_warn_but_plan(db, firm):
    acc = firm["accounts"]
    visits.add_stop(db, account_id=acc["top"].id, day=DAY, start_time="10:00", duration_minutes=90, staff_id=firm["anna"].id)
    plan = visits.add_stop(db, account_id=acc["big"].id, day=DAY, start_time="11:00", staff_id=firm["anna"].id)
    assert len(plan.stops) == 2
    assert plan.warnings == ("Top Utrecht (10:00-11:30) overlaps Big Amersfoort (11:00-12:00).",)
    # the same hour for someone else is no overlap
    plan = visits.add_stop(db, account_id=acc["zh"].id, day=DAY, start_time="10:00", staff_id=firm["bob"].id)
    assert plan.warnings == ()
    plan = visits.update_stop(db, visit_id=visits.day_plan(db, day=DAY, staff_id=firm["anna"].id).stops[1].id, start_time="11:30")
    assert plan.warnings == ()


def test_bad_input_is_refused(db, firm):
    top = firm["accounts"]["top"]
    with pytest.raises(ValidationError, match="Latitude must lie between -90 and 90"):
        update_account(db, account_id=top.id, latitude=91)
    with pytest.raises(ValidationError, match="Start longitude must lie between -180 and 180"):
        visits.order_by_route(db, day=DAY, start_latitude=52, start_longitude=200)
    with pytest.raises(ValidationError, match="not a time"):
        visits.add_stop(db, account_id=top.id, day=DAY, start_time="25:99")
    with pytest.raises(ValidationError, match="Duration"):
        visits.add_stop(db, account_id=top.id, day=DAY, duration_minutes=0)
    visits.add_stop(db, account_id=top.id, day=DAY)
    with pytest.raises(ValidationError, match="already planned"):
        visits.add_stop(db, account_id=top.id, day=DAY)
    with pytest.raises(ValidationError, match="not planned on"):
        visits.reorder_stops(db, day=DAY + dt.timedelta(days=1), visit_ids=[visits.day_plan(db, day=DAY).stops[0].id])
    assert len(visits.day_plan(db, day=DAY).stops) == 1


def test_log_visit_prefills_the_interaction_and_leaves_other_stops_planned(db, firm):
    top, big = firm["accounts"]["top"], firm["accounts"]["big"]
    boss = create_person(db, name="Baas", account_id=top.id, dmu_role="decision_maker")
    create_person(db, name="Niet Storen", account_id=top.id, do_not_contact=True)
    day = dt.date.today()
    visits.add_stop(db, account_id=top.id, day=day, duration_minutes=75, staff_id=firm["anna"].id)
    plan = visits.add_stop(db, account_id=big.id, day=day, staff_id=firm["anna"].id)
    first, second = plan.stops

    prefill = visits.visit_prefill(db, visit_id=first.id)
    assert [p.name for p in prefill.people] == ["Baas"]
    logged = visits.log_visit(db, visit_id=first.id, notes="Spoke about the new wing.")
    assert logged.stop.status == "done" and logged.stop.interaction_id == logged.interaction.id
    touch = list_interactions(db, account_id=top.id)[0]
    assert (touch.kind, touch.occurred_on, touch.duration_minutes, touch.person_ids, touch.staff_id) == (
        "visit", day, 75, (boss.id,), firm["anna"].id)
    assert touch.notes == "Spoke about the new wing."
    assert [s.account for s in visits.planned_visits(db, on=day)] == ["Big Amersfoort"]
    assert visits.day_plan(db, day=day).stops[1].status == "planned"
    with pytest.raises(ValidationError, match="logged already"):
        visits.log_visit(db, visit_id=first.id)
    with pytest.raises(ValidationError, match="stays in the history"):
        visits.remove_stop(db, visit_id=first.id)
    assert top.id not in [r.account_id for r in visits.due_for_visit(db)]
    assert second.id in [s.id for s in visits.visits_for_account(db, account_id=big.id)]


def test_a_future_visit_cannot_be_logged_yet(db, firm):
    plan = visits.add_stop(db, account_id=firm["accounts"]["top"].id, day=dt.date.today() + dt.timedelta(days=5))
    with pytest.raises(ValidationError, match="future"):
        visits.log_visit(db, visit_id=plan.stops[0].id)
    assert visits.day_plan(db, day=plan.day).stops[0].status == "planned"
    assert list_interactions(db, account_id=firm["accounts"]["top"].id) == []


def test_visits_show_on_the_account(db, firm):
    top = firm["accounts"]["top"]
    visits.add_stop(db, account_id=top.id, day=DAY)
    visits.add_stop(db, account_id=top.id, day=DAY + dt.timedelta(days=30))
    assert [s.planned_on for s in visits.visits_for_account(db, account_id=top.id, today=TODAY)] == [DAY, DAY + dt.timedelta(days=30)]
    assert visits.visits_for_account(db, account_id=top.id, today=DAY + dt.timedelta(days=31)) == []


def test_map_links():
    assert visits.map_url(street="Oudegracht 1", postcode="3511 AB", city="Utrecht", country="Nederland") == (
        "https://www.openstreetmap.org/search?query=Oudegracht+1%2C+3511+AB+Utrecht%2C+Nederland")
    assert visits.map_url(city="Utrecht", latitude=52.0907, longitude=5.1214) == (
        "https://www.openstreetmap.org/?mlat=52.09070&mlon=5.12140#map=17/52.09070/5.12140")
    assert visits.map_url(street="A&B <straat>?x=1#") == "https://www.openstreetmap.org/search?query=A%26B+%3Cstraat%3E%3Fx%3D1%23"
    assert visits.map_url() is None


def test_due_list_on_the_demo_firm(demo_db):
    today = dt.date(2026, 11, 22)
    due = visits.due_for_visit(demo_db, today=today)
    assert due, "the demo firm has customers due for a visit"
    values = [d.value_at_stake for d in due]
    assert values == sorted(values, reverse=True)
    region = due[0].region
    assert all(d.region == region for d in visits.due_for_visit(demo_db, region=region, today=today))


def test_everyones_day_routes_each_person_separately(db, firm):
    anna, bob = firm["anna"].id, firm["bob"].id
    stops = {}
    for name, lon, staff in (("A far", 6.0, anna), ("A near", 4.1, anna), ("B far", 6.1, bob), ("B near", 4.2, bob)):
        account = _customer(db, name, revenue="10", lat=52.0, lon=lon)
        stops[name] = visits.add_stop(db, account_id=account.id, day=DAY, staff_id=staff)
    plan = visits.order_by_route(db, day=DAY, start_latitude=52.0, start_longitude=4.0)
    assert [(s.staff, s.account) for s in plan.stops] == [
        ("Anna Manager", "A near"), ("Anna Manager", "A far"), ("Bob Manager", "B near"), ("Bob Manager", "B far")]
    assert plan.warnings == ()  # Anna's 09:00 and Bob's 09:00 are different people
    assert visits.next_planned_day(db, from_day=TODAY) == DAY
    assert visits.next_planned_day(db, from_day=DAY + dt.timedelta(days=1)) is None


def _minutes(day, time):
    return dt.datetime.combine(day, time)


def test_order_by_route_recomputes_the_times_from_the_start_time_and_the_drives(db, firm):
    anna = firm["anna"].id
    # planned by hand in the wrong order: the far stop at 09:00, the near one at 11:00
    near = _customer(db, "Near", revenue="10", lat=52.0, lon=4.1, owner=anna)
    far = _customer(db, "Far", revenue="10", lat=52.0, lon=4.6, owner=anna)
    middle = _customer(db, "Middle", revenue="10", lat=52.0, lon=4.3, owner=anna)
    visits.add_stop(db, account_id=far.id, day=DAY, start_time="09:00", duration_minutes=45)
    visits.add_stop(db, account_id=near.id, day=DAY, start_time="11:00", duration_minutes=90)
    before = visits.add_stop(db, account_id=middle.id, day=DAY, start_time="10:00")

    plan = visits.order_by_route(db, day=DAY, staff_id=anna, start_time="08:15", start_latitude=52.0, start_longitude=4.0)
    assert [s.account for s in plan.stops] == ["Near", "Middle", "Far"]
    starts = [s.start_time for s in plan.stops]
    assert starts == sorted(starts) and len(set(starts)) == 3  # never 11:00 before 10:00
    # the first after the drive from the starting point, each next after the one before and the drive
    legs = [leg.minutes for leg in plan.travel[1:]]
    assert all(leg > 0 for leg in legs)
    assert starts[0] > dt.time(8, 15)
    for (a, b), leg in zip(zip(plan.stops, plan.stops[1:]), legs):
        assert (_minutes(DAY, b.start_time) - _minutes(DAY, a.end_time)).total_seconds() == leg * 60
    assert [s.start_time for s in visits.day_plan(db, day=DAY, staff_id=anna).stops] == starts  # saved
    assert plan.warnings == ()

    # without a start time: 09:00 at the first stop
    assert visits.order_by_route(db, day=DAY, staff_id=anna).stops[0].start_time == dt.time(9)
    # taken back: the order and the times before
    undone = visits.reorder_stops(db, day=DAY, staff_id=anna, visit_ids=[s.id for s in before.stops],
                                  start_times=[s.start_time for s in before.stops])
    assert [(s.account, s.start_time) for s in undone.stops] == [(s.account, s.start_time) for s in before.stops]

    # a day that would run past midnight is refused and nothing changes
    with pytest.raises(ValidationError, match="past midnight"):
        visits.order_by_route(db, day=DAY, staff_id=anna, start_time="23:00")
    assert [(s.account, s.start_time) for s in visits.day_plan(db, day=DAY, staff_id=anna).stops] == [
        (s.account, s.start_time) for s in before.stops]
    with pytest.raises(ValidationError, match="not a time"):
        visits.order_by_route(db, day=DAY, start_time="nine")


def test_travel_estimates():
    from relationapp.services.visits.visit_route import Leg, travel_estimate

    utrecht = RoutePoint(1, 52.0907, 5.1214, "3511 AB", "Utrecht")
    amersfoort = RoutePoint(2, 52.1561, 5.3878, "3811 CD", "Amersfoort")
    leg = travel_estimate(utrecht, amersfoort)  # 19.5 km as the crow flies
    assert 24 < leg.km < 27 and leg.minutes == 30
    neighbour = RoutePoint(3, None, None, "3511 CC", "Utrecht")
    assert travel_estimate(utrecht, neighbour) == Leg(None, 5)  # same postcode area
    assert travel_estimate(RoutePoint(4, None, None, "3584", "Utrecht"), neighbour) == Leg(None, 15)  # same city
    assert travel_estimate(neighbour, RoutePoint(5, None, None, None, None)) == Leg(None, 30)


def test_due_list_says_never_visited_and_ranks_it_one_cadence_late(db, firm):
    acc = firm["accounts"]
    log_interaction(db, account_id=acc["big"].id, kind="visit", occurred_on=TODAY - dt.timedelta(days=400))
    due = {d.name: d for d in visits.due_for_visit(db, today=TODAY)}
    never = due["Top Utrecht"]  # a customer since 2020, never visited
    assert never.last_visit is None and never.days_overdue is None
    assert never.overdue_ratio == 1.0 and never.value_at_stake == Decimal("500000.00")  # not x 7 years
    assert due["Big Amersfoort"].days_overdue == 400 - due["Big Amersfoort"].cadence_days
    # planned ones stay, with the day they are planned
    visits.add_stop(db, account_id=acc["top"].id, day=DAY)
    assert {d.name: d.next_planned for d in visits.due_for_visit(db, today=TODAY)}["Top Utrecht"] == DAY


def test_i_am_setting(db, firm):
    from relationapp.services.common.settings import get_settings, update_settings
    from relationapp.services.customers.staff import current_staff

    assert current_staff(db) is None and get_settings(db).current_staff_id == 0
    with pytest.raises(ValidationError, match="does not exist"):
        update_settings(db, current_staff_id=999)
    update_settings(db, current_staff_id=firm["bob"].id)
    assert current_staff(db).name == "Bob Manager"
    update_settings(db, current_staff_id=0)
    assert current_staff(db) is None


def _order_moves_small0_up(db, firm):
    small = firm["accounts"]["small0"]
    log_interaction(db, account_id=small.id, kind="visit", occurred_on=TODAY - dt.timedelta(days=120))
    assert "Small 0" not in _names(visits.due_for_visit(db, today=TODAY))  # Small: every 730 days
    with db.write() as session:  # now the biggest customer: Top, every 90 days
        session.add(Order(account_id=small.id, ordered_on=dt.date(2026, 10, 1), amount=Decimal("900000")))
    row = next(r for r in visits.due_for_visit(db, today=TODAY) if r.account_id == small.id)
    assert row.tier == "top" and row.cadence_days == 90 and row.days_overdue == 30
    return small


def test_an_order_moves_a_customer_up(db, firm):
    _order_moves_small0_up(db, firm)


@pytest.mark.sqlite_only(reason='a read-only SQLite file (the second window on one computer)')
def test_an_order_moves_a_customer_up_and_a_read_only_file_gives_the_same_list(db, firm):
    from relationapp.services.data_care.instance_lock import open_read_only

    small = _order_moves_small0_up(db, firm)
    looker = open_read_only(db.path)
    try:
        with db.write() as session:  # the standing kept in the file is stale: the reader computes its own
            session.add(Order(account_id=small.id, ordered_on=dt.date(2026, 10, 2), amount=Decimal("1")))
        assert visits.due_for_visit(looker, today=TODAY) == visits.due_for_visit(db, today=TODAY)
    finally:
        looker.dispose()
