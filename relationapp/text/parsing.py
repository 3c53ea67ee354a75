"""The one reader of typed numbers, amounts, percentages, dates and times.

Every place a person types a value (the dialogs, the Settings page, the
Orders tab, the command line through the services) and the CSV importer
read it here, so a text is accepted or refused the same way everywhere.
No Qt here.

``language`` is ``"nl"`` (Dutch: ``1.234,56``, ``5-3-2026``, ``5 maart 2026``)
or ``"en"`` (British English: ``1,234.56``, ``5/3/2026``, ``5 March 2026``;
day before month). Leave it out to use the current catalogue language
(:func:`relationapp.text.catalogue.current_language`).

Numbers and amounts
    - A currency sign or code before or after (``€``, ``EUR``, ``$``, ``US$``,
      ``USD``, ``£``, ``GBP``, ``CHF``), spaces around it, a leading ``-``/``+``,
      a trailing ``-`` or accountants' ``(45,00)`` are accepted.
    - The language's own form, with or without grouping: ``1.234,56`` and
      ``1234,56`` in Dutch, ``1,234.56`` and ``1234.56`` in English. A space
      may group thousands too (``1 234,56``).
    - A single separator follows the language, unless it can only be read one
      way: grouping needs 1-3 digits (not starting with 0) before it and exactly
      three after, so Dutch ``1.5``, ``12.50`` and ``1234.56`` are decimals
      while ``1.500`` is 1500; English ``1,5`` is 1.5 and ``1,500`` is 1500.
    - Refused: letters (``1e5``, ``NaN``, ``inf``), digits other than 0-9,
      two decimal separators, grouping in the wrong places (``12,3,4``,
      ``1.234,56`` in English), more than two decimals in an amount (``12,345``
      in English; trailing zeros such as ``12.500`` are fine) and amounts of
      ten thousand billion or more.
    - ``decimal_comma=True/False`` fixes the convention instead (a CSV file's,
      decided from all its cells): then a single separator is read strictly
      as that convention says (``12.50`` with a decimal comma is refused).

Percentages are returned as a number of percent (``"12,5 %"`` -> ``Decimal("12.5")``),
as the settings store them; a ``%`` sign is optional.

Dates: ISO ``2026-03-05`` always; day-month-year with ``-``, ``/`` or ``.``
(``5-3-2026``, ``05/03/26``; a two-digit year is 2000-2069 or 1970-1999);
and the month by name in the language, in full or short (``5 maart 2026``,
``5 mrt. 2026``, ``5 March 2026``, ``March 5, 2026``). Month first
(American ``3/5/2026``) is not read as such.

Times: 24-hour ``9:30``, ``09.30``, ``9u30`` (Dutch), ``09:30:15``, ``930`` / ``0930``
(hours and minutes), or a bare hour ``9``.

Every refusal is a ``ValidationError(message, field=...)`` with a one-line
message that quotes what was typed and shows how to write it in the language.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from relationapp.errors import ValidationError
from relationapp.text import catalogue
from relationapp.text.catalogue import _

LOCALES = {"nl": "nl_NL", "en": "en_GB"}
MONEY_PLACES = 2
AMOUNT_LIMIT = Decimal("1e13")  # ten thousand billion: in cents still far inside SQLite's 64 bits
DIGITS_LIMIT = 40  # more digits than this before the decimal separator is no number anyone types
_QUOTE_LIMIT = 60
_CENT = Decimal("0.01")

# --- quoting what was typed --------------------------------------------------------------

LINE_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_BIDI = str.maketrans("", "", BIDI_CONTROLS)


def quoted(text: str, *, limit: int = _QUOTE_LIMIT, strip: bool = True) -> str:
    """``text`` as a message quotes it: one line (a break shows as ⏎), no control or bidi
    characters (a control character shows as �), cut to ``limit`` characters (with …)."""
    text = str(text)[: limit * 4]
    if strip:
        text = text.strip()
    if len(text) <= limit and text.isprintable():  # the usual cell: no control, bidi or separator character
        return text
    text = text.translate(_BIDI)
    text = UNSHOWABLE.sub("\ufffd", LINE_BREAK.sub("\u23ce", text))
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _language(language: str | None) -> str:
    return catalogue.supported(catalogue.current_language() if language is None else language)


def locale_of(language: str | None = None) -> str:
    """The Babel locale the app formats and reads ``language`` in: nl_NL or en_GB."""
    return LOCALES[_language(language)]


def _refusal(message: str, *, field: str | None, label: str | None) -> ValidationError:
    if label:
        message = _("{label}: {problem}").format(label=label, problem=message)
    return ValidationError(message, field=field)


# --- examples, formatted by Babel -----------------------------------------------------------


@lru_cache(maxsize=None)
def _example(kind: str, locale: str) -> str:
    from babel.dates import format_date
    from babel.numbers import format_decimal, format_percent

    if kind == "amount":
        return format_decimal(Decimal("1234.56"), format="#,##0.00", locale=locale)
    if kind == "number":
        return format_decimal(Decimal("1234.5"), format="#,##0.##", locale=locale)
    if kind == "percent":
        return format_percent(Decimal("0.125"), format="#,##0.#%", locale=locale)
    if kind == "date":
        return format_date(dt.date(2026, 3, 5), "d-M-yyyy" if locale == "nl_NL" else "d/M/yyyy", locale=locale)
    return "09:30"


def _locale_for(language: str | None, decimal_comma: bool | None) -> str:
    if decimal_comma is None:
        return locale_of(language)
    return LOCALES["nl"] if decimal_comma else LOCALES["en"]


def editable_amount(amount: Decimal | int | None, *, language: str | None = None) -> str:
    """An amount as a field shows it for editing, which :func:`parse_amount` reads back: ``1.234,56``."""
    from babel.numbers import format_decimal

    if amount is None:
        return ""
    return format_decimal(Decimal(amount), format="#,##0.00", locale=locale_of(language))


def editable_number(value: Decimal | int | None, *, language: str | None = None) -> str:
    """A number (a percentage in percent) for editing, without grouping: ``2,5`` / ``2.5``."""
    from babel.numbers import format_decimal

    if value is None:
        return ""
    return format_decimal(Decimal(value), format="0.##########", locale=locale_of(language))


# --- numbers ----------------------------------------------------------------------------------

_CURRENCY = r"(?:US\$|€|\$|£|EUR|USD|GBP|CHF)"
_CURRENCY_START = re.compile(_CURRENCY + r"\s*", re.IGNORECASE)
_CURRENCY_END = re.compile(r"\s*" + _CURRENCY + r"$", re.IGNORECASE)
_SPACES = re.compile(r"[ \u00a0\u202f\u2009]+")
_DIGITS = re.compile(r"[0-9]*")
_BODY = re.compile(r"[0-9., ]+")
_MINUS = str.maketrans({"\u2212": "-", "\u2012": "-", "\u2013": "-", "\ufe63": "-", "\uff0d": "-"})


def _unsigned(text: str, *, percent: bool = False, money: bool = False) -> tuple[bool, str]:
    """(negative, the number without its sign and a currency or percent sign); what is left is checked after."""
    if text[:1].isdigit() and text[-1:].isdigit() and text.isascii() and " " not in text:
        return False, text  # nothing to take off (no sign, currency or odd space): most cells of a large file
    return _unsigned_written(text, percent=percent, money=money)


def _unsigned_written(text: str, *, percent: bool = False, money: bool = False) -> tuple[bool, str]:
    s = _SPACES.sub(" ", text.translate(_MINUS)).strip()
    sign = currency = percent_sign = False
    negative = False
    for _round in range(6):
        if s.startswith("(") and s.endswith(")") and not sign:
            sign, negative, s = True, True, s[1:-1].strip()
            continue
        if s[:1] in ("-", "+") and not sign:
            sign, negative, s = True, s[0] == "-", s[1:].lstrip()
            continue
        if s[-1:] == "-" and not sign:
            sign, negative, s = True, True, s[:-1].rstrip()
            continue
        if percent and s[-1:] == "%" and not percent_sign:
            percent_sign, s = True, s[:-1].rstrip()
            continue
        if money and not currency:
            m = _CURRENCY_START.match(s) or _CURRENCY_END.search(s)
            if m:
                currency, s = True, (s[m.end():] if m.start() == 0 else s[:m.start()]).strip()
                continue
        break
    return negative, s


def _grouped(whole: str, group: str) -> str | None:
    """The digits of ``whole`` if its grouping is right (1-3 digits, then groups of three), else None."""
    parts = whole.split(group)
    if not parts[0] or len(parts[0]) > 3 or parts[0][0] == "0":
        return None
    if any(len(p) != 3 for p in parts[1:]):
        return None
    return "".join(parts)


def _could_group(before: str, after: str) -> bool:
    return 1 <= len(before) <= 3 and before[0] != "0" and len(after) == 3


def _digits(text: str, *, decimal_comma: bool | None, language: str, what: str = "amount") -> tuple[bool, str, str] | None:
    """(negative, whole digits, decimal digits) of a number as written, or None when it is no number."""
    negative, body = _unsigned(text, percent=what == "percent", money=what == "amount")
    return _split(body, negative=negative, decimal_comma=decimal_comma, language=language)


def _split(body: str, *, negative: bool, decimal_comma: bool | None, language: str) -> tuple[bool, str, str] | None:
    if not body or not _BODY.fullmatch(body) or not any(c.isdigit() for c in body):
        return None
    comma = (language == "nl") if decimal_comma is None else decimal_comma
    decimal, group = ("," , ".") if comma else (".", ",")
    if " " in body:  # a space groups thousands, and nothing else then does
        whole, _sep, rest = body.rpartition(decimal) if decimal in body else (body, "", "")
        if group in body or " " in rest:
            return None
        digits = _grouped(whole, " ")
        if digits is None:
            return None
        body = digits + (decimal + rest if _sep else "")
    dots, commas = body.count("."), body.count(",")
    if dots and commas:
        last = max(body.rfind("."), body.rfind(","))
        if body[last] != decimal or body.count(decimal) != 1:
            return None
        whole, fraction = body[:last], body[last + 1:]
        whole = _grouped(whole, group)
        if whole is None or not fraction:
            return None
        return negative, whole, fraction
    if not dots and not commas:
        return negative, body, ""
    sep = "." if dots else ","
    if body.count(sep) > 1:
        if sep == decimal:
            return None  # two decimal separators
        whole = _grouped(body, group)
        return None if whole is None else (negative, whole, "")
    before, _sep, after = body.partition(sep)
    if sep == group and (decimal_comma is not None or _could_group(before, after)):
        whole = _grouped(body, group)
        return None if whole is None else (negative, whole, "")
    # the decimal separator, or one that cannot group thousands and so can only be one
    if not after:
        return None
    return negative, before or "0", after


def _number(text, *, what: str, language: str | None, decimal_comma: bool | None, field: str | None,
            label: str | None) -> Decimal | None:
    lang = _language(language)
    example = _example(what, _locale_for(lang, decimal_comma))
    if text is None:
        return None
    if isinstance(text, bool) or not isinstance(text, str):
        raise _refusal(_("{value} is not text; write it like {example}").format(value=type(text).__name__,
                                                                                example=example),
                       field=field, label=label)
    if not text.strip():
        return None
    parts = _digits(text, decimal_comma=decimal_comma, language=lang, what=what)
    if parts is None:
        wording = {
            "amount": _("'{text}' is not an amount; write it like {example}"),
            "number": _("'{text}' is not a number; write it like {example}"),
            "percent": _("'{text}' is not a percentage; write it like {example}"),
        }[what]
        raise _refusal(wording.format(text=quoted(text), example=example), field=field, label=label)
    negative, whole, fraction = parts
    if len(whole.lstrip("0")) > DIGITS_LIMIT:
        raise _refusal(_("'{text}' is too large").format(text=quoted(text)), field=field, label=label)
    try:
        value = Decimal(("-" if negative else "") + whole + ("." + fraction if fraction else ""))
    except InvalidOperation:  # pragma: no cover - only digits get here
        raise _refusal(_("'{text}' is not a number; write it like {example}").format(text=quoted(text), example=example),
                       field=field, label=label) from None
    if what == "amount":
        if abs(value) >= AMOUNT_LIMIT:
            raise _refusal(_("'{text}' is too large for an amount").format(text=quoted(text)), field=field, label=label)
        if value != value.quantize(_CENT):
            raise _refusal(_("'{text}' has more than two decimals; write it like {example}").format(
                text=quoted(text), example=example), field=field, label=label)
        value = value.quantize(_CENT)
    if value == 0:
        value = abs(value)  # "-0" is 0
    return value


def parse_amount(text: str | None, *, language: str | None = None, decimal_comma: bool | None = None,
                 field: str | None = "amount", label: str | None = None) -> Decimal | None:
    """An amount of money with two decimals; None for blank text. See the module for the rules."""
    return _number(text, what="amount", language=language, decimal_comma=decimal_comma, field=field, label=label)


def parse_number(text: str | None, *, language: str | None = None, decimal_comma: bool | None = None,
                 field: str | None = None, label: str | None = None) -> Decimal | None:
    """A number with any decimals (the same rules as an amount, without currency limits); None for blank."""
    return _number(text, what="number", language=language, decimal_comma=decimal_comma, field=field, label=label)


def parse_percent(text: str, *, language: str | None = None, field: str | None = None,
                  label: str | None = None) -> Decimal:
    """A percentage as a number of percent: ``"12,5 %"``, ``"12,5%"`` and ``"12,5"`` are ``Decimal("12.5")``."""
    value = _number(text, what="percent", language=language, decimal_comma=None, field=field, label=label)
    if value is None:
        example = _example("percent", locale_of(language))
        raise _refusal(_("A percentage is needed; write it like {example}").format(example=example),
                       field=field, label=label)
    return value


def reads_as_number(text: str, *, decimal_comma: bool) -> bool:
    """Whether ``text`` is an amount (any decimals) in that convention (the CSV importer's vote); never raises."""
    return _digits(text, decimal_comma=decimal_comma, language="en") is not None


# --- dates ---------------------------------------------------------------------------------------

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)
_NUMERIC = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})", re.ASCII)
_DAY_MONTH_YEAR = re.compile(r"([0-9]{1,2})\.? ?([^\W\d_]+)\.?,? ([0-9]{4})")
_MONTH_DAY_YEAR = re.compile(r"([^\W\d_]+)\.? ([0-9]{1,2})(?:st|nd|rd|th)?,? ([0-9]{4})", re.IGNORECASE)


