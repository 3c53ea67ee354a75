"""Watching an IMAP folder: where the last sync of each folder stopped

Revision ID: 0010_mail_folder
Revises: 0009_search_folding
Create Date: 2026-12-03

One row per watched folder (``user@host:port/folder``): the folder's
UIDVALIDITY and the highest UID already looked at, so a sync fetches only
what is new. A new UIDVALIDITY (the server renumbered the folder) starts
from the beginning again; Message-IDs (``mail_message``) keep it from
logging anything twice.
"""
import sqlalchemy as sa
from alembic import op

revision = "0010_mail_folder"
down_revision = "0009_search_folding"
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


def downgrade() -> None:
    op.drop_table("mail_folder")
