"""Backups of a database on a PostgreSQL server, and putting one back into an empty database.

A backup is ``pg_dump -Fc`` when a pg_dump of the server's major version (or a
newer one) is installed (``files.pg_tools``), else the app's own full export
(a zip, ``exchange.export``); the result says which. In the backup folder they
are named ``<database>-<YYYYmmdd-HHMMSS>-manual.dump`` / ``.zip`` and only the
newest ``keep`` of that database stay, as with the SQLite file's backups.

Restoring goes into an empty database only (another server user may be
working in the current one, so nothing is replaced): a dump through
``pg_restore`` into a database without tables (``createdb``, then restore),
an export through ``import all`` into a new or migrated, empty one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from relationapp.data.db import Database
from relationapp.errors import ValidationError
from relationapp.files import pg_tools
from relationapp.files.paths import user_file
from relationapp.services.data_care.backups import AUTO_INTERVAL
from relationapp.text.catalogue import _

_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z0-9_-]+?)(?:-\d+)?\.(?:dump|zip)$")


@dataclass(frozen=True)
class ServerBackup:
    path: Path
    method: str  # "pg_dump" or "export"
    older_pg_dump: int | None = None  # the major version of a pg_dump too old for the server, when that was all

    @property
    def message(self) -> str:
        if self.method == "pg_dump":
            return _("Backup made with pg_dump: {path}").format(path=self.path)
        if self.older_pg_dump is not None:
            return _("pg_dump {version} is older than the server; backup made with the app's export: {path}").format(
                version=self.older_pg_dump, path=self.path)
        return _("pg_dump not found; backup made with the app's export: {path}").format(path=self.path)


def server_major(db: Database) -> int:
    with db.read() as session:
        return int(session.execute(sa.text("SHOW server_version_num")).scalar_one()) // 10000


def backup_stem(db: Database) -> str:
    """The server database's name as a file name's first part."""
    name = sa.engine.make_url(db.url).database or "relationapp"
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", name)


def backup_server(db: Database, *, dest: str | Path | None = None, backup_dir: str | Path | None = None,
                  keep: int | None = None, now: dt.datetime | None = None, reason: str = "manual") -> ServerBackup:
    """A backup of the server database now: to ``dest`` if given, else into ``backup_dir`` (pruned to ``keep``)."""
    if db.is_sqlite:
        raise ValidationError(_("This database is a SQLite file; its backups use SQLite's backup API."))
    programs = pg_tools.candidates("pg_dump")
    major = server_major(db)
    program = pg_tools.choose(programs, major)
    suffix = ".dump" if program is not None else ".zip"
    if dest is not None:
        target = user_file(dest)
    elif backup_dir is not None:
        target = _free_name(Path(backup_dir), backup_stem(db), now or dt.datetime.now(), suffix, reason)
    else:
        raise ValidationError(_("No backup folder given."))
    if program is not None:
        made = ServerBackup(pg_tools.dump(program, db.url, target), "pg_dump")
    else:
        from relationapp.exchange.export import export_all

        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        older = max((p.major for p in programs), default=None)
        made = ServerBackup(export_all(db, out=target, as_zip=True).path, "export", older)
    if dest is None and keep is not None:
        prune_server_backups(Path(backup_dir), stem=backup_stem(db), keep=keep)
    return made


def daily_server_backup(db: Database, *, backup_dir: str | Path, keep: int,
                        now: dt.datetime | None = None) -> ServerBackup | None:
    """At start-up, as for a SQLite file: a backup when this folder's newest of this database is a day old
    (or there is none); None when none was due. Each laptop keeps its own copies of the server's data."""
    now = now or dt.datetime.now()
    newest = next(iter(list_server_backups(Path(backup_dir), stem=backup_stem(db))), None)
    if newest is not None:
        made_at = dt.datetime.strptime(_NAME.match(newest.name).group("stamp"), "%Y%m%d-%H%M%S")
        if now - made_at < AUTO_INTERVAL and newest.stat().st_size > 0:
            return None
    return backup_server(db, backup_dir=backup_dir, keep=keep, now=now, reason="auto")


def _free_name(folder: Path, stem: str, now: dt.datetime, suffix: str, reason: str = "manual") -> Path:
    base = f"{stem}-{now:%Y%m%d-%H%M%S}-{reason}"
    n = 1
    while True:
        path = folder / f"{base}{'' if n == 1 else f'-{n}'}{suffix}"
        if not path.exists():
            return path
        n += 1


def list_server_backups(backup_dir: Path, *, stem: str) -> list[Path]:
    """This database's backups in the folder, newest first."""
    if not backup_dir.is_dir():
        return []
    found = []
    for path in backup_dir.iterdir():
        m = _NAME.match(path.name)
        if m and m.group("stem") == stem and path.is_file():
            found.append((m.group("stamp"), path.stat().st_mtime_ns, path))
    return [path for *_key, path in sorted(found, reverse=True)]


def prune_server_backups(backup_dir: Path, *, stem: str, keep: int) -> list[Path]:
    """Keep the newest ``keep`` backups of this database (at least one); returns what was deleted."""
    removed = list_server_backups(backup_dir, stem=stem)[max(1, int(keep)):]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


@dataclass(frozen=True)
class ServerRestore:
    source: Path
    method: str  # "pg_restore" or "import"
    rows: int | None  # rows imported (an export); None for pg_restore

    @property
    def message(self) -> str:
        if self.method == "pg_restore":
            return _("Restored {file} with pg_restore.").format(file=self.source)
        return _("Imported {count} records from {file}.").format(count=self.rows, file=self.source)


def _scalar(url: str, query: str) -> int:
    """One number from the server database at ``url`` (which the app has not opened: nothing is migrated)."""
    from relationapp.data.db import DatabaseError, server_problem

    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(sa.text(query)).scalar_one())
    except sa.exc.OperationalError as exc:
        raise DatabaseError(server_problem(exc, url) or str(exc)) from None
    finally:
        engine.dispose()


def restore_server(url: str, *, source: str | Path) -> ServerRestore:
    """Put a backup (a pg_dump archive, or the app's export) into the EMPTY server database at ``url``."""
    from relationapp.data.db import url_for
    from relationapp.services.data_care.opening import open_database

    url = url_for(url)
    source = Path(source)
    if not source.exists():
        raise ValidationError(_("{path} does not exist").format(path=source))
    if pg_tools.is_dump(source):
        if _scalar(url, "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"):
            raise ValidationError(_("pg_restore puts a dump into an empty database only; make a new one "
                                    "(createdb NAME) and restore into that."))
        major = _scalar(url, "SHOW server_version_num") // 10000
        program = pg_tools.choose(pg_tools.candidates("pg_restore"), major)
        if program is None:
            raise ValidationError(_("pg_restore for PostgreSQL {version} or newer is not installed.").format(
                version=major))
        pg_tools.restore(program, url, source)
        open_database(url).dispose()  # a dump of an older schema is migrated like any database
        return ServerRestore(source, "pg_restore", None)
    from relationapp.exchange.export import import_all

    db = open_database(url)
    try:
        counts = import_all(db, source=source)
    finally:
        db.dispose()
    return ServerRestore(source, "import", sum(counts.values()))
