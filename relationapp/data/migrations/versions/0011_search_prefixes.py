"""The search index keeps 2- and 3-letter prefixes: a broad word ('van', 'de') reads one list

Revision ID: 0011_search_prefixes
Revises: 0010_sort_names
Create Date: 2026-12-03

Each typed word matches as a prefix ("van"* finds Van, Vandam, Vanderberg).
Without a prefix index FTS5 merges the posting lists of every word starting
with it (hundreds for "van" at scale L); with ``prefix='2 3'`` the two- and
three-letter prefixes have lists of their own. The list filters and Find
anyone read these first (services/customers/search.py). The texts are kept
as they are (copied through a TEMP table): the triggers of revision 0009 go
on writing the same table name. About 1.5 s at scale L.

PostgreSQL: nothing to do; its index (revision 0003) finds prefixes from the start.
"""
from alembic import op

revision = "0011_search_prefixes"
down_revision = "0010_sort_names"
branch_labels = None
depends_on = None

TOKENIZE = "tokenize = 'unicode61 remove_diacritics 2'"


def _recreate(options: str) -> None:
    op.execute("CREATE TEMP TABLE search_text AS SELECT rowid AS id, text FROM search_index")
    op.execute("DROP TABLE search_index")
    op.execute(f"CREATE VIRTUAL TABLE search_index USING fts5(text, {options})")
    op.execute("INSERT INTO search_index(rowid, text) SELECT id, text FROM temp.search_text ORDER BY id")
    op.execute("DROP TABLE temp.search_text")


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    _recreate(f"{TOKENIZE}, prefix = '2 3'")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    _recreate(TOKENIZE)
