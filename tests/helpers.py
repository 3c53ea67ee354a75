"""Small helpers for the import/export tests."""

from __future__ import annotations

import sqlalchemy as sa


def count(db, table: str) -> int:
    with db.read() as session:
        return session.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()


def rows(db, sql: str) -> list[tuple]:
    with db.read() as session:
        return [tuple(r) for r in session.execute(sa.text(sql))]
