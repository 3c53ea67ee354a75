"""Every fault on the command line is one line on stderr and exit 2, and writes nothing.

Damaged pages, a full disk (a file size limit, ``RLIMIT_FSIZE``), another
program holding the write lock, a permission; and a ``--db`` that would
silently make a new database where none was meant.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from relationapp.services.data_care.backups import list_backups, make_backup

posix_only = pytest.mark.skipif(os.name != "posix", reason="rlimits, flock and capabilities are POSIX")


def cli(db_path, *args, preexec_fn=None, cwd=None, timeout=120) -> subprocess.CompletedProcess:
    db = ["--db", str(db_path)] if db_path is not None else []
    return subprocess.run([sys.executable, "-m", "relationapp", *db, *args], capture_output=True, text=True,
                          preexec_fn=preexec_fn, cwd=cwd, timeout=timeout, stdin=subprocess.DEVNULL)


def one_line(out: subprocess.CompletedProcess) -> str:
    assert out.returncode == 2, (out.returncode, out.stderr)
    assert "Traceback" not in out.stderr
    assert out.stderr.count("\n") == 1 and out.stderr.startswith("relationapp: "), out.stderr
    return out.stderr


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()  # read only while no connection is open


def count(path: Path, table: str) -> int:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        con.close()


@pytest.fixture
def firm(demo_template, tmp_path) -> Path:
    """The demo firm (150 accounts, 742 orders) in a file of its own, with one good backup."""
    from relationapp.services.common.settings import update_settings
    from relationapp.services.data_care.opening import open_database

    path = tmp_path / "firm.db"
    shutil.copy(demo_template, path)
    db = open_database(str(path))  # the command line speaks the firm's language: English here
    update_settings(db, language="en")
    db.dispose()
    make_backup(path, backup_dir=tmp_path / "backups")
    return path


def damage(path: Path, table: str, *, seed: int = 1) -> None:
    """Flip bytes in the table's pages; the file header stays valid, quick_check reports the pages."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    pages = [r[0] for r in con.execute("SELECT pageno FROM dbstat WHERE name = ?", (table,))]
    con.close()
    assert pages
    data = bytearray(path.read_bytes())
    rng = random.Random(seed)
    for page in pages:
        start = (page - 1) * 4096
        data[start:start + 12] = b"\xff" * 12  # the b-tree page header
        for _ in range(40):
            data[start + rng.randrange(100, 4096)] ^= 0xFF
    path.write_bytes(bytes(data))
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        report = con.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError:
        report = [("malformed",)]
    finally:
        con.close()
    assert report != [("ok",)]


# --- damaged pages -------------------------------------------------------------------

def test_a_read_of_damaged_pages_is_one_line_naming_the_latest_good_backup(firm):
    damage(firm, "account")
    before = digest(firm)
    err = one_line(cli(firm, "accounts", "list", "--json"))
    good = list_backups(firm.parent / "backups")[0].path
    assert "damaged" in err and str(good) in err and "restore" in err
    assert digest(firm) == before
    assert not Path(f"{firm}-wal").exists() or Path(f"{firm}-wal").stat().st_size == 0


def test_no_command_writes_into_a_file_with_damaged_pages(firm):
    damage(firm, "nps_response")  # pages that adding an order never reads
    orders = count(firm, "orders")
    before = digest(firm)
    err = one_line(cli(firm, "orders", "add", "--account", "1", "--date", "2026-01-05", "--amount", "10"))
    assert "damaged" in err and "nothing was written" in err
    err = one_line(cli(firm, "nps", "add", "1", "9"))
    assert "damaged" in err
    assert digest(firm) == before and count(firm, "orders") == orders
    assert not Path(f"{firm}-wal").exists() or Path(f"{firm}-wal").stat().st_size == 0


def test_a_healthy_file_is_written_as_before(firm):
    orders = count(firm, "orders")
    out = cli(firm, "orders", "add", "--account", "1", "--date", "2026-01-05", "--amount", "10")
    assert out.returncode == 0, out.stderr
    assert count(firm, "orders") == orders + 1


# --- a full disk ---------------------------------------------------------------------

def file_size_limit(limit: int):
    def apply():
        import resource

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


@pytest.fixture
def held_open(firm):
    """A reader of this process keeps the file's -shm in place (the limit then hits the writes, not the open)."""
    con = sqlite3.connect(firm)
    con.execute("SELECT count(*) FROM account").fetchone()
    yield con
    con.close()


@posix_only
def test_a_full_disk_during_orders_add(firm, held_open):
    orders = count(firm, "orders")
    err = one_line(cli(firm, "orders", "add", "--account", "1", "--date", "2026-01-05", "--amount", "10",
                       preexec_fn=file_size_limit(8192)))
    assert "disk" in err and "nothing was saved" in err
    assert count(firm, "orders") == orders


@posix_only
def test_a_full_disk_during_import_csv(firm, held_open, tmp_path):
    source = tmp_path / "accounts.csv"
    source.write_text("name,city\n" + "".join(f"Nieuw bedrijf {n},Ede\n" for n in range(3000)), encoding="utf-8")
    accounts = count(firm, "account")
    err = one_line(cli(firm, "import", "csv", str(source), "--kind", "accounts", preexec_fn=file_size_limit(8192)))
    assert "disk" in err
    assert count(firm, "account") == accounts  # all rows or none


@posix_only
def test_a_full_disk_during_backup(firm, held_open):
    folder = firm.parent / "backups"
    before = sorted(folder.iterdir())
    err = one_line(cli(firm, "backup", preexec_fn=file_size_limit(8192)))
    assert "No backup was made" in err and "disk" in err
    assert sorted(folder.iterdir()) == before  # no partial file left, no bad file under a backup name


