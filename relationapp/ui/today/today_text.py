"""Today's reasons and summary in the user's language, made from the agenda's facts.

The services word them in English for the CLI (attention.summary_line and
each item's ``reason``); the window says the same from the structured fields.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP

from relationapp.ui.common.i18n import tr
from relationapp.ui.common.labels import tier_label

_LEADS = {"sql": QT_TR_NOOP("Hot lead"), "mql": QT_TR_NOOP("Lead"), "prospect": QT_TR_NOOP("Prospect")}


def _who(item) -> str:
    if item.stage == "customer":
        return tr("No orders in 12 months") if item.tier == "inactive" else tier_label(item.tier)
    return tr(_LEADS.get(item.stage, item.stage))


def attention_reason(item) -> str:
    """ "Groot: 58 dagen geen contact (elke 45)" """
    who = _who(item)
    if item.days_overdue <= 0 and item.dropped_from:
        return tr("{who}: dropped from {tier} since the last quarter").format(who=who, tier=tier_label(item.dropped_from))
    if item.last_touch is None:
        text = tr("{who}: never contacted (every {cadence} days)").format(who=who, cadence=item.cadence_days)
    else:
        days = item.days_overdue + item.cadence_days
        text = tr("{who}: no touch for {days} days (every {cadence})").format(who=who, days=days, cadence=item.cadence_days)
    if item.dropped_from:
        text = tr("{reason}; dropped from {tier} since the last quarter").format(reason=text, tier=tier_label(item.dropped_from))
    return text


def coming_up_reason(item) -> str:
    if item.kind == "birthday":
        if item.years:
            return tr("Birthday: {person} turns {years}").format(person=item.person, years=item.years)
        return tr("Birthday: {person}").format(person=item.person)
    if item.kind == "customer_since":
        if item.years == 1:
            return tr("Customer for 1 year")
        return tr("Customer for {years} years").format(years=item.years)
    return item.reason  # the user's own label for the date (and its years)


def summary(agenda) -> str:
    """ "3 klanten hebben je nodig, 2 verjaardagen deze week" """
    import datetime as dt

    parts = []
    n = agenda.needs_attention_total
    if n:
        parts.append(tr("1 customer needs you") if n == 1 else tr("{count} customers need you").format(count=n))
    n = agenda.follow_ups_due_total
    if n:
        parts.append(tr("1 follow-up due") if n == 1 else tr("{count} follow-ups due").format(count=n))
    week = agenda.today + dt.timedelta(days=7)
    n = sum(1 for c in agenda.coming_up if c.kind in ("birthday", "child_birthday") and c.on < week)
    if n:
        parts.append(tr("1 birthday this week") if n == 1 else tr("{count} birthdays this week").format(count=n))
    return ", ".join(parts) if parts else tr("Nothing needs you today.")
