"""Who manages staff: the staff members who may set others' passwords

Revision ID: 0019_staff_managers
Revises: 0018_staff_sign_in
Create Date: 2026-12-07

``staff.manages_staff``: once staff members sign in, only one who manages staff
sets another's password, marks someone as left or back, and chooses who else
manages staff (``services.customers.sign_in``). Everyone who has a password
already keeps what they could do until now (they all could); a manager can take
it away. A column with a constant default: instant at any size, on SQLite and
PostgreSQL alike.
"""
import sqlalchemy as sa
from alembic import op

revision = "0019_staff_managers"
down_revision = "0018_staff_sign_in"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("staff", sa.Column("manages_staff", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.execute(sa.text("UPDATE staff SET manages_staff = :yes WHERE password_hash IS NOT NULL").bindparams(yes=True))


def downgrade() -> None:
    with op.batch_alter_table("staff") as batch:
        batch.drop_column("manages_staff")
