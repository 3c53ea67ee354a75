"""Today at scale: each account's last touch, and the current pyramid standing, kept by triggers

Revision ID: 0006_today_caches
Revises: 0005_interaction_time_index
Create Date: 2026-11-22

``account.last_touch_on`` is the latest ``interaction.occurred_on`` of the
account. On SQLite triggers keep it exact: an insert can only move it later
(no index needed, so a bulk load with its indexes dropped stays fast); an
update or a delete recomputes the maximum with one seek on
``ix_interaction_account_date``.

``tier_cache`` holds the pyramid tier of every active account for one day
(``tier_cache_state.as_of``), and for those that fell since the previous
quarter end (``tier_cache_state.quarter_end``) the tier they fell from.
Anything these are computed from (orders, an account's stage or archived
flag, accounts added or removed, the tier percentages in ``setting``, the
snapshot of that quarter end) clears ``tier_cache_state.valid``;
``services/pyramid.current_tiers`` recomputes it then. No state row means
nothing is cached.

Covering indexes let Today rank thousands of overdue accounts, follow-ups
and birthdays without reading their table rows.

PostgreSQL gets the same triggers in plpgsql (``PG_TRIGGERS``): row triggers
for the last touch and the conditional invalidations, statement triggers where
any change at all clears the cache (an import of 10,000 orders clears it once).
"""
import sqlalchemy as sa
from alembic import op

revision = "0006_today_caches"
down_revision = "0005_interaction_time_index"
branch_labels = None
depends_on = None

_RECOMPUTE = "(SELECT MAX(occurred_on) FROM interaction WHERE interaction.account_id = account.id)"
_INVALIDATE = "UPDATE tier_cache_state SET valid = 0 WHERE valid <> 0;"
_TIER_SETTINGS = "('tier_top_pct', 'tier_big_pct', 'tier_medium_pct')"

TRIGGERS = {
    "last_touch_insert": "AFTER INSERT ON interaction WHEN NEW.account_id IS NOT NULL BEGIN "
    "UPDATE account SET last_touch_on = NEW.occurred_on "
    "WHERE id = NEW.account_id AND (last_touch_on IS NULL OR last_touch_on < NEW.occurred_on); END",
    "last_touch_update": "AFTER UPDATE OF occurred_on, account_id ON interaction BEGIN "
    f"UPDATE account SET last_touch_on = {_RECOMPUTE} WHERE id IN (OLD.account_id, NEW.account_id); END",
    "last_touch_delete": "AFTER DELETE ON interaction WHEN OLD.account_id IS NOT NULL BEGIN "
    f"UPDATE account SET last_touch_on = {_RECOMPUTE} WHERE id = OLD.account_id; END",
    "tier_cache_order_insert": f"AFTER INSERT ON orders BEGIN {_INVALIDATE} END",
    "tier_cache_order_update": f"AFTER UPDATE ON orders BEGIN {_INVALIDATE} END",
    "tier_cache_order_delete": f"AFTER DELETE ON orders BEGIN {_INVALIDATE} END",
    "tier_cache_account_insert": f"AFTER INSERT ON account BEGIN {_INVALIDATE} END",
    "tier_cache_account_update": "AFTER UPDATE OF stage, archived ON account "
    f"WHEN OLD.stage IS NOT NEW.stage OR OLD.archived IS NOT NEW.archived BEGIN {_INVALIDATE} END",
    "tier_cache_account_delete": f"AFTER DELETE ON account BEGIN {_INVALIDATE} END",
    "tier_cache_setting_insert": f"AFTER INSERT ON setting WHEN NEW.key IN {_TIER_SETTINGS} BEGIN {_INVALIDATE} END",
    "tier_cache_setting_update": f"AFTER UPDATE ON setting WHEN (OLD.key IN {_TIER_SETTINGS} OR NEW.key IN {_TIER_SETTINGS}) "
    f"AND (OLD.key IS NOT NEW.key OR OLD.value IS NOT NEW.value) BEGIN {_INVALIDATE} END",
    "tier_cache_setting_delete": f"AFTER DELETE ON setting WHEN OLD.key IN {_TIER_SETTINGS} BEGIN {_INVALIDATE} END",
    # the drops marked in tier_cache compare with the snapshot of one quarter end
    "tier_cache_snapshot_insert": "AFTER INSERT ON tier_snapshot BEGIN "
    "UPDATE tier_cache_state SET valid = 0 WHERE valid <> 0 AND quarter_end = NEW.quarter_end; END",
    "tier_cache_snapshot_update": "AFTER UPDATE ON tier_snapshot BEGIN "
    "UPDATE tier_cache_state SET valid = 0 WHERE valid <> 0 AND quarter_end IN (OLD.quarter_end, NEW.quarter_end); END",
    "tier_cache_snapshot_delete": "AFTER DELETE ON tier_snapshot BEGIN "
    "UPDATE tier_cache_state SET valid = 0 WHERE valid <> 0 AND quarter_end = OLD.quarter_end; END",
}

