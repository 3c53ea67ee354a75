"""The visit briefing: one page per stop, to read in the car before going in.

Laid out with the reports' shared page templates, styles and escaping
(reports/layout.py); what it says comes from reports/briefing_data.py.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import KeepInFrame, PageBreak, Spacer

from relationapp.data.db import Database
from relationapp.errors import ValidationError
from relationapp.reports.common import layout
from relationapp.reports.visits.briefing_data import Briefing, day_briefings
from relationapp.services.common import settings as settings_service
from relationapp.services.visits.visits import Stop, route_url
from relationapp.text.catalogue import _
from relationapp.text.formatting import Formatter
from relationapp.text.wording import KINDS


def _when(b: Briefing, fmt: Formatter) -> str:
    stop = b.stop
    if stop.start_time is None:
        return fmt.t("{day}, time not set ({minutes} min)", day=fmt.date(stop.planned_on), minutes=stop.duration_minutes)
    return f"{fmt.date(stop.planned_on)}, {stop.start_time:%H:%M}–{stop.end_time:%H:%M}"


def _table(sheet, header: list[str], rows: list[list], shares: tuple[float, ...], width: float):
    """A table whose columns are wide enough for their longest word ("Evenement", never "Eveneme nt")."""
    return layout.table(sheet, header, rows, layout.word_safe_widths(sheet, header, rows, list(shares), width))


def word_safe(sheet):
    """Styles that never split a word over two lines (the columns are made wide enough instead)."""
    for style in sheet.byName.values():
        style.splitLongWords = 0
    return sheet


def _stop_story(b: Briefing, number: int, fmt: Formatter, sheet, width: float, previous: Stop | None = None) -> list:
    stop = b.stop
    story = [
        layout.para(f"{number}. {stop.account}", sheet["Title"]),
        layout.para(_when(b, fmt), sheet["Subtitle"]),
        layout.labelled(fmt.t("Where"), stop.address or fmt.t("No address on file"), sheet["Normal"]),
    ]
    url = route_url(previous, stop)
    if url:
        story.append(layout.link(fmt.t("Route in maps"), url, sheet["Normal"]))
    contact = " · ".join(x for x in (b.phone, b.email) if x)
    if contact:
        story.append(layout.labelled(fmt.t("Contact"), contact, sheet["Normal"]))
    if stop.staff:
        story.append(layout.labelled(fmt.t("Visit by"), stop.staff, sheet["Normal"]))
    if stop.notes:
        story.append(layout.labelled(fmt.t("Notes for this visit"), stop.notes, sheet["Normal"]))

    story.append(layout.para(fmt.t("Talking points"), sheet["Heading"]))
    if b.talking_points:
        story += [layout.para(f"• {point}", sheet["Normal"]) for point in b.talking_points]
    else:
        story.append(layout.para(fmt.t("Nothing in particular: listen."), sheet["Muted"]))

    story.append(layout.para(fmt.t("Whom to meet"), sheet["Heading"]))
    if b.people:
        story.append(_table(
            sheet, [fmt.t("Name"), fmt.t("Job title"), fmt.t("Role"), fmt.t("Phone"), fmt.t("Birthday")],
            [[p.name, p.job_title or "", p.role or "", p.phone or "", p.birthday or ""] for p in b.people],
            (0.28, 0.22, 0.18, 0.18, 0.14), width,
        ))
    else:
        story.append(layout.para(fmt.t("Nobody on file who may be contacted."), sheet["Muted"]))

    story.append(layout.para(fmt.t("Relationship"), sheet["Heading"]))
    change = b.revenue_change
    trend = fmt.money(b.revenue_12m) + (f" ({'+' if change >= 0 else ''}{fmt.percent(change)})" if change is not None else "")
    figures = [
        [fmt.t("Tier"), b.tier_label],
        [fmt.t("Revenue last 12 months"), trend],
        [fmt.t("The 12 months before"), fmt.money(b.revenue_previous_12m)],
        [fmt.t("Estimated annual budget"), fmt.money(b.annual_budget) if b.annual_budget else "–"],
        [fmt.t("Wallet gap"), fmt.money(b.wallet_gap) if b.wallet_gap is not None else "–"],
        [fmt.t("Last visit or meeting"), fmt.date(b.last_visit) if b.last_visit else fmt.t("none on record")],
    ]
    story.append(_table(sheet, [fmt.t("Figure"), fmt.t("Value")], figures, (0.4, 0.6), width))

    story.append(layout.para(fmt.t("Last touches"), sheet["Heading"]))
    if b.touches:
        story.append(_table(
            sheet, [fmt.t("Date"), fmt.t("Kind"), fmt.t("Subject"), fmt.t("With"), fmt.t("By")],
            [[fmt.date(t.occurred_on), fmt.t(KINDS.get(t.kind, t.kind)), t.subject or "", ", ".join(t.people), t.staff or ""] for t in b.touches],
            (0.15, 0.1, 0.35, 0.24, 0.16), width,
        ))
    else:
        story.append(layout.para(fmt.t("No touches on record."), sheet["Muted"]))

    if b.follow_ups:
        story.append(layout.para(fmt.t("Open follow-ups"), sheet["Heading"]))
        story.append(_table(
            sheet, [fmt.t("Due"), fmt.t("Follow-up"), fmt.t("Person")],
            [[fmt.date(f.effective_due), f.title, f.person or ""] for f in b.follow_ups],
            (0.18, 0.57, 0.25), width,
        ))

    if b.personal_notes or b.account_notes:
        story.append(layout.para(fmt.t("Personal notes"), sheet["Heading"]))
        story += [layout.para(f"• {note}", sheet["Normal"]) for note in b.personal_notes]
        if b.account_notes:
            story.append(layout.labelled(fmt.t("About the account"), b.account_notes, sheet["Normal"]))
    return story


def briefing_pdf(db: Database, *, day: dt.date, staff_id: int | None = None, today: dt.date | None = None) -> bytes:
    """The briefing for a planned day as PDF bytes: one page per stop."""
    settings = settings_service.get_settings(db)
    fmt = Formatter.for_settings(settings)
    stops = day_briefings(db, day=day, staff_id=staff_id, today=today)
    if not stops:
        raise ValidationError(fmt.t("No visits planned on {day}.", day=fmt.date(day)), field="day")
    page = layout.Page(
        firm=settings.company_name, title=fmt.t("Visit briefing"),
        subtitle=fmt.t("{day}: {count} stops", day=fmt.date(day), count=len(stops)),
        footer_note=fmt.t("Internal: personal notes, do not hand out"),
        size=layout.page_size(settings.page_size), logo=layout.load_logo(settings.logo_path), fmt=fmt,
    )
    width = layout.body_width(page)
    # every stop must fit its page: the first page's frame is the smallest
    height = page.size[1] - layout.MARGIN - layout.FOOTER - layout.FIRST_HEADER - 2 * mm
    sheet = word_safe(layout.stylesheet())
    story: list = []
    before: dict[int | None, Stop] = {}  # each person's stop before, for the route to this one
    for number, briefing in enumerate(stops, start=1):
        if story:
            story.append(PageBreak())
        content = _stop_story(briefing, number, fmt, sheet, width, before.get(briefing.stop.staff_id))
        before[briefing.stop.staff_id] = briefing.stop
        story.append(KeepInFrame(width, height, content, mode="shrink"))
        story.append(Spacer(1, 0))
    return layout.render(story, page)


def write_briefing(db: Database, *, day: dt.date, path: str | os.PathLike, staff_id: int | None = None,
                   today: dt.date | None = None) -> Path:
    """Write the day's briefing to ``path`` (complete or not at all)."""
    target = Path(path)
    if not target.parent.is_dir():
        raise ValidationError(_("The folder {folder} does not exist.").format(folder=target.parent), field="path")
    return layout.write_atomically(target, briefing_pdf(db, day=day, staff_id=staff_id, today=today))
