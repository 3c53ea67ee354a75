"""The one reader of typed values: amounts, numbers, percentages, dates and times in Dutch and English."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from babel.numbers import format_currency, format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st

from relationapp.errors import ValidationError
from relationapp.text import catalogue, parsing
from relationapp.text.parsing import (
    parse_amount,
    parse_date,
    parse_number,
    parse_percent,
    parse_time,
)

# --- amounts ---------------------------------------------------------------------------------

AMOUNTS = {
    "nl": [
        ("1.234,56", "1234.56"), ("1234,56", "1234.56"), ("1.234.567,8", "1234567.80"), ("12,5", "12.50"),
        ("1.5", "1.50"),  # one dot and not three digits: it can only be a decimal point
        ("12.50", "12.50"), ("1234.56", "1234.56"),  # four digits before it: no grouping either
        ("1.500", "1500.00"), ("1.234.567", "1234567.00"),  # the dot groups thousands
        ("1,500", "1.50"), ("0.500", "0.50"),  # a group never starts with 0
        (",5", "0.50"), ("7", "7.00"), ("+7", "7.00"), ("-0", "0.00"),
        ("€ 12,50", "12.50"), ("€12,50", "12.50"), ("12,50 €", "12.50"), ("EUR 1.234,56", "1234.56"),
        ("1.234,56 eur", "1234.56"), ("€\u00a0-1.234,56", "-1234.56"),  # Babel's own nl_NL currency format
        ("-12,50", "-12.50"), ("12,50-", "-12.50"), ("- € 12,50", "-12.50"), ("(45,00)", "-45.00"),
        ("\u22125", "-5.00"), ("1 234,56", "1234.56"), ("1\u00a0234,56", "1234.56"), ("  3,10  ", "3.10"),
        ("12,500", "12.50"),  # trailing zeros are no extra decimals
    ],
    "en": [
        ("1,234.56", "1234.56"), ("1234.56", "1234.56"), ("1,234,567.8", "1234567.80"), ("12.5", "12.50"),
        ("1,5", "1.50"),  # one comma and not three digits: it can only be a decimal comma
        ("12,50", "12.50"), ("1234,56", "1234.56"),
        ("1,500", "1500.00"), ("1,234,567", "1234567.00"),
        ("1.500", "1.50"), ("0,500", "0.50"),
        (".5", "0.50"), ("7", "7.00"),
        ("£12.50", "12.50"), ("-€1,234.56", "-1234.56"), ("$ 5", "5.00"), ("US$5.00", "5.00"),
        ("5 GBP", "5.00"), ("CHF 5", "5.00"), ("-12.50", "-12.50"), ("12.50-", "-12.50"), ("(45.00)", "-45.00"),
        ("1 234.56", "1234.56"), ("12.500", "12.50"),
    ],
}


@pytest.mark.parametrize("language,text,expected", [(lang, t, e) for lang, rows in AMOUNTS.items() for t, e in rows])
def test_amounts_as_typed(language, text, expected):
    assert parse_amount(text, language=language) == Decimal(expected)


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("text", ["", "   ", None])
def test_a_blank_amount_is_none(language, text):
    assert parse_amount(text, language=language) is None
    assert parse_number(text, language=language) is None


EXAMPLE = {"nl": "1.234,56", "en": "1,234.56"}

REFUSED = {
    "nl": [
        ("12,3,4", "not an amount"),  # two decimal commas
        ("1,234.56", "not an amount"),  # the English way: a dot cannot group after the decimal comma
        ("1.23.456", "not an amount"), ("12.34.567,8", "not an amount"),  # groups of three only
        ("12,345", "more than two decimals"), ("1,2345", "more than two decimals"),
        ("1e5", "not an amount"), ("NaN", "not an amount"), ("inf", "not an amount"), ("-Infinity", "not an amount"),
        ("twaalf", "not an amount"), ("12 euro's", "not an amount"), ("€", "not an amount"), ("5,", "not an amount"),
        ("--5", "not an amount"), ("-5-", "not an amount"), ("€ 5 €", "not an amount"), ("5 %", "not an amount"),
        ("１２", "not an amount"), ("١٢", "not an amount"), ("12 34", "not an amount"), ("1 234.567,8", "not an amount"),
        ("0x10", "not an amount"), ("1_000", "not an amount"),
        ("10.000.000.000.000", "too large"), ("9" * 60, "too large"),
    ],
    "en": [
        ("12,3,4", "not an amount"),
        ("1.234,56", "not an amount"),  # the Dutch way
        ("1.234.567", "not an amount"),  # two decimal points
        ("12.345", "more than two decimals"), ("1.2345", "more than two decimals"),
        ("1e5", "not an amount"), ("NaN", "not an amount"), ("twelve", "not an amount"), ("5.", "not an amount"),
        ("1 234,56", "not an amount"), ("10000000000000", "too large"),
    ],
}


@pytest.mark.parametrize("language,text,said", [(lang, t, s) for lang, rows in REFUSED.items() for t, s in rows])
def test_amounts_refused_with_a_one_line_message(language, text, said):
    with pytest.raises(ValidationError) as err:
        parse_amount(text, language=language, field="annual_budget")
    message = err.value.message
    assert said in message and "\n" not in message
    assert err.value.field == "annual_budget"
    assert message.startswith(f"'{parsing.quoted(text)}'")
    if said != "too large":
        assert message.endswith(f"write it like {EXAMPLE[language]}")


def test_the_message_quotes_the_input_and_the_example_of_the_language():
    with pytest.raises(ValidationError, match=r"^'12,3,4' is not an amount; write it like 1\.234,56$"):
        parse_amount("12,3,4", language="nl")
    with pytest.raises(ValidationError, match=r"^'12,3,4' is not an amount; write it like 1,234\.56$"):
        parse_amount("12,3,4", language="en")
    with pytest.raises(ValidationError, match=r"^Budget: 'x' is not an amount; write it like 1,234\.56$") as err:
        parse_amount("x", language="en", field="budget", label="Budget")
    assert err.value.field == "budget"


def test_a_long_or_broken_input_is_quoted_on_one_line_and_cut():
    with pytest.raises(ValidationError) as err:
        parse_amount("12\n\u202e" + "x" * 200, language="nl")
    assert "\n" not in err.value.message and "\u202e" not in err.value.message and "\u2026" in err.value.message
    assert len(err.value.message) < 120


def test_messages_go_through_the_catalogue(monkeypatch):
    monkeypatch.setattr(parsing, "_", lambda text: "«" + text + "»")
    with pytest.raises(ValidationError) as err:
        parse_amount("x", language="en", label="Budget")
    assert err.value.message == "«{label}: {problem}»".format(
        label="Budget", problem="«'{text}' is not an amount; write it like {example}»").format(
        text="x", example="1,234.56")


def test_without_a_language_the_current_catalogue_language_is_used(monkeypatch):
    assert catalogue.current_language() == "en"
    assert parse_amount("1.500") == Decimal("1.50")
    monkeypatch.setattr(catalogue, "current_language", lambda: "nl")
    assert parse_amount("1.500") == Decimal("1500.00")
    assert parse_date("5 maart 2026") == dt.date(2026, 3, 5)
    assert parsing.editable_amount(Decimal("1234.5")) == "1.234,50"


def test_an_unknown_language_reads_english():
    assert parse_amount("1,500", language="de") == Decimal("1500")


def test_a_fixed_convention_reads_a_single_separator_strictly():
    """As a CSV file's convention: decided from all its cells, then no guessing per cell."""
    assert parse_amount("1.234", decimal_comma=True) == Decimal("1234")
    assert parse_amount("1,234", decimal_comma=False) == Decimal("1234")
    assert parse_amount("12,5", decimal_comma=True, language="en") == Decimal("12.50")
    for text, comma in (("12.50", True), ("1,5", False), ("1.234,56", False), ("1,234.56", True)):
        with pytest.raises(ValidationError, match="not an amount"):
            parse_amount(text, decimal_comma=comma, language="en" if comma else "nl")
    with pytest.raises(ValidationError, match="more than two decimals; write it like 1,234.56"):
        parse_amount("1.234", decimal_comma=False)
    assert parsing.reads_as_number("1.234", decimal_comma=True) and parsing.reads_as_number("1.234", decimal_comma=False)
    assert not parsing.reads_as_number("1.234,5", decimal_comma=False)


