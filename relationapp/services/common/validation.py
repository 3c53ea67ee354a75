"""Checks shared by the services and the importers, each with a message a user understands.

Text: control characters are refused (tab and line breaks only in
multi-line text such as notes), a lone surrogate (a broken character that
no file can hold) too, and the bidi controls that reorder what follows them
(U+202A-U+202E, U+2066-U+2069) are removed, so a name never shows reversed.
A message quotes a value through ``shown``: on one line and cut short.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
import reprlib
from decimal import Decimal, InvalidOperation

from babel.dates import get_month_names

from relationapp.errors import ValidationError
from relationapp.text import formatting, parsing
from relationapp.text.catalogue import _

_EMAIL = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"'.]{2,}$")
_PHONE = re.compile(r"^\+?[0-9 ()./-]{3,40}$")

# SQLite stores integers in 64 bits
SQLITE_MIN_INTEGER = -(2**63)
SQLITE_MAX_INTEGER = 2**63 - 1

_NO_BIDI = str.maketrans("", "", parsing.BIDI_CONTROLS)
# refused in one-line text: every control character (Cc), the Unicode line and paragraph separators, lone surrogates
_NOT_IN_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
# refused in multi-line text: the same but tab, line feed and carriage return (and the Unicode separators)
_NOT_IN_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_QUOTE_LIMIT = 60
_repr = reprlib.Repr()
_repr.maxstring = _repr.maxother = 2 * _QUOTE_LIMIT


def without_bidi(text: str) -> str:
    """``text`` without the characters that reverse or embed what follows (U+202A-U+202E, U+2066-U+2069)."""
    return text.translate(_NO_BIDI)


def shown(value, *, limit: int = _QUOTE_LIMIT) -> str:
    """A value as a message quotes it: one line (a line break shows as ⏎), no control or bidi
    characters (a control character shows as �), at most ``limit`` characters (cut with …)."""
    if isinstance(value, str):
        text = value[:limit * 4]
    elif isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 4 * limit:
        text = _("a number of about {digits} digits").format(digits=int(value.bit_length() * 0.30103) + 1)
    else:
        text = _repr.repr(value)
    return parsing.quoted(text, limit=limit, strip=False)


def one_line(message: str) -> str:
    """A whole message on one line: line breaks become spaces, control and broken characters �, bidi controls go."""
    return parsing.UNSHOWABLE.sub("\ufffd", parsing.LINE_BREAK.sub(" ", without_bidi(message)))


def described(value) -> str:
    """How a message names a value: quoted text, a number, or what kind of thing it is (a list ...)."""
    if isinstance(value, bool):
        return _("true/false")
    if isinstance(value, (list, tuple)):
        return _("a list")
    if isinstance(value, dict):
        return _("a group of fields")
    if isinstance(value, (int, float, Decimal)):
        return shown(value)
    return f"'{shown(value)}'"


def characters(value: str, *, field: str, label: str, multiline: bool = False) -> str:
    """Refuse control characters (tab and line breaks allowed in multi-line text) and lone surrogates;
    remove the bidi controls. ``value`` must be a str."""
    if value.isprintable():  # the usual text: no Cc, Cf (the bidi controls), Zl, Zp or surrogate (an import's fast path)
        return value
    bad = (_NOT_IN_TEXT if multiline else _NOT_IN_LINE).search(value)
    if bad:
        char = bad.group()
        code = f"U+{ord(char):04X}"
        if "\ud800" <= char <= "\udfff":
            what = _("a broken character ({code}, half of a surrogate pair)").format(code=code)
            advice = _("the text was damaged on its way")
        elif char in "\n\r\u2028\u2029":
            what, advice = _("a line break ({code})").format(code=code), _("it must be one line")
        elif char == "\t":
            what, advice = _("a tab ({code})").format(code=code), _("it must be one line")
        else:
            what, advice = _("a control character ({code})").format(code=code), _("remove it")
        raise ValidationError(_("{label} holds {what} at position {position}; {advice}.").format(label=label, what=what, position=bad.start() + 1, advice=advice), field=field)
    return without_bidi(value)


def _must_be_text(value, *, field: str, label: str) -> None:
    if value is not None and not isinstance(value, str):
        raise ValidationError(_("{label} must be text, not {value}.").format(label=label, value=described(value)), field=field)


def text(value: str | None, *, field: str, label: str, required: bool = False, max_length: int = 300) -> str | None:
    """One line of text: stripped, without control characters, at most ``max_length`` characters."""
    _must_be_text(value, field=field, label=label)
    cleaned = characters((value or "").strip(), field=field, label=label).strip()
    if not cleaned:
        if required:
            raise ValidationError(_("{label} cannot be empty.").format(label=label), field=field)
        return None
    if len(cleaned) > max_length:
        raise ValidationError(_("{label} is too long (at most {count} characters).").format(label=label, count=max_length), field=field)
    return cleaned


def long_text(value: str | None, *, field: str = "notes", label: str | None = None) -> str | None:
    """Multi-line text (notes): tabs and line breaks kept, other control characters refused."""
    label = label or _("Notes")
    _must_be_text(value, field=field, label=label)
    cleaned = characters((value or "").strip(), field=field, label=label, multiline=True).strip()
    return cleaned or None


def email(value: str | None, *, field: str = "email") -> str | None:
    label = _("E-mail")
    _must_be_text(value, field=field, label=label)
    cleaned = characters((value or "").strip(), field=field, label=label).strip()
    if not cleaned:
        return None
    if not _EMAIL.match(cleaned) or len(cleaned) > 320:
        raise ValidationError(_("'{value}' is not a valid e-mail address.").format(value=shown(cleaned)), field=field)
    return cleaned


def phone(value: str | None, *, field: str = "phone") -> str | None:
    label = _("Phone")
    _must_be_text(value, field=field, label=label)
    cleaned = characters((value or "").strip(), field=field, label=label).strip()
    if not cleaned:
        return None
    if not _PHONE.match(cleaned) or sum(map(str.isdigit, cleaned)) < 3:
        raise ValidationError(_("'{value}' is not a valid phone number.").format(value=shown(cleaned)), field=field)
    return cleaned


def choice(value: str | None, allowed: tuple[str, ...], *, field: str, label: str, required: bool = False) -> str | None:
    if value is None or value == "":
        if required:
            raise ValidationError(_("{label} must be chosen.").format(label=label), field=field)
        return None
    if not isinstance(value, str) or value not in allowed:
        raise ValidationError(_("{label} must be one of: {choices} (not {value}).").format(label=label, choices=", ".join(allowed), value=described(value)), field=field)
    return value


_TRUE = ("true", "1", "yes", "ja")
_FALSE = ("false", "0", "no", "nee")


def boolean(value, *, field: str, label: str, required: bool = False) -> bool | None:
    """true/false, 1/0, yes/no or ja/nee (any case), or a bool; nothing else."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError(_("{label} is required (yes or no).").format(label=label), field=field)
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        word = value.strip().lower()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
    raise ValidationError(_("{label}: {value} is neither yes nor no (write true/false, 1/0, yes/no or ja/nee).").format(label=label, value=described(value)),
                          field=field)


