"""Writing CSV that a spreadsheet opens safely.

A cell starting with ``= + - @``, a tab or a carriage return is a formula to
Excel and LibreOffice ("CSV injection"); we put an apostrophe in front so it
shows as text. Numbers we write ourselves (amounts, ids) are left alone:
``-12.50`` is a credit note, not a formula. Our own importer takes the
apostrophe off again, and only that one, so an export re-imports unchanged
(a name typed as ``'=x`` is written ``''=x`` and comes back as ``'=x``).
"""

from __future__ import annotations

import csv
import datetime as dt
import os
from decimal import Decimal
from pathlib import Path
from typing import Iterable

from relationapp.files.csv_read import write_dialect
from relationapp.files.paths import user_file

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _formula_after_apostrophes(text: str) -> bool:
    """Whether ``text``, leaving out its leading apostrophes, starts like a formula."""
    return text.lstrip("'").startswith(FORMULA_STARTS)


def neutralise(text: str) -> str:
    """An apostrophe in front of a formula start, also of one already behind apostrophes:
    ``'=x`` (typed so) is written ``''=x``, so that ``unneutralise`` gives it back exactly."""
    return "'" + text if _formula_after_apostrophes(text) else text


def unneutralise(text: str) -> str:
    """Undo ``neutralise`` exactly: only the one apostrophe it added is taken off."""
    if text.startswith("'") and _formula_after_apostrophes(text):
        return text[1:]
    return text


def cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, Decimal):
        return f"{value.quantize(Decimal('0.01'))}"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (dt.date, dt.time)):  # datetime is a date
        return value.isoformat()
    return neutralise(str(value))


def write_csv(path: Path, header: list[str], rows: Iterable[Iterable], *, bom: bool = False) -> int:
    """Write a CSV file (0600: it holds personal data); returns the number of rows."""
    path = user_file(path)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    count = 0
    with open(fd, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
        writer = csv.writer(fh, write_dialect(","))
        writer.writerow([neutralise(h) for h in header])
        for row in rows:
            writer.writerow([cell(v) for v in row])
            count += 1
    return count
