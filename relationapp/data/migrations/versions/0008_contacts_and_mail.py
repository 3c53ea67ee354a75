"""Contacts as they really come, and mail as touches: every phone, e-mail, web page and profile with
its type; mails logged once; unknown senders to review

Revision ID: 0008_contacts_and_mail
Revises: 0007_leads
Create Date: 2026-12-02

``interaction.direction`` is added NULL (no table rewrite). Existing people's
phone and e-mail are copied into ``contact_point`` as their first entries, so
a mail from a known address finds its person from the start.
"""
import sqlalchemy as sa
from alembic import op

revision = "0008_contacts_and_mail"
down_revision = "0007_leads"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("interaction", sa.Column("direction", sa.String(length=3), nullable=True))
    op.create_table(
        "contact_point",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("person_id", sa.Integer(), sa.ForeignKey("person.id", ondelete="CASCADE"), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("label", sa.String(length=60), nullable=True),
        sa.Column("value", sa.String(length=500), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
    )
    op.create_index("ix_contact_point_person_id", "contact_point", ["person_id"])
    op.create_index("ix_contact_point_kind_value", "contact_point", ["kind", "value"])
    op.create_table(
        "mail_message",
        sa.Column("message_id", sa.String(length=998), primary_key=True),
        sa.Column("interaction_id", sa.Integer(), sa.ForeignKey("interaction.id", ondelete="SET NULL"), nullable=True),
        sa.Column("seen_on", sa.Date(), nullable=False),
        sa.Column("source", sa.String(length=500), nullable=True),
    )
    op.create_table(
        "mail_sender",
        sa.Column("address", sa.String(length=320), primary_key=True),
        sa.Column("name", sa.String(length=300), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("messages", sa.Integer(), nullable=False),
        sa.Column("first_on", sa.Date(), nullable=False),
        sa.Column("last_on", sa.Date(), nullable=False),
        sa.Column("last_subject", sa.String(length=500), nullable=True),
    )
    op.execute("INSERT INTO contact_point (person_id, kind, label, value, position) "
               "SELECT id, 'email', NULL, lower(trim(email)), 0 FROM person WHERE trim(coalesce(email, '')) <> ''")
    op.execute("INSERT INTO contact_point (person_id, kind, label, value, position) "
               "SELECT id, 'phone', NULL, trim(phone), 1 FROM person WHERE trim(coalesce(phone, '')) <> ''")


def downgrade() -> None:
    op.drop_table("mail_sender")
    op.drop_table("mail_message")
    op.drop_index("ix_contact_point_kind_value", table_name="contact_point")
    op.drop_index("ix_contact_point_person_id", table_name="contact_point")
    op.drop_table("contact_point")
    with op.batch_alter_table("interaction") as batch:
        batch.drop_column("direction")
