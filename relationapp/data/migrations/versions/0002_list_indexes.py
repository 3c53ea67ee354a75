"""covering indexes for the big lists (ids in display order, archived left out)

Revision ID: 0002_list_indexes
Revises: 0001_initial
Create Date: 2026-11-22

PostgreSQL also gets the twin of SQLite's NOCASE name order: (archived, the
name in lower case in the "C" order, id), which Find anyone's name prefix
reads (services/customers/search.py ``_name_key``).
"""
from alembic import op

revision = "0002_list_indexes"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_account_archived_name", "account", ["archived", "name"]),
    ("ix_account_archived_city", "account", ["archived", "city"]),
    ("ix_account_archived_stage", "account", ["archived", "stage"]),
    ("ix_person_archived_name", "person", ["archived", "name"]),
)


PG_NAME_INDEXES = {"ix_account_archived_lower_name": "account", "ix_person_archived_lower_name": "person"}


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)
    if op.get_bind().dialect.name == "postgresql":
        for name, table in PG_NAME_INDEXES.items():
            op.execute(f'CREATE INDEX {name} ON {table} (archived, (lower(name) COLLATE "C"), id)')


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name in PG_NAME_INDEXES:
            op.execute(f"DROP INDEX IF EXISTS {name}")
    for name, table, _ in INDEXES:
        op.drop_index(name, table_name=table)
