"""initial schema

Revision ID: 0001_initial
Revises: 
Create Date: 2026-11-22
"""
import sqlalchemy as sa
from alembic import op

revision = '0001_initial'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    
    op.create_table('content_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('url', sa.String(length=1000), nullable=True),
    sa.Column('notes', sa.String(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('lead_source',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    op.create_table('nurture_track',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('description', sa.String(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    op.create_table('setting',
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('value', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('staff',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('email', sa.String(length=320), nullable=True),
    sa.Column('hourly_cost', sa.BigInteger(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('tag',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    op.create_table('account',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300).with_variant(sa.String(length=300, collation='NOCASE'), 'sqlite'), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('stage', sa.String(length=20), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('street', sa.String(length=300), nullable=True),
    sa.Column('postcode', sa.String(length=20), nullable=True),
    sa.Column('city', sa.String(length=200), nullable=True),
    sa.Column('region', sa.String(length=200), nullable=True),
    sa.Column('country', sa.String(length=100), nullable=True),
    sa.Column('latitude', sa.Float(), nullable=True),
    sa.Column('longitude', sa.Float(), nullable=True),
    sa.Column('phone', sa.String(length=60), nullable=True),
    sa.Column('email', sa.String(length=320), nullable=True),
    sa.Column('website', sa.String(length=500), nullable=True),
    sa.Column('source_id', sa.Integer(), nullable=True),
    sa.Column('source_detail', sa.String(length=500), nullable=True),
    sa.Column('brought_in_by_id', sa.Integer(), nullable=True),
    sa.Column('customer_since', sa.Date(), nullable=True),
    sa.Column('annual_budget', sa.BigInteger(), nullable=True),
    sa.Column('cadence_days', sa.Integer(), nullable=True),
    sa.Column('journey_stage', sa.String(length=20), nullable=True),
    sa.Column('next_steps', sa.String(), nullable=True),
    sa.Column('notes', sa.String(), nullable=True),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['brought_in_by_id'], ['staff.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['owner_id'], ['staff.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['source_id'], ['lead_source.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('account', schema=None) as batch_op:
        batch_op.create_index('ix_account_city', ['city'], unique=False)
        batch_op.create_index(batch_op.f('ix_account_name'), ['name'], unique=False)
        batch_op.create_index('ix_account_owner', ['owner_id'], unique=False)
        batch_op.create_index('ix_account_postcode', ['postcode'], unique=False)
        batch_op.create_index('ix_account_stage_archived', ['stage', 'archived'], unique=False)

    op.create_table('nurture_step',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('track_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('content_item_id', sa.Integer(), nullable=True),
    sa.Column('wait_days', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['content_item_id'], ['content_item.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['track_id'], ['nurture_track.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('nurture_step', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_nurture_step_track_id'), ['track_id'], unique=False)

    op.create_table('account_tag',
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('tag_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tag_id'], ['tag.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('account_id', 'tag_id')
    )
    with op.batch_alter_table('account_tag', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_account_tag_tag_id'), ['tag_id'], unique=False)

    op.create_table('interaction',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('occurred_on', sa.Date(), nullable=False),
    sa.Column('duration_minutes', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('subject', sa.String(length=500), nullable=True),
    sa.Column('notes', sa.String(), nullable=True),
    sa.Column('gift_item', sa.String(length=300), nullable=True),
    sa.Column('gift_cost', sa.BigInteger(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('interaction', schema=None) as batch_op:
        batch_op.create_index('ix_interaction_account_date', ['account_id', 'occurred_on'], unique=False)
        batch_op.create_index('ix_interaction_date', ['occurred_on'], unique=False)

    op.create_table('orders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('ordered_on', sa.Date(), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('cost_of_goods', sa.BigInteger(), nullable=True),
    sa.Column('reference', sa.String(length=100), nullable=True),
    sa.Column('description', sa.String(length=500), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.create_index('ix_orders_account_date', ['account_id', 'ordered_on'], unique=False)
        batch_op.create_index('ix_orders_account_reference', ['account_id', 'reference'], unique=False)
        batch_op.create_index('ix_orders_date_account_amount', ['ordered_on', 'account_id', 'amount'], unique=False)

    op.create_table('person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=300).with_variant(sa.String(length=300, collation='NOCASE'), 'sqlite'), nullable=False),
    sa.Column('job_title', sa.String(length=200), nullable=True),
    sa.Column('dmu_role', sa.String(length=30), nullable=True),
    sa.Column('email', sa.String(length=320), nullable=True),
    sa.Column('phone', sa.String(length=60), nullable=True),
    sa.Column('birthday_day', sa.Integer(), nullable=True),
    sa.Column('birthday_month', sa.Integer(), nullable=True),
    sa.Column('birthday_year', sa.Integer(), nullable=True),
    sa.Column('family_notes', sa.String(), nullable=True),
    sa.Column('personal_notes', sa.String(), nullable=True),
    sa.Column('preferred_channel', sa.String(length=20), nullable=True),
    sa.Column('do_not_contact', sa.Boolean(), nullable=False),
    sa.Column('consent_date', sa.Date(), nullable=True),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_account_id'), ['account_id'], unique=False)
        batch_op.create_index('ix_person_birthday', ['birthday_month', 'birthday_day'], unique=False)
        batch_op.create_index('ix_person_email', ['email'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_name'), ['name'], unique=False)

    op.create_table('qualification',
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('budget', sa.Boolean(), nullable=False),
    sa.Column('authority', sa.Boolean(), nullable=False),
    sa.Column('need', sa.Boolean(), nullable=False),
    sa.Column('timeline', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.String(), nullable=True),
    sa.Column('updated_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('account_id')
    )
    op.create_table('stage_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('from_stage', sa.String(length=20), nullable=True),
    sa.Column('to_stage', sa.String(length=20), nullable=False),
    sa.Column('changed_on', sa.Date(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('stage_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stage_change_account_id'), ['account_id'], unique=False)

    op.create_table('tier_snapshot',
    sa.Column('quarter_end', sa.Date(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('tier', sa.String(length=20), nullable=False),
    sa.Column('revenue_12m', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('quarter_end', 'account_id')
    )
    with op.batch_alter_table('tier_snapshot', schema=None) as batch_op:
        batch_op.create_index('ix_tier_snapshot_account', ['account_id', 'quarter_end'], unique=False)

    op.create_table('follow_up',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=True),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('notes', sa.String(), nullable=True),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('snoozed_until', sa.Date(), nullable=True),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('origin', sa.String(length=30), nullable=False),
    sa.Column('origin_ref', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('follow_up', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_follow_up_account_id'), ['account_id'], unique=False)
        batch_op.create_index('ix_follow_up_open_due', ['done_on', 'due_on'], unique=False)
        batch_op.create_index('ix_follow_up_origin', ['origin', 'origin_ref'], unique=False)

    op.create_table('important_date',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('account_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('month', sa.Integer(), nullable=False),
    sa.Column('day', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.Column('notice_days', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('important_date', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_important_date_account_id'), ['account_id'], unique=False)
        batch_op.create_index('ix_important_date_month_day', ['month', 'day'], unique=False)
        batch_op.create_index(batch_op.f('ix_important_date_person_id'), ['person_id'], unique=False)

    op.create_table('interaction_person',
    sa.Column('interaction_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['interaction_id'], ['interaction.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('interaction_id', 'person_id')
    )
    with op.batch_alter_table('interaction_person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_interaction_person_person_id'), ['person_id'], unique=False)

    op.create_table('nps_response',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=True),
    sa.Column('responded_on', sa.Date(), nullable=False),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.Column('comment', sa.String(), nullable=True),
    sa.CheckConstraint('score BETWEEN 0 AND 10', name='ck_nps_score_range'),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('nps_response', schema=None) as batch_op:
        batch_op.create_index('ix_nps_date', ['responded_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_nps_response_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_nps_response_person_id'), ['person_id'], unique=False)

    op.create_table('nurture_enrolment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('track_id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=True),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('started_on', sa.Date(), nullable=False),
    sa.Column('next_position', sa.Integer(), nullable=False),
    sa.Column('next_due_on', sa.Date(), nullable=True),
    sa.Column('stopped_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['track_id'], ['nurture_track.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('nurture_enrolment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_nurture_enrolment_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_nurture_enrolment_track_id'), ['track_id'], unique=False)

    op.create_table('planned_visit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('planned_on', sa.Date(), nullable=False),
    sa.Column('start_time', sa.Time(), nullable=True),
    sa.Column('duration_minutes', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('interaction_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['interaction_id'], ['interaction.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('planned_visit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_planned_visit_account_id'), ['account_id'], unique=False)
        batch_op.create_index('ix_planned_visit_date', ['planned_on', 'position'], unique=False)

    op.create_table('referral',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('referrer_person_id', sa.Integer(), nullable=True),
    sa.Column('referrer_account_id', sa.Integer(), nullable=True),
    sa.Column('referred_account_id', sa.Integer(), nullable=False),
    sa.Column('referred_on', sa.Date(), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.Column('note', sa.String(), nullable=True),
    sa.Column('thanked_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['referred_account_id'], ['account.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['referrer_account_id'], ['account.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['referrer_person_id'], ['person.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('referred_account_id')
    )
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_referral_referrer_account_id'), ['referrer_account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_referral_referrer_person_id'), ['referrer_person_id'], unique=False)

    


def downgrade() -> None:
    
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_referral_referrer_person_id'))
        batch_op.drop_index(batch_op.f('ix_referral_referrer_account_id'))

    op.drop_table('referral')
    with op.batch_alter_table('planned_visit', schema=None) as batch_op:
        batch_op.drop_index('ix_planned_visit_date')
        batch_op.drop_index(batch_op.f('ix_planned_visit_account_id'))

    op.drop_table('planned_visit')
    with op.batch_alter_table('nurture_enrolment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_nurture_enrolment_track_id'))
        batch_op.drop_index(batch_op.f('ix_nurture_enrolment_account_id'))

    op.drop_table('nurture_enrolment')
    with op.batch_alter_table('nps_response', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_nps_response_person_id'))
        batch_op.drop_index(batch_op.f('ix_nps_response_account_id'))
        batch_op.drop_index('ix_nps_date')

    op.drop_table('nps_response')
    with op.batch_alter_table('interaction_person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_interaction_person_person_id'))

    op.drop_table('interaction_person')
    with op.batch_alter_table('important_date', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_important_date_person_id'))
        batch_op.drop_index('ix_important_date_month_day')
        batch_op.drop_index(batch_op.f('ix_important_date_account_id'))

    op.drop_table('important_date')
    with op.batch_alter_table('follow_up', schema=None) as batch_op:
        batch_op.drop_index('ix_follow_up_origin')
        batch_op.drop_index('ix_follow_up_open_due')
        batch_op.drop_index(batch_op.f('ix_follow_up_account_id'))

    op.drop_table('follow_up')
    with op.batch_alter_table('tier_snapshot', schema=None) as batch_op:
        batch_op.drop_index('ix_tier_snapshot_account')

    op.drop_table('tier_snapshot')
    with op.batch_alter_table('stage_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stage_change_account_id'))

    op.drop_table('stage_change')
    op.drop_table('qualification')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_name'))
        batch_op.drop_index('ix_person_email')
        batch_op.drop_index('ix_person_birthday')
        batch_op.drop_index(batch_op.f('ix_person_account_id'))

    op.drop_table('person')
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.drop_index('ix_orders_date_account_amount')
        batch_op.drop_index('ix_orders_account_reference')
        batch_op.drop_index('ix_orders_account_date')

    op.drop_table('orders')
    with op.batch_alter_table('interaction', schema=None) as batch_op:
        batch_op.drop_index('ix_interaction_date')
        batch_op.drop_index('ix_interaction_account_date')

    op.drop_table('interaction')
    with op.batch_alter_table('account_tag', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_account_tag_tag_id'))

    op.drop_table('account_tag')
    with op.batch_alter_table('nurture_step', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_nurture_step_track_id'))

    op.drop_table('nurture_step')
    with op.batch_alter_table('account', schema=None) as batch_op:
        batch_op.drop_index('ix_account_stage_archived')
        batch_op.drop_index('ix_account_postcode')
        batch_op.drop_index('ix_account_owner')
        batch_op.drop_index(batch_op.f('ix_account_name'))
        batch_op.drop_index('ix_account_city')

    op.drop_table('account')
    op.drop_table('tag')
    op.drop_table('staff')
    op.drop_table('setting')
    op.drop_table('nurture_track')
    op.drop_table('lead_source')
    op.drop_table('content_item')
    
