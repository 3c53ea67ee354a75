import datetime as dt

import pytest

from relationapp.errors import ValidationError
from relationapp.services.value import quarters


def test_parse_quarter_gives_first_and_last_day():
    assert quarters.parse_quarter("2026Q3") == (dt.date(2026, 7, 1), dt.date(2026, 9, 30))
    assert quarters.parse_quarter("2025-q4") == (dt.date(2025, 10, 1), dt.date(2025, 12, 31))


@pytest.mark.parametrize("text", ["2026Q5", "2026Q0", "2026", "Q3", "soon", ""])
def test_malformed_quarter_is_refused(text):
    with pytest.raises(ValidationError, match="quarter"):
        quarters.parse_quarter(text)
