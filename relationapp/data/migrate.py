"""Bring a database to the schema this version knows, safely.

Start-up stays fast: the usual case (already at head) reads one row and never
imports Alembic. An older schema is backed up, then upgraded; a newer one
(made by a later relationapp) is refused and left untouched.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Callable

import sqlalchemy as sa

from relationapp.data.db import Database, DatabaseError, check_sqlite_file
from relationapp.text.catalogue import N_, _

# Must equal Alembic's head; tests/data/test_migrations.py checks it.
SCHEMA_HEAD = "0023_pg_row_words_index"
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
_NEWER = N_("{path} was made by a newer relationapp (schema {revision}); update relationapp to open it.")


# made by raw SQL in revision 0010: generated columns nothing writes, so the models leave them out
SORT_NAME_COLUMNS = {"sort_name"}
SORT_NAME_INDEXES = {"ix_account_archived_sort_name", "ix_person_archived_sort_name",
                     "ix_account_id_sort_name", "ix_person_id_sort_name",  # and revision 0013
                     "ix_account_archived_lower_name", "ix_person_archived_lower_name"}  # PostgreSQL, 0002


def include_name(name, type_, parent_names) -> bool:
    """Autogenerate and schema checks leave the search index, the sort names and PostgreSQL's lower-case
    name indexes (made by raw SQL) alone."""
    if type_ == "column" and name in SORT_NAME_COLUMNS or type_ == "index" and name in SORT_NAME_INDEXES:
        return False
    return not (type_ == "table" and name is not None and name.startswith("search_index"))


def alembic_config(db: Database):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", db.url.replace("%", "%%"))
    return cfg


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    cfg = alembic_config(Database("sqlite://"))
    return {s.revision for s in ScriptDirectory.from_config(cfg).walk_revisions()}


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        names = set(sa.inspect(conn).get_table_names())
        if "alembic_version" not in names:
            if names:
                raise DatabaseError(_("{path} holds tables but is not a relationapp database.").format(
                    path=db.label))
            return None
        row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").first()
        return row[0] if row else None


def needs_upgrade(db: Database) -> bool:
    return current_revision(db) != SCHEMA_HEAD


def upgrade(db: Database, *, backup_dir: Path | None = None,
            backup: Callable[..., Path] | None = None) -> Path | None:
    """Migrate to head; returns the backup kept before migrating, if any.

    ``backup(path, folder, reason=...)`` makes that copy (``files.sqlite_copy.backup_file``;
    passed in because the files layer sits above this one).
    """
    current = current_revision(db)
    if current == SCHEMA_HEAD:
        return None
    if current is not None and current not in known_revisions():
        raise DatabaseError(_(_NEWER).format(path=db.label, revision=current))
    db.check_before_write()  # a migration writes: never into a file the caller refuses (a damaged one)
    kept = None
    if current is not None and db.path is not None and backup_dir is not None and backup is not None:
        kept = backup(db.path, backup_dir, reason=f"before-migration-{current}")
    from alembic import command

    cfg = alembic_config(db)
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    db.has_change_log = None  # made by revision 0016: look again
    if db.is_sqlite and current is not None:
        # new indexes have no statistics yet; without them the planner may
        # prefer one that sorts (seen: the accounts list 14 ms -> 100 ms)
        with db.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    return kept


def check_file_revision(path: Path) -> None:
    """Before anything writes to an existing file: refuse a foreign or newer one.

    Uses a read-only connection, so a refused file is left exactly as it was
    (an engine connection would already switch it to WAL).
    """
    if not path.exists() or path.stat().st_size == 0:
        return
    check_sqlite_file(path)
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise DatabaseError(_("Cannot open {path}: {problem}.").format(path=path, problem=exc)) from exc
    try:
        names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in names:
            if names:
                raise DatabaseError(_("{path} holds tables but is not a relationapp database.").format(path=path))
            return
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(_("{path} cannot be read as a database: {problem}.").format(
            path=path, problem=exc)) from exc
    finally:
        con.close()
    current = row[0] if row else None
    if current not in (None, SCHEMA_HEAD) and current not in known_revisions():
        raise DatabaseError(_(_NEWER).format(path=path, revision=current))
