"""Number and date conventions of a file, read from its content.

``1.234,56`` and ``31-12-2025`` are Dutch; ``1,234.56`` and ``12/31/2025``
are American. We look at every value of the money and date columns and
decide once per file; only when the values fit both readings and the
delimiter gives no hint either do we ask (``AmbiguousConvention``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable

from relationapp.errors import ValidationError
from relationapp.services.common.validation import boolean, shown
from relationapp.text import parsing
from relationapp.text.catalogue import _


class AmbiguousConvention(ValidationError):
    """The file fits two conventions; the caller must choose (a flag or a question)."""


@dataclass(frozen=True)
class Conventions:
    decimal_comma: bool
    day_first: bool


_DATE = re.compile(r"^(\d{1,4})([-/.])(\d{1,2})\2(\d{1,4})$")
_ISO_DATETIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]\d{1,2}:\d{2}(:\d{2})?")


def number_votes(values: Iterable[str], *, until_decided: bool = False) -> tuple[int, int, int]:
    """(votes for a decimal comma, votes for a decimal point, ambiguous values); junk does not vote.

    A value votes for the conventions ``relationapp.text.parsing`` can read it in: ``1.234,56``
    and ``12,5`` only with a decimal comma, ``1,234.56`` and ``12.5`` only with a point;
    ``1.234`` in both (ambiguous); a value without a separator says nothing. ``until_decided``: stop
    counting once the values left cannot change which side has more (the counts are then partial)."""
    comma = point = unsure = 0
    values = list(values)
    for seen, raw in enumerate(values):
        if until_decided and abs(comma - point) > len(values) - seen:
            break  # the values left cannot change the majority (a large file's votes end halfway)
        if "." not in raw and "," not in raw:
            continue
        as_comma = parsing.reads_as_number(raw, decimal_comma=True)
        as_point = parsing.reads_as_number(raw, decimal_comma=False)
        if as_comma and as_point:
            unsure += 1
        elif as_comma:
            comma += 1
        elif as_point:
            point += 1
    return comma, point, unsure


def date_votes(values: Iterable[str], *, until_decided: bool = False) -> tuple[int, int, int]:
    """(day-first votes, month-first votes, ambiguous d/m values) for dates with the year last."""
    day = month = unsure = 0
    values = list(values)
    for seen, raw in enumerate(values):
        if until_decided and abs(day - month) > len(values) - seen:
            break  # as for the numbers: the rest cannot change the majority
        m = _DATE.match(raw.strip())
        if not m or len(m.group(1)) == 4:
            continue  # ISO or not a date: says nothing about the order
        a, sep, b = int(m.group(1)), m.group(2), int(m.group(3))
        if a > 12 >= b:
            day += 1
        elif b > 12 >= a:
            month += 1
        elif sep in "-.":
            day += 1  # 03-04-2025 and 03.04.2025 are European; America writes slashes
        else:
            unsure += 1
    return day, month, unsure


def _by_votes(yes: int, no: int) -> bool | None:
    """The majority when the values say anything, else None."""
    if not yes and not no:
        return None
    return yes > no


def detect(
    *,
    numbers: Iterable[str],
    dates: Iterable[str],
    delimiter: str,
    decimal_comma: bool | None = None,
    day_first: bool | None = None,
    file_label: str | None = None,
) -> Conventions:
    """Decide the file's conventions; an explicit choice always wins."""
    if decimal_comma is None:
        comma, point, unsure = number_votes(numbers, until_decided=True)
        decimal_comma = _by_votes(comma, point)
        if decimal_comma is None:
            if unsure and delimiter not in (";", ","):
                raise AmbiguousConvention(
                    _("{file}: amounts such as 1.234 could be read two ways; "
                      "say whether the decimal separator is a comma or a point.").format(file=file_label or _("the file")),
                    field="decimal_comma",
                )
            decimal_comma = delimiter == ";"  # the locales that write ';' write decimal commas
    if day_first is None:
        day, month, unsure = date_votes(dates, until_decided=True)
        day_first = _by_votes(day, month)
        if day_first is None:
            if unsure and delimiter != ";" and not decimal_comma:
                raise AmbiguousConvention(
                    _("{file}: dates such as 03/04/2025 could be day-month or month-day; "
                      "say which the file uses.").format(file=file_label or _("the file")),
                    field="day_first",
                )
            day_first = True
    return Conventions(decimal_comma=decimal_comma, day_first=day_first)


def parse_amount(raw: str, conv: Conventions, *, label: str) -> Decimal | None:
    """A cell's amount in the file's convention (the shared reader, strict for that convention); None if empty."""
    return parsing.parse_amount(raw, decimal_comma=conv.decimal_comma, field=None, label=label)


def parse_day(raw: str, conv: Conventions, *, label: str) -> dt.date | None:
    text = raw.strip()
    if not text:
        return None
    iso = _ISO_DATETIME.match(text)
    if iso:
        text = iso.group(1)
    m = _DATE.match(text)
    try:
        if m:
            a, b, c = m.group(1), m.group(3), m.group(4)
            if len(a) == 4:
                return dt.date(int(a), int(b), int(c))
            if len(c) == 2:
                c = str(2000 + int(c) if int(c) < 70 else 1900 + int(c))
            if len(c) != 4:
                raise ValueError
            day, month = (int(a), int(b)) if conv.day_first else (int(b), int(a))
            return dt.date(int(c), month, day)
        if re.fullmatch(r"\d{8}", text):
            return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        raise ValidationError(_("{label}: '{value}' is not a real date.").format(label=label, value=shown(text))) from None
    raise ValidationError(_("{label}: '{value}' is not a date.").format(label=label, value=shown(text)))


_PARTIAL = re.compile(r"^--(\d{2})-?(\d{2})$")


def parse_birthday(raw: str, conv: Conventions, *, label: str) -> tuple[int | None, int | None, int | None]:
    """A birthday as (day, month, year); also ``--03-14`` / ``--0314`` and ``14-03`` without a year."""
    text = raw.strip()
    if not text or text in ("0/0/00", "0-0-00", "00-00-0000"):  # Outlook writes 0/0/00 for none
        return None, None, None
    m = _PARTIAL.match(text)
    if m:
        return int(m.group(2)), int(m.group(1)), None
    m = re.fullmatch(r"(\d{1,2})([-/.])(\d{1,2})", text)
    if m:
        a, b = int(m.group(1)), int(m.group(3))
        day, month = (a, b) if conv.day_first else (b, a)
        return day, month, None
    d = parse_day(text, conv, label=label)
    return d.day, d.month, d.year


def parse_yes_no(raw: str, *, label: str) -> bool | None:
    """yes/no, ja/nee, true/false, 1/0 (the shared rule); an empty cell is None."""
    return boolean(raw, field="yes_no", label=label)
