"""Files the user names (to import, export or print to): never the database in use.

A plain read or write of the live database file would drop this process's
SQLite locks on it (see ``data.db.live_database_for``), and a rename over it
would swap the file under open connections.
"""

from __future__ import annotations

import os
from pathlib import Path

from relationapp.data.db import live_database_for
from relationapp.errors import ValidationError
from relationapp.text.catalogue import _


def user_file(path: str | os.PathLike, *, field: str | None = "path") -> Path:
    """``path`` as a Path, refused with a message when it is (part of) the open database."""
    target = Path(path).expanduser()
    if live_database_for(target) is not None:
        raise ValidationError(_("{file} is the database in use; choose another file.").format(file=target.name), field=field)
    return target
