"""validation.money reads text with the one parser, in the catalogue's language unless told otherwise."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from relationapp.errors import ValidationError
from relationapp.services.common import validation
from relationapp.text import catalogue


def test_money_reads_text_in_the_current_language(monkeypatch):
    assert validation.money("1.500", field="x", label="X") == Decimal("1.50")
    assert validation.money("1,500", field="x", label="X") == Decimal("1500.00")
    monkeypatch.setattr(catalogue, "current_language", lambda: "nl")
    assert validation.money("1.500", field="x", label="X") == Decimal("1500.00")
    assert validation.money("12.50", field="x", label="X") == Decimal("12.50")  # can only be a decimal point
    assert validation.money("1.500", field="x", label="X", language="en") == Decimal("1.50")
    assert validation.money("1.500", field="x", label="X", decimal_comma=False) == Decimal("1.50")


def test_money_takes_numbers_as_they_are():
    assert validation.money(Decimal("12.5"), field="x", label="X") == Decimal("12.50")
    assert validation.money(7, field="x", label="X") == Decimal("7.00")
    assert validation.money(0.1, field="x", label="X") == Decimal("0.10")
    assert validation.money(1e20 / 1e10, field="x", label="X") == Decimal("10000000000.00")


@pytest.mark.parametrize("value,said", [
    ("12,3,4", "Budget: '12,3,4' is not an amount; write it like 1,234.56"),
    ("-5", "Budget cannot be negative."),
    ("  ", "Budget is required."),
    (float("nan"), "Budget: 'nan' is not an amount."),
    (10**14, "Budget is too large."),
    (Decimal("1.005"), "Budget: at most two decimals."),
    (True, "Budget: true/false is not an amount."),
])
def test_money_refusals(value, said):
    with pytest.raises(ValidationError) as err:
        validation.money(value, field="budget", label="Budget", required=True)
    assert err.value.message == said and err.value.field == "budget"


def test_parse_date_reads_typed_dates_only_when_given_a_language():
    assert validation.parse_date("2026-03-05", field="d", label="D") == dt.date(2026, 3, 5)
    with pytest.raises(ValidationError, match="YYYY-MM-DD"):
        validation.parse_date("5-3-2026", field="d", label="D")
    assert validation.parse_date("5 maart 2026", field="d", label="D", language="nl") == dt.date(2026, 3, 5)
    with pytest.raises(ValidationError, match="^D: '31-2-2026' is not a real date"):
        validation.parse_date("31-2-2026", field="d", label="D", language="nl")
