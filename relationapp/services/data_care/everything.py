"""Everything the database holds, table by table, and back into an empty database.

The full export (io/export.py) writes this out; ``load_everything`` puts it
back with the same ids in one transaction, so nothing is lost on the way:
every table of the schema is included (a new table is included by itself).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import sqlalchemy as sa
from sqlmodel import SQLModel

from relationapp.data import models  # noqa: F401  (registers every table)
from relationapp.data.db import Database
from relationapp.data.migrate import SCHEMA_HEAD
from relationapp.errors import ValidationError

FORMAT = "relationapp-export"
FORMAT_VERSION = 1


def tables() -> list[sa.Table]:
    """Every table, parents before children."""
    return list(SQLModel.metadata.sorted_tables)


@dataclass(frozen=True)
class Everything:
    schema: str
    tables: dict[str, list[dict]]  # table name -> rows (column -> Python value)


def read_everything(db: Database) -> Everything:
    out: dict[str, list[dict]] = {}
    with db.read() as session:
        for table in tables():
            pk = list(table.primary_key.columns)
            rows = session.execute(sa.select(table).order_by(*pk)).mappings()
            out[table.name] = [dict(r) for r in rows]
    return Everything(SCHEMA_HEAD, out)


def to_text(value):
    """A value as JSON can hold it (money and dates as text)."""
    if isinstance(value, Decimal):
        return f"{value.quantize(Decimal('0.01'))}"
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return value


def _from_text(column: sa.Column, value):
    if value is None:
        return None
    kind = column.type
    if isinstance(kind, models.Money):
        return Decimal(str(value))
    if isinstance(kind, sa.DateTime):
        return dt.datetime.fromisoformat(value)
    if isinstance(kind, sa.Date):
        return dt.date.fromisoformat(value)
    if isinstance(kind, sa.Time):
        return dt.time.fromisoformat(value)
    if isinstance(kind, sa.Boolean):
        return bool(value)
    return value


def is_empty(db: Database) -> bool:
    with db.read() as session:
        for name in ("account", "person", "orders", "interaction", "staff"):
            if session.execute(sa.text(f"SELECT 1 FROM {name} LIMIT 1")).first():  # noqa: S608 (fixed names)
                return False
    return True


def load_everything(db: Database, *, data: dict, source: str = "the export") -> dict[str, int]:
    """Put a full export (as read from its JSON file) into an EMPTY database; all or nothing.

    Returns rows added per table. Settings already stored are replaced by the export's.
    """
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValidationError(f"{source} is not a relationapp full export.")
    if data.get("schema") != SCHEMA_HEAD:
        raise ValidationError(
            f"{source} was made with schema {data.get('schema')}; this relationapp has {SCHEMA_HEAD}."
        )
    stored = data.get("tables")
    if not isinstance(stored, dict):
        raise ValidationError(f"{source} has no tables.")
    if not is_empty(db):
        raise ValidationError("The database is not empty; import a full export into a new database (--db NEW.db).")
    counts: dict[str, int] = {}
    with db.write() as session:
        for table in tables():
            rows = stored.get(table.name) or []
            if not isinstance(rows, list):
                raise ValidationError(f"{source}: table {table.name} is not a list of rows.")
            names = {c.name: c for c in table.columns}
            converted = []
            for n, row in enumerate(rows, start=1):
                if not isinstance(row, dict) or set(row) - set(names):
                    raise ValidationError(f"{source}: {table.name} row {n} has unknown columns.")
                try:
                    converted.append({k: _from_text(names[k], row.get(k)) for k in names})
                except (ValueError, ArithmeticError, TypeError) as exc:
                    raise ValidationError(f"{source}: {table.name} row {n}: {exc}.") from None
            if table.name == "setting":
                session.execute(sa.delete(table))
            if converted:
                try:
                    session.execute(sa.insert(table), converted)
                except sa.exc.IntegrityError as exc:
                    raise ValidationError(f"{source}: {table.name} does not fit ({exc.orig}).") from None
            counts[table.name] = len(converted)
    return counts
