"""Move a firm from its SQLite file to a PostgreSQL database: ``relationapp migrate-to postgresql://...``.

The target is migrated to the same schema first, then every table is copied
in one transaction (parents before children), the id sequences are set past
the copied ids, and each table's count is compared before the commit (and
the server's statistics gathered, so its first queries are planned on them): a
difference, or any error, leaves the target as empty as it was. A target that
holds any record is refused. The derived tables (the tier cache) are not
copied: the server recomputes them on the first look; the search index fills
itself through its triggers.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import SQLModel

from relationapp.data import models  # noqa: F401 - registers every table
from relationapp.data.db import Database
from relationapp.errors import ValidationError
from relationapp.services.data_care.everything import counters_past_rows
from relationapp.text.catalogue import _

BATCH = 5000  # rows read from the file at a time
DERIVED = {"tier_cache", "tier_cache_state"}  # recomputed by the server, not copied


@dataclass(frozen=True)
class MoveResult:
    target: str  # the server database, password masked
    counts: tuple[tuple[str, int], ...]  # (table, rows copied), parents first

    @property
    def total(self) -> int:
        return sum(n for _table, n in self.counts)


def copied_tables() -> list[sa.Table]:
    return [t for t in SQLModel.metadata.sorted_tables if t.name not in DERIVED]


def _counts(conn, tables: list[sa.Table]) -> dict[str, int]:
    return {t.name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one() for t in tables}


def move_to_server(source: Database, *, target: Database) -> MoveResult:
    """Copy ``source`` (a SQLite database at head) into ``target`` (an empty PostgreSQL database at head)."""
    if target.engine.dialect.name != "postgresql":
        raise ValidationError(_("migrate-to copies into a PostgreSQL database: give a postgresql:// URL."),
                              field="target")
    if source.engine.dialect.name != "sqlite":
        raise ValidationError(_("migrate-to copies a SQLite database; this one is on a server already."),
                              field="source")
    tables = copied_tables()
    with target.write() as session:
        conn = session.connection()
        held = {name: n for name, n in _counts(conn, [*tables, *(SQLModel.metadata.tables[t] for t in DERIVED)]).items()
                if n}
        if held:
            raise ValidationError(_("{target} already holds records ({tables}); migrate-to copies into an empty "
                                    "database only.").format(target=target.label, tables=", ".join(sorted(held))),
                                  field="target")
        with source.read() as reading:
            for table in tables:
                _copy_table(reading, conn, table)
            expected = _counts(reading.connection(), tables)
        counters_past_rows(conn, tables)
        copied = _counts(conn, tables)
        if copied != expected:
            wrong = ", ".join(f"{name} {copied[name]} of {expected[name]}" for name in expected
                              if copied[name] != expected[name])
            raise ValidationError(_("The copy does not match the file ({tables}); nothing was kept.").format(
                tables=wrong), field="target")
        conn.execute(sa.text("ANALYZE"))  # without statistics the planner guesses, and at L it guesses slow
    return MoveResult(target=target.label, counts=tuple((t.name, copied[t.name]) for t in tables))


def _copy_table(reading, conn, table: sa.Table) -> None:
    """Every row of ``table``, read through its column types (cents, dates, booleans as Python values),
    made the server's values by the same types, and streamed in with COPY: at L (millions of touches)
    an INSERT per row spent most of the time parsing and binding rows, not storing them."""
    dialect = conn.dialect
    processors = [column.type.bind_processor(dialect) for column in table.columns]
    names = ", ".join(dialect.identifier_preparer.quote(column.name) for column in table.columns)
    result = reading.execute(sa.select(table))
    cursor = conn.connection.driver_connection.cursor()
    with cursor.copy(f"COPY {dialect.identifier_preparer.quote(table.name)} ({names}) FROM STDIN") as copy:
        while rows := result.fetchmany(BATCH):
            for row in rows:
                copy.write_row([value if process is None or value is None else process(value)
                                for process, value in zip(processors, row)])
