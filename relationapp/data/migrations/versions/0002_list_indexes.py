"""covering indexes for the big lists (ids in display order, archived left out)

Revision ID: 0002_list_indexes
Revises: 0001_initial
Create Date: 2026-11-22
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


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _ in INDEXES:
        op.drop_index(name, table_name=table)
