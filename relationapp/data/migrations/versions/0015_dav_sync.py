"""Two-way sync with a CardDAV/CalDAV server: the accounts, one row per synced item, conflicts to review

Revision ID: 0015_dav_sync
Revises: 0013_sort_name_by_id
Create Date: 2026-12-03

``sync_account``: a server, its user (the password is in the system
keyring) and when it last synced with what result. ``sync_collection``: the
address book and the calendars chosen for it, each with the sync token the
server gave last (RFC 6578: the next sync asks only for what changed since).
``sync_item``: one server item (href, UID, ETag) and the local record it is
(a person, a follow-up, a planned visit, a date), with the field values both
sides agreed on at the last sync (``base``, JSON): the third side of the
field-level merge. ``pending`` holds a deletion waiting for the user's word.
``sync_conflict``: a field both sides changed differently, to review.
"""
import sqlalchemy as sa
from alembic import op

revision = "0015_dav_sync"
down_revision = "0013_sort_name_by_id"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_account",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("url", sa.String(length=1000), nullable=False),
        sa.Column("user", sa.String(length=300), nullable=False),
        sa.Column("last_sync_at", sa.DateTime(), nullable=True),
        sa.Column("last_result", sa.String(), nullable=True),
        sa.Column("last_ok", sa.Boolean(), nullable=False, server_default=sa.true()),
    )
    op.create_table(
        "sync_collection",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("account_id", sa.Integer(), sa.ForeignKey("sync_account.id", ondelete="CASCADE"), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("url", sa.String(length=1000), nullable=False),
        sa.Column("sync_token", sa.String(length=1000), nullable=True),
        sa.UniqueConstraint("account_id", "kind", name="uq_sync_collection_kind"),
    )
    op.create_table(
        "sync_item",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("collection_id", sa.Integer(), sa.ForeignKey("sync_collection.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("href", sa.String(length=1000), nullable=False),
        sa.Column("uid", sa.String(length=500), nullable=False),
        sa.Column("etag", sa.String(length=200), nullable=True),
        sa.Column("local_id", sa.Integer(), nullable=True),
        sa.Column("base", sa.String(), nullable=True),
        sa.Column("pending", sa.String(length=20), nullable=True),
        sa.UniqueConstraint("collection_id", "href", name="uq_sync_item_href"),
        sa.UniqueConstraint("collection_id", "uid", name="uq_sync_item_uid"),
    )
    op.create_index("ix_sync_item_local", "sync_item", ["collection_id", "local_id"])
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("item_id", sa.Integer(), sa.ForeignKey("sync_item.id", ondelete="CASCADE"), nullable=False),
        sa.Column("field", sa.String(length=40), nullable=False),
        sa.Column("app_value", sa.String(), nullable=True),
        sa.Column("server_value", sa.String(), nullable=True),
        sa.Column("found_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("item_id", "field", name="uq_sync_conflict_field"),
    )


def downgrade() -> None:
    op.drop_table("sync_conflict")
    op.drop_index("ix_sync_item_local", table_name="sync_item")
    op.drop_table("sync_item")
    op.drop_table("sync_collection")
    op.drop_table("sync_account")