# --- numbers and percentages -----------------------------------------------------------------


def test_numbers_keep_their_decimals():
    assert parse_number("1.234,5678", language="nl") == Decimal("1234.5678")
    assert parse_number("0,125", language="en") == Decimal("0.125")  # a comma before a zero cannot group
    assert parse_number("0.125", language="en") == Decimal("0.125")
    with pytest.raises(ValidationError, match=r"^'€ 5' is not a number; write it like 1\.234,5$"):
        parse_number("€ 5", language="nl")  # currencies are for amounts


@pytest.mark.parametrize("language,text,expected", [
    ("nl", "12,5 %", "12.5"), ("nl", "12,5%", "12.5"), ("nl", "12,5", "12.5"), ("nl", "2.5", "2.5"),
    ("nl", "100 %", "100"), ("nl", "0,1", "0.1"),
    ("en", "12.5%", "12.5"), ("en", "12.5 %", "12.5"), ("en", "12,5", "12.5"), ("en", "-3%", "-3"),
])
def test_percentages_are_read_as_a_number_of_percent(language, text, expected):
    assert parse_percent(text, language=language) == Decimal(expected)


@pytest.mark.parametrize("language,text,said", [
    ("nl", "12,5 %%", "'12,5 %%' is not a percentage; write it like 12,5%"),
    ("en", "% 12", "'% 12' is not a percentage; write it like 12.5%"),
    ("en", "€ 12", "is not a percentage"),
    ("nl", "", "A percentage is needed; write it like 12,5%"),
    ("en", "12,3,4", "is not a percentage"),
])
def test_percentages_refused(language, text, said):
    with pytest.raises(ValidationError) as err:
        parse_percent(text, language=language, field="tier_top_pct")
    assert said in err.value.message and err.value.field == "tier_top_pct"


