"""SQL expressions the two backends spell differently, written once (SQLite keeps dates as ISO text)."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement


class days_between(FunctionElement):
    """Whole days from the date ``earlier`` to the date ``later``: ``days_between(later, earlier)``."""

    type = sa.Integer()
    name = "days_between"
    inherit_cache = True


@compiles(days_between, "sqlite")
def _days_between_sqlite(element, compiler, **kw):
    later, earlier = (compiler.process(c, **kw) for c in element.clauses)
    return f"CAST(julianday({later}) - julianday({earlier}) AS INTEGER)"


@compiles(days_between)
def _days_between(element, compiler, **kw):
    later, earlier = (compiler.process(c, **kw) for c in element.clauses)
    return f"({later} - {earlier})"  # date minus date is a whole number of days


class holds_text(FunctionElement):
    """``holds_text(text, part)``: the text holds ``part`` (a plain substring, case as given)."""

    type = sa.Boolean()
    name = "holds_text"
    inherit_cache = True


@compiles(holds_text, "sqlite")
def _holds_text_sqlite(element, compiler, **kw):
    text, part = (compiler.process(c, **kw) for c in element.clauses)
    return f"instr({text}, {part}) > 0"


@compiles(holds_text)
def _holds_text(element, compiler, **kw):
    text, part = (compiler.process(c, **kw) for c in element.clauses)
    return f"strpos({text}, {part}) > 0"
