"""A readable PDF of everything we hold on one person (an access request under the AVG/GDPR).

Worded in the firm's language: section titles and column labels are declared
here (``N_``) and worded with the report's :class:`Formatter`; dates, money,
durations and yes/no are formatted the same way. Stored codes (kinds, roles,
channels, outcomes) print as their labels.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from reportlab.platypus import Spacer

from relationapp.config import Settings
from relationapp.reports.common import layout
from relationapp.services.data_care.privacy import PersonData
from relationapp.services.relationships.referrals import OUTCOME_LABELS
from relationapp.text.catalogue import N_
from relationapp.text.formatting import Formatter
from relationapp.text.wording import KINDS, ROLES

_TITLES = {
    "person": N_("Personal details"),
    "important_dates": N_("Dates we remember"),
    "interactions": N_("Contacts with them"),
    "nps_responses": N_("Their satisfaction scores"),
    "follow_ups": N_("Follow-ups about them"),
    "referrals_made": N_("Introductions they made"),
    "nurture_enrolments": N_("Content they receive"),
    "mentions": N_("Other records that mention them"),
}

# every column the sections can hold (services/data_care/privacy.py), and the text fields a mention can be in
_COLUMNS = {
    # the person
    "name": N_("Name"),
    "job_title": N_("Job title"),
    "dmu_role": N_("Role"),
    "email": N_("E-mail"),
    "phone": N_("Phone"),
    "birthday": N_("Birthday"),
    "birthday_day": N_("Birthday day"),
    "birthday_month": N_("Birthday month"),
    "birthday_year": N_("Birthday year"),
    "family_notes": N_("Family notes"),
    "personal_notes": N_("Personal notes"),
    "preferred_channel": N_("Preferred channel"),
    "do_not_contact": N_("Do not contact"),
    "consent_date": N_("Consent date"),
    "archived": N_("Archived"),
    "account": N_("Account"),
    # dates we remember
    "kind": N_("Kind"),
    "label": N_("Description"),
    "date": N_("Date"),
    "day": N_("Day"),
    "month": N_("Month"),
    "year": N_("Year"),
    "notice_days": N_("Reminder"),
    # contacts
    "occurred_on": N_("Date"),
    "subject": N_("Subject"),
    "notes": N_("Notes"),
    "duration_minutes": N_("Time"),
    "gift_item": N_("Gift"),
    "gift_cost": N_("Cost of the gift"),
    # satisfaction scores
    "responded_on": N_("Date"),
    "score": N_("Score"),
    "comment": N_("Comment"),
    # follow-ups
    "due_on": N_("Due"),
    "title": N_("Title"),
    "done_on": N_("Done"),
    "snoozed_until": N_("Snoozed until"),
    "origin": N_("Origin"),
    # introductions
    "referred_on": N_("Date"),
    "introduced": N_("Introduced"),
    "outcome": N_("Outcome"),
    "thanked_on": N_("Thanked"),
    "note": N_("Note"),
    # content they receive
    "started_on": N_("Started"),
    "next_position": N_("Next item"),
    "next_due_on": N_("Next one due"),
    "stopped_on": N_("Stopped"),
    # other records that mention them
    "table": N_("Kind of record"),
    "record": N_("Number"),
    "field": N_("Field"),
    "text": N_("Text"),
    # text fields of other records a mention can be in
    "street": N_("Street"),
    "postcode": N_("Postcode"),
    "city": N_("City"),
    "region": N_("Region"),
    "country": N_("Country"),
    "website": N_("Website"),
    "source_detail": N_("Source detail"),
    "next_steps": N_("Agreed next steps"),
    "description": N_("Description"),
    "reference": N_("Reference"),
    "url": N_("Web address"),
    "status": N_("Status"),
}

# the records a mention can be in
_TABLES = {
    "account": N_("Account"),
    "person": N_("Person"),
    "interaction": N_("Touch"),
    "follow_up": N_("Follow-up"),
    "referral": N_("Referral"),
    "nps_response": N_("Satisfaction score"),
    "important_date": N_("Date to remember"),
    "planned_visit": N_("Visit"),
    "orders": N_("Order"),
    "qualification": N_("Qualification"),
    "content_item": N_("Content item"),
    "nurture_track": N_("Content track"),
    "lead_source": N_("Lead source"),
    "staff": N_("Staff member"),
    "tag": N_("Tag"),
}

_CHANNELS = {"email": N_("E-mail"), "phone": N_("Phone"), "visit": N_("Visit"), "post": N_("Post"),
             "message": N_("Message")}
_DATE_KINDS = {"anniversary": N_("Anniversary"), "child_birthday": N_("Child's birthday"),
               "wedding": N_("Wedding anniversary"), "custom": N_("Other date")}
# stored codes, per section and column, printed as their labels
_CODES = {
    ("person", "dmu_role"): ROLES,
    ("person", "preferred_channel"): _CHANNELS,
    ("important_dates", "kind"): _DATE_KINDS,
    ("interactions", "kind"): KINDS,
    ("referrals_made", "outcome"): OUTCOME_LABELS,
    ("mentions", "table"): _TABLES,
}
# how much wider than a date a column's cells are
_WIDE = {"notes": 3.0, "text": 4.5, "comment": 3.0, "note": 2.5, "subject": 2.0, "title": 2.5, "label": 2.0,
         "introduced": 2.0, "account": 2.0, "gift_item": 1.5, "kind": 1.4, "outcome": 1.4, "field": 1.6,
         "table": 1.3, "record": 0.8, "score": 0.7, "duration_minutes": 0.8}
_HIDDEN = {"id", "person_id", "account_id", "track_id", "created_at", "updated_at"}
_MINUTES = {"duration_minutes"}
_DAYS = {"notice_days"}


def _label(fmt: Formatter, column: str) -> str:
    """A column's label in the report's language; an undeclared one still reads as words."""
    if column in _COLUMNS:
        return fmt.t(_COLUMNS[column])
    return column.replace("_", " ").strip().capitalize()


def _text(fmt: Formatter, section: str, column: str, value) -> str:
    """One value as the firm reads it: dates, money, time and yes/no in the report's language."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return fmt.t("yes") if value else fmt.t("no")
    if section == "mentions" and column == "field" and isinstance(value, str):
        return _label(fmt, value)
    codes = _CODES.get((section, column))
    if codes is not None and isinstance(value, str):
        return fmt.t(codes[value]) if value in codes else value.replace("_", " ")  # a code without a label
    if isinstance(value, dt.datetime):
        return fmt.date(value.date())
    if isinstance(value, dt.date):
        return fmt.date(value)
    if isinstance(value, Decimal):
        return fmt.money(value)
    if isinstance(value, int) and column in _MINUTES:
        return fmt.hours(value) if value else "–"
    if isinstance(value, int) and column in _DAYS:
        return fmt.n("{count} day before", "{count} days before", value, count=fmt.number(value))
    if isinstance(value, float):
        return fmt.number(value, digits=1)
    return str(value)


