"""Checks shared by the services, each with a message a user understands."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from relationapp.errors import ValidationError

_EMAIL = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"'.]{2,}$")
_PHONE = re.compile(r"^\+?[0-9 ()./-]{3,40}$")


def text(value: str | None, *, field: str, label: str, required: bool = False, max_length: int = 300) -> str | None:
    cleaned = (value or "").strip()
    if not cleaned:
        if required:
            raise ValidationError(f"{label} cannot be empty.", field=field)
        return None
    if len(cleaned) > max_length:
        raise ValidationError(f"{label} is too long (at most {max_length} characters).", field=field)
    return cleaned


def long_text(value: str | None) -> str | None:
    cleaned = (value or "").strip()
    return cleaned or None


def email(value: str | None, *, field: str = "email") -> str | None:
    cleaned = (value or "").strip()
    if not cleaned:
        return None
    if not _EMAIL.match(cleaned) or len(cleaned) > 320:
        raise ValidationError(f"'{cleaned}' is not a valid e-mail address.", field=field)
    return cleaned


def phone(value: str | None, *, field: str = "phone") -> str | None:
    cleaned = (value or "").strip()
    if not cleaned:
        return None
    if not _PHONE.match(cleaned) or sum(c.isdigit() for c in cleaned) < 3:
        raise ValidationError(f"'{cleaned}' is not a valid phone number.", field=field)
    return cleaned


def choice(value: str | None, allowed: tuple[str, ...], *, field: str, label: str, required: bool = False) -> str | None:
    if value in (None, ""):
        if required:
            raise ValidationError(f"{label} must be chosen.", field=field)
        return None
    if value not in allowed:
        raise ValidationError(f"{label} must be one of: {', '.join(allowed)} (not '{value}').", field=field)
    return value


def parse_date(value: str | dt.date | None, *, field: str, label: str, required: bool = False) -> dt.date | None:
    """A date, or an ISO text YYYY-MM-DD; refuses impossible dates such as Feb 30."""
    if value is None or value == "":
        if required:
            raise ValidationError(f"{label} is required.", field=field)
        return None
    if isinstance(value, dt.datetime):
        raise ValidationError(f"{label} must be a date, not a date and time.", field=field)
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValidationError(f"{label}: '{value}' is not a valid date (YYYY-MM-DD).", field=field) from None


def month_day(day: int | None, month: int | None, year: int | None, *, field: str, label: str) -> tuple[int | None, int | None, int | None]:
    """Day and month required together; year optional; Feb 29 needs a leap year if given."""
    if day is None and month is None:
        if year is not None:
            raise ValidationError(f"{label}: a year alone is not a date; give day and month.", field=field)
        return None, None, None
    if day is None or month is None:
        raise ValidationError(f"{label} needs both a day and a month.", field=field)
    if not 1 <= month <= 12:
        raise ValidationError(f"{label}: month {month} does not exist.", field=field)
    if year is not None and not 1850 <= year <= dt.date.today().year + 1:
        raise ValidationError(f"{label}: year {year} is not plausible.", field=field)
    max_day = calendar.monthrange(year if year is not None else 2000, month)[1]  # 2000: leap
    if not 1 <= day <= max_day:
        month_name = calendar.month_name[month]
        raise ValidationError(f"{label}: {month_name} {day} does not exist" + (f" in {year}." if year else "."), field=field)
    return day, month, year


def money(value, *, field: str, label: str, allow_negative: bool = False, required: bool = False) -> Decimal | None:
    if value is None or value == "":
        if required:
            raise ValidationError(f"{label} is required.", field=field)
        return None
    if isinstance(value, float):
        value = repr(value)  # never carry binary float error into money
    try:
        amount = Decimal(str(value).strip())
    except InvalidOperation:
        raise ValidationError(f"{label}: '{value}' is not an amount.", field=field) from None
    if not amount.is_finite():
        raise ValidationError(f"{label}: '{value}' is not an amount.", field=field)
    if amount < 0 and not allow_negative:
        raise ValidationError(f"{label} cannot be negative.", field=field)
    if amount.as_tuple().exponent < -2:
        raise ValidationError(f"{label}: at most two decimals.", field=field)
    if abs(amount) >= Decimal("1e13"):
        raise ValidationError(f"{label} is too large.", field=field)
    return amount.quantize(Decimal("0.01"))


def whole_number(value, *, field: str, label: str, minimum: int | None = None, maximum: int | None = None, required: bool = False) -> int | None:
    if value is None or value == "":
        if required:
            raise ValidationError(f"{label} is required.", field=field)
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ValidationError(f"{label}: '{value}' is not a whole number.", field=field) from None
    if minimum is not None and number < minimum:
        raise ValidationError(f"{label} must be at least {minimum}.", field=field)
    if maximum is not None and number > maximum:
        raise ValidationError(f"{label} must be at most {maximum}.", field=field)
    return number


_AMOUNT_NOISE = str.maketrans({" ": None, "\u00a0": None, "\u202f": None, "€": None, "$": None, "£": None, "\u2212": "-"})
_AMOUNT_CHARS = re.compile(r"^[+-]?[0-9.,]+$")


def parse_amount(text: str, *, decimal_comma: bool, field: str = "amount", label: str = "Amount") -> Decimal:
    """An amount as written in a locale: ``1.234,56`` (decimal comma) or ``1,234.56``.

    Strict: thousands separators must sit in groups of three, so ``12.50``
    with a decimal comma is refused rather than read as 1250. Currency
    signs and spaces are ignored; at most two decimals.
    """
    from babel.numbers import NumberFormatError, parse_decimal

    cleaned = (text or "").strip().translate(_AMOUNT_NOISE)
    example = "1.234,56" if decimal_comma else "1,234.56"
    if not _AMOUNT_CHARS.match(cleaned):
        raise ValidationError(f"{label}: '{text}' is not an amount (write it like {example}).", field=field)
    try:
        amount = parse_decimal(cleaned, locale="nl_NL" if decimal_comma else "en_US", strict=True)
    except NumberFormatError:
        raise ValidationError(f"{label}: '{text}' is not an amount (write it like {example}).", field=field) from None
    return money(amount, field=field, label=label, allow_negative=True, required=True)
