"""The quarter a report covers, as a small value with arithmetic.

Parsing and bounds come from services.quarters (one definition of what
"2026Q3" means); reports also need "eight quarters back" and "the same
quarter a year earlier", which this wrapper adds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from relationapp.services import quarters


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int  # 1..4

    @classmethod
    def parse(cls, text: str) -> "Quarter":
        """From '2026Q3'; services.quarters raises ValidationError for '2026Q5'."""
        start, _ = quarters.parse_quarter(text)
        return cls.of(start)

    @classmethod
    def of(cls, day: dt.date) -> "Quarter":
        year, number = quarters.quarter_of(day)
        return cls(year, number)

    @property
    def start(self) -> dt.date:
        return quarters.quarter_bounds(self.year, self.number)[0]

    @property
    def end(self) -> dt.date:
        return quarters.quarter_bounds(self.year, self.number)[1]

    def shift(self, count: int) -> "Quarter":
        index = self.year * 4 + self.number - 1 + count
        return Quarter(index // 4, index % 4 + 1)

    def __str__(self) -> str:
        return f"{self.year}Q{self.number}"


def last_completed(today: dt.date | None = None) -> Quarter:
    """The latest quarter that has ended: the natural default for a review."""
    return Quarter.of(today or dt.date.today()).shift(-1)
