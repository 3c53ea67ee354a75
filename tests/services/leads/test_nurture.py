"""Nurturing: useful content at a steady pace, never twice to a person, never to who said no,
and never again once the lead is ready (sales-qualified or a customer)."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from relationapp.data.models import (
    Account,
    ContentSent,
    Interaction,
    InteractionPerson,
    NurtureEnrolment,
    NurtureStep,
    NurtureTrack,
)
from relationapp.errors import NotFound, ValidationError
from relationapp.services.customers.accounts import create_account
from relationapp.services.customers.people import create_person, update_person
from relationapp.services.customers.staff import create_staff
from relationapp.services.leads import content, nurture

DAY = dt.date(2026, 10, 1)
CONSENT = dt.date(2026, 1, 15)  # they agreed to hear from us (nurturing writes only to them)


def _item(db, title, kind="article"):
    return content.add_content(db, title=title, kind=kind, url=f"https://example.com/{len(title)}").id


def _lead(db, name="Koelhuis Jansen", stage="mql", people=("Anna Jansen",), **fields):
    account = create_account(db, name=name, stage=stage, today=DAY, **fields)
    return account.id, [create_person(db, name=p, account_id=account.id, consent_date=CONSENT).id for p in people]


def _count(db, model) -> int:
    with db.read() as session:
        return session.execute(sa.select(sa.func.count()).select_from(model)).scalar()


def _last_touch(db, account_id):
    with db.read() as session:
        return session.get(Account, account_id).last_touch_on


def test_add_track_and_find_it(db):
    a, b = _item(db, "Why cold stores lose energy"), _item(db, "Webinar: heat pumps", "webinar")
    track = nurture.add_track(db, name="Cold stores", description="For owners of cold stores",
                              steps=[(a, 0), (b, 14)])
    assert [(s.position, s.content_item_id, s.wait_days, s.title) for s in track.steps] == [
        (1, a, 0, "Why cold stores lose energy"), (2, b, 14, "Webinar: heat pumps")]
    assert nurture.track_by_name(db, name="cold STORES") == track
    assert [t.name for t in nurture.list_tracks(db)] == ["Cold stores"]
    with pytest.raises(ValidationError, match="already exists"):
        nurture.add_track(db, name="Cold Stores", steps=[(a, 1)])
    with pytest.raises(NotFound):
        nurture.track_by_name(db, name="Bakeries")


def test_a_negative_wait_is_refused_naming_the_step_and_nothing_is_written(db):
    a, b = _item(db, "One"), _item(db, "Two")
    with pytest.raises(ValidationError, match="Step 2: the days to wait cannot be negative") as caught:
        nurture.add_track(db, name="Bakeries", steps=[(a, 7), (b, -3)])
    assert caught.value.field == "steps"
    with pytest.raises(ValidationError, match="Step 1: content #999 does not exist"):
        nurture.add_track(db, name="Bakeries", steps=[(999, 7)])
    with pytest.raises(ValidationError, match="at least one step"):
        nurture.add_track(db, name="Bakeries", steps=[])
    assert _count(db, NurtureTrack) == 0 and _count(db, NurtureStep) == 0


def test_enrol_schedules_the_first_step_and_refuses_a_second_open_enrolment(db):
    a = _item(db, "One")
    track = nurture.add_track(db, name="T", steps=[(a, 10)])
    account_id, _people = _lead(db)
    enrolment = nurture.enrol(db, account_id=account_id, track="T", reason="budget next year", today=DAY)
    assert (enrolment.next_position, enrolment.next_due_on, enrolment.reason) == (1, DAY + dt.timedelta(days=10), "budget next year")
    with pytest.raises(ValidationError, match="already in this nurture track"):
        nurture.enrol(db, account_id=account_id, track=track.id, today=DAY)
    nurture.stop_enrolment(db, enrolment_id=enrolment.id, today=DAY)
    assert nurture.enrol(db, account_id=account_id, track=str(track.id), today=DAY).id != enrolment.id


@pytest.mark.parametrize("stage", ["sql", "customer"])
def test_a_ready_lead_cannot_be_enrolled(db, stage):
    nurture.add_track(db, name="T", steps=[(_item(db, "One"), 0)])
    account_id, _people = _lead(db, stage=stage)
    with pytest.raises(ValidationError, match="talk to them instead"):
        nurture.enrol(db, account_id=account_id, track="T", today=DAY)
    assert _count(db, NurtureEnrolment) == 0


def test_never_repeats_content_to_a_person_across_tracks(db):
    shared, second, third = _item(db, "Shared article"), _item(db, "Second"), _item(db, "Third")
    nurture.add_track(db, name="A", steps=[(shared, 0), (second, 7)])
    nurture.add_track(db, name="B", steps=[(shared, 0), (third, 7)])
    nurture.add_track(db, name="C", steps=[(shared, 0)])
    account_id, (anna,) = _lead(db)
    in_a = nurture.enrol(db, account_id=account_id, track="A", today=DAY)
    sent = nurture.log_sent(db, enrolment_id=in_a.id, person_id=anna, today=DAY)
    assert sent.content_item_id == shared
    in_b = nurture.enrol(db, account_id=account_id, track="B", today=DAY)
    in_c = nurture.enrol(db, account_id=account_id, track="C", today=DAY)
    due = nurture.due_content(db, today=DAY + dt.timedelta(days=1))
    # B skips the shared article Anna has and offers its next step; C has nothing new and ends
    assert [(r.enrolment_id, r.content_item_id, r.step) for r in due] == [(in_b.id, third, 2)]
    assert nurture.get_enrolment(db, enrolment_id=in_c.id).stop_reason == "ended"
    with pytest.raises(ValidationError):
        nurture.log_sent(db, enrolment_id=in_c.id, person_id=anna, today=DAY)
    assert nurture.log_sent(db, enrolment_id=in_b.id, person_id=anna, today=DAY).content_item_id == third
    with db.read() as session:
        pairs = session.execute(sa.select(ContentSent.person_id, ContentSent.content_item_id)).all()
    assert sorted(pairs) == sorted([(anna, shared), (anna, third)])


def test_skips_people_who_asked_not_to_be_contacted(db):
    nurture.add_track(db, name="T", steps=[(_item(db, "One"), 0)])
    account_id, (anna, bert) = _lead(db, people=("Anna", "Bert"))
    update_person(db, person_id=anna, do_not_contact=True)
    archived = create_person(db, name="Carla", account_id=account_id, archived=True).id
    enrolment = nurture.enrol(db, account_id=account_id, track="T", today=DAY)
    assert [r.person_id for r in nurture.due_content(db, today=DAY)] == [bert]
    with pytest.raises(ValidationError, match="asked not to be contacted"):
        nurture.log_sent(db, enrolment_id=enrolment.id, person_id=anna, today=DAY)
    with pytest.raises(ValidationError, match="archived"):
        nurture.log_sent(db, enrolment_id=enrolment.id, person_id=archived, today=DAY)
    with pytest.raises(ValidationError, match="asked not to be contacted"):
        nurture.enrol(db, account_id=account_id, track="T", person_id=anna, today=DAY)
    assert _count(db, Interaction) == 0 and _count(db, ContentSent) == 0


def test_an_enrolled_person_who_says_no_later_is_stopped_when_met(db):
    nurture.add_track(db, name="T", steps=[(_item(db, "One"), 0)])
    account_id, (anna, _bert) = _lead(db, people=("Anna", "Bert"))
    enrolment = nurture.enrol(db, account_id=account_id, track="T", person_id=anna, today=DAY)
    update_person(db, person_id=anna, do_not_contact=True)
    assert nurture.due_content(db, today=DAY) == []
    assert nurture.get_enrolment(db, enrolment_id=enrolment.id).stop_reason == "do_not_contact"


@pytest.mark.parametrize("stage", ["sql", "customer"])
def test_stops_when_the_lead_becomes_sql_or_customer(db, stage):
    nurture.add_track(db, name="T", steps=[(_item(db, "One"), 0)])
    nurture.add_track(db, name="U", steps=[(_item(db, "Two"), 0)])
    account_id, _people = _lead(db)
    other_id, _others = _lead(db, name="Bakkerij Vos", people=("Vera",))
    first = nurture.enrol(db, account_id=account_id, track="T", today=DAY)
    nurture.enrol(db, account_id=account_id, track="U", today=DAY)
    nurture.enrol(db, account_id=other_id, track="T", today=DAY)
    later = DAY + dt.timedelta(days=3)
    with db.write() as session:
        session.get(Account, account_id).stage = stage
        assert nurture.stop_enrolments_in_session(session, account_id=account_id, reason=stage, today=later) == 2
    stopped = nurture.get_enrolment(db, enrolment_id=first.id)
    assert (stopped.stopped_on, stopped.stop_reason) == (later, stage)
    assert {r.account_id for r in nurture.due_content(db, today=later)} == {other_id}
    with pytest.raises(ValidationError, match="stopped"):
        nurture.log_sent(db, enrolment_id=first.id, person_id=_people[0], today=later)
    with db.write() as session, pytest.raises(ValidationError):
        nurture.stop_enrolments_in_session(session, account_id=account_id, reason="bored", today=later)


def test_an_account_that_slipped_to_sql_is_never_listed_and_stopped_when_met(db):
    nurture.add_track(db, name="T", steps=[(_item(db, "One"), 0)])
    account_id, _people = _lead(db)
    enrolment = nurture.enrol(db, account_id=account_id, track="T", today=DAY)
    with db.write() as session:  # as if the stage had changed without the stage service
        session.execute(sa.update(Account).where(Account.id == account_id).values(stage="customer"))
    assert nurture.due_content(db, today=DAY) == []
    assert nurture.get_enrolment(db, enrolment_id=enrolment.id).stop_reason == "customer"


def test_the_stage_service_stops_nurturing(db):
    from relationapp.services.leads import stages

    nurture.add_track(db, name="T", steps=[(_item(db, "One"), 0)])
    account_id, _people = _lead(db)
    enrolment = nurture.enrol(db, account_id=account_id, track="T", today=DAY)
    stages.change_stage(db, account_id=account_id, to_stage="sql", today=DAY)
    assert nurture.get_enrolment(db, enrolment_id=enrolment.id).stop_reason == "sql"


def test_log_sent_writes_touch_sent_and_advance_and_moves_the_last_touch(db):
    staff = create_staff(db, name="Els").id
    one, two = _item(db, "Ten questions before you buy"), _item(db, "Case: Bakkerij Vos", "case_study")
    nurture.add_track(db, name="T", steps=[(one, 0), (two, 21)])
    account_id, (anna,) = _lead(db)
    assert _last_touch(db, account_id) is None
    enrolment = nurture.enrol(db, account_id=account_id, track="T", today=DAY)
    sent = nurture.log_sent(db, enrolment_id=enrolment.id, person_id=anna, today=DAY, staff_id=staff)
    assert (sent.step, sent.next_position, sent.next_due_on, sent.stopped_on) == (1, 2, DAY + dt.timedelta(days=21), None)
    with db.read() as session:
        touch = session.get(Interaction, sent.interaction_id)
        assert (touch.kind, touch.content_item_id, touch.subject, touch.occurred_on, touch.staff_id) == (
            "content", one, "Ten questions before you buy", DAY, staff)
        assert session.execute(sa.select(InteractionPerson.person_id).where(
            InteractionPerson.interaction_id == touch.id)).scalars().all() == [anna]
        record = session.get(ContentSent, (anna, one))
        assert (record.sent_on, record.interaction_id) == (DAY, touch.id)
    assert _last_touch(db, account_id) == DAY
    assert nurture.due_content(db, today=DAY + dt.timedelta(days=20)) == []
    last_day = DAY + dt.timedelta(days=22)
    final = nurture.log_sent(db, enrolment_id=enrolment.id, person_id=anna, today=last_day)
    assert (final.content_item_id, final.stopped_on, final.stop_reason) == (two, last_day, "ended")
    assert _last_touch(db, account_id) == last_day


def test_log_sent_is_one_transaction(db, monkeypatch):
    nurture.add_track(db, name="T", steps=[(_item(db, "One"), 0), (_item(db, "Two"), 5)])
    account_id, (anna,) = _lead(db)
    enrolment = nurture.enrol(db, account_id=account_id, track="T", today=DAY)

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(nurture, "_others_waiting", broken)  # fails after the touch and the sent row
    with pytest.raises(RuntimeError):
        nurture.log_sent(db, enrolment_id=enrolment.id, person_id=anna, today=DAY)
    assert _count(db, Interaction) == 0 and _count(db, ContentSent) == 0
    assert nurture.get_enrolment(db, enrolment_id=enrolment.id) == enrolment
    assert _last_touch(db, account_id) is None


def test_an_account_wide_step_is_done_when_everyone_has_it(db):
    one, two = _item(db, "One"), _item(db, "Two")
    nurture.add_track(db, name="T", steps=[(one, 0), (two, 7)])
    account_id, (anna, bert) = _lead(db, people=("Anna", "Bert"))
    enrolment = nurture.enrol(db, account_id=account_id, track="T", today=DAY)
    assert [(r.person_id, r.content_item_id) for r in nurture.due_content(db, today=DAY)] == [(anna, one), (bert, one)]
    first = nurture.log_sent(db, enrolment_id=enrolment.id, person_id=anna, today=DAY)
    assert (first.next_position, first.next_due_on) == (1, DAY)
    assert [(r.person_id, r.content_item_id) for r in nurture.due_content(db, today=DAY)] == [(bert, one)]
    with pytest.raises(ValidationError, match="already has 'One'"):
        nurture.log_sent(db, enrolment_id=enrolment.id, person_id=anna, today=DAY)
    second = nurture.log_sent(db, enrolment_id=enrolment.id, person_id=bert, today=DAY)
    assert (second.next_position, second.next_due_on) == (2, DAY + dt.timedelta(days=7))


def test_due_list_most_overdue_first_with_days_late_and_staff_filter(db):
    els, piet = create_staff(db, name="Els").id, create_staff(db, name="Piet").id
    nurture.add_track(db, name="Slow", steps=[(_item(db, "Slow one"), 30)])
    nurture.add_track(db, name="Fast", steps=[(_item(db, "Fast one"), 2)])
    nurture.add_track(db, name="Later", steps=[(_item(db, "Not yet"), 90)])
    a, _pa = _lead(db, name="A", people=("Ann",), owner_id=els)
    b, _pb = _lead(db, name="B", people=("Ben",), owner_id=piet)
    c, _pc = _lead(db, name="C", people=("Cor",), owner_id=els)
    nurture.enrol(db, account_id=b, track="Fast", today=DAY + dt.timedelta(days=20))  # due day 22
    nurture.enrol(db, account_id=a, track="Slow", today=DAY)  # due day 30
    nurture.enrol(db, account_id=c, track="Fast", today=DAY)  # due day 2
    nurture.enrol(db, account_id=c, track="Later", today=DAY)  # not due
    today = DAY + dt.timedelta(days=40)
    due = nurture.due_content(db, today=today)
    assert [(r.account, r.title, r.days_late) for r in due] == [("C", "Fast one", 38), ("B", "Fast one", 18),
                                                                  ("A", "Slow one", 10)]
    assert due[0].due_on == DAY + dt.timedelta(days=2) and due[0].url.startswith("https://")
    assert [r.account for r in nurture.due_content(db, today=today, staff_id=els)] == ["C", "A"]
    assert [r.account for r in nurture.due_content(db, today=today, limit=1)] == ["C"]
    assert nurture.due_content(db, today=DAY + dt.timedelta(days=1)) == []


def test_an_account_without_people_waits(db):
    nurture.add_track(db, name="T", steps=[(_item(db, "One"), 0)])
    account_id, _none = _lead(db, people=())
    enrolment = nurture.enrol(db, account_id=account_id, track="T", today=DAY)
    assert nurture.due_content(db, today=DAY) == []
    assert nurture.get_enrolment(db, enrolment_id=enrolment.id).stopped_on is None
    person = create_person(db, name="Late Arrival", account_id=account_id, consent_date=CONSENT).id
    assert [r.person_id for r in nurture.due_content(db, today=DAY)] == [person]


def test_a_person_of_another_account_is_refused(db):
    nurture.add_track(db, name="T", steps=[(_item(db, "One"), 0)])
    account_id, _people = _lead(db)
    _other, (stranger,) = _lead(db, name="Other", people=("Stranger",))
    with pytest.raises(ValidationError, match="is not a person of"):
        nurture.enrol(db, account_id=account_id, track="T", person_id=stranger, today=DAY)
    enrolment = nurture.enrol(db, account_id=account_id, track="T", today=DAY)
    with pytest.raises(ValidationError, match="not nurtured by this enrolment"):
        nurture.log_sent(db, enrolment_id=enrolment.id, person_id=stranger, today=DAY)


def test_the_list_stops_only_what_it_passed_over(db):
    nurture.add_track(db, name="T", steps=[(_item(db, "One"), 0)])
    ready, _r = _lead(db, name="Ready")
    listed, _l = _lead(db, name="Listed")
    later, _x = _lead(db, name="Later")
    slipped = nurture.enrol(db, account_id=ready, track="T", today=DAY)
    nurture.enrol(db, account_id=listed, track="T", today=DAY + dt.timedelta(days=1))
    beyond = nurture.enrol(db, account_id=later, track="T", today=DAY + dt.timedelta(days=2))
    with db.write() as session:  # both slipped to customer without the stage service
        session.execute(sa.update(Account).where(Account.id.in_([ready, later])).values(stage="customer"))
    today = DAY + dt.timedelta(days=5)
    assert [r.account for r in nurture.due_content(db, today=today, limit=1)] == ["Listed"]
    assert nurture.get_enrolment(db, enrolment_id=slipped.id).stop_reason == "customer"
    assert nurture.get_enrolment(db, enrolment_id=beyond.id).stopped_on is None  # not read yet
    assert [r.account for r in nurture.due_content(db, today=today)] == ["Listed"]
    assert nurture.get_enrolment(db, enrolment_id=beyond.id).stop_reason == "customer"


def test_only_people_who_agreed_to_hear_from_us_get_content(db):
    nurture.add_track(db, name="Consent", steps=[(_item(db, "Whitepaper"), 0)])
    account_id, (anna,) = _lead(db)
    bert = create_person(db, name="Bert Zonder Toestemming", account_id=account_id).id  # no consent date
    enrolment = nurture.enrol(db, account_id=account_id, track="Consent", today=DAY)
    assert [r.person_id for r in nurture.due_content(db, today=DAY)] == [anna]
    with pytest.raises(ValidationError, match="has not agreed to hear from us"):
        nurture.log_sent(db, enrolment_id=enrolment.id, person_id=bert, today=DAY)
    with pytest.raises(ValidationError, match="has not agreed to hear from us"):
        nurture.enrol(db, account_id=account_id, track="Consent", person_id=bert, today=DAY)
