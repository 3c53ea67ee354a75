"""No lost updates, and who made each change: a version on every record a form edits, and the change log

Revision ID: 0016_record_versions
Revises: 0015_dav_sync
Create Date: 2026-12-04

``version`` starts at 1 and goes up by one on every update (SQLAlchemy's
``version_id_col``: the UPDATE says ``WHERE id = ? AND version = ?``), so a
form that loaded version 3 and saves after somebody else saved version 4 is
told, instead of writing over it. Adding a column with a constant default
rewrites nothing on SQLite or PostgreSQL: instant at any size.

``change_log``: one row per committed write transaction (``data.db``): when,
the staff member who was "I am" then, and the tables it changed. Other
windows read the rows after the last one they saw to refresh what changed;
``relationapp log`` shows them. Pruned to 30 days and 100,000 rows.
"""
import sqlalchemy as sa
from alembic import op

revision = "0016_record_versions"
down_revision = "0015_dav_sync"
branch_labels = None
depends_on = None

VERSIONED = ("account", "person", "important_date", "interaction", "follow_up", "orders", "staff", "qualification")


def upgrade() -> None:
    for table in VERSIONED:
        op.add_column(table, sa.Column("version", sa.Integer(), nullable=False, server_default=sa.text("1")))
    op.create_table(
        "change_log",
        sa.Column("seq", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("staff_id", sa.Integer(), sa.ForeignKey("staff.id", ondelete="SET NULL"), nullable=True),
        sa.Column("tables", sa.String(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("change_log")
    for table in VERSIONED:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("version")
