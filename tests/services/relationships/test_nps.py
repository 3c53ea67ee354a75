"""NPS: the arithmetic, the score check, the follow-ups a score makes, the breakdowns."""

from __future__ import annotations

import datetime as dt

import pytest

from relationapp.data.models import Order
from relationapp.errors import ValidationError
from relationapp.services.customers import accounts, people, staff
from relationapp.services.relationships import nps, referrals
from relationapp.services.touches import follow_ups

TODAY = dt.date(2026, 11, 22)


def test_no_responses_means_no_score():
    summary = nps.summarize([])
    assert summary.nps is None and summary.text == "no scores yet" and summary.responses == 0


@pytest.mark.parametrize("scores, expected", [
    ([10, 9, 8, 7, 6], 20),           # 2 promoters, 2 passives, 1 detractor of 5
    ([9, 9, 9], 100),
    ([0, 6, 3], -100),
    ([7, 8], 0),
    ([10, 9, 7], 67),                 # 66.67 rounds to 67
    ([10, 0, 0], -33),
    ([10, 7, 0, 0, 0, 0, 0, 0], -63),  # -62.5 rounds away from zero
])
def test_nps_is_percent_promoters_minus_percent_detractors(scores, expected):
    assert nps.summarize(scores).nps == expected


def test_categories_at_the_boundaries():
    assert [nps.category(s) for s in (0, 6, 7, 8, 9, 10)] == [
        "detractor", "detractor", "passive", "passive", "promoter", "promoter"]
    assert nps.summarize([10, 7, 6]).text == "0"
    assert nps.summarize([10, 10, 6]).text == "+33"


@pytest.fixture
def person(db):
    owner = staff.create_staff(db, name="Sam").id
    account = accounts.create_account(db, name="Alpha", stage="customer", owner_id=owner, today=TODAY).id
    return people.create_person(db, name="Anna", account_id=account)


@pytest.mark.parametrize("score, message", [
    (11, "11 is outside that"), (-1, "-1 is outside that"), ("7.5", "whole number"), ("", "from 0 to 10"), (None, "from 0 to 10"),
])
def test_score_outside_0_to_10_is_refused_and_nothing_saved(db, person, score, message):
    with pytest.raises(ValidationError, match=message):
        nps.record_score(db, person_id=person.id, score=score, today=TODAY)
    assert nps.list_responses(db) == []


def test_score_for_unknown_person_or_in_the_future_is_refused(db, person):
    with pytest.raises(ValidationError, match="does not exist"):
        nps.record_score(db, person_id=9999, score=5, today=TODAY)
    with pytest.raises(ValidationError, match="future"):
        nps.record_score(db, person_id=person.id, score=5, responded_on=TODAY + dt.timedelta(days=1), today=TODAY)
    assert nps.list_responses(db) == []


def _made_by(db, origin):
    return [f for f in follow_ups.list_follow_ups(db, open_only=False) if f.origin == origin]


def test_detractor_gets_one_call_back_within_a_week(db, person):
    recorded = nps.record_score(db, person_id=person.id, score=4, comment="Late again", responded_on=TODAY, today=TODAY)
    assert recorded.follow_ups == ("Call back Anna",)
    (call,) = _made_by(db, "detractor")
    assert call.title == "Call back Anna" and call.person_id == person.id and call.account_id == person.account_id
    assert call.due_on == TODAY + dt.timedelta(days=7)
    assert "Late again" in call.notes and call.staff_id is not None  # the account manager's
    # the rule is idempotent per response: running it again makes nothing
    with db.write() as session:
        from relationapp.data.models import NpsResponse, Person

        response = session.get(NpsResponse, recorded.response.id)
        assert nps._call_back_detractor(session, response, session.get(Person, person.id), today=TODAY) is None
    assert len(_made_by(db, "detractor")) == 1


def test_late_detractor_score_is_due_at_once(db, person):
    nps.record_score(db, person_id=person.id, score=2, responded_on=TODAY - dt.timedelta(days=30), today=TODAY)
    (call,) = _made_by(db, "detractor")
    assert call.due_on == TODAY


def test_passive_makes_no_follow_up(db, person):
    assert nps.record_score(db, person_id=person.id, score=8, today=TODAY).follow_ups == ()
    assert follow_ups.list_follow_ups(db, open_only=False) == []


def test_promoter_without_a_referral_is_prompted_once_a_year(db, person):
    first = nps.record_score(db, person_id=person.id, score=10, today=TODAY)
    assert first.follow_ups == ("Ask Anna for an introduction or a review",)
    assert nps.record_score(db, person_id=person.id, score=9, today=TODAY + dt.timedelta(days=30)).follow_ups == ()
    later = TODAY + dt.timedelta(days=400)
    assert len(nps.record_score(db, person_id=person.id, score=9, responded_on=later, today=later).follow_ups) == 1
    assert len(_made_by(db, "promoter_ask")) == 2


def test_promoter_who_introduced_someone_lately_is_not_prompted(db, person):
    other = accounts.create_account(db, name="Beta", today=TODAY).id
    referrals.record_referral(db, referred_account_id=other, referrer_person_id=person.id,
                              referred_on=TODAY - dt.timedelta(days=100), today=TODAY)
    assert nps.record_score(db, person_id=person.id, score=10, today=TODAY).follow_ups == ()


def test_report_per_quarter_tier_and_manager(db):
    sam = staff.create_staff(db, name="Sam").id
    kim = staff.create_staff(db, name="Kim").id
    big = accounts.create_account(db, name="Big spender", stage="customer", owner_id=sam, today=TODAY).id
    small = accounts.create_account(db, name="Small one", stage="customer", owner_id=kim, today=TODAY).id
    with db.write() as session:
        session.add(Order(account_id=big, ordered_on=dt.date(2026, 8, 1), amount=100000))
        session.add(Order(account_id=small, ordered_on=dt.date(2026, 8, 1), amount=10))
    p_big = people.create_person(db, name="Bea", account_id=big).id
    p_small = people.create_person(db, name="Sil", account_id=small).id
    for person_id, score, day in ((p_big, 10, "2026-07-10"), (p_big, 9, "2026-08-10"), (p_small, 3, "2026-09-30"),
                                  (p_small, 8, "2026-10-01"), (p_big, 0, "2026-04-01")):
        nps.record_score(db, person_id=person_id, score=score, responded_on=day, today=TODAY)
    report = nps.nps_report(db, quarter="2026Q3", today=TODAY)
    assert (report.start, report.end) == (dt.date(2026, 7, 1), dt.date(2026, 9, 30))
    assert (report.overall.responses, report.overall.nps) == (3, 33)
    assert {s.label: s.nps for s in report.by_tier} == {"Top": 100, "Small": -100}
    assert {s.label: s.nps for s in report.by_manager} == {"Kim": -100, "Sam": 100}
    quarters = {s.label: s.text for s in report.by_quarter}
    assert quarters["2026Q2"] == "-100" and quarters["2026Q3"] == "+33" and quarters["2026Q1"] == "no scores yet"
    assert list(quarters)[-1] == "2026Q3"
    assert nps.nps_report(db, quarter="2025Q1", today=TODAY).overall.text == "no scores yet"
    with pytest.raises(ValidationError, match="quarter"):
        nps.nps_report(db, quarter="2026Q5", today=TODAY)
