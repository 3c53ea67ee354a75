"""The key names are sorted by: "Böcker" among the B, "Łukasz" among the L (revision 0010_sort_names).

A generated column the database keeps, so the lazy lists sort in SQL on an
index; the models do not declare it because nothing writes it.
"""

import sqlalchemy as sa

ACCOUNT_SORT_NAME = sa.literal_column("account.sort_name")
PERSON_SORT_NAME = sa.literal_column("person.sort_name")


def walked_page(limit: int | None, offset: int, *, by_name: bool, include_archived: bool) -> int | None:
    """``list_filter``'s ``page`` for a list query: its last row, when an index gives the list's order (the
    active rows by name, ascending: ``ix_*_archived_sort_name``); else None (every match is read)."""
    return limit + offset if limit is not None and by_name and not include_archived else None
