"""A readable PDF of everything we hold on one person (an access request under the AVG/GDPR)."""

from __future__ import annotations

import datetime as dt

from reportlab.platypus import Spacer

from relationapp.config import Settings
from relationapp.reports.common import layout
from relationapp.services.data_care.everything import to_text
from relationapp.services.data_care.privacy import PersonData
from relationapp.text.formatting import Formatter

_TITLES = {
    "person": "Personal details",
    "important_dates": "Dates we remember",
    "interactions": "Contacts with them",
    "nps_responses": "Their satisfaction scores",
    "follow_ups": "Follow-ups about them",
    "referrals_made": "Introductions they made",
    "nurture_enrolments": "Content they receive",
    "mentions": "Other records that mention them",
}
_HIDDEN = {"id", "person_id", "account_id", "track_id", "created_at", "updated_at"}


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(to_text(value))


def _label(column: str) -> str:
    return column.replace("_", " ").capitalize()


def render_person_data(data: PersonData, *, settings: Settings, today: dt.date | None = None) -> bytes:
    fmt = Formatter.for_settings(settings)
    sheet = layout.stylesheet()
    page = layout.Page(
        firm=settings.company_name, title=f"What we hold on {data.name}",
        subtitle=f"Made on {(today or dt.date.today()).isoformat()} at their request",
        footer_note=f"{settings.company_name}: personal data of {data.name}",
        size=layout.page_size(settings.page_size), logo=layout.load_logo(settings.logo_path), fmt=fmt,
    )
    width = layout.body_width(page)
    story: list = []
    for key, rows in data.sections.items():
        story.append(layout.para(_TITLES.get(key, _label(key)), sheet["Heading"]))
        if not rows:
            story.append(layout.para("Nothing.", sheet["Muted"]))
            continue
        if key == "person":
            for column, value in rows[0].items():
                if column not in _HIDDEN and value not in (None, ""):
                    story.append(layout.labelled(_label(column), _text(value), sheet["Normal"]))
            continue
        columns = [c for c in rows[0] if c not in _HIDDEN]
        widths = [width / len(columns)] * len(columns)
        if key == "mentions":  # the text itself gets the room
            widths = [width * share for share in (0.16, 0.1, 0.14, 0.6)]
        story.append(layout.table(sheet, [_label(c) for c in columns],
                                  [[_text(r[c]) for c in columns] for r in rows], widths))
        story.append(Spacer(1, 4))
    return layout.render(story, page)
