import datetime as dt

import pytest

from relationapp.reports.period import Quarter, last_completed
from relationapp.services.errors import ValidationError


def test_quarter_arithmetic_crosses_years():
    q = Quarter.parse("2026Q1")
    assert (q.start, q.end) == (dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    assert str(q.shift(-1)) == "2025Q4"
    assert str(q.shift(-4)) == "2025Q1"
    assert str(q.shift(7)) == "2027Q4"
    assert last_completed(dt.date(2026, 11, 22)) == Quarter.parse("2026Q3")


def test_quarter_five_is_refused():
    with pytest.raises(ValidationError):
        Quarter.parse("2026Q5")
