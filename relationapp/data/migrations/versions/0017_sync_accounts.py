"""More than one sync account: each has a name (the phone's iCloud, the firm's Nextcloud ...)

Revision ID: 0017_sync_accounts
Revises: 0016_record_versions
Create Date: 2026-12-04

``sync_account.name``: how the user calls the account (``relationapp sync
--account NAME``), unique. A setup made before this revision is called
"default"; were there more rows (the app only ever made one), the others are
"account ID". The item mapping needs nothing new: ``sync_item`` hangs under a
collection, and a collection under its account, so the same person synced to
two servers has one item row in each. Plain SQL on both backends.
"""
import sqlalchemy as sa
from alembic import op

revision = "0017_sync_accounts"
down_revision = "0016_record_versions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("sync_account", sa.Column("name", sa.String(length=100), nullable=False,
                                            server_default="default"))
    op.execute("UPDATE sync_account SET name = 'account ' || CAST(id AS VARCHAR) "
               "WHERE id <> (SELECT MIN(id) FROM sync_account)")
    op.create_index("ix_sync_account_name", "sync_account", ["name"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_sync_account_name", table_name="sync_account")
    with op.batch_alter_table("sync_account") as batch:
        batch.drop_column("name")
