"""Leads: stage reasons, BANT with what each letter rests on, nurture without repeats, campaign costs

Revision ID: 0007_leads
Revises: 0006_today_caches
Create Date: 2026-12-02

Only columns with NULL or a constant default are added, so SQLite adds them
without rewriting a table (``interaction`` holds millions of rows at scale L).
The new indexes are built once (about 2 s for 500,000 orders): the sources
report reads a year's leads and their orders from indexes alone.
"""
import sqlalchemy as sa
from alembic import op

revision = "0007_leads"
down_revision = "0006_today_caches"
branch_labels = None
depends_on = None


def _fk(table: str) -> sa.ForeignKey:
    return sa.ForeignKey(f"{table}.id", ondelete="SET NULL")


def _add_reference(table: str, column: str, target: str) -> None:
    """A nullable column pointing at ``target`` (SET NULL when it goes).

    SQLite takes a column-level REFERENCES in ADD COLUMN without copying the
    table; Alembic would want batch mode (a copy) to add the constraint.
    """
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"ALTER TABLE {table} ADD COLUMN {column} INTEGER REFERENCES {target}(id) ON DELETE SET NULL")
    else:
        op.add_column(table, sa.Column(column, sa.Integer(), _fk(target), nullable=True))


def upgrade() -> None:
    op.add_column("account", sa.Column("in_focus", sa.Boolean(), server_default=sa.false(), nullable=False))
    _add_reference("interaction", "source_id", "lead_source")
    _add_reference("interaction", "content_item_id", "content_item")
    op.add_column("stage_change", sa.Column("reason", sa.String(), nullable=True))
    op.add_column("qualification", sa.Column("budget_amount", sa.BigInteger(), nullable=True))
    _add_reference("qualification", "authority_person_id", "person")
    op.add_column("qualification", sa.Column("need_text", sa.String(), nullable=True))
    op.add_column("qualification", sa.Column("timeline_on", sa.Date(), nullable=True))
    op.add_column("qualification", sa.Column("not_ready_reason", sa.String(), nullable=True))
    op.add_column("content_item", sa.Column("file_path", sa.String(length=1000), nullable=True))
    op.add_column("content_item", sa.Column("topics", sa.String(length=500), nullable=True))
    op.add_column("content_item", sa.Column("language", sa.String(length=10), nullable=True))
    op.add_column("nurture_enrolment", sa.Column("stop_reason", sa.String(length=40), nullable=True))
    op.add_column("nurture_enrolment", sa.Column("reason", sa.String(), nullable=True))
    op.create_table(
        "content_sent",
        sa.Column("person_id", sa.Integer(), sa.ForeignKey("person.id", ondelete="CASCADE"), nullable=False),
        sa.Column("content_item_id", sa.Integer(), sa.ForeignKey("content_item.id", ondelete="CASCADE"), nullable=False),
        sa.Column("sent_on", sa.Date(), nullable=False),
        sa.Column("interaction_id", sa.Integer(), _fk("interaction"), nullable=True),
        sa.PrimaryKeyConstraint("person_id", "content_item_id"),
    )
    op.create_table(
        "campaign",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("source_id", sa.Integer(), sa.ForeignKey("lead_source.id", ondelete="CASCADE"), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("cost", sa.BigInteger(), nullable=False),
        sa.UniqueConstraint("source_id", "year", "name"),
    )
    # nurture due: open enrolments by due day, without reading the stopped ones
    op.create_index("ix_nurture_enrolment_open_due", "nurture_enrolment", ["stopped_on", "next_due_on"])
    # the leads of a year: first stage changes by day
    op.create_index("ix_stage_change_first", "stage_change", ["from_stage", "changed_on", "account_id"])
    op.create_index("ix_stage_change_path", "stage_change", ["account_id", "from_stage", "changed_on", "to_stage"])
    # an account's orders by day with their amounts: the same searches as before, without reading the rows
    op.create_index("ix_orders_account_date_amount", "orders", ["account_id", "ordered_on", "amount"])
    op.drop_index("ix_orders_account_date", table_name="orders")


def downgrade() -> None:
    op.create_index("ix_orders_account_date", "orders", ["account_id", "ordered_on"])
    op.drop_index("ix_orders_account_date_amount", table_name="orders")
    op.drop_index("ix_stage_change_path", table_name="stage_change")
    op.drop_index("ix_stage_change_first", table_name="stage_change")
    op.drop_index("ix_nurture_enrolment_open_due", table_name="nurture_enrolment")
    op.drop_table("campaign")
    op.drop_table("content_sent")
    for table, column in (("nurture_enrolment", "reason"), ("nurture_enrolment", "stop_reason"),
                          ("content_item", "language"), ("content_item", "topics"), ("content_item", "file_path"),
                          ("qualification", "not_ready_reason"), ("qualification", "timeline_on"),
                          ("qualification", "need_text"), ("qualification", "authority_person_id"),
                          ("qualification", "budget_amount"), ("stage_change", "reason"),
                          ("interaction", "content_item_id"), ("interaction", "source_id"), ("account", "in_focus")):
        with op.batch_alter_table(table) as batch:
            batch.drop_column(column)
