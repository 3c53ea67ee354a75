"""Calendar quarters: '2026Q3' <-> (first day, last day), quarter ends between dates.

Shared by the pyramid snapshots, reports and NPS so that every screen names a
quarter the same way.
"""

from __future__ import annotations

import datetime as dt
import re

from relationapp.services.errors import ValidationError

_QUARTER = re.compile(r"^\s*(\d{4})\s*-?\s*[Qq]\s*(\d+)\s*$")


def quarter_bounds(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    first = dt.date(year, 3 * quarter - 2, 1)
    last = dt.date(year + 1, 1, 1) if quarter == 4 else dt.date(year, 3 * quarter + 1, 1)
    return first, last - dt.timedelta(days=1)


def parse_quarter(text: str) -> tuple[dt.date, dt.date]:
    """'2026Q3' (also '2026-Q3', '2026 q3') -> (2026-07-01, 2026-09-30)."""
    match = _QUARTER.match(text or "")
    if not match:
        raise ValidationError(f"'{text}' is not a quarter; write it like 2026Q3.", field="quarter")
    year, quarter = int(match.group(1)), int(match.group(2))
    if not 1 <= quarter <= 4:
        raise ValidationError(f"'{text}': a year has quarters Q1 to Q4, not Q{quarter}.", field="quarter")
    if not 1900 <= year <= 2999:
        raise ValidationError(f"'{text}': year {year} is not plausible.", field="quarter")
    return quarter_bounds(year, quarter)


def quarter_of(day: dt.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def quarter_label(day: dt.date) -> str:
    """The quarter a day falls in: 2026-08-15 -> '2026Q3'."""
    year, quarter = quarter_of(day)
    return f"{year}Q{quarter}"


def quarter_end(day: dt.date) -> dt.date:
    """The last day of the quarter that ``day`` falls in."""
    return quarter_bounds(*quarter_of(day))[1]


def previous_quarter_end(day: dt.date) -> dt.date:
    """The last quarter end strictly before ``day``."""
    first, _ = quarter_bounds(*quarter_of(day))
    return first - dt.timedelta(days=1)


def quarter_ends(first: dt.date, last: dt.date) -> list[dt.date]:
    """Every quarter end from the end of ``first``'s quarter up to ``last`` (inclusive)."""
    ends = []
    end = quarter_end(first)
    while end <= last:
        ends.append(end)
        end = quarter_end(end + dt.timedelta(days=1))
    return ends
