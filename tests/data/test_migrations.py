import sqlite3

import pytest
import sqlalchemy as sa

from relationapp.data import migrate
from relationapp.data.db import Database, DatabaseError
from relationapp.services.data_care.opening import open_database


def test_one_head_and_code_knows_it():
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config(Database("sqlite://")))
    assert len(script.get_heads()) == 1
    assert script.get_current_head() == migrate.SCHEMA_HEAD


def test_upgrade_from_empty_creates_every_table(db):
    from sqlmodel import SQLModel

    with db.engine.connect() as conn:
        tables = set(sa.inspect(conn).get_table_names())
    assert set(SQLModel.metadata.tables) <= tables
    assert migrate.current_revision(db) == migrate.SCHEMA_HEAD


def test_models_match_migrated_schema(db):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    with db.engine.connect() as conn:
        opts = {"compare_type": True, "include_name": migrate.include_name}
        diff = compare_metadata(MigrationContext.configure(conn, opts=opts), SQLModel.metadata)
        diff = [d for d in diff if not _added_reference_as_declared(conn, d)]
    assert diff == []


def _fk_key(fk) -> tuple:
    return fk.parent.name, tuple(c.name for c in fk.columns), tuple(e.target_fullname for e in fk.elements)


def _added_reference_as_declared(conn, entry) -> bool:
    """A column added later with a column-level REFERENCES (revision 0007): SQLAlchemy reflects it without
    its ON DELETE, so autogenerate reports it removed and added; SQLite's own PRAGMA says what it really is."""
    kind, fk = entry[0], entry[1]
    if kind not in ("remove_fk", "add_fk") or len(fk.columns) != 1:
        return False
    table, (column,), (target,) = _fk_key(fk)
    from sqlmodel import SQLModel

    declared = {_fk_key(f): f.ondelete for f in SQLModel.metadata.tables[table].foreign_key_constraints}
    rows = conn.exec_driver_sql(f"PRAGMA foreign_key_list({table})").fetchall()
    real = {(r[3], r[2] + "." + r[4]): r[6] for r in rows}  # (from, table.to) -> on_delete
    wanted = declared.get((table, (column,), (target,)))
    return wanted is not None and real.get((column, target)) == wanted


@pytest.mark.sqlite_only(reason='the mode of the SQLite file')
def test_database_file_is_private(db, db_path):
    assert (db_path.stat().st_mode & 0o777) == 0o600
    with db.write() as session:
        session.execute(sa.text("INSERT INTO staff (name, active) VALUES ('A', 1)"))
    for suffix in ("-wal", "-shm"):
        sidecar = db_path.with_name(db_path.name + suffix)
        if sidecar.exists():
            assert (sidecar.stat().st_mode & 0o777) == 0o600


@pytest.mark.sqlite_only(reason="SQLite's pragmas")
def test_pragmas_on_every_connection(db):
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_not_a_database_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are my notes, not a database\n" * 10)
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="not a relationapp database|cannot be read"):
        open_database(str(path))
    assert path.read_bytes() == before


def test_newer_schema_is_refused_untouched(db_path):
    db = open_database(str(db_path))
    db.dispose()
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseError, match="newer relationapp"):
        open_database(str(db_path))
    assert db_path.read_bytes() == before


def test_foreign_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY)")
    con.commit()
    con.close()
    with pytest.raises(DatabaseError, match="not a relationapp database"):
        open_database(str(path))


