"""Printing results: aligned text tables, or JSON with stable keys.

JSON: snake_case keys, ids as integers, dates as YYYY-MM-DD, money as
strings with two decimals.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys
from decimal import Decimal


def to_jsonable(value):
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, Decimal):
        return f"{value.quantize(Decimal('0.01'))}"
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return value


def print_json(value) -> None:
    json.dump(to_jsonable(value), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _cell(value) -> str:
    """A table cell as a person reads it: dates in the language of the run."""
    if value is None:
        return ""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        from relationapp.text import formatting

        return formatting.current().date(value)
    return str(value)


def print_table(headers: list[str], rows: list[list]) -> None:
    """Headers come worded (``_("name")``) by the caller; date cells are formatted here."""
    cells = [[_cell(c) for c in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in cells:
        for i, c in enumerate(row):
            widths[i] = min(max(widths[i], len(c)), 40)
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths))
    print(line.rstrip())
    for row in cells:
        print("  ".join(c[:40].ljust(w) for c, w in zip(row, widths)).rstrip())
