"""Calendar quarters ("2026Q3"): parsing, the quarter of a day, stepping back.

Reports, snapshots and order summaries all speak in quarters; this is the one
place that knows how a quarter is written and where it starts and ends.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from relationapp.services.errors import ValidationError

# 2026Q3, 2026-Q3, 2026 q3, Q3 2026, Q3-2026
_PATTERNS = (
    re.compile(r"^(?P<year>\d{4})\s*-?\s*[Qq](?P<q>\d)$"),
    re.compile(r"^[Qq](?P<q>\d)\s*[- ]?\s*(?P<year>\d{4})$"),
)


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int  # 1..4

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> dt.date:
        following = self.shift(1).start
        return following - dt.timedelta(days=1)

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
                break
            if not 1900 <= year <= 9998:
                raise ValidationError(f"Quarter '{cleaned}': the year {year} is out of range.", field="quarter")
            return Quarter(year, number)
    raise ValidationError(f"'{cleaned}' is not a quarter; write it like 2026Q3 (Q1 to Q4).", field="quarter")


def parse_quarter(text: str) -> tuple[dt.date, dt.date]:
    """(first day, last day) of the quarter written in ``text``."""
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