@lru_cache(maxsize=None)
def _month_numbers(locale: str) -> dict[str, int]:
    from babel.dates import get_month_names

    names: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for number, name in get_month_names(width, context=context, locale=locale).items():
                names[unicodedata.normalize("NFC", name).casefold().rstrip(".")] = number
    return names


def _full_year(year: str) -> int:
    if len(year) == 2:
        return 2000 + int(year) if int(year) < 70 else 1900 + int(year)
    return int(year)


def parse_date(text: str, *, language: str | None = None, field: str | None = None,
               label: str | None = None) -> dt.date:
    """A date as typed (see the module): ISO, day-month-year in figures, or with the month's name."""
    example = _example("date", locale_of(language))
    if not isinstance(text, str) or not text.strip():
        raise _refusal(_("A date is needed; write it like {example}").format(example=example), field=field, label=label)
    s = _SPACES.sub(" ", text).strip()
    parts: tuple[int, int, int] | None = None  # year, month, day
    if m := _ISO.fullmatch(s):
        parts = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif m := _NUMERIC.fullmatch(s):
        parts = _full_year(m.group(4)), int(m.group(3)), int(m.group(1))
    else:
        months = _month_numbers(locale_of(language))
        m = _DAY_MONTH_YEAR.fullmatch(s)
        if m and m.group(2).casefold() in months:
            parts = int(m.group(3)), months[m.group(2).casefold()], int(m.group(1))
        elif (m := _MONTH_DAY_YEAR.fullmatch(s)) and m.group(1).casefold() in months:
            parts = int(m.group(3)), months[m.group(1).casefold()], int(m.group(2))
    if parts is None:
        raise _refusal(_("'{text}' is not a date; write it like {example}").format(text=quoted(text), example=example),
                       field=field, label=label)
    try:
        return dt.date(*parts)
    except ValueError:
        raise _refusal(_("'{text}' is not a real date; write it like {example}").format(
            text=quoted(text), example=example), field=field, label=label) from None