# --- dates and times -----------------------------------------------------------------------

MARCH_5 = dt.date(2026, 3, 5)


@pytest.mark.parametrize("language,text", [
    ("nl", "2026-03-05"), ("en", "2026-03-05"),
    ("nl", "5-3-2026"), ("nl", "05-03-2026"), ("nl", "05-03-26"), ("nl", "5.3.2026"), ("nl", "5/3/2026"),
    ("nl", "5 maart 2026"), ("nl", "5 Maart 2026"), ("nl", "5 mrt 2026"), ("nl", "5 mrt. 2026"), ("nl", " 5  maart 2026 "),
    ("en", "5/3/2026"), ("en", "05/03/2026"), ("en", "5-3-26"), ("en", "5 March 2026"), ("en", "5 Mar 2026"),
    ("en", "March 5, 2026"), ("en", "March 5th 2026"), ("en", "5 march 2026"),
])
def test_dates_as_typed(language, text):
    assert parse_date(text, language=language) == MARCH_5


def test_two_digit_years_and_september():
    assert parse_date("1-1-69", language="nl") == dt.date(2069, 1, 1)
    assert parse_date("1-1-70", language="nl") == dt.date(1970, 1, 1)
    assert parse_date("3 Sept 2026", language="en") == dt.date(2026, 9, 3)


@pytest.mark.parametrize("language,text,said", [
    ("nl", "30-2-2026", "'30-2-2026' is not a real date; write it like 5-3-2026"),
    ("en", "2026-02-30", "'2026-02-30' is not a real date; write it like 5/3/2026"),
    ("nl", "5 March 2026", "'5 March 2026' is not a date; write it like 5-3-2026"),  # English month names in Dutch
    ("en", "5 maart 2026", "is not a date"),
    ("nl", "gisteren", "is not a date"), ("nl", "5-3", "is not a date"), ("nl", "2026-3-5", "is not a date"),
    ("en", "5/3/202", "is not a date"), ("en", "١-٣-٢٠٢٦", "is not a date"),
    ("nl", "", "A date is needed; write it like 5-3-2026"),
])
def test_dates_refused(language, text, said):
    with pytest.raises(ValidationError) as err:
        parse_date(text, language=language, field="day")
    assert said in err.value.message and err.value.field == "day"


