"""full-text search over accounts and people, kept current by triggers

Revision ID: 0003_search_index
Revises: 0002_list_indexes
Create Date: 2026-11-22

An FTS5 table (SQLite only; other databases search with LIKE). Row ids are
2*id for accounts and 2*id+1 for people, so both live in one index.
"""
from alembic import op

revision = "0003_search_index"
down_revision = "0002_list_indexes"
branch_labels = None
depends_on = None

ACCOUNT_TEXT = "NEW.name || ' ' || coalesce(NEW.city, '') || ' ' || coalesce(NEW.postcode, '') || ' ' || coalesce(NEW.email, '') || ' ' || coalesce(NEW.phone, '')"
PERSON_TEXT = "NEW.name || ' ' || coalesce(NEW.email, '') || ' ' || coalesce(NEW.phone, '') || ' ' || coalesce(NEW.job_title, '')"

STATEMENTS = [
    "CREATE VIRTUAL TABLE search_index USING fts5(text, tokenize = 'unicode61 remove_diacritics 2')",
    f"CREATE TRIGGER search_account_insert AFTER INSERT ON account BEGIN "
    f"INSERT INTO search_index(rowid, text) VALUES (2 * NEW.id, {ACCOUNT_TEXT}); END",
    f"CREATE TRIGGER search_account_update AFTER UPDATE OF name, city, postcode, email, phone ON account BEGIN "
    f"DELETE FROM search_index WHERE rowid = 2 * OLD.id; "
    f"INSERT INTO search_index(rowid, text) VALUES (2 * NEW.id, {ACCOUNT_TEXT}); END",
    "CREATE TRIGGER search_account_delete AFTER DELETE ON account BEGIN "
    "DELETE FROM search_index WHERE rowid = 2 * OLD.id; END",
    f"CREATE TRIGGER search_person_insert AFTER INSERT ON person BEGIN "
    f"INSERT INTO search_index(rowid, text) VALUES (2 * NEW.id + 1, {PERSON_TEXT}); END",
    f"CREATE TRIGGER search_person_update AFTER UPDATE OF name, email, phone, job_title ON person BEGIN "
    f"DELETE FROM search_index WHERE rowid = 2 * OLD.id + 1; "
    f"INSERT INTO search_index(rowid, text) VALUES (2 * NEW.id + 1, {PERSON_TEXT}); END",
    "CREATE TRIGGER search_person_delete AFTER DELETE ON person BEGIN "
    "DELETE FROM search_index WHERE rowid = 2 * OLD.id + 1; END",
    # what is already there
    "INSERT INTO search_index(rowid, text) SELECT 2 * id, name || ' ' || coalesce(city, '') || ' ' || "
    "coalesce(postcode, '') || ' ' || coalesce(email, '') || ' ' || coalesce(phone, '') FROM account",
    "INSERT INTO search_index(rowid, text) SELECT 2 * id + 1, name || ' ' || coalesce(email, '') || ' ' || "
    "coalesce(phone, '') || ' ' || coalesce(job_title, '') FROM person",
]


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for trigger in ("account_insert", "account_update", "account_delete", "person_insert", "person_update", "person_delete"):
        op.execute(f"DROP TRIGGER IF EXISTS search_{trigger}")
    op.execute("DROP TABLE IF EXISTS search_index")