def _day(year, month, day) -> dt.date | None:
    try:
        return dt.date(int(year or 2000), int(month), int(day))  # 2000: a leap year, so 29 February is a day
    except (TypeError, ValueError):
        return None


def _with_dates(fmt: Formatter, row: dict, *, prefix: str = "", name: str = "date") -> dict:
    """Day, month and year columns as one date in the firm's format ("12 mei 1980", or "12 mei" without a year)."""
    keys = (f"{prefix}year", f"{prefix}month", f"{prefix}day")
    if not all(k in row for k in keys):
        return row
    year, month, day = (row[k] for k in keys)
    if month is None or day is None:
        return {k: v for k, v in row.items() if k not in keys} if year is None else row
    when = _day(year, month, day)
    if when is None:
        return row
    out = {}
    for column, value in row.items():
        if column == keys[2]:
            out[name] = fmt.date(when) if year else fmt.day_month(when)
        elif column not in keys:
            out[column] = value
    return out


def render_person_data(data: PersonData, *, settings: Settings, today: dt.date | None = None) -> bytes:
    fmt = Formatter.for_settings(settings)
    sheet = layout.stylesheet()
    page = layout.Page(
        firm=settings.company_name, title=fmt.t("What we hold on {name}", name=data.name),
        subtitle=fmt.t("Made on {date} at their request", date=fmt.long_date(today or dt.date.today())),
        footer_note=fmt.t("{firm}: personal data of {name}", firm=settings.company_name, name=data.name),
        size=layout.page_size(settings.page_size), logo=layout.load_logo(settings.logo_path), fmt=fmt,
    )
    width = layout.body_width(page)
    story: list = []
    for key, rows in data.sections.items():
        story.append(layout.para(fmt.t(_TITLES[key]) if key in _TITLES else _label(fmt, key), sheet["Heading"]))
        if not rows:
            story.append(layout.para(fmt.t("Nothing."), sheet["Muted"]))
            continue
        if key == "person":
            me = _with_dates(fmt, rows[0], prefix="birthday_", name="birthday")
            for column, value in me.items():
                if column not in _HIDDEN and value not in (None, ""):
                    story.append(layout.labelled(_label(fmt, column), _text(fmt, key, column, value), sheet["Normal"]))
            continue
        if key == "important_dates":
            rows = [_with_dates(fmt, r) for r in rows]
        columns = [c for c in rows[0] if c not in _HIDDEN]
        weights = [_WIDE.get(c, 1.0) for c in columns]  # texts get the room, dates and numbers little
        widths = [width * w / sum(weights) for w in weights]
        story.append(layout.table(sheet, [_label(fmt, c) for c in columns],
                                  [[_text(fmt, key, c, r.get(c)) for c in columns] for r in rows], widths))
        story.append(Spacer(1, 4))
    return layout.render(story, page)