@pytest.mark.parametrize("text,expected", [
    ("9:30", (9, 30)), ("09:30", (9, 30)), ("09.30", (9, 30)), ("9u30", (9, 30)), ("9h30", (9, 30)),
    ("930", (9, 30)), ("0930", (9, 30)), ("9", (9, 0)), ("23:59", (23, 59)), ("0:00", (0, 0)), (" 14:05 ", (14, 5)),
])
def test_times_as_typed(text, expected):
    assert parse_time(text) == dt.time(*expected)
    assert parse_time("09:30:15") == dt.time(9, 30, 15)


@pytest.mark.parametrize("text", ["24:00", "9:60", "9:5", "12345", "half tien", "9:30 pm", "", "-9"])
def test_times_refused(text):
    with pytest.raises(ValidationError, match="is not a time; write it like 09:30|A time is needed"):
        parse_time(text)


# --- properties --------------------------------------------------------------------------------

LOCALES = {"nl": "nl_NL", "en": "en_GB"}
two_places = st.decimals(min_value=Decimal("-9999999999999.99"), max_value=Decimal("9999999999999.99"), places=2,
                         allow_nan=False, allow_infinity=False)


@settings(max_examples=300, deadline=None)
@given(amount=two_places, language=st.sampled_from(["nl", "en"]),
       pattern=st.sampled_from(["#,##0.00", "0.00", "currency", "code"]))
def test_an_amount_babel_formats_in_the_language_reads_back(amount, language, pattern):
    locale = LOCALES[language]
    if pattern == "currency":
        text = format_currency(amount, "EUR", locale=locale)
    elif pattern == "code":
        text = format_currency(amount, "EUR", format="#,##0.00 ¤¤", locale=locale)
    else:
        text = format_decimal(amount, format=pattern, locale=locale)
    assert parse_amount(text, language=language) == amount
    assert parse_amount(parsing.editable_amount(amount, language=language), language=language) == amount


@settings(max_examples=300, deadline=None)
@given(value=st.decimals(min_value=Decimal("-1000"), max_value=Decimal("1000"), places=3, allow_nan=False,
                         allow_infinity=False),
       language=st.sampled_from(["nl", "en"]))
def test_a_number_for_editing_reads_back(value, language):
    assert parse_number(parsing.editable_number(value, language=language), language=language) == value
    assert parse_percent(parsing.editable_number(value, language=language) + " %", language=language) == value


typed = st.one_of(st.text(max_size=30), st.text(st.sampled_from("0123456789.,-+ €$£%()eE:/u\u00a0\u2212"), max_size=14),
                  st.text(st.characters(exclude_categories=()), max_size=12))
READERS = [parse_amount, parse_number, parse_percent, parse_date, parse_time]


@settings(max_examples=600, deadline=None)
@given(text=typed, language=st.sampled_from(["nl", "en", None]), reader=st.sampled_from(READERS),
       decimal_comma=st.sampled_from([None, True, False]))
def test_any_text_is_read_or_refused_with_a_validation_error(text, language, reader, decimal_comma):
    extra = {"decimal_comma": decimal_comma} if reader in (parse_amount, parse_number) else {}
    try:
        value = reader(text, language=language, **extra)
    except ValidationError as exc:
        assert exc.message and "\n" not in exc.message and "\r" not in exc.message
        return
    if reader is parse_amount and value is not None:
        assert value.is_finite() and abs(value) < parsing.AMOUNT_LIMIT and value == value.quantize(Decimal("0.01"))


@given(st.text(alphabet="0123456789.,-+()%€$ \u00a0\u2212EURO", max_size=14), st.booleans(), st.booleans())
def test_the_quick_way_past_a_plain_number_takes_off_what_the_full_reading_does(text, percent, money):
    # a cell that starts and ends with a digit skips the sign, currency and space handling (a large import)
    from relationapp.text.parsing import _unsigned, _unsigned_written

    assert _unsigned(text, percent=percent, money=money) == _unsigned_written(text, percent=percent, money=money)