# --- times ---------------------------------------------------------------------------------------

_CLOCK = re.compile(r"(\d{1,2})\s*[:.hHuU]\s*(\d{2})(?:[:.](\d{2}))?", re.ASCII)
_FIGURES = re.compile(r"\d{1,4}", re.ASCII)


def parse_time(text: str, *, language: str | None = None, field: str | None = None,
               label: str | None = None) -> dt.time:
    """A time of day, 24-hour: ``9:30``, ``09.30``, ``9u30``, ``930``, ``0930``, ``9``."""
    example = _example("time", locale_of(language))
    if not isinstance(text, str) or not text.strip():
        raise _refusal(_("A time is needed; write it like {example}").format(example=example), field=field, label=label)
    s = text.strip()
    hour = minute = second = None
    if m := _CLOCK.fullmatch(s):
        hour, minute, second = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
    elif _FIGURES.fullmatch(s):
        hour, minute, second = (int(s), 0, 0) if len(s) <= 2 else (int(s[:-2]), int(s[-2:]), 0)
    if hour is None or not (0 <= hour <= 23 and 0 <= minute <= 59 and 0 <= second <= 59):
        raise _refusal(_("'{text}' is not a time; write it like {example}").format(text=quoted(text), example=example),
                       field=field, label=label)
    return dt.time(hour, minute, second)
