"""Today: cadences, ranking by value at stake, follow-ups due, personal dates, gifts, balance."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from decimal import Decimal

import pytest

from relationapp.data.models import Interaction, InteractionPerson, Order
from relationapp.errors import ValidationError
from relationapp.services.common.settings import update_settings
from relationapp.services.customers import accounts, people
from relationapp.services.today import attention
from relationapp.services.today.attention_balance import attention_balance
from relationapp.services.touches import follow_ups, gifts, interactions, personal_dates

TODAY = dt.date(2026, 6, 15)  # in the past, so log_interaction accepts every touch below


def days_ago(n: int) -> dt.date:
    return TODAY - dt.timedelta(days=n)


def customer(db, name: str, revenue: str | None = None, **fields):
    account = accounts.create_account(db, name=name, stage="customer", customer_since=dt.date(2020, 1, 10), **fields)
    if revenue:
        with db.write() as session:
            session.add(Order(account_id=account.id, ordered_on=days_ago(30), amount=Decimal(revenue)))
    return account


def touch(db, account_id, on: dt.date, **fields):
    return interactions.log_interaction(db, account_id=account_id, kind=fields.pop("kind", "call"), occurred_on=on, **fields)


def attention_names(db, today=TODAY):
    return [item.account for item in attention.agenda(db, today=today).needs_attention]


@pytest.fixture
def firm(db):
    """Ten customers: one Top (EUR 120,000), the rest Small or Medium."""
    top = customer(db, "Top Holding", "120000.00")
    small = customer(db, "Small Bakery", "2000.00")
    for i in range(8):
        customer(db, f"Filler {i}", f"{3000 + i * 100}.00")
    return {"top": top, "small": small, "db": db}


def test_top_customer_two_weeks_late_outranks_small_one_two_months_late(firm):
    db = firm["db"]
    touch(db, firm["top"].id, days_ago(30 + 14))  # Top: every 30 days
    touch(db, firm["small"].id, days_ago(180 + 60))  # Small: every 180 days
    for item in attention.agenda(db, today=TODAY).needs_attention:
        if item.account.startswith("Filler"):
            touch(db, item.account_id, days_ago(1))
    items = attention.agenda(db, today=TODAY).needs_attention
    assert [i.account for i in items] == ["Top Holding", "Small Bakery"]
    top, small = items
    assert (top.tier, top.cadence_days, top.days_overdue) == ("top", 30, 14)
    assert (small.tier, small.cadence_days, small.days_overdue) == ("small", 180, 60)
    assert top.value == Decimal("56000.00")  # 120,000 x 14 / 30
    assert small.value == Decimal("666.67")  # 2,000 x 60 / 180
    assert "no touch for 44 days" in top.reason


def test_any_touch_resets_the_clock_even_one_logged_on_a_person(firm):
    db = firm["db"]
    touch(db, firm["top"].id, days_ago(60))
    assert "Top Holding" in attention_names(db)
    person = people.create_person(db, name="Anna Top", account_id=firm["top"].id)
    # logged on the person only: the account comes from the person
    interactions.log_interaction(db, account_id=None, person_ids=[person.id], kind="email", occurred_on=days_ago(2))
    assert "Top Holding" not in attention_names(db)


def test_a_touch_without_account_linked_to_a_person_counts(firm):
    db = firm["db"]
    touch(db, firm["small"].id, days_ago(400))
    assert "Small Bakery" in attention_names(db)
    person = people.create_person(db, name="Bert Baker", account_id=firm["small"].id)
    with db.write() as session:  # as an import or an older version may have stored it
        interaction = Interaction(account_id=None, kind="card", occurred_on=days_ago(3))
        session.add(interaction)
        session.flush()
        session.add(InteractionPerson(interaction_id=interaction.id, person_id=person.id))
    assert "Small Bakery" not in attention_names(db)


def test_cadence_override_and_never_contacted(db):
    account = customer(db, "Own Pace", "500.00")
    accounts.update_account(db, account_id=account.id, cadence_days=7)
    touch(db, account.id, days_ago(10))
    item = attention.agenda(db, today=TODAY).needs_attention[0]
    assert (item.cadence_days, item.days_overdue) == (7, 3)
    assert "own cadence" in item.reason
    new = accounts.create_account(db, name="Never Met", stage="customer", customer_since=days_ago(200), today=days_ago(200))
    never = next(i for i in attention.agenda(db, today=TODAY).needs_attention if i.account_id == new.id)
    assert never.last_touch is None and never.days_overdue == 20 and "never contacted" in never.reason


@pytest.mark.parametrize("days", [0, -5])
def test_a_cadence_of_zero_or_less_is_refused(db, days):
    account = customer(db, "Strict")
    with pytest.raises(ValidationError, match="at least 1"):
        accounts.update_account(db, account_id=account.id, cadence_days=days)
    assert accounts.get_account(db, account_id=account.id).cadence_days is None


def test_prospects_in_focus_come_last_hot_leads_first(db):
    from relationapp.services.leads.focus import set_focus

    hot = accounts.create_account(db, name="Hot Lead", stage="sql")
    cold = accounts.create_account(db, name="Cold Prospect", stage="prospect")
    nurtured = accounts.create_account(db, name="Nurtured Prospect", stage="prospect")
    for lead in (hot, cold):
        set_focus(db, account_id=lead.id)
    touch(db, hot.id, days_ago(20))  # every 14 days
    touch(db, cold.id, days_ago(200))  # every 60 days
    touch(db, nurtured.id, days_ago(300))  # further behind, but not in focus: nurtured, not chased
    agenda = attention.agenda(db, today=TODAY)
    assert agenda.needs_attention == ()
    assert [p.account for p in agenda.prospects_in_focus] == ["Hot Lead", "Cold Prospect"]
    assert agenda.prospects_total == 2


def test_nobody_to_contact_leaves_the_account_and_the_birthday_out(firm):
    db = firm["db"]
    touch(db, firm["top"].id, days_ago(90))
    people.create_person(db, name="Quiet Quinn", account_id=firm["top"].id, do_not_contact=True,
                         birthday_day=TODAY.day, birthday_month=TODAY.month)
    agenda = attention.agenda(db, today=TODAY)
    assert "Top Holding" not in [i.account for i in agenda.needs_attention]
    assert all(c.person != "Quiet Quinn" for c in agenda.coming_up)


def test_snooze_and_plan_take_the_account_off_until_the_day(firm):
    db = firm["db"]
    touch(db, firm["top"].id, days_ago(40))
    with pytest.raises(ValidationError, match="after today"):
        attention.snooze_account(db, account_id=firm["top"].id, until=days_ago(1), today=TODAY)
    with pytest.raises(ValidationError, match="after today"):
        attention.snooze_account(db, account_id=firm["top"].id, until=TODAY, today=TODAY)
    assert follow_ups.list_follow_ups(db) == []  # nothing saved
    attention.snooze_account(db, account_id=firm["top"].id, until=TODAY + dt.timedelta(days=7), today=TODAY)
    assert "Top Holding" not in attention_names(db)
    week_later = attention.agenda(db, today=TODAY + dt.timedelta(days=7))
    assert [f.title for f in week_later.follow_ups_due] == ["Get in touch with Top Holding"]
    # a touch closes the planned contact
    assert len(touch(db, firm["top"].id, TODAY).closed_follow_up_ids) == 1
    assert attention.agenda(db, today=TODAY + dt.timedelta(days=7)).follow_ups_due == ()


def test_a_follow_up_needs_a_title(firm):
    with pytest.raises(ValidationError, match="Title"):
        attention.plan_contact(firm["db"], account_id=firm["top"].id, due_on=TODAY, title="  ")
    with pytest.raises(ValidationError, match="Title"):
        follow_ups.create_follow_up(firm["db"], title="", due_on=TODAY)
    assert follow_ups.list_follow_ups(firm["db"]) == []


def test_follow_ups_due_overdue_first_snoozed_hidden(firm):
    db = firm["db"]
    today_one = follow_ups.create_follow_up(db, title="Due today", due_on=TODAY, account_id=firm["small"].id)
    follow_ups.create_follow_up(db, title="Long overdue", due_on=days_ago(10), account_id=firm["small"].id)
    follow_ups.create_follow_up(db, title="Next week", due_on=TODAY + dt.timedelta(days=7))
    snoozed = follow_ups.create_follow_up(db, title="Snoozed", due_on=days_ago(3))
    follow_ups.snooze_follow_up(db, follow_up_id=snoozed.id, until=TODAY + dt.timedelta(days=1), today=TODAY)
    due = attention.agenda(db, today=TODAY).follow_ups_due
    assert [(f.title, f.days_overdue) for f in due] == [("Long overdue", 10), ("Due today", 0)]
    follow_ups.complete_follow_up(db, follow_up_id=today_one.id, done_on=TODAY)
    assert [f.title for f in attention.agenda(db, today=TODAY).follow_ups_due] == ["Long overdue"]


def test_coming_up_birthdays_anniversaries_and_children(db):
    account = accounts.create_account(db, name="Vos & Zn.", stage="customer", customer_since=dt.date(2019, 6, 20))
    people.create_person(db, name="Jan Vos", account_id=account.id, birthday_day=17, birthday_month=6, birthday_year=1976)
    people.create_person(db, name="No Year", account_id=account.id, birthday_day=16, birthday_month=6)
    people.create_person(db, name="Too Far", account_id=account.id, birthday_day=15, birthday_month=8)
    from relationapp.data.models import ImportantDate

    with db.write() as session:
        session.add(ImportantDate(account_id=account.id, kind="child_birthday", label="Mila's birthday",
                                  month=6, day=25, year=2018, notice_days=14))
    coming = attention.agenda(db, today=TODAY).coming_up
    assert [(c.on, c.kind, c.reason) for c in coming] == [
        (dt.date(2026, 6, 16), "birthday", "Birthday: No Year"),
        (dt.date(2026, 6, 17), "birthday", "Birthday: Jan Vos turns 50"),
        (dt.date(2026, 6, 20), "customer_since", "Customer for 7 years"),
        (dt.date(2026, 6, 25), "child_birthday", "Mila's birthday (8 years)"),
    ]
    assert coming[1].years == 50 and coming[1].days_away == 2


@pytest.mark.parametrize(
    ("today", "setting", "expected"),
    [
        (dt.date(2027, 2, 20), "feb28", dt.date(2027, 2, 28)),
        (dt.date(2027, 2, 20), "mar1", dt.date(2027, 3, 1)),
        (dt.date(2028, 2, 20), "feb28", dt.date(2028, 2, 29)),
        (dt.date(2028, 2, 20), "mar1", dt.date(2028, 2, 29)),
    ],
)
def test_feb29_birthday_in_leap_and_other_years(db, today, setting, expected):
    update_settings(db, feb29_birthdays_on=setting)
    people.create_person(db, name="Leap Lena", birthday_day=29, birthday_month=2, birthday_year=1976)
    people.create_person(db, name="Feb 28 Fred", birthday_day=28, birthday_month=2)
    coming = [c for c in attention.agenda(db, today=today).coming_up if c.person == "Leap Lena"]
    assert [(c.on, c.years) for c in coming] == [(expected, expected.year - 1976)]


def test_feb29_falls_once_a_year():
    for year in range(2023, 2033):
        days = [d for d in (dt.date(year, 1, 1) + dt.timedelta(days=i) for i in range(366)) if d.year == year]
        for setting in personal_dates.FEB29_CHOICES:
            hits = [d for d in days if (2, 29) in personal_dates.days_away_within(d, 0, feb29_on=setting)]
            assert hits == [personal_dates.falls_on(2, 29, year, feb29_on=setting)]


def test_summary_line(firm):
    db = firm["db"]
    touch(db, firm["top"].id, days_ago(40))
    people.create_person(db, name="Birthday Bea", birthday_day=TODAY.day + 2, birthday_month=TODAY.month)
    line = attention.summary_line(attention.agenda(db, today=TODAY))
    assert line.startswith("10 customers need you") and line.endswith("1 birthday this week")


def test_gift_repeat_is_found_case_insensitively(db):
    account = customer(db, "Gift Shop")
    anna = people.create_person(db, name="Anna", account_id=account.id)
    ben = people.create_person(db, name="Ben", account_id=account.id)
    interactions.log_interaction(db, account_id=account.id, kind="gift", occurred_on=dt.date(2025, 12, 18),
                                 person_ids=[anna.id], gift_item="Fles wijn", gift_cost="35.50")
    interactions.log_interaction(db, account_id=account.id, kind="gift", occurred_on=dt.date(2026, 3, 1),
                                 person_ids=[anna.id], gift_item="Bloemen", gift_cost="20.00")
    found = gifts.earlier_gifts(db, item="  fles WIJN ", person_ids=[anna.id, ben.id])
    assert [(g.person, g.given_on) for g in found] == [("Anna", dt.date(2025, 12, 18))]
    assert "18 Dec 2025" in gifts.repeat_warning(found) and "Anna" in gifts.repeat_warning(found)
    assert gifts.earlier_gifts(db, item="Fles wijn", person_ids=[ben.id]) == []
    assert gifts.repeat_warning([]) is None


def test_attention_balance_hours_per_tier_and_prospects(firm):
    db = firm["db"]
    lead = accounts.create_account(db, name="A Lead", stage="mql", today=days_ago(100))  # a lead by then
    touch(db, firm["top"].id, days_ago(5), duration_minutes=90)
    touch(db, firm["small"].id, days_ago(10), duration_minutes=30)
    touch(db, lead.id, days_ago(20), duration_minutes=120)
    touch(db, lead.id, days_ago(100), duration_minutes=600)  # outside the 90 days
    balance = attention_balance(db, today=TODAY)
    assert balance.since == days_ago(89)
    assert (balance.group("top").hours, balance.group("small").hours) == (Decimal("1.5"), Decimal("0.5"))
    assert (balance.customer_hours, balance.prospect_hours, balance.total_hours) == (Decimal("2.0"), Decimal("2.0"), Decimal("4.0"))
    assert balance.group("prospects").share == Decimal("50.0")


def test_agenda_is_the_same_in_every_time_zone(demo_db):
    """The day never shifts: the CLI prints the same agenda under three TZ values."""
    outputs = []
    for tz in ("Pacific/Auckland", "America/Los_Angeles", "UTC"):
        env = dict(os.environ, TZ=tz)
        result = subprocess.run(
            [sys.executable, "-m", "relationapp", "--db", str(demo_db.path or demo_db.url), "today", "--date", "2026-11-22", "--json"],
            capture_output=True, text=True, env=env, check=True,
        )
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1] == outputs[2]
    agenda = json.loads(outputs[0])
    assert agenda["today"] == "2026-11-22"
    assert agenda["needs_attention"] and agenda["coming_up"]
    assert set(agenda["needs_attention"][0]) >= {"account", "reason", "days_overdue", "value"}


def test_cli_today_bad_date_is_one_line(demo_db):
    from relationapp.services.common.settings import update_settings

    update_settings(demo_db, language="en")  # the command line speaks the firm's language
    result = subprocess.run(
        [sys.executable, "-m", "relationapp", "--db", str(demo_db.path or demo_db.url), "today", "--date", "2026-02-30"],
        capture_output=True, text=True,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "not a valid date" in result.stderr


def test_a_customer_that_dropped_a_tier_needs_attention_even_when_touched(firm):
    db = firm["db"]
    faller = customer(db, "Fallen Star")
    with db.write() as session:  # big last year, in the window of the last quarter end only
        session.add(Order(account_id=faller.id, ordered_on=dt.date(2025, 5, 1), amount=Decimal("500000.00")))
    touch(db, faller.id, days_ago(3))
    item = next(i for i in attention.agenda(db, today=TODAY).needs_attention if i.account == "Fallen Star")
    assert item.dropped_from == "top" and item.days_overdue == 0
    assert "dropped from Top since 31 Mar 2026" in item.reason
    assert item.value == Decimal("500000.00")  # the 12-month revenue lost since then
    without = attention.agenda(db, today=TODAY, with_dropped=False).needs_attention
    assert "Fallen Star" not in [i.account for i in without]
