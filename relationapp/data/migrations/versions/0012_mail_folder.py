"""Watching an IMAP folder: where the last sync of each folder stopped; the mail of senders to review

Revision ID: 0012_mail_folder
Revises: 0011_search_prefixes
Create Date: 2026-12-03

One row per watched folder (``user@host:port/folder``): the folder's
UIDVALIDITY and the highest UID already looked at, so a sync fetches only
what is new. A new UIDVALIDITY (the server renumbered the folder) starts
from the beginning again; Message-IDs (``mail_message``) keep it from
logging anything twice.

``mail_waiting`` keeps the touch a mail from an unknown sender would make
(its day, direction, subject and text; never the mail itself), so adding
the sender as a person or a lead logs it then; ignoring the address keeps
it (the ignore can be taken back), and the row goes with the address.
"""
import sqlalchemy as sa
from alembic import op

revision = "0012_mail_folder"
down_revision = "0011_search_prefixes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "mail_folder",
        sa.Column("folder", sa.String(length=700), primary_key=True),
        sa.Column("uidvalidity", sa.BigInteger(), nullable=False),
        sa.Column("last_uid", sa.BigInteger(), nullable=False),
        sa.Column("synced_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "mail_waiting",
        sa.Column("message_id", sa.String(length=998), primary_key=True),
        sa.Column("address", sa.String(length=320), sa.ForeignKey("mail_sender.address", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("direction", sa.String(length=3), nullable=False),
        sa.Column("staff_id", sa.Integer(), sa.ForeignKey("staff.id", ondelete="SET NULL"), nullable=True),
        sa.Column("subject", sa.String(length=500), nullable=True),
        sa.Column("notes", sa.String(), nullable=True),
        sa.Column("source", sa.String(length=500), nullable=True),
    )
    op.create_index("ix_mail_waiting_address", "mail_waiting", ["address"])


def downgrade() -> None:
    op.drop_index("ix_mail_waiting_address", table_name="mail_waiting")
    op.drop_table("mail_waiting")
    op.drop_table("mail_folder")