def parse_date(value: str | dt.date | None, *, field: str, label: str, required: bool = False,
               language: str | None = None) -> dt.date | None:
    """A date, or an ISO text YYYY-MM-DD; refuses impossible dates such as Feb 30.

    With ``language`` a text is read as typed in that language too (``5-3-2026``,
    ``5 maart 2026``: ``relationapp.text.parsing.parse_date``); without, only ISO,
    as files and the command line write dates."""
    if value is None or value == "":
        if required:
            raise ValidationError(_("{label} is required.").format(label=label), field=field)
        return None
    if isinstance(value, dt.datetime):
        raise ValidationError(_("{label} must be a date, not a date and time.").format(label=label), field=field)
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise ValidationError(_("{label}: {value} is not a date (YYYY-MM-DD).").format(label=label, value=described(value)), field=field)
    if language is not None:
        return parsing.parse_date(value, language=language, field=field, label=label)
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ValidationError(_("{label}: '{value}' is not a valid date (YYYY-MM-DD).").format(label=label, value=shown(value)), field=field) from None


def month_day(day: int | None, month: int | None, year: int | None, *, field: str, label: str) -> tuple[int | None, int | None, int | None]:
    """Day and month required together; year optional; Feb 29 needs a leap year if given."""
    if day is None and month is None:
        if year is not None:
            raise ValidationError(_("{label}: a year alone is not a date; give day and month.").format(label=label), field=field)
        return None, None, None
    if day is None or month is None:
        raise ValidationError(_("{label} needs both a day and a month.").format(label=label), field=field)
    if not 1 <= month <= 12:
        raise ValidationError(_("{label}: month {month} does not exist.").format(label=label, month=shown(month)), field=field)
    if year is not None and not 1850 <= year <= dt.date.today().year + 1:
        raise ValidationError(_("{label}: year {year} is not plausible.").format(label=label, year=shown(year)), field=field)
    max_day = calendar.monthrange(year if year is not None else 2000, month)[1]  # 2000: leap
    if not 1 <= day <= max_day:
        month_name = get_month_names("wide", locale=formatting.current().locale)[month]
        if year:
            message = _("{label}: {month} {day} does not exist in {year}.").format(
                label=label, month=month_name, day=shown(day), year=year)
        else:
            message = _("{label}: {month} {day} does not exist.").format(label=label, month=month_name, day=shown(day))
        raise ValidationError(message, field=field)
    return day, month, year


