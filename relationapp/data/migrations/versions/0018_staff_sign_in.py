"""Signing in as oneself: a password hash on each staff member

Revision ID: 0018_staff_sign_in
Revises: 0017_sync_accounts
Create Date: 2026-12-04

``staff.password_hash``: an Argon2id hash (``services.customers.sign_in``), NULL for
a staff member without a password. While no staff member has one, nothing asks
to sign in (one laptop, one owner); once one has, the window and the command line
sign in, and "I am" is whoever signed in in that window. A nullable column:
instant at any size, on SQLite and PostgreSQL alike.
"""
import sqlalchemy as sa
from alembic import op

revision = "0018_staff_sign_in"
down_revision = "0017_sync_accounts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("staff", sa.Column("password_hash", sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("staff") as batch:
        batch.drop_column("password_hash")
