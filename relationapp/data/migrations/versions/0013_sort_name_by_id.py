"""A filter word that few names hold: their sort names read from an index, not computed

Revision ID: 0013_sort_name_by_id
Revises: 0012_mail_folder
Create Date: 2026-12-03

The lists' filter finds the matching ids in the search index and orders them
by ``sort_name``. For a broad word SQLite walks (archived, sort_name, id); for
a rare one ('Özlem', 'Yilmaz') it takes the matching rows by id, and without
an index holding the sort name beside the id it computes the virtual column
(the letter-by-letter folding of revision 0010) for each of them. At L this
index took 'Özlem' on the people list from 63 ms to 9.7 ms and 'Yilmaz' from
45 ms to 3.9 ms; building both took 1.2 s.
"""

from alembic import op

revision = "0013_sort_name_by_id"
down_revision = "0012_mail_folder"
branch_labels = None
depends_on = None

TABLES = ("account", "person")


def upgrade() -> None:
    for table in TABLES:
        op.execute(f"CREATE INDEX ix_{table}_id_sort_name ON {table} (id, archived, sort_name)")
        if op.get_bind().dialect.name == "sqlite":
            # statistics for the new index alone (a whole ANALYZE reads every table): the planner weighs it at once
            op.execute(f"ANALYZE ix_{table}_id_sort_name")


def downgrade() -> None:
    for table in TABLES:
        op.execute(f"DROP INDEX ix_{table}_id_sort_name")