@posix_only
def test_a_full_disk_during_export_all(firm, held_open, tmp_path):
    err = one_line(cli(firm, "export", "all", str(tmp_path / "out"), preexec_fn=file_size_limit(8192)))
    assert "disk is full" in err


@posix_only
@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="mounting a tmpfs needs root")
def test_a_really_full_disk(firm, tmp_path):
    """A tmpfs 200 kB bigger than the firm, filled up to 48 kB: ENOSPC itself (SQLite says 'database or disk is full')."""
    mount = tmp_path / "small"
    mount.mkdir()
    size = firm.stat().st_size // 1024 + 200
    if subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}k", "tmpfs", str(mount)],
                      capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        path = mount / "firm.db"
        shutil.copy(firm, path)
        (mount / "filler").write_bytes(b"\0" * (size * 1024 - path.stat().st_size - 48 * 1024))
        source = tmp_path / "accounts.csv"
        source.write_text("name,city\n" + "".join(f"Nieuw bedrijf {n},Ede\n" for n in range(3000)), encoding="utf-8")
        accounts = count(path, "account")
        err = one_line(cli(path, "import", "csv", str(source), "--kind", "accounts"))
        assert "disk" in err
        assert count(path, "account") == accounts
        one_line(cli(path, "backup"))
        assert list_backups(mount / "backups") == []
    finally:
        subprocess.run(["umount", str(mount)], check=False)


# --- another program holds the write lock -------------------------------------------

WRITER = """
import sqlite3, sys
from relationapp.services.data_care.instance_lock import acquire_instance_lock
assert acquire_instance_lock(sys.argv[1]) is None  # a relationapp window, say
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN IMMEDIATE")
con.execute("INSERT INTO tag (name) VALUES ('half-way')")
print("writing", flush=True)
sys.stdin.read()
con.execute("ROLLBACK")
"""


@posix_only
def test_a_write_that_waits_too_long_for_the_lock(firm):
    orders = count(firm, "orders")
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(firm)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "writing"
        err = one_line(cli(firm, "orders", "add", "--account", "1", "--date", "2026-01-05", "--amount", "10"))
        assert "Another program is writing" in err and "nothing was written" in err
        assert f"process {writer.pid}" in err  # who: the app that has it open
    finally:
        writer.stdin.close()
        writer.wait(30)
        writer.stdout.close()
    assert count(firm, "orders") == orders


# --- permission denied ----------------------------------------------------------------

def without_root_powers():
    """Root ignores file modes; drop CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH from the child (Linux)."""
    if os.geteuid() != 0:
        return None

    def drop():
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        for cap in (1, 2):  # PR_CAPBSET_DROP: gone from the bounding set, so gone after exec
            if libc.prctl(24, cap, 0, 0, 0) != 0:
                raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")
    return drop


@posix_only
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="capabilities are Linux")
@pytest.mark.parametrize("command", [["export", "all", "{locked}/out"], ["backup", "{locked}/firm-copy.db"],
                                     ["export", "vcard", "{locked}/people.vcf"]])
def test_permission_denied_is_one_line(firm, tmp_path, command):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        err = one_line(cli(firm, *[part.format(locked=locked) for part in command], preexec_fn=without_root_powers()))
        assert "Permission denied" in err or "permission" in err.lower()
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o755)


# --- a --db that would silently make a new database -------------------------------------

def test_a_db_in_a_folder_that_does_not_exist_is_refused_without_create(tmp_path):
    path = tmp_path / "mistyped" / "firm.db"
    err = one_line(cli(path, "accounts", "list"))
    assert "does not exist" in err and "--create" in err
    assert not path.parent.exists()
    out = cli(None, "--db", str(path), "--create", "accounts", "list")
    assert out.returncode == 0, out.stderr
    assert path.exists() and count(path, "account") == 0


def test_an_empty_file_is_refused_without_create(tmp_path):
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    err = one_line(cli(path, "accounts", "list"))
    assert "empty file" in err and "--create" in err
    assert path.stat().st_size == 0
    out = cli(None, "--db", str(path), "--create", "accounts", "list")
    assert out.returncode == 0, out.stderr
    assert path.stat().st_size > 0


def test_a_new_file_in_an_existing_folder_is_still_made(tmp_path):
    out = cli(tmp_path / "new.db", "accounts", "list")
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "new.db").exists()


def test_the_env_variable_is_held_to_the_same_rule(tmp_path, monkeypatch):
    monkeypatch.setenv("RELATIONAPP_DB_URL", str(tmp_path / "nope" / "env.db"))
    err = one_line(cli(None, "accounts", "list"))
    assert "RELATIONAPP_DB_URL" in err and "--create" in err


def test_the_readme_demo_command_works_in_a_fresh_folder(tmp_path):
    work = tmp_path / "fresh"
    work.mkdir()
    out = cli("demo.db", "demo", cwd=work)  # README: relationapp --db demo.db demo --open (the window: tests/ui)
    assert out.returncode == 0, out.stderr
    assert count(work / "demo.db", "account") == 150
    out = cli(tmp_path / "new-folder" / "demo.db", "demo")  # demo makes its database: no --create needed
    assert out.returncode == 0, out.stderr


def test_the_default_database_is_still_made_on_first_start(isolated_user_dirs):
    from relationapp import config

    out = cli(None, "accounts", "list")
    assert out.returncode == 0, out.stderr
    assert config.default_db_path().exists()
