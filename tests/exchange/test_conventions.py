"""A CSV file's number convention is decided from all its cells with the same rules every typed
amount is read by (relationapp.text.parsing), then each cell is read strictly in it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from relationapp.errors import ValidationError
from relationapp.exchange.conventions import (
    AmbiguousConvention,
    Conventions,
    date_votes,
    detect,
    number_votes,
    parse_amount,
)

COMMA = Conventions(decimal_comma=True, day_first=True)
POINT = Conventions(decimal_comma=False, day_first=True)


def test_votes_follow_what_each_value_can_be_read_as():
    assert number_votes(["1.234,56", "12,5", "€ 12,50", "1.234.567", "1234,567"]) == (5, 0, 0)
    assert number_votes(["1,234.56", "12.5", "(45.00)", "1,234,567", "0.500"]) == (0, 5, 0)
    assert number_votes(["1.234", "12,345", "-1,500"]) == (0, 0, 3)
    assert number_votes(["12", "", "abc", "12,3,4", "1e5"]) == (0, 0, 0)  # no separator or no number: no vote


def test_detection_asks_only_when_every_value_fits_both():
    assert detect(numbers=["1.234", "12,50"], dates=[], delimiter="\t").decimal_comma
    with pytest.raises(AmbiguousConvention):
        detect(numbers=["1.234", "2.500"], dates=[], delimiter="\t")
    assert detect(numbers=["1.234"], dates=[], delimiter=";").decimal_comma


@pytest.mark.parametrize("raw,conv,expected", [
    ("1.234,56", COMMA, "1234.56"), ("1.234", COMMA, "1234"), ("€ 1 234,5", COMMA, "1234.50"), ("(45,00)", COMMA, "-45"),
    ("1,234.56", POINT, "1234.56"), ("1,234", POINT, "1234"), ("EUR 12.50", POINT, "12.50"), ("12.50-", POINT, "-12.50"),
    ("", COMMA, None), ("  ", POINT, None),
])
def test_cells_are_read_in_the_file_convention(raw, conv, expected):
    assert parse_amount(raw, conv, label="Amount") == (None if expected is None else Decimal(expected))


@pytest.mark.parametrize("raw,conv,said", [
    ("12.50", COMMA, "Amount: '12.50' is not an amount; write it like 1.234,56"),  # strict: no guessing per cell
    ("1,5", POINT, "Amount: '1,5' is not an amount; write it like 1,234.56"),
    ("1.234,56", POINT, "not an amount"), ("NaN", COMMA, "not an amount"), ("12,345", COMMA, "more than two decimals"),
])
def test_cells_that_do_not_fit_the_convention_are_refused(raw, conv, said):
    with pytest.raises(ValidationError) as err:
        parse_amount(raw, conv, label="Amount")
    assert said in err.value.message and "\n" not in err.value.message


@given(st.lists(st.sampled_from(["1.234,56", "12,5", "1,234.56", "12.5", "1.234", "12", "x"]), max_size=40),
       st.lists(st.sampled_from(["13-04-2025", "04/13/2025", "03/04/2025", "2025-04-03", ""]), max_size=40))
def test_votes_that_stop_once_decided_choose_what_counting_every_value_does(numbers, dates):
    # a large file stops counting halfway; which side wins must not change
    def side(votes):
        yes, no, _unsure = votes
        return None if not yes and not no else yes > no

    assert side(number_votes(numbers, until_decided=True)) == side(number_votes(numbers))
    assert side(date_votes(dates, until_decided=True)) == side(date_votes(dates))