def test_unwritable_location_gives_clear_message(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(DatabaseError, match="Cannot create the database file"):
        open_database(str(blocker / "sub" / "x.db"))


def test_read_only_file_gives_clear_message(tmp_path):
    import os

    if os.geteuid() == 0:
        pytest.skip("root may write a read-only file")
    path = tmp_path / "ro.db"
    open_database(str(path)).dispose()
    path.chmod(0o400)
    with pytest.raises(DatabaseError, match="permission denied"):
        open_database(str(path))


def test_older_schema_is_backed_up_then_upgraded(db_path):
    old = _database_at(db_path, "0001_initial")
    with old.write() as session:
        session.execute(sa.text("INSERT INTO account (name, kind, stage, archived, created_at, updated_at) "
                                "VALUES ('Kept', 'organisation', 'customer', 0, '2026-01-01', '2026-01-01')"))
    old.dispose()

    db = open_database(str(db_path))
    assert migrate.current_revision(db) == migrate.SCHEMA_HEAD
    with db.read() as session:
        assert session.execute(sa.text("SELECT name FROM account")).scalar_one() == "Kept"
    db.dispose()
    kept = list((db_path.parent / "backups").glob("*.db"))
    assert len(kept) == 1 and (kept[0].stat().st_mode & 0o777) == 0o600
    con = sqlite3.connect(kept[0])
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001_initial"
    con.close()


@pytest.mark.sqlite_only(reason="SQLite's BEGIN IMMEDIATE (PostgreSQL: test_writers_queue_on_postgresql)")
def test_write_uses_begin_immediate(db):
    statements = []
    sa.event.listen(db.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    with db.write() as session:
        session.execute(sa.text("INSERT INTO staff (name, active) VALUES ('B', 1)"))
    assert "BEGIN IMMEDIATE" in statements


@pytest.mark.pg
def test_writers_queue_on_postgresql(pg_db):
    """As BEGIN IMMEDIATE on SQLite: a second write transaction waits for the first to end, so a
    read-then-write inside one never races another writer."""
    import threading

    holding, done = threading.Event(), threading.Event()
    release = threading.Event()

    def first():
        with pg_db.write() as session:
            session.execute(sa.text("INSERT INTO staff (name, active) VALUES ('First', true)"))
            holding.set()
            release.wait(30)

    def second():
        holding.wait(30)
        with pg_db.write() as session:
            session.execute(sa.text("INSERT INTO staff (name, active) VALUES ('Second', true)"))
        done.set()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    try:
        holding.wait(30)
        waiting = 0
        for _ in range(600):  # until the second writer waits on the lock (never a fixed sleep)
            with pg_db.read() as session:
                waiting = session.execute(sa.text(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")).scalar()
            if waiting or done.is_set():
                break
            threading.Event().wait(0.05)
        assert waiting == 1 and not done.is_set()
    finally:
        release.set()
        for thread in threads:
            thread.join(30)
    assert done.is_set()
    with pg_db.read() as session:
        assert session.execute(sa.text("SELECT name FROM staff ORDER BY id")).scalars().all() == ["First", "Second"]


def _database_at(db_path, revision: str) -> Database:
    """A new file migrated only up to ``revision``: a database an older relationapp made."""
    from alembic import command

    old = Database.open(str(db_path))
    cfg = migrate.alembic_config(old)
    with old.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    return old


def test_records_of_a_0015_database_get_version_one_and_an_empty_change_log(db_path):
    old = _database_at(db_path, "0015_dav_sync")
    with old.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO account (name, kind, stage, archived, created_at, updated_at, in_focus) "
                             "VALUES ('Kept', 'organisation', 'customer', 0, '2026-01-01', '2026-01-01', 0)")
        conn.exec_driver_sql("INSERT INTO person (name, do_not_contact, archived, created_at, updated_at) "
                             "VALUES ('Anna', 0, 0, '2026-01-01', '2026-01-01')")
    old.dispose()

    db = open_database(str(db_path))
    from relationapp.services.customers import accounts

    (account_id,) = accounts.list_account_ids(db)
    assert accounts.get_account(db, account_id=account_id).version == 1
    assert accounts.update_account(db, account_id=account_id, expected_version=1, city="Gouda").version == 2
    with db.read() as session:
        assert session.execute(sa.text("SELECT version FROM person")).scalar_one() == 1
        logged = session.execute(sa.text("SELECT tables FROM change_log")).scalars().all()
    assert logged == ["account"]  # the edit after the upgrade; the upgrade itself is no change of anyone's
    db.dispose()


def test_a_sync_set_up_before_0017_is_the_account_called_default(db_path):
    old = _database_at(db_path, "0016_record_versions")
    with old.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO sync_account (url, user, last_ok) VALUES ('https://dav.example.nl/', 'anna', 1)")
        conn.exec_driver_sql("INSERT INTO sync_collection (account_id, kind, url) "
                             "VALUES (1, 'contacts', 'https://dav.example.nl/anna/contacts/')")
    old.dispose()

    db = open_database(str(db_path))
    from relationapp.services.sync.store import set_up_account, sync_account

    account = sync_account(db)
    assert (account.name, account.user, [c.kind for c in account.collections]) == ("default", "anna", ["contacts"])
    assert sync_account(db, name="default") == account
    second = set_up_account(db, name="office", url="https://cloud.example.nl/", user="firm",
                            collections={"visits": "https://cloud.example.nl/firm/visits/"})
    assert second.name == "office" and sync_account(db) is None  # two now: the caller names one
    db.dispose()
