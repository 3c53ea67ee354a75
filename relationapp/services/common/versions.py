"""No lost updates: a form saves with the version it loaded, and a newer stored one refuses the save.

The version itself is kept by SQLAlchemy (``data.models.Versioned``); this
is the check an edit service makes before it writes, with both sides of the
conflict for the form to show.
"""

from __future__ import annotations

from typing import Callable

from sqlalchemy.orm.attributes import flag_modified

from relationapp.errors import ConflictError
from relationapp.text.catalogue import _


def check_version(session, record, *, expected_version: int | None, yours: dict,
                  theirs: Callable[[], dict] | None = None) -> None:
    """Raise ``ConflictError`` when ``record`` was saved after the form loaded ``expected_version``.

    None skips the check (the command line, an import: no form loaded anything).
    On PostgreSQL the row is locked first (``SELECT ... FOR UPDATE``), so nobody
    saves it between this check and the UPDATE; a SQLite write transaction
    holds the whole file already. ``theirs()`` gives the stored values of the
    fields in ``yours`` (by default the record's attributes of those names).
    """
    if expected_version is None:
        return
    if session.get_bind().dialect.name != "sqlite":
        session.refresh(record, with_for_update=True)
    if record.version == expected_version:
        return
    stored = theirs() if theirs is not None else {name: getattr(record, name, None) for name in yours}
    raise ConflictError(_("Somebody else saved this record after you opened it; nothing was saved."),
                        yours=yours, theirs=stored, version=record.version)


def count_as_changed(record, column: str) -> None:
    """Make the next flush UPDATE ``record`` (and so count its version up) though none of its own
    columns changed: what it owns elsewhere did (the people of a touch). ``column`` is written back
    unchanged: pick one no trigger watches."""
    flag_modified(record, column)