MONEY_LIMIT = parsing.AMOUNT_LIMIT  # ten thousand billion: in cents still far inside SQLite's 64 bits


def money(value, *, field: str, label: str, allow_negative: bool = False, required: bool = False,
          language: str | None = None, decimal_comma: bool | None = None) -> Decimal | None:
    """An exact amount with at most two decimals, finite and below ``MONEY_LIMIT``.

    Text is read as typed by ``relationapp.text.parsing.parse_amount`` in ``language``
    (by default the current catalogue language): ``1.234,56`` in Dutch, ``1,234.56`` in
    English, and what can only be read one way (``12.50``) in either; ``decimal_comma``
    fixes the convention instead (a file's: False reads ``1.500`` as 1.5 in any language).
    A Decimal, an int or a float is taken as the number it is.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError(_("{label} is required.").format(label=label), field=field)
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float, Decimal)):
        raise ValidationError(_("{label}: {value} is not an amount.").format(label=label, value=described(value)),
                              field=field)
    if isinstance(value, str):
        amount = parsing.parse_amount(value, language=language, decimal_comma=decimal_comma, field=field, label=label)
    else:
        try:  # a float through its repr: never carry binary float error into money
            amount = Decimal(repr(value) if isinstance(value, float) else value)
        except (InvalidOperation, ValueError):  # pragma: no cover - ints and Decimals always convert
            raise ValidationError(_("{label}: {value} is not an amount.").format(label=label, value=described(value)),
                                  field=field) from None
        if not amount.is_finite():
            raise ValidationError(_("{label}: '{value}' is not an amount.").format(label=label, value=shown(value)),
                                  field=field)
        if abs(amount) >= MONEY_LIMIT:
            raise ValidationError(_("{label} is too large.").format(label=label), field=field)
        if amount.as_tuple().exponent < -2 and amount != amount.quantize(Decimal("0.01")):
            raise ValidationError(_("{label}: at most two decimals.").format(label=label), field=field)
        amount = amount.quantize(Decimal("0.01"))
    if amount < 0 and not allow_negative:
        raise ValidationError(_("{label} cannot be negative.").format(label=label), field=field)
    return amount


_WHOLE = re.compile(r"[+-]?[0-9]+")


def whole_number(value, *, field: str, label: str, minimum: int | None = None, maximum: int | None = None, required: bool = False) -> int | None:
    """A whole number (an int, or its digits 0-9 as text) within SQLite's 64-bit range and the given bounds."""
    if value is None or value == "":
        if required:
            raise ValidationError(_("{label} is required.").format(label=label), field=field)
        return None
    if isinstance(value, bool):
        number = None
    elif isinstance(value, int):
        number = value
    elif isinstance(value, float):
        number = int(value) if math.isfinite(value) and value.is_integer() else None
    elif isinstance(value, Decimal):
        whole = value.is_finite() and value == value.to_integral_value()
        number = (int(value) if value.adjusted() < 40 else int(value.copy_sign(Decimal(10) ** 40))) if whole else None
    elif isinstance(value, str) and _WHOLE.fullmatch(value.strip()):
        digits = value.strip()
        number = int(digits) if len(digits) <= 40 else (-1 if digits[0] == "-" else 1) * 10**40
    else:
        number = None
    if number is None:
        raise ValidationError(_("{label}: {value} is not a whole number.").format(label=label, value=described(value)), field=field)
    low = SQLITE_MIN_INTEGER if minimum is None else max(minimum, SQLITE_MIN_INTEGER)
    high = SQLITE_MAX_INTEGER if maximum is None else min(maximum, SQLITE_MAX_INTEGER)
    if number < low:
        raise ValidationError(_("{label} must be at least {minimum}.").format(label=label, minimum=low), field=field)
    if number > high:
        raise ValidationError(_("{label} must be at most {maximum}.").format(label=label, maximum=high), field=field)
    return number


def parse_amount(text: str, *, decimal_comma: bool, field: str = "amount", label: str = "Amount") -> Decimal:
    """A required amount written in a fixed convention (a file's): ``1.234,56`` with a decimal comma,
    ``1,234.56`` without. Strict: a single separator is read as the convention says, so ``12.50``
    with a decimal comma is refused rather than read as 1250 (see ``relationapp.text.parsing``)."""
    _must_be_text(text, field=field, label=label)
    amount = parsing.parse_amount(text, decimal_comma=decimal_comma, field=field, label=label)
    return money(amount, field=field, label=label, allow_negative=True, required=True)
