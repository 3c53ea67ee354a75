"""The key names are sorted by: "Böcker" among the B, "Łukasz" among the L (revision 0010_sort_names).

A generated column the database keeps, so the lazy lists sort in SQL on an
index; the models do not declare it because nothing writes it.
"""

import sqlalchemy as sa

ACCOUNT_SORT_NAME = sa.literal_column("account.sort_name")
PERSON_SORT_NAME = sa.literal_column("person.sort_name")
