"""Calendar quarters ("2026Q3"): parsing, the quarter of a day, stepping, quarter ends.

Reports, snapshots, NPS and order summaries all speak in quarters; this is
the one place that knows how a quarter is written and where it starts and ends.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from relationapp.errors import ValidationError
from relationapp.text.catalogue import _

# 2026Q3, 2026-Q3, 2026 q3, Q3 2026, Q3-2026
_PATTERNS = (
    re.compile(r"^(?P<year>\d{4})\s*-?\s*[Qq]\s*(?P<q>\d+)$"),
    re.compile(r"^[Qq](?P<q>\d+)\s*[- ]?\s*(?P<year>\d{4})$"),
)


class Quarter(NamedTuple):
    """A calendar quarter; unpacks as ``year, number``."""

    year: int
    number: int  # 1..4

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> dt.date:
        return self.shift(1).start - dt.timedelta(days=1)

    def shift(self, quarters: int) -> "Quarter":
        index = self.year * 4 + (self.number - 1) + quarters
        return Quarter(index // 4, index % 4 + 1)

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def __str__(self) -> str:
        return f"{self.year}Q{self.number}"


def parse(text: str) -> Quarter:
    """A Quarter from text such as '2026Q3'; ValidationError for '2026Q5' or 'soon'."""
    cleaned = (text or "").strip()
    for pattern in _PATTERNS:
        match = pattern.match(cleaned)
        if match:
            year, number = int(match["year"]), int(match["q"])
            if not 1 <= number <= 4:
                raise ValidationError(_("'{text}' is not a quarter: a year has quarters Q1 to Q4, not Q{number}.").format(
                    text=cleaned, number=number), field="quarter")
            if not 1900 <= year <= 9998:
                raise ValidationError(_("Quarter '{text}': the year {year} is out of range.").format(text=cleaned, year=year),
                                      field="quarter")
            return Quarter(year, number)
    raise ValidationError(_("'{text}' is not a quarter; write it like 2026Q3 (Q1 to Q4).").format(text=cleaned), field="quarter")


def parse_quarter(text: str) -> tuple[dt.date, dt.date]:
    """(first day, last day) of the quarter written in ``text``: '2026Q3' -> (2026-07-01, 2026-09-30)."""
    quarter = parse(text)
    return quarter.start, quarter.end


def quarter_of(day: dt.date) -> Quarter:
    return Quarter(day.year, (day.month - 1) // 3 + 1)


def previous(quarter: Quarter) -> Quarter:
    return quarter.shift(-1)


def current(today: dt.date | None = None) -> Quarter:
    return quarter_of(today or dt.date.today())


def last_completed(today: dt.date | None = None) -> Quarter:
    """The most recent quarter that has ended: the natural default for a review."""
    return previous(current(today))


def quarter_label(day: dt.date) -> str:
    """The quarter a day falls in: 2026-08-15 -> '2026Q3'."""
    return str(quarter_of(day))


def quarter_end(day: dt.date) -> dt.date:
    """The last day of the quarter that ``day`` falls in."""
    return quarter_of(day).end


def previous_quarter_end(day: dt.date) -> dt.date:
    """The last quarter end strictly before ``day``."""
    return quarter_of(day).start - dt.timedelta(days=1)


def quarter_ends(first: dt.date, last: dt.date) -> list[dt.date]:
    """Every quarter end from the end of ``first``'s quarter up to ``last`` (inclusive)."""
    ends = []
    quarter = quarter_of(first)
    while quarter.end <= last:
        ends.append(quarter.end)
        quarter = quarter.shift(1)
    return ends
