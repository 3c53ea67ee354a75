import datetime as dt

import pytest

from relationapp.services import quarters
from relationapp.services.errors import ValidationError


def test_parse_quarter_gives_first_and_last_day():
    assert quarters.parse_quarter("2026Q3") == (dt.date(2026, 7, 1), dt.date(2026, 9, 30))
    assert quarters.parse_quarter("q4 2025") == (dt.date(2025, 10, 1), dt.date(2025, 12, 31))
    assert str(quarters.parse("2024-q1")) == "2024Q1"


@pytest.mark.parametrize("text", ["2026Q5", "2026Q0", "2026", "Q3", "soon", ""])
def test_malformed_quarter_is_refused(text):
    with pytest.raises(ValidationError, match="quarter"):
        quarters.parse(text)


def test_quarter_of_and_previous_cross_the_year():
    q = quarters.quarter_of(dt.date(2026, 2, 14))
    assert str(q) == "2026Q1"
    assert str(quarters.previous(q)) == "2025Q4"
    assert str(q.shift(-4)) == "2025Q1"
    assert quarters.last_completed(dt.date(2026, 11, 22)) == quarters.parse("2026Q3")