# PostgreSQL: name -> (function body, trigger clause); a function of the same name runs it
_PG_INVALIDATE = "UPDATE tier_cache_state SET valid = false WHERE valid;"
_PG_RECOMPUTE = "(SELECT MAX(occurred_on) FROM interaction WHERE interaction.account_id = account.id)"
PG_TRIGGERS = {
    "last_touch_insert": (
        "UPDATE account SET last_touch_on = NEW.occurred_on "
        "WHERE id = NEW.account_id AND (last_touch_on IS NULL OR last_touch_on < NEW.occurred_on);",
        "AFTER INSERT ON interaction FOR EACH ROW WHEN (NEW.account_id IS NOT NULL)"),
    "last_touch_update": (
        f"UPDATE account SET last_touch_on = {_PG_RECOMPUTE} WHERE id IN (OLD.account_id, NEW.account_id);",
        "AFTER UPDATE OF occurred_on, account_id ON interaction FOR EACH ROW"),
    "last_touch_delete": (
        f"UPDATE account SET last_touch_on = {_PG_RECOMPUTE} WHERE id = OLD.account_id;",
        "AFTER DELETE ON interaction FOR EACH ROW WHEN (OLD.account_id IS NOT NULL)"),
    "tier_cache_orders": (_PG_INVALIDATE, "AFTER INSERT OR UPDATE OR DELETE ON orders FOR EACH STATEMENT"),
    "tier_cache_accounts": (_PG_INVALIDATE, "AFTER INSERT OR DELETE ON account FOR EACH STATEMENT"),
    "tier_cache_account_update": (
        _PG_INVALIDATE, "AFTER UPDATE OF stage, archived ON account FOR EACH ROW "
        "WHEN (OLD.stage IS DISTINCT FROM NEW.stage OR OLD.archived IS DISTINCT FROM NEW.archived)"),
    "tier_cache_setting_insert": (
        _PG_INVALIDATE, f"AFTER INSERT ON setting FOR EACH ROW WHEN (NEW.key IN {_TIER_SETTINGS})"),
    "tier_cache_setting_update": (
        _PG_INVALIDATE, f"AFTER UPDATE ON setting FOR EACH ROW WHEN ((OLD.key IN {_TIER_SETTINGS} OR NEW.key IN "
        f"{_TIER_SETTINGS}) AND (OLD.key IS DISTINCT FROM NEW.key OR OLD.value IS DISTINCT FROM NEW.value))"),
    "tier_cache_setting_delete": (
        _PG_INVALIDATE, f"AFTER DELETE ON setting FOR EACH ROW WHEN (OLD.key IN {_TIER_SETTINGS})"),
    "tier_cache_snapshot_insert": (
        "UPDATE tier_cache_state SET valid = false WHERE valid AND quarter_end = NEW.quarter_end;",
        "AFTER INSERT ON tier_snapshot FOR EACH ROW"),
    "tier_cache_snapshot_update": (
        "UPDATE tier_cache_state SET valid = false WHERE valid AND quarter_end IN (OLD.quarter_end, NEW.quarter_end);",
        "AFTER UPDATE ON tier_snapshot FOR EACH ROW"),
    "tier_cache_snapshot_delete": (
        "UPDATE tier_cache_state SET valid = false WHERE valid AND quarter_end = OLD.quarter_end;",
        "AFTER DELETE ON tier_snapshot FOR EACH ROW"),
}


def _pg_table(clause: str) -> str:
    return clause.split(" ON ", 1)[1].split()[0]


# covering indexes, so that Today reads no table rows for the thousands it ranks
INDEXES = {
    "ix_account_attention": ("account", ["archived", "stage", "last_touch_on", "cadence_days", "customer_since", "created_at"]),
    "ix_person_contact": ("person", ["do_not_contact", "archived", "account_id"]),
    "ix_person_birthday_contact": ("person", ["birthday_month", "birthday_day", "archived", "do_not_contact", "account_id",
                                              "birthday_year"]),
    "ix_follow_up_due": ("follow_up", ["done_on", "due_on", "snoozed_until", "account_id"]),
    "ix_follow_up_open_origin": ("follow_up", ["origin", "done_on", "account_id"]),
}


def upgrade() -> None:
    op.add_column("account", sa.Column("last_touch_on", sa.Date(), nullable=True))  # a plain ALTER: the 0003 triggers stay
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)
    op.create_table(
        "tier_cache",
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("tier", sa.String(length=20), nullable=False),
        sa.Column("revenue_12m", sa.BigInteger(), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=True),
        sa.Column("dropped_from", sa.String(length=20), nullable=True),
        sa.Column("revenue_before", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("account_id"),
    )
    # only the few that fell are indexed: the 50,000 others cost nothing when the cache is rewritten
    op.create_index("ix_tier_cache_dropped", "tier_cache", ["dropped_from"], sqlite_where=sa.text("dropped_from IS NOT NULL"))
    op.create_table(
        "tier_cache_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=True),
        sa.Column("quarter_end", sa.Date(), nullable=True),
        sa.Column("valid", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.execute("UPDATE account SET last_touch_on = (SELECT MAX(occurred_on) FROM interaction "
               "WHERE interaction.account_id = account.id)")
    if op.get_bind().dialect.name == "postgresql":
        for name, (body, clause) in PG_TRIGGERS.items():
            op.execute(f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN {body} RETURN NULL; END $$")
            op.execute(f"CREATE TRIGGER {name} {clause} EXECUTE FUNCTION {name}()")
    if op.get_bind().dialect.name != "sqlite":
        return
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name, (_body, clause) in PG_TRIGGERS.items():
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON {_pg_table(clause)}")
            op.execute(f"DROP FUNCTION IF EXISTS {name}()")
    if op.get_bind().dialect.name == "sqlite":
        for name in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("tier_cache_state")
    op.drop_index("ix_tier_cache_dropped", table_name="tier_cache")
    op.drop_table("tier_cache")
    for name, (table, _) in INDEXES.items():
        op.drop_index(name, table_name=table)
    op.drop_column("account", "last_touch_on")
